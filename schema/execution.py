"""Selection sets executed from a plan: plain fields answered without graphql-core's per-field machinery.

A page of 100 agendas is ~1,300 fields. Most are *basic* strawberry fields (no resolver, no
permission, no extension: ``title``, ``status``, ``edges``, ``node``), read with a plain ``getattr``;
graphql-core still builds a path, a resolve-info object and an awaitable check for each, and calls
the type's coercion through three method layers. The few that need a resolver on a listing
(``owner``, ``proposer``, ``owner.department``) cost most per call: strawberry builds an ``Info``,
converts the (absent) arguments and runs the extension chain — ~25 µs a field, 300 a page.

So each selection set is planned once per request (the same plan serves every row of a list):

* a **basic field of a leaf type** is read and coerced directly;
* a **basic field of an object or list type** is read directly and its selection set run from its
  own plan, item by item for a list (a list of leaves is completed by graphql-core);
* a **prefetched field** (``prefetched(attribute)`` in the field's metadata) is a resolver whose
  answer the list resolver already put on the object: when that attribute is set, it is the field's
  value and the resolver is not called; when it is not, the resolver runs as usual;
* ``__typename`` is the parent type's name;
* anything else — a field with arguments, a resolver, an abstract or ``is_type_of``-checked type, a
  deferred field — goes the ordinary way.

A fast read that meets anything unusual — an exception, ``None`` for a non-null field, an awaitable,
a value its type does not coerce, a list holding a ``None`` its type forbids — hands that field to
graphql-core's ``execute_field`` (reading a basic field or a prefetched attribute twice has no side
effect), so errors, nulls and their paths are exactly graphql-core's. ``tests/test_execution.py``
runs the same documents through both executors and compares the answers."""

from __future__ import annotations

from types import CoroutineType, GeneratorType
from typing import Any

from graphql import (
    GraphQLBoolean,
    GraphQLField,
    GraphQLID,
    GraphQLInt,
    GraphQLObjectType,
    GraphQLString,
    Undefined,
    get_nullable_type,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
    is_object_type,
)
from graphql.pyutils import Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

_BACKREF = GraphQLCoreConverter.DEFINITION_BACKREF
_PREFETCHED = "civic_prefetched"
_MISSING = object()
# ``Path(prev, key, typename)`` without the named tuple's generated ``__new__`` (a Python frame each;
# a page builds ~300 paths)
_tuple_new = tuple.__new__

# entry kinds
_ORDINARY, _TYPENAME, _LEAF, _COMPOSITE = range(4)
# values whose ``coerce_output_value`` cannot meet an awaitable: no awaitable check needed
_PLAIN_VALUES = frozenset({str, int, float, bool})
# built-in scalars whose coercion returns a value of this exact type unchanged (graphql-core's
# serialize_string/_id/_boolean); an Int also needs to be within 32 bits
_OWN_ANSWER = {GraphQLString: str, GraphQLID: str, GraphQLBoolean: bool, GraphQLInt: int}
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1
_ENUM = object()  # ``_Entry.own`` of a strawberry enum's leaf: a str is looked up among its values
# what a completed object or list is: no awaitable check needed
_DONE = (dict, list)


def prefetched(attribute: str) -> dict[str, str]:
    """Metadata of a resolver field whose value a list resolver may put on the object beforehand
    under ``attribute`` (exactly what the resolver would return, ``None`` included); unset, the
    resolver runs. ``@strawberry.field(metadata=prefetched("_proposer"))``."""
    return {_PREFETCHED: attribute}


def put_prefetched(obj: Any, attribute: str, value: Any) -> None:
    """Set a prefetched field's value on ``obj`` (see ``prefetched``)."""
    obj.__dict__[attribute] = value


