"""Benchmark: search through the API against the same query sent straight to Meilisearch (target: p99 within 10 ms of direct).

    .venv/bin/python bench/search.py [--agendas N] [--db sqlite|postgres] [--requests R]
                                     [--concurrency 1,8,32] [--proposals M] [--pg-url URL]
                                     [--workers N] [--reuse URL] [--phases P,…] [--json FILE] [--keep]

What it measures, and why each way:

1. **Rebuild throughput** — ``server.search.reindex.reindex`` (what ``agenda reindex`` runs) on the
   seeded database, twice: a cold build (no live index yet) and a rebuild over a live index while a
   probe keeps asking the live index how many documents it holds. SPEC: ≥ 5,000 agendas/s and no
   window in which search answers from a half-built index — the probe must never see a count other
   than the full one (nor an error). One searcher sends the query mix straight to the live index on
   the idle index and then through the rebuild: what a rebuild costs the people searching meanwhile
   (its CPU also slows the rebuild a little, as in real life).
2. **Latency, API vs direct** — the same query mix (Korean with a particle, Chinese, English with a
   typo…) sent as the anonymous GraphQL ``search`` to a live uvicorn subprocess (1 worker, the real
   app from bench/bench_app.py) and as ``POST /indexes/<uid>/search`` straight to Meilisearch with
   the very body the server's SDK call sends (built with the SDK's own ``process_search_parameters``
   from the server's arguments, so filter, facets, highlight and crop are identical). Closed-loop
   clients from bench/loadgen.py at each concurrency; p50/p90/p99 pooled over the mix. SPEC: API
   p99 within 10 ms of direct.
3. **Where the API's extra time goes** — in process, per query, the median of: the raw HTTP call to
   Meilisearch, the SDK call (adds pydantic parsing), ``service.search`` (adds the one DB query for
   the hits and the highlight escaping), and the whole app over an ASGI transport (adds middleware,
   GraphQL parse/validate/execute/serialise). Differences between layers attribute the overhead.
4. **Freshness** — with the server's in-process outbox worker, a registered citizen proposes M
   agendas, each with a unique made-up word in its title; after each mutation returns, ``search``
   is polled for that word until the new agenda is among the hits. SPEC: p99 < 1 s.
5. **Top-hit agreement** — the API's top-5 ids equal direct Meilisearch's top-5 ids for every query
   in the mix (the server adds filters and visibility, never different ranking).

Exit status 1 when something is *wrong* (errors, a half-built window seen, top hits differ, a
proposal never became searchable); the latency targets are reported, not enforced.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import shutil
import signal
import statistics
import string
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() not in (ROOT, ROOT / "bench")]

import httpx  # noqa: E402

from bench import seed as seeding  # noqa: E402
from bench.list_agendas import running_server, server_cpu_seconds, server_env  # noqa: E402
from bench.loadgen import Case, Result, run_case  # noqa: E402
from server import db  # noqa: E402
from server.agendas.policy import ANONYMOUS  # noqa: E402
from server.agendas.filter import AgendaFilter  # noqa: E402
from server.search import service  # noqa: E402
from server.search.index_search import agenda_search_body, highlight_marks  # noqa: E402
from server.search.results import SearchSort  # noqa: E402
from server.search.engine import SearchEngine  # noqa: E402
from server.search.index_settings import FACETS  # noqa: E402
from server.search.provision import start_provisioned  # noqa: E402
from server.search.reindex import reindex  # noqa: E402
from server.settings import Settings, default_cache_dir  # noqa: E402

TARGET_REINDEX_PER_S = 5_000
TARGET_EXTRA_P99_MS = 10.0             # SPEC §5, one client
TARGET_EXTRA_P99_UNDER_LOAD_MS = 20.0  # issue 16 item 5, 8 clients and more
TARGET_CPU_RATIO = 2.0                 # issue 16 item 5: the server's CPU per search ≤ 2× Meilisearch's
TARGET_FRESH_P99_S = 1.0
# Every search executed: the server shares identical anonymous answers for a second
# (schema/anonymous_cache.py), and seven queries repeated would measure that cache, not a search.
# People's searches are rarely identical; bench/bench_app.py serves /graphql-own without sharing.
API_PATH = "/graphql-own"
PHASES = ("reindex", "layers", "latency", "agreement", "freshness", "freshness-load")

# The mix: what people type. Each is in the seeded vocabulary (bench/seed.py draws titles and
# bodies from the departments' routing keywords and Seoul's districts).
QUERIES = {
    "ko particle": "저상버스를",          # noun + object particle: the index must still find 저상버스
    "ko two words": "공동육아 어린이집",
    "ko district": "마포구 미세먼지",
    "zh": "傳統市場",
    "zh sentence": "建議擴大都市再生",
    "en typo": "libary festivl",         # library festival, two typos
    "en phrase": "social housng",
}

SEARCH_GQL = """
query BenchSearch($q: String!) {
  search(query: $q, first: 20) {
    hits { agenda { id title } highlights { title } }
    estimatedTotal degraded
  }
}
"""


def gql_body(q: str) -> bytes:
    return json.dumps({"query": SEARCH_GQL, "variables": {"q": q}}, ensure_ascii=False).encode()


_MARKS = highlight_marks()


def direct_params(q: str) -> dict:
    """The body ``index_search.search_agendas`` sends for an anonymous caller with no filter and
    RELEVANCE sort — built by the server's own function, so the comparison cannot drift from what
    the server really asks Meilisearch (its highlight tags carry a fresh token per search; these
    are of the same length)."""
    return agenda_search_body(ANONYMOUS, q, AgendaFilter(), 20, 0, SearchSort.RELEVANCE, True, _MARKS)


@dataclass(frozen=True)
class AuthCase(Case):
    """A loadgen Case with extra request headers (Meilisearch wants its key as a bearer token)."""

    headers: tuple[tuple[str, str], ...] = ()

    def raw_request(self, host: str) -> bytes:
        req = super().raw_request(host)
        head, sep, body = req.partition(b"\r\n\r\n")
        extra = "".join(f"\r\n{k}: {v}" for k, v in self.headers).encode("latin-1")
        return head + extra + sep + body

    def httpx_request(self, client: httpx.AsyncClient) -> httpx.Request:
        r = super().httpx_request(client)
        r.headers.update(dict(self.headers))
        return r


# --------------------------------------------------------------------------- 1. reindex


async def phase_reindex(settings: Settings, database_url: str, batch_size: int, *, rebuild: bool = True) -> dict:
    """Cold build, then a rebuild while a probe polls the live index: every answer must be the
    full count. The probe searches the live index (q="", limit 0: it must answer) and reads its
    numberOfDocuments from /stats — uncapped, unlike estimatedTotalHits (maxTotalHits 10,000), so
    a partial build shows as a smaller number at 100,000 agendas too."""
    ctx = await db.open_context(database_url)
    engine = SearchEngine(settings)
    out: dict = {}
    try:
        with ctx:
            from server.agendas.models import Agenda
            expected = await Agenda.all().count()

            def progress(topic, done, total):
                if topic == "agenda" and (done % 50_000 == 0 or done == total):
                    print(f"    {topic}: {done:,}/{total:,}", flush=True)

            cold = await reindex(engine, batch_size=batch_size, progress=progress)
            out["cold"] = {"indexed": cold.indexed, "seconds": cold.seconds, "per_s": cold.per_second,
                           "caught_up": cold.caught_up}
            print(f"  cold build: {cold.indexed:,} records in {cold.seconds:.2f} s = {cold.per_second:,.0f}/s "
                  f"(+{cold.caught_up:,} re-applied after the swap)", flush=True)
            if not rebuild:
                return out

            seen: list[int] = []
            errors: list[str] = []
            stop = asyncio.Event()
            headers = {"Authorization": f"Bearer {settings.meili_master_key}"}

            async def probe():
                async with httpx.AsyncClient(base_url=settings.meili_url, headers=headers, timeout=5) as http:
                    while not stop.is_set():
                        try:
                            r = await http.post(f"/indexes/{engine.agendas_uid}/search", json={"q": "", "limit": 0})
                            stats = await http.get(f"/indexes/{engine.agendas_uid}/stats")
                            if r.status_code != 200 or stats.status_code != 200:
                                errors.append(f"HTTP {r.status_code}/{stats.status_code}: {r.text[:200]}")
                            else:
                                seen.append(stats.json()["numberOfDocuments"])
                        except httpx.HTTPError as exc:
                            errors.append(f"{type(exc).__name__}: {exc}")
                        await asyncio.sleep(0.01)

            # A production table has not changed in the last minute, this freshly seeded one has: the
            # cold build above therefore re-applied every agenda after its swap (reindex's catch-up of
            # rows with updated_at in the last 60 s). Age the rows so the rebuild measures the usual case.
            await db.connection().execute_script("UPDATE agendas SET updated_at = created_at")
            # What a rebuild costs the people searching meanwhile: one searcher sending the mix
            # straight to the live index, first on the idle index, then through the rebuild.
            idle = await searcher(settings, engine.agendas_uid, count=len(QUERIES) * 40)
            during_stop = asyncio.Event()
            during = asyncio.create_task(searcher(settings, engine.agendas_uid, stop=during_stop))
            task = asyncio.create_task(probe())
            warm = await reindex(engine, batch_size=batch_size, progress=progress)
            await asyncio.sleep(0.2)
            stop.set()
            during_stop.set()
            await task
            busy = await during
            cap = expected
            wrong = [n for n in seen if n != cap]
            out["rebuild"] = {"indexed": warm.indexed, "seconds": warm.seconds, "per_s": warm.per_second,
                              "caught_up": warm.caught_up, "probes": len(seen), "probe_errors": len(errors),
                              "probe_wrong_counts": len(wrong), "expected": cap,
                              "first_error": errors[0] if errors else None,
                              "wrong_sample": sorted(set(wrong))[:5]}
            print(f"  rebuild over live index: {warm.indexed:,} in {warm.seconds:.2f} s = {warm.per_second:,.0f}/s; "
                  f"probe: {len(seen)} answers, {len(wrong)} not the full count {cap:,}, {len(errors)} errors",
                  flush=True)
            out["searches"] = {"idle": _spread(idle), "during_rebuild": _spread(busy)}
            print("  one searcher straight to Meilisearch (ms): " + "; ".join(
                f"{name} n={d['n']} p50 {d['p50_ms']} p99 {d['p99_ms']}" for name, d in out["searches"].items()),
                flush=True)
    finally:
        await engine.aclose()
        await db.close_context(ctx)
    return out


async def searcher(settings: Settings, uid: str, *, count: int | None = None,
                   stop: asyncio.Event | None = None) -> list[float]:
    """One client sending the query mix (the server's own request bodies) to ``uid`` one after
    another — ``count`` searches, or until ``stop`` — and the seconds each took."""
    bodies = [direct_params(q) for q in QUERIES.values()]
    times: list[float] = []
    headers = {"Authorization": f"Bearer {settings.meili_master_key}"}
    async with httpx.AsyncClient(base_url=settings.meili_url, headers=headers, timeout=30) as http:
        while (count is None or len(times) < count) and not (stop is not None and stop.is_set()):
            t0 = time.perf_counter()
            r = await http.post(f"/indexes/{uid}/search", json=bodies[len(times) % len(bodies)])
            r.raise_for_status()
            times.append(time.perf_counter() - t0)
    return times


def _spread(seconds: list[float]) -> dict:
    one = Result("searcher", 1, latencies=seconds)  # its nearest-rank percentiles
    return {"n": len(seconds), "p50_ms": round(one.pct(0.5), 1), "p99_ms": round(one.pct(0.99), 1)}


# --------------------------------------------------------------------------- 3. in-process layers


async def phase_layers(settings: Settings, repeats: int) -> dict:
    """Median per query of each layer, in this process, one request at a time:

    raw      httpx POST of the server's body to Meilisearch + json.loads, Accept-Encoding: identity
    gzip     the same with httpx's default Accept-Encoding (gzip, deflate), as the server's SDK sends it
    sdk      the server's SDK call (adds request building and pydantic parsing of the response)
    nofacet  raw, but without the 5 facets (what facet computation costs inside Meilisearch)
    db       Agenda.filter(id__in=<the 20 ids>) alone (the one DB query for the hits)
    service  server.search.service.search (sdk + db + visibility re-check + highlight escaping)
    asgi     POST /graphql through the whole app on an ASGI transport (adds middleware, auth,
             GraphQL parse/validate/execute/serialise), no network
    """
    from server.agendas.models import Agenda
    from bench.bench_app import add_floor
    from civic.app import create_app

    app = add_floor(create_app(settings, run_migrations=False))
    out: dict = {}
    async with app.router.lifespan_context(app):
        with app.state.tortoise:
            engine: SearchEngine = app.state.search
            uid = engine.agendas_uid
            auth = {"Authorization": f"Bearer {settings.meili_master_key}"}
            meili = httpx.AsyncClient(base_url=settings.meili_url, timeout=10, headers={**auth, "Accept-Encoding": "identity"})
            meili_gzip = httpx.AsyncClient(base_url=settings.meili_url, timeout=10, headers=auth)
            asgi = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench")
            index = engine.client.index(uid)
            try:
                for name, q in QUERIES.items():
                    body = direct_params(q)
                    nofacet = {**body, "facets": None}
                    ids = [h["id"] for h in (await meili.post(f"/indexes/{uid}/search", json=body)).json()["hits"]]

                    async def raw(b=body):
                        r = await meili.post(f"/indexes/{uid}/search", json=b)
                        return r.json()

                    async def gz(b=body):
                        return (await meili_gzip.post(f"/indexes/{uid}/search", json=b)).json()

                    async def sdk(q=q):
                        return await index.search(
                            q, offset=0, limit=20, filter=body["filter"], facets=FACETS, attributes_to_retrieve=["id"],
                            attributes_to_highlight=["title", "body"], attributes_to_crop=["body"], crop_length=40,
                            highlight_pre_tag=_MARKS[0], highlight_post_tag=_MARKS[1], crop_marker="…")

                    async def dbq(ids=ids):
                        return await Agenda.filter(id__in=ids)

                    async def svc(q=q):
                        return await service.search(engine, ANONYMOUS, q, AgendaFilter(), first=20)

                    async def full(q=q):
                        r = await asgi.post(API_PATH, content=gql_body(q), headers={"content-type": "application/json"})
                        return r.json()

                    row = {}
                    for layer, fn in (("raw", raw), ("gzip", gz), ("nofacet", lambda b=nofacet: raw(b)), ("sdk", sdk), ("db", dbq),
                                      ("service", svc), ("asgi", full)):
                        for _ in range(5):
                            await fn()
                        samples = []
                        for _ in range(repeats):
                            t0 = time.perf_counter()
                            await fn()
                            samples.append(time.perf_counter() - t0)
                        row[layer] = statistics.median(samples) * 1000
                    row["meili_processing_ms"] = (await raw())["processingTimeMs"]
                    out[name] = row
            finally:
                await meili.aclose()
                await meili_gzip.aclose()
                await asgi.aclose()
    return out


# --------------------------------------------------------------------------- 2. latency


def merge(results: list[Result], name: str, conc: int) -> Result:
    m = Result(case=name, concurrency=conc)
    for r in results:
        m.latencies += r.latencies
        m.errors += r.errors
        m.wall += r.wall
    cpus = [r.server_cpu_ms * len(r.latencies) for r in results if r.server_cpu_ms is not None]
    if len(cpus) == len(results) and m.latencies:
        m.server_cpu_ms = sum(cpus) / len(m.latencies)
    return m


async def phase_latency(api_base: str, api_pid: int, meili_url: str, meili_pid: int, key: str, uid: str,
                        concurrencies: list[int], requests: int, warmup: int) -> list[tuple[Result, Result, float]]:
    """Per concurrency: for each query, API then direct (interleaved so background drift hits both
    sides alike); latencies pooled over the mix. CPU per request is the server's for the API and
    Meilisearch's for direct; Meilisearch's CPU during the API runs is kept too."""
    per_query = max(20, requests // len(QUERIES))
    auth = (("authorization", f"Bearer {key}"),)
    out = []
    for conc in concurrencies:
        api_runs, direct_runs, meili_cpu_api = [], [], []
        for name, q in QUERIES.items():
            api = Case(f"api {name}", "POST", API_PATH, gql_body(q), check_graphql=True)
            m0 = server_cpu_seconds(meili_pid)
            r = await run_case(api_base, api, concurrency=conc, requests=per_query, warmup=warmup,
                               cpu_probe=lambda: server_cpu_seconds(api_pid))
            m1 = server_cpu_seconds(meili_pid)
            if m0 is not None and m1 is not None and r.latencies:
                meili_cpu_api.append((m1 - m0) * 1000 / len(r.latencies))
            api_runs.append(r)
            direct = AuthCase(f"direct {name}", "POST", f"/indexes/{uid}/search",
                              json.dumps(direct_params(q), ensure_ascii=False).encode(), headers=auth)
            direct_runs.append(await run_case(meili_url, direct, concurrency=conc, requests=per_query, warmup=warmup,
                                              cpu_probe=lambda: server_cpu_seconds(meili_pid)))
        a, d = merge(api_runs, "api", conc), merge(direct_runs, "direct", conc)
        mc = statistics.mean(meili_cpu_api) if meili_cpu_api else float("nan")
        print(f"  conc {conc:>2}: api p50 {a.p50:6.1f} p99 {a.p99:6.1f} ms | direct p50 {d.p50:6.1f} "
              f"p99 {d.p99:6.1f} ms | extra p99 {a.p99 - d.p99:+6.1f} ms", flush=True)
        for r in (a, d):
            if r.errors:
                print(f"    {r.case}: {len(r.errors)} errors, first: {r.errors[0]}", flush=True)
        out.append((a, d, mc))
    return out


# --------------------------------------------------------------------------- 4 + 5. freshness, agreement


async def gql(http: httpx.AsyncClient, query: str, variables: dict, token: str | None = None) -> dict:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    r = await http.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    r.raise_for_status()
    doc = r.json()
    if doc.get("errors"):
        raise RuntimeError(f"GraphQL errors: {doc['errors']}")
    return doc["data"]


async def phase_agreement(api_base: str, meili_url: str, key: str, uid: str) -> list[dict]:
    out = []
    async with httpx.AsyncClient(base_url=api_base, timeout=30) as api, \
            httpx.AsyncClient(base_url=meili_url, timeout=30, headers={"Authorization": f"Bearer {key}"}) as meili:
        for name, q in QUERIES.items():
            data = (await gql(api, SEARCH_GQL, {"q": q}))["search"]
            direct = (await meili.post(f"/indexes/{uid}/search", json=direct_params(q))).json()
            a = [int(h["agenda"]["id"]) for h in data["hits"]][:5]
            d = [int(h["id"]) for h in direct["hits"]][:5]
            out.append({"name": name, "q": q, "api": a, "direct": d, "same": a == d,
                        "api_total": data["estimatedTotal"], "direct_total": direct["estimatedTotalHits"],
                        "degraded": data["degraded"], "first_title": data["hits"][0]["agenda"]["title"] if data["hits"] else None})
    return out


REGISTER = """mutation R($input: RegisterInput!) { register(input: $input) { token errors { code message } } }"""
PROPOSE = """mutation P($input: ProposeAgendaInput!) {
  proposeAgenda(input: $input) { agenda { id status } errors { code message } } }"""
FIND = """query F($q: String!) { search(query: $q, first: 20) { hits { agenda { id } } degraded } }"""


def unique_word(rng: random.Random) -> str:
    """Letters only, so the tokenizer keeps it as one word; long enough to be unique, and looked
    for by id so a typo-tolerant neighbour can never count as found."""
    return "zq" + "".join(rng.choice(string.ascii_lowercase) for _ in range(9))


def _iso(ts: str) -> float:
    """Meilisearch's RFC 3339 timestamps (nanoseconds) as epoch seconds."""
    from datetime import datetime

    head, _, frac = ts.rstrip("Z").partition(".")
    return datetime.fromisoformat(head + "+00:00").timestamp() + (float("0." + frac) if frac else 0.0)


async def meili_task_times(meili_url: str, key: str, uid: str, n: int) -> dict:
    """Where freshness goes inside Meilisearch: for the last n document additions to the index,
    how long each waited in Meilisearch's queue (enqueued → started) and how long it took to apply
    (started → finished)."""
    async with httpx.AsyncClient(base_url=meili_url, timeout=30, headers={"Authorization": f"Bearer {key}"}) as meili:
        r = await meili.get("/tasks", params={"indexUids": uid, "types": "documentAdditionOrUpdate",
                                              "statuses": "succeeded", "limit": n})
        r.raise_for_status()
        tasks = r.json()["results"]
    queued = sorted(_iso(t["startedAt"]) - _iso(t["enqueuedAt"]) for t in tasks)
    applied = sorted(_iso(t["finishedAt"]) - _iso(t["startedAt"]) for t in tasks)

    def pct(values, q):
        return values[max(0, math.ceil(q * len(values)) - 1)] * 1000 if values else float("nan")
    return {"tasks": len(tasks), **{f"queued_p{int(q * 100)}_ms": round(pct(queued, q), 1) for q in (0.5, 0.9, 0.99)},
            **{f"applied_p{int(q * 100)}_ms": round(pct(applied, q), 1) for q in (0.5, 0.9, 0.99)}}


async def _search_load(api_base: str, clients: int, stop: asyncio.Event) -> int:
    """``clients`` closed-loop anonymous searches over the mix until ``stop``; returns how many ran."""
    done = 0
    while not stop.is_set():
        for name, q in QUERIES.items():
            r = await run_case(api_base, Case(f"load {name}", "POST", API_PATH, gql_body(q), check_graphql=True),
                               concurrency=clients, requests=clients * 4, warmup=0)
            done += len(r.latencies)
            if stop.is_set():
                break
    return done


async def phase_freshness(api_base: str, proposals: int, poll_interval: float, deadline_s: float, *,
                          load_clients: int = 0) -> dict:
    """Register a citizen, then propose M agendas one after another; after each mutation returns,
    poll search (as that citizen, as the UI would after "submit") for the agenda's unique word.
    With ``load_clients``, that many anonymous search clients run beside it the whole time."""
    stop = asyncio.Event()
    load = asyncio.create_task(_search_load(api_base, load_clients, stop)) if load_clients else None
    try:
        out = await _freshness(api_base, proposals, poll_interval, deadline_s)
    finally:
        stop.set()
    if load is not None:
        out["load_requests"] = await load
    return out


async def _freshness(api_base: str, proposals: int, poll_interval: float, deadline_s: float) -> dict:
    rng = random.Random(7 + proposals + int(time.time()))
    lat, missing, degraded = [], [], 0
    async with httpx.AsyncClient(base_url=api_base, timeout=30) as http:
        reg = (await gql(http, REGISTER, {"input": {"email": f"fresh{rng.randrange(10**9)}@bench.example",
                                                     "password": "Fresh-bench-9137!", "displayName": "Fresh Bench",
                                                     "privacyConsent": True}}))["register"]
        if reg["errors"]:
            raise RuntimeError(f"register failed: {reg['errors']}")
        token = reg["token"]
        for i in range(proposals):
            word = unique_word(rng)
            inp = {"title": f"저상버스 정류장 개선 {word}", "field": "DISTRIBUTION",
                   "body": f"정류장 안내를 개선해 주세요. 교통약자도 쉽게 이용할 수 있어야 합니다. ({i})"}
            p = (await gql(http, PROPOSE, {"input": inp}, token))["proposeAgenda"]
            if p["errors"]:
                raise RuntimeError(f"proposeAgenda failed: {p['errors']}")
            agenda_id = p["agenda"]["id"]
            t0 = time.perf_counter()
            while True:
                res = (await gql(http, FIND, {"q": word}, token))["search"]
                degraded += res["degraded"]
                if any(h["agenda"]["id"] == agenda_id for h in res["hits"]):
                    lat.append(time.perf_counter() - t0)
                    break
                if time.perf_counter() - t0 > deadline_s:
                    missing.append(agenda_id)
                    break
                await asyncio.sleep(poll_interval)
    s = sorted(lat)

    def pct(q):  # nearest rank, as bench/loadgen.py
        return s[max(0, math.ceil(q * len(s)) - 1)] * 1000 if s else float("nan")
    return {"n": len(lat), "missing": missing, "degraded_answers": degraded, "p50_ms": pct(0.5),
            "p90_ms": pct(0.9), "p99_ms": pct(0.99), "max_ms": s[-1] * 1000 if s else float("nan")}


def _duration_ms(text: str) -> float:
    """Meilisearch's human durations ("1.23ms", "850.1µs", "2.5s", "1m2.3s") in milliseconds."""
    import re

    total = 0.0
    for number, unit in re.findall(r"([0-9.]+)(ns|µs|us|ms|s|m|h)", text):
        total += float(number) * {"ns": 1e-6, "µs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4, "h": 3.6e6}[unit]
    return total


async def meili_batch_steps(meili_url: str, key: str, n: int) -> dict:
    """Which indexing step the freshness additions spend their time in: Meilisearch's own
    ``progressTrace`` of its last n document-addition batches, p50/p99/max per step (ms)."""
    async with httpx.AsyncClient(base_url=meili_url, timeout=30, headers={"Authorization": f"Bearer {key}"}) as meili:
        r = await meili.get("/batches", params={"types": "documentAdditionOrUpdate", "limit": n})
        r.raise_for_status()
        batches = r.json()["results"]
    steps: dict[str, list[float]] = {}
    for b in batches:
        for step, took in ((b.get("stats") or {}).get("progressTrace") or {}).items():
            steps.setdefault(step, []).append(_duration_ms(str(took)))
        if b.get("startedAt") and b.get("finishedAt"):
            steps.setdefault("(whole batch)", []).append((_iso(b["finishedAt"]) - _iso(b["startedAt"])) * 1000)
    if not steps:
        return {}

    def pct(values, q):
        v = sorted(values)
        return v[max(0, math.ceil(q * len(v)) - 1)]
    return {step: {"p50": round(pct(v, 0.5), 2), "p99": round(pct(v, 0.99), 2), "max": round(max(v), 2), "n": len(v)}
            for step, v in steps.items()}


def print_steps(steps: dict, top: int = 12) -> None:
    rows = sorted(steps.items(), key=lambda kv: kv[1]["p50"], reverse=True)[:top]
    print(f"  slowest indexing steps (Meilisearch progressTrace, ms) {'p50':>19} {'p99':>8} {'max':>8}")
    for step, v in rows:
        print(f"    {step[-70:]:<70} {v['p50']:>8.1f} {v['p99']:>8.1f} {v['max']:>8.1f}")


def meili_memory(pid: int | None) -> dict:
    """Meilisearch's resident memory now and at its peak (VmRSS / VmHWM from /proc), in MiB."""
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[{"VmRSS": "rss_mib", "VmHWM": "peak_rss_mib"}[key]] = round(int(value.split()[0]) / 1024, 1)
    except (OSError, ValueError):
        pass
    return out


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--agendas", type=int, default=10_000)
    p.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    p.add_argument("--requests", type=int, default=1400, help="timed requests per side and concurrency, split over the mix")
    p.add_argument("--warmup", type=int, default=20, help="untimed requests before each (query, side, concurrency)")
    p.add_argument("--concurrency", default="1,8,32")
    p.add_argument("--proposals", type=int, default=200, help="M proposals for the freshness test")
    p.add_argument("--load-clients", type=int, default=8,
                   help="search clients running during the second freshness test (freshness-load)")
    p.add_argument("--poll-interval", type=float, default=0.01, help="seconds between freshness polls")
    p.add_argument("--layer-repeats", type=int, default=30, help="samples per layer and query, in process")
    p.add_argument("--workers", type=int, default=1,
                   help="server processes, as `agenda serve` with AGENDA_WORKERS=N runs them (default 1; "
                        "the product's default is the number of cores); the CPU figures add up every process")
    p.add_argument("--batch-size", type=int, default=5000, help="reindex batch size (agenda reindex's default)")
    p.add_argument("--indexing-threads", type=int, default=0,
                   help="Meilisearch's --max-indexing-threads, as AGENDA_MEILI_INDEXING_THREADS sets it for the "
                        "provisioned one (default 0: Meilisearch's own, half the cores)")
    p.add_argument("--pg-url", default="postgres://127.0.0.1:5432/test")
    p.add_argument("--pg-db", default=seeding.BENCH_PG_DATABASE,
                   help=f"PostgreSQL database to create or reuse (must start with {seeding.BENCH_PG_DATABASE})")
    p.add_argument("--reuse", metavar="DATABASE_URL",
                   help="an already seeded database (left by --keep) to run on instead of seeding a new one: "
                        "a 100,000-agenda seed takes minutes; this database is never dropped")
    p.add_argument("--phases", default=",".join(PHASES),
                   help=f"which phases to run, of {','.join(PHASES)} (the index is always built first)")
    p.add_argument("--json", type=Path)
    p.add_argument("--keep", action="store_true")
    args = p.parse_args(argv)
    phases = {x.strip() for x in args.phases.split(",") if x.strip()}
    if phases - set(PHASES):
        p.error(f"unknown phase(s): {', '.join(sorted(phases - set(PHASES)))}")
    if not args.pg_db.startswith(seeding.BENCH_PG_DATABASE):
        p.error(f"--pg-db must start with {seeding.BENCH_PG_DATABASE}")
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    concurrencies = [int(c) for c in args.concurrency.split(",") if c.strip()]
    status = 0
    report: dict = {"agendas": args.agendas, "db": args.db, "cpus": os.cpu_count(),
                    "meili_indexing_threads": args.indexing_threads or "default"}

    workdir = Path(tempfile.mkdtemp(prefix="civic-agenda-search-bench-"))
    if args.reuse:
        database_url = args.reuse
    else:
        database_url = asyncio.run(seeding.create_database(args.db, workdir=workdir, pg_url=args.pg_url,
                                                           name=args.pg_db))
    meili = start_provisioned(default_cache_dir(dict(os.environ)), workdir / "meili",
                              max_indexing_threads=args.indexing_threads or None)
    try:
        if args.reuse:
            print(f"reusing {database_url}; Meilisearch {meili.url} pid {meili.pid}", flush=True)
        else:
            stats = asyncio.run(seeding.seed(database_url, args.agendas))
            print(f"seeded {stats.agendas:,} agendas ({stats.public_visible:,} public) in {stats.seconds:.1f} s; "
                  f"Meilisearch {meili.url} pid {meili.pid}", flush=True)
        env = {**server_env(database_url, workdir / "data"),
               "MEILI_URL": meili.url, "MEILI_MASTER_KEY": meili.master_key,
               "AGENDA_WORKER_IN_PROCESS": "1", "AGENDA_PROPOSALS_PER_HOUR": "100000",
               # freshness registers a citizen and proposes at once: no mailbox to confirm the address from
               "AGENDA_REQUIRE_VERIFIED_EMAIL": "0"}
        settings = Settings.from_env(env)
        uid = settings.index_prefix + "agendas"

        print("\n== 1. reindex ==", flush=True)
        report["reindex"] = asyncio.run(phase_reindex(settings, database_url, args.batch_size,
                                                      rebuild="reindex" in phases))
        rb = report["reindex"].get("rebuild")
        if rb and (rb["probe_errors"] or rb["probe_wrong_counts"]):
            print(f"FAIL: search saw a half-built or missing index during rebuild: {rb}", file=sys.stderr)
            status = 1
        report["meili_memory"] = meili_memory(meili.pid)
        print(f"  Meilisearch after the builds: {report['meili_memory']}", flush=True)

        if "layers" in phases:
            print("\n== 3. in-process layers (median ms, one at a time) ==", flush=True)
            report["layers"] = asyncio.run(phase_layers(Settings.from_env({**env, "AGENDA_WORKER_IN_PROCESS": "0"}),
                                                        args.layer_repeats))
            print_layers(report["layers"])

        lat = []
        with running_server(env, workers=args.workers, log_path=workdir / "server.log") as (base, pid):
            if "latency" in phases:
                print(f"\n== 2. latency over HTTP ({args.requests} requests per side and concurrency, "
                      f"{len(QUERIES)} queries) ==", flush=True)
                lat = asyncio.run(phase_latency(base, pid, meili.url, meili.pid, meili.master_key, uid,
                                                concurrencies, args.requests, args.warmup))
                report["latency"] = [{"concurrency": a.concurrency,
                                      **{f"{side}_{k}": round(getattr(r, k), 2) for side, r in (("api", a), ("direct", d))
                                         for k in ("p50", "p90", "p99", "mean", "rps")},
                                      "api_server_cpu_ms": a.server_cpu_ms, "direct_meili_cpu_ms": d.server_cpu_ms,
                                      "api_meili_cpu_ms": mc, "errors": len(a.errors) + len(d.errors)}
                                     for a, d, mc in lat]
                if any(row["errors"] for row in report["latency"]):
                    status = 1

            if "agreement" in phases:
                print("\n== 5. top-5 agreement ==", flush=True)
                report["agreement"] = asyncio.run(phase_agreement(base, meili.url, meili.master_key, uid))
                for row in report["agreement"]:
                    mark = "same" if row["same"] else "DIFFERENT"
                    print(f"  {row['name']:<13} {row['q']:<18} {mark:<9} total api {row['api_total']:>5} "
                          f"direct {row['direct_total']:>5}  top: {row['first_title']!r}")
                    if not row["same"]:
                        print(f"      api {row['api']}\n      direct {row['direct']}")
                        status = 1
                    if row["degraded"]:
                        print("      (API answered degraded, from the database)")
                        status = 1

            for phase, load in (("freshness", 0), ("freshness-load", args.load_clients)):
                if phase not in phases:
                    continue
                what = f"{load} search clients running" if load else "idle"
                print(f"\n== 4. freshness ({args.proposals} proposals, in-process worker, {what}, "
                      f"{args.workers} server process(es)) ==", flush=True)
                f = asyncio.run(phase_freshness(base, args.proposals, args.poll_interval, 10.0, load_clients=load))
                report[phase] = f
                print(f"  found {f['n']}/{args.proposals}: p50 {f['p50_ms']:.0f} ms, p90 {f['p90_ms']:.0f} ms, "
                      f"p99 {f['p99_ms']:.0f} ms, max {f['max_ms']:.0f} ms; never found: {f['missing']}"
                      + (f"; {f['load_requests']} searches ran beside it" if load else ""))
                inside = asyncio.run(meili_task_times(meili.url, meili.master_key, uid, args.proposals))
                f["meilisearch"] = inside
                print(f"  inside Meilisearch ({inside['tasks']} additions): queued p50/p90/p99 "
                      f"{inside['queued_p50_ms']}/{inside['queued_p90_ms']}/{inside['queued_p99_ms']} ms, applied p50/p90/p99 "
                      f"{inside['applied_p50_ms']}/{inside['applied_p90_ms']}/{inside['applied_p99_ms']} ms")
                steps = asyncio.run(meili_batch_steps(meili.url, meili.master_key, args.proposals))
                f["batch_steps"] = steps
                print_steps(steps)
                if f["missing"]:
                    status = 1
        report["meili_memory_end"] = meili_memory(meili.pid)
        print(f"\nMeilisearch at the end: {report['meili_memory_end']}", flush=True)

        print_summary(report, lat)
        if args.json:
            args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
        return status
    finally:
        meili.stop()
        if args.reuse:
            shutil.rmtree(workdir, ignore_errors=True)
        elif args.keep:
            print(f"\nkept {database_url} and {workdir}")
        else:
            asyncio.run(seeding.drop_database(args.db, database_url=database_url, pg_url=args.pg_url))
            shutil.rmtree(workdir, ignore_errors=True)


def print_layers(layers: dict) -> None:
    cols = ("raw", "gzip", "nofacet", "sdk", "db", "service", "asgi")
    print(f"  {'query':<13}" + "".join(f"{c:>9}" for c in cols) + f"{'meili pt':>9}")
    for name, row in layers.items():
        print(f"  {name:<13}" + "".join(f"{row[c]:>9.2f}" for c in cols) + f"{row['meili_processing_ms']:>9}")
    mean = {c: statistics.mean(r[c] for r in layers.values()) for c in cols}
    print(f"  {'mean':<13}" + "".join(f"{mean[c]:>9.2f}" for c in cols))
    print(f"  → gzip over identity {mean['gzip'] - mean['raw']:+.2f} ms; SDK over raw {mean['sdk'] - mean['raw']:+.2f} ms; service over SDK {mean['service'] - mean['sdk']:+.2f} ms "
          f"(DB query alone {mean['db']:.2f}); GraphQL+middleware over service {mean['asgi'] - mean['service']:+.2f} ms; "
          f"facets inside Meilisearch {mean['raw'] - mean['nofacet']:+.2f} ms")


def print_summary(report: dict, lat) -> None:
    print(f"\n== summary: {report['agendas']:,} agendas, {report['db']}, {report['cpus']} CPUs ==")
    for phase in ("cold", "rebuild"):
        r = report["reindex"].get(phase)
        if r is None:
            continue
        verdict = "met" if r["per_s"] >= TARGET_REINDEX_PER_S else "NOT met"
        print(f"reindex {phase:<8}: {r['per_s']:>8,.0f} records/s ({r['seconds']:.2f} s) — target ≥ {TARGET_REINDEX_PER_S:,}/s {verdict}")
    if lat:
        print(f"{'conc':>4} {'api p50':>8} {'p90':>7} {'p99':>7} {'direct p50':>11} {'p90':>7} {'p99':>7} "
              f"{'Δp99':>7} {'ratio':>6} {'api cpu/req':>12} {'meili cpu/req':>14} {'api÷meili cpu':>14}")
    for a, d, mc in lat:
        cpu = f"{a.server_cpu_ms:.1f}" if a.server_cpu_ms is not None else "n/a"
        dcpu = f"{d.server_cpu_ms:.1f}" if d.server_cpu_ms is not None else "n/a"
        ratio = a.server_cpu_ms / mc if a.server_cpu_ms is not None and mc and mc == mc else float("nan")
        print(f"{a.concurrency:>4} {a.p50:>8.1f} {a.p90:>7.1f} {a.p99:>7.1f} {d.p50:>11.1f} {d.p90:>7.1f} {d.p99:>7.1f} "
              f"{a.p99 - d.p99:>+7.1f} {a.p99 / d.p99:>5.1f}x {cpu:>12} {dcpu:>8} ({mc:.1f}) {ratio:>13.2f}x")
        target = TARGET_EXTRA_P99_MS if a.concurrency < 8 else TARGET_EXTRA_P99_UNDER_LOAD_MS
        verdict = "met" if a.p99 - d.p99 <= target else "NOT met"
        print(f"     API p99 within {target:.0f} ms of direct at conc {a.concurrency}: {verdict}; "
              f"server CPU ≤ {TARGET_CPU_RATIO:.0f}× Meilisearch's: {'met' if ratio <= TARGET_CPU_RATIO else 'NOT met'}")
    for phase in ("freshness", "freshness-load"):
        f = report.get(phase)
        if f is None:
            continue
        print(f"{phase} p99 {f['p99_ms']:.0f} ms — target < {TARGET_FRESH_P99_S * 1000:.0f} ms "
              f"{'met' if f['p99_ms'] < TARGET_FRESH_P99_S * 1000 and not f['missing'] else 'NOT met'}")
    if "agreement" in report:
        same = sum(r["same"] for r in report["agreement"])
        print(f"top-5 agreement: {same}/{len(report['agreement'])} queries")
    print(f"Meilisearch memory after the builds {report.get('meili_memory')}, at the end {report.get('meili_memory_end')}")


if __name__ == "__main__":
    raise SystemExit(main())
