"""The one Meilisearch client of a process. Index names carry the configured prefix so that
several deployments (or test runs) can share one Meilisearch without seeing each other."""

from __future__ import annotations

import copy
import functools
import ssl

import httpx2
import orjson
from httpx2 import HTTPStatusError, TransportError  # the SDK's HTTP client is httpx2, not httpx
from meilisearch_python_sdk import AsyncClient
from meilisearch_python_sdk.errors import MeilisearchApiError, MeilisearchCommunicationError
from meilisearch_python_sdk.json_handler import OrjsonHandler

from server.search.documents import AGENDAS
from server.settings import Settings


class SearchTaskFailed(RuntimeError):
    pass


async def live_synonyms() -> dict[str, list[str]]:
    """Synonyms from the live thesaurus (shipped concepts + admins' additions)."""
    from server.thesaurus.service import load_thesaurus

    return (await load_thesaurus()).synonyms()


@functools.lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    """The default certificate-verifying TLS context, made once per process: loading the CA bundle
    costs ~50 ms, which every SearchEngine (each server start, reindex, worker and test app) paid
    again, also for a loopback Meilisearch spoken to in plain HTTP."""
    return httpx2.create_ssl_context()  # the SDK's HTTP client's own default (verify=True), unchanged


class SearchEngine:
    def __init__(self, settings: Settings) -> None:
        if settings.meili_url is None:
            raise RuntimeError("MEILI_URL is not set and no Meilisearch was provisioned")
        self.settings = settings
        # orjson: a reindex sends 100,000 documents, and every search answer is parsed.
        self.client = AsyncClient(settings.meili_url, settings.meili_master_key, timeout=5,
                                  json_handler=OrjsonHandler(), verify=_tls_context())
        # httpx asks for gzip by default; Meilisearch then answers compressed and chunked, and on
        # loopback each such response arrived ~40 ms late (measured in bench/search.py: 50.6 ms vs
        # 7.2 ms for the same search). Uncompressed JSON is what a local search engine should send.
        self.client.http_client.headers["Accept-Encoding"] = "identity"
        # Whether the last search had to answer from the database (for /metrics and operators).
        self.degraded = False

    async def search(self, uid: str, body: dict) -> dict:
        """``POST /indexes/<uid>/search`` answered as plain JSON. The SDK's ``search`` builds a
        pydantic model of every hit first (1–3 ms a search, bench/README.md): the per-keystroke path
        reads only ids, highlights and facet counts. Errors are the SDK's, so callers treat both alike."""
        try:
            response = await self.client.http_client.post(
                f"indexes/{uid}/search", content=orjson.dumps(body), headers={"Content-Type": "application/json"})
            response.raise_for_status()
        except TransportError as exc:  # unreachable, reset, timed out: the database answers meanwhile
            raise MeilisearchCommunicationError(str(exc)) from exc
        except HTTPStatusError as exc:
            raise MeilisearchApiError(str(exc), exc.response) from exc
        return orjson.loads(response.content)

    def index_name(self, base: str) -> str:
        return f"{self.settings.index_prefix}{base}"

    @property
    def agendas_uid(self) -> str:
        return self.index_name(AGENDAS)

    async def wait(self, task, *, timeout_ms: int = 30_000) -> None:
        """Wait for a Meilisearch task and raise if it failed: a write is done only when applied."""
        result = await self.client.wait_for_task(task.task_uid, timeout_in_ms=timeout_ms, interval_in_ms=10)
        if result.status != "succeeded":
            raise SearchTaskFailed(f"Meilisearch task {task.task_uid} {result.status}: {result.error}")

    def uid(self, topic: str) -> str:
        from server.search.registry import SPECS

        return self.index_name(SPECS[topic].base)

    async def ensure_index(self, uid: str | None = None, *, topic: str = "agenda", wait: bool = True) -> str:
        """Create the index when missing and apply the settings from code; idempotent, so it runs
        at every start and on every index a reindex builds.

        An existing index is sent only the settings that differ from what it has: a settings task
        is not free even when nothing changes (with the thesaurus's ~2,100 synonyms, 0.2–2 s of
        Meilisearch's time per index, measured), and a start re-sent all of them for three indexes.

        ``wait=False`` only enqueues the tasks: Meilisearch applies tasks in the order they were
        enqueued, so documents written afterwards land in a configured index anyway, and a server
        start need not wait for Meilisearch to finish configuring."""
        from server.search.registry import SPECS

        uid = uid or self.uid(topic)
        tasks = []
        creation = None
        if await self.client.get_raw_index(uid) is None:
            response = await self.client.http_client.post("indexes", json={"uid": uid, "primaryKey": "id"})
            response.raise_for_status()
            creation = response.json()["taskUid"]
            tasks.append(creation)
        settings, with_synonyms = _settings_from_code(topic)
        if with_synonyms:
            settings["synonyms"] = await live_synonyms()
        if creation is None:  # an existing index: send only what differs from what it has
            current = await self.client.http_client.get(f"indexes/{uid}/settings")
            current.raise_for_status()
            settings = unapplied(settings, orjson.loads(current.content))
        if settings:
            response = await self.client.http_client.patch(f"indexes/{uid}/settings", json=settings)
            response.raise_for_status()
            tasks.append(response.json()["taskUid"])
        if wait:
            for task_uid in tasks:
                result = await self.client.wait_for_task(task_uid, timeout_in_ms=30_000, interval_in_ms=10)
                if result.status == "succeeded" or (task_uid == creation and _already_exists(result.error)):
                    continue  # two starts (the server's and a worker's) may both have found it missing
                raise SearchTaskFailed(f"configuring {uid} failed: {result.error}")
        return uid

    async def push_synonyms(self) -> None:
        """Send the live thesaurus's synonyms to every index that has synonyms (an admin added a
        term): only that setting changes, so Meilisearch does not re-index the documents' layout."""
        from server.search.registry import SPECS

        synonyms = await live_synonyms()
        for topic, spec in SPECS.items():
            if spec.settings().synonyms is None:
                continue
            uid = self.uid(topic)
            if await self.client.get_raw_index(uid) is None:
                continue  # created, with the live synonyms, by ensure_index before its first write
            response = await self.client.http_client.put(f"indexes/{uid}/settings/synonyms", json=synonyms)
            response.raise_for_status()
            result = await self.client.wait_for_task(response.json()["taskUid"], timeout_in_ms=30_000, interval_in_ms=10)
            if result.status != "succeeded":
                raise SearchTaskFailed(f"updating the synonyms of {uid} failed: {result.error}")

    async def ensure_all(self, *, wait: bool = True) -> None:
        from server.search.registry import SPECS

        for topic in SPECS:
            await self.ensure_index(topic=topic, wait=wait)

    async def check(self) -> None:
        """Raises when Meilisearch is unreachable or refuses our key (version needs the key)."""
        await self.client.health()
        await self.client.get_version()

    async def aclose(self) -> None:
        await self.client.aclose()


