"""Search and duplicate hints across languages through the civic thesaurus (real Meilisearch, SQLite
and PostgreSQL): a word in one language finds the agendas written with its equivalents, and a twin
worded differently — or in another language — is hinted while a citizen types, without a hint list
full of unrelated agendas."""

from __future__ import annotations

import pytest

from server.accounts.models import User
from server.agendas import service
from server.agendas.policy import viewer_for
from server.settings import Settings
from tests.agenda_world import build_world

SEARCH = "query($q: String!) { search(query: $q, first: 20) { hits { agenda { title } } degraded } }"
SIMILAR = "query($t: String!, $b: String!) { similarAgendas(title: $t, body: $b) { title } }"

# (key, title, body, field) — pairs of twins share a key prefix before the dot.
AGENDAS = [
    ("lowfloor.ko", "휠체어 이용자를 위한 저상버스 탑승 예약 앱",
     "휠체어를 타는 장애인이 정류장에서 저상버스를 놓치지 않도록 앱으로 탑승을 예약하게 해 주세요.", "PARTICIPATION_PUBLIC_SERVICE"),
    ("lowfloor.zh", "輪椅族的低地板公車預約",
     "坐輪椅的人常常等不到有斜坡板的低地板公車，希望可以用手機事先預約上車。", "PARTICIPATION_PUBLIC_SERVICE"),
    ("lowfloor.en", "Let wheelchair users book a low-floor bus",
     "Wheelchair users often wait while full buses pass by; a booking app would let the driver prepare the ramp.",
     "PARTICIPATION_PUBLIC_SERVICE"),
    ("wheelchair-lift.ko", "지하철역 휠체어 리프트 고장 알림",
     "휠체어 리프트가 고장 나면 미리 알려 주는 서비스가 필요합니다. 환승역마다 돌아가야 해요.", "PARTICIPATION_PUBLIC_SERVICE"),
    ("flood.ko", "반지하 주택 침수 경보 문자",
     "집중호우 때 반지하 주택에 물이 차기 전에 주민에게 경보 문자를 보내 대피하게 해 주세요.", "HOUSING_SAFETY"),
    ("flood.en", "Flood alerts for basement flats",
     "When heavy rain starts, send a text alert to every semi-basement household so people can evacuate in time.",
     "HOUSING_SAFETY"),
    ("elevator.zh", "老舊公寓加裝電梯補助",
     "沒有電梯的老公寓讓長輩出不了門，希望市府補助加裝電梯的費用。", "HOUSING_SAFETY"),
    ("elevator.ko", "엘리베이터 없는 오래된 빌라에 승강기 설치 지원",
     "계단만 있는 낡은 빌라에 사는 어르신들이 외출을 못 하십니다. 승강기 설치 비용을 지원해 주세요.", "HOUSING_SAFETY"),
    ("library.ko", "동네 작은도서관 야간 개방",
     "퇴근 후에도 책을 빌릴 수 있도록 작은도서관을 밤 10시까지 열어 주세요.", "LIVING_CULTURE_SPACE"),
    ("cup.en", "Reusable cups instead of takeout cups",
     "Cafés in the neighbourhood could share a deposit cup you return anywhere, so fewer disposable cups end up in bins.",
     "LIVING_CULTURE_SPACE"),
    ("market.zh", "傳統市場共同配送",
     "菜市場的攤商年紀大了不會網購，希望有共同配送服務把各攤位的東西一起送到家。", "DISTRIBUTION"),
    ("rider.ko", "배달 라이더 쉼터를 만들어 주세요",
     "비 오는 날 배달 일을 하는 라이더들이 쉬면서 휴대폰을 충전할 곳이 없습니다.", "JOBS"),
]


