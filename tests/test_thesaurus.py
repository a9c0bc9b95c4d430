"""The civic thesaurus: one data file of concepts in Korean, English and Traditional Chinese, so that a
word in one language routes, finds and is found like its equivalents in the others."""

from __future__ import annotations

from demo.departments import DEPARTMENTS, WORK_PLAN_YEAR, work_plan_profiles
from server.agendas.routing import AgendaText, DepartmentProfile, OwnerKind, Precedent, Router, normalize
from server.thesaurus.fold import fold_chinese
from server.thesaurus.model import Concept, Thesaurus, shipped_concepts, shipped_thesaurus


def test_a_few_hundred_concepts_each_in_korean_english_and_traditional_chinese():
    concepts = shipped_concepts()
    assert len(concepts) >= 200
    assert len({c.id for c in concepts}) == len(concepts)
    for c in concepts:
        assert c.ko and c.en and c.zh, c.id
        assert all(fold_chinese(t) == t for t in c.zh), c.id  # written in Traditional
    # one word means one thing: no term in two concepts
    keys = [normalize(t) for c in concepts for t in c.terms]
    assert len(keys) == len(set(keys))


def test_a_term_finds_its_concept_whatever_the_script_case_or_width():
    t = shipped_thesaurus()
    wheelchair = t.concept_of("휠체어")
    assert wheelchair is not None and wheelchair.id == "wheelchair"
    for spelling in ("Wheelchair", "ＷＨＥＥＬＣＨＡＩＲ", "輪椅", "轮椅"):  # Simplified folds to Traditional
        assert t.concept_of(spelling) is wheelchair
    assert set(t.equivalents("저상버스")) >= {"저상버스", "low-floor bus", "低地板公車"}
    assert t.equivalents("아무개") == ("아무개",)


def test_synonyms_for_the_search_engine_are_generated_from_the_same_concepts():
    syn = shipped_thesaurus().synonyms()
    assert {"wheelchair", "輪椅"} <= set(syn["휠체어"])
    assert "휠체어" in syn["wheelchair"] and "휠체어" not in syn["휠체어"]
    assert "轮椅" in syn["wheelchair"] and "輪椅" in syn["轮椅"]  # Simplified queries too


def test_an_admin_addition_extends_a_concept_without_stealing_another_concepts_term():
    t = Thesaurus.of([Concept("wheelchair", ("휠체어",), ("wheelchair",), ("輪椅",)),
                      Concept("bus", ("버스",), ("bus",), ("公車",))])
    t.add(Concept("wheelchair", (), ("power chair", "bus"), ()))
    assert t.concept_of("power chair").id == "wheelchair"
    assert t.concept_of("bus").id == "bus"


def _demo(thesaurus):
    return Router(DEPARTMENTS, work_plan_profiles(), year=WORK_PLAN_YEAR, thesaurus=thesaurus)


def test_a_keyword_routes_like_its_equivalents_in_the_other_languages():
    # TRANSPORT's catalogue says 저상버스 and 公車; the proposal says neither, only the English and
    # the Simplified Chinese for its own problem.
    text = AgendaText(title="低地板公交车 预约", body="让轮椅使用者提前预约低地板公交车。",
                      field="PARTICIPATION_PUBLIC_SERVICE")
    without = _demo(None).route(text)
    assert without.owner_kind is OwnerKind.INNOVATION_OFFICER
    decision = _demo(shipped_thesaurus()).route(text)
    assert decision.department_code == "TRANSPORT"
    assert set(decision.matched_terms) == {"低地板公交車", "輪椅"}  # as the thesaurus spells them


def test_a_concept_counts_once_however_many_of_its_languages_appear():
    text = AgendaText(title="치매 dementia 失智", body="", field="JOBS")
    decision = _demo(shipped_thesaurus()).route(text)
    assert decision.department_code == "HEALTH"
    assert set(decision.matched_terms) == {"dementia", "失智", "치매"}


