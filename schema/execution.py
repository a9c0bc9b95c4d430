"""Plain leaf fields answered without graphql-core's per-field machinery.

A page of 100 agendas is ~1,300 fields, and most are leaves read straight off an attribute (``title``,
``status``, ``owner.kind``, ``proposer.displayName``): strawberry calls them *basic* fields (no
resolver, no permission, no extension) and resolves them with a plain ``getattr``. graphql-core still
builds a resolve-info object, checks the result for an awaitable and dispatches on the type for each
of them — about half of what executing a listing costs in Python (bench/README.md, issue 16).

Here such a field is read and coerced directly when that is all it takes: a value that is present,
not awaitable and coerces to a non-null output. Anything else — ``None`` (a null, or an error for a
non-null field), an exception, an awaitable, a field with arguments — goes the ordinary way, so
errors, nulls and their paths are exactly graphql-core's."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLField, GraphQLObjectType, Undefined, get_nullable_type, is_leaf_type
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

_BACKREF = GraphQLCoreConverter.DEFINITION_BACKREF
_CACHE = "_civic_plain_leaves"


def _plain_leaf(field_def: GraphQLField) -> tuple[Any, str, Any] | None:
    """(getter, attribute, leaf type) when ``field_def`` is a basic strawberry field of a leaf type."""
    field = (field_def.extensions or {}).get(_BACKREF)
    resolve = field_def.resolve
    if (field is None or field_def.args or resolve is None or not getattr(resolve, "_is_default", False)
            or getattr(resolve, "__name__", "") != "_get_basic_result" or not field.is_basic_field):
        return None
    leaf = get_nullable_type(field_def.type)
    if not is_leaf_type(leaf):
        return None
    return field.default_resolver, field.python_name, leaf


class PlainLeavesExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # graphql middleware wraps every resolver: with any, every field goes the ordinary way
        manager = self.middleware_manager
        self._direct = manager is None or not manager.middlewares
        # id(GraphQLField) -> what _plain_leaf says (None: the ordinary way), kept on the schema, whose
        # fields live as long as it does (an id is never reused while the schema holds its field)
        plain = self.schema.__dict__.get(_CACHE)
        if plain is None:
            plain = self.schema.__dict__[_CACHE] = {}
        self._plain = plain

    def execute_field(self, parent_type: GraphQLObjectType, source: Any, field_details_list: Any, path: Any,
                      position_context: Any) -> Any:
        node = field_details_list[0].node
        field_def = self.schema.get_field(parent_type, node.name.value)
        if self._direct and field_def is not None and not node.arguments:
            try:
                plain = self._plain[id(field_def)]
            except KeyError:
                plain = self._plain[id(field_def)] = _plain_leaf(field_def)
            if plain is not None:
                getter, name, leaf = plain
                try:
                    value = getter(source, name)
                    if value is not None and not self.is_awaitable(value):
                        coerced = leaf.coerce_output_value(value)
                        if coerced is not None and coerced is not Undefined:
                            return coerced
                except Exception:  # noqa: BLE001 — the ordinary way reports it, located
                    pass
        return super().execute_field(parent_type, source, field_details_list, path, position_context)
