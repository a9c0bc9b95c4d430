"""A citizen registers, logs in, sees themself and logs out — over HTTP against the real app."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from server.accounts import service, tokens
from server.accounts.models import AuthToken, User
from server.accounts.roles import Role
from server.agendas.models import Department
from tests.querycount import count_queries

REGISTER = """
mutation($input: RegisterInput!) {
  register(input: $input) { token user { id email displayName role } errors { field code message } }
}"""
LOGIN = """
mutation($email: String!, $password: String!, $useCookie: Boolean! = false) {
  login(email: $email, password: $password, useCookie: $useCookie) {
    token csrfToken user { id displayName role } errors { field code message }
  }
}"""
ME = "{ me { id email displayName role departments { code name } } }"
LOGOUT = "mutation($everywhere: Boolean! = false) { logout(everywhere: $everywhere) { ok errors { code } } }"

GOOD_PASSWORD = "광화문-광장-2026!"


async def register(gql, email="jiwoo@example.kr", password=GOOD_PASSWORD, name="김지우"):
    data = await gql(REGISTER, {"input": {"email": email, "password": password, "displayName": name,
                                          "privacyConsent": True}})
    return data["data"]["register"]


async def test_citizen_registers_logs_in_sees_themself_and_logs_out(gql):
    reg = await register(gql)
    assert reg["errors"] == []
    assert reg["user"]["role"] == "CITIZEN"
    assert reg["user"]["displayName"] == "김지우"
    assert reg["token"]

    login = (await gql(LOGIN, {"email": "JIWOO@Example.KR", "password": GOOD_PASSWORD}))["data"]["login"]
    assert login["errors"] == [] and login["token"] and login["csrfToken"] is None
    token = login["token"]

    me = (await gql(ME, token=token))["data"]["me"]
    assert me == {"id": reg["user"]["id"], "email": "jiwoo@example.kr", "displayName": "김지우",
                  "role": "CITIZEN", "departments": []}

    out = (await gql(LOGOUT, token=token))["data"]["logout"]
    assert out == {"ok": True, "errors": []}
    refused = await gql(ME, token=token, status=401)
    assert "취소되었습니다" in refused["text"]  # Korean unless the caller asks otherwise
    # The registration token is a different token and still works until it is revoked too.
    assert (await gql(ME, token=reg["token"]))["data"]["me"]["email"] == "jiwoo@example.kr"


async def test_anonymous_caller_is_nobody(gql):
    assert (await gql(ME))["data"]["me"] is None


async def test_wrong_password_and_unknown_email_get_the_same_answer(gql):
    await register(gql)
    wrong = (await gql(LOGIN, {"email": "jiwoo@example.kr", "password": "not-the-password-1"}))["data"]["login"]
    unknown = (await gql(LOGIN, {"email": "nobody@example.kr", "password": GOOD_PASSWORD}))["data"]["login"]
    assert wrong["token"] is None and unknown["token"] is None
    assert wrong["errors"] == unknown["errors"] == [
        {"field": "password", "code": "INVALID_CREDENTIALS", "message": "이메일 주소 또는 비밀번호가 맞지 않습니다."}
    ]
    english = (await gql(LOGIN, {"email": "nobody@example.kr", "password": GOOD_PASSWORD},
                         headers={"Accept-Language": "en-US,en;q=0.9"}))["data"]["login"]
    assert english["errors"][0]["message"] == "The e-mail address or password is wrong."


async def test_duplicate_email_is_refused_case_insensitively_and_writes_nothing(gql):
    await register(gql, email="minji@example.kr")
    again = await register(gql, email="MinJi@EXAMPLE.kr", name="다른 사람")
    assert again["user"] is None and again["token"] is None
    assert [e["code"] for e in again["errors"]] == ["DUPLICATE_EMAIL"]
    assert await User.filter(email="minji@example.kr").count() == 1
    assert await User.all().count() == 1


@pytest.mark.parametrize(
    "field_input, field, code",
    [
        ({"password": "short1!"}, "password", "WEAK_PASSWORD"),
        ({"password": "1234567890"}, "password", "WEAK_PASSWORD"),
        ({"password": "aaaaaaaaaaaa"}, "password", "WEAK_PASSWORD"),
        ({"email": "not-an-email"}, "email", "INVALID_EMAIL"),
        ({"email": "a@b"}, "email", "INVALID_EMAIL"),
        ({"email": "x" * 250 + "@example.kr"}, "email", "TOO_LONG"),
        ({"email": "   "}, "email", "REQUIRED"),
        ({"displayName": "   "}, "displayName", "REQUIRED"),
        ({"displayName": "가" * 81}, "displayName", "TOO_LONG"),
        ({"displayName": "bad\u0007name"}, "displayName", "INVALID"),
        ({"password": "p" * 300 + "Q1!"}, "password", "TOO_LONG"),
    ],
)
@pytest.mark.postgres_first_row
async def test_bad_registration_input_gets_a_clear_error_and_writes_nothing(gql, field_input, field, code):
    payload = {"email": "ok@example.kr", "password": GOOD_PASSWORD, "displayName": "시민"} | field_input
    result = (await gql(REGISTER, {"input": payload}))["data"]["register"]
    assert result["user"] is None and result["token"] is None
    assert {"field": field, "code": code} in [{"field": e["field"], "code": e["code"]} for e in result["errors"]]
    assert all(e["message"] for e in result["errors"])
    assert await User.all().count() == 0
    assert await AuthToken.all().count() == 0


async def test_every_field_error_is_reported_at_once(gql):
    result = (await gql(REGISTER, {"input": {"email": "nope", "password": "x", "displayName": ""}}))["data"]["register"]
    assert sorted(e["field"] for e in result["errors"]) == ["displayName", "email", "password", "privacyConsent"]


@pytest.mark.parametrize("name", ["김지우", "陳美玲", "Jane 🌱 Doe", "👩🏽‍🌾", "Ｆｕｌｌｗｉｄｔｈ 서울"])
async def test_korean_chinese_and_emoji_display_names_round_trip(gql, name):
    reg = await register(gql, name=name)
    assert reg["errors"] == []
    me = (await gql(ME, token=reg["token"]))["data"]["me"]
    assert me["displayName"] == name


async def test_korean_password_typed_differently_still_logs_in(gql):
    # The same password in composed Hangul (NFC) and decomposed jamo (NFD) is the same password.
    import unicodedata

    password = "우리동네-마을카페-2026"
    await register(gql, email="cafe@example.kr", password=unicodedata.normalize("NFC", password))
    login = (await gql(LOGIN, {"email": "cafe@example.kr", "password": unicodedata.normalize("NFD", password)}))
    assert login["data"]["login"]["errors"] == []


async def test_expired_token_is_refused(gql):
    reg = await register(gql)
    await AuthToken.all().update(expires_at=datetime.now(timezone.utc) - timedelta(seconds=1))
    refused = await gql(ME, token=reg["token"], status=401)
    assert "만료되었거나" in refused["text"]


async def test_garbage_and_malformed_authorization_are_refused(gql, client):
    assert (await gql(ME, token="not-a-real-token", status=401))["status"] == 401
    r = await client.post("/graphql", json={"query": ME}, headers={"Authorization": "Basic abc"})
    assert r.status_code == 401


async def test_logout_everywhere_revokes_every_token(gql):
    reg = await register(gql)
    other = (await gql(LOGIN, {"email": "jiwoo@example.kr", "password": GOOD_PASSWORD}))["data"]["login"]["token"]
    assert (await gql(LOGOUT, {"everywhere": True}, token=reg["token"]))["data"]["logout"]["ok"]
    await gql(ME, token=other, status=401)


async def test_logout_without_a_session_is_a_user_error(gql):
    out = (await gql(LOGOUT))["data"]["logout"]
    assert out == {"ok": False, "errors": [{"code": "NOT_AUTHENTICATED"}]}


async def test_disabled_account_cannot_log_in_and_its_tokens_stop_working(gql):
    reg = await register(gql)
    await User.filter(email="jiwoo@example.kr").update(is_active=False)
    await gql(ME, token=reg["token"], status=401)
    login = (await gql(LOGIN, {"email": "jiwoo@example.kr", "password": GOOD_PASSWORD}))["data"]["login"]
    assert login["errors"][0]["code"] == "ACCOUNT_DISABLED"


async def test_browser_session_cookie_requires_the_csrf_header(client, gql):
    await register(gql)
    r = await client.post("/graphql", json={"query": LOGIN, "variables": {
        "email": "jiwoo@example.kr", "password": GOOD_PASSWORD, "useCookie": True}})
    login = r.json()["data"]["login"]
    assert login["token"] is None and login["csrfToken"]
    cookies = {c.name: c for c in client.cookies.jar}
    session = cookies["agenda_session"]
    assert session.secure
    assert session.has_nonstandard_attr("HttpOnly")
    set_cookie = ";".join(r.headers.get_list("set-cookie")).lower()
    assert "samesite=strict" in set_cookie and "httponly" in set_cookie and "secure" in set_cookie

    # Without the header a cookie-authenticated request is refused: a cross-site form can't use it.
    assert (await client.post("/graphql", json={"query": ME})).status_code == 403
    wrong = await client.post("/graphql", json={"query": ME}, headers={"X-CSRF-Token": "0" * 64})
    assert wrong.status_code == 403
    ok = await client.post("/graphql", json={"query": ME}, headers={"X-CSRF-Token": login["csrfToken"]})
    assert ok.json()["data"]["me"]["email"] == "jiwoo@example.kr"

    out = await client.post("/graphql", json={"query": LOGOUT}, headers={"X-CSRF-Token": login["csrfToken"]})
    assert out.json()["data"]["logout"]["ok"] is True
    assert "agenda_session" not in {c.name for c in client.cookies.jar}
    assert (await client.post("/graphql", json={"query": ME})).json()["data"]["me"] is None


async def test_tokens_are_stored_only_as_hashes(gql):
    reg = await register(gql)
    stored = [t.token_hash for t in await AuthToken.all()]
    assert reg["token"] not in stored and all(len(h) == 64 for h in stored)


async def test_staff_made_by_the_domain_see_their_departments(gql, app):
    await Department.create(code="TRANSPORT", name_ko="도시교통실", name_en="Urban Transportation Office")
    await Department.create(code="WELFARE", name_ko="복지정책실", name_en="Welfare Policy Office")
    await service.create_user(email="bus@seoul.go.kr", password=GOOD_PASSWORD, display_name="교통 담당",
                              role=Role.STAFF, department_codes=["transport", "WELFARE"])
    token = (await gql(LOGIN, {"email": "bus@seoul.go.kr", "password": GOOD_PASSWORD}))["data"]["login"]["token"]
    with count_queries() as q:
        me = (await gql(ME, token=token))["data"]["me"]
    assert me["role"] == "STAFF"
    assert [d["code"] for d in me["departments"]] == ["TRANSPORT", "WELFARE"]
    assert me["departments"][0]["name"] == "도시교통실"
    # the token joined to its user, then the departments joined to their links
    assert q.count == 2, q.statements


async def test_unknown_department_for_staff_is_refused_and_writes_nothing(app):
    from server.errors import ValidationErrors

    with pytest.raises(ValidationErrors) as exc:
        await service.create_user(email="x@seoul.go.kr", password=GOOD_PASSWORD, display_name="직원",
                                  role=Role.STAFF, department_codes=["NOPE"])
    assert exc.value.errors[0].code.value == "UNKNOWN_DEPARTMENT"
    assert await User.all().count() == 0


async def test_an_issued_token_has_the_configured_lifetime(app, settings):
    user = await service.create_user(email="ttl@example.kr", password=GOOD_PASSWORD, display_name="t")
    issued = await tokens.issue(user, secret=settings.secret, kind=tokens.BEARER, ttl=timedelta(hours=settings.bearer_token_ttl_hours))
    delta = issued.record.expires_at - datetime.now(timezone.utc)
    assert timedelta(days=29) < delta <= timedelta(days=30)
