"""The planned executor (schema/execution.py) answers exactly as graphql-core's: the same documents run
through a schema with it and one without it, on freshly built objects, give the same data, the same
errors at the same paths — across plain fields, prefetched values set and unset, nulls where they are
allowed and where they are not, failing reads, lists with holes, aliases, fragments and directives."""

from __future__ import annotations

import asyncio
from enum import Enum

import pytest
import strawberry

from schema.execution import PlannedExecutionContext, prefetched, put_prefetched


@strawberry.enum
class Tone(Enum):
    WARM = "warm"
    COLD = "cold"


@strawberry.type
class Department:
    code: str
    name: str | None
    size: int


@strawberry.type
class Person:
    display_name: str
    nickname: str | None

    @strawberry.field
    def broken(self) -> str:
        raise ValueError("no such thing")


@strawberry.type
class Owner:
    kind: Tone
    _department_id: strawberry.Private[int]
    calls: strawberry.Private[list]

    @strawberry.field(metadata=prefetched("_department"))
    def department(self) -> Department | None:
        self.calls.append("department")
        if self._department_id < 0:
            raise LookupError("department vanished")
        return Department(code=f"D{self._department_id}", name=None, size=self._department_id)


class Faulty:
    """A source whose attribute read fails."""

    @property
    def kind(self) -> str:
        raise RuntimeError("read failed")


@strawberry.type
class Node:
    id: strawberry.ID
    title: str
    tone: Tone
    note: str | None
    count: int
    tags: list[str]
    strict_tags: list[str]
    owner: Owner | None
    must_owner: Owner
    proposer: Person | None
    _calls: strawberry.Private[list]

    @strawberry.field(metadata=prefetched("_sponsor"))
    def sponsor(self) -> Person:
        self._calls.append("sponsor")
        return Person(display_name="resolved", nickname=None)

    @strawberry.field
    async def later(self) -> str:
        await asyncio.sleep(0)
        return f"later {self.id}"


@strawberry.type
class Edge:
    node: Node
    cursor: str


@strawberry.type
class Connection:
    edges: list[Edge]
    loose: list[Node | None]
    strict: list[Node]
    total: int | None


def world(case: str, calls: list, shared: bool = False) -> Connection:
    """Fresh objects for one execution: ``case`` picks the oddity. ``shared``: nodes 0, 2 and 3 show one
    owner object and one proposer object, as a page's rows share them (``Agenda.carry``)."""
    nodes = []
    common_owner = Owner(kind=Tone.COLD, _department_id=7, calls=calls)
    common_proposer = Person(display_name="함께 🙂", nickname="同")
    for i in range(4):
        owner = Owner(kind=Tone.WARM if i % 2 else Tone.COLD, _department_id=i, calls=calls)
        if shared and i != 1:
            owner = common_owner
        if case == "prefetched" and i != 2:  # one left for the resolver
            put_prefetched(owner, "_department", None if i == 3 else Department(code=f"P{i}", name="미리", size=i))
        if case == "vanished" and i == 1:
            owner = Owner(kind=Tone.WARM, _department_id=-1, calls=calls)
        node = Node(id=strawberry.ID(str(i)), title=f"의제 {i} 🌱", tone=Tone.WARM, note=None if i % 2 else "메모",
                    count=i, tags=["가", "b"], strict_tags=["x"], owner=owner if i != 1 or case != "no-owner" else None,
                    must_owner=owner, proposer=Person(display_name=f"시민 {i}", nickname=None), _calls=calls)
        if shared and i != 1:
            node.proposer = common_proposer
        if case == "prefetched" and i % 2 == 0:
            put_prefetched(node, "_sponsor", Person(display_name=f"prefetched {i}", nickname="别名"))
        if case == "bad-title" and i == 2:
            node.title = None  # a non-null field holding null
        if case == "bad-count" and i == 3:
            node.count = "many"  # does not coerce to Int
        if case == "big-count" and i == 2:
            node.count = 2**31  # an int, yet beyond GraphQL's 32-bit Int
        if case == "bool-count" and i == 1:
            node.count = True  # an int subclass: coerced to 1
        if case == "bad-read" and i == 0:
            node.owner = Faulty()  # reading its kind fails
        if case == "bad-must-owner" and i == 1:
            node.must_owner = None
        if case == "bad-tags" and i == 0:
            node.strict_tags = ["x", None]
        if case == "bad-tone" and i == 1:
            node.tone = "lukewarm"
        if case == "raw-tone" and i == 2:
            node.tone = "cold"  # the enum's value, not its member (a page's row holds the column's value)
        nodes.append(node)
    loose = [nodes[0], None, nodes[2]]
    strict = list(nodes)
    if case == "hole-in-strict":
        strict = [nodes[0], None]
    return Connection(edges=[Edge(node=n, cursor=f"c{n.id}") for n in nodes], loose=loose, strict=strict,
                      total=None if case == "no-total" else len(nodes))


def schemas():
    state: dict = {}

    @strawberry.type
    class Query:
        @strawberry.field
        def page(self) -> Connection:
            return world(state["case"], state["calls"], state.get("shared", False))

        @strawberry.field
        def must_page(self) -> Connection:
            return world(state["case"], state["calls"], state.get("shared", False))

    planned = strawberry.Schema(query=Query, execution_context_class=PlannedExecutionContext)
    ordinary = strawberry.Schema(query=Query)
    return state, planned, ordinary


