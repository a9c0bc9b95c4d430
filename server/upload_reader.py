"""The one way an HTTP handler takes a file as its request body: read as it streams, refused at the
first byte over the limit (at once when ``Content-Length`` already says more), so that a 1 GB upload
never sits in memory and nothing reads the body twice.

The upload routes (``POST /uploads``, ``POST /admin/import/jobs``) are the paths the request-body
middleware (civic/body_limit.py) leaves to this reader: it knows the file limit and answers in the
handler's own terms — a ``DomainError`` with the domain's ``FILE_TOO_LARGE`` code and the limit in the
caller's language, which the handler turns into its 413 answer."""

from __future__ import annotations

from enum import Enum

from starlette.requests import Request

from server.errors import DomainError
from server.i18n import Message, msg

MIB = 1024 * 1024


def too_large_message(limit: int) -> Message:
    """What a refused file is told, wherever it came from (an upload, a file read by the CLI)."""
    return msg("The file is too large: at most {mb} MB is accepted.", mb=limit // MIB)


def too_large(code: Enum, limit: int) -> DomainError:
    return DomainError(code, too_large_message(limit), "file")


async def read_upload(request: Request, limit: int, code: Enum) -> bytes:
    """The body, at most ``limit`` bytes; over it, ``too_large(code, limit)`` without reading on."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large(code, limit)
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > limit:
            raise too_large(code, limit)  # stop reading: the rest is never taken in
    return bytes(data)
