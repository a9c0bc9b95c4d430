"""City staff on the web: the triage inbox (their department's queue, counts, due dates), the
triage panel's decisions (a rejection needs a reason, a reroute to the Social Innovation Officer),
and two officials deciding on the same agenda at once — the loser sees what changed and decides
again on the fresh version, nothing is silently overwritten. Accessible (axe) in every state.

Each test proposes its own agenda through the API (routed to the transport office by its words),
so the demo data other browser tests rely on stays as seeded."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

from demo.accounts import ADMIN_EMAIL, CITIZEN_EMAILS, OFFICER_EMAIL
from tests.browser.helpers import check_a11y, login, shot

TRANSPORT = "transport@demo.civic-agenda.kr"
HOUSING = "housing@demo.civic-agenda.kr"

PROPOSE = """mutation($input: ProposeAgendaInput!) {
  proposeAgenda(input: $input) { agenda { id title owner { kind department { code } } } errors { code message } }
}"""

AGENDA = """query($id: ID!) { agenda(id: $id) {
  id status version statusReason owner { kind department { code } }
  history { kind fromStatus toStatus reason actor { displayName } }
} }"""


def propose_transport_agenda(api) -> dict:
    """A citizen's proposal that routing gives to the transport office (its work names 저상버스)."""
    tag = uuid.uuid4().hex[:6]
    data = api.gql(PROPOSE, {"input": {
        "title": f"저상버스 정류장 경사판 안내 {tag}",
        "body": "저상버스가 정류장에 설 때 경사판을 펼 수 있는지 미리 알려 주면 휠체어 이용자가 기다리기 쉽습니다. "
                f"버스 도착 안내판에 표시해 주세요. {tag}",
        "field": "PARTICIPATION_PUBLIC_SERVICE",
    }}, as_user=CITIZEN_EMAILS[0])["proposeAgenda"]
    assert not data["errors"], data
    agenda = data["agenda"]
    assert agenda["owner"] == {"kind": "DEPARTMENT", "department": {"code": "TRANSPORT"}}, agenda
    return agenda


def agenda_now(api, agenda_id: str) -> dict:
    return api.gql(AGENDA, {"id": agenda_id}, as_user=ADMIN_EMAIL)["agenda"]


def test_staff_see_their_department_inbox_with_counts_and_due_dates(page, live_server):
    api = live_server.api
    queue = api.gql("""{ triageQueue(departmentCode: "HOUSING") {
        totalCount edges { node { id status answerDueAt answerWorkingDaysLeft overdue } } } }""",
                    as_user=HOUSING)["triageQueue"]
    assert queue["totalCount"] > 0, "the demo leaves the housing office agendas to triage"
    login(page, HOUSING)
    page.get_by_role("navigation").get_by_role("link", name="분류함").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("분류함")
    expect(page.get_by_role("heading", level=2, name="주택정책실 분류함")).to_be_visible()

    # The list is the queue, in the server's order, each with its age.
    rows = page.locator("tr[data-agenda-id]")
    expect(rows).to_have_count(len(queue["edges"]))
    assert rows.evaluate_all("rs => rs.map(r => r.dataset.agendaId)") == [e["node"]["id"] for e in queue["edges"]]
    expect(rows.first.locator("time").first).to_have_text(re.compile(r"(\d+일|어제|오늘|\d+시간|\d+분)"))

    # Each row says when its answer is due and how many working days are left; overdue rows say so.
    for e, row in zip(queue["edges"], rows.all()):
        node, due = e["node"], row.get_by_test_id("due")
        if node["overdue"]:
            expect(due).to_contain_text("처리 기한 경과")
            expect(row).to_have_attribute("data-overdue", "true")
        elif node["status"] == "NEEDS_INFO" and node["answerWorkingDaysLeft"] is not None:
            expect(due).to_have_text(f"멈춤 · {node['answerWorkingDaysLeft']}일 남음")
        elif node["answerDueAt"]:
            days = node["answerWorkingDaysLeft"]
            expect(due).to_have_text(re.compile(rf"^\d{{4}}\. \d{{1,2}}\. \d{{1,2}}\. · {days}일 남음$" if days else r"오늘까지$"))
    assert any(e["node"]["answerDueAt"] for e in queue["edges"]), "the demo's agendas in triage have answer deadlines"

    # The counts are what the API counts, by status.
    in_triage = sum(1 for e in queue["edges"] if e["node"]["status"] == "IN_TRIAGE")
    needs_info = sum(1 for e in queue["edges"] if e["node"]["status"] == "NEEDS_INFO")
    counts = page.get_by_test_id("queue-counts")
    expect(counts.get_by_test_id("count-total").locator("dd")).to_have_text(str(queue["totalCount"]))
    expect(counts.get_by_test_id("count-in-triage").locator("dd")).to_have_text(str(in_triage))
    expect(counts.get_by_test_id("count-needs-info").locator("dd")).to_have_text(str(needs_info))
    shot(page, "inbox")
    check_a11y(page, context="triage-inbox")

    # The second list: the office's accepted and running agendas.
    page.get_by_test_id("view-execution").click()
    expect(page).to_have_url(re.compile(r"view=execution"))
    expect(page.locator("tr[data-agenda-id], .state-empty").first).to_be_visible()

    # In English too.
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Triage inbox")
    expect(page.get_by_test_id("count-total")).to_contain_text("Waiting for a decision")
    check_a11y(page, context="triage-inbox-en")


