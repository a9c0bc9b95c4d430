"""Checking every row of an import file, all at once, so the dry run lists every problem by row and
column before anything is written. Pure: the caller passes what it needs from the database (the
active department codes)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from server.agendas.enums import AgendaStatus
from server.agendas.reference import CHANNELS, POLICY_FIELDS, SEOUL_DISTRICTS
from server.agendas.validation import clean_body, clean_title
from server.errors import DomainError
from server.i18n import Message, msg
from server.imports.columns import COLUMNS, REQUIRED, column_key
from server.imports.errors import ImportErrorCode as C
from server.imports.read import Table

SEOUL = ZoneInfo("Asia/Seoul")
EXTERNAL_ID_MAX = 100
SUPPORTS_MAX = 10_000_000
EARLIEST = datetime(2000, 1, 1, tzinfo=SEOUL)


@dataclass(frozen=True)
class Problem:
    row: int | None  # the spreadsheet's row number (the header is row 1); None for the whole file
    column: str | None  # the column's header as written in the file
    code: C
    message: Message | str

    def as_dict(self, render=str) -> dict:
        return {"row": self.row, "column": self.column, "code": self.code.value, "message": render(self.message)}


@dataclass(frozen=True)
class ImportRow:
    row: int
    external_id: str
    title: str
    body: str
    field: str
    channel: str
    district: str | None
    created_at: datetime
    supports: int
    owner_code: str | None
    status: str | None


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip().casefold().replace(" ", "")


def _lookup(entries) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in entries:
        for name in (e.code, e.ko, e.en):
            out[_key(name)] = e.code
    return out


_FIELDS = _lookup(POLICY_FIELDS)
_CHANNELS = _lookup(CHANNELS)
_DISTRICTS = _lookup(SEOUL_DISTRICTS)
_STATUSES = {_key(s.value): s.value for s in AgendaStatus if s != AgendaStatus.MERGED}
_STATUSES.update({_key(k): v for k, v in {
    "접수": "SUBMITTED", "검토중": "IN_TRIAGE", "검토 중": "IN_TRIAGE", "보완요청": "NEEDS_INFO",
    "채택": "ACCEPTED", "불채택": "REJECTED", "추진중": "IN_PROGRESS", "추진 중": "IN_PROGRESS", "완료": "COMPLETED",
}.items()})

_DATE = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$")


def parse_date(text: str) -> datetime | None:
    """``2019-03-04``, ``2019.03.04``, ``2019/3/4``, with an optional ``10:20[:30]``, in Seoul time;
    or an ISO 8601 date-time with its offset."""
    t = unicodedata.normalize("NFKC", text).strip()
    m = _DATE.match(t)
    try:
        if m:
            y, mo, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
            return datetime(y, mo, d, h, mi, s, tzinfo=SEOUL)
        parsed = datetime.fromisoformat(t)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=SEOUL)


def check_header(table: Table) -> tuple[dict[str, int], list[Problem], list[Problem]]:
    """Which column index holds which key; missing and duplicate columns are errors on row 1,
    unknown ones warnings (ignored)."""
    where: dict[str, int] = {}
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for i, name in enumerate(table.header):
        if not name.strip():
            continue
        key = column_key(name)
        if key is None:
            warnings.append(Problem(1, name, C.UNKNOWN_COLUMN, msg("Column {column} is not one this import reads; it is ignored.", column=name)))
        elif key in where:
            errors.append(Problem(1, name, C.DUPLICATE_COLUMN, msg("Column {column} appears twice.", column=name)))
        else:
            where[key] = i
    for key in REQUIRED:
        if key not in where:
            errors.append(Problem(1, key, C.MISSING_COLUMN, msg("The required column {column} is missing.", column=key)))
    return where, errors, warnings


def check_rows(table: Table, where: dict[str, int], department_codes: set[str], *,
               now: datetime | None = None) -> tuple[list[ImportRow], list[Problem], list[Problem]]:
    now = now or datetime.now(timezone.utc)
    header = table.header
    good: list[ImportRow] = []
    errors: list[Problem] = []
    warnings: list[Problem] = []
    seen_ids: dict[str, int] = {}
    formula_columns: dict[int, list[int]] = {}
    for ri, j in sorted(table.formula_cells):
        formula_columns.setdefault(ri, []).append(j)
    for i, record in enumerate(table.rows):
        row_no = i + 2
        problems: list[Problem] = []

        def cell(key: str) -> str:
            j = where.get(key)
            return record[j] if j is not None and j < len(record) else ""

        def bad(key: str, code: C, message) -> None:
            j = where.get(key)
            problems.append(Problem(row_no, header[j] if j is not None else key, code, message))

        for j in formula_columns.get(i, ()):
                warnings.append(Problem(row_no, header[j] if j < len(header) else None, C.FORMULA_AS_TEXT,
                                        msg("A formula in this cell is kept as the text written, not calculated.")))
        if any(len(c) > 20_000 for c in record):
            problems.append(Problem(row_no, None, C.TOO_LONG, msg("A cell in this row is longer than any column allows.")))
            errors.extend(problems)
            continue

        ext = unicodedata.normalize("NFC", cell("external_id")).strip()
        if not ext:
            bad("external_id", C.REQUIRED, msg("Enter the proposal's id in the earlier system."))
        elif len(ext) > EXTERNAL_ID_MAX or any(ord(ch) < 32 for ch in ext):
            bad("external_id", C.INVALID, msg("An external id has at most {max} characters on one line.", max=EXTERNAL_ID_MAX))
        elif ext in seen_ids:
            bad("external_id", C.DUPLICATE_EXTERNAL_ID, msg("Id {id} is already used in row {row}.", id=ext, row=seen_ids[ext]))
        else:
            seen_ids[ext] = row_no

        title = body = None
        for key, clean in (("title", clean_title), ("body", clean_body)):
            try:
                value = clean(cell(key))
                title, body = (value, body) if key == "title" else (title, value)
            except DomainError as exc:
                bad(key, C(exc.code.value) if exc.code.value in C.__members__ else C.INVALID, exc.message)

        field = _FIELDS.get(_key(cell("field")))
        if field is None:
            bad("field", C.INVALID_FIELD if cell("field").strip() else C.REQUIRED,
                msg("{value} is not one of the five policy fields.", value=cell("field").strip() or "—"))

        channel = "CITIZEN_PROPOSAL"
        if cell("channel").strip():
            channel = _CHANNELS.get(_key(cell("channel")))
            if channel is None:
                bad("channel", C.INVALID_CHANNEL, msg("{value} is not a discovery channel.", value=cell("channel").strip()))

        district = None
        if cell("district").strip():
            district = _DISTRICTS.get(_key(cell("district")))
            if district is None:
                bad("district", C.INVALID_DISTRICT, msg("{value} is not one of Seoul's 25 districts.", value=cell("district").strip()))

        created = parse_date(cell("created_at")) if cell("created_at").strip() else None
        if not cell("created_at").strip():
            bad("created_at", C.REQUIRED, msg("Enter the date the proposal was made."))
        elif created is None:
            bad("created_at", C.INVALID_DATE, msg("{value} is not a date (write 2019-03-04 or 2019-03-04 10:20).", value=cell("created_at").strip()))
        elif not EARLIEST <= created <= now:
            bad("created_at", C.INVALID_DATE, msg("{value} is before 2000 or in the future.", value=cell("created_at").strip()))

        supports = 0
        raw = unicodedata.normalize("NFKC", cell("supports")).strip().replace(",", "")
        if raw:
            if raw.isascii() and raw.isdigit() and int(raw) <= SUPPORTS_MAX:
                supports = int(raw)
            else:
                bad("supports", C.INVALID_NUMBER, msg("{value} is not a number of supports (0 to {max}).", value=cell("supports").strip(), max=f"{SUPPORTS_MAX:,}"))

        owner = None
        if cell("owner_department").strip():
            owner = unicodedata.normalize("NFKC", cell("owner_department")).strip().upper()
            if owner not in department_codes:
                bad("owner_department", C.UNKNOWN_DEPARTMENT, msg("{value} is not the code of an active department.", value=cell("owner_department").strip()))

        status = None
        if cell("status").strip():
            status = _STATUSES.get(_key(cell("status")))
            if status is None:
                bad("status", C.INVALID_STATUS, msg("{value} is not a status an imported proposal can have.", value=cell("status").strip()))

        if problems:
            errors.extend(problems)
            continue
        good.append(ImportRow(row=row_no, external_id=ext, title=title, body=body, field=field, channel=channel,
                              district=district, created_at=created.astimezone(timezone.utc), supports=supports,
                              owner_code=owner, status=status))
    return good, errors, warnings
