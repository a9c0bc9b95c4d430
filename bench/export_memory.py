"""Benchmark: the open-data export runs in constant memory (the target for 100,000 agendas) — time and peak RSS.

    .venv/bin/python bench/export_memory.py [--public 10000,100000] [--db sqlite|postgres]
                                            [--pg-url URL] [--formats csv,json] [--json FILE]

For each size N (public agendas; default 10,000 and 100,000):

1. A fresh database (a SQLite file in a temporary folder, or PostgreSQL ``civic_agenda_bench``
   beside ``--pg-url``) with the real migrations, bulk-seeded by ``bench/seed.py`` with enough
   agendas that about N of them are public (the seeder makes ~8 % SUBMITTED or INTERNAL ones,
   which the export must skip).
2. HTTP: for each format, a fresh ``uvicorn`` process serving the real application; one small
   warm-up export (a filter that matches nothing), then ``GET /export/agendas.<fmt>`` streamed by
   this process and thrown away. The server's peak RSS is read from ``/proc/<pid>/status``
   (``VmHWM``) before and after the full export.
3. CLI: ``agenda export --format <fmt> --out FILE`` in a fresh process, its peak RSS (``VmHWM``,
   which the process reports as it exits); and the same command with a filter that matches nothing,
   as the baseline of a process that has imported and connected everything.
4. Prints, per size, path and format: rows, bytes, seconds, rows/s, peak RSS, and the growth over
   the baseline. Constant memory means the growth does not scale with N (10k vs 100k).

Exit status 1 when an export's row count differs from the number of public agendas.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() not in (ROOT, ROOT / "bench")]

import httpx  # noqa: E402

from bench import seed as seeding  # noqa: E402

BENCH_SECRET = "bench-secret-" + "e" * 27
NOTHING = {"createdAfter": "2100-01-01"}  # a valid filter that matches no agenda
PUBLIC_SHARE = (1 - seeding.INTERNAL_SHARE) * (1 - seeding.STATUS_WEIGHTS["SUBMITTED"] / sum(seeding.STATUS_WEIGHTS.values()))


def env_for(database_url: str, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEILI_", "AGENDA_", "DATABASE_URL"))}
    env.update({
        "DATABASE_URL": database_url, "AGENDA_DATA_DIR": str(data_dir), "AGENDA_SECRET": BENCH_SECRET,
        # The export never talks to Meilisearch; a closed port keeps `serve`'s lifespan from provisioning one.
        "MEILI_URL": "http://127.0.0.1:9", "AGENDA_DEMO": "0", "AGENDA_LOG_LEVEL": "warning",
        "AGENDA_RATE_LIMIT_PER_MINUTE": "0", "AGENDA_WORKER_IN_PROCESS": "0",
    })
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(key)


class RssSampler:
    """Polls a process's resident set size (VmRSS) every few milliseconds in a thread: the high-water
    mark (VmHWM / ru_maxrss) of a short process is usually set by its start (imports, migrations),
    so the largest RSS *while exporting* is what shows whether the export itself grows."""

    def __init__(self, pid: int, interval: float = 0.005) -> None:
        import threading

        self.pid, self.interval, self.max_kb = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.max_kb = max(self.max_kb, _status_kb(self.pid, "VmRSS"))
            except (OSError, KeyError, ValueError):
                return
            self._stop.wait(self.interval)

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _count_rows(fmt: str, lines: int) -> int:
    # CSV: a header line, then one line per agenda (the seeded texts have no line breaks).
    # JSON: "[", one line per object, "]".
    return lines - 1 if fmt == "csv" else lines - 2


def measure_http(database_url: str, workdir: Path, fmt: str) -> dict:
    port = _free_port()
    env = env_for(database_url, workdir / "data")
    cmd = [sys.executable, "-m", "uvicorn", "bench.bench_app:make_app", "--factory", "--host", "127.0.0.1",
           "--port", str(port), "--log-level", "warning", "--no-access-log"]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/healthz", timeout=2, trust_env=False).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
        warm = httpx.get(f"{base}/export/agendas.{fmt}", params=NOTHING, timeout=60, trust_env=False)
        assert warm.status_code == 200, warm.text
        baseline = _status_kb(proc.pid, "VmHWM")
        rss_before = _status_kb(proc.pid, "VmRSS")
        started = time.perf_counter()
        size = lines = 0
        first_byte = None
        with RssSampler(proc.pid) as rss, \
                httpx.stream("GET", f"{base}/export/agendas.{fmt}", timeout=None, trust_env=False) as r:
            assert r.status_code == 200, r.read()
            for chunk in r.iter_raw():
                if first_byte is None:
                    first_byte = time.perf_counter() - started
                size += len(chunk)
                lines += chunk.count(b"\n")
        seconds = time.perf_counter() - started
        peak = _status_kb(proc.pid, "VmHWM")
        return {"path": "http", "format": fmt, "rows": _count_rows(fmt, lines), "bytes": size, "seconds": seconds,
                "first_byte_ms": (first_byte or 0) * 1000, "peak_kb": peak, "baseline_kb": baseline,
                "rss_before_kb": rss_before, "rss_max_kb": rss.max_kb}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# `agenda …` run by its own entry point, reporting its VmHWM as it exits. (ru_maxrss from wait4 would
# not do: Linux keeps the high-water mark across fork+exec, so a child reports at least the RSS the
# parent had when it forked — here, the seeder's.)
_CLI = (
    "import sys\n"
    "from civic.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "finally:\n"
    "    hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM:')).split()[1]\n"
    "    print('VmHWM', hwm, file=sys.stderr)\n"
)


def _run_cli(args: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """(seconds, VmHWM KiB, largest sampled VmRSS KiB) of one ``agenda`` command."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _CLI, *args], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with RssSampler(proc.pid) as rss:
        _, err = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"agenda {' '.join(args)} failed: {err[-2000:]}")
    hwm = int(next(line for line in err.splitlines() if line.startswith("VmHWM")).split()[1])
    return seconds, hwm, rss.max_kb


