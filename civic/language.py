"""The reader's language for each request: ``Accept-Language`` negotiated to Korean or English
(Korean when it names neither), set as ``server.i18n.current_language`` for as long as the request is
served, so every message rendered for it — a payload's errors, a GraphQL error, a 429 — is in the
caller's language."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from server.i18n import current_language, negotiate


class LanguageMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = next((v for k, v in scope.get("headers", ()) if k == b"accept-language"), b"")
        token = current_language.set(negotiate(header[:200].decode("latin-1")))
        try:
            await self.app(scope, receive, send)
        finally:
            current_language.reset(token)
