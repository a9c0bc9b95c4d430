"""``agenda export``, ``agenda backup`` and ``agenda restore`` (registered by ``civic.cli.build_parser``)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from civic.runtime import load_settings, run_with_database, run_with_search


def _export_options() -> dict[str, str]:
    """CLI option (``department_codes``, shown as ``--department-codes``) -> the export's query
    parameter (``departmentCodes``): the options are the filter's own parts, named alike."""
    from server.agendas.filter import PARAMETERS
    from server.opendata.export import FILTER_PARAMETERS

    return {key: name for key, name in PARAMETERS.items() if name in FILTER_PARAMETERS}


def cmd_export(args: argparse.Namespace) -> int:
    from server.opendata import export

    options = _export_options()
    params = {options[k]: v for k, v in vars(args).items() if k in options and v}
    try:
        f = export.parse_filter(params)
    except export.ExportFilterError as exc:
        print(f"agenda export: {exc.parameter}: {exc.message}", file=sys.stderr)
        return 2
    to_stdout = args.out in (None, "-")
    out = None if to_stdout else Path(args.out).expanduser()

    async def work(settings) -> int:
        try:
            await export.check_departments(f)
        except export.ExportFilterError as exc:
            print(f"agenda export: {exc.parameter}: {exc.message}", file=sys.stderr)
            return 2
        started = time.perf_counter()
        written = 0
        if to_stdout:
            sink = sys.stdout.buffer
            async for chunk in export.chunks(args.format, f, batch_size=args.batch_size):
                sink.write(chunk)
                written += len(chunk)
            sink.flush()
            return 0
        part = out.with_name(out.name + ".part")  # a failed export never leaves a half file under the name
        try:
            with open(part, "wb") as sink:
                async for chunk in export.chunks(args.format, f, batch_size=args.batch_size):
                    sink.write(chunk)
                    written += len(chunk)
            os.replace(part, out)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        print(f"wrote {out} ({written:,} bytes, {args.format}) in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        return 0

    return run_with_database("agenda export", work)


def _database_file(prog: str):
    from server.ops.backup import BackupError, sqlite_path

    settings = load_settings()
    try:
        return settings, sqlite_path(settings.database_url)
    except BackupError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def cmd_backup(args: argparse.Namespace) -> int:
    from server.ops.backup import BackupError, backup

    _, path = _database_file("agenda backup")
    try:
        report = backup(path, Path(args.out), force=args.force)
    except BackupError as exc:
        print(f"agenda backup: {exc}", file=sys.stderr)
        return 1
    print(f"backed up {path} to {report.path} ({report.bytes:,} bytes: {report.agendas:,} agendas, "
          f"{report.users:,} users) in {report.seconds:.1f}s")
    print("keep AGENDA_SECRET (or <data>/secret.key) with it: without the same secret, restored logins "
          "are signed out (passwords still work)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from server.ops.backup import BackupError, restore
    from server.search import local
    from server.search.reindex import reindex

    settings, path = _database_file("agenda restore")
    if settings.provision_meili and local._running(settings) is not None:
        print("agenda restore: a server (or worker) is running on this data folder; stop it first", file=sys.stderr)
        return 1
    try:
        report = restore(Path(args.from_file), path, force=args.force)
    except BackupError as exc:
        print(f"agenda restore: {exc}", file=sys.stderr)
        return 1
    print(f"restored {report.agendas:,} agendas and {report.users:,} users into {path} in {report.seconds:.1f}s")

    async def work(s, engine) -> int:
        result = await reindex(engine)
        print(f"rebuilt the search index: {result.indexed:,} agendas in {result.seconds:.1f}s ({engine.agendas_uid})")
        return 0

    try:
        return run_with_search("agenda restore", work)  # migrates first: an older backup is brought forward
    except Exception as exc:  # noqa: BLE001 - the database is restored; only the index is behind
        print(f"agenda restore: the database is restored, but rebuilding the search index failed "
              f"({type(exc).__name__}: {exc}); run `agenda reindex` when Meilisearch is reachable", file=sys.stderr)
        return 1


def add_parsers(sub) -> None:
    p = sub.add_parser("export", help="write every public agenda as CSV or JSON (open data)")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--out", help="file to write (default: standard output)")
    for option, name in _export_options().items():
        p.add_argument("--" + option.replace("_", "-"), dest=option, action="append", metavar=name.upper(),
                       help=f"filter like the API's {name} (comma-separated and/or repeated)")
    p.add_argument("--batch-size", type=int, default=1000, help=argparse.SUPPRESS)
    p.set_defaults(fn=cmd_export)

    p = sub.add_parser("backup", help="back up the embedded SQLite database (online backup API)")
    p.add_argument("--out", required=True, help="backup file to write")
    p.add_argument("--force", action="store_true", help="replace the file when it exists")
    p.set_defaults(fn=cmd_backup)

    p = sub.add_parser("restore", help="restore the SQLite database from a backup and rebuild the search index")
    p.add_argument("--from", dest="from_file", required=True, metavar="FILE", help="backup file (from agenda backup)")
    p.add_argument("--force", action="store_true", help="replace a database that already holds data")
    p.set_defaults(fn=cmd_restore)