@functools.lru_cache(maxsize=None)
def _code_settings(topic: str) -> tuple[dict, bool]:
    from server.search.registry import SPECS

    dumped = SPECS[topic].settings().model_dump(by_alias=True, exclude_none=True)
    with_synonyms = dumped.pop("synonyms", None) is not None
    return dumped, with_synonyms


def _settings_from_code(topic: str) -> tuple[dict, bool]:
    """A topic's settings as Meilisearch takes them, without the synonyms (the caller adds the live
    thesaurus's), and whether it has synonyms. Built once per process: the settings model carries
    the shipped synonyms, and building and dumping it took more time at a start than asking
    Meilisearch what it has. The caller gets its own copy."""
    dumped, with_synonyms = _code_settings(topic)
    return copy.deepcopy(dumped), with_synonyms


def unapplied(wanted: dict, current: dict) -> dict:
    """The settings of ``wanted`` that ``current`` (an index's settings as Meilisearch reports
    them) does not already hold. Meilisearch reports every setting with its defaults filled in
    (``typoTolerance`` comes back with ``minWordSizeForTypos``…), so a nested object matches when
    each key we set matches — except the synonyms, a map of our own data that must match exactly
    (a term an admin removed must go)."""
    return {key: value for key, value in wanted.items()
            if not (current.get(key) == value if key == "synonyms" else _holds(current.get(key), value))}


def _holds(current, wanted) -> bool:
    if isinstance(wanted, dict):
        return isinstance(current, dict) and all(_holds(current.get(k), v) for k, v in wanted.items())
    return current == wanted


def _already_exists(error) -> bool:
    code = error.get("code") if isinstance(error, dict) else getattr(error, "code", None)
    return code == "index_already_exists"