def _office(code, keywords=(), duty=""):
    return DepartmentProfile(code, f"{code} 부서", f"{code} office", frozenset({"HOUSING_SAFETY"}), tuple(keywords),
                             duty_statement=duty)


def test_a_duty_statement_is_evidence_read_through_the_thesaurus():
    housing = _office("HOUSING", ["공공임대"], duty="노후 공동주택의 승강기 설치 지원과 집수리.")
    transport = _office("TRANSPORT", ["저상버스"])
    router = Router([housing, transport], [], thesaurus=shipped_thesaurus())
    decision = router.route(AgendaText(title="老舊公寓加裝電梯", body="媽媽爬不了樓梯，希望補助加裝電梯。",
                                       field="HOUSING_SAFETY"))
    assert decision.department_code == "HOUSING"
    assert "duty statement covers" in decision.explanation and "加裝電梯" in decision.explanation
    # without the thesaurus a duty statement is prose nobody reads: no evidence, no candidate
    assert Router([housing, transport], []).route(
        AgendaText(title="老舊公寓加裝電梯", body="", field="HOUSING_SAFETY")).owner_kind is OwnerKind.INNOVATION_OFFICER


def test_a_longer_thesaurus_term_shadows_the_shorter_one_inside_it():
    # 福利社 is a canteen: it does not make a fair-trade proposal a welfare matter
    welfare = _office("WELFARE", ["福利"])
    social = _office("SOCIAL_ECONOMY", ["공정무역"])
    decision = Router([welfare, social], [], thesaurus=shipped_thesaurus()).route(
        AgendaText(title="市政府福利社賣公平貿易咖啡", body="", field="DISTRIBUTION"))
    assert decision.department_code == "SOCIAL_ECONOMY" and decision.candidates == ("SOCIAL_ECONOMY",)
    # and a duty statement naming 공유주차 does not claim 'sharing'
    transport = _office("TRANSPORT", duty="공유주차 확대")
    innovation = _office("INNOVATION", ["공구도서관"])
    decision = Router([transport, innovation], [], thesaurus=shipped_thesaurus()).route(
        AgendaText(title="동네에서 물건을 공유해요", body="", field="LIVING_CULTURE_SPACE"))
    assert decision.department_code == "INNOVATION"


def test_every_demo_office_has_a_duty_statement():
    assert all(len(d.duty_statement) > 40 for d in DEPARTMENTS)


def test_a_department_learns_from_what_it_accepted_and_from_reroutes():
    housing, transport = _office("HOUSING", ["공공임대"]), _office("TRANSPORT", ["저상버스"])
    text = AgendaText(title="누수와 곰팡이로 고생하는 집", body="", field="HOUSING_SAFETY")
    thesaurus = shipped_thesaurus()
    assert Router([housing, transport], [], thesaurus=thesaurus).route(text).owner_kind is OwnerKind.INNOVATION_OFFICER

    record = [Precedent(11, "반지하 곰팡이 제거 지원", "HOUSING", "ACCEPTED"),
              Precedent(12, "Mould in rented flats", "HOUSING", "REROUTED_TO"),
              Precedent(12, "Mould in rented flats", "TRANSPORT", "REROUTED_FROM")]
    decision = Router([housing, transport], [], thesaurus=thesaurus, precedents=record).route(text)
    assert decision.department_code == "HOUSING" and "곰팡이" in decision.matched_terms
    assert "like #11, #12, which it accepted" in decision.explanation
    # one agenda is an anecdote, not a track record
    assert Router([housing, transport], [], thesaurus=thesaurus, precedents=record[:1]).route(text).department_code is None
    # a correction counts against the department it was taken from
    wrong = record[:2] + [Precedent(13, "곰팡이 핀 벽지", "HOUSING", "REROUTED_FROM")]
    assert Router([housing, transport], [], thesaurus=thesaurus, precedents=wrong).route(text).department_code is None
