"""E-mail as the people receiving it see it, through a real SMTP server running beside the app: a
citizen registers and confirms the address from the mail, proposes, and the "sent to 도시교통실" mail
arrives in Korean while an English-speaking colleague gets theirs in English; one click in the mail
client stops further mail; a server that is down delays mail without losing it, and a refused address
is given up on."""

from __future__ import annotations

import asyncio
import ssl
import subprocess
import dataclasses
import time
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest

from server.accounts.models import EmailToken, User
from server.accounts.consent import PRIVACY_CONSENT_VERSION
from server.accountability.escalation import tick
from server.agendas.models import Agenda
from server.notifications.models import MailDelivery, Notification
from tests.agenda_world import PASSWORD, build_world, propose
from tests.mailserver import SmtpServer, html_of, link_token, text_of, wait_for
from workers.mailer import Mailer

SEOUL = ZoneInfo("Asia/Seoul")
PUBLIC = "https://agenda.seoul.example"
KO_NEW_IN_QUEUE = "새 의제가 검토를 기다립니다"

REGISTER = """
mutation($input: RegisterInput!) {
  register(input: $input) { token user { id emailVerified } errors { field code message } }
}"""
VERIFY = "mutation($t: String!) { verifyEmail(token: $t) { user { id emailVerified } errors { field code message } } }"
RESEND = "mutation { requestEmailVerification { ok errors { code message } } }"
REQUEST_RESET = "mutation($e: String!) { requestPasswordReset(email: $e) { ok errors { code } } }"
RESET = """mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { ok errors { field code } } }"""
LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }"
PREFS = "{ notificationPreferences { email language } }"
SET_PREFS = """mutation($email: EmailPreference, $language: String) {
  updateNotificationPreferences(input: {email: $email, language: $language}) { errors { code } } }"""


@pytest.fixture
def smtp():
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def settings(settings, smtp):
    """The app sends through the test's SMTP server, and links name the city's public address."""
    return dataclasses.replace(settings, smtp_url=smtp.url, public_url=PUBLIC)


async def deliver(app) -> int:
    return await app.state.mailer.drain_all()


def due_in_korean(moment: datetime) -> str:
    local = moment.astimezone(SEOUL)
    return f"{local.year}. {local.month}. {local.day}."


