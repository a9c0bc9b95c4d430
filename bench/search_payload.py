"""Benchmark: what the agenda index's payload costs — the documents as they were before issue 16
(every ORM column loaded, the proposer's name and two timestamps sent) against what is sent now
(``server.search.documents``: plain rows of the indexed columns), in one process, against one
provisioned Meilisearch, alternating, so that the machine's load hits both alike.

    .venv/bin/python bench/search_payload.py DATABASE_URL [--rows 20000] [--rounds 2]

DATABASE_URL: a seeded database (``bench/search.py --keep`` leaves one). Prints, per variant, the
Python CPU to read and build the documents (ms per 1,000), the JSON bytes per document, and the rate
at which Meilisearch indexed them (documents a second, settings applied first, 5,000 per task)."""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() not in (ROOT, ROOT / "bench")]

import orjson  # noqa: E402

from server import db  # noqa: E402
from server.accounts.models import User  # noqa: E402
from server.agendas.models import Agenda, Department  # noqa: E402
from server.search.documents import COLUMNS, documents_for  # noqa: E402
from server.search.engine import SearchEngine  # noqa: E402
from server.search.provision import start_provisioned  # noqa: E402
from server.settings import Settings, default_cache_dir  # noqa: E402


async def old_documents(limit: int) -> list[dict]:
    """The documents as built before: model instances, proposer names looked up, timestamps sent."""
    rows = await Agenda.all().order_by("id").limit(limit)
    depts = {d.id: d for d in await Department.all()}
    names = dict(await User.filter(id__in=list({a.proposer_id for a in rows})).values_list("id", "display_name"))
    out = []
    for a in rows:
        d = depts.get(a.owner_department_id) if a.owner_department_id else None
        out.append({"id": a.id, "title": a.title, "body": a.body, "field": a.field, "channel": a.channel,
                    "status": a.status, "visibility": a.visibility, "district": a.district, "owner_kind": a.owner_kind,
                    "department_code": d.code if d else None, "department_name": d.name_ko if d else None,
                    "department_name_en": d.name_en if d else None, "proposer_id": a.proposer_id,
                    "proposer_name": names.get(a.proposer_id), "support_count": a.support_count,
                    "created_at": int(a.created_at.timestamp()), "updated_at": int(a.updated_at.timestamp())})
    return out


async def new_documents(limit: int) -> list[dict]:
    return await documents_for(await Agenda.all().order_by("id").limit(limit).values(*COLUMNS))


async def main_async(args) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="civic-agenda-payload-"))
    meili = start_provisioned(default_cache_dir(dict(os.environ)), workdir / "meili")
    settings = Settings.from_env({"DATABASE_URL": args.database_url, "MEILI_URL": meili.url,
                                  "MEILI_MASTER_KEY": meili.master_key, "AGENDA_DATA_DIR": str(workdir / "data"),
                                  "AGENDA_SECRET": "x" * 40})
    ctx = await db.open_context(args.database_url)
    engine = SearchEngine(settings)
    try:
        with ctx:
            variants = {"before (ORM rows, 17 fields)": old_documents, "now (plain rows, 14 fields)": new_documents}
            docs = {}
            for name, build in variants.items():
                await build(args.rows)  # warm the database's cache alike
                t0 = time.process_time()
                docs[name] = await build(args.rows)
                cpu = (time.process_time() - t0) * 1000 / args.rows * 1000
                size = len(orjson.dumps(docs[name])) / len(docs[name])
                print(f"{name:<30} python {cpu:6.1f} ms per 1,000 rows, {size:5.0f} bytes per document", flush=True)
            for r in range(args.rounds):
                for name, batch in docs.items():
                    uid = f"payload_{r}_{'old' if name.startswith('before') else 'new'}"
                    t0 = time.perf_counter()
                    await engine.ensure_index(uid)
                    index = engine.client.index(uid)
                    tasks = [await index.add_documents(batch[i:i + 5000], primary_key="id")
                             for i in range(0, len(batch), 5000)]
                    for task in tasks:
                        await engine.wait(task, timeout_ms=600_000)
                    seconds = time.perf_counter() - t0
                    print(f"round {r + 1}: {name:<30} indexed {len(batch):,} in {seconds:6.1f} s = "
                          f"{len(batch) / seconds:6.0f}/s", flush=True)
                    await engine.wait(await index.delete(), timeout_ms=60_000)
    finally:
        await engine.aclose()
        await db.close_context(ctx)
        meili.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("database_url")
    p.add_argument("--rows", type=int, default=20_000)
    p.add_argument("--rounds", type=int, default=2)
    asyncio.run(main_async(p.parse_args()))


if __name__ == "__main__":
    main()
