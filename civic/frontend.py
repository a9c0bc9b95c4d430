"""Serving the single-page app: its hashed assets with long caching, and ``index.html`` for the
app's own routes (``/agendas/12``, ``/triage``…) so that a reload or a shared link opens the right
page. Paths that belong to the API or look like files are never answered with the app: a typo in
``/export/agendas.cvs`` must be a 404, not a page of HTML.

A messenger that unfurls a shared link reads the HTML, not the app: for ``/agendas/<id>`` of a public
agenda the served ``index.html`` carries that agenda's ``<title>``, ``og:title`` and ``og:description``
(escaped; a private, internal or unknown agenda gets the site's generic ones, so nothing leaks).

The app's responses carry a strict Content-Security-Policy: it loads scripts only from this origin
and talks only to this origin, so even a rendering bug cannot run injected script."""

from __future__ import annotations

import html
import re
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from server.agendas.models import Agenda
from server.agendas.policy import Viewer, can_view

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


AGENDA_PATH = re.compile(r"agendas/([1-9][0-9]{0,9})/?")
DESCRIPTION_CHARS = 160
_TITLE = re.compile(r"<title>.*?</title>", re.S)
_OG = re.compile(r'\s*<meta (?:property="og:(?:title|description)"|name="description")[^>]*>')


async def _public_agenda(agenda_id: int):
    """The agenda if an anonymous reader may see it, else None (a messenger's crawler is anonymous)."""
    if agenda_id >= 2**31:
        return None
    agenda = await Agenda.get_or_none(id=agenda_id)
    return agenda if agenda is not None and can_view(Viewer(user=None), agenda) else None


def _shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def with_agenda_meta(page: str, title: str, body: str, site: str) -> str:
    """``index.html`` with the agenda's title and description in ``<title>``, Open Graph and the
    description meta; every value HTML-escaped (titles are user text: quotes, ``<``, emoji, 中文)."""
    full_title = html.escape(f"{title} · {site}", quote=True)
    og_title = html.escape(title, quote=True)
    description = html.escape(_shorten(body), quote=True)
    tags = (
        f"<title>{full_title}</title>\n"
        f'    <meta name="description" content="{description}" />\n'
        f'    <meta property="og:title" content="{og_title}" />\n'
        f'    <meta property="og:description" content="{description}" />'
    )
    page = _OG.sub("", page)
    if _TITLE.search(page):
        return _TITLE.sub(lambda _: tags, page, count=1)
    return page.replace("</head>", tags + "\n</head>", 1) if "</head>" in page else re.sub(
        r"(<html[^>]*>)", lambda m: m.group(1) + "<head>" + tags + "</head>", page, count=1)


def _site_name(page: str) -> str:
    match = _TITLE.search(page)
    return html.unescape(match.group(0)[7:-8]) if match else "civic-agenda"


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
        match = AGENDA_PATH.fullmatch(path)
        agenda = await _public_agenda(int(match.group(1))) if match else None
        if agenda is not None:
            page = index_file.read_text(encoding="utf-8")
            return HTMLResponse(
                with_agenda_meta(page, agenda.title, agenda.body, _site_name(page)),
                headers={"cache-control": "no-cache", "content-security-policy": CSP},
            )
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
