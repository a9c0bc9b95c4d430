"""``GET /export/agendas.csv`` and ``GET /export/agendas.json``: every public agenda,
streamed in keyset batches so that memory stays constant whatever their number.

Filters are validated before the first byte is sent: a bad value answers 400 with
``{"error": {"code": "INVALID_FILTER", "reason": ..., "parameter": ..., "message": ...}}`` (``reason``
is the filter's own code, e.g. ``DATE_OUT_OF_RANGE``). Once streaming has
begun the status is already 200; a database failure mid-way ends the response early (a JSON
export is then visibly invalid) and is logged with the request id."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from server.opendata import export

log = logging.getLogger("civic_agenda.opendata")


def _params(request: Request) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    return params


def filter_error(exc: export.ExportFilterError) -> JSONResponse:
    return JSONResponse({"error": {"code": "INVALID_FILTER", "reason": exc.reason, "parameter": exc.parameter,
                                   "message": exc.message}}, status_code=400)


async def _logged(fmt: str, chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    sent = 0
    try:
        async for chunk in chunks:
            sent += len(chunk)
            yield chunk
    except Exception:
        log.exception("export of agendas.%s failed after %d bytes", fmt, sent)
        raise
    log.info("exported agendas.%s (%d bytes)", fmt, sent)


async def _export(request: Request, fmt: str) -> Response:
    try:
        f = export.parse_filter(_params(request))
        await export.check_departments(f)
    except export.ExportFilterError as exc:
        return filter_error(exc)
    _, media_type = export.FORMATS[fmt]
    if request.method == "HEAD":  # headers only: don't read every agenda for nothing
        return Response(media_type=media_type,
                        headers={"Content-Disposition": f'attachment; filename="agendas.{fmt}"'})
    return StreamingResponse(
        _logged(fmt, export.chunks(fmt, f)),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="agendas.{fmt}"'},
    )


async def export_csv(request: Request) -> Response:
    return await _export(request, "csv")


async def export_json(request: Request) -> Response:
    return await _export(request, "json")


ROUTES = [
    Route("/export/agendas.csv", export_csv, methods=["GET"]),
    Route("/export/agendas.json", export_json, methods=["GET"]),
]