@pytest.fixture
async def city(app, gql, settings):
    await build_world(gql)
    viewer = await viewer_for(await User.get(email="jiwoo@example.kr"))
    fast = Settings(**{**settings.__dict__, "proposals_per_hour": 10_000})
    by_key = {}
    for key, title, body, field in AGENDAS:
        by_key[key] = await service.propose(viewer, service.ProposalInput(title=title, body=body, field=field), fast)
    await app.state.indexer.drain_all()
    return {k: a.title for k, a in by_key.items()}


async def _titles(gql, q: str) -> list[str]:
    data = (await gql(SEARCH, {"q": q}))["data"]["search"]
    assert data["degraded"] is False
    return [h["agenda"]["title"] for h in data["hits"]]


@pytest.mark.parametrize("query, must_find", [
    ("wheelchair", ["lowfloor.ko", "lowfloor.zh", "lowfloor.en", "wheelchair-lift.ko"]),
    ("휠체어", ["lowfloor.zh", "lowfloor.en"]),
    ("輪椅", ["lowfloor.ko", "lowfloor.en", "wheelchair-lift.ko"]),
    ("轮椅", ["lowfloor.ko", "lowfloor.zh"]),                # typed in Simplified
    ("bus", ["lowfloor.ko", "lowfloor.zh", "lowfloor.en"]),
    ("flood", ["flood.ko", "flood.en"]),
    ("電梯", ["elevator.ko"]),                      # a word inside a Chinese compound finds the Korean one
    ("traditional market", ["market.zh"]),
])
@pytest.mark.postgres_first_row
async def test_a_word_finds_the_agendas_written_with_its_equivalents(gql, city, query, must_find):
    found = await _titles(gql, query)
    assert {city[k] for k in must_find} <= set(found), found


async def test_a_cross_language_query_does_not_bring_unrelated_agendas(gql, city):
    found = await _titles(gql, "wheelchair")
    unrelated = {city[k] for k in ("flood.ko", "library.ko", "cup.en", "market.zh", "rider.ko")}
    assert not unrelated & set(found), found


@pytest.mark.parametrize("title, body, twins", [
    # the same language, worded differently
    ("휠체어 사용자 저상버스 미리 예약하기", "", ["lowfloor.ko"]),
    ("승강기 없는 노후 빌라", "계단 때문에 어르신이 못 나가세요", ["elevator.ko"]),
    # across languages
    ("低地板公車 輪椅 預約", "", ["lowfloor.zh"]),
    ("basement flood warning", "text people before the water comes in", ["flood.en"]),
    ("반지하 침수", "", ["flood.ko"]),
    ("老舊公寓 電梯", "", ["elevator.zh"]),
])
@pytest.mark.postgres_first_row
async def test_similar_agendas_hint_the_twin_first(gql, city, title, body, twins):
    hints = [a["title"] for a in (await gql(SIMILAR, {"t": title, "b": body}))["data"]["similarAgendas"]]
    assert hints and hints[0] in {city[k] for k in twins}, hints


async def test_duplicate_hints_are_precise(gql, city):
    """Over probes in each language, most hints are the same idea (any language): a hint list full of
    unrelated agendas would be noise a citizen learns to ignore."""
    probes = {
        "lowfloor": [("휠체어 저상버스 예약", ""), ("wheelchair bus booking", ""), ("輪椅 公車 預約", "")],
        "flood": [("반지하 침수 경보", ""), ("flood alert basement", ""), ("半地下室 淹水 警報", "")],
        "elevator": [("노후 빌라 엘리베이터 설치", ""), ("elevator for old walk-up apartment", ""), ("老公寓 加裝電梯", "")],
    }
    relevant = returned = 0
    for idea, texts in probes.items():
        same_idea = {city[k] for k in city if k.startswith(idea + ".")}
        for title, body in texts:
            hints = [a["title"] for a in (await gql(SIMILAR, {"t": title, "b": body}))["data"]["similarAgendas"]]
            assert hints and hints[0] in same_idea, (title, hints)
            returned += len(hints)
            relevant += len(same_idea & set(hints))
    assert relevant / returned >= 0.75, (relevant, returned)
