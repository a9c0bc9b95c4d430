"""Values a careless client (or an attacker) sends that no agenda could match — a department code
longer than any, a forged cursor, a date before year 1, a hundred thousand districts, highlight
markers typed into a title — are refused at the edge with a code a client can act on, never passed
to the database to fail there as "Unexpected error."."""

from __future__ import annotations

import base64

import pytest

from server.agendas.models import Agenda
from tests.agenda_world import ROUTE, TRIAGE, build_world, propose
from tests.test_cli import run_agenda
from tests.test_agenda_lists import LIST
from tests.test_agenda_workflow import SAVE_PLAN
from tests.test_search import SEARCH

TOO_LONG_CODE = "A" * 41  # the department code column holds 40 characters
NOT_CODES = [TOO_LONG_CODE, "교통실", "🚌BUS", "TRANS PORT"]
TOO_EARLY = "0001-01-01T00:00:00+14:00"  # before year 1 in UTC
TOO_LATE = "9999-12-31T23:59:59-14:00"  # after year 9999 in UTC


@pytest.fixture
async def world(app, gql):
    return await build_world(gql)


def codes(data: dict) -> list[tuple[str, str]]:
    """(code, field) of a query's GraphQL errors."""
    return [(e["extensions"]["code"], e["extensions"]["field"]) for e in data.get("errors", [])]


@pytest.mark.parametrize("code", NOT_CODES)
async def test_a_department_code_no_department_could_have_is_refused_by_every_query(gql, world, code):
    admin = world.tokens["admin"]
    listed = await gql(LIST, {"filter": {"departmentCodes": ["TRANSPORT", code]}})
    assert codes(listed) == [("INVALID_DEPARTMENT_CODE", "departmentCodes")]
    searched = await gql(SEARCH, {"q": "", "filter": {"departmentCodes": [code]}})
    assert codes(searched) == [("INVALID_DEPARTMENT_CODE", "departmentCodes")]
    queue = await gql("query($c: String) { triageQueue(departmentCode: $c) { totalCount } }", {"c": code}, token=admin)
    assert codes(queue) == [("INVALID_DEPARTMENT_CODE", "departmentCode")]
    plans = await gql("query($c: String) { workPlanItems(year: 2026, departmentCode: $c) { id } }", {"c": code})
    assert codes(plans) == [("INVALID_DEPARTMENT_CODE", "departmentCode")]
    # A well-formed code of no department still just finds nothing.
    assert (await gql(LIST, {"filter": {"departmentCodes": ["NOWHERE"]}}))["data"]["agendas"]["totalCount"] == 0


async def test_a_department_code_no_department_could_have_is_a_user_error_in_every_mutation(gql, world):
    t = world.tokens
    refused = await propose(gql, t["citizen"], relatedDepartmentCodes=["WELFARE", TOO_LONG_CODE])
    assert refused["agenda"] is None
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [("INVALID_DEPARTMENT_CODE", "relatedDepartmentCodes")]
    assert await Agenda.all().count() == 0  # nothing half-written

    a = (await propose(gql, t["citizen"]))["agenda"]
    routed = (await gql(ROUTE, {"input": {"id": a["id"], "expectedVersion": a["version"], "ownerKind": "DEPARTMENT",
                                          "departmentCode": TOO_LONG_CODE, "reason": "담당 부서를 바꿉니다"}},
                        token=t["officer"]))["data"]["routeAgenda"]
    assert routed["agenda"] is None
    assert [(e["code"], e["field"]) for e in routed["errors"]] == [("INVALID_DEPARTMENT_CODE", "departmentCode")]

    accepted = (await gql(TRIAGE, {"input": {"id": a["id"], "expectedVersion": a["version"], "decision": "ACCEPT"}},
                          token=t["transport"]))["data"]["triageAgenda"]["agenda"]
    plan = (await gql(SAVE_PLAN, {"input": {"agendaId": a["id"], "expectedVersion": accepted["version"],
                                            "summary": "3개 노선에서 시작", "responsibleDepartmentCode": TOO_LONG_CODE}},
                      token=t["transport"]))["data"]["saveExecutionPlan"]
    assert plan["agenda"] is None
    assert {"field": "responsibleDepartmentCode", "code": "INVALID_DEPARTMENT_CODE"} in plan["errors"]


def cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize("order, forged", [
    ("NEWEST", "NEWEST:0:99999999999999999999999"),
    ("OLDEST", "OLDEST:0:-1"),
    ("MOST_SUPPORTED", "MOST_SUPPORTED:99999999999999999999999:1"),
])
async def test_a_cursor_beyond_the_columns_range_is_refused(gql, world, order, forged):
    await propose(gql, world.tokens["citizen"])
    data = await gql(LIST, {"first": 5, "after": cursor(forged), "order": order})
    assert codes(data) == [("INVALID_CURSOR", "after")]
    queue = await gql("query($a: String) { triageQueue(after: $a) { totalCount } }", {"a": cursor(forged)},
                      token=world.tokens["officer"])
    assert codes(queue) == [("INVALID_CURSOR", "after")]


@pytest.mark.parametrize("part, value", [("createdAfter", TOO_EARLY), ("createdBefore", TOO_LATE)])
async def test_an_instant_outside_years_1_to_9999_is_refused(gql, world, part, value):
    await propose(gql, world.tokens["citizen"])
    data = await gql(LIST, {"filter": {part: value}})
    assert codes(data) == [("DATE_OUT_OF_RANGE", part)]
    # The edges of the range itself are fine, on both databases.
    everything = {"createdAfter": "0001-01-01T00:00:00Z", "createdBefore": "9999-12-31T00:00:00Z"}
    assert (await gql(LIST, {"filter": everything}))["data"]["agendas"]["totalCount"] == 1


async def test_a_filter_holds_at_most_100_values_per_list(gql, world):
    await propose(gql, world.tokens["citizen"])
    flood = {"districts": ["JONGNO"] * 10_000}
    assert codes(await gql(LIST, {"filter": flood})) == [("TOO_MANY_VALUES", "districts")]
    assert codes(await gql(SEARCH, {"q": "", "filter": flood})) == [("TOO_MANY_VALUES", "districts")]
    too_many_codes = {"departmentCodes": [f"D{i}" for i in range(101)]}
    assert codes(await gql(LIST, {"filter": too_many_codes})) == [("TOO_MANY_VALUES", "departmentCodes")]
    hundred = {"districts": ["JONGNO"] * 100, "departmentCodes": [f"D{i}" for i in range(99)] + ["TRANSPORT"]}
    assert (await gql(LIST, {"filter": hundred}))["data"]["agendas"]["totalCount"] == 1


@pytest.mark.parametrize("query, parameter, reason", [
    ({"createdAfter": TOO_EARLY}, "createdAfter", "DATE_OUT_OF_RANGE"),
    ({"createdBefore": TOO_LATE}, "createdBefore", "DATE_OUT_OF_RANGE"),
    ({"departmentCodes": TOO_LONG_CODE}, "departmentCodes", "INVALID_DEPARTMENT_CODE"),
    ({"districts": ",".join(["JONGNO"] * 101)}, "districts", "TOO_MANY_VALUES"),
])
async def test_the_export_refuses_them_before_the_first_byte(client, world, query, parameter, reason):
    for fmt in ("csv", "json"):
        r = await client.get(f"/export/agendas.{fmt}", params=query)
        assert r.status_code == 400, r.text
        assert r.json()["error"] == {"code": "INVALID_FILTER", "reason": reason, "parameter": parameter,
                                     "message": r.json()["error"]["message"]}


async def test_highlight_markers_typed_into_an_agenda_do_not_forge_highlights(gql, app, world):
    forged = "\ue000긴급\ue001 저상버스 정류장 안내판 🚌"
    made = await propose(gql, world.tokens["citizen"], title=forged,
                         body="\ue000가짜 강조\ue001 — 정류장 안내판을 점자와 큰 글씨로 바꿔 주세요. 輪椅 使用者도 읽을 수 있게.")
    assert not made["errors"], made
    await app.state.indexer.drain_all()
    hits = (await gql(SEARCH, {"q": "안내판"}))["data"]["search"]["hits"]
    assert len(hits) == 1
    title, body = hits[0]["highlights"]["title"], hits[0]["highlights"]["body"]
    assert "<mark>안내판</mark>" in title and "<mark>안내판</mark>" in body
    assert "<mark>긴급</mark>" not in title and "<mark>가짜 강조</mark>" not in body
    assert title.count("<mark>") == 1 and body.count("<mark>") == 1


async def test_agenda_export_refuses_them_before_writing_a_file(settings, tmp_path):
    env = {"DATABASE_URL": settings.database_url, "AGENDA_DATA_DIR": str(tmp_path / "cli-data"),
           "AGENDA_SECRET": settings.secret}
    out = tmp_path / "agendas.csv"
    r = run_agenda(["export", "--out", str(out), "--created-after", TOO_EARLY], env)
    assert r.returncode == 2 and "createdAfter" in r.stderr and not out.exists()
    r = run_agenda(["export", "--out", str(out), "--department-codes", TOO_LONG_CODE], env)
    assert r.returncode == 2 and "departmentCodes" in r.stderr and not out.exists()