def measure_cli(database_url: str, workdir: Path, fmt: str) -> dict:
    env = env_for(database_url, workdir / "data")
    out = workdir / f"export.{fmt}"
    _, baseline, rss_before = _run_cli(["export", "--format", fmt, "--out", str(out), "--created-after",
                                        NOTHING["createdAfter"]], env)
    seconds, peak, rss_max = _run_cli(["export", "--format", fmt, "--out", str(out)], env)
    with open(out, "rb") as fh:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    result = {"path": "cli", "format": fmt, "rows": _count_rows(fmt, lines), "bytes": out.stat().st_size,
              "seconds": seconds, "peak_kb": peak, "baseline_kb": baseline, "rss_before_kb": rss_before,
              "rss_max_kb": rss_max}
    out.unlink()
    return result


def run_size(public: int, args, workroot: Path) -> tuple[int, list[dict]]:
    workdir = workroot / f"n{public}"
    workdir.mkdir()
    url = asyncio.run(seeding.create_database(args.db, workdir=workdir, pg_url=args.pg_url))
    try:
        total = int(public / PUBLIC_SHARE) + 1
        print(f"seeding {total:,} agendas (~{public:,} public) into {args.db} …", flush=True)
        stats = asyncio.run(seeding.seed(url, total, progress=lambda m: print(m, flush=True)))
        print(f"  {stats.public_visible:,} public agendas, seeded in {stats.seconds:.1f}s", flush=True)
        results = []
        for fmt in args.formats:
            for measure in (measure_http, measure_cli):
                r = measure(url, workdir, fmt)
                r["public"] = stats.public_visible
                results.append(r)
                print(f"  {r['path']:<4} {fmt:<4} {r['rows']:>8,} rows {r['bytes'] / 1e6:8.1f} MB "
                      f"{r['seconds']:6.2f} s  peak RSS {r['peak_kb'] / 1024:6.1f} MiB, largest RSS while "
                      f"exporting {r['rss_max_kb'] / 1024:.1f} MiB", flush=True)
        return stats.public_visible, results
    finally:
        asyncio.run(seeding.drop_database(args.db, database_url=url, pg_url=args.pg_url))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--public", default="10000,100000", help="comma-separated sizes (public agendas)")
    p.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    p.add_argument("--pg-url", default=os.environ.get("AGENDA_TEST_POSTGRES_URL", "postgres://127.0.0.1:5432/test"))
    p.add_argument("--formats", default="csv,json")
    p.add_argument("--json", help="also write the results as JSON to this file")
    args = p.parse_args()
    args.formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    sizes = [int(s) for s in args.public.split(",")]
    workroot = Path(tempfile.mkdtemp(prefix="civic-agenda-export-bench-"))
    all_results, failed = [], False
    try:
        for n in sizes:
            public, results = run_size(n, args, workroot)
            for r in results:
                if r["rows"] != public:
                    print(f"  ERROR: {r['path']} {r['format']} exported {r['rows']:,} rows, expected {public:,}")
                    failed = True
            all_results += results
    finally:
        shutil.rmtree(workroot, ignore_errors=True)

    print(f"\nexport of public agendas on {args.db} ({os.cpu_count()} CPUs); peak RSS = VmHWM")
    print("  peak = the process's high-water mark; idle = peak of the same process kind exporting nothing")
    print("  (server: before the export; CLI: a run whose filter matches nothing); max RSS = largest VmRSS")
    print("  sampled every 5 ms during the export; before = VmRSS just before it (server) / max of the idle run (CLI)")
    print(f"{'rows':>9} {'path':<5}{'fmt':<5}{'MB':>8}{'seconds':>9}{'rows/s':>10}{'peak MiB':>10}{'idle':>8}"
          f"{'max RSS':>9}{'before':>8}{'growth':>8}")
    for r in all_results:
        print(f"{r['rows']:>9,} {r['path']:<5}{r['format']:<5}{r['bytes'] / 1e6:>8.1f}{r['seconds']:>9.2f}"
              f"{r['rows'] / r['seconds']:>10,.0f}{r['peak_kb'] / 1024:>10.1f}{r['baseline_kb'] / 1024:>8.1f}"
              f"{r['rss_max_kb'] / 1024:>9.1f}{r['rss_before_kb'] / 1024:>8.1f}"
              f"{(r['rss_max_kb'] - r['rss_before_kb']) / 1024:>+8.1f}")
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        print(f"\nlargest size minus smallest ({large // max(small, 1)}x the rows): peak RSS, largest RSS while exporting")
        for path in ("http", "cli"):
            for fmt in args.formats:
                pick = {r["public"]: r for r in all_results if r["path"] == path and r["format"] == fmt}
                lo, hi = pick[min(pick)], pick[max(pick)]
                print(f"  {path:<4} {fmt:<4} {(hi['peak_kb'] - lo['peak_kb']) / 1024:+6.1f} MiB "
                      f"{(hi['rss_max_kb'] - lo['rss_max_kb']) / 1024:+6.1f} MiB")
    if args.json:
        Path(args.json).write_text(json.dumps(all_results, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
