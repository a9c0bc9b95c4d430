"""Building Meilisearch filter expressions from typed input.

User text never becomes filter syntax: every value is a quoted string literal with ``\\`` and
``"`` escaped, attributes come from a fixed list, and operators are written here. A value such as
``x" OR status = "REJECTED`` therefore stays one (non-matching) value."""

from __future__ import annotations

from collections.abc import Iterable

ALLOWED = frozenset({"field", "status", "channel", "visibility", "district", "owner_kind", "department_code"})


def quote(value: str) -> str:
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def any_of(attribute: str, values: Iterable[str]) -> str | None:
    if attribute not in ALLOWED:
        raise ValueError(f"not a filterable attribute: {attribute}")
    values = [v for v in values if v is not None]
    if not values:
        return None
    return f"{attribute} IN [{', '.join(quote(v) for v in values)}]"


def equals(attribute: str, value) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{attribute} = {int(value)}"
    return f"{attribute} = {quote(value)}"


def all_of(parts: Iterable[str | None]) -> str | None:
    parts = [p for p in parts if p]
    if not parts:
        return None
    return " AND ".join(f"({p})" for p in parts)
