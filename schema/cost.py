"""What an operation may cost before it runs.

Depth, alias and token limits each bound one dimension of a document; none bounds their product. One
request made of ten operations of twenty aliases of ``agendas(first: 100)`` reaching into every
agenda's history stayed inside all three and kept the server busy for most of a minute. The cost is
therefore an estimate of how many fields the server would resolve: every selected field counts 1,
times how many times its parent can occur. A list multiplies everything beneath it by its size:

* a field with a ``first`` or ``limit`` argument has that many items (the variable's value, else the
  argument's default; never more than the page-size limit, which the resolver enforces anyway);
  when such a field returns a wrapper object (a connection, a search result), the size applies to
  the list directly inside it (``edges``, ``hits``);
* any other list (``history``, ``routing.candidates``) counts ``DEFAULT_LIST_SIZE`` items.

Introspection reads the schema in memory: ``__schema`` costs a flat ``SCHEMA_INTROSPECTION_COST``
(what reading the whole schema takes, measured), ``__type`` 1 per field it selects; GraphiQL's own
introspection always fits. A batch costs the sum of its operations.
The estimate is cheap (one walk of the document, each fragment costed once), so it runs before
anything executes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
)
from graphql.type import GraphQLNamedType, is_list_type

from server.i18n import label, localize, msg

DEFAULT_LIST_SIZE = 10
# A whole-schema introspection takes about 50 ms, as long as listing ~1,000 fields' worth of agendas.
SCHEMA_INTROSPECTION_COST = 1000
PAGE_ARGUMENTS = ("first", "limit")
COST_CODE = "QUERY_TOO_COSTLY"


class _Walk:
    """One operation's walk: resolves list sizes from its variables and memoises fragment costs, so a
    fragment spread many times (or a chain of fragments each spreading the next twice) is costed once."""

    def __init__(self, schema: GraphQLSchema, fragments: Mapping[str, FragmentDefinitionNode],
                 variables: Mapping[str, Any], defaults: Mapping[str, Any], max_page_size: int) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.defaults = defaults
        self.max_page_size = max_page_size
        self.fragment_costs: dict[tuple[str, str, int | None], int] = {}
        self.expanding: set[str] = set()  # a fragment cycle is a validation error; never loop on it

    def selection_set(self, node: SelectionSetNode | None, parent: GraphQLNamedType | None,
                      page: int | None, depth: int) -> int:
        """Cost of one occurrence of ``node`` on ``parent``; ``page`` is the size a paginated parent
        handed down to the lists directly inside it."""
        if node is None:
            return 0
        if depth > 64:  # far beyond the depth limit, which refuses the document anyway
            raise _TooDeep
        total = 0
        for selection in node.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent, page, depth)
            elif isinstance(selection, InlineFragmentNode):
                on = self._type(selection.type_condition.name.value) if selection.type_condition else parent
                total += self.selection_set(selection.selection_set, on, page, depth + 1)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value, page, depth)
        return total

    def fragment(self, name: str, page: int | None, depth: int) -> int:
        definition = self.fragments.get(name)
        if definition is None or name in self.expanding:
            return 0
        key = (name, definition.type_condition.name.value, page)
        if key not in self.fragment_costs:
            self.expanding.add(name)
            try:
                on = self._type(definition.type_condition.name.value)
                self.fragment_costs[key] = self.selection_set(definition.selection_set, on, page, depth + 1)
            finally:
                self.expanding.discard(name)
        return self.fragment_costs[key]

    def field(self, node: FieldNode, parent: GraphQLNamedType | None, page: int | None, depth: int) -> int:
        name = node.name.value
        if name == "__schema":
            return SCHEMA_INTROSPECTION_COST
        if name.startswith("__"):  # one type's description, or __typename
            return _count_fields(node.selection_set)
        definition = getattr(parent, "fields", {}).get(name) if parent is not None else None
        if definition is None:  # unknown field: validation reports it; count the field itself
            return 1
        field_type = definition.type.of_type if isinstance(definition.type, GraphQLNonNull) else definition.type
        requested = self._page_size(node, definition)
        if is_list_type(field_type):
            size = requested if requested is not None else page if page is not None else DEFAULT_LIST_SIZE
            return 1 + size * self.selection_set(node.selection_set, _named(field_type), None, depth + 1)
        return 1 + self.selection_set(node.selection_set, _named(field_type), requested, depth + 1)

    def _page_size(self, node: FieldNode, definition) -> int | None:
        for argument in PAGE_ARGUMENTS:
            if argument not in definition.args:
                continue
            given = next((a.value for a in node.arguments or () if a.name.value == argument), None)
            if isinstance(given, VariableNode):
                value = self.variables.get(given.name.value, self.defaults.get(given.name.value))
            elif isinstance(given, IntValueNode):
                value = int(given.value) if len(given.value) < 12 else self.max_page_size
            else:
                value = definition.args[argument].default_value
            if not isinstance(value, int) or isinstance(value, bool):
                return self.max_page_size  # absent or not a number: the most a page may hold
            return max(0, min(value, self.max_page_size))
        return None

    def _type(self, name: str) -> GraphQLNamedType | None:
        return self.schema.get_type(name)


class _TooDeep(Exception):
    pass


def _named(type_) -> GraphQLNamedType:
    while isinstance(type_, (GraphQLNonNull, GraphQLList)):
        type_ = type_.of_type
    return type_


def _count_fields(node: SelectionSetNode | None) -> int:
    """Introspection: one per selected field, iteratively (no multiplication, no recursion)."""
    count, stack = 1, [node] if node else []
    while stack:
        for selection in stack.pop().selections:
            count += isinstance(selection, FieldNode)
            if getattr(selection, "selection_set", None) is not None:
                stack.append(selection.selection_set)
    return count


def _operations(document: DocumentNode, operation_name: str | None) -> Iterator[OperationDefinitionNode]:
    """The operation that will run: the named one, else the only one. An ambiguous document (several
    operations, no name) fails validation; until then each of its operations is a candidate."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    return iter(operations)


def operation_cost(schema: GraphQLSchema, document: DocumentNode, *, variables: Mapping[str, Any] | None = None,
                   operation_name: str | None = None, max_page_size: int = 100) -> float:
    """The estimated cost of the operation ``operation_name`` selects in ``document`` (``inf`` when
    the document nests beyond any sensible depth)."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    worst = 0
    for operation in _operations(document, operation_name):
        defaults = {
            v.variable.name.value: int(v.default_value.value)
            for v in operation.variable_definitions or ()
            if isinstance(v.default_value, IntValueNode) and len(v.default_value.value) < 12
        }
        walk = _Walk(schema, fragments, variables if isinstance(variables, Mapping) else {}, defaults, max_page_size)
        root = {"query": schema.query_type, "mutation": schema.mutation_type,
                "subscription": schema.subscription_type}[operation.operation.value]
        try:
            worst = max(worst, walk.selection_set(operation.selection_set, root, None, 0))
        except (_TooDeep, RecursionError):
            return float("inf")
    return worst


def too_costly(cost: float, limit: int, *, batch: bool = False) -> GraphQLError:
    shown = "∞" if cost == float("inf") else f"{int(cost):,}"
    return GraphQLError(
        localize(msg("{what} costs {cost}, over the limit of {limit:,}, so it was not run: ask for smaller pages "
                     "(first), fewer fields, or split it.",
                     what=label("This batch" if batch else "This request"), cost=shown, limit=limit)),
        extensions={"code": COST_CODE, "cost": None if cost == float("inf") else int(cost), "limit": limit},
    )
