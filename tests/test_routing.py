"""The routing rule (분담체계) and the demo catalogue, told as the stories they are for."""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter

import pytest

from demo.accounts import CITIZEN_EMAILS, DEMO_PASSWORD, DEMO_STAFF
from demo.agendas import DEMO_AGENDAS
from demo.departments import (
    DEPARTMENT_CODES,
    DEPARTMENT_NAMES_ZH,
    DEPARTMENTS,
    WORK_PLAN_ITEMS,
    WORK_PLAN_YEAR,
    work_plan_id,
    work_plan_profiles,
)
from server.agendas.reference import (
    BODY_MIN,
    CHANNEL_CODES,
    CHANNELS,
    DISTRICT_CODES,
    POLICY_FIELD_CODES,
    POLICY_FIELDS,
    SEOUL_DISTRICTS,
    STATUSES,
    TITLE_MAX,
    TITLE_MIN,
)
from server.agendas.routing import (
    AgendaText,
    DepartmentProfile,
    OwnerKind,
    Router,
    RoutingReason,
    WorkPlanProfile,
    find_terms,
    manual_decision,
    normalize,
    route,
)

# A small city of four departments, enough to tell each story on its own.
TRANSPORT = DepartmentProfile(
    "TRANSPORT", "도시교통실", "Urban Transportation Office",
    frozenset({"PARTICIPATION_PUBLIC_SERVICE", "HOUSING_SAFETY"}),
    ("저상버스", "마을버스", "버스정류장", "교통약자", "bus", "parking", "低地板公車", "公車"),
)
WELFARE = DepartmentProfile(
    "WELFARE", "복지정책실", "Welfare Policy Office", frozenset({"PARTICIPATION_PUBLIC_SERVICE"}),
    ("장애인", "독거노인", "고독사", "welfare", "獨居老人"),
)
HOUSING = DepartmentProfile(
    "HOUSING", "주택정책실", "Housing Policy Office", frozenset({"HOUSING_SAFETY"}),
    ("사회주택", "청년주택", "반지하", "social housing", "rent", "社會住宅"),
)
CULTURE = DepartmentProfile(
    "CULTURE", "문화본부", "Culture Headquarters", frozenset({"LIVING_CULTURE_SPACE"}),
    ("도서관", "버스킹", "축제", "library", "festival"),
)
INNOVATION = DepartmentProfile(
    "INNOVATION", "서울혁신기획관", "Seoul Innovation Planning Bureau", frozenset({"PARTICIPATION_PUBLIC_SERVICE"}),
    ("공유도시", "공구도서관", "마을카페"),
)
CITY = (TRANSPORT, WELFARE, HOUSING, CULTURE, INNOVATION)

BUS_PLAN_2026 = WorkPlanProfile(7, "TRANSPORT", "교통약자 저상버스 이용 편의 개선", ("휠체어", "경사판", "탑승 예약"), 2026)
LONELY_PLAN_2026 = WorkPlanProfile(8, "WELFARE", "1인가구 고독사 예방", ("고독사", "안부 확인", "1인가구"), 2026)
FLOOD_PLAN_2025 = WorkPlanProfile(3, "HOUSING", "반지하 침수 대책", ("반지하", "물막이판"), 2025)
PLANS = (BUS_PLAN_2026, LONELY_PLAN_2026, FLOOD_PLAN_2025)

PPS = "PARTICIPATION_PUBLIC_SERVICE"


def agenda(title: str, body: str = "", field: str = PPS, related: tuple[str, ...] = (), item: int | None = None) -> AgendaText:
    return AgendaText(title, body or "자세한 내용은 제안서 본문을 참고해 주세요.", field, related, item)


# --------------------------------------------------------------------------------------------------
# Stories
# --------------------------------------------------------------------------------------------------


