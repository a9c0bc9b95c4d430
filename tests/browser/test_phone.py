"""On a phone (375×812), as most citizens arrive from a link in a messenger: the agenda page says
where the agenda stands — support, owner — before its long timeline; search opens its filters from a
button at the top, and its district map counts what the search counts; the triage inbox is cards,
not a squeezed table. Every page has its own title, and the HTML of a shared agenda link carries
the agenda's title for the messenger's preview. Accessible (axe) at this size."""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import expect

from demo.accounts import ADMIN_EMAIL
from tests.browser.helpers import check_a11y, login, shot

PHONE = {"width": 375, "height": 812}
HOUSING = "housing@demo.civic-agenda.kr"

AGENDAS = """{ agendas(filter: {statuses: [IN_PROGRESS, ACCEPTED]}, first: 50) { edges { node {
  id title visibility supportCount history { actor { displayName role } } } } } }"""


def box(locator):
    b = locator.bounding_box()
    assert b is not None, locator
    return b


def fits_the_screen(page) -> None:
    """Nothing runs off the side of the phone's screen."""
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width}px wide on a {PHONE['width']}px screen"


def test_an_agenda_on_a_phone_says_where_it_stands_before_its_history(page, live_server):
    api = live_server.api
    nodes = [e["node"] for e in api.gql(AGENDAS, as_user=ADMIN_EMAIL)["agendas"]["edges"] if e["node"]["visibility"] == "PUBLIC"]
    # One the Social Innovation Officer acted on: the officer's name already says the role.
    agenda = next((a for a in nodes if any(h["actor"] and h["actor"]["role"] == "OFFICER" for h in a["history"])), nodes[0])

    page.set_viewport_size(PHONE)
    page.goto(f"/agendas/{agenda['id']}")
    expect(page.get_by_role("heading", level=1)).to_have_text(agenda["title"])
    expect(page).to_have_title(re.compile("^" + re.escape(agenda["title"]) + " · "))
    side, support, owner = page.get_by_test_id("agenda-side"), page.locator("section[aria-labelledby=support-h]"), page.get_by_test_id("owner")
    timeline = page.locator("ol.timeline")
    expect(timeline).to_be_attached()
    # Status first (above the title), then the side panel — support and owner — then the timeline.
    assert box(page.locator("article .meta .badge").first)["y"] < box(support)["y"]
    assert box(support)["y"] < box(timeline)["y"], "support comes before the timeline"
    assert box(owner)["y"] < box(timeline)["y"], "the owner comes before the timeline"
    assert box(side)["y"] + box(side)["height"] <= box(timeline)["y"]
    # Korean counters and spacing: "0명이", "로그인하면" — no space inside either.
    expect(page.get_by_test_id("support-count")).to_have_text(re.compile(r"^[\d,]+명이 공감합니다"))
    expect(support).to_contain_text("로그인하면 공감하고")
    # The officer's role is said once, not "이혜진 (사회혁신담당관) (사회혁신담당관)".
    assert "(사회혁신담당관) (사회혁신담당관)" not in timeline.inner_text()
    fits_the_screen(page)
    shot(page, "agenda-phone")
    check_a11y(page, context="agenda-phone")

    # The link as a messenger reads it (no JavaScript): the agenda's own title and description.
    html = httpx.get(f"{live_server.url}/agendas/{agenda['id']}", timeout=10).text
    escaped = agenda["title"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    assert f'<meta property="og:title" content="{escaped}" />' in html
    assert re.search(r'<meta property="og:description" content="[^"]{10,}" />', html)
    assert html.count('property="og:title"') == 1
    # An agenda nobody may see gets the site's generic preview.
    generic = httpx.get(f"{live_server.url}/agendas/987654321", timeout=10).text
    assert '<meta property="og:title" content="서울 사회혁신 의제" />' in generic


def test_search_on_a_phone_opens_filters_from_the_top_and_its_map_counts_what_search_counts(page, live_server):
    api = live_server.api
    facets = api.gql('{ search(query: "") { estimatedTotal facets { district { value count } } } }')["search"]
    expected = {f["value"]: f["count"] for f in facets["facets"]["district"]}
    assert expected, "the demo's agendas have districts"

    page.set_viewport_size(PHONE)
    page.goto("/")
    expect(page).to_have_title(re.compile("^의제 찾기 · "))
    first_result = page.locator(".result-list > li").first
    expect(first_result).to_be_visible()
    button = page.get_by_test_id("filter-toggle")
    expect(button).to_be_visible()
    assert box(button)["y"] < box(first_result)["y"], "the filter button is above the results"
    facets_panel = page.locator("aside.facets")
    expect(facets_panel).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(facets_panel).to_be_visible()
    assert box(facets_panel)["y"] < box(first_result)["y"], "the filters open above the results"
    check_a11y(page, context="search-phone-filters")
    button.click()
    expect(facets_panel).to_be_hidden()

    # The district map, folded on a phone: every district's count is the search's district facet.
    page.get_by_test_id("map-panel").locator("summary").click()
    districts = page.locator("[data-testid=district-map] path[data-district]")
    expect(districts).to_have_count(25)
    drawn = {p.get_attribute("data-district"): int(p.get_attribute("data-count")) for p in districts.all()}
    assert {k: v for k, v in drawn.items() if v} == expected
    rows = page.locator("[data-testid=district-map-table] tbody tr")
    assert {r.get_attribute("data-district"): int(r.get_attribute("data-count")) for r in rows.all()} == drawn
    check_a11y(page, context="search-phone-map")
    shot(page, "search-phone-map")

    # Choosing a district by keyboard filters the search to it.
    code, count = max(expected.items(), key=lambda kv: kv[1])
    target = page.locator(f"[data-testid=district-map] path[data-district={code}]")
    expect(target).to_have_attribute("aria-label", re.compile(rf"의제 {count}건$"))
    target.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"district={code}"))
    expect(page.locator(f"[data-testid=district-map] path[data-district={code}]")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".meta p[aria-live=polite]")).to_contain_text(str(count))
    expect(button).to_have_text("필터 (1개 선택)")
    fits_the_screen(page)

    # On a wide screen the filters are always there, and the button is not.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(button).to_be_hidden()
    expect(facets_panel).to_be_visible()


def test_the_triage_inbox_on_a_phone_is_cards(page, live_server):
    page.set_viewport_size(PHONE)
    login(page, HOUSING)
    page.goto("/triage")
    expect(page).to_have_title(re.compile("^분류함 · "))
    cards = page.get_by_test_id("queue-cards").locator("> li")
    expect(cards.first).to_be_visible()
    expect(page.get_by_test_id("queue")).to_have_count(0)  # no table on a phone
    first = cards.first
    expect(first.get_by_role("link")).to_be_visible()
    expect(first.locator(".badge").first).to_be_visible()
    # The field tag reads as words: as wide as a word at least, never one character per line.
    tag = first.locator(".tag")
    size = box(tag)
    line = page.evaluate("el => parseFloat(getComputedStyle(el).lineHeight) || 20", tag.element_handle())
    assert size["width"] > 60 and size["height"] <= 3 * line + 4, size
    fits_the_screen(page)
    shot(page, "inbox-phone")
    check_a11y(page, context="inbox-phone")

    # The execution view: accepted agendas are being worked on, never "waiting long".
    page.get_by_test_id("view-execution").click()
    expect(page.get_by_test_id("queue-cards").or_(page.locator(".state"))).to_be_visible()
    expect(page.locator(".long-wait-badge")).to_have_count(0)
