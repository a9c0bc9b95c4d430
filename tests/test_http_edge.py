"""The HTTP edge: request bodies have a ceiling enforced before they are read whole, and text
responses are gzip-compressed for clients that accept it — over HTTP against the real app."""

from __future__ import annotations

import gzip
import json

import httpx

from civic.body_limit import MAX_BODY_BYTES

SCHEMA_TYPES = "{ __schema { types { name description } } }"


class Upload:
    """A request body sent in 64 KiB chunks that remembers how much of it the server pulled."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.sent = 0

    async def __aiter__(self):
        chunk = b" " * 65536
        while self.sent < self.total:
            self.sent += len(chunk)
            yield chunk


async def test_a_declared_body_over_the_limit_is_refused_before_it_is_read(client):
    upload = Upload(60 * 1024 * 1024)
    r = await client.post("/graphql", content=upload,
                          headers={"Content-Type": "application/json", "Content-Length": str(upload.total)})
    assert r.status_code == 413 and upload.sent == 0
    error = r.json()["errors"][0]
    assert error["extensions"] == {"code": "PAYLOAD_TOO_LARGE", "limitBytes": MAX_BODY_BYTES}
    assert "너무 큽니다" in error["message"]  # in the caller's language, Korean by default

    # outside /graphql the refusal is the plain JSON error shape
    r = await client.post("/export/agendas.csv", content=Upload(2 * MAX_BODY_BYTES),
                          headers={"Content-Length": str(2 * MAX_BODY_BYTES)})
    assert r.status_code == 413 and r.json()["error"]["code"] == "PAYLOAD_TOO_LARGE"


async def test_a_streamed_body_without_a_length_is_cut_off_at_the_limit(client):
    upload = Upload(60 * 1024 * 1024)
    r = await client.post("/graphql", content=upload, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert upload.sent <= MAX_BODY_BYTES + 65536  # the rest was never pulled into memory


async def test_a_large_request_within_the_limit_is_answered(gql, client):
    padding = "광화문 광장 🌱 " * 40_000  # ~0.8 MB of Korean and emoji in UTF-8
    body = json.dumps({"query": "{ __typename }", "extensions": {"note": padding}}, ensure_ascii=False).encode()
    assert MAX_BODY_BYTES * 0.7 < len(body) < MAX_BODY_BYTES
    r = await client.post("/graphql", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 200 and r.json()["data"] == {"__typename": "Query"}


async def test_graphql_answers_are_gzip_compressed_for_clients_that_accept_it(client):
    plain = await client.post("/graphql", json={"query": SCHEMA_TYPES}, headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200 and "content-encoding" not in plain.headers

    async with client.stream("POST", "/graphql", json={"query": SCHEMA_TYPES},
                             headers={"Accept-Encoding": "gzip"}) as r:
        raw = b"".join([chunk async for chunk in r.aiter_raw()])
    assert r.headers["content-encoding"] == "gzip" and "accept-encoding" in r.headers["vary"].lower()
    assert int(r.headers["content-length"]) == len(raw) < len(plain.content) / 3
    assert json.loads(gzip.decompress(raw)) == plain.json()


async def test_tiny_answers_are_not_compressed(client):
    r = await client.post("/graphql", json={"query": "{ __typename }"}, headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200 and "content-encoding" not in r.headers
    assert (await client.get("/healthz", headers={"Accept-Encoding": "gzip"})).headers.get("content-encoding") is None