def test_who_may_open_the_inbox(page, live_server):
    page.goto("/triage")
    expect(page.get_by_test_id("login-required").get_by_role("link", name="로그인")).to_be_visible()
    login(page, CITIZEN_EMAILS[1])
    page.goto("/triage")
    expect(page.get_by_test_id("forbidden")).to_contain_text("시민")
    page.goto("/admin")
    expect(page.get_by_test_id("forbidden")).to_be_visible()


def test_the_officer_sees_the_officers_queue_and_any_department(page, live_server):
    api = live_server.api
    queue = api.gql("{ triageQueue { totalCount edges { node { id } } } }", as_user=OFFICER_EMAIL)["triageQueue"]
    login(page, OFFICER_EMAIL)
    page.goto("/triage")
    expect(page.get_by_role("heading", level=2, name="사회혁신담당관 분류함")).to_be_visible()
    expect(page.locator("tr[data-agenda-id]")).to_have_count(len(queue["edges"]))
    # Any department's queue, though the officer is no member of it.
    page.get_by_label("다른 부서의 분류함 보기").select_option("HOUSING")
    expect(page.get_by_role("heading", level=2, name="주택정책실 분류함")).to_be_visible()
    expect(page.locator("tr[data-agenda-id]").first).to_be_visible()


def test_two_officials_decide_at_once_the_second_sees_what_changed_and_decides_again(new_page, live_server):
    api = live_server.api
    agenda = propose_transport_agenda(api)
    path = f"/triage/agendas/{agenda['id']}"

    staff = new_page()
    login(staff, TRANSPORT)
    staff.goto(path)
    expect(staff.get_by_role("heading", level=1)).to_have_text(agenda["title"])
    expect(staff.get_by_test_id("panel-version")).to_have_text("버전 1")
    check_a11y(staff, context="triage-panel")

    admin = new_page()
    login(admin, ADMIN_EMAIL)
    admin.goto(path)

    # The transport officer starts writing a rejection; meanwhile the admin accepts.
    staff.get_by_role("radio", name=re.compile("^불채택")).check()
    staff.get_by_label(re.compile("^불채택 사유")).fill("이미 버스정보시스템 개편 계획에 들어 있습니다.")
    admin.get_by_role("radio", name=re.compile("^채택")).check()
    admin.get_by_role("button", name="채택하기").click()
    expect(admin.get_by_test_id("triage-success")).to_contain_text("의제를 채택했습니다")
    expect(admin.get_by_test_id("triage-success")).to_contain_text("현재 상태: 채택")

    # The rejection is not applied: the panel shows what changed, by whom, on the fresh version.
    staff.get_by_role("button", name="불채택하기").click()
    conflict = staff.get_by_test_id("version-conflict")
    expect(conflict).to_be_visible()
    expect(conflict).to_contain_text("'불채택' 처리는 저장되지 않았습니다")
    expect(conflict.locator("[data-change=status]")).to_contain_text("검토 중 → 채택")
    expect(conflict).to_contain_text("관리자")
    expect(conflict.get_by_test_id("conflict-events")).to_contain_text("검토 중 → 채택")
    expect(staff.get_by_test_id("panel-status")).to_have_text("채택")
    expect(staff.get_by_test_id("panel-version")).to_have_text("버전 2")
    expect(conflict).to_be_focused()
    shot(staff, "version-conflict")
    check_a11y(staff, context="version-conflict")
    now = agenda_now(api, agenda["id"])
    assert now["status"] == "ACCEPTED"
    assert not any(e["toStatus"] == "REJECTED" for e in now["history"]), "a stale decision overwrote a newer one"

    # Deciding again, on the version now shown: start the work.
    staff.get_by_role("button", name="추진 시작").click()
    expect(staff.get_by_test_id("triage-success")).to_contain_text("현재 상태: 추진 중")
    expect(staff.get_by_test_id("panel-status")).to_have_text("추진 중")
    shot(staff, "decided-again")
    assert agenda_now(api, agenda["id"])["status"] == "IN_PROGRESS"


