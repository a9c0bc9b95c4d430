"""A careless or hostile client's request: whatever the bytes, the answer is a 400 with a JSON error
naming what is wrong — never a 500 — and nothing is written. NUL characters are refused however they
are written, on SQLite and on PostgreSQL (whose text cannot hold them)."""

from __future__ import annotations

import json

import pytest

from server.accounts.models import User

JSON = {"Content-Type": "application/json"}
REGISTER = "mutation($i: RegisterInput!) { register(input: $i) { user { id } errors { code } } }"
PASSWORD = "광화문-광장-2026!"


def refused(r, code: str, status: int = 400) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"]["code"] == code and error["message"]
    return error


def nested(depth: int) -> dict:
    value: dict = {"leaf": "잎"}
    for _ in range(depth):
        value = {"a": value}
    return value


async def test_a_body_that_is_not_utf8_is_a_400(client):
    r = await client.post("/graphql", content=b'{"query":"{__typename}","x":"\xff"}', headers=JSON)
    error = refused(r, "INVALID_ENCODING")
    assert "UTF-8" in error["message"]


@pytest.mark.parametrize("body", [b"42", b'"{ __typename }"', b"null", b"true", b"[]", b"[42]",
                                  b'[{"query": "{ __typename }"}, "x"]'])
@pytest.mark.postgres_first_row
async def test_json_that_is_not_a_request_is_a_400(client, body):
    refused(await client.post("/graphql", content=body, headers=JSON), "INVALID_REQUEST")


@pytest.mark.parametrize("body", [b"{", b'{"query": "{ __typename }"', b'{"query": 1' + b"1" * 5000 + b"}"])
@pytest.mark.postgres_first_row
async def test_broken_json_and_unconvertible_numbers_are_a_400(client, body):
    refused(await client.post("/graphql", content=body, headers=JSON), "INVALID_JSON")


async def test_variables_nested_hundreds_deep_are_a_400(client):
    for depth in (500, 100_000):  # a RecursionError in the NUL check, then in the JSON parser itself
        body = '{"query": "{ __typename }", "variables": ' + '{"a":' * depth + "1" + "}" * depth + "}"
        refused(await client.post("/graphql", content=body.encode(), headers=JSON), "TOO_DEEP")
    r = await client.post("/graphql", json={"query": "{ __typename }", "variables": {"x": nested(20)}})
    assert r.status_code == 200 and r.json() == {"data": {"__typename": "Query"}}


async def test_each_operation_of_a_batch_is_checked_like_a_single_one(client):
    ok = {"query": "{ __typename }"}
    refused(await client.post("/graphql", json=[ok, {"query": 42}]), "INVALID_REQUEST")
    refused(await client.post("/graphql", json=[ok, {"query": "{ __typename }", "variables": [1]}]), "INVALID_REQUEST")
    refused(await client.post("/graphql", json={"query": "{ __typename }", "operationName": 7}), "INVALID_REQUEST")


async def test_refusals_strawberry_makes_itself_are_json_too(client):
    refused(await client.post("/graphql", json=[{"query": "{ __typename }"}] * 11), "BAD_REQUEST")
    refused(await client.post("/graphql", content=b"query=x", headers={"Content-Type": "text/plain"}), "BAD_REQUEST")
    error = refused(await client.post("/graphql", json={"query": "{ me { id } }"},
                                      headers={"Authorization": "Bearer not-a-real-token"}), "NOT_AUTHENTICATED", 401)
    assert "다시 로그인" in error["message"]  # Korean unless the caller asks otherwise
    error = refused(await client.post("/graphql", json={"query": "{ me { id } }"},
                                      headers={"Authorization": "Bearer not-a-real-token", "Accept-Language": "en"}),
                    "NOT_AUTHENTICATED", 401)
    assert "log in again" in error["message"]


async def test_a_nul_written_as_a_graphql_escape_is_refused_and_nothing_is_written(gql):
    """Not in the JSON (which is checked) but inside the document's own string literal, where only the
    parsed document shows it."""
    for escape in ("\\u0000", "\\u{0}"):
        query = ('mutation { register(input: {email: "nul@example.kr", password: "' + PASSWORD + '", '
                 'displayName: "김' + escape + '지우"}) { user { id } errors { code } } }')
        result = await gql(query)
        assert result["data"] is None
        (error,) = result["errors"]
        assert error["extensions"] == {"code": "NUL_CHARACTER"}
        assert "NUL" in error["message"] and "글" in error["message"]  # Korean by default
    result = await gql('{ agendas(filter: {departmentCodes: ["A\\u0000"]}) { totalCount } }')
    assert result["errors"][0]["extensions"] == {"code": "NUL_CHARACTER"}
    assert not await User.filter(email="nul@example.kr").exists()


async def test_a_nul_in_json_anywhere_is_a_400(client):
    r = await client.post("/graphql", json={"query": REGISTER, "variables": {"i": {
        "email": "nul@example.kr", "password": PASSWORD, "displayName": "nul\u0000name"}}})
    refused(r, "NUL_CHARACTER")
    r = await client.post("/graphql", json={"query": "{ __typename }", "variables": {"key\u0000": 1}})
    refused(r, "NUL_CHARACTER")
    r = await client.get("/graphql", params={"query": 'query($id: ID!) { agenda(id: $id) { id } }',
                                             "variables": json.dumps({"id": "1\u0000"})})
    refused(r, "NUL_CHARACTER")
    r = await client.get("/graphql", params={"query": '{ agenda(id: "1\u0000") { id } }'})
    refused(r, "NUL_CHARACTER")
    assert not await User.filter(email="nul@example.kr").exists()


async def test_korean_chinese_and_emoji_text_passes_untouched(gql):
    result = await gql(REGISTER, {"i": {"email": "text@example.kr", "password": PASSWORD,
                                        "displayName": "김지우 輪椅 🚌", "privacyConsent": True}})
    assert result["data"]["register"]["errors"] == []
    assert (await User.get(email="text@example.kr")).display_name == "김지우 輪椅 🚌"
