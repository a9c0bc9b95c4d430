"""The facilitators' and research team's area in a real browser: the progress dashboard's chart shows
exactly the API's numbers (and says them in a table), what moved and what is stalled; a workshop
page lists participants and items, and an action item ticked done stays done; the research team
reads its report and reviews an agenda; the case library is open to everyone — in Korean and
English, accessibly, and with a retry rather than a blank page when the network goes away."""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.browser.helpers import check_a11y, login, shot

FACILITATOR = "facilitator@demo.civic-agenda.kr"
RESEARCHER = "researcher@demo.civic-agenda.kr"
CITIZEN = "citizen1@demo.civic-agenda.kr"

PROGRESS_QUERY = """
query($y: Int!, $q: Int!) { workshopProgress(year: $y, quarter: $q) {
  counts { status field departmentCode count }
  moved { agenda { id } fromStatus toStatus }
  stalled { id }
  overdueMilestones { title }
  overdueActionItems { title }
  fields { field total averageProgress }
  newAgendas { id }
  districts { value count }
} }"""

# What the chart's SVG says, read from the elements the page draws (one <g> per field, one per segment).
CHART_NUMBERS_JS = """() => {
  const out = {};
  for (const g of document.querySelectorAll('[data-testid=status-by-field-chart] svg g[data-field]')) {
    const segments = {};
    for (const s of g.querySelectorAll('g[data-status]')) segments[s.dataset.status] = Number(s.dataset.count);
    out[g.dataset.field] = { total: Number(g.dataset.total), segments };
  }
  return out;
}"""


def previous_quarter_in_seoul() -> tuple[int, int]:
    today = datetime.now(ZoneInfo("Asia/Seoul")).date()
    q = (today.month - 1) // 3 + 1
    return (today.year, q - 1) if q > 1 else (today.year - 1, 4)


def expected_chart(counts: list[dict], department: str | None = None) -> dict:
    out: dict = defaultdict(lambda: {"total": 0, "segments": defaultdict(int)})
    for c in counts:
        if department is not None and (c["departmentCode"] or "") != department:
            continue
        out[c["field"]]["total"] += c["count"]
        out[c["field"]]["segments"][c["status"]] += c["count"]
    return {f: {"total": v["total"], "segments": dict(v["segments"])} for f, v in out.items()}