def test_a_real_version_conflict_keeps_the_draft_and_lets_the_official_decide_again(new_page, live_server):
    """The other official's change leaves this decision possible (IN_TRIAGE → NEEDS_INFO, then
    REJECT): the server answers VERSION_CONFLICT, and the official's draft reason survives."""
    api = live_server.api
    agenda = propose_transport_agenda(api)
    path = f"/triage/agendas/{agenda['id']}"
    staff = new_page("en")
    login(staff, TRANSPORT)
    staff.goto(path)
    admin = new_page()
    login(admin, ADMIN_EMAIL)
    admin.goto(path)

    staff.get_by_role("radio", name=re.compile("^Reject")).check()
    reason = "The bus information system programme already covers this."
    staff.get_by_label(re.compile("^Reason for rejecting")).fill(reason)
    admin.get_by_role("radio", name=re.compile("^보완 요청")).check()
    admin.get_by_label(re.compile("^제안자에게 물을 내용")).fill("어느 노선의 정류장인지 알려 주세요.")
    admin.get_by_role("button", name="보완 요청 보내기").click()
    expect(admin.get_by_test_id("triage-success")).to_contain_text("보완 요청")

    staff.get_by_role("button", name="Reject", exact=True).click()
    conflict = staff.get_by_test_id("version-conflict")
    expect(conflict).to_contain_text("Someone else changed this agenda first")
    expect(conflict.locator("[data-change=status]")).to_contain_text("In triage → Needs information")
    expect(conflict.locator("[data-change=reason]")).to_contain_text("어느 노선의 정류장인지")
    expect(staff.get_by_label(re.compile("^Reason for rejecting"))).to_have_value(reason)
    check_a11y(staff, context="version-conflict-en")

    staff.get_by_role("button", name="Reject", exact=True).click()
    expect(staff.get_by_test_id("triage-success")).to_contain_text("Status now: Rejected")
    now = agenda_now(api, agenda["id"])
    assert (now["status"], now["statusReason"]) == ("REJECTED", reason)


def test_a_rejection_needs_a_reason(page, live_server):
    api = live_server.api
    agenda = propose_transport_agenda(api)
    login(page, TRANSPORT)
    page.goto("/triage")
    page.locator(f"tr[data-agenda-id='{agenda['id']}']").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(agenda["title"])

    page.get_by_test_id("decision-REJECT").check()
    page.get_by_test_id("submit-REJECT").click()
    reason = page.get_by_label(re.compile("^불채택 사유"))
    expect(page.get_by_text("불채택 사유를 적어 주세요")).to_be_visible()
    expect(reason).to_have_attribute("aria-invalid", "true")
    expect(reason).to_be_focused()
    shot(page, "reason-required")
    check_a11y(page, context="reject-without-reason")
    assert agenda_now(api, agenda["id"])["status"] == "IN_TRIAGE"

    reason.fill("시내버스 정류장 안내는 버스정보시스템 개편 사업에서 함께 다룹니다. 🚌")
    page.get_by_test_id("submit-REJECT").click()
    expect(page.get_by_role("status").filter(has_text="불채택으로 처리했습니다")).to_be_visible()
    expect(page.get_by_test_id("panel-status")).to_have_text("불채택")
    expect(page.get_by_test_id("status-reason")).to_contain_text("버스정보시스템 개편")
    expect(page.get_by_test_id("final-status")).to_be_visible()
    now = agenda_now(api, agenda["id"])
    assert now["status"] == "REJECTED" and now["statusReason"].endswith("🚌")


