"""Running the platform's people from the web: an admin finds a citizen, makes them staff of
도시교통실, and on their very next request that person sees the department's triage inbox; the change
is in the audit log with what it was before and after and the request that made it. The last admin
cannot be demoted, nobody changes their own role, a deactivated account is signed out everywhere at
once, an invitation mails a one-time link to choose a password, and a researcher's queue holds the
agendas of their field they have not reviewed yet."""

from __future__ import annotations

import dataclasses

import pytest

from server.accounts import invitation
from server.accounts import service as accounts
from server.accounts.models import AuthToken, User
from server.accounts.roles import Role
from server.agendas import departments
from server.audit.models import AuditEntry
from tests.agenda_world import LOGIN, PASSWORD, TRIAGE, build_world, propose
from tests.mailserver import SmtpServer, link_token, text_of

USERS = """query($q: String, $role: String, $dept: String, $first: Int, $after: String) {
  users(query: $q, role: $role, departmentCode: $dept, first: $first, after: $after) {
    edges { cursor node { id displayName email role isActive departments { code } } }
    pageInfo { hasNextPage endCursor } } }"""
UPDATE = """mutation($input: UpdateUserInput!) {
  updateUser(input: $input) { user { id role isActive departments { code } } errors { field code message } } }"""
INVITE = """mutation($input: InviteStaffInput!) {
  inviteStaff(input: $input) { user { id role email departments { code } } link reusedAccount
                               errors { field code message } } }"""
AUDIT = """query($first: Int, $after: String, $actor: ID, $action: AuditAction) {
  auditLog(first: $first, after: $after, actor: $actor, action: $action) {
    edges { cursor node { id at actor { id displayName } action target before after requestId } }
    pageInfo { hasNextPage endCursor } } }"""
INBOX = """{ triageQueue(departmentCode: "TRANSPORT") { edges { node { id title } } } }"""
QUEUE = """query($first: Int) { reviewQueue(first: $first) { id title field status } }"""
REVIEW = """mutation($input: ReviewAgendaInput!) { reviewAgenda(input: $input) { errors { code } } }"""
SCORES = {"innovation": 4, "feasibility": 5, "impact": 3, "citizenParticipation": 4, "sustainability": 2}
RESET = """mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { ok errors { field code } } }"""


async def find_one(gql, token, query: str) -> dict:
    edges = (await gql(USERS, {"q": query}, token=token))["data"]["users"]["edges"]
    assert len(edges) == 1, edges
    return edges[0]["node"]