def test_a_citizen_proposes_a_low_floor_bus_booking_app_and_transport_gets_it():
    decision = route(
        agenda(
            "휠체어 이용자를 위한 저상버스 탑승 예약 앱",
            "장애인 승객이 정류장에서 저상버스를 그냥 보내는 일이 많습니다. 미리 예약하면 교통약자의 이동이 편해집니다.",
        ),
        CITY, (),
    )
    assert decision.owner_kind is OwnerKind.DEPARTMENT
    assert decision.department_code == "TRANSPORT"
    assert decision.reason is RoutingReason.DIRECT_MATCH
    # Disabled passengers are mentioned in passing: that does not make it a welfare agenda too.
    assert decision.candidates == ("TRANSPORT",)
    assert decision.matched_terms == ("교통약자", "저상버스")
    assert "WELFARE" in decision.explanation  # … but the explanation says what was not counted
    assert decision.work_plan_item_id is None


@pytest.mark.parametrize(
    "text",
    ["저상버스를 늘려 주세요", "저상버스가 안 와요", "저상버스예약앱", "우리 동네 저상 버스", "低床-저상버스에서"],
)
def test_korean_nouns_match_with_particles_compounds_and_loose_spacing(text):
    assert find_terms(text, ["저상버스"]) == ("저상버스",)


def test_a_one_syllable_term_never_matches_because_it_is_everywhere():
    assert find_terms("버스를 타요", ["버", "s"]) == ()


def test_a_chinese_word_is_found_inside_a_sentence():
    decision = route(agenda("希望低地板公車可以預約上車", "坐輪椅的市民常常等不到可以上車的公車。"), CITY, ())
    assert decision.department_code == "TRANSPORT"
    # 公車 inside 低地板公車 is the same mention, counted once as the longer term.
    assert decision.matched_terms == ("低地板公車", "公車")  # 公車 also occurs on its own in the body
    assert find_terms("我們社區需要更多社會住宅。", ["社會住宅"]) == ("社會住宅",)


def test_english_matches_whole_words_and_simple_plurals():
    assert find_terms("More buses at night", ["bus"]) == ("bus",)
    assert find_terms("A Bus stop", ["bus"]) == ("bus",)
    assert find_terms("Small business owners", ["bus"]) == ()
    assert find_terms("a busy road", ["bus"]) == ()
    assert find_terms("Low floor buses for everyone", ["low-floor bus"]) == ("low-floor bus",)
    assert find_terms("three communities", ["community"]) == ("community",)
    assert find_terms("버스 bus를 타요", ["bus"]) == ("bus",)  # a Korean particle is not a letter
    business = route(agenda("Support small business owners", "Shops need cheaper loans to survive."), CITY, ())
    assert business.reason is RoutingReason.UNCLEAR_OWNERSHIP


def test_matching_ignores_width_and_case():
    assert normalize("ＢＵＳ") == normalize("bus") == "bus"
    assert normalize("  Low\u3000FLOOR\u200b  bus ") == "low floor bus"
    decomposed = unicodedata.normalize("NFD", "저상버스를")  # as typed on some systems (macOS)
    assert decomposed != "저상버스를" and find_terms(decomposed, ["저상버스"]) == ("저상버스",)
    assert find_terms("ｔｅｎａｎｔｓ", ["tenant"]) == ("tenant",)
    assert find_terms("ＮＩＧＨＴ ＢＵＳＥＳ please", ["Bus"]) == ("Bus",)
    decision = route(agenda("MORE ＢＵＳ STOPS near the market", "The stops are far apart."), CITY, ())
    assert decision.department_code == "TRANSPORT"
    assert decision.matched_terms == ("bus",)


def test_the_longest_term_decides_what_a_phrase_is_about():
    # 공구도서관 is a sharing-city tool library, not a culture library.
    decision = route(agenda("동네마다 공구도서관", "전동드릴을 집집마다 사지 말고 공구도서관에서 빌려 씁시다."), CITY, ())
    assert decision.department_code == "INNOVATION"
    assert decision.candidates == ("INNOVATION",)
    # … while 버스킹 (busking) is culture and never transport: 버스 is not a transport keyword.
    assert route(agenda("한강 버스킹 무대", "주말 공연을 위한 무대를 만들어 주세요."), CITY, ()).department_code == "CULTURE"


def test_a_policy_field_alone_does_not_make_a_department_a_candidate():
    decision = route(agenda("동네 일은 동네가 정하는 주민총회", field="HOUSING_SAFETY"), CITY, ())
    assert decision.owner_kind is OwnerKind.INNOVATION_OFFICER
    assert decision.reason is RoutingReason.UNCLEAR_OWNERSHIP
    assert decision.candidates == () and decision.matched_terms == ()
    assert decision.department_code is None