def test_staff_reroute_an_agenda_to_the_officer_who_finds_it_in_their_queue(new_page, live_server):
    api = live_server.api
    agenda = propose_transport_agenda(api)
    staff = new_page()
    login(staff, TRANSPORT)
    staff.goto(f"/triage/agendas/{agenda['id']}")
    staff.get_by_test_id("decision-REROUTE").check()
    staff.get_by_role("radio", name="사회혁신담당관에게", exact=True).check()
    staff.get_by_test_id("submit-REROUTE").click()
    expect(staff.get_by_text("재배정 사유를 적어 주세요.")).to_be_visible()
    staff.get_by_label(re.compile("^재배정 사유")).fill("복지·교통 여러 부서에 걸친 의제입니다.")
    staff.get_by_test_id("submit-REROUTE").click()
    expect(staff.get_by_test_id("triage-success")).to_contain_text("의제를 재배정했습니다")
    expect(staff.get_by_test_id("owner")).to_have_text("사회혁신담당관")
    # Staff no longer own it: no decision is offered any more.
    expect(staff.get_by_test_id("cannot-triage")).to_be_visible()
    now = agenda_now(api, agenda["id"])
    assert now["owner"] == {"kind": "INNOVATION_OFFICER", "department": None}
    assert now["history"][-1]["kind"] == "REROUTED" and "여러 부서" in now["history"][-1]["reason"]

    officer = new_page()
    login(officer, OFFICER_EMAIL)
    officer.goto("/triage")
    row = officer.locator(f"tr[data-agenda-id='{agenda['id']}']")
    while not row.count() and officer.get_by_test_id("queue-more").count():
        officer.get_by_test_id("queue-more").click()
        officer.wait_for_timeout(300)
    expect(row).to_be_visible()
    row.get_by_role("link").click()
    expect(officer.locator(".timeline")).to_contain_text("복지·교통 여러 부서에 걸친 의제입니다.")
    shot(officer, "officer-panel")
    check_a11y(officer, context="officer-panel")


def test_a_lost_network_while_deciding_offers_a_retry_and_nothing_is_lost(page, live_server):
    api = live_server.api
    agenda = propose_transport_agenda(api)
    login(page, TRANSPORT)
    page.goto(f"/triage/agendas/{agenda['id']}")
    page.get_by_test_id("decision-ACCEPT").check()
    page.context.set_offline(True)
    page.get_by_test_id("submit-ACCEPT").click()
    alert = page.get_by_role("alert").filter(has_text="서버에 연결할 수 없습니다")
    expect(alert).to_be_visible()
    shot(page, "offline-decision")
    assert agenda_now(api, agenda["id"])["status"] == "IN_TRIAGE"
    page.context.set_offline(False)
    alert.get_by_role("button", name="다시 시도").click()
    expect(page.get_by_test_id("panel-status")).to_have_text("채택")
    expect(page.get_by_test_id("triage-success")).to_contain_text("의제를 채택했습니다")

    # The inbox, too: one retry reloads the counts and the list.
    page.goto("/triage")
    expect(page.get_by_test_id("queue-counts")).to_be_visible()
    page.context.set_offline(True)
    page.get_by_test_id("view-execution").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("서버에 연결할 수 없습니다")
    page.context.set_offline(False)
    alert.get_by_role("button", name="다시 시도").click()
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(page.locator(f"tr[data-agenda-id='{agenda['id']}']")).to_be_visible()


def test_the_owner_keeps_the_execution_plan_of_an_accepted_agenda(page, live_server):
    api = live_server.api
    agenda = propose_transport_agenda(api)
    accepted = api.gql("""mutation($id: ID!) { triageAgenda(input: {id: $id, expectedVersion: 1, decision: ACCEPT}) {
        agenda { status } errors { code } } }""", {"id": agenda["id"]}, as_user=TRANSPORT)["triageAgenda"]
    assert accepted["agenda"]["status"] == "ACCEPTED", accepted
    login(page, TRANSPORT)
    page.goto(f"/triage/agendas/{agenda['id']}")
    editor = page.get_by_test_id("plan-editor")
    editor.get_by_label("요약").fill("정류장 안내판에 저상버스 경사판 상태를 표시한다.")
    editor.get_by_test_id("add-milestone").click()
    editor.get_by_role("button", name="실행방안 저장").click()
    expect(editor.get_by_text("일정 이름을 적어 주세요.")).to_be_visible()  # checked before sending
    editor.get_by_label("일정 이름").fill("시범 정류장 10곳 선정")
    editor.get_by_label("기한").fill("2027-03-31")
    editor.get_by_label("완료").check()
    editor.get_by_test_id("add-kpi").click()
    editor.get_by_label("지표 이름").fill("안내 정류장 수")
    editor.get_by_label("단위").fill("곳")
    editor.get_by_label("목표").fill("100")
    editor.get_by_label("실적").fill("50")
    editor.get_by_role("button", name="실행방안 저장").click()
    expect(page.get_by_test_id("triage-success")).to_contain_text("실행방안을 저장했습니다")
    plan = api.gql("query($id: ID!) { agenda(id: $id) { plan { progress milestones { title done } kpis { target actual } } } }",
                   {"id": agenda["id"]})["agenda"]["plan"]
    assert plan["milestones"] == [{"title": "시범 정류장 10곳 선정", "done": True}]
    assert plan["kpis"] == [{"target": 100.0, "actual": 50.0}]
    expect(page.get_by_test_id("plan-editor").get_by_role("progressbar")).to_have_attribute("aria-valuenow", str(plan["progress"]))
    shot(page, "plan-saved")
    check_a11y(page, context="plan-editor")

    # The next step: work starts.
    page.get_by_role("button", name="추진 시작").click()
    expect(page.get_by_test_id("panel-status")).to_have_text("추진 중")


