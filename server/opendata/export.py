"""Open data (열린데이터광장): every public agenda in bulk, as CSV or JSON, in constant memory.

The domain of the export, shared by ``GET /export/agendas.{csv,json}`` and ``agenda export``:

* ``parse_filter`` reads query parameters (or CLI options) into the same ``AgendaFilter`` the
  GraphQL ``agendas`` query uses, through the same validation, refusing bad values with an
  ``ExportFilterError`` that names the parameter (HTTP answers 400 with it, never a 500);
* ``iter_rows`` reads the agendas an anonymous caller may see — ``visible_q(ANONYMOUS)``, the same
  rule as the public API, through the same filter builder — in keyset batches (``id > last``,
  ``BATCH_SIZE`` rows per query), so memory does not grow with the number of agendas;
* ``row_for`` builds one flat row from one database row (pure), with the columns in ``COLUMNS``;
* ``csv_chunks`` / ``json_chunks`` turn rows into encoded chunks for a streamed response or a file.

Only the columns listed here are ever read from the database: no proposer, no e-mail, no internal
notes can reach the output, whatever the filters. The export covers the agendas that existed when it
started (ids up to the largest id at that moment); a status that changes while a long export runs
shows whichever state was current when its batch was read.

Columns added by other domains (the execution plan's progress, from the workshops domain) register
through ``register_column``: a name, a description and an async batch loader ``ids -> {id: value}``,
called once per batch.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from server.agendas import reference
from server.agendas.models import Agenda, Department
from server.agendas.policy import ANONYMOUS
from server.agendas.filter import PARAMETERS, AgendaFilter, clean_filter, filter_q, unknown_departments
from server.errors import ValidationErrors

BATCH_SIZE = 1000

# The agenda columns read from the database — nothing else is ever selected.
_DB_COLUMNS = (
    "id", "title", "body", "field", "channel", "status", "district", "owner_kind", "owner_department_id",
    "routing_reason", "support_count", "created_at", "updated_at",
)


@dataclass(frozen=True)
class Column:
    name: str
    description: str


COLUMNS: list[Column] = [
    Column("id", "Agenda id (the same id as the GraphQL API's Agenda.id)."),
    Column("title", "Title, as the proposer wrote it."),
    Column("body", "Description, as the proposer wrote it."),
    Column("field", "Policy field code (DISTRIBUTION, LIVING_CULTURE_SPACE, JOBS, HOUSING_SAFETY, PARTICIPATION_PUBLIC_SERVICE)."),
    Column("field_ko", "Policy field, Korean label."),
    Column("field_en", "Policy field, English label."),
    Column("channel", "Discovery channel code (CITIZEN_PROPOSAL, CASE_ANALYSIS, EXPERT_INTERVIEW, DEPARTMENT_WORK, WORKSHOP)."),
    Column("status", "Lifecycle status (IN_TRIAGE, NEEDS_INFO, ACCEPTED, IN_PROGRESS, COMPLETED, REJECTED, MERGED)."),
    Column("district", "Seoul district code (e.g. JONGNO), empty when none was given."),
    Column("owner_kind", "Who owns the agenda: DEPARTMENT or INNOVATION_OFFICER."),
    Column("department_code", "Owning department's code; empty for the Social Innovation Officer."),
    Column("department_name", "Owning department's name in Korean."),
    Column("department_name_en", "Owning department's name in English."),
    Column("routing_reason", "Why it is owned where it is: WORK_PLAN, DIRECT_MATCH, MULTI_DEPARTMENT, UNCLEAR_OWNERSHIP or MANUAL."),
    Column("support_count", "How many people support it."),
    Column("created_at", "When it was proposed (ISO 8601, UTC)."),
    Column("updated_at", "When it last changed (ISO 8601, UTC)."),
]

_FIELD_LABELS = {f.code: f for f in reference.POLICY_FIELDS}

ColumnLoader = Callable[[list[int]], Awaitable[Mapping[int, object]]]
_EXTRA: list[tuple[Column, ColumnLoader]] = []


def register_column(name: str, description: str, loader: ColumnLoader) -> None:
    """Add a column computed by another domain (e.g. ``progress_percent`` from the execution plan).

    ``loader(ids)`` is awaited once per batch with the batch's agenda ids and returns ``{id: value}``
    (a missing id gives an empty cell / null). Registering the same name twice replaces it."""
    global _EXTRA
    _EXTRA = [(c, f) for c, f in _EXTRA if c.name != name]
    _EXTRA.append((Column(name, description), loader))


def columns() -> list[Column]:
    return COLUMNS + [c for c, _ in _EXTRA]


# --------------------------------------------------------------------------- filters


class ExportFilterError(ValueError):
    """A filter value the export refuses; ``parameter`` names the query parameter / CLI option and
    ``reason`` is the domain's code (e.g. ``DATE_OUT_OF_RANGE``)."""

    def __init__(self, parameter: str, message: str, reason: str = "INVALID") -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message
        self.reason = reason


