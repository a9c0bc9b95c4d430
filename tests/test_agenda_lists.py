"""Finding agendas: the public list, filters, pages, the triage inbox — and what each costs."""

from __future__ import annotations

import pytest

from server.accounts.models import User
from server.agendas import service
from server.agendas.models import Agenda
from server.agendas.policy import viewer_for
from server.settings import Settings
from server.agendas import counts as list_counts
from server.agendas import department_table
from tests.agenda_world import build_world
from tests.querycount import count_queries

LIST = """
query($first: Int, $after: String, $filter: AgendaFilterInput, $order: AgendaOrder) {
  agendas(first: $first, after: $after, filter: $filter, orderBy: $order) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id title status field district supportCount
      owner { kind department { code name } } proposer { displayName } } }
  }
}"""


@pytest.fixture
async def world(app, gql):
    return await build_world(gql)


async def seed(settings: Settings, email: str, n: int, **kw) -> list[Agenda]:
    viewer = await viewer_for(await User.get(email=email))
    fast = Settings(**{**settings.__dict__, "proposals_per_hour": 10_000})
    out = []
    for i in range(n):
        data = service.ProposalInput(
            title=kw.get("title", "저상버스 예약 {i}").format(i=i),
            body=kw.get("body", "휠체어 이용자가 저상버스를 미리 예약할 수 있도록 해 주세요. 번호 {i}").format(i=i),
            field=kw.get("field", "PARTICIPATION_PUBLIC_SERVICE"), district=kw.get("district"))
        out.append(await service.propose(viewer, data, fast))
    return out


async def test_anyone_can_page_through_public_agendas_newest_first(gql, world, settings):
    made = await seed(settings, "jiwoo@example.kr", 7)
    seen, after = [], None
    while True:
        page = (await gql(LIST, {"first": 3, "after": after}))["data"]["agendas"]
        assert page["totalCount"] == 7
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [str(a.id) for a in reversed(made)]
    node = page["edges"][0]["node"]
    assert node["owner"]["department"] == {"code": "TRANSPORT", "name": "도시교통실"}
    assert node["proposer"] == {"displayName": "김지우"}


async def test_filters_combine(gql, world, settings):
    await seed(settings, "jiwoo@example.kr", 2, district="JONGNO")
    await seed(settings, "jiwoo@example.kr", 3, title="청년주택 공공임대 제안 {i}", body="청년을 위한 공공임대 청년주택을 늘려 주세요. 번호 {i}",
               field="HOUSING_SAFETY", district="MAPO")
    async def total(f, token=None):
        return (await gql(LIST, {"filter": f}, token=token))["data"]["agendas"]["totalCount"]
    assert await total({"departmentCodes": ["HOUSING"]}) == 3
    assert await total({"fields": ["HOUSING_SAFETY"], "districts": ["mapo"]}) == 3
    assert await total({"districts": ["JONGNO"], "fields": ["HOUSING_SAFETY"]}) == 0
    assert await total({"statuses": ["IN_TRIAGE"], "ownerKind": "DEPARTMENT"}) == 5
    assert await total({"mine": True}, world.tokens["citizen"]) == 5
    assert await total({"mine": True}, world.tokens["citizen2"]) == 0
    mine_anonymous = await gql(LIST, {"filter": {"mine": True}})
    assert mine_anonymous["errors"][0]["extensions"]["code"] == "NOT_AUTHENTICATED"