def test_the_work_plan_wins_over_keywords():
    # Welfare keywords dominate the text, but the agenda is reflected in TRANSPORT's 2026 work plan.
    decision = route(
        agenda(
            "장애인과 독거노인을 위한 탑승 예약",
            "휠체어 사용자가 경사판이 있는 차량을 미리 부를 수 있게 해 주세요. 장애인 복지의 기본입니다.",
        ),
        CITY, PLANS, year=2026,
    )
    assert decision.reason is RoutingReason.WORK_PLAN
    assert decision.department_code == "TRANSPORT"
    assert decision.work_plan_item_id == 7
    assert decision.matched_terms == ("경사판", "탑승 예약", "휠체어")
    assert "work-plan item #7" in decision.explanation


def test_one_shared_word_is_not_enough_to_be_in_a_work_plan():
    decision = route(agenda("휠체어 그네가 있는 놀이터", "모든 아이가 함께 노는 놀이터를 만들어 주세요."), CITY, PLANS, year=2026)
    assert decision.reason is not RoutingReason.WORK_PLAN


def test_an_agenda_that_names_a_work_plan_item_goes_to_its_department():
    decision = route(agenda("우리 동네 안부 모임", "이웃끼리 서로 살피는 모임을 만들고 싶어요.", item=8), CITY, PLANS, year=2026)
    assert decision.reason is RoutingReason.WORK_PLAN
    assert decision.department_code == "WELFARE"
    assert decision.work_plan_item_id == 8
    assert "names" in decision.explanation


def test_a_named_but_unknown_work_plan_item_is_ignored_and_explained():
    decision = route(agenda("저상버스 노선 확대", item=999), CITY, PLANS, year=2026)
    assert decision.reason is RoutingReason.DIRECT_MATCH
    assert decision.department_code == "TRANSPORT"
    assert "#999" in decision.explanation


def test_work_plans_of_several_departments_make_it_multi_department():
    plans = (
        WorkPlanProfile(1, "TRANSPORT", "교통약자 이동", ("휠체어", "경사판"), 2026),
        WorkPlanProfile(2, "CULTURE", "무장애 공연장", ("휠체어", "무장애 객석"), 2026),
    )
    decision = route(agenda("휠체어 경사판과 무장애 객석", "공연장 가는 길과 객석 모두 바꿔 주세요."), CITY, plans, year=2026)
    assert decision.owner_kind is OwnerKind.INNOVATION_OFFICER
    assert decision.reason is RoutingReason.MULTI_DEPARTMENT
    assert decision.candidates == ("CULTURE", "TRANSPORT")
    assert decision.work_plan_item_id is None


def test_an_agenda_about_several_departments_goes_to_the_officer():
    decision = route(
        agenda("반지하 가구를 위한 저상버스 노선", "반지하에 사는 주민이 많은 동네에 저상버스가 다니지 않습니다."),
        CITY, (),
    )
    assert decision.owner_kind is OwnerKind.INNOVATION_OFFICER
    assert decision.reason is RoutingReason.MULTI_DEPARTMENT
    assert decision.department_code is None
    assert decision.candidates == ("HOUSING", "TRANSPORT")  # sorted
    assert decision.matched_terms == ("반지하", "저상버스")
    assert "Social Innovation Officer" in decision.explanation


def test_an_agenda_nobody_owns_goes_to_the_officer_as_unclear():
    decision = route(agenda("대학·기업·종교단체 사회공헌 매칭", "도울 곳과 도울 사람을 이어 주세요."), CITY, PLANS, year=2026)
    assert decision.owner_kind is OwnerKind.INNOVATION_OFFICER
    assert decision.reason is RoutingReason.UNCLEAR_OWNERSHIP
    assert "unclear" in decision.explanation


