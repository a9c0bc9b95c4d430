"""Accounts on the web, as their owners use them: a forgotten password is reset through the mailed
link, which signs the account out on every device; and an administrator of an installation without
an SMTP server reads the mail it kept instead of sending. Each story uses its own new account."""

from __future__ import annotations

import re
import uuid
from email import message_from_bytes
from email.policy import default as DEFAULT_POLICY

import httpx
from playwright.sync_api import expect

from demo.accounts import ADMIN_EMAIL, CITIZEN_EMAILS, DEMO_PASSWORD
from tests.browser.helpers import check_a11y, login, newest_mail_link, newest_mail_name, register, shot, wait_mail_settled

OLD_PASSWORD = "남산-타워-2026!"
NEW_PASSWORD = "한강-다리-2027!"


def test_a_forgotten_password_is_reset_and_every_session_ends(new_page, live_server):
    email = f"reset-{uuid.uuid4().hex[:8]}@example.kr"
    register(live_server.api, email, OLD_PASSWORD, "이서연 🔑")
    laptop = new_page()  # still signed in elsewhere
    login(laptop, email, OLD_PASSWORD)

    # On another device the owner cannot remember the password: the login page leads to the form.
    phone = new_page()
    phone.goto("/login")
    phone.get_by_role("link", name="비밀번호를 잊으셨나요?").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("비밀번호 찾기")
    before = newest_mail_name(live_server.data_dir)
    phone.get_by_label("이메일").fill(email)
    phone.get_by_role("button", name="재설정 링크 보내기").click()
    expect(phone.get_by_test_id("reset-requested")).to_contain_text(email)
    check_a11y(phone, context="forgot-password")

    # The mailed link opens the form; two different passwords and a weak one are refused there.
    phone.goto(newest_mail_link(live_server.data_dir, email, "/reset-password", after=before))
    expect(phone.get_by_role("heading", level=1)).to_have_text("새 비밀번호 정하기")
    phone.get_by_label("새 비밀번호", exact=True).fill(NEW_PASSWORD)
    phone.get_by_label("새 비밀번호 확인").fill(NEW_PASSWORD + "?")
    phone.get_by_role("button", name="비밀번호 바꾸기").click()
    expect(phone.locator("#reset-password-again-error")).to_have_text("두 비밀번호가 같지 않습니다.")
    phone.get_by_label("새 비밀번호", exact=True).fill("12345")
    phone.get_by_label("새 비밀번호 확인").fill("12345")
    phone.get_by_role("button", name="비밀번호 바꾸기").click()
    expect(phone.locator(".form-errors [data-code='WEAK_PASSWORD']")).to_be_visible()
    expect(phone.get_by_label("새 비밀번호", exact=True)).to_have_attribute("aria-invalid", "true")
    check_a11y(phone, context="reset-password-refused")

    phone.get_by_label("새 비밀번호", exact=True).fill(NEW_PASSWORD)
    phone.get_by_label("새 비밀번호 확인").fill(NEW_PASSWORD)
    phone.get_by_role("button", name="비밀번호 바꾸기").click()
    expect(phone.get_by_test_id("reset-done")).to_have_text(
        "비밀번호를 바꾸었습니다. 모든 기기에서 로그아웃되었습니다 — 다시 로그인해 주세요.")
    shot(phone, "reset-done")

    # The laptop's session ended with the others; the old password no longer opens the account.
    laptop.reload()
    expect(laptop.locator(".account a[href='/login']")).to_be_visible()
    laptop.goto("/login")
    laptop.locator("#login-email").fill(email)
    laptop.locator("#login-password").fill(OLD_PASSWORD)
    laptop.locator("form button[type=submit]").click()
    expect(laptop.locator(".form-errors [data-code='INVALID_CREDENTIALS']")).to_be_visible()
    login(laptop, email, NEW_PASSWORD)
    expect(laptop.get_by_text("이서연 🔑 님")).to_be_visible()


def test_an_administrator_reads_the_mail_kept_instead_of_sent(new_page, live_server):
    email = f"mailbox-{uuid.uuid4().hex[:8]}@example.kr"
    wait_mail_settled(live_server.data_dir)  # the page lists the newest: let the demo's own mail pass
    register(live_server.api, email, OLD_PASSWORD, "최민준")
    newest_mail_link(live_server.data_dir, email, "/verify-email")  # written by the worker

    admin = new_page()
    login(admin, ADMIN_EMAIL)
    admin.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="관리", exact=True).click()
    admin.get_by_role("navigation", name="관리 메뉴").get_by_role("link", name="보낸 메일").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("보낸 메일")
    expect(admin.get_by_text(re.compile("AGENDA_SMTP_URL"))).to_be_visible()
    row = admin.get_by_test_id("admin-mail").locator("tbody tr", has_text=email).first
    expect(row).to_contain_text("이메일 주소를 확인해 주세요")
    expect(row).to_contain_text("최민준")
    check_a11y(admin, context="admin-mail")
    shot(admin, "admin-mail")

    # The download is the message as it would have left, for the admin's session only.
    link = row.get_by_role("link", name=re.compile("내려받기"))
    href = link.get_attribute("href")
    raw = admin.request.get(href)
    assert raw.status == 200 and raw.headers["content-type"].startswith("message/rfc822")
    message = message_from_bytes(raw.body(), policy=DEFAULT_POLICY)
    assert email in str(message["To"]) and "/verify-email?token=" in message.get_body(("plain",)).get_content()
    assert httpx.get(live_server.url + href, timeout=10).status_code == 401

    # A citizen is told the page is not for them, and sees no menu entry for it.
    citizen = new_page()
    login(citizen, CITIZEN_EMAILS[0], DEMO_PASSWORD)
    expect(citizen.get_by_role("navigation").get_by_role("link", name="보낸 메일")).to_have_count(0)
    citizen.goto("/admin/mail")
    expect(citizen.get_by_test_id("forbidden")).to_be_visible()
