"""Importing a file of earlier proposals: read it, check every row, then — unless it is a dry run or
any row is wrong — write every new row in one transaction (all or nothing).

- Idempotent by ``(source, external id)``: a row already imported from the same source is left as it
  is, so importing the same file twice changes nothing.
- Rows are routed by the routing rule unless the file names an owner department.
- Original dates are kept (``created_at``); the earlier system's support count is kept as
  ``imported_support_count`` and included in ``support_count`` — no accounts are invented for it,
  and it never counts toward the support thresholds (those count verified supports only).
- Imported agendas are proposed by one inactive account standing for the earlier system (it cannot
  log in), carry no answer deadline (their history happened elsewhere: nothing is reminded,
  escalated or e-mailed), get one IMPORTED line in their history and reach search through the outbox.
- One AGENDAS_IMPORTED audit entry per import, with the counts, in the same transaction."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.accounts.models import User
from server.accounts.roles import Role
from server.agendas import explanations, history
from server.agendas.departments import load_router
from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import EventKind, Visibility
from server.agendas.models import Agenda, AgendaEvent, Department
from server.agendas.policy import Viewer, may_manage_catalogue
from server.agendas.routing import AgendaText, OwnerKind, RoutingReason
from server.audit import log as audit
from server.audit.actions import AuditAction
from server.errors import DomainError
from server.i18n import msg
from server.imports.errors import ImportErrorCode as C
from server.imports.read import read_table
from server.imports.rows import ImportRow, Problem, check_header, check_rows
from server.search import outbox

DEFAULT_SOURCE = "import"
BATCH = 500
_SOURCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")

Progress = Callable[[str, int, int], Awaitable[None] | None]

# One import writes at a time in a process: two admins importing the same file at once would
# otherwise both count the same rows as new and one would fail on the unique (source, external id).
# Across ``agenda serve``'s processes that unique constraint is what decides: the later import is
# refused with BUSY ("run it again"), and its transaction leaves nothing behind.
_WRITING = asyncio.Lock()


@dataclass
class ImportReport:
    dry_run: bool
    source: str
    format: str = ""
    encoding: str | None = None
    rows: int = 0
    new: int = 0  # rows that are (or, in a dry run, would be) created
    unchanged: int = 0  # rows imported earlier from the same source: left as they are
    created: int = 0  # written by this run
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self, render=str, limit: int | None = None) -> dict:
        errors = self.errors if limit is None else self.errors[:limit]
        warnings = self.warnings if limit is None else self.warnings[:limit]
        return {"dryRun": self.dry_run, "source": self.source, "format": self.format, "encoding": self.encoding,
                "rows": self.rows, "new": self.new, "unchanged": self.unchanged, "created": self.created,
                "errorCount": len(self.errors), "warningCount": len(self.warnings),
                "errors": [p.as_dict(render) for p in errors], "warnings": [p.as_dict(render) for p in warnings]}


def clean_source(raw: str | None) -> str:
    source = (raw or "").strip() or DEFAULT_SOURCE
    if not _SOURCE.match(source):
        raise DomainError(C.INVALID_SOURCE, "A source name has at most 40 letters, digits, dots, hyphens or underscores.", "source")
    return source


def require_importer(viewer: Viewer) -> None:
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "You must be logged in.")
    if not may_manage_catalogue(viewer):
        raise DomainError(C.FORBIDDEN, "Only admins import proposals.")


async def _tell(progress: Progress | None, phase: str, done: int, total: int) -> None:
    if progress is not None:
        result = progress(phase, done, total)
        if asyncio.iscoroutine(result):
            await result


async def import_file(viewer: Viewer | None, data: bytes, *, filename: str | None = None, source: str | None = None,
                      dry_run: bool = False, progress: Progress | None = None) -> ImportReport:
    """``viewer`` None is the system (the ``agenda import`` command run on the server)."""
    if viewer is not None:
        require_importer(viewer)
    report = ImportReport(dry_run=dry_run, source=clean_source(source))
    await _tell(progress, "reading", 0, 0)
    table = read_table(data, filename)
    report.format, report.encoding, report.rows = table.format, table.encoding, len(table.rows)
    where, header_errors, header_warnings = check_header(table)
    report.warnings.extend(header_warnings)
    if header_errors:
        report.errors.extend(header_errors)
        return report
    await _tell(progress, "checking", 0, report.rows)
    departments = dict(await Department.filter(is_active=True).values_list("code", "id"))
    rows, errors, warnings = check_rows(table, where, set(departments))
    report.errors.extend(errors)
    report.warnings.extend(warnings)
    new = await _not_yet_imported(report.source, rows)
    report.new, report.unchanged = len(new), len(rows) - len(new)
    await _tell(progress, "checking", report.rows, report.rows)
    if dry_run or report.errors:
        return report
    if not new:
        return report
    async with _WRITING:
        new = await _not_yet_imported(report.source, new)  # another import may have written them meanwhile
        report.new = len(new)
        report.unchanged = len(rows) - len(new)
        if new:
            report.created = await _write(viewer, report, new, departments, progress)
    return report


async def _not_yet_imported(source: str, rows: list[ImportRow]) -> list[ImportRow]:
    have: set[str] = set()
    ids = [r.external_id for r in rows]
    for i in range(0, len(ids), 1000):
        have.update(await Agenda.filter(import_source=source, external_id__in=ids[i:i + 1000])
                    .values_list("external_id", flat=True))
    return [r for r in rows if r.external_id not in have]


async def _write(viewer: Viewer | None, report: ImportReport, rows: list[ImportRow], departments: dict[str, int],
                 progress: Progress | None) -> int:
    router = await load_router()
    proposer = await _earlier_system_account(report.source)
    actor_id = viewer.user.id if viewer is not None and viewer.user is not None else None
    agendas: list[Agenda] = []
    routing: dict[str, dict] = {}
    for n, r in enumerate(rows):
        if r.owner_code:
            why = msg("The imported file names {code} as the owner.", code=r.owner_code)
            fields = {"owner_kind": OwnerKind.DEPARTMENT.value, "owner_department_id": departments[r.owner_code],
                      "routing_reason": RoutingReason.MANUAL.value, "routing_candidates": [r.owner_code],
                      "routing_matched_terms": [], "routing_explanation": str(why),
                      "routing_explanation_data": explanations.to_data(why)}
            routing[r.external_id] = {"named_owner": r.owner_code}
            work_plan_item_id = None
        else:
            decision = router.route(AgendaText(title=r.title, body=r.body, field=r.field))
            fields = history.routing_fields(decision, departments)
            routing[r.external_id] = decision.as_dict()
            work_plan_item_id = decision.work_plan_item_id
        status = r.status or S.IN_TRIAGE.value
        agendas.append(Agenda(
            title=r.title, body=r.body, field=r.field, channel=r.channel, status=status,
            visibility=Visibility.PUBLIC.value, district=r.district, proposer_id=proposer.id,
            related_department_codes=[], work_plan_item_id=work_plan_item_id, support_count=r.supports,
            imported_support_count=r.supports, created_at=r.created_at, status_changed_at=r.created_at,
            import_source=report.source, external_id=r.external_id, **fields))
        if n % 200 == 0:
            await _tell(progress, "routing", n, len(rows))
            await asyncio.sleep(0)  # let the server answer others (and the progress poll) meanwhile
    try:
        async with in_transaction() as conn:
            for start in range(0, len(agendas), BATCH):
                chunk = agendas[start:start + BATCH]
                await Agenda.bulk_create(chunk, using_db=conn)
                ids = dict(await Agenda.filter(import_source=report.source,
                                               external_id__in=[a.external_id for a in chunk])
                           .using_db(conn).values_list("external_id", "id"))
                await AgendaEvent.bulk_create([
                    AgendaEvent(agenda_id=ids[a.external_id], actor_id=actor_id, kind=EventKind.IMPORTED.value,
                                to_status=a.status,
                                data={"source": report.source, "externalId": a.external_id,
                                      "createdAt": a.created_at.isoformat(), "supports": a.imported_support_count,
                                      "routing": routing[a.external_id]})
                    for a in chunk], using_db=conn)
                await outbox.enqueue_many("agenda", [ids[a.external_id] for a in chunk], using_db=conn)
                await _tell(progress, "writing", min(start + BATCH, len(agendas)), len(agendas))
            await audit.record(actor_id, AuditAction.AGENDAS_IMPORTED, f"import:{report.source}",
                               after={"source": report.source, "format": report.format, "rows": report.rows,
                                      "created": len(agendas), "unchanged": report.unchanged},
                               using_db=conn)
    except IntegrityError:
        raise DomainError(C.BUSY, "Another import wrote some of these rows at the same time; run it again (it adds only what is missing).", "file") from None
    return len(agendas)


async def _earlier_system_account(source: str) -> User:
    """The one inactive account that stands as proposer for everything imported from ``source``:
    it cannot log in (no password, inactive) and receives no mail (preference OFF)."""
    email = f"{source.lower()}@import.civic-agenda.invalid"
    user = await User.get_or_none(email=email)
    if user is None:
        try:
            user = await User.create(email=email, password_hash="!", display_name=f"{source} (가져온 제안)"[:80],
                                     role=Role.CITIZEN, is_active=False, email_preference="OFF")
        except IntegrityError:
            user = await User.get(email=email)
    return user