def test_a_related_department_named_by_the_proposer_counts():
    alone = route(agenda("동네 일은 동네가 정하는 주민총회", related=(" housing ",)), CITY, ())
    assert (alone.reason, alone.department_code) == (RoutingReason.DIRECT_MATCH, "HOUSING")
    assert "named as related" in alone.explanation

    plus = route(agenda("저상버스 정류장 개선", related=("WELFARE",)), CITY, ())
    assert plus.reason is RoutingReason.MULTI_DEPARTMENT
    assert plus.candidates == ("TRANSPORT", "WELFARE")

    same = route(agenda("저상버스 정류장 개선", related=("TRANSPORT",)), CITY, ())
    assert (same.reason, same.department_code) == (RoutingReason.DIRECT_MATCH, "TRANSPORT")


def test_unknown_and_inactive_related_departments_are_ignored():
    closed = DepartmentProfile("HOUSING", "주택정책실", "Housing Policy Office", frozenset({"HOUSING_SAFETY"}), ("반지하",), active=False)
    city = (TRANSPORT, WELFARE, closed, CULTURE)
    decision = route(agenda("저상버스 정류장 개선", related=("NOPE", "HOUSING")), city, ())
    assert (decision.reason, decision.department_code) == (RoutingReason.DIRECT_MATCH, "TRANSPORT")
    assert decision.candidates == ("TRANSPORT",)
    assert "unknown related department NOPE" in decision.explanation
    assert "inactive related department HOUSING" in decision.explanation


def test_an_inactive_department_is_ignored_with_its_work_plan():
    closed = DepartmentProfile("WELFARE", "복지정책실", "Welfare Policy Office", frozenset({PPS}), ("고독사",), active=False)
    city = (TRANSPORT, closed, HOUSING, CULTURE)
    decision = route(agenda("1인가구 고독사 예방 안부 확인", item=8), city, PLANS, year=2026)
    assert decision.owner_kind is OwnerKind.INNOVATION_OFFICER
    assert decision.reason is RoutingReason.UNCLEAR_OWNERSHIP
    assert "WELFARE" not in decision.candidates


def test_an_old_year_work_plan_item_does_not_count():
    text = agenda("반지하 물막이판 설치", "여름마다 반지하가 침수됩니다.", field="HOUSING_SAFETY")
    this_year = route(text, CITY, PLANS, year=2026)
    assert this_year.reason is RoutingReason.DIRECT_MATCH  # HOUSING by keyword, not by the 2025 plan
    assert this_year.work_plan_item_id is None
    assert route(text, CITY, PLANS, year=2025).reason is RoutingReason.WORK_PLAN
    assert route(text, CITY, PLANS).reason is RoutingReason.WORK_PLAN  # no year: every item counts
    named_old = route(agenda("반지하 대책", item=3), CITY, PLANS, year=2026)
    assert named_old.reason is not RoutingReason.WORK_PLAN
    assert "#3" in named_old.explanation


def test_routing_is_deterministic_whatever_the_order_of_the_catalogue():
    text = agenda("반지하 가구를 위한 저상버스와 축제", "장애인과 독거노인도 함께하는 축제를 열어 주세요.", related=("INNOVATION",))
    expected = route(text, CITY, PLANS, year=2026)
    rng = random.Random(2012)
    for _ in range(20):
        depts, plans = list(CITY), list(PLANS)
        rng.shuffle(depts)
        rng.shuffle(plans)
        assert route(text, depts, plans, year=2026) == expected
    assert list(expected.candidates) == sorted(expected.candidates)
    assert list(expected.matched_terms) == sorted(expected.matched_terms, key=normalize)


def test_a_decision_explains_itself_in_one_sentence_and_serialises():
    decision = route(agenda("저상버스 정류장 개선"), CITY, PLANS, year=2026)
    assert decision.explanation.endswith(".") and decision.explanation.count(". ") == 0
    assert decision.explanation.startswith("Routed to TRANSPORT")
    data = json.loads(json.dumps(decision.as_dict()))
    assert data["owner_kind"] == "DEPARTMENT" and data["reason"] == "DIRECT_MATCH"
    assert data["candidates"] == ["TRANSPORT"]


def test_empty_text_is_unclear_not_an_error():
    decision = route(AgendaText("", "", ""), CITY, PLANS, year=2026)
    assert decision.reason is RoutingReason.UNCLEAR_OWNERSHIP


