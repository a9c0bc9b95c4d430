"""Password guessing is slowed down per account and per address, while the account's owner, logging
in from an address that has not failed, waits a minute at most — over HTTP against the real app, with
the throttle's clock moved forward instead of sleeping."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import httpx
import pytest

from civic.app import create_app
from server.accounts import service, throttle
from server.accounts.models import LoginThrottle

PASSWORD = "광화문-광장-2026!"
LOGIN = """
mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { token retryAfterSeconds errors { field code message } }
}"""


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, moved by ``clock.advance(seconds)``."""

    class Clock:
        at = throttle.now()

        def advance(self, seconds: float) -> None:
            self.at += timedelta(seconds=seconds)

    c = Clock()
    monkeypatch.setattr(throttle, "now", lambda: c.at)
    return c


@pytest.fixture
async def citizen(app):
    return await service.create_user(email="jiwoo@example.kr", password=PASSWORD, display_name="김지우 🌱")


def from_address(app, address: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(address, 40000)),
                             base_url="https://testserver")


async def login(http: httpx.AsyncClient, password: str, email: str = "jiwoo@example.kr") -> tuple[dict, httpx.Response]:
    r = await http.post("/graphql", json={"query": LOGIN, "variables": {"email": email, "password": password}})
    assert r.status_code == 200, r.text
    return r.json()["data"]["login"], r


def codes(payload: dict) -> list[str]:
    return [e["code"] for e in payload["errors"]]


async def test_a_guesser_is_slowed_down_with_growing_waits_then_the_right_password_works(app, citizen, clock):
    async with from_address(app, "203.0.113.7") as guesser:
        for _ in range(5):
            payload, _ = await login(guesser, "틀린-비밀번호-1234")
            assert codes(payload) == ["INVALID_CREDENTIALS"] and payload["retryAfterSeconds"] is None

        payload, r = await login(guesser, PASSWORD)  # even the right password waits: nothing is checked
        assert codes(payload) == ["TOO_MANY_ATTEMPTS"] and payload["token"] is None
        assert payload["retryAfterSeconds"] == 30 and r.headers["retry-after"] == "30"
        assert "30초" in payload["errors"][0]["message"]  # Korean unless the caller asks otherwise

        clock.advance(30)
        payload, _ = await login(guesser, "또-틀린-비밀번호")
        assert codes(payload) == ["INVALID_CREDENTIALS"]
        clock.advance(30)  # the wait doubles with each further failure
        payload, _ = await login(guesser, PASSWORD)
        assert codes(payload) == ["TOO_MANY_ATTEMPTS"] and payload["retryAfterSeconds"] == 30

        clock.advance(30)
        payload, _ = await login(guesser, PASSWORD)
        assert payload["errors"] == [] and payload["token"]
        assert await LoginThrottle.filter(key__startswith="pair:").count() == 0  # success forgets

        payload, _ = await login(guesser, "틀린-비밀번호-1234")
        assert codes(payload) == ["INVALID_CREDENTIALS"]  # a fresh start, not a lock


async def test_200_fast_guesses_get_five_answers(app, citizen, clock):
    async with from_address(app, "203.0.113.7") as guesser:
        answers = [codes((await login(guesser, f"guess-{i}-비번"))[0])[0] for i in range(200)]
    assert answers.count("INVALID_CREDENTIALS") == 5 and answers.count("TOO_MANY_ATTEMPTS") == 195


async def test_a_distributed_guesser_delays_the_owner_by_a_minute_at_most(app, citizen, clock):
    for i in range(12):  # a botnet: each address fails twice, none is throttled on its own
        async with from_address(app, f"198.51.100.{i}") as bot:
            for _ in range(2):
                payload, _ = await login(bot, f"bot-guess-{i}")
                assert codes(payload) in (["INVALID_CREDENTIALS"], ["TOO_MANY_ATTEMPTS"])

    async with from_address(app, "192.0.2.44") as owner:
        payload, _ = await login(owner, PASSWORD)
        assert codes(payload) == ["TOO_MANY_ATTEMPTS"] and 1 <= payload["retryAfterSeconds"] <= 60
        clock.advance(payload["retryAfterSeconds"])
        payload, _ = await login(owner, PASSWORD)
        assert payload["errors"] == [] and payload["token"]


async def test_an_address_trying_many_accounts_is_throttled_even_for_unknown_ones(app, citizen, clock):
    async with from_address(app, "203.0.113.50") as stuffer, from_address(app, "203.0.113.51") as neighbour:
        for i in range(20):
            payload, _ = await login(stuffer, "password123!", email=f"user{i}@example.kr")
            assert codes(payload) == ["INVALID_CREDENTIALS"]
        payload, _ = await login(stuffer, PASSWORD)  # a real account, right password: this address waits
        assert codes(payload) == ["TOO_MANY_ATTEMPTS"] and payload["retryAfterSeconds"] == 30
        payload, _ = await login(neighbour, PASSWORD)  # another address is not affected
        assert payload["errors"] == []


async def test_every_server_process_sees_the_same_counts(app, settings, citizen, clock):
    """Two app instances on one database stand for two server processes behind a load balancer."""
    other = create_app(dataclasses.replace(settings), run_migrations=False)
    async with other.router.lifespan_context(other):
        with other.state.tortoise:
            async with from_address(app, "203.0.113.7") as first, from_address(other, "203.0.113.7") as second:
                for http in (first, second, first, second, first):
                    payload, _ = await login(http, "틀린-비밀번호-1234")
                    assert codes(payload) == ["INVALID_CREDENTIALS"]
                payload, _ = await login(second, PASSWORD)
                assert codes(payload) == ["TOO_MANY_ATTEMPTS"]


async def test_email_addresses_are_not_stored_in_the_throttle(app, citizen, clock):
    async with from_address(app, "203.0.113.7") as guesser:
        await login(guesser, "틀린-비밀번호-1234", email="지우@예시.한국")
        await login(guesser, "틀린-비밀번호-1234")
    keys = [row.key for row in await LoginThrottle.all()]
    assert len(keys) == 5 and not any("jiwoo" in k or "203.0.113" in k or "지우" in k for k in keys)
