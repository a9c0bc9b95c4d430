"""The owners' accountability on the web: the Social Innovation Officer opens the inbox's "기한 경과"
view and sees every department's overdue agendas — whose each is, when it was due, how many working
days late — and the owner's staff see their own; fifty verified citizens back an agenda, its page
says an official answer is owed and by when, the department publishes one from the triage panel,
and anyone then reads it on the agenda page. Each story makes its own agenda, so the demo agendas
other stories rely on keep their dates and counts."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

from demo.accounts import CITIZEN_EMAILS, OFFICER_EMAIL
from tests.browser import domain
from tests.browser.helpers import check_a11y, login, shot

TRANSPORT = "transport@demo.civic-agenda.kr"
PROPOSE = """mutation($input: ProposeAgendaInput!) {
  proposeAgenda(input: $input) { agenda { id title owner { kind department { code name } } } errors { code message } }
}"""
OVERDUE_VIEW = "{ triageQueue(first: 1, overdueOnly: true, allDepartments: true) { totalCount } }"


def propose(api, what: str) -> dict:
    tag = uuid.uuid4().hex[:6]
    data = api.gql(PROPOSE, {"input": {
        "title": f"저상버스 {what} {tag}",
        "body": f"저상버스 정류장마다 휠체어 탑승 위치를 바닥에 표시해 주세요. 기사님도 시민도 헷갈리지 않습니다 ♿ {tag}",
        "field": "PARTICIPATION_PUBLIC_SERVICE",
    }}, as_user=CITIZEN_EMAILS[0])["proposeAgenda"]
    assert not data["errors"], data
    assert data["agenda"]["owner"]["department"]["code"] == "TRANSPORT", data
    return data["agenda"]


def test_the_officer_sees_every_departments_overdue_agendas_with_the_days_late(page, new_page, live_server):
    api = live_server.api
    agenda = propose(api, "탑승 위치 표시")
    # Nobody decided, and the answer deadline passed three working days ago: the tick escalates it.
    domain.run(live_server, "overdue", agenda["id"], "3")
    assert "escalated" in domain.tick(live_server)
    total = api.gql(OVERDUE_VIEW, as_user=OFFICER_EMAIL)["triageQueue"]["totalCount"]

    login(page, OFFICER_EMAIL)
    page.goto(live_server.url + "/triage")
    page.get_by_test_id("view-overdue").click()
    expect(page).to_have_url(re.compile(r"view=overdue"))
    expect(page.get_by_role("heading", level=2)).to_have_text("모든 부서의 기한 경과 의제")
    expect(page.get_by_test_id("overdue-total")).to_have_text(f"기한 경과 {total}건")
    row = page.locator(f"tr[data-agenda-id='{agenda['id']}']")
    expect(row.get_by_role("link")).to_have_text(agenda["title"])
    expect(row.get_by_test_id("owner")).to_have_text(agenda["owner"]["department"]["name"])
    expect(row.get_by_test_id("due")).to_have_text(re.compile(r"\d{4}\. \d{1,2}\. \d{1,2}\."))
    expect(row.get_by_test_id("days-late")).to_have_text("3근무일 지남")
    shot(page, "officer-overdue")
    check_a11y(page, context="officer-overdue")

    # The department's staff see their own overdue agendas in the same view.
    staff = new_page()
    login(staff, TRANSPORT)
    staff.goto(live_server.url + "/triage?view=overdue")
    expect(staff.get_by_role("heading", level=2)).to_have_text("도시교통실 분류함")
    expect(staff.get_by_test_id("overdue-total")).to_have_text(re.compile(r"^기한 경과 \d+건$"))
    expect(staff.locator(f"tr[data-agenda-id='{agenda['id']}'] [data-testid=days-late]")).to_have_text("3근무일 지남")


def test_fifty_supporters_get_an_official_answer_that_everyone_can_read(page, new_page, live_server):
    api = live_server.api
    agenda = propose(api, "공식 답변")
    url = f"{live_server.url}/agendas/{agenda['id']}"

    # Close to the threshold the page says how many more supports it takes.
    domain.run(live_server, "supporters", agenda["id"], "47")
    page.goto(url)
    expect(page.get_by_test_id("support-count")).to_have_text(re.compile(r"^47\s*명이 공감합니다 · 공식 답변까지 3명$"))

    # Three more: the owner now owes a public answer, by the answer deadline.
    domain.run(live_server, "supporters", agenda["id"], "3")
    page.reload()
    expect(page.get_by_test_id("official-answer-owed")).to_have_text(
        re.compile(r"^공감 50명을 넘어 공식 답변 대상입니다 · 답변 기한 \d{4}\. \d{1,2}\. \d{1,2}\.$"))
    expect(page.get_by_test_id("official-answer")).to_have_count(0)

    # The transport department publishes it from the triage panel; too short is refused first.
    staff = new_page()
    login(staff, TRANSPORT)
    staff.goto(f"{live_server.url}/triage/agendas/{agenda['id']}")
    form = staff.get_by_test_id("official-answer-form")
    body = form.get_by_role("textbox", name=re.compile("답변 내용"))
    body.fill("검토하겠습니다 🙏")
    expect(form.get_by_test_id("answer-counter")).to_have_text("9 / 5,000자")
    form.get_by_test_id("publish-official-answer").click()
    expect(body).to_have_accessible_description(re.compile("공식 답변은 20자 이상 적어 주세요."))
    answer = ("정류장 바닥 표시는 내년 3월까지 시내 저상버스 정류장 120곳에 먼저 설치하고, "
              "기사님 교육 자료에도 탑승 위치를 넣겠습니다. 진행 상황은 이 페이지에 알려 드리겠습니다 🚌")
    body.fill(answer)
    form.get_by_test_id("publish-official-answer").click()
    expect(staff.get_by_test_id("triage-success")).to_contain_text("공식 답변을 게시했습니다.")
    expect(staff.get_by_test_id("publish-official-answer")).to_have_text("고친 답변 게시")
    shot(staff, "answer-published")
    check_a11y(staff, context="triage-official-answer")

    # Anyone, not logged in, reads it on the agenda page, set apart with who answered and when.
    page.reload()
    shown = page.get_by_test_id("official-answer")
    expect(shown.get_by_role("heading", level=2)).to_have_text("공식 답변")
    expect(shown.get_by_test_id("official-answer-body")).to_have_text(answer)
    me = api.gql("{ me { displayName } }", as_user=TRANSPORT)["me"]["displayName"]
    expect(shown.get_by_test_id("official-answer-meta")).to_have_text(re.compile(re.escape(me) + r" · \d{4}\. "))
    expect(page.get_by_test_id("official-answer-owed")).to_have_count(0)
    shot(page, "answer-public")
    check_a11y(page, context="agenda-official-answer")