async def test_an_admin_makes_a_citizen_staff_who_sees_the_inbox_at_once_and_the_log_says_so(gql):
    city = await build_world(gql)
    admin, citizen = city.tokens["admin"], city.tokens["citizen"]
    routed = await propose(gql, citizen)
    assert routed["agenda"]["owner"]["department"]["code"] == "TRANSPORT"

    refused = await gql(INBOX, token=citizen)
    assert refused["data"] is None and refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"

    # Found by a part of the name, in any case, by e-mail, or among citizens.
    jiwoo = await find_one(gql, admin, "지우")
    assert jiwoo == await find_one(gql, admin, "JIWOO@EXAMPLE")
    assert jiwoo["role"] == "CITIZEN" and jiwoo["isActive"] is True and jiwoo["email"] == "jiwoo@example.kr"
    assert (await find_one(gql, admin, "陳美"))["displayName"] == "陳美玲"
    citizens = (await gql(USERS, {"role": "citizen"}, token=admin))["data"]["users"]["edges"]
    assert {e["node"]["displayName"] for e in citizens} == {"김지우", "陳美玲"}

    changed = (await gql(UPDATE, {"input": {"id": jiwoo["id"], "role": "staff", "departmentCodes": ["transport"]}},
                         token=admin, headers={"X-Request-ID": "req-admin-17"}))["data"]["updateUser"]
    assert changed["errors"] == []
    assert changed["user"] | {"id": None} == {"id": None, "role": "STAFF", "isActive": True,
                                             "departments": [{"code": "TRANSPORT"}]}

    # The same session, the next request: the department's inbox.
    inbox = (await gql(INBOX, token=citizen))["data"]["triageQueue"]["edges"]
    assert [e["node"]["id"] for e in inbox] == [routed["agenda"]["id"]]
    members = (await gql(USERS, {"dept": "TRANSPORT"}, token=admin))["data"]["users"]["edges"]
    assert "김지우" in {e["node"]["displayName"] for e in members}

    [entry] = (await gql(AUDIT, {"action": "USER_UPDATED"}, token=admin))["data"]["auditLog"]["edges"]
    node = entry["node"]
    assert node["actor"]["displayName"] == "관리자" and node["target"] == f"user:{jiwoo['id']}"
    assert node["before"] == {"role": "citizen", "departments": []}
    assert node["after"] == {"role": "staff", "departments": ["TRANSPORT"]}
    assert node["requestId"] == "req-admin-17"

    # Nobody but an admin reads the log or the user list.
    for token in (citizen, city.tokens["officer"]):
        for query in (AUDIT, USERS):
            answer = await gql(query, token=token)
            assert answer["data"] is None and answer["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    denied = (await gql(UPDATE, {"input": {"id": jiwoo["id"], "role": "admin"}}, token=citizen))["data"]["updateUser"]
    assert [e["code"] for e in denied["errors"]] == ["FORBIDDEN"]


async def test_the_last_admin_stays_and_nobody_changes_their_own_role(gql):
    city = await build_world(gql)
    admin = city.tokens["admin"]
    me = (await gql("{ me { id } }", token=admin))["data"]["me"]["id"]

    for change, field in (({"role": "citizen"}, "role"), ({"isActive": False}, "isActive")):
        answer = (await gql(UPDATE, {"input": {"id": me, **change}}, token=admin))["data"]["updateUser"]
        assert [(e["field"], e["code"]) for e in answer["errors"]] == [(field, "OWN_ACCOUNT")]
        assert answer["errors"][0]["message"].startswith("자신의")

    # A second admin may not demote the first while that would leave none: here it would not.
    second = await find_one(gql, admin, "officer@seoul")
    made = (await gql(UPDATE, {"input": {"id": second["id"], "role": "admin"}}, token=admin))["data"]["updateUser"]
    assert made["errors"] == []
    demoted = (await gql(UPDATE, {"input": {"id": second["id"], "role": "officer"}}, token=admin))["data"]["updateUser"]
    assert demoted["errors"] == [] and demoted["user"]["role"] == "OFFICER"

    # The only admin left cannot be demoted or deactivated by anyone: the rule, not only "not yourself".
    only = await User.get(email="admin@seoul.go.kr")
    from server.accounts.administration import update_user
    from server.agendas.policy import Viewer
    from server.errors import DomainError

    ghost = await accounts.create_user(email="ghost-admin@seoul.go.kr", password=PASSWORD, display_name="유령",
                                       role=Role.ADMIN)
    await User.filter(id=ghost.id).update(is_active=False)  # an inactive admin does not count
    with pytest.raises(DomainError) as refused:
        await update_user(Viewer(user=await User.get(id=ghost.id)), only.id, role="staff")
    assert refused.value.code.value == "LAST_ADMIN"
    assert (await User.get(id=only.id)).role == Role.ADMIN
    assert await AuditEntry.filter(action="USER_UPDATED", target=f"user:{only.id}").count() == 0


@pytest.mark.parametrize("change, field, code", [
    ({"role": "mayor"}, "role", "UNKNOWN_ROLE"),
    ({"role": ""}, "role", "UNKNOWN_ROLE"),
    ({"departmentCodes": ["TRANSPORT", "NOWHERE"]}, "departmentCodes", "UNKNOWN_DEPARTMENT"),
    ({"departmentCodes": ["도시교통실" * 20]}, "departmentCodes", "UNKNOWN_DEPARTMENT"),
    ({"departmentCodes": [f"D{i}" for i in range(21)]}, "departmentCodes", "INVALID"),
])
@pytest.mark.postgres_first_row
async def test_a_role_or_department_that_does_not_exist_names_its_field_and_changes_nothing(gql, change, field, code):
    city = await build_world(gql)
    jiwoo = await find_one(gql, city.tokens["admin"], "jiwoo")
    answer = (await gql(UPDATE, {"input": {"id": jiwoo["id"], "role": "staff", **change}},
                        token=city.tokens["admin"]))["data"]["updateUser"]
    assert answer["user"] is None
    assert [(e["field"], e["code"]) for e in answer["errors"]] == [(field, code)]
    assert answer["errors"][0]["message"] and "Unexpected" not in answer["errors"][0]["message"]
    assert (await User.get(email="jiwoo@example.kr")).role == Role.CITIZEN
    assert await AuditEntry.all().count() == 0
    bad_filter = await gql(USERS, {"role": "mayor"}, token=city.tokens["admin"])
    assert bad_filter["errors"][0]["extensions"] == {"code": "UNKNOWN_ROLE", "field": "role"}
    too_long = await gql(USERS, {"q": "가" * 101}, token=city.tokens["admin"])
    assert too_long["errors"][0]["extensions"]["code"] == "TOO_LONG"


async def test_deactivation_signs_the_user_out_everywhere_and_reactivation_lets_them_back(gql):
    city = await build_world(gql)
    admin = city.tokens["admin"]
    second = (await gql(LOGIN, {"e": "bus@seoul.go.kr", "p": PASSWORD}))["data"]["login"]["token"]
    staff = await find_one(gql, admin, "bus@seoul")
    for token in (city.tokens["transport"], second):
        assert (await gql("{ me { id } }", token=token))["data"]["me"]["id"] == staff["id"]

    off = (await gql(UPDATE, {"input": {"id": staff["id"], "isActive": False}}, token=admin))["data"]["updateUser"]
    assert off["errors"] == [] and off["user"]["isActive"] is False
    for token in (city.tokens["transport"], second):  # every session and token: refused from the next request
        assert "NOT_AUTHENTICATED" in (await gql("{ me { id } }", token=token, status=401))["text"]
    assert await AuthToken.filter(user_id=int(staff["id"]), revoked_at=None).count() == 0
    assert (await gql(LOGIN, {"e": "bus@seoul.go.kr", "p": PASSWORD}))["data"]["login"]["errors"][0]["code"] == "ACCOUNT_DISABLED"

    on = (await gql(UPDATE, {"input": {"id": staff["id"], "isActive": True}}, token=admin))["data"]["updateUser"]
    assert on["errors"] == [] and on["user"]["isActive"] is True
    assert (await gql(LOGIN, {"e": "bus@seoul.go.kr", "p": PASSWORD}))["data"]["login"]["token"]

    log = (await gql(AUDIT, {"actor": (await gql("{ me { id } }", token=admin))["data"]["me"]["id"]},
                     token=admin))["data"]["auditLog"]["edges"]
    assert [(e["node"]["action"], e["node"]["after"]) for e in log] == [
        ("USER_REACTIVATED", {"is_active": True}),
        ("USER_DEACTIVATED", {"is_active": False, "sessions_revoked": 2}),
    ]
    first = (await gql(AUDIT, {"first": 1}, token=admin))["data"]["auditLog"]
    rest = (await gql(AUDIT, {"first": 1, "after": first["pageInfo"]["endCursor"]}, token=admin))["data"]["auditLog"]
    assert first["pageInfo"]["hasNextPage"] and rest["edges"][0]["node"]["action"] == "USER_DEACTIVATED"
    assert not rest["pageInfo"]["hasNextPage"]
    bad = await gql(AUDIT, {"after": "not-a-cursor"}, token=admin)
    assert bad["errors"][0]["extensions"]["code"] == "INVALID"


@pytest.fixture
def smtp():
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def settings(settings, smtp):
    return dataclasses.replace(settings, smtp_url=smtp.url, public_url="https://agenda.seoul.example")


async def test_an_invited_colleague_chooses_a_password_from_the_mail_and_signs_in_as_staff(gql, app, smtp, monkeypatch):
    city = await build_world(gql)
    admin = city.tokens["admin"]
    invited = (await gql(INVITE, {"input": {"email": "Minho.Lee@Seoul.go.kr", "role": "staff",
                                            "departmentCodes": ["WELFARE"]}}, token=admin))["data"]["inviteStaff"]
    assert invited["errors"] == [] and invited["reusedAccount"] is False
    assert invited["user"]["email"] == "minho.lee@seoul.go.kr" and invited["user"]["departments"] == [{"code": "WELFARE"}]
    assert invited["link"].startswith("https://agenda.seoul.example/reset-password?token=")
    # Nobody signs in before choosing a password.
    assert (await gql(LOGIN, {"e": "minho.lee@seoul.go.kr", "p": "!"}))["data"]["login"]["errors"]

    assert await app.state.mailer.drain_all() == 1
    [mail] = smtp.inbox.to("minho.lee@seoul.go.kr")
    assert mail["Subject"] == "civic-agenda에 초대되었습니다"
    assert "부서 담당자로 함께 일하도록" in text_of(mail) and "7일" in text_of(mail)
    token = link_token(mail, "https://agenda.seoul.example/reset-password")
    done = (await gql(RESET, {"t": token, "p": "복지-돌봄-이웃-2026!"}))["data"]["resetPassword"]
    assert done == {"ok": True, "errors": []}
    # Choosing the password spent the admin's copy of the link too.
    copy = invited["link"].split("token=")[1]
    assert (await gql(RESET, {"t": copy, "p": "또다른-비밀번호-2026!"}))["data"]["resetPassword"]["ok"] is False
    signed = (await gql(LOGIN, {"e": "minho.lee@seoul.go.kr", "p": "복지-돌봄-이웃-2026!"}))["data"]["login"]
    me = (await gql("{ me { role emailVerified departments { code } } }", token=signed["token"]))["data"]["me"]
    assert me == {"role": "STAFF", "emailVerified": True, "departments": [{"code": "WELFARE"}]}

    # A citizen's account is reused; a staff member is not invited twice; citizens are not "invited".
    reused = (await gql(INVITE, {"input": {"email": "jiwoo@example.kr", "role": "researcher"}}, token=admin))["data"]["inviteStaff"]
    assert reused["errors"] == [] and reused["reusedAccount"] is True and reused["user"]["role"] == "RESEARCHER"
    for data, field, code in (({"email": "bus@seoul.go.kr", "role": "staff"}, "email", "ALREADY_STAFF"),
                              ({"email": "new@seoul.go.kr", "role": "citizen"}, "role", "UNKNOWN_ROLE"),
                              ({"email": "new@seoul.go.kr", "role": "staff", "departmentCodes": ["NOPE"]},
                               "departmentCodes", "UNKNOWN_DEPARTMENT"),
                              ({"email": "not an address", "role": "staff"}, "email", "INVALID_EMAIL")):
        answer = (await gql(INVITE, {"input": data}, token=admin))["data"]["inviteStaff"]
        assert [(e["field"], e["code"]) for e in answer["errors"]] == [(field, code)], data
    assert not await User.filter(email="new@seoul.go.kr").exists()
    actions = [e["node"]["action"] for e in (await gql(AUDIT, {}, token=admin))["data"]["auditLog"]["edges"]]
    assert actions == ["STAFF_INVITED", "STAFF_INVITED"]

    # Invitations send mail to typed addresses: a bound per admin and hour.
    monkeypatch.setattr(invitation, "INVITES_PER_HOUR", 2)
    limited = (await gql(INVITE, {"input": {"email": "third@seoul.go.kr", "role": "staff"}}, token=admin))["data"]["inviteStaff"]
    assert [(e["field"], e["code"]) for e in limited["errors"]] == [("email", "RATE_LIMITED")]
    assert not await User.filter(email="third@seoul.go.kr").exists()


async def test_a_researchers_queue_holds_the_unreviewed_agendas_of_their_field(gql):
    city = await build_world(gql)
    admin = city.tokens["admin"]
    bus = (await propose(gql, city.tokens["citizen"]))["agenda"]
    home = (await propose(gql, city.tokens["citizen2"], title="청년 공공임대 주택 공유 부엌",
                          body="청년주택 입주자가 함께 쓰는 공유 부엌과 식사 모임 공간을 공공임대 단지에 만들어 주세요.",
                          field="HOUSING_SAFETY", district="MAPO"))["agenda"]
    home2 = (await propose(gql, city.tokens["citizen"], title="공공임대 단지 옥상 텃밭 🌱",
                           body="공공임대 주택 옥상에 입주민이 가꾸는 텃밭을 만들고 청년주택과 함께 운영해 주세요.",
                           field="HOUSING_SAFETY", district="MAPO"))["agenda"]
    waiting = (await propose(gql, city.tokens["citizen2"], title="공공임대 주택 경비실 냉방",
                             body="공공임대 주택 경비실에도 에어컨을 달아 여름을 버틸 수 있게 해 주세요 청년주택도요.",
                             field="HOUSING_SAFETY", district="MAPO"))["agenda"]
    for agenda, staff in ((bus, "transport"), (home, "housing"), (home2, "housing")):
        answer = (await gql(TRIAGE, {"input": {"id": agenda["id"], "expectedVersion": agenda["version"],
                                               "decision": "ACCEPT"}}, token=city.tokens[staff]))["data"]["triageAgenda"]
        assert answer["errors"] == [], answer

    await departments.create_department(city.admin, code="RESEARCH_HOUSING", name_ko="사회혁신연구단 주거분과",
                                        name_en="Research team: housing", fields=["HOUSING_SAFETY"], keywords=[])
    await accounts.create_user(email="expert@univ.ac.kr", password=PASSWORD, display_name="연구단 전문가",
                               role=Role.CITIZEN)
    expert = await find_one(gql, admin, "expert@univ")
    made = (await gql(UPDATE, {"input": {"id": expert["id"], "role": "researcher",
                                         "departmentCodes": ["RESEARCH_HOUSING"]}}, token=admin))["data"]["updateUser"]
    assert made["errors"] == []
    token = (await gql(LOGIN, {"e": "expert@univ.ac.kr", "p": PASSWORD}))["data"]["login"]["token"]

    queue = (await gql(QUEUE, token=token))["data"]["reviewQueue"]
    assert [a["id"] for a in queue] == [home["id"], home2["id"]]  # its field only, oldest first, accepted only
    assert all(a["field"] == "HOUSING_SAFETY" and a["status"] == "ACCEPTED" for a in queue)
    assert waiting["id"] not in {a["id"] for a in queue}

    reviewed = (await gql(REVIEW, {"input": {"agendaId": home["id"], "scores": SCORES,
                                             "opinion": "입주민 참여가 돋보이는 제안입니다."}}, token=token))["data"]
    assert reviewed["reviewAgenda"]["errors"] == []
    assert [a["id"] for a in (await gql(QUEUE, token=token))["data"]["reviewQueue"]] == [home2["id"]]

    # Without a department, every field, grouped by field.
    await gql(UPDATE, {"input": {"id": expert["id"], "departmentCodes": []}}, token=admin)
    everything = (await gql(QUEUE, token=token))["data"]["reviewQueue"]
    assert [(a["field"], a["id"]) for a in everything] == [("HOUSING_SAFETY", home2["id"]),
                                                           ("PARTICIPATION_PUBLIC_SERVICE", bus["id"])]
    refused = await gql(QUEUE, token=city.tokens["citizen"])
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    too_many = await gql(QUEUE, {"first": 101}, token=token)
    assert too_many["errors"][0]["extensions"]["code"] == "INVALID"