# Query parameters: the filter's public names (the GraphQL AgendaFilterInput's), but ``mine`` — the
# export is anonymous.
FILTER_PARAMETERS = tuple(name for key, name in PARAMETERS.items() if key != "mine")
_ATTRIBUTE = {name: key for key, name in PARAMETERS.items()}
_SINGLE = {"ownerKind", "createdAfter", "createdBefore"}
_TEXT_MAX = 2000


def _values(raw: list[str]) -> list[str]:
    """Comma-separated, repeated or both: ``?fields=JOBS,HOUSING_SAFETY&fields=DISTRIBUTION``."""
    return [part for value in raw for part in value.split(",") if part.strip()]


def _datetime(name: str, text: str) -> datetime:
    text = text.strip()
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time.min)
        return datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ExportFilterError(
            name, f"{name} must be an ISO 8601 date or date-time such as 2026-03-01 or 2026-03-01T09:00:00+09:00, "
                  f"got {text[:40]!r}.") from None


def parse_filter(params: Mapping[str, list[str]]) -> AgendaFilter:
    """Query parameters (name -> list of raw values) -> the ``agendas`` filter, or ExportFilterError.

    Only the text form is read here (commas, ISO dates); every rule on the values is the filter's
    own (``clean_filter``). Unknown parameters are refused too: a typo such as ``field=JOBS`` must
    not silently export everything."""
    unknown = sorted(set(params) - set(FILTER_PARAMETERS))
    if unknown:
        raise ExportFilterError(unknown[0], f"Unknown parameter {unknown[0]!r}. Filters: {', '.join(FILTER_PARAMETERS)}.")
    raw: dict[str, object] = {}
    for name, given in params.items():
        if any("\x00" in v for v in given):
            raise ExportFilterError(name, "Filter values may not contain NUL characters.")
        if sum(len(v) for v in given) > _TEXT_MAX:
            raise ExportFilterError(name, f"{name} is too long.")
        values = _values(given)
        if name in _SINGLE:
            if len(values) > 1:
                raise ExportFilterError(name, f"Give one {name}.")
            if not values:
                continue
            raw[_ATTRIBUTE[name]] = _datetime(name, values[0]) if name.startswith("created") else values[0]
        else:
            raw[_ATTRIBUTE[name]] = values
    try:
        return clean_filter(**raw)
    except ValidationErrors as exc:
        first = exc.errors[0]
        raise ExportFilterError(first.field or "", first.message, first.code.value) from None


async def check_departments(f: AgendaFilter) -> None:
    """Unknown department codes are an error here (the list API just finds nothing): a bulk
    download of nothing because of a typo is worse than a clear message."""
    missing = await unknown_departments(f)
    if missing:
        raise ExportFilterError("departmentCodes", f"No such department: {', '.join(missing[:5])}.", "UNKNOWN_DEPARTMENT")


# --------------------------------------------------------------------------- rows


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat()