def test_staff_reroute_is_recorded_as_manual_with_its_reason():
    decision = manual_decision(OwnerKind.DEPARTMENT, "housing", "반지하 대책은 주택정책실 소관입니다")
    assert (decision.reason, decision.department_code) == (RoutingReason.MANUAL, "HOUSING")
    assert "주택정책실" in decision.explanation
    to_officer = manual_decision(OwnerKind.INNOVATION_OFFICER, None, "spans three departments")
    assert to_officer.department_code is None
    with pytest.raises(ValueError):
        manual_decision(OwnerKind.DEPARTMENT, "HOUSING", "  ")
    with pytest.raises(ValueError):
        manual_decision(OwnerKind.DEPARTMENT, None, "no department")


# --------------------------------------------------------------------------------------------------
# The demo catalogue
# --------------------------------------------------------------------------------------------------

SPEC_FIELDS = {
    "DISTRIBUTION": "고물가 극복, 착한 소비 확산을 위한 유통 혁신",
    "LIVING_CULTURE_SPACE": "시민이 공감하고 함께 나누는 생활문화와 공간 혁신",
    "JOBS": "베이비붐 세대 은퇴자, 어르신, 청년을 위한 일자리 혁신",
    "HOUSING_SAFETY": "주거문제 해소와 시민의 안전 혁신",
    "PARTICIPATION_PUBLIC_SERVICE": "기업, 대학, 시민, 종교단체가 함께 하는 사회참여와 공공서비스 혁신",
}
HANGUL = re.compile(r"[\uac00-\ud7a3]")
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def test_five_policy_fields_with_the_programmes_own_labels():
    assert {f.code: f.ko for f in POLICY_FIELDS} == SPEC_FIELDS
    assert all(f.en and f.zh and HAN.search(f.zh) for f in POLICY_FIELDS)


def test_five_channels_and_only_citizen_proposal_is_open_to_citizens():
    assert [c.code for c in CHANNELS] == [
        "CITIZEN_PROPOSAL", "CASE_ANALYSIS", "EXPERT_INTERVIEW", "DEPARTMENT_WORK", "WORKSHOP",
    ]
    assert [c.code for c in CHANNELS if not c.staff_only] == ["CITIZEN_PROPOSAL"]
    assert all(c.ko and c.en and c.zh for c in CHANNELS)


def test_twenty_five_unique_districts():
    districts = SEOUL_DISTRICTS
    assert len(districts) == 25
    for attr in ("code", "ko", "en", "zh"):
        assert len({getattr(d, attr) for d in districts}) == 25
    assert ("JONGNO", "종로구", "Jongno-gu", "鍾路區") == tuple(vars(districts[0]).values())
    assert all(d.ko.endswith("구") and d.en.endswith("-gu") and d.zh.endswith("區") for d in districts)
    assert all(re.fullmatch(r"[A-Z]+", d.code) for d in districts)


def test_at_least_fifteen_real_departments_with_specific_keywords():
    depts = DEPARTMENTS
    assert len(depts) >= 15
    assert len({d.code for d in depts}) == len(depts)
    for code in ("TRANSPORT", "WELFARE", "HOUSING", "ECONOMY", "CULTURE", "SAFETY", "CLIMATE_ENV",
                 "WOMEN_FAMILY", "INNOVATION", "REGENERATION", "COMMUNICATION", "HEALTH", "EDUCATION", "DIGITAL"):
        assert code in DEPARTMENT_CODES
    generic = {normalize(w) for w in ("시민", "서울", "지원", "문화", "교육", "안전", "city", "citizen", "seoul")}
    keyword_owners: Counter[str] = Counter()
    for d in depts:
        assert re.fullmatch(r"[A-Z][A-Z_]*[A-Z]", d.code) and len(d.code) <= 40
        assert HANGUL.search(d.name_ko) and LATIN.search(d.name_en)
        assert d.fields and d.fields <= set(POLICY_FIELD_CODES)
        assert 8 <= len(d.keywords) <= 25
        assert any(HANGUL.search(k) for k in d.keywords), d.code
        assert any(LATIN.search(k) and not HANGUL.search(k) for k in d.keywords), d.code
        assert any(HAN.search(k) for k in d.keywords), d.code
        assert not {normalize(k) for k in d.keywords} & generic, d.code
        assert d.code in DEPARTMENT_NAMES_ZH
        keyword_owners.update({normalize(k) for k in d.keywords})
    assert [k for k, n in keyword_owners.items() if n > 1] == []  # no keyword shared by two departments


