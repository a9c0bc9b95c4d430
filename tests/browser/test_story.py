"""The product's story, end to end in a real browser: a citizen proposes → sees the duplicate
hint → submits → staff of the owning department triage it → the citizen sees the new status →
the agenda is found by search. In Korean on SQLite and PostgreSQL, and in English."""

from __future__ import annotations

import re
import time
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import check_a11y, login, shot, verify_email

TEXT = {
    "ko": {
        "register": "회원가입", "name": "이름 (공개)", "email": "이메일", "password": "비밀번호", "create": "가입하기",
        "consent": "개인정보 수집·이용에 동의합니다", "sent": "인증 메일을 보냈습니다",
        "propose": "제안하기", "title": "제목", "body": "제안 내용", "submit": "제안 보내기",
        "field": "주거·안전 혁신", "in_triage": "검토 중", "accepted": "채택", "mine": "내 의제",
        "search": "의제 검색", "logout": "로그아웃",
    },
    "en": {
        "register": "Register", "name": "Name (shown publicly)", "email": "E-mail", "password": "Password",
        "create": "Create account", "consent": "I agree to the collection and use of my personal data",
        "sent": "We sent you a verification e-mail", "propose": "Propose", "title": "Title", "body": "Description",
        "submit": "Submit proposal", "field": "Housing and safety", "in_triage": "In triage", "accepted": "Accepted",
        "mine": "My agendas", "search": "Search agendas", "logout": "Log out",
    },
}


@pytest.mark.parametrize(
    "live_server, lang",
    [("sqlite", "ko"), ("postgres", "ko"), ("sqlite", "en")],
    indirect=["live_server"],
)
def test_citizen_proposes_staff_triage_citizen_sees_it_and_finds_it(new_page, live_server, lang):
    words = TEXT[lang]
    tag = uuid.uuid4().hex[:6]
    citizen = new_page(lang)

    # 1. A citizen registers (a Korean name with an emoji, consenting to the personal-data notice),
    #    confirms the address with the mailed link, and opens the proposal form.
    email = f"daeun-{tag}@example.kr"
    citizen.goto("/")
    citizen.get_by_role("link", name=words["register"]).click()
    citizen.get_by_label(words["name"]).fill("정다은 🚌")
    citizen.get_by_label(words["email"]).fill(email)
    citizen.get_by_label(words["password"]).fill("버스-정류장-2026!")
    citizen.get_by_role("checkbox", name=re.compile(words["consent"])).check()
    citizen.get_by_role("button", name=words["create"]).click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text(words["sent"])
    expect(citizen.get_by_role("button", name=words["logout"])).to_be_visible()
    verify_email(citizen, live_server.data_dir, email)
    citizen.get_by_role("navigation").get_by_role("link", name=words["propose"]).click()

    # 2. While typing the title, the likely duplicate from the demo is suggested.
    title = f"휠체어 이용자를 위한 저상버스 경사판 점검 알림 {tag}"
    citizen.get_by_label(re.compile(f"^{words['title']}")).fill(title)
    hints = citizen.get_by_test_id("duplicate-hints")
    expect(hints).to_contain_text("휠체어 이용자를 위한 저상버스 탑승 예약 앱")
    shot(citizen, "duplicate-hint")

    # 3. It is different enough: the citizen submits it anyway.
    citizen.get_by_label(re.compile(f"^{words['body']}")).fill(
        "저상버스 경사판이 고장 난 채로 운행되는 일이 잦습니다. 차고지에서 매일 경사판을 점검하고, "
        "고장 나면 휠체어 이용자에게 앱으로 알려 주세요. 輪椅 🚏")
    citizen.get_by_label(words["field"]).check()
    citizen.get_by_role("button", name=words["submit"]).click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text(title)
    agenda_id = citizen.url.rstrip("/").rsplit("/", 1)[-1]
    expect(citizen.locator(".badge").first).to_have_text(words["in_triage"])

    # Routed by itself, with the reason shown: the transport office's work plan names 저상버스.
    routed = live_server.api.gql(
        "query($id: ID!) { agenda(id: $id) { owner { kind department { code name nameEn } } routing { reason } } }",
        {"id": agenda_id})["agenda"]
    assert routed["owner"]["kind"] == "DEPARTMENT" and routed["owner"]["department"]["code"] == "TRANSPORT"
    dept_name = routed["owner"]["department"]["name" if lang == "ko" else "nameEn"]
    expect(citizen.get_by_test_id("owner")).to_contain_text(dept_name)
    shot(citizen, "proposed")
    check_a11y(citizen, context="agenda-page")

    # 4. The transport office's staff find it in their inbox and accept it.
    staff = new_page(lang)
    login(staff, "transport@demo.civic-agenda.kr")
    staff.goto("/triage")
    row = staff.locator(f"[data-agenda-id='{agenda_id}']")
    expect(row).to_be_visible()
    shot(staff, "inbox")
    check_a11y(staff, context="triage-inbox")
    row.get_by_role("link").first.click()
    expect(staff.get_by_role("heading", level=1)).to_have_text(title)
    staff.get_by_test_id("decision-ACCEPT").check()
    staff.get_by_test_id("submit-ACCEPT").click()
    expect(staff.get_by_test_id("panel-status")).to_contain_text(words["accepted"])
    shot(staff, "accepted")

    # 5. The citizen sees the new status under "my agendas".
    citizen.get_by_role("navigation").get_by_role("link", name=words["mine"]).click()
    card = citizen.locator(f"[data-agenda-id='{agenda_id}']")
    expect(card.locator(".badge").first).to_have_text(words["accepted"])
    shot(citizen, "my-agendas")

    # 6. Anyone finds it by search (the index catches up through the outbox within moments).
    visitor = new_page(lang)
    visitor.goto("/")
    box = visitor.get_by_role("searchbox", name=words["search"])
    box.fill(f"경사판 점검 {tag}")
    box.press("Enter")
    deadline = time.monotonic() + 10
    while True:
        found = visitor.locator(f"[data-agenda-id='{agenda_id}']")
        try:
            expect(found).to_be_visible(timeout=1500)
            break
        except AssertionError:
            assert time.monotonic() < deadline, "the accepted agenda never became searchable"
            visitor.reload()
    expect(found.locator(".badge").first).to_have_text(words["accepted"])
    shot(visitor, "found-by-search")
