"""A citizen on the web: finds agendas in three languages, registers, proposes with duplicate
hints, answers a request for information — in Korean and in English, accessibly, and without a
blank page when the network goes away."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

from demo.accounts import CITIZEN_EMAILS, DEMO_PASSWORD
from tests.browser.helpers import check_a11y, login, newest_mail_link, register, shot, verify_email


def test_search_finds_korean_with_a_particle_and_chinese_inside_a_sentence(page, live_server):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("사회혁신 의제 찾기")
    search = page.get_by_role("searchbox", name="의제 검색")
    search.fill("저상버스를")
    search.press("Enter")
    first = page.locator(".result-list > li").first
    expect(first).to_contain_text("저상버스")
    expect(first.locator("mark").first).to_be_visible()  # highlighted, rendered as a mark element
    expect(page).to_have_url(re.compile(r"\?q=%EC%A0%80"))  # the search is in the URL: shareable
    shot(page, "search-korean")
    check_a11y(page, context="home-search")

    # A facet narrows the results, and its count is what the API counts.
    api = live_server.api.gql('{ search(query: "저상버스를") { estimatedTotal facets { status { value count } } } }')["search"]
    top = api["facets"]["status"][0]
    box = page.locator("aside.facets fieldset", has_text="진행 상태").locator("label", has=page.locator(f"text={top['count']}")).first
    expect(box).to_be_visible()
    box.locator("input").click()  # click, not check(): the URL drives the box (see test_workshops)
    expect(box.locator("input")).to_be_checked()
    expect(page.locator(".result-list > li")).to_have_count(top["count"])

    # A new search keeps the filters (they are in the URL); start from a clean page for Chinese.
    # 輪椅 (wheelchair) is written inside a sentence of the Chinese demo agenda's text.
    page.goto("/")
    search.fill("輪椅")
    search.press("Enter")
    expect(page.locator(".result-list")).to_contain_text("低地板公車預約上車服務")
    shot(page, "search-chinese")


def test_a_citizen_registers_verifies_and_sees_duplicate_hints_while_typing(page, live_server):
    email = f"citizen-{uuid.uuid4().hex[:8]}@example.kr"
    page.goto("/register")
    page.get_by_label("이름 (공개)").fill("박하늘 🌱")
    page.get_by_label("이메일").fill(email)
    page.get_by_label("비밀번호").fill("광화문-광장-2026!")
    # Without the personal-data consent nothing is sent, and the box says why.
    page.get_by_role("button", name="가입하기").click()
    expect(page.locator(".form-errors")).to_contain_text("개인정보 수집·이용에 동의해야 가입할 수 있습니다")
    consent = page.get_by_role("checkbox", name=re.compile("개인정보 수집·이용에 동의합니다"))
    expect(consent).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("group", name="개인정보 수집·이용 동의")).to_contain_text("보유 기간: 회원 탈퇴 시까지")
    check_a11y(page, context="register-consent-refused")
    shot(page, "register-consent-refused")
    consent.check()
    page.get_by_role("button", name="가입하기").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("인증 메일을 보냈습니다")
    expect(page.get_by_test_id("verification-sent")).to_contain_text(email)
    expect(page.get_by_text("박하늘 🌱 님")).to_be_visible()
    check_a11y(page, context="verification-sent")
    shot(page, "verification-sent")

    # Until the address is confirmed the proposal form says what is missing, and the server's
    # refusal is explained rather than failing obscurely.
    page.get_by_role("navigation").get_by_role("link", name="제안하기").click()
    expect(page.get_by_test_id("verification-banner")).to_contain_text("이메일 인증이 필요합니다")
    page.get_by_label(re.compile("^제목")).fill("휠체어 저상버스 예약")
    hints = page.get_by_test_id("duplicate-hints")
    expect(hints).to_contain_text("휠체어 이용자를 위한 저상버스 탑승 예약 앱")
    shot(page, "duplicate-hint")
    check_a11y(page, context="propose-with-hints")

    # Submitting without a field or with too short a text says what to fix and keeps the input.
    page.get_by_role("button", name="제안 보내기").click()
    expect(page.locator(".form-errors")).to_be_visible()
    expect(page.get_by_label(re.compile("^제목"))).to_have_value("휠체어 저상버스 예약")
    page.get_by_label(re.compile("^제안 내용")).fill("휠체어 이용자가 저상버스를 미리 예약하고 정류장에서 기다릴 수 있게 해 주세요. ♿")
    page.get_by_label("주거·안전 혁신").check()
    page.get_by_role("button", name="제안 보내기").click()
    expect(page.locator(".form-errors [data-code='EMAIL_NOT_VERIFIED']")).to_be_visible()
    # Another mail so soon after the first is refused, and the banner says why.
    page.get_by_role("button", name="인증 메일 다시 보내기").click()
    resent = page.get_by_test_id("verification-resent")
    expect(resent).to_have_attribute("data-ok", "false")
    expect(resent).to_contain_text("1분 안에 이미 링크를 보냈습니다")

    # Supporting waits for the address too: the agenda page says so beside the button.
    open_agenda = live_server.api.gql(
        "{ agendas(first: 1, filter: {statuses: [ACCEPTED, IN_PROGRESS]}) { edges { node { id } } } }")["agendas"]["edges"][0]["node"]
    page.goto(f"/agendas/{open_agenda['id']}")
    expect(page.get_by_test_id("agenda-side").get_by_test_id("verification-banner")).to_be_visible()
    page.get_by_role("button", name="공감하기").click()
    expect(page.get_by_role("alert").filter(has_text="먼저 이메일 주소를 확인해 주세요")).to_be_visible()

    # The mailed link confirms the address, once; the banner is gone and the form is open.
    link = newest_mail_link(live_server.data_dir, email, "/verify-email")
    verify_email(page, live_server.data_dir, email)
    check_a11y(page, context="email-verified")
    page.goto(link)
    expect(page.get_by_test_id("verify-refused")).to_be_visible()
    expect(page.get_by_test_id("verify-already")).to_be_visible()
    check_a11y(page, context="verification-link-used")
    page.get_by_role("navigation").get_by_role("link", name="제안하기").click()
    expect(page.get_by_label(re.compile("^제목"))).to_be_visible()
    expect(page.get_by_test_id("verification-banner")).to_have_count(0)


def test_english_is_one_click_away_and_stays(page, live_server):
    page.goto("/")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find social innovation agendas")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find social innovation agendas")
    page.get_by_role("link", name="Propose").click()
    expect(page.get_by_text("Please log in to propose.")).to_be_visible()
    check_a11y(page, context="propose-anonymous-en")
    page.get_by_role("button", name="한국어").click()
    expect(page.get_by_text("제안하려면 로그인해 주세요.")).to_be_visible()


def test_a_lost_network_shows_a_retry_not_a_blank_page(page, live_server):
    page.goto("/")
    expect(page.locator(".result-list > li").first).to_be_visible()
    page.context.set_offline(True)
    page.get_by_role("searchbox").fill("공유주차장")
    page.get_by_role("searchbox").press("Enter")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("서버에 연결할 수 없습니다")
    shot(page, "offline")
    page.context.set_offline(False)
    alert.get_by_role("button", name="다시 시도").click()
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(page.locator(".result-list, .state-empty").first).to_be_visible()


def test_a_citizen_answers_a_request_for_information(page, live_server):
    """The demo has an agenda waiting for its proposer's answer (NEEDS_INFO)."""
    api = live_server.api
    mine = api.gql('{ agendas(filter: {mine: true, statuses: [NEEDS_INFO]}) { edges { node { id title statusReason } } } }',
                   as_user=CITIZEN_EMAILS[0])["agendas"]["edges"]
    if not mine:
        # Make one through the product: a citizen proposes, the owner asks a question.
        raise AssertionError("the demo seed should leave citizen1 an agenda in NEEDS_INFO")
    target = mine[0]["node"]
    login(page, CITIZEN_EMAILS[0], DEMO_PASSWORD)
    page.get_by_role("link", name="내 의제").click()
    # What waits for the citizen comes first, with the question and the form to answer it.
    card = page.get_by_test_id("mine-action").locator(f"[data-agenda-id='{target['id']}']")
    expect(card).to_contain_text(target["statusReason"])
    expect(page.get_by_test_id("mine-own").locator(f"[data-agenda-id='{target['id']}']")).to_contain_text("위에서 답변해 주세요.")
    card.get_by_label("답변").fill("정류장 위치는 시청역 3번 출구 앞입니다. 🚏")
    card.get_by_role("button", name="답변 보내기").click()
    expect(card).to_have_count(0)
    expect(page.get_by_test_id("mine-own").locator(f"[data-agenda-id='{target['id']}'] .badge").first).to_have_text("검토 중")
    shot(page, "answered")
    status = api.gql("query($id: ID!) { agenda(id: $id) { status history { kind reason } } }", {"id": target["id"]},
                     as_user=CITIZEN_EMAILS[0])["agenda"]
    assert status["status"] == "IN_TRIAGE"
    assert any(e["kind"] == "INFO_ANSWERED" for e in status["history"])