def row_for(a: Mapping[str, object], departments: Mapping[int, Department]) -> dict[str, object]:
    """One export row from one agenda row (a dict of ``_DB_COLUMNS``). Pure."""
    label = _FIELD_LABELS.get(a["field"])
    dept = departments.get(a["owner_department_id"]) if a["owner_department_id"] else None
    return {
        "id": a["id"],
        "title": a["title"],
        "body": a["body"],
        "field": a["field"],
        "field_ko": label.ko if label else None,
        "field_en": label.en if label else None,
        "channel": a["channel"],
        "status": a["status"],
        "district": a["district"],
        "owner_kind": a["owner_kind"],
        "department_code": dept.code if dept else None,
        "department_name": dept.name_ko if dept else None,
        "department_name_en": dept.name_en if dept else None,
        "routing_reason": a["routing_reason"],
        "support_count": a["support_count"],
        "created_at": _iso(a["created_at"]),
        "updated_at": _iso(a["updated_at"]),
    }


async def iter_batches(f: AgendaFilter, *, batch_size: int = BATCH_SIZE) -> AsyncIterator[list[dict[str, object]]]:
    """Public agendas matching ``f`` as lists of rows, oldest id first, ``batch_size`` per query."""
    if f.mine:
        raise ExportFilterError("mine", "The open-data export has no 'mine' filter; it is anonymous.")
    q = await filter_q(ANONYMOUS, f)
    upto = await Agenda.all().order_by("-id").first().values_list("id", flat=True)
    if upto is None:
        return
    departments: dict[int, Department] = {}
    last = 0
    while True:
        rows = await (Agenda.filter(q).filter(id__gt=last, id__lte=upto).order_by("id")
                      .limit(batch_size).values(*_DB_COLUMNS))
        if not rows:
            return
        missing = {r["owner_department_id"] for r in rows if r["owner_department_id"]} - departments.keys()
        if missing:
            departments.update({d.id: d for d in await Department.filter(id__in=list(missing))})
        out = [row_for(r, departments) for r in rows]
        for column, loader in _EXTRA:
            values = await loader([r["id"] for r in rows])
            for row in out:
                row[column.name] = values.get(row["id"])
        yield out
        if len(rows) < batch_size:
            return
        last = rows[-1]["id"]


async def iter_rows(f: AgendaFilter, *, batch_size: int = BATCH_SIZE) -> AsyncIterator[dict[str, object]]:
    async for batch in iter_batches(f, batch_size=batch_size):
        for row in batch:
            yield row


# --------------------------------------------------------------------------- formats

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text. A cell starting with ``= + - @``, a tab or a
    carriage return could be run as a formula (CSV injection), so it gets a leading apostrophe.
    Numbers are numbers (a negative count would not be text); None is an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


async def csv_chunks(batches: AsyncIterator[list[dict[str, object]]]) -> AsyncIterator[bytes]:
    """UTF-8 with a byte-order mark (so spreadsheet programs read Korean correctly), RFC 4180
    quoting, CRLF line ends, a header row of column names; one chunk per batch."""
    names = [c.name for c in columns()]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    yield (BOM + buffer.getvalue()).encode("utf-8")
    async for batch in batches:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows([csv_cell(row.get(n)) for n in names] for row in batch)
        yield buffer.getvalue().encode("utf-8")


async def json_chunks(batches: AsyncIterator[list[dict[str, object]]]) -> AsyncIterator[bytes]:
    """A JSON array of objects (one per agenda, keys as the CSV columns), streamed: ``[``, the
    objects separated by commas, ``]``. Text is UTF-8, not escaped; values are not altered."""
    yield b"["
    first = True
    async for batch in batches:
        parts = []
        for row in batch:
            parts.append(("\n" if first else ",\n") + json.dumps(row, ensure_ascii=False, separators=(",", ":")))
            first = False
        yield "".join(parts).encode("utf-8")
    yield b"\n]\n"


FORMATS = {
    "csv": (csv_chunks, "text/csv; charset=utf-8"),
    "json": (json_chunks, "application/json; charset=utf-8"),
}


def chunks(fmt: str, f: AgendaFilter, *, batch_size: int = BATCH_SIZE) -> AsyncIterator[bytes]:
    encode, _ = FORMATS[fmt]
    return encode(iter_batches(f, batch_size=batch_size))


def _register_progress() -> None:
    from server.workshops.plans import progress_by_agenda

    register_column("progress_percent", "Execution-plan progress, 0–100 (server/workshops/progress.py); "
                    "empty until the agenda has a plan.", progress_by_agenda)


_register_progress()
