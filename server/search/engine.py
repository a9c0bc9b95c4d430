"""The one Meilisearch client of a process. Index names carry the configured prefix so that
several deployments (or test runs) can share one Meilisearch without seeing each other."""

from __future__ import annotations

from meilisearch_python_sdk import AsyncClient

from server.settings import Settings


class SearchEngine:
    def __init__(self, settings: Settings) -> None:
        if settings.meili_url is None:
            raise RuntimeError("MEILI_URL is not set and no Meilisearch was provisioned")
        self.settings = settings
        self.client = AsyncClient(settings.meili_url, settings.meili_master_key, timeout=5)

    def index_name(self, base: str) -> str:
        return f"{self.settings.index_prefix}{base}"

    async def check(self) -> None:
        """Raises when Meilisearch is unreachable or refuses our key (version needs the key)."""
        await self.client.health()
        await self.client.get_version()

    async def aclose(self) -> None:
        await self.client.aclose()