NODE = """
  id title tone note count tags strictTags
  owner { kind department { code name size } }
  mustOwner { kind }
  proposer { displayName nickname }
  sponsor { displayName nickname }
  later
"""

DOCUMENTS = {
    "plain": "{ page { total edges { cursor node {" + NODE + "} } } }",
    "lists": "{ page { loose { id title } strict { id owner { kind } } } }",
    "aliases and fragments": """
        query { p: page { ...C edges { node { t: title ...N ... on Node { tone } } } } }
        fragment C on Connection { total edges { cursor } }
        fragment N on Node { id owner { department { code } } owner { kind department { name } } }""",
    "directives and typename": """
        query($yes: Boolean!) { page { __typename edges { __typename node { __typename title @skip(if: $yes)
          note @include(if: $yes) owner { __typename kind } } } } }""",
    "errors inside": "{ page { edges { node { title count tone strictTags owner { department { code } } "
                     "mustOwner { kind } proposer { broken } } } } }",
    "non-null up to a nullable root": "{ page { strict { id title } } mustPage { total edges { node { title } } } }",
}

# "prefetched" is apart (below): there the prefetched values differ from what the resolvers build, on purpose
CASES = ["plain", "no-owner", "vanished", "bad-title", "bad-count", "big-count", "bool-count", "bad-read", "bad-must-owner",
         "bad-tags", "bad-tone", "raw-tone", "hole-in-strict", "no-total"]


def _answer(schema, state, case: str, document: str) -> tuple[dict, list, list]:
    state["case"], state["calls"] = case, []
    result = asyncio.run(schema.execute(document, variable_values={"yes": True}))
    errors = sorted(((e.message, tuple(e.path or ()), tuple((loc.line, loc.column) for loc in e.locations or ()))
                     for e in result.errors or []), key=repr)
    return result.data, errors, sorted(state["calls"])


@pytest.mark.parametrize("shared", [False, True], ids=["own-objects", "shared-objects"])
@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_the_planned_executor_answers_exactly_as_graphql_core(name, case, shared):
    state, planned, ordinary = schemas()
    state["shared"] = shared
    expected = _answer(ordinary, state, case, DOCUMENTS[name])
    got = _answer(planned, state, case, DOCUMENTS[name])
    assert got == expected


def test_a_prefetched_value_is_the_answer_and_the_resolver_runs_only_where_none_was_set():
    state, planned, ordinary = schemas()
    document = "{ page { edges { node { id sponsor { displayName nickname } owner { department { code name } } } } } }"
    data, errors, calls = _answer(planned, state, "prefetched", document)
    assert errors == []
    nodes = [e["node"] for e in data["page"]["edges"]]
    assert [n["sponsor"] for n in nodes] == [
        {"displayName": "prefetched 0", "nickname": "别名"}, {"displayName": "resolved", "nickname": None},
        {"displayName": "prefetched 2", "nickname": "别名"}, {"displayName": "resolved", "nickname": None}]
    assert [n["owner"]["department"] for n in nodes] == [
        {"code": "P0", "name": "미리"}, {"code": "P1", "name": "미리"}, {"code": "D2", "name": None}, None]
    # the resolvers ran for what was not prefetched only (nodes 1 and 3's sponsor, node 2's department)
    assert calls == ["department", "sponsor", "sponsor"]
    # without the planned executor every resolver runs, and the unprefetched answers are the same
    data_o, errors_o, calls_o = _answer(ordinary, state, "prefetched", document)
    assert errors_o == [] and calls_o == ["department"] * 4 + ["sponsor"] * 4
    nodes_o = [e["node"] for e in data_o["page"]["edges"]]
    assert [n["sponsor"] for n in nodes_o][1::2] == [n["sponsor"] for n in nodes][1::2]
    assert nodes_o[2]["owner"] == nodes[2]["owner"]


def test_a_failure_is_reported_at_the_field_that_failed():
    state, planned, _ = schemas()
    data, errors, _ = _answer(planned, state, "bad-title", "{ page { edges { node { id title } } } }")
    # a null in a non-null title nulls the non-null node, the non-null edge, and the edges list up to page
    assert data == {"page": None} or data is None
    assert errors == [("Cannot return null for non-nullable field Node.title.", ("page", "edges", 2, "node", "title"),
                       ((1, 28),))]


def test_a_shared_object_is_completed_for_every_row_that_shows_it():
    state, planned, ordinary = schemas()
    state["shared"] = True
    # the shared owner's department has no prefetched value: its resolver runs once per row, as without the plan
    document = "{ page { edges { node { owner { kind department { code } } proposer { broken } } } } }"
    data, errors, calls = _answer(planned, state, "plain", document)
    assert calls == ["department"] * 4
    assert (data, errors, calls) == _answer(ordinary, state, "plain", document)
    # the failing field is reported at every row, the three that share the proposer included
    assert sorted(path[2] for _, path, _ in errors) == [0, 1, 2, 3]