async def test_a_citizen_registers_confirms_the_address_proposes_and_hears_by_mail(gql, app, smtp):
    await build_world(gql)
    person = {"email": "seoyeon@example.kr", "password": PASSWORD, "displayName": "박서연 🌱"}

    # Consent is required; without it nothing is written.
    refused = (await gql(REGISTER, {"input": person}))["data"]["register"]
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("privacyConsent", "CONSENT_REQUIRED")]
    assert refused["errors"][0]["message"] == "가입하려면 개인정보 수집·이용에 동의해 주세요."
    assert not await User.filter(email="seoyeon@example.kr").exists()

    reg = (await gql(REGISTER, {"input": {**person, "privacyConsent": True}}))["data"]["register"]
    assert reg["errors"] == []
    token = reg["token"]
    assert (await gql("{ me { emailVerified } }", token=token))["data"]["me"] == {"emailVerified": False}
    stored = await User.get(email="seoyeon@example.kr")
    assert stored.consent_version == PRIVACY_CONSENT_VERSION and stored.consented_at is not None
    assert stored.language == "ko"

    # Not verified yet: proposing waits for the address.
    blocked = await propose(gql, token)
    assert blocked["agenda"] is None and blocked["errors"][0]["code"] == "EMAIL_NOT_VERIFIED"

    assert await deliver(app) == 1
    [mail] = smtp.inbox.to("seoyeon@example.kr")
    assert mail["Subject"] == "이메일 주소를 확인해 주세요"
    assert "박서연 🌱" in mail["To"] and "7일" in text_of(mail)
    assert mail["Auto-Submitted"] == "auto-generated" and mail["List-Unsubscribe"] is None
    assert mail["Message-ID"].startswith("<mail-") and mail["Message-ID"].endswith("@agenda.seoul.example>")
    link = link_token(mail, f"{PUBLIC}/verify-email")
    assert await EmailToken.filter(token_hash=link).count() == 0  # only the HMAC is stored

    for bad in ("forged-" + link[7:], "", link + "x"):
        errors = (await gql(VERIFY, {"t": bad}))["data"]["verifyEmail"]["errors"]
        assert [e["code"] for e in errors] == ["INVALID_TOKEN"]
    verified = (await gql(VERIFY, {"t": link}))["data"]["verifyEmail"]
    assert verified["errors"] == [] and verified["user"]["id"] == reg["user"]["id"]
    assert (await gql("{ me { emailVerified } }", token=token))["data"]["me"] == {"emailVerified": True}
    again = (await gql(VERIFY, {"t": link}))["data"]["verifyEmail"]
    assert [e["code"] for e in again["errors"]] == ["INVALID_TOKEN"]  # single-use

    # A colleague reads English.
    staff = (await gql(LOGIN, {"e": "bus2@seoul.go.kr", "p": PASSWORD}))["data"]["login"]["token"]
    await gql(SET_PREFS, {"language": "en"}, token=staff)

    created = await propose(gql, token)
    assert created["errors"] == []
    agenda_id = created["agenda"]["id"]
    due = (await Agenda.get(id=int(agenda_id))).answer_due_at
    assert await deliver(app) == 3  # the proposer and both transport staff

    [routed] = smtp.inbox.to("seoyeon@example.kr")[1:]
    assert routed["Subject"] == "제안하신 의제가 도시교통실로 전달되었습니다"
    body = text_of(routed)
    assert "박서연 🌱 님, 안녕하세요." in body and due_in_korean(due) in body
    assert f"{PUBLIC}/agendas/{agenda_id}" in body and f"{PUBLIC}/settings/notifications" in body
    assert f'href="{PUBLIC}/agendas/{agenda_id}"' in html_of(routed)
    note = await Notification.get(user__email="seoyeon@example.kr", kind="ROUTED")
    assert routed["Message-ID"] == f"<notification-{note.id}@agenda.seoul.example>"
    assert note.email_state == "sent" and note.emailed_at is not None
    unsubscribe_url = routed["List-Unsubscribe"].strip("<>")
    assert unsubscribe_url.startswith(f"{PUBLIC}/unsubscribe?token=")
    assert routed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    [korean] = smtp.inbox.to("bus@seoul.go.kr")
    [english] = smtp.inbox.to("bus2@seoul.go.kr")
    assert korean["Subject"] == KO_NEW_IN_QUEUE
    assert english["Subject"] == "A new agenda is waiting for your decision"
    local = due.astimezone(SEOUL)
    assert f"{local.day} {local.strftime('%b')} {local.year}" in text_of(english)
    assert "Stop these e-mails with one click" in text_of(english)

    # The link opens a page with a button; opening it changes nothing (scanners follow links).
    target = urlsplit(unsubscribe_url)
    path = f"{target.path}?{target.query}"
    page = await app_client_get(app, path)
    assert page.status_code == 200 and 'method="post"' in page.text and "이메일 알림을 끌까요?" in page.text
    assert (await gql(PREFS, token=token))["data"]["notificationPreferences"]["email"] == "IMMEDIATE"
    # The mail client's one-click POST turns e-mail off; the answer is 200.
    done = await app_client_post(app, path, "List-Unsubscribe=One-Click")
    assert done.status_code == 200 and "이메일 알림을 껐습니다" in done.text
    assert (await gql(PREFS, token=token))["data"]["notificationPreferences"]["email"] == "OFF"
    # What happens next stays in the app.
    await propose(gql, token, title="저상버스 정류장에 경사판 안내를 붙여 주세요", idempotencyKey="second")
    await deliver(app)
    assert len(smtp.inbox.to("seoyeon@example.kr")) == 2
    assert (await gql("{ unreadNotificationCount }", token=token))["data"]["unreadNotificationCount"] == 2
    # A changed token is refused and changes nobody.
    forged = path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB")
    assert (await app_client_post(app, forged, "List-Unsubscribe=One-Click")).status_code == 400


async def app_client_get(app, path):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as c:
        return await c.get(path)


async def app_client_post(app, path, body):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as c:
        return await c.post(path, content=body, headers={"Content-Type": "application/x-www-form-urlencoded"})


