"""``GET /workshops/{id}/progress.csv``: the facilitator's printable sheet, and
``GET /reports/performance.csv?year=&quarter=``: the performance report for staff and the research
team (bearer token or the browser session; reading needs no CSRF header, and the cookie is
SameSite=Strict)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server.accounts.request_auth import AuthFailure, authenticate
from server.agendas.policy import viewer_for
from server.errors import DomainError
from server.i18n import label, localize, msg
from server.workshops.errors import WorkshopErrorCode as C
from server.workshops.models import Workshop
from server.workshops.policy import may_read_reports, may_read_workshops
from server.workshops.report_sheet import performance_sheet
from server.workshops.reports import quarter_bounds
from server.workshops.sheet import progress_sheet


async def workshop_progress_csv(request: Request) -> Response:
    settings = request.app.state.settings
    try:
        caller = await authenticate(request, settings.secret, require_csrf=False)
    except AuthFailure as exc:
        return JSONResponse({"error": exc.message}, status_code=exc.status)
    if caller.user is None:
        return JSONResponse({"error": "Log in to download workshop sheets."}, status_code=401)
    if not may_read_workshops(await viewer_for(caller.user)):
        return JSONResponse({"error": "Workshop sheets are for city staff, facilitators and the research team."},
                            status_code=403)
    workshop_id = request.path_params["workshop_id"]
    workshop = await Workshop.get_or_none(id=workshop_id) if 0 < workshop_id < 2**31 else None
    if workshop is None:
        return JSONResponse({"error": "No such workshop."}, status_code=404)
    body = await progress_sheet(workshop, settings.timezone)
    filename = f"workshop-{workshop.year}-Q{workshop.quarter}-{workshop.id}.csv"
    return Response(body.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _error(status: int, code: C, message: str, parameter: str | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code.value, "message": localize(message), "parameter": parameter}},
                        status_code=status)


async def performance_report_csv(request: Request) -> Response:
    settings = request.app.state.settings
    try:
        caller = await authenticate(request, settings.secret, require_csrf=False)
    except AuthFailure as exc:
        return JSONResponse({"error": exc.message}, status_code=exc.status)
    if caller.user is None:
        return _error(401, C.NOT_AUTHENTICATED, msg("Log in to download reports."))
    if not may_read_reports(await viewer_for(caller.user)):
        return _error(403, C.FORBIDDEN, msg("{what} are for city staff, facilitators and the research team.",
                                            what=label("Reports")))
    try:
        year, quarter = int(request.query_params.get("year", "")), int(request.query_params.get("quarter", ""))
    except ValueError:
        return _error(400, C.INVALID, msg("Give the year and the quarter as numbers, e.g. ?year=2026&quarter=1."), "year")
    try:
        quarter_bounds(year, quarter, settings.timezone)
    except DomainError as exc:
        return _error(400, C.INVALID, exc.message, "quarter")
    body = await performance_sheet(settings, year, quarter)
    return Response(body.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="performance-{year}-Q{quarter}.csv"'})
