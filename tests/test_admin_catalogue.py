"""An admin keeps departments and work plans current over the years: edits are audited, a
department with open agendas cannot be switched off, a work-plan item agendas name is retired
rather than deleted, and last year's plan is carried into this year once."""

from __future__ import annotations

from unittest import mock

import pytest

from server.agendas import departments
from server.agendas.models import Agenda, WorkPlanItem
from server.audit.models import AuditEntry
from tests.agenda_world import TRIAGE, build_world, propose
from tests.test_list_counts import view_of

UPDATE = """mutation($input: UpdateDepartmentInput!) { updateDepartment(input: $input) {
  department { code name nameEn dutyStatement active } errors { field code message } } }"""
ITEM = """mutation($input: WorkPlanItemInput!) { createWorkPlanItem(input: $input) {
  workPlanItem { id } errors { code } } }"""
EDIT_ITEM = """mutation($input: UpdateWorkPlanItemInput!) { updateWorkPlanItem(input: $input) {
  workPlanItem { id title keywords retired department { code } } errors { field code message } } }"""
RETIRE = """mutation($id: ID!) { retireWorkPlanItem(id: $id) { workPlanItem { id retired } deleted errors { code } } }"""
COPY = """mutation($input: CopyWorkPlanInput!) { copyWorkPlan(input: $input) {
  copy { fromYear toYear copied skipped } errors { field code message } } }"""
ITEMS = """query($year: Int!, $all: Boolean!) { workPlanItems(year: $year, includeRetired: $all) { id title retired } }"""


@pytest.fixture
async def world(app, gql):
    return await build_world(gql)


async def test_a_department_with_open_agendas_is_not_deactivated_until_they_are_closed(gql, world):
    admin = world.tokens["admin"]
    open_one = await propose(gql, world.tokens["citizen"])
    assert open_one["agenda"]["owner"]["department"]["code"] == "TRANSPORT"

    refused = (await gql(UPDATE, {"input": {"code": "TRANSPORT", "active": False}}, token=admin))["data"]["updateDepartment"]
    assert refused["department"] is None
    assert refused["errors"] == [{"field": "active", "code": "DEPARTMENT_HAS_OPEN_AGENDAS",
                                  "message": "도시교통실에 아직 진행 중인 의제가 1건 있습니다. 다른 부서로 넘기거나 마무리한 뒤 비활성화해 주세요."}]

    rejected = (await gql(TRIAGE, {"input": {"id": open_one["agenda"]["id"], "expectedVersion": open_one["agenda"]["version"],
                                            "decision": "REJECT", "reason": "이미 저상버스 예약 서비스를 운영하고 있습니다."}},
                          token=world.tokens["transport"]))["data"]["triageAgenda"]
    assert rejected["errors"] == []
    off = (await gql(UPDATE, {"input": {"code": "TRANSPORT", "active": False, "nameEn": "Urban Transport Office",
                                        "dutyStatement": "대중교통과 보행 정책을 맡습니다."}}, token=admin))["data"]["updateDepartment"]
    assert off["errors"] == [] and off["department"]["active"] is False

    # it keeps its agenda and history; it is no longer offered nor a routing candidate
    assert (await Agenda.get(id=int(open_one["agenda"]["id"])).prefetch_related("owner_department")).owner_department.code == "TRANSPORT"
    assert "TRANSPORT" not in [d["code"] for d in (await gql("{ departments { code } }"))["data"]["departments"]]
    assert (await propose(gql, world.tokens["citizen2"]))["agenda"]["owner"]["kind"] == "INNOVATION_OFFICER"

    [entry] = await AuditEntry.filter(action="DEPARTMENT_UPDATED")
    assert entry.target == "department:TRANSPORT" and entry.actor_id == world.admin.user.id
    assert entry.before == {"nameEn": "Urban Transportation Office", "dutyStatement": "", "active": True}
    assert entry.after == {"nameEn": "Urban Transport Office", "dutyStatement": "대중교통과 보행 정책을 맡습니다.", "active": False}

    back = (await gql(UPDATE, {"input": {"code": "TRANSPORT", "active": True}}, token=admin))["data"]["updateDepartment"]
    assert back["department"]["active"] is True
    assert await AuditEntry.filter(action="DEPARTMENT_UPDATED").count() == 2
    same = (await gql(UPDATE, {"input": {"code": "TRANSPORT", "active": True}}, token=admin))["data"]["updateDepartment"]
    assert same["errors"] == [] and await AuditEntry.filter(action="DEPARTMENT_UPDATED").count() == 2  # nothing changed