def test_work_plan_items_for_2026_one_to_three_per_department():
    per_dept = Counter(w.department_code for w in WORK_PLAN_ITEMS)
    assert set(per_dept) == set(DEPARTMENT_CODES)
    assert all(1 <= n <= 3 for n in per_dept.values())
    assert all(w.year == 2026 and w.title and len(w.keywords) >= 2 for w in WORK_PLAN_ITEMS)
    assert len({(w.department_code, w.title) for w in WORK_PLAN_ITEMS}) == len(WORK_PLAN_ITEMS)
    profiles = work_plan_profiles(start_id=100)
    assert [p.id for p in profiles] == list(range(100, 100 + len(profiles)))


def test_at_least_forty_valid_demo_agendas_in_three_languages():
    agendas = DEMO_AGENDAS
    assert len(agendas) >= 40
    assert len({a.key for a in agendas}) == len(agendas)
    langs = Counter(a.lang for a in agendas)
    assert langs["ko"] > len(agendas) / 2 and 5 <= langs["en"] <= 8 and 3 <= langs["zh"] <= 6
    staff_emails = {s.email for s in DEMO_STAFF if s.role != "citizen"}
    for a in agendas:
        assert TITLE_MIN <= len(a.title) <= TITLE_MAX, a.key
        assert len(a.body) >= BODY_MIN, a.key
        assert 2 <= len(re.findall(r"[.!?。]", a.body)) <= 5, a.key  # 2–5 sentences
        assert a.field in POLICY_FIELD_CODES and a.channel in CHANNEL_CODES, a.key
        assert a.district is None or a.district in DISTRICT_CODES, a.key
        assert set(a.related_department_codes) <= set(DEPARTMENT_CODES), a.key
        script = {"ko": HANGUL, "en": LATIN, "zh": HAN}[a.lang]
        assert script.search(a.title) and script.search(a.body), a.key
        if a.channel == "CITIZEN_PROPOSAL":
            assert a.proposer in CITIZEN_EMAILS, a.key
        else:
            assert a.proposer in staff_emails, a.key
        if a.status in ("REJECTED", "NEEDS_INFO"):
            assert a.status_reason, a.key
        if a.work_plan:
            work_plan_id(*a.work_plan)  # resolves


def test_demo_agendas_cover_every_field_channel_status_and_district():
    agendas = DEMO_AGENDAS
    assert {a.field for a in agendas} == set(POLICY_FIELD_CODES)
    channels = Counter(a.channel for a in agendas)
    assert set(channels) == set(CHANNEL_CODES)
    assert channels["CITIZEN_PROPOSAL"] > len(agendas) / 2
    assert {"SUBMITTED", "IN_TRIAGE", "NEEDS_INFO", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "REJECTED"} <= {
        a.status for a in agendas
    }
    assert {a.district for a in agendas} - {None} == set(DISTRICT_CODES)
    assert 1 <= sum(a.district is None for a in agendas) <= 5
    assert any(a.work_plan for a in agendas) and any(a.related_department_codes for a in agendas)


def test_demo_accounts_one_per_department_and_one_per_role():
    accounts = DEMO_STAFF
    assert len({a.email for a in accounts}) == len(accounts)
    staff = {a.department_codes: a for a in accounts if a.role == "staff"}
    assert set(staff) == {(code,) for code in DEPARTMENT_CODES}
    assert staff[("TRANSPORT",)].email == "transport@demo.civic-agenda.kr"
    roles = Counter(a.role for a in accounts)
    assert roles["officer"] == roles["facilitator"] == roles["researcher"] == roles["admin"] == 1
    assert roles["citizen"] == 2
    assert all(HANGUL.search(a.display_name) for a in accounts)
    assert len(DEMO_PASSWORD) >= 10
    validation = pytest.importorskip("server.accounts.validation")
    for a in accounts:  # the shared demo password passes the real strength rules for every account
        validation.check_password_strength(DEMO_PASSWORD, email=a.email, display_name=a.display_name)


