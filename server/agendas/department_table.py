"""The departments table as list pages show it, read once and reused while nothing changed.

Every list page that shows owners' departments looked the page's departments up by id: one more
statement per request (~9 % of an executed ``agendas(first: 100)``, bench/README.md, issue 16) for a
table of a few dozen rows that changes when an admin edits it. So the whole table is read once, as
plain rows, and reused

* until anything readers see is written through this process or another of the same ``agenda
  serve`` (the content generation, ``server/ops/writes.py``; a department created or edited bumps it
  in ``server/agendas/departments.py``), or
* for at most ``TTL_SECONDS``, the bound for writes through another machine's server —

the promise ``totalCount`` already makes (``server/agendas/counts.py``, docs/api.md)."""

from __future__ import annotations

import time

from server.agendas.models import Department
from server.db import Row
from server.ops import writes

TTL_SECONDS = 5.0

# What ``Department`` shows (schema/accounts/types.py ``Department.from_model``).
SHOWN = ("id", "code", "name_ko", "name_en", "policy_fields", "keywords", "duty_statement", "is_active")

_table: tuple[int, float, dict[int, Row]] | None = None  # (generation, read at, rows by id)


async def by_id() -> dict[int, Row]:
    """Every department by id, as of the current content generation (at most TTL_SECONDS old)."""
    global _table
    generation, now = writes.current(), time.monotonic()
    if _table is not None and _table[0] == generation and now - _table[1] < TTL_SECONDS:
        return _table[2]
    rows = {d["id"]: Row(d) for d in await Department.all().values(*SHOWN)}
    _table = (generation, now, rows)
    return rows


def clear() -> None:
    """Forget the table (a new database was opened: its departments are not these)."""
    global _table
    _table = None
