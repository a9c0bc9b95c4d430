"""Proposing: what a citizen may send, what they get back, and what is never written."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest

from server.agendas.models import Agenda, AgendaEvent
from server.search.models import OutboxEntry
from tests.agenda_world import LOW_FLOOR_BUS, PROPOSE, build_world, propose


@pytest.fixture
async def world(app, gql):
    return await build_world(gql)


async def nothing_written():
    return (await Agenda.all().count(), await AgendaEvent.all().count(), await OutboxEntry.all().count()) == (0, 0, 0)


@pytest.mark.parametrize(
    "overrides, code, field",
    [
        ({"title": "짧음"}, "TOO_SHORT", "title"),
        ({"title": "가" * 201}, "TOO_LONG", "title"),
        ({"title": "    "}, "REQUIRED", "title"),
        ({"body": "너무 짧은 설명"}, "TOO_SHORT", "body"),
        ({"body": "가" * 20_001}, "TOO_LONG", "body"),
        ({"body": "제어 문자\u0007가 들어간 설명입니다. 충분히 깁니다."}, "INVALID", "body"),
        ({"district": "GANGNAM-DAERO"}, "INVALID_DISTRICT", "district"),
        ({"channel": "DEPARTMENT_WORK"}, "CHANNEL_NOT_ALLOWED", "channel"),
        ({"visibility": "INTERNAL"}, "FORBIDDEN", "visibility"),
        ({"relatedDepartmentCodes": ["NOWHERE"]}, "UNKNOWN_DEPARTMENT", "relatedDepartmentCodes"),
        ({"relatedDepartmentCodes": [f"D{i}" for i in range(11)]}, "INVALID", "relatedDepartmentCodes"),
        ({"workPlanItemId": "424242"}, "UNKNOWN_WORK_PLAN_ITEM", "workPlanItemId"),
        ({"idempotencyKey": "k" * 101}, "TOO_LONG", "idempotencyKey"),
    ],
)
@pytest.mark.postgres_first_row
async def test_bad_proposals_get_a_user_error_and_write_nothing(gql, world, overrides, code, field):
    result = await propose(gql, world.tokens["citizen"], **overrides)
    assert result["agenda"] is None
    assert (code, field) in [(e["code"], e["field"]) for e in result["errors"]], result["errors"]
    assert all(e["message"] for e in result["errors"])
    assert await nothing_written()


async def test_an_anonymous_visitor_must_log_in_to_propose(gql, world):
    result = await propose(gql, None)
    assert result["errors"][0]["code"] == "NOT_AUTHENTICATED" and await nothing_written()


async def test_an_unknown_enum_is_refused_by_the_schema_itself(gql, world):
    data = await gql(PROPOSE, {"input": {**LOW_FLOOR_BUS, "field": "SPACE_PROGRAM"}}, token=world.tokens["citizen"])
    assert data["data"] is None and "SPACE_PROGRAM" in data["errors"][0]["message"]
    assert await nothing_written()


async def test_every_problem_in_a_form_is_reported_at_once(gql, world):
    result = await propose(gql, world.tokens["citizen"], title="짧", body="짧다", district="MARS")
    assert {e["field"] for e in result["errors"]} == {"title", "body", "district"}


async def test_staff_propose_through_their_channels_and_may_keep_an_agenda_internal(gql, world):
    result = await propose(gql, world.tokens["transport"], channel="DEPARTMENT_WORK", visibility="INTERNAL",
                           title="버스정류장 저상버스 승강장 정비 계획")
    assert result["errors"] == [] and result["agenda"]["channel"] == "DEPARTMENT_WORK"
    aid = result["agenda"]["id"]
    # internal: invisible to the public and to other citizens, visible to staff
    assert (await gql('query($id: ID!) { agenda(id: $id) { id } }', {"id": aid}))["data"]["agenda"] is None
    assert (await gql('query($id: ID!) { agenda(id: $id) { id } }', {"id": aid}, token=world.tokens["citizen"]))["data"]["agenda"] is None
    assert (await gql('query($id: ID!) { agenda(id: $id) { id } }', {"id": aid}, token=world.tokens["welfare"]))["data"]["agenda"] == {"id": aid}
    public = await gql("{ agendas { totalCount } }")
    assert public["data"]["agendas"]["totalCount"] == 0


async def test_a_retried_submission_returns_the_same_agenda_not_a_twin(gql, world):
    first = await propose(gql, world.tokens["citizen"], idempotencyKey="form-7f3a")
    again = await propose(gql, world.tokens["citizen"], idempotencyKey="form-7f3a")
    assert first["agenda"]["id"] == again["agenda"]["id"]
    assert await Agenda.all().count() == 1
    # another person's identical key is their own submission
    other = await propose(gql, world.tokens["citizen2"], idempotencyKey="form-7f3a")
    assert other["agenda"]["id"] != first["agenda"]["id"]


async def test_a_citizen_is_rate_limited_with_a_clear_message(settings):
    import httpx

    from civic.app import create_app

    app = create_app(dataclasses.replace(settings, proposals_per_hour=2), run_migrations=False)
    async with app.router.lifespan_context(app):
        with app.state.tortoise:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://t") as c:
                from tests.conftest import GraphQLClient

                g = GraphQLClient(c)
                world = await build_world(g)
                for i in range(2):
                    assert (await propose(g, world.tokens["citizen"], title=f"저상버스 예약 제안 {i}"))["errors"] == []
                third = await propose(g, world.tokens["citizen"], title="저상버스 예약 제안 3")
                assert third["errors"][0]["code"] == "RATE_LIMITED" and "2" in third["errors"][0]["message"]
                assert await Agenda.all().count() == 2
                # staff are not throttled by the citizens' limit
                for i in range(3):
                    assert (await propose(g, world.tokens["transport"], title=f"정류장 정비 {i}번"))["errors"] == []


async def test_twenty_proposals_sent_at_once_get_exactly_the_hourly_quota(gql, world, settings):
    """A new citizen's double-clicks, a script or twenty open tabs: all arrive together, and the
    hourly quota still holds exactly — the count and the insert are one atomic step."""
    assert settings.proposals_per_hour == 10
    results = await asyncio.gather(*(
        propose(gql, world.tokens["citizen"], title=f"저상버스 예약 제안 {i}번 🚌", body=f"휠체어 이용자가 {i}번 노선의 저상버스를 미리 예약할 수 있게 해 주세요.")
        for i in range(20)
    ))
    accepted = [r for r in results if r["agenda"] is not None]
    refused = [r for r in results if r["agenda"] is None]
    assert len(accepted) == 10 and len(refused) == 10
    assert all([e["code"] for e in r["errors"]] == ["RATE_LIMITED"] for r in refused)
    assert await Agenda.filter(proposer__email="jiwoo@example.kr").count() == 10 == await Agenda.all().count()
    # nothing half-written for the refused ten: one proposal and one routing event per accepted agenda
    assert await AgendaEvent.all().count() == 20


@pytest.mark.parametrize(
    "title, body",
    [
        ("저상버스를 예약하는 앱 🚌", "휠체어 이용자가 저상버스를 예약할 수 있게 해 주세요 ♿️ 정말 필요합니다!"),
        ("低地板公車預約服務", "我希望坐輪椅的市民可以事先預約低地板公車，讓司機在站牌準備好斜坡板。"),
        ("Low-floor bus booking app", "Let wheelchair users book a low-floor bus so the driver can prepare the ramp."),
    ],
)
async def test_korean_chinese_english_and_emoji_round_trip_and_route(gql, world, title, body):
    result = await propose(gql, world.tokens["citizen"], title=title, body=body)
    assert result["errors"] == []
    assert (result["agenda"]["title"], result["agenda"]["body"]) == (title, body)
    assert result["agenda"]["owner"]["department"]["code"] == "TRANSPORT"


async def test_naming_a_related_department_makes_it_a_candidate(gql, world):
    result = await propose(gql, world.tokens["citizen"], relatedDepartmentCodes=["housing"])
    routing = result["agenda"]["routing"]
    assert routing["reason"] == "MULTI_DEPARTMENT"
    assert [c["code"] for c in routing["candidates"]] == ["HOUSING", "TRANSPORT"]