async def test_work_plan_items_are_edited_retired_and_carried_into_the_next_year(gql, world):
    admin = world.tokens["admin"]
    ids = {}
    for title, dept in (("교통약자 이동 돌봄 사업", "WELFARE"), ("저상버스 예약 시범사업", "TRANSPORT"), ("청년주택 공유공간", "HOUSING")):
        made = (await gql(ITEM, {"input": {"departmentCode": dept, "title": title, "keywords": [title.split()[0]], "year": 2026}},
                          token=admin))["data"]["createWorkPlanItem"]
        ids[title] = made["workPlanItem"]["id"]
    named = ids["저상버스 예약 시범사업"]
    with mock.patch.object(departments, "current_year", return_value=2026):
        agenda = await propose(gql, world.tokens["citizen"], workPlanItemId=named)
    assert agenda["errors"] == []

    edited = (await gql(EDIT_ITEM, {"input": {"id": named, "title": "저상버스 탑승 예약 사업", "keywords": ["저상버스", "예약"]}},
                        token=admin))["data"]["updateWorkPlanItem"]
    assert edited["workPlanItem"] == {"id": named, "title": "저상버스 탑승 예약 사업", "keywords": ["저상버스", "예약"],
                                      "retired": False, "department": {"code": "TRANSPORT"}}
    bad = (await gql(EDIT_ITEM, {"input": {"id": named, "title": "", "departmentCode": "NOPE"}}, token=admin))["data"]["updateWorkPlanItem"]
    assert sorted((e["field"], e["code"]) for e in bad["errors"]) == [("departmentCode", "UNKNOWN_DEPARTMENT"), ("title", "REQUIRED")]

    retired = (await gql(RETIRE, {"id": named}, token=admin))["data"]["retireWorkPlanItem"]
    assert retired == {"workPlanItem": {"id": named, "retired": True}, "deleted": False, "errors": []}
    deleted = (await gql(RETIRE, {"id": ids["청년주택 공유공간"]}, token=admin))["data"]["retireWorkPlanItem"]
    assert deleted == {"workPlanItem": None, "deleted": True, "errors": []}
    assert await Agenda.filter(work_plan_item_id=int(named)).count() == 1  # the agenda still names it

    offered = (await gql(ITEMS, {"year": 2026, "all": False}))["data"]["workPlanItems"]
    assert [i["title"] for i in offered] == ["교통약자 이동 돌봄 사업"]
    everything = (await gql(ITEMS, {"year": 2026, "all": True}))["data"]["workPlanItems"]
    assert [(i["title"], i["retired"]) for i in everything] == [("교통약자 이동 돌봄 사업", False), ("저상버스 탑승 예약 사업", True)]
    with mock.patch.object(departments, "current_year", return_value=2026):
        again = await propose(gql, world.tokens["citizen2"], workPlanItemId=named)
    assert again["errors"][0]["code"] == "UNKNOWN_WORK_PLAN_ITEM"

    first = (await gql(COPY, {"input": {"fromYear": 2026, "toYear": 2027}}, token=admin))["data"]["copyWorkPlan"]
    assert first == {"copy": {"fromYear": 2026, "toYear": 2027, "copied": 1, "skipped": 0}, "errors": []}
    second = (await gql(COPY, {"input": {"fromYear": 2026, "toYear": 2027}}, token=admin))["data"]["copyWorkPlan"]
    assert second["copy"] == {"fromYear": 2026, "toYear": 2027, "copied": 0, "skipped": 1}
    assert await WorkPlanItem.filter(year=2027).count() == 1
    refused = (await gql(COPY, {"input": {"fromYear": 2026, "toYear": 2026}}, token=world.tokens["welfare"]))["data"]["copyWorkPlan"]
    assert refused["errors"][0]["code"] == "FORBIDDEN"

    actions = [(e.action, e.target) for e in await AuditEntry.all().order_by("id")]
    assert actions == [("WORK_PLAN_ITEM_UPDATED", f"work_plan_item:{named}"), ("WORK_PLAN_ITEM_RETIRED", f"work_plan_item:{named}"),
                       ("WORK_PLAN_ITEM_RETIRED", f"work_plan_item:{ids['청년주택 공유공간']}"), ("WORK_PLAN_COPIED", "work_plan:2027")]
    updated = await AuditEntry.get(action="WORK_PLAN_ITEM_UPDATED")
    assert updated.before == {"title": "저상버스 예약 시범사업", "keywords": ["저상버스"]}


async def test_the_proposal_form_offers_an_admins_work_plan_change_at_once(app, gql, world):
    """The public reads the year's work plan when proposing (shared anonymous answers,
    schema/anonymous_cache.py): creating, renaming, retiring and copying items each start it over."""
    admin = world.tokens["admin"]
    view = view_of(app)
    view.answers.ttl = 600  # only a write may end a shared answer here, never its age

    async def offered(year: int) -> list[str]:
        return [i["title"] for i in (await gql(ITEMS, {"year": year, "all": False}))["data"]["workPlanItems"]]

    assert await offered(2026) == [] and await offered(2027) == []
    made = (await gql(ITEM, {"input": {"departmentCode": "TRANSPORT", "title": "저상버스 예약 시범사업",
                                       "keywords": ["저상버스"], "year": 2026}}, token=admin))["data"]["createWorkPlanItem"]
    assert await offered(2026) == ["저상버스 예약 시범사업"]
    await gql(COPY, {"input": {"fromYear": 2026, "toYear": 2027}}, token=admin)
    assert await offered(2027) == ["저상버스 예약 시범사업"]
    await gql(EDIT_ITEM, {"input": {"id": made["workPlanItem"]["id"], "title": "저상버스 탑승 예약 사업 🚌"}}, token=admin)
    assert await offered(2026) == ["저상버스 탑승 예약 사업 🚌"]
    await gql(RETIRE, {"id": made["workPlanItem"]["id"]}, token=admin)
    assert await offered(2026) == []
