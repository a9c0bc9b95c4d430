"""The two HTTP routes of attachments (registered by the composition root):

- ``POST /uploads?filename=<percent-encoded name>`` — the file's bytes are the request body (as
  ``fetch(url, {method: "POST", body: file})`` sends them; no multipart). The body is read by
  ``server.upload_reader`` as it streams and refused at ``MAX_FILE_BYTES`` + 1 byte (and at once when
  ``Content-Length`` already says more), so a 1 GB upload never sits in memory. Answers ``201 {"upload": {...}, "errors": []}`` or
  ``4xx {"upload": null, "errors": [{field, code, message}]}`` — the GraphQL ``UserError`` shape.
  Needs a logged-in caller (a bearer token, or the session cookie with its ``X-CSRF-Token``).
- ``GET /files/{id}`` and ``GET /files/{id}/thumbnail`` — the file, only to a caller who may see
  its agenda (``service.readable``); everyone else gets 404, the same as a file that does not exist.
  Served with its checked type, ``Content-Disposition`` (``filename*`` per RFC 5987/6266 for Korean,
  Chinese or emoji names; PDFs as downloads), ``nosniff`` (added to every response by the app) and
  a Content-Security-Policy with ``sandbox`` and no script source, so even a file opened directly
  cannot run script in the site's origin."""

from __future__ import annotations

import logging
import re
import unicodedata
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from server.accounts.request_auth import AuthFailure, authenticate
from server.agendas.policy import viewer_for
from server.attachments import service, storage
from server.attachments.content import MAX_FILE_BYTES, PDF
from server.attachments.errors import AttachmentErrorCode as C
from server.attachments.models import Attachment
from server.errors import DomainError
from server.i18n import localize, msg
from server.upload_reader import read_upload

log = logging.getLogger("civic_agenda.attachments")

UPLOAD_PATH = "/uploads"  # its body is read by server.upload_reader, not counted by the body-size middleware

FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'"

_STATUS = {C.NOT_AUTHENTICATED: 401, C.FORBIDDEN: 403, C.NOT_FOUND: 404, C.FILE_TOO_LARGE: 413,
           C.TOO_MANY_UPLOADS: 429}


def file_url(a: Attachment) -> str:
    return f"/files/{a.id}"


def thumbnail_url(a: Attachment) -> str | None:
    return f"/files/{a.id}/thumbnail" if a.thumbnail_sha256 else None


def present(a: Attachment) -> dict:
    return {"id": str(a.id), "filename": a.filename, "contentType": a.content_type, "size": a.size,
            "url": file_url(a), "thumbnailUrl": thumbnail_url(a)}


def _refusal(status: int, code: str, message, field: str | None = "file") -> JSONResponse:
    return JSONResponse({"upload": None, "errors": [{"field": field, "code": code, "message": localize(message)}]},
                        status_code=status)


async def upload(request: Request) -> Response:
    settings = request.app.state.settings
    try:
        caller = await authenticate(request, settings.secret)
    except AuthFailure as exc:
        return _refusal(exc.status, C.NOT_AUTHENTICATED.value if exc.status == 401 else C.FORBIDDEN.value,
                        exc.message, None)
    if caller.user is None:
        return _refusal(401, C.NOT_AUTHENTICATED.value, msg("You must be logged in."), None)
    try:
        data = await read_upload(request, MAX_FILE_BYTES, C.FILE_TOO_LARGE)
        a = await service.upload(await viewer_for(caller.user), settings.files_dir,
                                 filename=request.query_params.get("filename"), data=data,
                                 per_hour=settings.uploads_per_hour)
    except DomainError as exc:
        return _refusal(_STATUS.get(exc.code, 400), exc.code.value, exc.message, exc.field)
    return JSONResponse({"upload": present(a), "errors": []}, status_code=201)


def content_disposition(kind: str, filename: str) -> str:
    """``inline``/``attachment`` with an ASCII ``filename`` for old clients and the exact UTF-8 name
    in ``filename*`` (RFC 5987), e.g. ``filename*=UTF-8''%EC%82%AC%EC%A7%84.jpg``."""
    fallback = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    fallback = re.sub(r"[^A-Za-z0-9._ -]+", "_", fallback).strip(" ._") or "file"
    stem_ext = filename.rsplit(".", 1)
    if len(stem_ext) == 2 and re.fullmatch(r"[A-Za-z0-9]{1,8}", stem_ext[1]) and not fallback.endswith("." + stem_ext[1]):
        fallback = f"{fallback}.{stem_ext[1]}"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


async def serve(request: Request) -> Response:
    settings = request.app.state.settings
    try:
        caller = await authenticate(request, settings.secret, require_csrf=False)
    except AuthFailure as exc:
        return JSONResponse({"error": {"code": C.NOT_AUTHENTICATED.value, "message": localize(exc.message)}},
                            status_code=exc.status)
    not_found = JSONResponse({"error": {"code": C.NOT_FOUND.value, "message": localize(msg("No such file."))}},
                             status_code=404)
    try:
        a, _agenda = await service.readable(await viewer_for(caller.user), request.path_params["attachment_id"])
    except DomainError:
        return not_found
    thumbnail = request.url.path.endswith("/thumbnail")
    sha = a.thumbnail_sha256 if thumbnail else a.sha256
    if not sha:
        return not_found
    path = storage.path_for(settings.files_dir, sha)
    if not path.is_file():
        log.warning("attachment %s: its file %s is missing from AGENDA_FILES_DIR", a.id, sha)
        return not_found
    if thumbnail:
        media_type, name = "image/webp", a.filename.rsplit(".", 1)[0] + ".thumbnail.webp"
    else:
        media_type, name = a.content_type, a.filename
    kind = "attachment" if media_type == PDF else "inline"
    headers = {
        "content-disposition": content_disposition(kind, name),
        "content-security-policy": FILE_CSP,
        # Visibility can change (a hidden agenda): browsers may keep it a while, shared caches never.
        "cache-control": "private, max-age=300",
        "cross-origin-resource-policy": "same-origin",
    }
    return FileResponse(path, media_type=media_type, headers=headers, stat_result=None)


def routes() -> list:
    from starlette.routing import Route

    return [
        Route(UPLOAD_PATH, upload, methods=["POST"]),
        Route("/files/{attachment_id:int}", serve, methods=["GET", "HEAD"]),
        Route("/files/{attachment_id:int}/thumbnail", serve, methods=["GET", "HEAD"]),
    ]