def test_an_admin_manages_departments_and_the_work_plan(page, live_server):
    tag = uuid.uuid4().hex[:6].upper()
    code = f"TEST_{tag}"
    login(page, ADMIN_EMAIL)
    page.goto("/admin")
    expect(page.get_by_role("heading", level=1)).to_have_text("관리")
    expect(page.locator("tbody[data-code=TRANSPORT]")).to_be_visible()
    check_a11y(page, context="admin")

    page.get_by_text("새 부서 추가").click()
    form = page.get_by_test_id("create-department")
    form.get_by_label("부서 코드").fill(code)
    form.get_by_label("한국어 이름").fill(f"시험과 {tag}")
    form.get_by_label("영어 이름").fill(f"Test Division {tag}")
    form.get_by_label("주거문제 해소와 시민의 안전 혁신").check()
    form.get_by_label("업무 키워드").fill(f"시험키워드{tag}\ntestword{tag}")
    form.get_by_role("button", name="부서 만들기").click()
    expect(page.get_by_test_id("admin-status")).to_contain_text(f"시험과 {tag}")
    row = page.locator(f"tbody[data-code={code}]")
    expect(row).to_contain_text(f"testword{tag}")

    page.get_by_text("업무계획 항목 추가").click()
    item = page.get_by_test_id("create-work-plan-item")
    item.get_by_label("부서").select_option(code)
    item.get_by_label("항목").fill(f"시험 사업 {tag}")
    item.get_by_role("button", name="항목 추가").click()
    expect(page.get_by_test_id("admin-status")).to_contain_text(f"시험 사업 {tag}")
    expect(page.get_by_test_id("work-plan-items")).to_contain_text(f"시험 사업 {tag}")

    toggle = page.get_by_test_id(f"toggle-{code}")  # deactivation asks for a confirmation in place
    toggle.get_by_role("button", name="사용 중지").click()
    toggle.get_by_role("button", name="확인").click()
    expect(page.get_by_test_id("admin-status")).to_contain_text("사용 중지했습니다")
    expect(row).to_contain_text("사용 안 함")


def test_staff_merge_a_duplicate_picked_from_the_likely_duplicates_or_a_search(page, live_server):
    api = live_server.api
    agenda = propose_transport_agenda(api)
    target = api.gql('{ search(query: "저상버스 탑승 예약") { hits { agenda { id title status } } } }')["search"]["hits"]
    target = next(h["agenda"] for h in target if h["agenda"]["status"] in ("ACCEPTED", "IN_PROGRESS", "IN_TRIAGE"))
    login(page, TRANSPORT)
    page.goto(f"/triage/agendas/{agenda['id']}")
    page.get_by_test_id("decision-MERGE").check()
    page.get_by_test_id("submit-MERGE").click()
    expect(page.get_by_text("병합할 의제를 골라 주세요.")).to_be_visible()
    expect(page.get_by_test_id("merge-similar").or_(page.get_by_text("비슷한 의제를 찾지 못했습니다"))).to_be_visible()
    page.get_by_label("의제 검색", exact=True).fill("저상버스 탑승 예약")
    option = page.get_by_test_id("merge-picker").locator(f"li[data-agenda-id='{target['id']}']").first
    expect(option).to_be_visible()
    option.get_by_role("radio").check()
    expect(page.get_by_test_id("merge-selected")).to_contain_text(target["title"])
    check_a11y(page, context="merge-picker")
    page.get_by_test_id("submit-MERGE").click()
    expect(page.get_by_test_id("panel-status")).to_have_text("병합됨")
    expect(page.get_by_role("link", name=target["title"])).to_be_visible()
    shot(page, "merged")
    merged = api.gql("query($id: ID!) { agenda(id: $id) { status mergedInto { id } } }", {"id": agenda["id"]})["agenda"]
    assert merged == {"status": "MERGED", "mergedInto": {"id": target["id"]}}
