"""Per-request context: who is calling (resolved once, before any resolver runs) and the
request-scoped DataLoaders (never module-level: a loader caches, and a cache must not outlive the
request that filled it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from server.accounts.models import AuthToken, User
from server.settings import Settings


@dataclass
class Context:
    request: Request
    response: Response
    settings: Settings
    user: User | None = None
    token: AuthToken | None = None
    via_cookie: bool = False
    loaders: dict[str, Any] = field(default_factory=dict)

    _viewer: Any = None

    async def viewer(self):
        """The caller with their departments, resolved once per request."""
        if self._viewer is None:
            from server.agendas.policy import viewer_for

            self._viewer = await viewer_for(self.user)
        return self._viewer

    def loader(self, cls: type) -> Any:
        """``ctx.loader(DepartmentsByUserLoader)``: one instance per loader class per request."""
        name = cls.__name__
        if name not in self.loaders:
            self.loaders[name] = cls(self)
        return self.loaders[name]
