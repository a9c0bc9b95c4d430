"""The admin page's door to the import: ``POST /admin/import/jobs`` takes the file as the raw request
body (``?dryRun=1&source=…&filename=…``; at most 20 MB, read by ``server.upload_reader``) and answers 202 with a job; ``GET
/admin/import/jobs/{id}`` answers the job's progress and, when done, its report — in the caller's
language. Admins only; a cookie session must send its CSRF header on the upload."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server.accounts.request_auth import AuthFailure, authenticate
from server.agendas.policy import viewer_for
from server.errors import DomainError
from server.i18n import localize
from server.imports import jobs
from server.imports.errors import ImportErrorCode as C
from server.imports.read import MAX_BYTES
from server.imports.service import require_importer
from server.upload_reader import read_upload

UPLOAD_PATH = "/admin/import/jobs"

_STATUS = {C.NOT_AUTHENTICATED: 401, C.FORBIDDEN: 403, C.JOB_NOT_FOUND: 404, C.FILE_TOO_LARGE: 413, C.BUSY: 429}


def _error(exc: DomainError) -> JSONResponse:
    return JSONResponse({"error": {"code": exc.code.value, "field": exc.field, "message": localize(exc.message)}},
                        status_code=_STATUS.get(exc.code, 400))


async def _viewer(request: Request, *, csrf: bool):
    caller = await authenticate(request, request.app.state.settings.secret, require_csrf=csrf)
    viewer = await viewer_for(caller.user)
    require_importer(viewer)
    return viewer


def job_view(job: jobs.Job) -> dict:
    return {"id": job.id, "dryRun": job.dry_run, "state": job.state, "phase": job.phase, "done": job.done,
            "total": job.total, "report": job.report, "error": job.error}


async def upload(request: Request) -> JSONResponse:
    try:
        viewer = await _viewer(request, csrf=True)
    except AuthFailure as exc:
        return JSONResponse({"error": {"code": "UNAUTHORIZED", "message": exc.message}}, status_code=exc.status)
    except DomainError as exc:
        return _error(exc)
    q = request.query_params
    try:
        data = await read_upload(request, MAX_BYTES, C.FILE_TOO_LARGE)
        job = await jobs.start(viewer, data, filename=q.get("filename", "")[:200], source=q.get("source"),
                               dry_run=q.get("dryRun", "1") not in ("0", "false"))
    except DomainError as exc:
        return _error(exc)
    return JSONResponse(job_view(job), status_code=202)


async def status(request: Request) -> JSONResponse:
    try:
        viewer = await _viewer(request, csrf=False)
        job = await jobs.get(viewer, request.path_params["job_id"])
    except AuthFailure as exc:
        return JSONResponse({"error": {"code": "UNAUTHORIZED", "message": exc.message}}, status_code=exc.status)
    except DomainError as exc:
        return _error(exc)
    return JSONResponse(job_view(job), headers={"Cache-Control": "no-store"})


ROUTES = [
    Route(UPLOAD_PATH, upload, methods=["POST"]),
    Route(UPLOAD_PATH + "/{job_id:str}", status, methods=["GET"]),
]