async def test_user_text_is_escaped_in_html_and_chinese_and_emoji_survive(gql, app, smtp):
    world = await build_world(gql)
    title = "<script>alert(1)</script> 저상버스 低地板公車 🚌 & 예약"
    created = await propose(gql, world.tokens["citizen"], title=title)
    assert created["errors"] == []
    await deliver(app)
    [mail] = smtp.inbox.to("jiwoo@example.kr")
    assert title in text_of(mail)
    page = html_of(mail)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; 저상버스 低地板公車 🚌 &amp; 예약" in page


async def test_mail_waits_for_a_stopped_smtp_server_and_a_retry_keeps_its_message_id(gql, app, smtp, settings):
    world = await build_world(gql)
    mailer = Mailer(settings, backoff_base=0.2, backoff_cap=1.0)
    smtp.stop()
    await propose(gql, world.tokens["citizen"])
    assert await mailer.drain_once() == 0  # connection refused: nothing settled
    note = await Notification.get(user__email="jiwoo@example.kr", kind="ROUTED")
    assert note.email_state == "pending" and note.email_attempts == 1 and "connect" in note.email_error.lower()
    assert note.email_due_at > datetime.now(timezone.utc) - timedelta(seconds=1)

    # The server comes back, but first answers a message with a temporary failure.
    smtp.start()
    smtp.inbox.temporary_failures["jiwoo@example.kr"] = 1
    deadline = time.monotonic() + 10
    while not smtp.inbox.to("jiwoo@example.kr") and time.monotonic() < deadline:
        await mailer.drain_once()
        await asyncio.sleep(0.1)
    [mail] = smtp.inbox.to("jiwoo@example.kr")
    seen = [m["Message-ID"] for m in smtp.inbox.seen_data if m["X-Envelope-To"] == "jiwoo@example.kr"]
    assert len(seen) == 2 and seen[0] == seen[1] == mail["Message-ID"] == f"<notification-{note.id}@agenda.seoul.example>"
    settled = await Notification.get(id=note.id)
    assert settled.email_state == "sent" and settled.email_attempts == 3 and settled.email_error is None


async def test_a_refused_recipient_is_marked_failed_and_never_retried(gql, app, smtp):
    world = await build_world(gql)
    smtp.inbox.refused.add("jiwoo@example.kr")
    await propose(gql, world.tokens["citizen"])
    await deliver(app)
    note = await Notification.get(user__email="jiwoo@example.kr", kind="ROUTED")
    assert note.email_state == "failed" and note.email_error.startswith("550") and note.email_attempts == 1
    assert len(smtp.inbox.to("bus@seoul.go.kr")) == 1  # the others' mail went through
    assert await deliver(app) == 0
    assert (await Notification.get(id=note.id)).email_attempts == 1


async def test_the_in_process_worker_delivers_within_seconds_of_the_mutation(gql, app, smtp):
    world = await build_world(gql)
    stop = asyncio.Event()
    task = asyncio.create_task(app.state.mailer.run(stop))
    try:
        started = time.monotonic()
        await propose(gql, world.tokens["citizen"])
        arrived = await wait_for(lambda: smtp.inbox.to("jiwoo@example.kr"), timeout=10)
        assert arrived and time.monotonic() - started < 5
    finally:
        stop.set()
        await task


async def test_several_workers_send_each_mail_once(gql, app, smtp, settings):
    world = await build_world(gql)
    for i in range(6):
        await propose(gql, world.tokens["citizen"], title=f"저상버스 탑승 예약 앱 {i}번째 제안",
                      idempotencyKey=f"k{i}")
    workers = [Mailer(settings, batch_size=4) for _ in range(3)]
    if settings.is_sqlite:
        workers = workers[:1]  # SQLite has one worker, in the server process
    for _ in range(4):
        await asyncio.gather(*(w.drain_all() for w in workers))
    ids = [m["Message-ID"] for m in smtp.inbox.messages]
    assert len(ids) == 18 and len(set(ids)) == 18  # 6 agendas × (proposer + two staff), none twice