def _route_demo() -> dict[str, object]:
    router = Router(DEPARTMENTS, work_plan_profiles(), year=WORK_PLAN_YEAR)
    decisions = {}
    for a in DEMO_AGENDAS:
        item = work_plan_id(*a.work_plan) if a.work_plan else None
        decisions[a.key] = router.route(AgendaText(a.title, a.body, a.field, a.related_department_codes, item))
    return decisions


def test_routing_the_demo_agendas_gives_a_sensible_spread():
    decisions = _route_demo()
    to_officer = [k for k, d in decisions.items() if d.owner_kind is OwnerKind.INNOVATION_OFFICER]
    to_departments = Counter(d.department_code for d in decisions.values() if d.department_code)
    assert sum(to_departments.values()) >= 0.8 * len(decisions)
    assert len(to_officer) >= 3
    assert len(to_departments) >= 15  # the work is spread over the city, not piled on one office
    reasons = Counter(d.reason for d in decisions.values())
    assert {RoutingReason.WORK_PLAN, RoutingReason.DIRECT_MATCH, RoutingReason.MULTI_DEPARTMENT,
            RoutingReason.UNCLEAR_OWNERSHIP} <= set(reasons)
    assert route(AgendaText("x" * 5, "y" * 20, PPS), DEPARTMENTS, work_plan_profiles(), year=2026) == route(
        AgendaText("x" * 5, "y" * 20, PPS), list(reversed(DEPARTMENTS)), work_plan_profiles(), year=2026
    )


@pytest.mark.parametrize(
    ("key", "owner"),
    [
        ("low-floor-bus-booking", "TRANSPORT"),
        ("low-floor-bus-zh", "TRANSPORT"),
        ("night-bus-routes", "TRANSPORT"),
        ("shared-parking", "TRANSPORT"),
        ("energy-saving-apartment", "CLIMATE_ENV"),
        ("village-cafe", "INNOVATION"),
        ("sharing-city-tools", "INNOVATION"),
        ("co-parenting", "WOMEN_FAMILY"),
        ("migrant-centre", "GLOBAL"),
        ("new-residents-desk", "GLOBAL"),
        ("youth-labour-handbook", "LABOUR"),
        ("care-workers-rights", "LABOUR"),
        ("boomer-second-career", "JOBS"),
        ("silver-cafe", "JOBS"),
        ("youth-share-house", "HOUSING"),
        ("old-house-social-housing", "HOUSING"),
        ("affordable-shared-housing", "HOUSING"),
        ("semi-basement-flood", "SAFETY"),
        ("social-enterprise-procurement", "SOCIAL_ECONOMY"),
        ("fair-trade-canteens", "SOCIAL_ECONOMY"),
        ("lonely-death-prevention", "WELFARE"),
        ("riverside-busking", "CULTURE"),
        ("sign-language-call", "COMMUNICATION"),
        ("neighbourhood-assembly", None),
        ("social-contribution-matching", None),
        ("multilingual-bus-stops", None),
        ("festival-for-all", None),
    ],
)
def test_specific_demo_agendas_land_where_expected(key, owner):
    decision = _route_demo()[key]
    assert decision.department_code == owner, decision.explanation
    if owner is None:
        assert decision.owner_kind is OwnerKind.INNOVATION_OFFICER


def test_demo_agendas_that_reference_a_work_plan_item_are_routed_to_it():
    decisions = _route_demo()
    for a in DEMO_AGENDAS:
        if a.work_plan:
            d = decisions[a.key]
            assert (d.reason, d.department_code) == (RoutingReason.WORK_PLAN, a.work_plan[0])
            assert d.work_plan_item_id == work_plan_id(*a.work_plan)


def test_catalogue_codes_agree_with_the_domain_enums():
    enums = pytest.importorskip("server.agendas.enums")
    assert set(POLICY_FIELD_CODES) == {e.value for e in enums.PolicyField}
    assert set(CHANNEL_CODES) == {e.value for e in enums.Channel}
    assert set(STATUSES) == {e.value for e in enums.AgendaStatus}
