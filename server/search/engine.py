"""The one Meilisearch client of a process. Index names carry the configured prefix so that
several deployments (or test runs) can share one Meilisearch without seeing each other."""

from __future__ import annotations

from meilisearch_python_sdk import AsyncClient

from server.search.documents import AGENDAS
from server.settings import Settings


class SearchTaskFailed(RuntimeError):
    pass


class SearchEngine:
    def __init__(self, settings: Settings) -> None:
        if settings.meili_url is None:
            raise RuntimeError("MEILI_URL is not set and no Meilisearch was provisioned")
        self.settings = settings
        self.client = AsyncClient(settings.meili_url, settings.meili_master_key, timeout=5)
        # Whether the last search had to answer from the database (for /metrics and operators).
        self.degraded = False

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

    async def ensure_index(self, uid: str | None = None, *, topic: str = "agenda") -> str:
        """Create the index when missing and apply the settings from code; idempotent, so it runs
        at every start and on every index a reindex builds."""
        from server.search.registry import SPECS

        uid = uid or self.uid(topic)
        if await self.client.get_raw_index(uid) is None:
            await self.client.create_index(uid, primary_key="id", timeout_in_ms=30_000)
        index = self.client.index(uid)
        await self.wait(await index.update_settings(SPECS[topic].settings()))
        return uid

    async def ensure_all(self) -> None:
        from server.search.registry import SPECS

        for topic in SPECS:
            await self.ensure_index(topic=topic)

    async def check(self) -> None:
        """Raises when Meilisearch is unreachable or refuses our key (version needs the key)."""
        await self.client.health()
        await self.client.get_version()

    async def aclose(self) -> None:
        await self.client.aclose()