async def test_password_reset_answers_alike_mails_a_single_use_link_and_signs_out_everywhere(gql, app, smtp):
    await build_world(gql)
    sessions = [(await gql(LOGIN, {"e": "jiwoo@example.kr", "p": PASSWORD}))["data"]["login"]["token"]
                for _ in range(2)]

    unknown = await gql(REQUEST_RESET, {"e": "nobody@example.kr"})
    known = await gql(REQUEST_RESET, {"e": "JIWOO@example.kr"})
    malformed = await gql(REQUEST_RESET, {"e": "not an address"})
    assert unknown == known == malformed == {"data": {"requestPasswordReset": {"ok": True, "errors": []}}}
    assert await deliver(app) == 1
    assert [m["X-Envelope-To"] for m in smtp.inbox.messages] == ["jiwoo@example.kr"]
    [mail] = smtp.inbox.messages
    assert mail["Subject"] == "비밀번호 재설정" and "1시간" in text_of(mail)
    link = link_token(mail, f"{PUBLIC}/reset-password")

    weak = (await gql(RESET, {"t": link, "p": "short"}))["data"]["resetPassword"]
    assert weak["ok"] is False and weak["errors"][0]["field"] == "newPassword"
    new_password = "새-비밀번호-광화문-2027!"
    done = (await gql(RESET, {"t": link, "p": new_password}))["data"]["resetPassword"]
    assert done == {"ok": True, "errors": []}
    for session in sessions:
        assert (await gql("{ me { id } }", token=session, status=401))["status"] == 401
    again = (await gql(RESET, {"t": link, "p": "또-다른-비밀번호-2028!"}))["data"]["resetPassword"]
    assert again["errors"] == [{"field": "token", "code": "INVALID_TOKEN"}]
    assert (await gql(LOGIN, {"e": "jiwoo@example.kr", "p": PASSWORD}))["data"]["login"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    assert (await gql(LOGIN, {"e": "jiwoo@example.kr", "p": new_password}))["data"]["login"]["token"]

    # An expired link is refused and changes nothing.
    await MailDelivery.all().update(created_at=datetime.now(timezone.utc) - timedelta(minutes=5))
    await gql(REQUEST_RESET, {"e": "jiwoo@example.kr"})
    await deliver(app)
    late = link_token(smtp.inbox.messages[-1], f"{PUBLIC}/reset-password")
    await EmailToken.filter(purpose="reset", used_at=None).update(expires_at=datetime.now(timezone.utc) - timedelta(seconds=1))
    expired = (await gql(RESET, {"t": late, "p": "또-다른-비밀번호-2028!"}))["data"]["resetPassword"]
    assert expired["errors"] == [{"field": "token", "code": "INVALID_TOKEN"}]
    assert (await gql(LOGIN, {"e": "jiwoo@example.kr", "p": new_password}))["data"]["login"]["token"]


async def test_the_verification_link_can_be_asked_for_again_once_a_minute(gql, app, smtp):
    world = await build_world(gql)
    reg = (await gql(REGISTER, {"input": {"email": "new@example.kr", "password": PASSWORD, "displayName": "Alex",
                                          "privacyConsent": True}}, headers={"Accept-Language": "en"}))["data"]["register"]
    assert (await User.get(email="new@example.kr")).language == "en"
    soon = (await gql(RESEND, token=reg["token"]))["data"]["requestEmailVerification"]
    assert soon["ok"] is False and soon["errors"][0]["code"] == "RATE_LIMITED"
    await MailDelivery.all().update(created_at=datetime.now(timezone.utc) - timedelta(minutes=2))
    later = (await gql(RESEND, token=reg["token"]))["data"]["requestEmailVerification"]
    assert later == {"ok": True, "errors": []}
    await deliver(app)
    mails = smtp.inbox.to("new@example.kr")
    assert [m["Subject"] for m in mails] == ["Confirm your e-mail address"] * 2
    assert len({link_token(m, f"{PUBLIC}/verify-email") for m in mails}) == 2  # both links work until used
    verified = (await gql(RESEND, token=world.tokens["citizen"]))["data"]["requestEmailVerification"]
    assert verified["errors"][0]["code"] == "ALREADY_VERIFIED"
    assert (await gql(RESEND))["data"]["requestEmailVerification"]["errors"][0]["code"] == "NOT_AUTHENTICATED"


async def test_supporting_needs_a_verified_address(gql, app, smtp):
    world = await build_world(gql)
    agenda = (await propose(gql, world.tokens["citizen"]))["agenda"]
    reg = (await gql(REGISTER, {"input": {"email": "fan@example.kr", "password": PASSWORD, "displayName": "응원",
                                          "privacyConsent": True}}))["data"]["register"]
    support = "mutation($id: ID!) { supportAgenda(id: $id) { errors { code message } } }"
    refused = (await gql(support, {"id": agenda["id"]}, token=reg["token"]))["data"]["supportAgenda"]["errors"]
    assert refused[0]["code"] == "EMAIL_NOT_VERIFIED" and "이메일 주소를 확인" in refused[0]["message"]
    assert (await Agenda.get(id=int(agenda["id"]))).support_count == 0


async def test_daily_digest_people_get_one_mail_at_eight(gql, app, smtp):
    world = await build_world(gql)
    await gql(SET_PREFS, {"email": "DAILY_DIGEST"}, token=world.tokens["citizen"])
    await propose(gql, world.tokens["citizen"])
    await propose(gql, world.tokens["citizen"], title="어르신 돌봄 이동 지원을 늘려 주세요", idempotencyKey="b")
    await deliver(app)
    assert smtp.inbox.to("jiwoo@example.kr") == []  # waits for the digest
    assert await Notification.filter(user__email="jiwoo@example.kr", email_state="digest").count() == 2

    # The next 08:00 in Seoul: not a minute before, once however many workers tick, and once a day.
    now = datetime.now(SEOUL)
    eight = now.replace(hour=8, minute=0, second=0, microsecond=0)
    eight = eight if eight > now else eight + timedelta(days=1)
    assert (await tick(eight - timedelta(minutes=1))).digests == 0
    reports = await asyncio.gather(*(tick(eight + timedelta(minutes=1)) for _ in range(3)))
    assert sum(r.digests for r in reports) == 1
    assert (await tick(eight + timedelta(hours=2))).digests == 0
    await deliver(app)
    [digest] = smtp.inbox.to("jiwoo@example.kr")
    assert digest["Subject"] == "오늘의 알림 요약: 2건"
    assert "저상버스 탑승 예약 앱" in text_of(digest) and "어르신 돌봄" in text_of(digest)
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    notes = await Notification.filter(user__email="jiwoo@example.kr")
    assert all(n.email_state == "digested" and n.emailed_at is not None for n in notes)


def test_smtp_urls_name_the_connection_security_and_credentials():
    from server.mail.transports import SmtpTransport

    implicit = SmtpTransport("smtps://civic%40seoul.go.kr:p%40ss@mail.seoul.go.kr:465", "서울시 <no-reply@seoul.go.kr>")
    assert (implicit.implicit_tls, implicit.hostname, implicit.port) == (True, "mail.seoul.go.kr", 465)
    assert (implicit.username, implicit.password, implicit.sender) == ("civic@seoul.go.kr", "p@ss", "no-reply@seoul.go.kr")
    upgrade = SmtpTransport("smtp://mail.seoul.go.kr", "no-reply@seoul.go.kr")
    assert (upgrade.implicit_tls, upgrade.port, upgrade.username) == (False, 587, None)  # STARTTLS when offered


@pytest.fixture
def certificate(tmp_path, monkeypatch):
    """A self-signed certificate for 127.0.0.1, trusted by this test's TLS clients (SSL_CERT_FILE)."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                   check=True, capture_output=True)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


async def test_mail_is_encrypted_with_starttls_when_offered_and_with_smtps(certificate):
    from aiosmtpd.controller import Controller

    from server.mail.compose import Outgoing
    from server.mail.transports import SmtpTransport
    from tests.mailserver import Inbox, free_port

    letter = Outgoing(to="jiwoo@example.kr", to_name="김지우", language="ko", subject="암호화 시험",
                      message_id="<tls-test@agenda.seoul.example>", blocks=["본문"])
    for scheme, options in (("smtp", {"tls_context": certificate, "require_starttls": True}),
                            ("smtps", {"ssl_context": certificate})):
        inbox, port = Inbox(), free_port()
        server = Controller(inbox, hostname="127.0.0.1", port=port, **options)
        server.start()
        try:
            results = await SmtpTransport(f"{scheme}://127.0.0.1:{port}", "no-reply@seoul.go.kr").send([letter])
        finally:
            server.stop()
        assert results[0].ok, (scheme, results)
        assert [m["Subject"] for m in inbox.messages] == ["암호화 시험"]
