"""What a request may cost: an estimate of the fields it would resolve, lists multiplied through their
nesting, a batch summed, refused before anything runs — while the web app's own documents and
GraphiQL fit with room to spare."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import OperationDefinitionNode, get_introspection_query, parse

from schema.build import build_schema
from schema.cost import DEFAULT_LIST_SIZE, operation_cost
from server.accounts.models import User
from server.settings import Settings

LIMIT = Settings.__dataclass_fields__["max_query_cost"].default
FRONTEND = Path(__file__).resolve().parent.parent / "frontend" / "src"

# The request that kept the server busy for most of a minute (and /healthz waiting): every documented
# limit held, their product did not.
HEAVY = "agendas(first: 100) { edges { node { id history { actor { displayName } } proposer { displayName } routing { candidates { code } } } } }"
TWENTY_ALIASES = "{ " + " ".join(f"a{i}: {HEAVY}" for i in range(20)) + " }"
REGISTER = """mutation($i: RegisterInput!) { register(input: $i) { user { id } errors { code } } }"""


@pytest.fixture(scope="module")
def schema():
    return build_schema()._schema


def cost(schema, document: str, variables: dict | None = None, operation_name: str | None = None) -> float:
    return operation_cost(schema, parse(document), variables=variables, operation_name=operation_name)


# --------------------------------------------------------------------------- how cost is counted


def test_lists_multiply_what_they_hold_through_their_nesting(schema):
    # agendas 1 + edges 1 + 100 × (node 1 + id 1 + history (1 + 10 × (actor 1 + displayName 1))
    #   + proposer 2 + routing (1 + candidates (1 + 10 × code 1)))
    assert cost(schema, "{ " + HEAVY + " }") == 3_702
    assert cost(schema, TWENTY_ALIASES) == 20 * 3_702
    # first: 0 asks only for the total: nothing under edges is counted
    assert cost(schema, "{ agendas(first: 0) { totalCount edges { node { id title } } } }") == 3
    # the argument's own default (20) when first is not given
    assert cost(schema, "{ agendas { edges { node { id } } } }") == 1 + 1 + 20 * 2
    # an unbounded list counts DEFAULT_LIST_SIZE items
    assert cost(schema, '{ agenda(id: "1") { history { kind } } }') == 1 + 1 + DEFAULT_LIST_SIZE


def test_page_sizes_come_from_variables_and_are_capped_at_the_largest_page(schema):
    page = "query($n: Int!) { agendas(first: $n) { edges { node { id } } } }"
    assert cost(schema, page, {"n": 5}) == 2 + 5 * 2
    assert cost(schema, page, {"n": 100}) == 2 + 100 * 2
    # a page beyond 100 is refused by the resolver (INVALID on first); it costs what the largest page does
    assert cost(schema, page, {"n": 10**9}) == cost(schema, page, {"n": 100})
    # a missing or nonsense variable counts as the largest page; a variable's default counts when unsent
    assert cost(schema, page, {}) == cost(schema, page, {"n": "many"}) == cost(schema, page, {"n": 100})
    assert cost(schema, "query($n: Int! = 3) { agendas(first: $n) { edges { node { id } } } }") == 2 + 3 * 2
    # search: first sizes the hits, not the facets
    assert cost(schema, '{ search(query: "버스", first: 10) { hits { agenda { id } } } }') == 1 + 1 + 10 * 2


def test_fragments_count_where_they_are_spread_and_only_the_chosen_operation_counts(schema):
    document = """
      fragment Row on Agenda { id title proposer { displayName } }
      query Small { agenda(id: "1") { ...Row } }
      query Big { agendas(first: 50) { edges { node { ...Row ... on Agenda { status } } } } }
    """
    assert cost(schema, document, operation_name="Small") == 1 + 4
    assert cost(schema, document, operation_name="Big") == 2 + 50 * (1 + 4 + 1)


def test_a_fragment_bomb_is_costed_in_one_pass(schema):
    """Each fragment spreads the next twice: 2^40 fields written in 40 lines. Counted once per fragment,
    the estimate is immediate (and enormous) instead of walking a trillion spreads."""
    fragments = "\n".join(f"fragment F{i} on Agenda {{ a: proposer {{ ...F{i + 1} }} b: proposer {{ ...F{i + 1} }} }}"
                          for i in range(40))
    document = '{ agenda(id: "1") { ...F0 } }\n' + fragments + "\nfragment F40 on Agenda { id }"
    assert cost(schema, document) > 2**40


def test_the_web_app_documents_fit_with_room_to_spare(schema):
    """Every operation the web app sends, even with every page at its largest (100), leaves at least a
    quarter of the limit unused."""
    texts = [m.group(1) for path in FRONTEND.rglob("*.ts*") if "gql" not in path.parts
             for m in re.finditer(r"graphql\(\s*`([^`]*)`", path.read_text(encoding="utf-8"))]
    fragments = [t for t in texts if t.lstrip().startswith("fragment")]
    measured = {}
    for text in texts:
        document = parse("\n".join([text, *(f for f in fragments if f != text)]))
        for op in document.definitions:
            if isinstance(op, OperationDefinitionNode):
                measured[op.name.value] = operation_cost(schema, document, operation_name=op.name.value)
    assert len(measured) > 30 and {"TriageQueue", "SearchAgendas", "AgendaDetail"} <= set(measured)
    heaviest = max(measured, key=measured.get)
    # Every list at its largest page (100): the inbox with due dates, overdue marks and official answers
    # costs ~3,500; a quarter of the limit stays free for what the app adds next.
    assert measured[heaviest] <= LIMIT * 3 / 4, (heaviest, measured[heaviest])


# --------------------------------------------------------------------------- over HTTP


async def test_the_reported_batch_is_refused_before_any_of_it_runs(client):
    """Ten operations of twenty aliases each, led by a registration: refused as a whole, with the
    batch's cost and the limit, and the registration never happened."""
    register = {"query": REGISTER, "variables": {"i": {"email": "batch@example.kr", "password": "광화문-광장-2026!",
                                                        "displayName": "일괄 요청"}}}
    r = await client.post("/graphql", json=[register, *[{"query": TWENTY_ALIASES}] * 9])
    assert r.status_code == 200
    results = r.json()
    assert len(results) == 10
    for result in results:
        assert result["data"] is None
        (error,) = result["errors"]
        # the registration costs 14: register, user { id }, and up to ten errors { code }
        assert error["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": 9 * 20 * 3_702 + 14, "limit": LIMIT}
        assert "666,374" in error["message"] and "5,000" in error["message"]
        assert "비용" in error["message"]  # in the caller's language: Korean by default
    assert not await User.filter(email="batch@example.kr").exists()


async def test_one_costly_operation_is_refused_with_its_cost(gql):
    result = await gql(TWENTY_ALIASES)
    assert result["data"] is None
    (error,) = result["errors"]
    assert error["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": 74_040, "limit": LIMIT}
    # one page of a hundred with their history is an ordinary request, and answers
    assert (await gql("{ " + HEAVY + " }")) == {"data": {"agendas": {"edges": []}}}


async def test_small_batches_and_graphiql_introspection_still_answer(client):
    one = {"query": "{ policyFields { code } }"}
    r = await client.post("/graphql", json=[one] * 10)
    assert r.status_code == 200 and all(len(x["data"]["policyFields"]) == 5 for x in r.json())
    r = await client.post("/graphql", json={"query": get_introspection_query(descriptions=True)})
    assert r.status_code == 200 and "errors" not in r.json() and r.json()["data"]["__schema"]["types"]