def test_a_page_whose_code_cannot_be_downloaded_offline_still_offers_a_retry(page, live_server):
    """The staff, workshop and case pages are downloaded on demand; offline, that download fails —
    the reader gets the error and a retry, the header keeps working."""
    page.goto("/")
    expect(page.locator(".result-list > li").first).to_be_visible()
    page.context.set_offline(True)
    page.get_by_role("navigation").get_by_role("link", name="혁신사례").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("서버에 연결할 수 없습니다")
    expect(page.get_by_role("navigation")).to_be_visible()
    shot(page, "chunk-offline")
    page.context.set_offline(False)
    alert.get_by_role("button", name="다시 시도").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("혁신사례")


def test_a_citizen_is_offered_support_only_where_it_can_count(page, live_server):
    """The server refuses a support for one's own agenda and for a merged or rejected one; the page
    does not offer the button there, and says why instead."""
    api = live_server.api
    viewer = f"newcomer-{uuid.uuid4().hex[:8]}@example.kr"  # has supported nothing yet
    register(api, viewer, DEMO_PASSWORD, "새내기 🌱")
    verify_email(page, live_server.data_dir, viewer)
    proposed = api.gql("mutation($i: ProposeAgendaInput!) { proposeAgenda(input: $i) { agenda { id } errors { code } } }",
                       {"i": {"title": "골목 쉼터에 그늘 벤치를 놓아 주세요", "field": "LIVING_CULTURE_SPACE",
                              "body": "여름 한낮에 어르신들이 쉬어 갈 그늘이 골목에 하나도 없습니다. 🌳"}},
                       as_user=viewer)["proposeAgenda"]
    assert not proposed["errors"], proposed
    nodes = lambda q: [e["node"] for e in api.gql(q, as_user=viewer)["agendas"]["edges"]]  # noqa: E731
    closed = nodes("{ agendas(first: 1, filter: {statuses: [MERGED, REJECTED]}) { edges { node { id status } } } }")
    open_ = nodes("{ agendas(first: 1, filter: {statuses: [ACCEPTED, IN_PROGRESS]}) { edges { node { id } } } }")
    assert closed and open_, "the demo has closed and open agendas"
    login(page, viewer, DEMO_PASSWORD)

    page.goto(f"/agendas/{proposed['agenda']['id']}")
    expect(page.get_by_test_id("support-refused")).to_contain_text("내가 제안한 의제에는 공감할 수 없습니다")
    expect(page.get_by_role("button", name="공감하기")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("^소식"))).to_be_visible()  # following it is still offered

    page.goto(f"/agendas/{closed[0]['id']}")
    expect(page.get_by_test_id("support-refused")).to_have_attribute("data-reason", closed[0]["status"])
    expect(page.get_by_test_id("support-refused")).to_contain_text("더 이상 공감을 받지 않습니다")
    expect(page.get_by_role("button", name="공감하기")).to_have_count(0)
    check_a11y(page, context="agenda-closed-to-support")

    page.goto(f"/agendas/{open_[0]['id']}")
    expect(page.get_by_role("button", name="공감하기")).to_be_visible()
    expect(page.get_by_test_id("support-refused")).to_have_count(0)
