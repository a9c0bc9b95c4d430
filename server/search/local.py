"""The embedded default's own Meilisearch: one per data folder.

``agenda serve`` provisions it and records where it listens (URL and generated key, mode 0600) in
the data folder, so that ``agenda reindex`` or ``agenda worker`` run beside a live server attach to
the same instance — two Meilisearch processes cannot open one database. With no server running,
those commands start the instance themselves for as long as they run."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import httpx

from server.settings import Settings


def _file(settings: Settings) -> Path:
    return settings.data_dir / "meilisearch" / "connection.json"


def record(settings: Settings, url: str, key: str) -> None:
    path = _file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"url": url, "key": key, "pid": os.getpid()}, fh)


def forget(settings: Settings) -> None:
    _file(settings).unlink(missing_ok=True)


def _running(settings: Settings) -> tuple[str, str] | None:
    try:
        data = json.loads(_file(settings).read_text(encoding="utf-8"))
        r = httpx.get(data["url"] + "/version", headers={"Authorization": f"Bearer {data['key']}"}, timeout=2,
                      trust_env=False)
        return (data["url"], data["key"]) if r.status_code == 200 else None
    except (OSError, ValueError, KeyError, httpx.HTTPError):
        return None


def attach_or_start(settings: Settings, *, supervise: bool = False):
    """Settings pointing at a reachable Meilisearch, and the server we started (or None).

    ``supervise``: the server's own Meilisearch is restarted when it dies (``agenda serve`` runs for
    months; a command that runs for a minute need not). Either way the caller's ``stop()`` ends it."""
    if not settings.provision_meili:
        return settings, None
    found = _running(settings)
    if found:
        return dataclasses.replace(settings, meili_url=found[0], meili_master_key=found[1]), None
    from server.search.provision import start_provisioned

    server = start_provisioned(settings.cache_dir, settings.data_dir / "meilisearch",
                               max_indexing_threads=settings.meili_indexing_threads or None)
    if supervise:
        from server.search.supervisor import MeiliSupervisor

        server = MeiliSupervisor(server).start()
    record(settings, server.url, server.master_key)
    return dataclasses.replace(settings, meili_url=server.url, meili_master_key=server.master_key), server