def test_progress_dashboard_shows_the_apis_numbers(page, live_server):
    year, quarter = previous_quarter_in_seoul()
    api = live_server.api.gql(PROGRESS_QUERY, {"y": year, "q": quarter}, as_user=FACILITATOR)["workshopProgress"]
    assert api["counts"] and api["moved"], "the demo should have agendas that moved in the previous quarter"

    login(page, FACILITATOR)
    page.get_by_role("navigation").get_by_role("link", name="추진현황").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("의제 추진현황")
    # The current quarter is the default; the selectors move to another one.
    page.get_by_label("연도").select_option(str(year))
    page.get_by_label("분기", exact=True).select_option(str(quarter))
    expect(page).to_have_url(re.compile(f"year={year}&quarter={quarter}"))

    # The chart is an image with a name, and its bars carry exactly the API's counts.
    chart = page.get_by_role("img", name=re.compile(f"{year}년 {quarter}분기 정책 분야별 의제 상태"))
    expect(chart).to_be_visible()
    drawn = page.evaluate(CHART_NUMBERS_JS)
    want = expected_chart(api["counts"])
    assert {f: v for f, v in drawn.items() if v["total"]} == want
    total = sum(c["count"] for c in api["counts"])
    expect(page.get_by_test_id("stat-total")).to_have_text(str(total))

    # Its text alternative: the same numbers as a table.
    chart_box = page.get_by_test_id("status-by-field-chart")
    chart_box.get_by_text("표로 보기").click()
    table = page.get_by_test_id("status-by-field-table")
    expect(table).to_be_visible()
    for field, v in want.items():
        expect(table.locator(f"tr[data-field={field}] td[data-total]")).to_have_text(str(v["total"]))

    # One department's share: the chart follows the owner filter.
    some_dept = next(c["departmentCode"] for c in api["counts"] if c["departmentCode"])
    page.get_by_label("담당", exact=True).select_option(some_dept)
    drawn = page.evaluate(CHART_NUMBERS_JS)
    assert {f: v for f, v in drawn.items() if v["total"]} == expected_chart(api["counts"], some_dept)
    page.get_by_label("담당", exact=True).select_option("*")

    # What moved (from → to) and what is stalled are the API's agendas.
    moved_rows = page.get_by_test_id("moved-table").locator("tbody tr")
    expect(moved_rows).to_have_count(len(api["moved"]))
    assert sorted(moved_rows.evaluate_all("rows => rows.map(r => r.dataset.agendaId)")) == sorted(m["agenda"]["id"] for m in api["moved"])
    expect(page.get_by_role("heading", name=f"지난 분기 이후 움직인 의제 ({len(api['moved'])})")).to_be_visible()
    if api["stalled"]:
        stalled = page.get_by_test_id("stalled-list").locator("li")
        expect(stalled).to_have_count(len(api["stalled"]))
        assert sorted(stalled.evaluate_all("items => items.map(i => i.dataset.agendaId)")) == sorted(a["id"] for a in api["stalled"])
    else:
        expect(page.get_by_test_id("stalled")).to_contain_text("정체된 의제가 없습니다")
    overdue = len(api["overdueMilestones"]) + len(api["overdueActionItems"])
    expect(page.get_by_test_id("stat-overdue")).to_have_text(str(overdue))
    # New intake is counted apart from what moved; the district map draws the API's district counts.
    expect(page.get_by_test_id("stat-new")).to_have_text(str(len(api["newAgendas"])))
    assert not {m["agenda"]["id"] for m in api["moved"]} & {a["id"] for a in api["newAgendas"]}
    districts = page.locator("[data-testid=progress-district-map] path[data-district]")
    expect(districts).to_have_count(25)
    drawn_map = {p.get_attribute("data-district"): int(p.get_attribute("data-count")) for p in districts.all()}
    assert {k: v for k, v in drawn_map.items() if v} == {d["value"]: d["count"] for d in api["districts"]}
    for f in api["fields"]:
        expect(page.get_by_test_id("field-summary-table").locator(f"tr[data-field={f['field']}] td").first).to_have_text(str(f["total"]))
    shot(page, "progress-ko")
    check_a11y(page, context="progress-ko")

    # English is one click away, chart and all.
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Agenda progress")
    expect(page.get_by_role("img", name=re.compile(f"Agenda status by policy field, Q{quarter} {year}"))).to_be_visible()
    expect(page.get_by_test_id("status-by-field-chart").locator(".chart-legend")).to_contain_text(re.compile("In triage|In progress|Accepted"))
    expect(page.get_by_role("heading", name=re.compile(r"^Moved since the previous quarter"))).to_be_visible()
    shot(page, "progress-en")
    check_a11y(page, context="progress-en")


