"""The server serves the built web app: index.html at / and at every client route (a reload or a
shared link opens the right page), hashed assets with long caching, a strict CSP — and never the
app in place of an API path or a missing file."""

from __future__ import annotations

import dataclasses
import gzip

import pytest

from civic.app import create_app


@pytest.fixture
def dist(tmp_path):
    d = tmp_path / "dist"
    (d / "assets").mkdir(parents=True)
    (d / "index.html").write_text('<!doctype html><html lang="ko"><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script></html>', encoding="utf-8")
    (d / "assets" / "app-1a2b.js").write_text("console.log('사회혁신')", encoding="utf-8")
    (d / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    return d


@pytest.fixture
async def app_with_dist(settings, dist):
    application = create_app(dataclasses.replace(settings, frontend_dir=dist), run_migrations=False)
    async with application.router.lifespan_context(application):
        with application.state.tortoise:
            yield application


@pytest.fixture
async def web(app_with_dist):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app_with_dist), base_url="https://testserver") as c:
        yield c


@pytest.mark.parametrize("path", ["/", "/agendas/12", "/triage/agendas/3", "/workshops/5", "/my", "/propose?q=저상버스"])
@pytest.mark.postgres_first_row
async def test_client_routes_get_the_app(web, path):
    r = await web.get(path)
    assert r.status_code == 200
    assert '<div id="root">' in r.text
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["cache-control"] == "no-cache"  # a deploy must not leave browsers on a stale bundle
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "connect-src 'self'" in csp


async def test_hashed_assets_are_cached_for_a_year(web):
    r = await web.get("/assets/app-1a2b.js")
    assert r.status_code == 200 and "사회혁신" in r.text
    assert "immutable" in r.headers["cache-control"]
    assert (await web.get("/assets/missing-0000.js")).status_code == 404


async def test_top_level_static_files_are_served(web):
    r = await web.get("/favicon.svg")
    assert r.status_code == 200 and "<svg" in r.text


@pytest.mark.parametrize("path", ["/export/agendas.cvs", "/export/unknown", "/graphql/extra", "/robots.txt", "/metrics/x", "/assets/../../pyproject.toml", "/index.html/../../civic/app.py"])
@pytest.mark.postgres_first_row
async def test_api_paths_and_missing_files_are_404_not_the_app(web, path):
    r = await web.get(path)
    assert r.status_code == 404
    assert '<div id="root">' not in r.text


async def test_api_routes_still_win(web):
    assert (await web.get("/healthz")).status_code == 200
    r = await web.post("/graphql", json={"query": "{ policyFields { code } }"})
    assert r.status_code == 200 and len(r.json()["data"]["policyFields"]) == 5
    assert (await web.get("/export/agendas.csv")).status_code == 200


async def test_without_a_build_the_home_page_says_how_to_build_it(settings, tmp_path):
    import httpx

    application = create_app(dataclasses.replace(settings, frontend_dir=tmp_path / "nothing"), run_migrations=False)
    async with application.router.lifespan_context(application):
        with application.state.tortoise:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=application), base_url="https://t") as c:
                r = await c.get("/agendas/1")
    assert r.status_code == 200 and "scripts/run" in r.text and "/graphql" in r.text


async def test_the_app_script_is_gzip_compressed_and_images_are_not(app_with_dist, dist, web):
    script = "".join(f"export const 화면{i} = () => console.log('사회혁신 의제 {i}');\n" for i in range(3000))
    (dist / "assets" / "big-9f8e.js").write_text(script, encoding="utf-8")
    (dist / "assets" / "logo-1c2d.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)

    async with web.stream("GET", "/assets/big-9f8e.js", headers={"Accept-Encoding": "gzip"}) as r:
        raw = b"".join([chunk async for chunk in r.aiter_raw()])
    assert r.status_code == 200 and r.headers["content-encoding"] == "gzip"
    assert r.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert gzip.decompress(raw).decode("utf-8") == script and len(raw) < len(script.encode()) / 5

    png = await web.get("/assets/logo-1c2d.png", headers={"Accept-Encoding": "gzip"})
    assert png.status_code == 200 and "content-encoding" not in png.headers
    page = await web.get("/", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in page.headers and page.headers["content-security-policy"]


async def test_a_shared_agenda_link_shows_its_title_to_a_messenger_and_a_private_one_does_not(web, gql):
    """A messenger's crawler reads the HTML of /agendas/<id>: a public agenda's title and the start of its
    text are in <title> and Open Graph (escaped), an internal one's never are."""
    from server.agendas.models import Agenda
    from tests.agenda_world import build_world, propose

    world = await build_world(gql)
    title = '광화문 "보행" <광장> 🚶 & 街道'
    shared = (await propose(gql, world.tokens["citizen"], title=title))["agenda"]
    secret = (await propose(gql, world.tokens["citizen2"], title="내부 검토 중인 비공개 제안서입니다"))["agenda"]
    await Agenda.filter(id=int(secret["id"])).update(visibility="INTERNAL")

    page = (await web.get(f"/agendas/{shared['id']}")).text
    escaped = "광화문 &quot;보행&quot; &lt;광장&gt; 🚶 &amp; 街道"
    assert f'<meta property="og:title" content="{escaped}" />' in page
    assert f"<title>{escaped} · " in page
    assert '<meta property="og:description" content="휠체어를 타는 시민이 저상버스를' in page
    assert "<광장>" not in page and '"보행"' not in page
    assert '<div id="root">' in page  # still the app

    for path in (f"/agendas/{secret['id']}", "/agendas/999999", "/agendas/99999999999"):
        r = await web.get(path)
        assert r.status_code == 200 and '<div id="root">' in r.text
        assert "비공개 제안서" not in r.text and "og:title" not in r.text