def _reader(field_def: GraphQLField) -> tuple[bool, Any, str] | None:
    """How to read a field without its resolver: (by attribute, getter, name) or None."""
    field = (field_def.extensions or {}).get(_BACKREF)
    if field is None or field_def.args:
        return None
    resolve = field_def.resolve
    if (field.is_basic_field and resolve is not None and getattr(resolve, "_is_default", False)
            and getattr(resolve, "__name__", "") == "_get_basic_result"):
        return True, field.default_resolver, field.python_name
    attribute = (field.metadata or {}).get(_PREFETCHED)
    if attribute and not field.permission_classes and not field.extensions:
        return False, None, attribute
    return None


def _completable(return_type: Any) -> bool:
    """Object and list types graphql-core can complete without a resolve-info: no abstract type,
    no ``is_type_of`` check, no list of lists."""
    inner = get_nullable_type(return_type)
    if is_list_type(inner):
        item = get_nullable_type(inner.of_type)
        return is_leaf_type(item) or (is_object_type(item) and item.is_type_of is None)
    return is_object_type(inner) and inner.is_type_of is None


def _gathered(container: Any, pending: list) -> Any:
    """``container`` (the fields of an object, the items of a list) once its ``pending`` entries — keys
    or indexes holding awaitables — are awaited together; the container itself when none is."""
    if not pending:
        return container

    async def gather() -> Any:
        if len(pending) == 1:  # no gather's overhead for one
            container[pending[0]] = await container[pending[0]]
        else:
            values = await gather_with_cancel(*(container[key] for key in pending))
            for key, value in zip(pending, values, strict=True):
                container[key] = value
        return container

    return gather()


class _Entry:
    """How to answer one response key of a selection set (``kind``) and what that needs."""
    __slots__ = ("name", "details", "kind", "by_attribute", "getter", "attribute", "nullable", "return_type",
                 "inner", "enum_names", "own", "item_type", "item_declared", "item_nullable", "sub")

    def __init__(self, name: str, details: Any, kind: int) -> None:
        self.name, self.details, self.kind = name, details, kind
        self.by_attribute = self.getter = self.attribute = self.nullable = self.return_type = None
        self.inner = self.enum_names = None
        self.own = None  # a leaf read by attribute: the type of the values that are their own answer, or _ENUM
        self.item_type = self.item_declared = self.item_nullable = None  # item_declared: set for lists
        self.sub = None  # the object's (or list item's) collected sub-selection, once computed


def _enum_names(leaf: Any) -> dict | None:
    """member value -> GraphQL name for strawberry's enum type (whose coercion scans every value)."""
    wrapped = getattr(leaf, "wrapped_cls", None)
    if wrapped is None:
        return None
    return {value.value: name for name, value in leaf.values.items()}


class PlannedExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """The schema's execution context (``schema/build.py``): ``execute_fields`` runs a selection set
    from its plan; everything else is graphql-core's."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # graphql middleware wraps every resolver: with any, every field goes the ordinary way
        manager = self.middleware_manager
        self._direct = manager is None or not manager.middlewares
        # id(grouped field set) -> (the set, kept alive so its id is not reused; its plan)
        self._plans: dict[int, tuple[Any, list[_Entry]]] = {}
        # classes of values found not awaitable: ``await`` looks at the class (``__await__``), not at
        # an instance, so one check a class serves its every object
        self._settled_types: set[type] = set()

    def _plan(self, parent_type: GraphQLObjectType, grouped_field_set: Any) -> list[_Entry]:
        plan = []
        for response_name, field_details_list in grouped_field_set.items():
            node = field_details_list[0].node
            name = node.name.value
            entry = _Entry(response_name, field_details_list, _ORDINARY)
            if name == "__typename":
                entry.kind, entry.inner = _TYPENAME, parent_type.name
            elif not node.arguments and all(d.defer_usage is None for d in field_details_list):
                field_def = self.schema.get_field(parent_type, name)
                reader = _reader(field_def) if field_def is not None else None
                if reader is not None:
                    entry.by_attribute, entry.getter, entry.attribute = reader
                    entry.return_type = field_def.type
                    entry.nullable = not is_non_null_type(field_def.type)
                    entry.inner = inner = get_nullable_type(field_def.type)
                    if is_leaf_type(inner):
                        entry.kind, entry.enum_names = _LEAF, _enum_names(inner)
                        if entry.by_attribute:
                            entry.own = _ENUM if entry.enum_names is not None else _OWN_ANSWER.get(inner)
                    elif _completable(field_def.type):
                        entry.kind = _COMPOSITE
                        if is_list_type(inner):
                            entry.item_declared = inner.of_type
                            entry.item_nullable = not is_non_null_type(inner.of_type)
                            item = get_nullable_type(inner.of_type)
                            entry.item_type = item if is_object_type(item) else None  # None: a list of leaves
            plan.append(entry)
        return plan

    def execute_fields(self, parent_type: GraphQLObjectType, source_value: Any, path: Path | None,
                       grouped_field_set: Any, position_context: Any) -> Any:
        if position_context is not None or not self._direct:
            return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)
        cached = self._plans.get(id(grouped_field_set))
        if cached is None:
            cached = self._plans[id(grouped_field_set)] = (grouped_field_set, self._plan(parent_type, grouped_field_set))
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        try:
            for entry in cached[1]:
                kind = entry.kind
                if kind == _LEAF:
                    own = entry.own
                    if own is not None:  # the common leaves, inlined: a str, bool or int that is its own
                        try:  # answer, or an enum's value held as a str (a page's row)
                            value = entry.getter(source_value, entry.attribute)
                        except Exception:  # noqa: BLE001 — read again, and reported, the ordinary way
                            value = _MISSING
                        if own is _ENUM:
                            if type(value) is str:
                                name = entry.enum_names.get(value)
                                if name is not None:
                                    results[entry.name] = name
                                    continue
                        elif type(value) is own and (own is not int or _INT_MIN <= value <= _INT_MAX):
                            results[entry.name] = value
                            continue
                    result = self._leaf(source_value, entry)
                    if result is not _MISSING:
                        results[entry.name] = result
                        continue
                elif kind == _TYPENAME:
                    results[entry.name] = entry.inner
                    continue
                elif kind == _COMPOSITE:
                    result = self._composite(parent_type, source_value, path, entry)
                    if result is not _MISSING:
                        results[entry.name] = result
                        if type(result) not in _DONE and is_awaitable(result):
                            awaitable_fields.append(entry.name)
                        continue
                result = self.execute_field(parent_type, source_value, entry.details,
                                            Path(path, entry.name, parent_type.name), position_context)
                if result is Undefined:
                    continue
                results[entry.name] = result
                if is_awaitable(result):
                    awaitable_fields.append(entry.name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[field] for field in awaitable_fields])
            raise
        return _gathered(results, awaitable_fields)

    @staticmethod
    def _read(source: Any, entry: _Entry) -> Any:
        if entry.by_attribute:
            return entry.getter(source, entry.attribute)
        return getattr(source, "__dict__", {}).get(entry.attribute, _MISSING)

    def _leaf(self, source: Any, entry: _Entry) -> Any:
        try:  # _read, inlined: ~1,000 leaves a page
            if entry.by_attribute:
                value = entry.getter(source, entry.attribute)
            else:
                value = getattr(source, "__dict__", {}).get(entry.attribute, _MISSING)
            if value is None:
                return None if entry.nullable else _MISSING
            if value is _MISSING:
                return _MISSING
            names = entry.enum_names
            if names is not None:  # a member, or the value itself (as graphql-core's lookup takes it)
                name = names.get(value.value if isinstance(value, entry.inner.wrapped_cls) else value)
                if name is not None:
                    return name
            if type(value) not in _PLAIN_VALUES and self.is_awaitable(value):
                return _MISSING
            coerced = entry.inner.coerce_output_value(value)
        except Exception:  # noqa: BLE001 — the ordinary way reports it, located
            return _MISSING
        return _MISSING if coerced is None or coerced is Undefined else coerced

    def _subfields(self, object_type: GraphQLObjectType, entry: _Entry) -> Any:
        """The object's grouped sub-selection, or None when it defers anything (the ordinary way)."""
        if entry.sub is None:
            grouped, new_defer_usages, _ = self.collect_subfields(object_type, entry.details)
            entry.sub = (None,) if new_defer_usages else (grouped,)
        return entry.sub[0]

    def _composite(self, parent_type: GraphQLObjectType, source: Any, path: Path | None, entry: _Entry) -> Any:
        try:
            value = self._read(source, entry)
        except Exception:  # noqa: BLE001
            return _MISSING
        if value is None:
            return None if entry.nullable else _MISSING
        if value is _MISSING:
            return _MISSING
        cls = type(value)
        if cls not in self._settled_types:
            if self.is_awaitable(value):
                return _MISSING
            if cls is not CoroutineType and cls is not GeneratorType:  # those are told apart per object
                self._settled_types.add(cls)
        inner = entry.inner
        is_list = entry.item_declared is not None
        if is_list:
            if not isinstance(value, (list, tuple)):
                return _MISSING
            if not self._plain_items(value, entry.item_nullable):
                return _MISSING
            grouped = self._subfields(entry.item_type, entry) if entry.item_type is not None else None
        else:
            sub = entry.sub
            grouped = sub[0] if sub is not None else self._subfields(inner, entry)
        if grouped is None and (not is_list or entry.item_type is not None):
            return _MISSING
        field_path = _tuple_new(Path, (path, entry.name, parent_type.name))
        # as graphql-core's execute_field after its resolver: complete the value, an error located at
        # the field (a list of leaves is completed by graphql-core itself: its info is only read for
        # abstract types, is_type_of, a null in a non-null position and streams, none of which reach here)
        try:
            if not is_list:
                completed = self.execute_fields(inner, value, field_path, grouped, None)
            elif grouped is None:
                completed = self.complete_value(inner, entry.details, None, field_path, value, None)
            else:
                completed = self._object_items(entry, value, field_path, grouped)
        except Exception as raw_error:  # noqa: BLE001
            self.handle_field_error(raw_error, entry.return_type, entry.details, field_path)
            return None
        if type(completed) not in _DONE and self.is_awaitable(completed):
            return self._await_completed(completed, entry.return_type, entry.details, field_path)
        return completed

    def _plain_items(self, items: Any, nullable: bool) -> bool:
        """No awaitable among the items, and no None where the type forbids it. Items of one class
        (a page's edges) are checked through the first."""
        if not items:
            return True
        first = type(items[0])
        if all(type(item) is first for item in items):
            return items[0] is not None and not self.is_awaitable(items[0])
        return all(not self.is_awaitable(item) and (item is not None or nullable) for item in items)

    def _object_items(self, entry: _Entry, items: Any, path: Path, grouped: Any) -> Any:
        """A list of objects, as graphql-core's complete_iterable_value (no stream: not in the schema)."""
        is_awaitable = self.is_awaitable
        item_type = entry.item_type
        completed: list[Any] = []
        awaiting: list[int] = []
        try:
            for index, item in enumerate(items):
                if item is None:  # only where the item type is nullable (checked before)
                    completed.append(None)
                    continue
                item_path = _tuple_new(Path, (path, index, None))
                try:
                    value = self.execute_fields(item_type, item, item_path, grouped, None)
                except Exception as raw_error:  # noqa: BLE001 — re-raised when the item is non-null
                    self.handle_field_error(raw_error, entry.item_declared, entry.details, item_path)
                    value = None
                if type(value) is not dict and is_awaitable(value):
                    value = self._await_completed(value, entry.item_declared, entry.details, item_path)
                    awaiting.append(index)
                completed.append(value)
        except Exception:
            if awaiting:
                self.settle_in_background([completed[index] for index in awaiting])
            raise
        return _gathered(completed, awaiting)

    async def _await_completed(self, completed: Any, return_type: Any, field_details_list: Any, path: Path) -> Any:
        try:
            return await completed
        except Exception as raw_error:  # noqa: BLE001
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None
