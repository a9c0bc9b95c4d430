"""The published SDL stays in sync, and the limits that protect the service hold."""

from __future__ import annotations

from pathlib import Path

from schema.sdl import export_sdl

SDL = Path(__file__).resolve().parent.parent / "schema" / "schema.graphql"


def test_exported_schema_is_up_to_date():
    assert SDL.read_text(encoding="utf-8") == export_sdl(), (
        "schema/schema.graphql is stale: run `agenda export-schema` and commit the result"
    )


async def test_query_depth_is_limited(settings):
    """Today's schema is shallow, so the limit is proven with a small configured depth."""
    import dataclasses

    import httpx

    from civic.app import create_app

    app = create_app(dataclasses.replace(settings, max_query_depth=1), run_migrations=False)
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://t") as c:
            ok = (await c.post("/graphql", json={"query": "{ me { id } }"})).json()
            assert ok == {"data": {"me": None}}
            deep = (await c.post("/graphql", json={"query": "{ me { departments { code } } }"})).json()
            assert deep["data"] is None
            assert "exceeds maximum operation depth" in deep["errors"][0]["message"]


async def test_aliases_are_limited(gql):
    query = "{ " + " ".join(f"a{i}: me {{ id }}" for i in range(25)) + " }"
    result = await gql(query)
    assert result["data"] is None and "aliases" in result["errors"][0]["message"].lower()


async def test_tokens_are_limited(gql):
    query = "{ me { " + " ".join(["id"] * 4000) + " } }"
    result = await gql(query)
    assert result["data"] is None and "token" in result["errors"][0]["message"].lower()


async def test_batches_are_limited(client):
    one = {"query": "{ me { id } }"}
    ok = await client.post("/graphql", json=[one] * 3)
    assert ok.status_code == 200 and ok.json() == [{"data": {"me": None}}] * 3
    too_many = await client.post("/graphql", json=[one] * 11)
    assert too_many.status_code == 400


async def test_graphiql_is_served_to_browsers(client):
    r = await client.get("/graphql", headers={"Accept": "text/html"})
    assert r.status_code == 200 and "graphiql" in r.text.lower()


async def test_mutations_cannot_be_sent_with_get(client):
    r = await client.get("/graphql", params={"query": 'mutation { logout { ok } }'})
    assert r.status_code in (400, 405)


async def test_nul_characters_are_refused_at_the_edge(client):
    q = "mutation($i: RegisterInput!) { register(input: $i) { errors { code } } }"
    r = await client.post("/graphql", json={"query": q, "variables": {"i": {
        "email": "a@example.kr", "password": "광화문-광장-2026!", "displayName": "nul\u0000name"}}})
    assert r.status_code == 400 and "NUL" in r.text
    r = await client.get("/graphql", params={"query": '{ agenda(id: "1\u0000") { id } }'})
    assert r.status_code == 400


async def test_out_of_range_ids_are_simply_not_found(gql):
    r = await gql('{ agenda(id: "99999999999999999999") { id } }')
    assert r == {"data": {"agenda": None}}
