"""An admin browses the civic thesaurus in the language they think in: 輪椅, 轮椅, 휠체어 and wheelchair
find the same concept; each term says whether it shipped or an admin added it; the list pages and
refuses what would cost too much (real database: SQLite and PostgreSQL)."""

from __future__ import annotations

from tests.agenda_world import ROUTE, build_world, propose

BROWSE = """
query($q: String, $first: Int! = 20, $after: String) {
  thesaurusConcepts(query: $q, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id label builtIn group ko en zh terms { lang term builtIn } } }
  }
}"""

ADD = """
mutation($input: ThesaurusTermsInput!) {
  addThesaurusTerms(input: $input) { concept { id builtIn terms { lang term builtIn } } errors { field code message } }
}"""


def ids(data) -> list[str]:
    return [e["node"]["id"] for e in data["data"]["thesaurusConcepts"]["edges"]]


async def test_one_concept_answers_to_its_name_in_every_language_and_script(gql):
    world = await build_world(gql)
    admin = world.tokens["admin"]
    for query in ("輪椅", "轮椅", "휠체어", "wheelchair", "WHEELCHAIR", "ｗｈｅｅｌｃｈａｉｒ", "  Wheelchair  "):
        found = ids(await gql(BROWSE, {"q": query}, token=admin))
        assert found[:1] == ["wheelchair"], (query, found)
    assert "wheelchair" in ids(await gql(BROWSE, {"q": "wheel"}, token=admin))  # a prefix finds it too
    concept = (await gql(BROWSE, {"q": "휠체어"}, token=admin))["data"]["thesaurusConcepts"]["edges"][0]["node"]
    assert concept["builtIn"] is True and concept["label"].startswith("휠체어 · wheelchair")
    assert {t["lang"] for t in concept["terms"]} == {"ko", "en", "zh"} and all(t["builtIn"] for t in concept["terms"])
    assert ids(await gql(BROWSE, {"q": "없는말xyz"}, token=admin)) == []


async def test_added_terms_and_concepts_are_marked_as_the_citys_own(gql):
    world = await build_world(gql)
    admin = world.tokens["admin"]
    added = (await gql(ADD, {"input": {"concept": "flood", "en": ["inundation"], "zh": ["洪涝"]}},
                       token=admin))["data"]["addThesaurusTerms"]
    assert added["errors"] == []
    terms = {t["term"]: t["builtIn"] for t in added["concept"]["terms"]}
    assert terms["inundation"] is False and terms["洪澇"] is False and terms["침수"] is True  # zh kept Traditional

    for query in ("Inundation", "洪涝", "洪澇"):
        assert ids(await gql(BROWSE, {"q": query}, token=admin))[:1] == ["flood"], query

    new = (await gql(ADD, {"input": {"concept": "pothole", "ko": ["포트홀"], "en": ["pothole"]}},
                     token=admin))["data"]["addThesaurusTerms"]
    assert new["errors"] == [] and new["concept"]["builtIn"] is False
    [node] = [e["node"] for e in (await gql(BROWSE, {"q": "포트홀"}, token=admin))["data"]["thesaurusConcepts"]["edges"]]
    assert node["id"] == "pothole" and node["builtIn"] is False and node["ko"] == ["포트홀"]


async def test_the_list_pages_through_every_concept_without_repeats(gql):
    world = await build_world(gql)
    admin = world.tokens["admin"]
    seen: list[str] = []
    after = None
    total = None
    while True:
        data = (await gql(BROWSE, {"first": 50, "after": after}, token=admin))["data"]["thesaurusConcepts"]
        total = data["totalCount"]
        seen += [e["node"]["id"] for e in data["edges"]]
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
    assert total >= 200 and len(seen) == total == len(set(seen))
    assert seen == sorted(seen)  # an empty query: every concept, by name


async def test_only_admins_browse_and_oversized_requests_are_refused(gql):
    world = await build_world(gql)
    anonymous = await gql(BROWSE, {"q": "bus"})
    citizen = await gql(BROWSE, {"q": "bus"}, token=world.tokens["citizen"])
    staff = await gql(BROWSE, {"q": "bus"}, token=world.tokens["transport"])
    assert [r["errors"][0]["extensions"]["code"] for r in (anonymous, citizen, staff)] == \
        ["NOT_AUTHENTICATED", "FORBIDDEN", "FORBIDDEN"]
    assert all(r["data"] is None for r in (anonymous, citizen, staff))

    admin = world.tokens["admin"]
    long = await gql(BROWSE, {"q": "휠" * 61}, token=admin)
    assert long["errors"][0]["extensions"] == {"code": "TOO_LONG", "field": "query"}
    assert long["errors"][0]["message"] == "검색어는 60자까지 쓸 수 있습니다."
    many = await gql(BROWSE, {"first": 51}, token=admin, headers={"Accept-Language": "en"})
    assert many["errors"][0]["extensions"]["code"] == "INVALID"
    assert many["errors"][0]["message"] == "Ask for 0 to 50 concepts at a time."
    forged = await gql(BROWSE, {"after": "bm90LWEtY3Vyc29y"}, token=admin)
    assert forged["errors"][0]["extensions"]["code"] == "INVALID_CURSOR"
    assert len(ids(await gql(BROWSE, {"q": "휠" * 60}, token=admin))) == 0  # at the limit: answered


async def test_a_manual_reroute_explains_itself_with_the_department_name(gql):
    world = await build_world(gql)
    made = await propose(gql, world.tokens["citizen"], title="반지하 곰팡이 제거를 도와주세요",
                         body="장마 때마다 벽에 곰팡이가 피어 아이가 기침을 합니다.", field="HOUSING_SAFETY")
    moved = await gql(ROUTE, {"input": {"id": made["agenda"]["id"], "expectedVersion": made["agenda"]["version"],
                                        "ownerKind": "DEPARTMENT", "departmentCode": "HOUSING",
                                        "reason": "주거환경 개선 소관"}}, token=world.tokens["officer"])
    assert moved["data"]["routeAgenda"]["errors"] == []
    query = "query($id: ID!) { agenda(id: $id) { routing { explanation } } }"
    ko = (await gql(query, {"id": made["agenda"]["id"]}))["data"]["agenda"]["routing"]["explanation"]
    en = (await gql(query, {"id": made["agenda"]["id"]}, headers={"Accept-Language": "en"}))["data"]["agenda"]["routing"]["explanation"]
    assert ko == "주택정책실로 직접 재배정했습니다: 주거환경 개선 소관.", ko
    assert en == "Rerouted manually to Housing Policy Office: 주거환경 개선 소관.", en