async def test_most_supported_first_with_stable_pages(gql, world, settings):
    made = await seed(settings, "jiwoo@example.kr", 5)
    for agenda, count in zip(made, [2, 0, 5, 2, 1]):
        await Agenda.filter(id=agenda.id).update(support_count=count)
    ids, after = [], None
    for _ in range(5):
        page = (await gql(LIST, {"first": 2, "after": after, "order": "MOST_SUPPORTED"}))["data"]["agendas"]
        ids += [(e["node"]["supportCount"], e["node"]["id"]) for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert [c for c, _ in ids] == [5, 2, 2, 1, 0]
    assert len({i for _, i in ids}) == 5  # ties (two 2s) are neither skipped nor repeated across pages


async def test_page_size_and_cursors_are_checked(gql, world):
    too_big = await gql(LIST, {"first": 101})
    assert too_big["errors"][0]["extensions"]["code"] == "INVALID"
    bad_cursor = await gql(LIST, {"first": 5, "after": "garbage!!"})
    assert bad_cursor["errors"][0]["extensions"]["field"] == "after"
    negative = await gql(LIST, {"first": -1})
    assert negative["errors"][0]["extensions"]["code"] == "INVALID"


async def test_a_page_of_20_costs_the_same_queries_as_a_page_of_100(gql, world, settings):
    await seed(settings, "jiwoo@example.kr", 60)
    await seed(settings, "meiling@example.tw", 60, title="청년주택 공공임대 제안 {i}",
               body="청년을 위한 공공임대 청년주택을 늘려 주세요. 번호 {i}", field="HOUSING_SAFETY")
    counts = {}
    for first in (20, 100):
        list_counts.clear()  # both pages pay the count (a repeat is served from the cache: test_list_counts.py)
        department_table.clear()  # and read the departments (kept between requests otherwise)
        with count_queries() as q:
            page = (await gql(LIST, {"first": first}, token=world.tokens["citizen"]))["data"]["agendas"]
        assert len(page["edges"]) == first
        counts[first] = q.count
    assert counts[20] == counts[100], counts
    # token+user, viewer departments, page (its proposers joined), totalCount, departments
    assert counts[20] <= 5, counts
    print("queries per page", counts)


SHORT_LIST = """query { agendas(first: 10) { edges { node { id title } } } }"""

FACTS = """
fragment Facts on Agenda { body createdAt owner { kind department { code } } }
query {
  agendas(first: 10) { edges { node { id ...Facts ... on Agenda { proposer { displayName } } %s } } }
}"""
WIDE_LIST = FACTS % ""  # every field read column by column
WHOLE_LIST = FACTS % "routing { reason matchedTerms } relatedDepartments { code } viewerCanTriage"  # whole agendas

ONE = """query($id: ID!) { agenda(id: $id) { id body createdAt owner { kind department { code } }
  proposer { displayName } routing { reason matchedTerms } relatedDepartments { code } viewerCanTriage } }"""


async def test_a_page_reads_what_its_query_shows_and_every_field_still_answers(gql, world, settings):
    """A page of titles reads titles: not the bodies, the routing JSON, the proposers or the owner
    departments (schema/agendas/selection.py). A page that asks for everything — through a fragment,
    an inline fragment, fields only whole agendas answer — gets what the agenda's own page shows."""
    await seed(settings, "jiwoo@example.kr", 3)
    await seed(settings, "meiling@example.tw", 2, title="청년주택 공공임대 제안 {i}",
               body="청년을 위한 공공임대 청년주택을 늘려 주세요. 번호 {i}", field="HOUSING_SAFETY")
    with count_queries() as q:
        short = await gql(SHORT_LIST, token=world.tokens["transport"])
    assert [e["node"]["title"] for e in short["data"]["agendas"]["edges"]][:2] == ["청년주택 공공임대 제안 1",
                                                                                  "청년주택 공공임대 제안 0"]
    page = [s for s in q.statements if '"agendas"' in s and "SELECT" in s.upper() and "COUNT(" not in s.upper()]
    assert len(page) == 1 and '"title"' in page[0], q.statements
    assert not any(column in page[0] for column in ('"body"', '"routing_candidates"', '"routing_explanation_data"'))
    assert not [s for s in q.statements if 'FROM "departments"' in s and "IN (" in s], q.statements
    assert not [s for s in q.statements if 'FROM "users"' in s and "IN (" in s], q.statements

    with count_queries() as q:
        wide = await gql(WIDE_LIST, token=world.tokens["transport"])
    assert "errors" not in wide, wide
    page = [s for s in q.statements if '"agendas"' in s and "SELECT" in s.upper() and "COUNT(" not in s.upper()]
    assert '"body"' in page[0] and '"routing_candidates"' not in page[0], page
    whole = await gql(WHOLE_LIST, token=world.tokens["transport"])
    assert "errors" not in whole, whole
    nodes = [e["node"] for e in whole["data"]["agendas"]["edges"]]
    assert len(nodes) == 5
    for node, shown in zip(nodes, wide["data"]["agendas"]["edges"]):
        alone = (await gql(ONE, {"id": node["id"]}, token=world.tokens["transport"]))["data"]["agenda"]
        assert node == alone
        assert shown["node"] == {k: v for k, v in alone.items()
                                 if k not in ("routing", "relatedDepartments", "viewerCanTriage")}
    assert {n["owner"]["department"]["code"] for n in nodes} == {"TRANSPORT", "HOUSING"}
    assert {n["proposer"]["displayName"] for n in nodes} == {"김지우", "陳美玲"}


RENAME = """mutation($input: UpdateDepartmentInput!) { updateDepartment(input: $input) { errors { code } } }"""
OWNERS = """query { agendas(first: 10) { edges { node { title owner { department { code name } }
  proposer { displayName } } } } }"""


async def test_a_page_brings_its_proposers_and_reuses_the_departments_until_an_admin_edits_one(gql, world, settings):
    """Proposers come with the page's own statement (a join), departments from the table kept between
    requests (server/agendas/department_table.py): a second page reads neither again, and an admin's
    rename is on the very next page."""
    await seed(settings, "jiwoo@example.kr", 2)
    await seed(settings, "meiling@example.tw", 1, title="청년주택 공공임대 제안 {i}",
               body="청년을 위한 공공임대 청년주택을 늘려 주세요. 번호 {i}", field="HOUSING_SAFETY")
    with count_queries() as q:
        first = (await gql(OWNERS))["data"]["agendas"]["edges"]
    assert {(e["node"]["owner"]["department"]["code"], e["node"]["proposer"]["displayName"]) for e in first} == {
        ("TRANSPORT", "김지우"), ("HOUSING", "陳美玲")}
    assert not [s for s in q.statements if 'FROM "users"' in s], q.statements  # joined into the page
    page = [s for s in q.statements if 'FROM "agendas"' in s and "COUNT(" not in s.upper()]
    assert len(page) == 1 and '"display_name"' in page[0], q.statements
    with count_queries() as q:
        again = (await gql(OWNERS))["data"]["agendas"]["edges"]
    assert again == first
    assert not [s for s in q.statements if 'FROM "departments"' in s or 'FROM "users"' in s], q.statements

    renamed = await gql(RENAME, {"input": {"code": "TRANSPORT", "nameKo": "교통정책실 🚌"}}, token=world.tokens["admin"])
    assert renamed["data"]["updateDepartment"]["errors"] == []
    after = (await gql(OWNERS))["data"]["agendas"]["edges"]
    assert {e["node"]["owner"]["department"]["name"] for e in after
            if e["node"]["owner"]["department"]["code"] == "TRANSPORT"} == {"교통정책실 🚌"}


async def test_the_triage_inbox_holds_what_waits_oldest_first(gql, world, settings):
    made = await seed(settings, "jiwoo@example.kr", 3)
    queue = """query($c: String) { triageQueue(departmentCode: $c) { totalCount edges { node { id status } } } }"""
    inbox = (await gql(queue, {"c": "TRANSPORT"}, token=world.tokens["transport"]))["data"]["triageQueue"]
    assert inbox["totalCount"] == 3 and [e["node"]["id"] for e in inbox["edges"]] == [str(a.id) for a in made]
    assert (await gql(queue, {"c": "TRANSPORT"}, token=world.tokens["welfare"]))["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await gql(queue, {"c": "TRANSPORT"}, token=world.tokens["citizen"]))["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await gql(queue, {"c": "NOPE"}, token=world.tokens["admin"]))["errors"][0]["extensions"]["code"] == "UNKNOWN_DEPARTMENT"
    assert (await gql(queue, {"c": "TRANSPORT"}, token=world.tokens["admin"]))["data"]["triageQueue"]["totalCount"] == 3


async def test_reference_data_is_labelled_in_three_languages(gql, world):
    data = (await gql("{ policyFields { code ko en zh } districts { code ko } channels { code ko } }"))["data"]
    assert len(data["policyFields"]) == 5 and len(data["districts"]) == 25 and len(data["channels"]) == 5
    jobs = next(f for f in data["policyFields"] if f["code"] == "JOBS")
    assert jobs["ko"] == "베이비붐 세대 은퇴자, 어르신, 청년을 위한 일자리 혁신"


FOLLOWED = """
query($first: Int, $after: String) {
  myFollowedAgendas(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title viewerIsFollowing viewerHasSupported } }
  }
}"""
FOLLOW = "mutation($id: ID!, $on: Boolean!) { followAgenda(id: $id, following: $on) { errors { code } } }"
SUPPORT = "mutation($id: ID!) { supportAgenda(id: $id) { errors { code } } }"


async def test_a_citizen_sees_what_they_support_and_follow_and_can_stop(gql, world, settings):
    first, second, third = await seed(settings, "jiwoo@example.kr", 3)
    mei = world.tokens["citizen2"]
    assert (await gql(SUPPORT, {"id": str(first.id)}, token=mei))["data"]["supportAgenda"]["errors"] == []
    assert (await gql(FOLLOW, {"id": str(third.id), "on": True}, token=mei))["data"]["followAgenda"]["errors"] == []

    page = (await gql(FOLLOWED, {"first": 1}, token=mei))["data"]["myFollowedAgendas"]
    assert page["totalCount"] == 2
    assert [e["node"]["id"] for e in page["edges"]] == [str(third.id)]  # newest first
    rest = (await gql(FOLLOWED, {"first": 1, "after": page["pageInfo"]["endCursor"]}, token=mei))["data"]["myFollowedAgendas"]
    assert [e["node"] for e in rest["edges"]] == [
        {"id": str(first.id), "title": first.title, "viewerIsFollowing": True, "viewerHasSupported": True}]

    # Stopping the news keeps the support but drops the agenda from the list.
    await gql(FOLLOW, {"id": str(first.id), "on": False}, token=mei)
    after = (await gql(FOLLOWED, {}, token=mei))["data"]["myFollowedAgendas"]
    assert [e["node"]["id"] for e in after["edges"]] == [str(third.id)]

    # The proposer's own agendas are on their own list, even when they follow them.
    jiwoo = world.tokens["citizen"]
    await gql(FOLLOW, {"id": str(second.id), "on": True}, token=jiwoo)
    assert (await gql(FOLLOWED, {}, token=jiwoo))["data"]["myFollowedAgendas"]["totalCount"] == 0


async def test_followed_agendas_need_a_login_and_a_sane_page(gql, world):
    anonymous = await gql(FOLLOWED, {})
    assert anonymous["errors"][0]["extensions"]["code"] == "NOT_AUTHENTICATED"
    too_many = await gql(FOLLOWED, {"first": 10_000}, token=world.tokens["citizen2"])
    assert too_many["errors"][0]["extensions"]["code"] == "INVALID"
    forged = await gql(FOLLOWED, {"after": "bm90IGEgY3Vyc29y"}, token=world.tokens["citizen2"])
    assert forged["errors"][0]["extensions"]["code"] == "INVALID_CURSOR"


PEOPLE = """query { agendas(first: 10) { edges { node { id proposer { %s } } } } }"""
ONE_PROPOSER = """query($id: ID!) { agenda(id: $id) { proposer { id displayName role createdAt email } } }"""


async def test_a_page_reads_of_its_proposers_what_its_query_shows(gql, world, settings):
    """The proposers joined into a page's statement bring the columns the query shows of them (the name
    always), and every field answers as on the agenda's own page — e-mail included, for an admin."""
    await seed(settings, "jiwoo@example.kr", 2)
    await seed(settings, "meiling@example.tw", 1, title="청년주택 공공임대 제안 {i}",
               body="청년을 위한 공공임대 청년주택을 늘려 주세요. 번호 {i}", field="HOUSING_SAFETY")

    async def page(shown: str, token=None) -> tuple[list, str]:
        with count_queries() as q:
            answer = await gql(PEOPLE % shown, token=token)
        assert "errors" not in answer, answer
        statement = [s for s in q.statements if 'FROM "agendas"' in s and "COUNT(" not in s.upper()]
        assert len(statement) == 1 and not [s for s in q.statements if 'FROM "users"' in s and "IN (" in s]
        return [e["node"] for e in answer["data"]["agendas"]["edges"]], statement[0]

    names, statement = await page("displayName")
    assert sorted(n["proposer"]["displayName"] for n in names) == sorted(["김지우", "김지우", "陳美玲"])
    assert '"display_name"' in statement and '"role"' not in statement and '"created_at"' not in statement

    ids, statement = await page("id __typename")
    assert {n["proposer"]["__typename"] for n in ids} == {"User"} and '"role"' not in statement
    full, statement = await page("id displayName role createdAt")
    assert '"role"' in statement and '"created_at"' in statement
    for node, alone in zip(full, [n["proposer"] for n in ids]):
        assert node["proposer"]["id"] == alone["id"]
        one = (await gql(ONE_PROPOSER, {"id": node["id"]}, token=world.tokens["admin"]))["data"]["agenda"]["proposer"]
        assert node["proposer"] == {k: v for k, v in one.items() if k != "email"}
        assert node["proposer"]["role"] == "CITIZEN"

    # e-mail: null for staff, the address for an admin — read when asked, as on the agenda's own page
    mails = await gql(PEOPLE % "displayName email", token=world.tokens["transport"])
    assert {n["node"]["proposer"]["email"] for n in mails["data"]["agendas"]["edges"]} == {None}
    mails = await gql(PEOPLE % "displayName email", token=world.tokens["admin"])
    assert sorted(n["node"]["proposer"]["email"] for n in mails["data"]["agendas"]["edges"]) == [
        "jiwoo@example.kr", "jiwoo@example.kr", "meiling@example.tw"]


DEACTIVATE = """mutation($input: UpdateUserInput!) { updateUser(input: $input) { errors { code } } }"""


async def test_an_admin_sees_whether_proposers_accounts_are_active_read_for_the_page_at_once(gql, world, settings):
    """A page's proposers carry their names only: what admins alone see of them — e-mail, whether the
    account is active — is read when asked, for the whole page in one statement, and is the truth
    (a deactivated proposer is not shown as active)."""
    made = await seed(settings, "jiwoo@example.kr", 2)
    await seed(settings, "meiling@example.tw", 1, title="청년주택 공공임대 제안 {i}",
               body="청년을 위한 공공임대 청년주택을 늘려 주세요. 번호 {i}", field="HOUSING_SAFETY")
    off = await gql(DEACTIVATE, {"input": {"id": str(made[0].proposer_id), "isActive": False}},
                    token=world.tokens["admin"])
    assert off["data"]["updateUser"]["errors"] == []
    with count_queries() as q:
        page = await gql(PEOPLE % "displayName email emailVerified isActive", token=world.tokens["admin"])
    people = {n["node"]["proposer"]["email"]: n["node"]["proposer"] for n in page["data"]["agendas"]["edges"]}
    assert people["jiwoo@example.kr"]["isActive"] is False and people["meiling@example.tw"]["isActive"] is True
    assert len([s for s in q.statements if 'FROM "users"' in s and "IN (" in s]) == 1, q.statements
    one = await gql("""query($id: ID!) { agenda(id: $id) { proposer { isActive } } }""", {"id": str(made[0].id)},
                    token=world.tokens["admin"])
    assert one["data"]["agenda"]["proposer"] == {"isActive": False}
    # staff see none of it
    staff = await gql(PEOPLE % "displayName email isActive", token=world.tokens["transport"])
    assert {(n["node"]["proposer"]["email"], n["node"]["proposer"]["isActive"])
            for n in staff["data"]["agendas"]["edges"]} == {(None, None)}
