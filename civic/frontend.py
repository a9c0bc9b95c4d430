"""Serving the single-page app: its hashed assets with long caching, and ``index.html`` for the
app's own routes (``/agendas/12``, ``/triage``…) so that a reload or a shared link opens the right
page. Paths that belong to the API or look like files are never answered with the app: a typo in
``/export/agendas.cvs`` must be a 404, not a page of HTML.

The app's responses carry a strict Content-Security-Policy: it loads scripts only from this origin
and talks only to this origin, so even a rendering bug cannot run injected script."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# First path segments that are never app routes.
RESERVED = {"graphql", "export", "assets", "healthz", "readyz", "metrics", "files", "uploads"}

NOT_BUILT = """<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>civic-agenda</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
<main><h1>civic-agenda</h1>
<p lang="ko">웹 화면이 아직 빌드되지 않았습니다. <code>scripts/run</code>이 빌드합니다.</p>
<p lang="en">The web app is not built yet: <code>scripts/run</code> builds it (or <code>npm ci && npm run build</code> in
<code>frontend/</code>). The GraphQL API is open meanwhile: <a href="/graphql">GraphiQL (/graphql)</a>.</p></main>
</body></html>"""


class _ImmutableAssets(StaticFiles):
    """Vite names assets by content hash: cache them for a year."""

    async def get_response(self, path: str, scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["cache-control"] = "public, max-age=31536000, immutable"
        return response


def routes(dist: Path) -> list:
    index_file = dist / "index.html"

    async def app_page(request: Request) -> Response:
        path = request.path_params.get("path", "")
        first = path.split("/", 1)[0]
        last = path.rsplit("/", 1)[-1]
        if first in RESERVED or "." in last:
            top_level = dist / path
            # Files Vite copies from public/ (favicon, robots.txt) sit next to index.html.
            if "/" not in path and "." in last and top_level.is_file() and top_level.parent == dist:
                return FileResponse(top_level)
            return PlainTextResponse("Not Found", status_code=404)
        if not index_file.is_file():
            return HTMLResponse(NOT_BUILT, headers={"cache-control": "no-store"})
        # index.html names the current hashed bundle: never cache it, or a deploy shows stale code.
        return FileResponse(
            index_file,
            media_type="text/html; charset=utf-8",
            headers={"cache-control": "no-cache", "content-security-policy": CSP},
        )

    result: list = [Route("/", app_page, methods=["GET", "HEAD"])]
    if (dist / "assets").is_dir():
        result.append(Mount("/assets", app=_ImmutableAssets(directory=dist / "assets"), name="assets"))
    result.append(Route("/{path:path}", app_page, methods=["GET", "HEAD"]))
    return result
