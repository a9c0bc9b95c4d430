"""A ceiling on request bodies, enforced before anything reads them whole.

No request of this product needs more than a few kilobytes (the largest is a proposal's text), and
``/graphql`` and Starlette read a body into memory in one piece: without a ceiling, a handful of
concurrent 60 MB POSTs grew the server by half a gigabyte. A declared ``Content-Length`` above the
limit is answered 413 at once, without reading a byte; a body without one (chunked) is counted as it
streams in and cut off at the limit. The answer is JSON: a GraphQL error on ``/graphql``, an
``error`` object elsewhere, both with the code ``PAYLOAD_TOO_LARGE``.

The paths that take files (``/uploads``, the import's upload) are left alone (``upload_paths``):
their handlers read the body with ``server.upload_reader``, which checks the declared length and
counts the stream against the file limit itself and answers in the handler's terms
(``FILE_TOO_LARGE``) — one count of the body, not two."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.i18n import localize, msg

MAX_BODY_BYTES = 1024 * 1024


class _TooLarge(Exception):
    pass


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, max_bytes: int = MAX_BODY_BYTES, upload_paths: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.upload_paths = frozenset(upload_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path", "") in self.upload_paths:
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await self._refuse(scope, send, limit)
            return

        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if started:  # the app answered before reading it all; nothing more to say
                return
            await self._refuse(scope, send, limit)

    async def _refuse(self, scope: Scope, send: Send, limit: int) -> None:
        kib = limit // 1024
        message = localize(msg("The request body is too large: at most {kib} KiB is accepted.", kib=kib))
        if scope.get("path", "").startswith("/graphql"):
            body = {"data": None, "errors": [{"message": message, "extensions": {
                "code": "PAYLOAD_TOO_LARGE", "limitBytes": limit}}]}
        else:
            body = {"error": {"code": "PAYLOAD_TOO_LARGE", "message": message, "limitBytes": limit}}
        payload = json.dumps(body, ensure_ascii=False).encode()
        await send({"type": "http.response.start", "status": 413, "headers": [
            (b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(payload)).encode()),
            (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": payload})


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None  # the server itself refuses a malformed length
    return None
