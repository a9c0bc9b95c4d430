"""An admin keeps the department catalogue the routing rule reads."""

from __future__ import annotations

import pytest

from server.agendas.models import Department, WorkPlanItem
from tests.agenda_world import build_world, propose

CREATE = """mutation($input: DepartmentInput!) { createDepartment(input: $input) {
  department { code name nameEn fields keywords active } errors { field code message } } }"""
UPDATE = """mutation($input: UpdateDepartmentInput!) { updateDepartment(input: $input) {
  department { code keywords active } errors { field code message } } }"""
WORK_PLAN = """mutation($input: WorkPlanItemInput!) { createWorkPlanItem(input: $input) {
  workPlanItem { id title year keywords department { code } } errors { field code message } } }"""


@pytest.fixture
async def world(app, gql):
    return await build_world(gql)


async def test_admin_adds_a_department_and_new_agendas_route_to_it(gql, world):
    created = (await gql(CREATE, {"input": {"code": "climate_env", "nameKo": "기후환경본부", "nameEn": "Climate and Environment HQ",
                                             "fields": ["HOUSING_SAFETY"], "keywords": ["에너지자립마을", "태양광", "태양광", "solar"]}},
                         token=world.tokens["admin"]))["data"]["createDepartment"]
    assert created["errors"] == []
    assert created["department"] == {"code": "CLIMATE_ENV", "name": "기후환경본부", "nameEn": "Climate and Environment HQ",
                                     "fields": ["HOUSING_SAFETY"], "keywords": ["에너지자립마을", "태양광", "solar"], "active": True}
    result = await propose(gql, world.tokens["citizen"], title="아파트 옥상에 태양광을 설치해요",
                           body="우리 아파트 옥상에 태양광 패널을 함께 설치해서 에너지자립마을을 만들고 싶어요.", field="HOUSING_SAFETY")
    assert result["agenda"]["owner"]["department"]["code"] == "CLIMATE_ENV"


async def test_a_work_plan_item_wins_over_keywords(gql, world):
    item = (await gql(WORK_PLAN, {"input": {"departmentCode": "WELFARE", "title": "교통약자 이동 돌봄 사업",
                                            "keywords": ["저상버스", "탑승 예약", "이동 돌봄"], "year": 2026}},
                      token=world.tokens["admin"]))["data"]["createWorkPlanItem"]
    assert item["errors"] == [] and item["workPlanItem"]["department"] == {"code": "WELFARE"}
    from server.agendas import departments
    from unittest import mock

    with mock.patch.object(departments, "current_year", return_value=2026):
        result = await propose(gql, world.tokens["citizen"], title="저상버스 탑승 예약으로 이동 돌봄을",
                               workPlanItemId=None)
    assert result["agenda"]["routing"]["reason"] == "WORK_PLAN"
    assert result["agenda"]["owner"]["department"]["code"] == "WELFARE"


async def test_a_deactivated_department_receives_nothing_new(gql, world):
    off = (await gql(UPDATE, {"input": {"code": "TRANSPORT", "active": False}}, token=world.tokens["admin"]))["data"]["updateDepartment"]
    assert off["department"]["active"] is False
    result = await propose(gql, world.tokens["citizen"])
    assert result["agenda"]["owner"]["kind"] == "INNOVATION_OFFICER"
    listed = (await gql("{ departments { code } }"))["data"]["departments"]
    assert "TRANSPORT" not in [d["code"] for d in listed]


@pytest.mark.parametrize(
    "token_key, payload, code, field",
    [
        ("citizen", {"code": "X_DEPT", "nameKo": "부서", "nameEn": "Dept"}, "FORBIDDEN", None),
        ("transport", {"code": "X_DEPT", "nameKo": "부서", "nameEn": "Dept"}, "FORBIDDEN", None),
        (None, {"code": "X_DEPT", "nameKo": "부서", "nameEn": "Dept"}, "NOT_AUTHENTICATED", None),
        ("admin", {"code": "TRANSPORT", "nameKo": "또 교통", "nameEn": "Again"}, "DUPLICATE", "code"),
        ("admin", {"code": "교통실", "nameKo": "교통실", "nameEn": "Transport"}, "INVALID", "code"),
        ("admin", {"code": "NEW", "nameKo": "", "nameEn": "New"}, "REQUIRED", "nameKo"),
        ("admin", {"code": "NEW", "nameKo": "새 부서", "nameEn": "New", "keywords": ["가" * 61]}, "TOO_LONG", "keywords"),
    ],
)
@pytest.mark.postgres_first_row
async def test_bad_department_input_is_refused_and_writes_nothing(gql, world, token_key, payload, code, field):
    before = await Department.all().count()
    result = (await gql(CREATE, {"input": payload}, token=world.tokens.get(token_key)))["data"]["createDepartment"]
    assert result["department"] is None
    assert (result["errors"][0]["code"], result["errors"][0]["field"]) == (code, field)
    assert await Department.all().count() == before


async def test_bad_work_plan_input_is_refused_and_writes_nothing(gql, world):
    result = (await gql(WORK_PLAN, {"input": {"departmentCode": "NOPE", "title": "", "year": 1900}},
                        token=world.tokens["admin"]))["data"]["createWorkPlanItem"]
    assert {e["field"] for e in result["errors"]} == {"departmentCode", "title", "year"}
    assert await WorkPlanItem.all().count() == 0
