"""``GET /workshops/{id}/progress.csv``: the facilitator's printable sheet (bearer token or the
browser session; reading needs no CSRF header, and the cookie is SameSite=Strict)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server.accounts.request_auth import AuthFailure, authenticate
from server.agendas.policy import viewer_for
from server.workshops.models import Workshop
from server.workshops.policy import may_read_workshops
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
