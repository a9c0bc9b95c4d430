"""Routing that learns, taught from the browser: staff twice moved agendas about cooling centres (a
concept no department's keywords name) to the safety office; the admin teaches the thesaurus a new
English word for that concept on the thesaurus page — after being told, in Korean, that a word
already belonging to another concept is refused — then accepts the keyword suggestion those
corrections produced on the admin screen, and the next citizen who writes that new word is routed
to the safety office, the agenda page explaining why by the office's name and the word, in Korean
and in English. Accessible (axe) on each new screen.

The concept is chosen because no demo department's keywords or duty statement name it (the flood
concept would not do: the safety office's keywords already hold it, so no suggestion can arise)."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

from demo.accounts import ADMIN_EMAIL, CITIZEN_EMAILS
from tests.browser.helpers import check_a11y, login, shot

PROPOSE = """mutation($input: ProposeAgendaInput!) {
  proposeAgenda(input: $input) { agenda { id version owner { kind department { code } } } errors { code message } }
}"""
ROUTE = """mutation($input: RouteAgendaInput!) {
  routeAgenda(input: $input) { agenda { id owner { department { code } } } errors { code message } }
}"""


def propose(api, title: str, body: str) -> dict:
    made = api.gql(PROPOSE, {"input": {"title": title, "body": body, "field": "HOUSING_SAFETY"}},
                   as_user=CITIZEN_EMAILS[0])["proposeAgenda"]
    assert not made["errors"], made
    return made["agenda"]


def test_an_admin_teaches_routing_a_word_and_accepts_what_corrections_suggest(new_page, live_server):
    api = live_server.api
    tag = uuid.uuid4().hex[:6]
    # Two agendas about cooling centres, moved by staff to the safety office.
    moved = []
    for title, body in [
        (f"동네 냉방 쉼터를 밤에도 열어 주세요 {tag}", "한여름 밤에도 더워서 잠을 못 자는 어르신이 많습니다. 가까운 쉼터를 밤에도 열어 주세요."),
        (f"希望社區避暑中心晚上也開放 {tag}", "夏天晚上家裡太熱，長輩睡不著，希望附近的中心晚上也能開放。"),
    ]:
        agenda = propose(api, title, body)
        if (agenda["owner"]["department"] or {}).get("code") != "SAFETY":
            done = api.gql(ROUTE, {"input": {"id": agenda["id"], "expectedVersion": agenda["version"],
                                             "ownerKind": "DEPARTMENT", "departmentCode": "SAFETY",
                                             "reason": "무더위 쉼터 운영은 안전총괄실 소관입니다."}}, as_user=ADMIN_EMAIL)["routeAgenda"]
            assert not done["errors"], done
        moved.append(agenda["id"])

    admin = new_page()
    login(admin, ADMIN_EMAIL)
    admin.get_by_test_id("nav-admin").click()  # the admin's menu, then the admin area's own
    admin.get_by_test_id("admin-nav").get_by_role("link", name="용어사전", exact=True).click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("시민 용어사전")

    # Simplified Chinese finds the Traditional concept; so does its Korean name.
    search = admin.get_by_role("searchbox", name="개념 찾기")
    search.fill("轮椅")
    expect(admin.locator("tr[data-concept]").first).to_have_attribute("data-concept", "wheelchair")
    search.fill("냉방 쉼터")
    row = admin.locator("tr[data-concept=cooling-shelter]")
    expect(row).to_contain_text("避暑中心")
    check_a11y(admin, context="thesaurus")

    row.get_by_role("button", name=re.compile("^용어 추가")).click()
    form = admin.get_by_test_id("add-terms")
    expect(form.get_by_label("개념 이름")).to_have_value("cooling-shelter")
    form.get_by_role("button", name="용어 추가").click()  # nothing written: refused before sending
    expect(form.get_by_text("용어를 하나 이상 적어 주세요").first).to_be_visible()
    english = form.get_by_label("영어 용어")
    english.fill("flood")  # one word, one meaning: flood belongs to another concept
    form.get_by_role("button", name="용어 추가").click()
    expect(form.get_by_text(re.compile("「flood」는 이미 「침수 · flood · 淹水」 개념에 속합니다")).first).to_be_visible()
    expect(english).to_have_attribute("aria-invalid", "true")
    shot(admin, "refused")
    check_a11y(admin, context="thesaurus-refused")

    english.fill("heat refuge")
    form.get_by_role("button", name="용어 추가").click()
    expect(admin.get_by_test_id("thesaurus-status")).to_contain_text("「cooling-shelter」 개념에 용어를 추가했습니다: heat refuge")
    added = admin.locator("tr[data-concept=cooling-shelter] li[data-added]")
    expect(added).to_have_count(1)
    expect(added).to_contain_text("heat refuge")
    expect(added).to_contain_text("추가")
    shot(admin, "added")

    # The corrections suggest the concept to the safety office; one click adds it, and it is gone.
    admin.goto("/admin")
    safety = admin.locator("tbody[data-code=SAFETY]")
    safety.get_by_role("button", name=re.compile("^수정")).click()
    suggestions = admin.get_by_test_id("suggestions-SAFETY")
    suggestion = suggestions.locator("li[data-term='시원한 쉼터']")
    expect(suggestion).to_contain_text("재배정된 의제 2건에서 나옴")
    for agenda_id in moved:
        expect(suggestion.get_by_role("link", name=f"#{agenda_id}", exact=True)).to_be_visible()
    expect(safety.get_by_label("사무분장")).not_to_have_value("")
    check_a11y(admin, context="admin-suggestions")
    suggestion.get_by_role("button", name=re.compile("^키워드에 추가")).click()
    expect(admin.get_by_test_id("admin-status")).to_contain_text("「시원한 쉼터」을(를) 안전총괄실의 업무 키워드에 추가했습니다.")
    expect(suggestions.locator("li[data-term='시원한 쉼터']")).to_have_count(0)
    expect(safety.get_by_label("업무 키워드")).to_have_value(re.compile("시원한 쉼터"))
    shot(admin, "accepted")

    # A citizen writes the new word; routing sends the agenda to the safety office and says why.
    agenda = propose(api, f"Open a heat refuge in our neighbourhood {tag}",
                     "Somewhere cool with chairs where neighbours can sit through the hottest afternoons.")
    assert agenda["owner"] == {"kind": "DEPARTMENT", "department": {"code": "SAFETY"}}, agenda

    reader = new_page()
    reader.goto(f"/agendas/{agenda['id']}")
    expect(reader.get_by_test_id("owner")).to_contain_text("안전총괄실")
    explanation = reader.get_by_test_id("routing-explanation")
    expect(explanation).to_contain_text("안전총괄실에 배정했습니다.")
    expect(explanation).to_contain_text("heat refuge")
    expect(explanation).not_to_contain_text("SAFETY")
    shot(reader, "explained-ko")
    reader.get_by_role("button", name="English").click()
    expect(explanation).to_contain_text("Routed to Safety Management Office because")
    expect(explanation).to_contain_text("heat refuge")
    check_a11y(reader, context="agenda-explained")
    shot(reader, "explained-en")
