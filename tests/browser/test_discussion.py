"""The discussion on an agenda page, and its moderation, as people live it: a visitor is invited to
log in to comment; a citizen comments with a link (made safe) and reports an abusive comment
through the report dialog; the department marks its staff's comment as the official answer, shown
apart at the top; with three reports the abusive comment is hidden from the public until the
officer, from the moderation queue reached through the menu, removes it with a reason; a newly
registered reader is asked to confirm their address first."""

from __future__ import annotations

import re
import subprocess
import sys
import uuid

from playwright.sync_api import expect

from demo.accounts import CITIZEN_EMAILS, OFFICER_EMAIL
from tests.browser.helpers import check_a11y, login, register, shot

TRANSPORT = "transport@demo.civic-agenda.kr"
PASSWORD = "토론-댓글-2026-비밀!"
PROPOSE = """mutation($input: ProposeAgendaInput!) {
  proposeAgenda(input: $input) { agenda { id title owner { department { code } } } errors { code message } }
}"""
ADD = """mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id } errors { code message } } }"""
REPORT = """mutation($id: ID!) { reportComment(id: $id, reason: ABUSE) { comment { state } errors { code } } }"""


def create_citizen(server, email: str, name: str) -> None:
    """A citizen with a confirmed address, made the way an operator makes one (the CLI)."""
    done = subprocess.run([sys.executable, "-m", "civic.cli", "create-user", "--email", email, "--password", PASSWORD,
                           "--role", "citizen", "--display-name", name], env=server.env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def test_a_discussion_with_an_official_answer_and_a_moderated_abuse(page, new_page, live_server):
    api = live_server.api
    tag = uuid.uuid4().hex[:6]
    troll, third = f"troll-{tag}@example.kr", f"minjun-{tag}@example.kr"
    create_citizen(live_server, troll, "악플러")
    create_citizen(live_server, third, "박민준")
    for email in (troll, third):
        api.token(email, PASSWORD)  # the API helper logs in with the demo password unless told
    agenda = api.gql(PROPOSE, {"input": {
        "title": f"저상버스 정류장 경사판 안내 {tag}",
        "body": f"저상버스 정류장마다 경사판이 내려오는 위치를 안내해 주세요. 휠체어 이용자가 헷갈리지 않습니다 ♿ {tag}",
        "field": "PARTICIPATION_PUBLIC_SERVICE"}}, as_user=CITIZEN_EMAILS[0])["proposeAgenda"]["agenda"]
    assert agenda["owner"]["department"]["code"] == "TRANSPORT", agenda
    url = f"{live_server.url}/agendas/{agenda['id']}"

    # A visitor reads an empty discussion and is invited to log in.
    page.goto(url)
    discussion = page.get_by_test_id("discussion")
    expect(discussion.get_by_role("heading", level=2)).to_have_text("토론 · 댓글 0개")
    expect(discussion.get_by_test_id("comment-login")).to_have_text("로그인하면 댓글을 쓸 수 있습니다.")

    # Others comment (the troll through the API); a citizen writes hers with a link.
    abusive = "이런 제안하는 사람은 세금 도둑이다 ○○○"
    abuse_id = api.gql(ADD, {"input": {"agendaId": agenda["id"], "body": abusive}}, as_user=troll)["addComment"]["comment"]["id"]
    citizen = new_page()
    login(citizen, CITIZEN_EMAILS[1])
    citizen.goto(url)
    form = citizen.get_by_test_id("comment-form")
    form.get_by_role("textbox", name="댓글").fill("   ")
    form.get_by_role("button", name="댓글 남기기").click()
    expect(form.locator(".form-errors [data-code='REQUIRED']")).to_be_visible()
    form.get_by_role("textbox", name="댓글").fill("좋은 제안입니다 👍 비슷한 사례: https://example.org/경사판 <b>굵게</b>")
    form.get_by_role("button", name="댓글 남기기").click()
    mine = citizen.get_by_test_id("comment").filter(has_text="좋은 제안입니다")
    expect(mine).to_be_visible()
    link = mine.get_by_role("link", name="https://example.org/경사판")
    expect(link).to_have_attribute("rel", "nofollow ugc noopener")
    expect(mine.locator("b")).to_have_count(0)  # markup stays text
    expect(mine).to_contain_text("<b>굵게</b>")

    # She reports the abusive comment through the dialog, with a reason.
    bad = citizen.get_by_test_id("comment").filter(has_text="세금 도둑")
    bad.get_by_role("button", name="신고").click()
    dialog = citizen.get_by_test_id("report-dialog")
    expect(dialog.get_by_role("heading", name="댓글 신고")).to_be_visible()
    dialog.get_by_role("radio", name="욕설·비방·혐오").check()
    dialog.get_by_role("textbox", name="설명 (선택)").fill("인신공격입니다")
    shot(citizen, "report-dialog")
    check_a11y(citizen, context="report-dialog")
    dialog.get_by_role("button", name="신고하기").click()
    expect(bad.get_by_text("신고함")).to_be_visible()

    # The department answers; its staff mark the answer official: it shows apart, at the top.
    api.gql(ADD, {"input": {"agendaId": agenda["id"], "body": "도시교통실입니다. 다음 달부터 시범 정류장 10곳에 안내를 붙이겠습니다."}},
            as_user=TRANSPORT)
    staff = new_page()
    login(staff, TRANSPORT)
    staff.goto(url)
    answer = staff.get_by_test_id("comment").filter(has_text="도시교통실입니다")
    answer.get_by_role("button", name="공식 답변으로 표시").click()
    official = staff.get_by_test_id("official-comments")
    expect(official.get_by_role("heading", name="공식 답변")).to_be_visible()
    expect(official.get_by_test_id("official-comment")).to_contain_text("시범 정류장 10곳")

    # Two more citizens report it: the public sees it hidden, without its text.
    for who in (CITIZEN_EMAILS[0], third):
        api.gql(REPORT, {"id": abuse_id}, as_user=who)
    page.reload()
    hidden = page.locator(f"[data-testid=comment][data-state=HIDDEN]")
    expect(hidden.get_by_test_id("comment-placeholder")).to_have_text("신고로 숨겨진 댓글")
    expect(page.get_by_test_id("discussion")).not_to_contain_text("세금 도둑")
    expect(page.get_by_test_id("official-comment")).to_contain_text("시범 정류장 10곳")
    shot(page, "discussion-public")
    check_a11y(page, context="discussion-public")

    # The officer finds it through the menu, reads it in full and removes it with a reason.
    officer = new_page()
    login(officer, OFFICER_EMAIL)
    officer.get_by_role("navigation").get_by_role("link", name="댓글 관리").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text("댓글 관리")
    item = officer.get_by_test_id("moderation-item").filter(has_text="세금 도둑")
    expect(item).to_contain_text("신고 3건")
    expect(item).to_contain_text("욕설·비방·혐오: 인신공격입니다")
    item.get_by_role("button", name="삭제").click()
    expect(item.get_by_role("textbox", name=re.compile("결정 사유"))).to_have_accessible_description(re.compile("사유를 적어 주세요"))
    item.get_by_role("textbox", name=re.compile("결정 사유")).fill("욕설 — 운영 원칙 위반")
    shot(officer, "moderation-queue")
    check_a11y(officer, context="moderation-queue")
    item.get_by_role("button", name="삭제").click()
    expect(officer.get_by_test_id("moderation-done")).to_have_text("댓글을 삭제했습니다.")
    expect(officer.get_by_test_id("moderation-item").filter(has_text="세금 도둑")).to_have_count(0)

    page.reload()
    expect(page.locator("[data-testid=comment][data-state=REMOVED] [data-testid=comment-placeholder]")).to_have_text(
        "관리자가 삭제한 댓글")

    # A newly registered reader is asked to confirm the address before commenting.
    newcomer = f"new-{tag}@example.kr"
    register(api, newcomer, PASSWORD, "새 시민")
    fresh = new_page()
    login(fresh, newcomer, PASSWORD)
    fresh.goto(url)
    expect(fresh.get_by_test_id("comment-verify")).to_contain_text("이메일 주소를 확인하면 댓글을 쓸 수 있습니다.")
    expect(fresh.get_by_test_id("comment-form")).to_have_count(0)