def test_the_research_report_and_a_review(page, live_server):
    year, quarter = previous_quarter_in_seoul()
    login(page, RESEARCHER)
    page.goto(f"/progress/report?year={year}&quarter={quarter}")
    expect(page.get_by_role("heading", level=1)).to_have_text("사회혁신연구단 성과 보고서")
    report = page.get_by_test_id("performance-report")
    expect(report.locator("tbody tr")).to_have_count(5)
    # Drawn beside the table: two bars a field (completion, KPI attainment), the table as its text alternative.
    performance = page.get_by_role("img", name=re.compile(f"{year}년 {quarter}분기 분야별 완료율과 성과지표 달성률"))
    expect(performance).to_have_attribute("aria-describedby", "performance-report-table")
    expect(page.get_by_test_id("performance-chart").locator("g[data-series]")).to_have_count(10)
    api = live_server.api.gql("query($y: Int!, $q: Int!) { performanceReport(year: $y, quarter: $q) { field reviewCount } }",
                              {"y": year, "q": quarter}, as_user=RESEARCHER)["performanceReport"]
    for row in api:
        expect(report.locator(f"tr[data-field={row['field']}] td").nth(6)).to_have_text(str(row["reviewCount"]))

    # Whether departments answered on time: bars per department, and the same numbers in the table
    # the chart points to.
    owners = live_server.api.gql("""query($y: Int!, $q: Int!) { ownerTimeliness(year: $y, quarter: $q) {
        owner { department { code name nameEn } } decisions decidedOnTime onTimeRate medianWorkingDaysToDecision } }""",
                                 {"y": year, "q": quarter}, as_user=RESEARCHER)["ownerTimeliness"]
    assert owners, "the demo year decides agendas every quarter"
    chart = page.get_by_role("img", name=re.compile(f"{year}년 {quarter}분기 부서별 답변 기한 준수율"))
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute("aria-describedby", "on-time-table")
    bars = page.get_by_test_id("on-time-chart").locator("g[data-key]")
    expect(bars).to_have_count(len(owners))
    table = page.get_by_test_id("on-time-table")
    for o in owners:
        code = o["owner"]["department"]["code"] if o["owner"]["department"] else "OFFICER"
        pct = round(100 * o["onTimeRate"])
        expect(page.get_by_test_id("on-time-chart").locator(f"g[data-key={code}]")).to_have_attribute("data-value", str(pct))
        row = table.locator(f"tr[data-owner={code}]")
        if o["owner"]["department"]:
            expect(row.locator("th")).to_have_text(o["owner"]["department"]["name"])
        expect(row.locator("td").nth(0)).to_have_text(str(o["decisions"]))
        expect(row.locator("td").nth(2)).to_have_text(f"{pct}%")
    csv_link = page.get_by_test_id("report-csv")
    expect(csv_link).to_have_attribute("href", f"/reports/performance.csv?year={year}&quarter={quarter}")
    sheet = page.request.get(csv_link.get_attribute("href"))
    assert sheet.ok and "답변 기한 준수" in sheet.text()
    check_a11y(page, context="report")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("img", name=re.compile(f"On-time answers by department, Q{quarter} {year}"))).to_be_visible()
    first = owners[0]["owner"]["department"]
    if first:
        expect(table.locator("tbody th").first).to_have_text(first["nameEn"])
    expect(table.locator("thead")).to_contain_text("On-time rate")
    shot(page, "report-on-time-en")
    page.get_by_role("button", name="한국어").click()

    # A researcher scores an agenda on the five criteria, with an opinion.
    agenda = live_server.api.gql('{ agendas(first: 1, filter: {statuses: [IN_PROGRESS]}) { edges { node { id title } } } }')["agendas"]["edges"][0]["node"]
    page.goto(f"/research/review/{agenda['id']}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(agenda["title"])
    form = page.get_by_test_id("review-form")
    for criterion, score in [("혁신성", "4"), ("실현 가능성", "3"), ("파급 효과", "5"), ("시민 참여", "4"), ("지속 가능성", "2")]:
        form.get_by_role("group", name=criterion).get_by_role("radio", name=re.compile(f"^{score}")).check()
    opinion = f"현장 실험 결과가 좋아 확대할 만하다. 예산 지속성은 보완이 필요하다. {uuid.uuid4().hex[:6]}"
    form.get_by_label("의견").fill(opinion)
    form.get_by_role("button", name=re.compile("검토 (보내기|고치기)")).click()
    expect(page.get_by_role("status").filter(has_text="검토를 저장했습니다")).to_be_visible()
    expect(page.get_by_test_id("reviews")).to_contain_text(opinion)
    shot(page, "review")
    check_a11y(page, context="review")


def test_a_workshop_page_and_an_action_item_ticked_done_stays_done(page, live_server):
    api = live_server.api
    year, _ = previous_quarter_in_seoul()
    workshops = []
    for y in (year, year - 1):
        workshops += api.gql("""query($y: Int!) { workshops(year: $y) { id year quarter title
            participants { id name affiliationType } items { id purpose actionItems { id title done } } } }""",
                             {"y": y}, as_user=FACILITATOR)["workshops"]
    target = next(w for w in workshops if any(not a["done"] for i in w["items"] for a in i["actionItems"]) and w["participants"])
    action = next(a for i in target["items"] for a in i["actionItems"] if not a["done"])

    login(page, FACILITATOR)
    page.goto(f"/workshops?year={target['year']}&quarter={target['quarter']}")
    expect(page.get_by_role("heading", level=1)).to_have_text("서울혁신 실행워크숍")
    page.get_by_test_id("workshop-list").get_by_role("link", name=target["title"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(target["title"])

    # Participants grouped by affiliation type; items grouped by purpose, each with its agenda link.
    participants = page.get_by_test_id("participants")
    for p in target["participants"]:
        expect(participants.locator(f"[data-affiliation={p['affiliationType']}]")).to_contain_text(p["name"])
    items = page.get_by_test_id("items")
    expect(items.locator("[data-item-id]")).to_have_count(len(target["items"]))
    for purpose in {i["purpose"] for i in target["items"]}:
        expect(items.locator(f"[data-purpose={purpose}]")).to_be_visible()
    expect(items.locator("a[href^='/agendas/']").first).to_be_visible()
    expect(page.get_by_test_id("progress-csv")).to_have_attribute("href", f"/workshops/{target['id']}/progress.csv")
    check_a11y(page, context="workshop")

    # Tick the action item done from the keyboard; it is saved, and still done after a reload.
    row = page.locator(f"tr[data-action-id='{action['id']}']")
    box = row.get_by_role("checkbox")
    expect(box).not_to_be_checked()
    box.focus()
    page.keyboard.press("Space")
    expect(row).to_have_attribute("data-done", "true")
    expect(box).to_be_enabled()  # the mutation has answered
    page.reload()
    expect(page.locator(f"tr[data-action-id='{action['id']}']").get_by_role("checkbox")).to_be_checked()
    done = api.gql("query($id: ID!) { workshop(id: $id) { items { actionItems { id done } } } }", {"id": target["id"]},
                   as_user=FACILITATOR)["workshop"]["items"]
    assert next(a for i in done for a in i["actionItems"] if a["id"] == action["id"])["done"] is True
    shot(page, "action-done")

    # Untick it (leaving the demo as it was), and add a participant through the form.
    row = page.locator(f"tr[data-action-id='{action['id']}']")
    row.get_by_role("checkbox").uncheck()
    expect(row).to_have_attribute("data-done", "false")
    expect(row.get_by_role("checkbox")).to_be_enabled()
    page.reload()
    expect(page.locator(f"tr[data-action-id='{action['id']}']").get_by_role("checkbox")).not_to_be_checked()

    name = f"김연구 {uuid.uuid4().hex[:4]}"
    page.locator("summary", has_text="참석자 추가").click()
    form = page.get_by_test_id("add-participant-form")
    form.get_by_label("이름").fill(name)
    form.get_by_label("소속", exact=True).fill("서울연구원")
    form.get_by_label("소속 유형").select_option("EXPERT")
    form.get_by_role("button", name="참석자 추가").click()
    expect(page.get_by_test_id("participants").locator("[data-affiliation=EXPERT]")).to_contain_text(name)


def test_the_case_library_is_open_to_everyone(page, live_server):
    cases = live_server.api.gql("{ cases(first: 100) { id title origin } }")["cases"]
    assert cases, "the demo publishes cases"
    page.goto("/cases")
    expect(page.get_by_role("heading", level=1)).to_have_text("혁신사례")
    expect(page.get_by_test_id("case-list").locator("> li")).to_have_count(len(cases))
    shot(page, "cases")
    check_a11y(page, context="cases")

    # A facet narrows the list to what the API returns for it.
    origin = cases[-1]["origin"]
    label = {"PROGRAMME": "서울 사회혁신 의제", "DOMESTIC": "국내 사례", "INTERNATIONAL": "해외 사례"}[origin]
    # click, then wait: the URL drives the box, and React Router applies navigations in a
    # transition, so check()/uncheck()'s immediate re-read can race it on a loaded machine.
    origin_box = page.get_by_role("group", name="출처").get_by_label(label)
    origin_box.click()
    expect(origin_box).to_be_checked()
    want = [c for c in cases if c["origin"] == origin]
    expect(page.get_by_test_id("case-list").locator("> li")).to_have_count(len(want))
    expect(page).to_have_url(re.compile(f"origin={origin}"))

    # Words go through the search engine.
    origin_box.click()
    expect(origin_box).not_to_be_checked()
    word = want[0]["title"].split()[0]
    page.get_by_role("searchbox", name="사례 검색").fill(word)
    page.get_by_role("searchbox", name="사례 검색").press("Enter")
    expect(page.get_by_test_id("case-list")).to_contain_text(want[0]["title"])

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Case library")
    check_a11y(page, context="cases-en")


def test_staff_pages_say_who_may_see_them(page, live_server):
    page.goto("/progress")
    expect(page.get_by_test_id("login-required")).to_contain_text("로그인해 주세요")
    page.get_by_test_id("login-required").get_by_role("link", name="로그인").click()
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fprogress"))
    login(page, CITIZEN)
    page.goto("/workshops")
    expect(page.get_by_test_id("forbidden")).to_be_visible()
    check_a11y(page, context="workshops-forbidden")


def test_a_lost_network_offers_a_retry_on_the_dashboard(page, live_server):
    login(page, FACILITATOR)
    page.route("**/graphql", lambda route: route.abort())
    page.goto("/progress")
    retry = page.get_by_role("button", name="다시 시도")
    expect(retry).to_be_visible()
    shot(page, "offline")
    page.unroute("**/graphql")
    retry.click()
    expect(page.get_by_test_id("status-by-field-chart")).to_be_visible()

    # The page's own data: another quarter asked for while offline says so, and retries.
    page.route("**/graphql", lambda route: route.abort())
    page.get_by_role("button", name="이전 분기").click()
    expect(retry).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("의제 추진현황")  # the page stays, with its selectors
    page.unroute("**/graphql")
    retry.click()
    expect(page.get_by_test_id("status-by-field-chart")).to_be_visible()


def test_an_officer_publishes_a_case_everyone_can_read(new_page, live_server):
    officer = new_page()
    login(officer, "officer@demo.civic-agenda.kr")
    officer.goto("/cases")
    officer.get_by_role("link", name="사례 공개하기").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text("혁신사례 공개")
    title = f"타이베이 공유우산 대여 {uuid.uuid4().hex[:4]}"
    form = officer.get_by_test_id("publish-case-form")
    form.get_by_label("해외 사례").check()
    form.get_by_label(re.compile("^사례 제목")).fill(title)
    form.get_by_label("요약").fill("지하철역마다 공유우산을 두고 교통카드로 빌리고 다른 역에 돌려주게 했다.")
    form.get_by_label("정책 분야").select_option("PARTICIPATION_PUBLIC_SERVICE")
    form.get_by_label("지역·장소").fill("대만 타이베이")
    check_a11y(officer, context="publish-case")
    form.get_by_role("button", name="사례 공개").click()
    expect(officer.get_by_role("status").filter(has_text="사례를 공개했습니다")).to_be_visible()
    expect(officer.get_by_test_id("case-list").locator("> li").first).to_contain_text(title)

    reader = new_page("en")
    reader.goto("/cases?origin=INTERNATIONAL")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Case library")
    expect(reader.get_by_test_id("case-list")).to_contain_text(title)
    expect(reader.get_by_role("link", name="Publish a case")).to_have_count(0)


def test_a_facilitator_schedules_a_workshop_and_records_an_item_with_an_action(page, live_server):
    agenda = live_server.api.gql('{ agendas(first: 1, filter: {statuses: [IN_PROGRESS]}) { edges { node { id title } } } }')["agendas"]["edges"][0]["node"]
    login(page, FACILITATOR)
    page.goto("/workshops?year=2026&quarter=4")
    form = page.get_by_test_id("create-workshop-form")
    title = f"2026 4분기 추가 점검 워크숍 {uuid.uuid4().hex[:4]}"
    form.get_by_label("워크숍 이름").fill(title)
    form.get_by_label("일시").fill("2026-12-15")
    form.get_by_label("장소").fill("서울시청 시민청")
    form.get_by_role("button", name="워크숍 만들기").click()
    page.get_by_role("status").filter(has_text="워크숍을 만들었습니다").get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_test_id("items")).to_contain_text("아직 기록된 안건이 없습니다")

    # A progress check about an agenda found by searching for it; it keeps a snapshot.
    page.locator("summary", has_text="안건 기록").click()
    item_form = page.get_by_test_id("add-item-form")
    item_form.get_by_label("안건 목적").select_option("PROGRESS_CHECK")
    item_form.get_by_role("searchbox", name="의제 검색어").fill(agenda["title"])
    item_form.get_by_role("button", name="의제 찾기").click()
    item_form.get_by_role("radio", name=re.compile(re.escape(agenda["title"]))).first.check()
    item_form.get_by_label("결정 사항").fill("다음 분기까지 시범 운영 결과를 정리한다")
    item_form.get_by_role("button", name="안건 기록").click()
    item = page.get_by_test_id("items").locator("[data-purpose=PROGRESS_CHECK] [data-item-id]").first
    expect(item).to_contain_text(agenda["title"])
    expect(item.get_by_test_id("snapshot")).to_be_visible()

    # An action item with an owner and a due date.
    item.locator("summary", has_text="액션 아이템 추가").click()
    action_form = item.get_by_test_id("add-action-form")
    action_form.get_by_label("할 일").fill("시범 운영 결과 보고서 작성")
    action_form.get_by_label("담당").fill("서울혁신기획관")
    action_form.get_by_label("기한").fill("2027-02-15")
    action_form.get_by_role("button", name="액션 아이템 추가").click()
    expect(item.get_by_test_id("action-items")).to_contain_text("시범 운영 결과 보고서 작성")
    shot(page, "recorded-item")
    check_a11y(page, context="workshop-recorded")
