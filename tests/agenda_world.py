"""A small city for the workflow tests, built through the same domain functions the product uses:
three departments, an officer, staff, an admin and two citizens, each logged in over GraphQL."""

from __future__ import annotations

from dataclasses import dataclass

from server.accounts import service as accounts
from server.accounts.roles import Role
from server.agendas import departments
from server.agendas.policy import Viewer

PASSWORD = "서울-혁신-의제-2026!"

PROPOSE = """
mutation($input: ProposeAgendaInput!) {
  proposeAgenda(input: $input) {
    agenda { id title body field channel status district version supportCount
             owner { kind department { code name } }
             routing { reason candidates { code } matchedTerms explanation } }
    errors { field code message }
  }
}"""

AGENDA = """
query($id: ID!) {
  agenda(id: $id) {
    id title status version statusReason supportCount viewerCanTriage
    owner { kind department { code } }
    routing { reason candidates { code } matchedTerms }
    proposer { displayName email }
    mergedInto { id }
    history { kind fromStatus toStatus reason actor { displayName } }
  }
}"""

TRIAGE = """
mutation($input: TriageAgendaInput!) {
  triageAgenda(input: $input) { agenda { id status version statusReason } errors { field code message } }
}"""

ADVANCE = """
mutation($input: AdvanceAgendaInput!) {
  advanceAgenda(input: $input) { agenda { id status version } errors { field code message } }
}"""

ROUTE = """
mutation($input: RouteAgendaInput!) {
  routeAgenda(input: $input) {
    agenda { id version owner { kind department { code } } routing { reason explanation } }
    errors { field code message }
  }
}"""

ANSWER = """
mutation($input: AnswerInfoRequestInput!) {
  answerInfoRequest(input: $input) {
    agenda { id status version owner { kind department { code } } } errors { field code message }
  }
}"""

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }"


@dataclass
class World:
    tokens: dict[str, str]
    admin: Viewer


async def build_world(gql) -> World:
    admin_user = await accounts.create_user(email="admin@seoul.go.kr", password=PASSWORD, display_name="관리자", role=Role.ADMIN)
    admin = Viewer(user=admin_user)
    await departments.create_department(
        admin, code="TRANSPORT", name_ko="도시교통실", name_en="Urban Transportation Office",
        fields=["PARTICIPATION_PUBLIC_SERVICE", "HOUSING_SAFETY"],
        keywords=["저상버스", "low-floor bus", "低地板公車", "대중교통", "public transport"])
    await departments.create_department(
        admin, code="WELFARE", name_ko="복지정책실", name_en="Welfare Policy Office",
        fields=["PARTICIPATION_PUBLIC_SERVICE"], keywords=["돌봄", "care worker", "어르신", "照護"])
    await departments.create_department(
        admin, code="HOUSING", name_ko="주택정책실", name_en="Housing Policy Office",
        fields=["HOUSING_SAFETY"], keywords=["공공임대", "청년주택", "public housing", "社會住宅"])
    people = [
        ("citizen", "jiwoo@example.kr", "김지우", Role.CITIZEN, []),
        ("citizen2", "meiling@example.tw", "陳美玲", Role.CITIZEN, []),
        ("transport", "bus@seoul.go.kr", "교통 담당", Role.STAFF, ["TRANSPORT"]),
        ("transport2", "bus2@seoul.go.kr", "교통 담당 2", Role.STAFF, ["TRANSPORT"]),
        ("welfare", "care@seoul.go.kr", "복지 담당", Role.STAFF, ["WELFARE"]),
        ("housing", "home@seoul.go.kr", "주택 담당", Role.STAFF, ["HOUSING"]),
        ("officer", "officer@seoul.go.kr", "사회혁신담당관", Role.OFFICER, []),
    ]
    for _, email, name, role, depts in people:
        await accounts.create_user(email=email, password=PASSWORD, display_name=name, role=role, department_codes=depts)
    tokens = {}
    for key, email, *_ in people + [("admin", "admin@seoul.go.kr")]:
        data = await gql(LOGIN, {"e": email, "p": PASSWORD})
        tokens[key] = data["data"]["login"]["token"]
    return World(tokens=tokens, admin=admin)


LOW_FLOOR_BUS = {
    "title": "저상버스 탑승 예약 앱을 만들어 주세요",
    "body": "휠체어를 타는 시민이 저상버스를 미리 예약하면 기사님이 정류장에서 경사판을 준비할 수 있도록 해 주세요.",
    "field": "PARTICIPATION_PUBLIC_SERVICE",
    "district": "JONGNO",
}


async def propose(gql, token, **overrides):
    data = await gql(PROPOSE, {"input": {**LOW_FLOOR_BUS, **overrides}}, token=token)
    return data["data"]["proposeAgenda"]
