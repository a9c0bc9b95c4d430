"""The accountability loop on the web: a citizen proposes and hears about it — the bell counts the
notification, the notifications page leads to the agenda, which shows when its answer is due —
in Korean and, once they switch, in English; they choose how e-mail reaches them; on /my they see
what they follow and stop following it. Each story uses its own new account, so the counts it
asserts are not shared with other tests."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

from tests.browser.helpers import check_a11y, login, register, shot, verify_email

PASSWORD = "광화문-광장-2026!"

PROPOSE = """mutation($input: ProposeAgendaInput!) {
  proposeAgenda(input: $input) { agenda { id title answerDueAt answerWorkingDaysLeft } errors { code message } }
}"""


def new_citizen(live_server, name: str, *, verify_in=None) -> str:
    """A new account; ``verify_in`` (a page) confirms its address through the mailed link, which
    proposing needs."""
    email = f"bell-{uuid.uuid4().hex[:8]}@example.kr"
    register(live_server.api, email, PASSWORD, name)
    if verify_in is not None:
        verify_email(verify_in, live_server.data_dir, email)
    return email


def propose(api, email: str) -> dict:
    tag = uuid.uuid4().hex[:6]
    data = api.gql(PROPOSE, {"input": {
        "title": f"저상버스 도착 알림에 경사판 정보 {tag}",
        "body": "저상버스가 정류장에 도착할 때 경사판을 펼 수 있는지 버스 도착 안내판과 앱에 알려 주세요. "
                f"휠체어 이용자가 기다리기 쉽습니다 ♿ {tag}",
        "field": "PARTICIPATION_PUBLIC_SERVICE",
    }}, as_user=email)["proposeAgenda"]
    assert not data["errors"], data
    return data["agenda"]


def test_a_citizen_hears_about_their_proposal_and_reaches_its_due_date(page, live_server):
    api = live_server.api
    email = new_citizen(live_server, "한소망 🌷", verify_in=page)
    agenda = propose(api, email)
    assert agenda["answerDueAt"] and agenda["answerWorkingDaysLeft"] > 0

    login(page, email, PASSWORD)
    expect(page.get_by_test_id("bell")).to_have_text(re.compile(r"알림\s*1$"))
    bell = page.get_by_role("link", name="읽지 않은 알림 1건")
    expect(bell).to_be_visible()
    shot(page, "bell")

    bell.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("알림")
    item = page.locator("li[data-notification-id]")
    expect(item).to_have_count(1)
    expect(item).to_have_attribute("data-read", "false")
    expect(item).to_contain_text("읽지 않음")
    expect(item).to_contain_text(agenda["title"])
    expect(item.locator("time")).to_have_text(re.compile(r"(초|분|지금)"))
    check_a11y(page, context="notifications")
    shot(page, "notifications")

    # Opening it marks it read and leads to the agenda, which says when the answer is due.
    item.get_by_role("link").click()
    expect(page).to_have_url(re.compile(f"/agendas/{agenda['id']}$"))
    due = page.get_by_test_id("deadline")
    expect(due).to_have_text(re.compile(rf"^답변 기한 \d{{4}}\. \d{{1,2}}\. \d{{1,2}}\. · 남은 근무일 {agenda['answerWorkingDaysLeft']}일$"))
    expect(page.get_by_role("link", name="읽지 않은 알림 없음")).to_be_visible()
    check_a11y(page, context="agenda-with-deadline")
    shot(page, "agenda-due")

    # Switching the app to English saves it as their language: the notification reads in English.
    page.get_by_role("button", name="English").click()
    expect(page.get_by_test_id("deadline")).to_contain_text("working days left")
    page.get_by_role("link", name="No unread notifications").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    expect(page.locator("li[data-notification-id]")).to_contain_text("Your agenda was sent to")
    prefs = api.gql("{ notificationPreferences { email language } }", as_user=email)["notificationPreferences"]
    assert prefs["language"] == "en"

    # The unread-only view is empty now, and says so.
    page.get_by_label("Unread only").check()
    expect(page.get_by_text("No unread notifications.")).to_be_visible()

    # The settings page saves the e-mail choice, and the language back to Korean.
    page.get_by_role("link", name="Notification settings").click()
    expect(page.get_by_role("radio", name="Right away")).to_be_checked()
    page.get_by_role("radio", name="Once a day, in one e-mail").check()
    page.get_by_role("radio", name="한국어").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("settings-saved")).to_have_text("알림 설정을 저장했습니다.")
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    check_a11y(page, context="notification-settings")
    shot(page, "settings")
    prefs = api.gql("{ notificationPreferences { email language } }", as_user=email)["notificationPreferences"]
    assert prefs == {"email": "DAILY_DIGEST", "language": "ko"}
    page.reload()
    expect(page.get_by_role("radio", name="하루 한 번 모아 받기")).to_be_checked()


def test_my_page_lists_a_followed_agenda_and_stops_following_it(page, live_server):
    api = live_server.api
    proposer = new_citizen(live_server, "정다온", verify_in=page)
    followed = propose(api, proposer)
    reader = new_citizen(live_server, "王小明")
    api.gql("mutation($id: ID!) { followAgenda(id: $id, following: true) { errors { code } } }",
            {"id": followed["id"]}, as_user=reader)

    login(page, reader, PASSWORD)
    page.get_by_role("navigation").get_by_role("link", name="내 의제").click()
    expect(page.get_by_test_id("mine-own")).to_contain_text("0건")
    section = page.get_by_test_id("mine-followed")
    expect(section.get_by_role("heading", level=2)).to_have_text("공감하거나 소식 받는 의제 1건")
    row = section.locator(f"[data-agenda-id='{followed['id']}']")
    expect(row).to_contain_text(followed["title"])
    expect(row).to_contain_text("일 남음")  # its answer deadline, in working days
    check_a11y(page, context="my-agendas")
    shot(page, "my-followed")

    row.get_by_role("button", name=re.compile("^소식 받기 중단")).click()
    expect(row).to_have_count(0)
    expect(section.get_by_test_id("followed-said")).to_contain_text("소식 받기를 중단했습니다")
    expect(section.get_by_role("heading", level=2)).to_have_text("공감하거나 소식 받는 의제 0건")
    still = api.gql("query($id: ID!) { agenda(id: $id) { viewerIsFollowing } }", {"id": followed["id"]}, as_user=reader)
    assert still["agenda"]["viewerIsFollowing"] is False
