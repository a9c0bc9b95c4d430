"""The department catalogue: admin management of departments and work-plan items, and the
adapter that hands them to the pure routing rule."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timezone

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from server.agendas.reference import POLICY_FIELD_CODES
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import EventKind
from server.agendas.models import Agenda, AgendaEvent, Department, WorkPlanItem
from server.agendas.policy import Viewer, may_manage_catalogue
from server.agendas.routing import DepartmentProfile, Precedent, Router, WorkPlanProfile
from server.agendas.validation import clean_department_code, clean_text
from server.audit import log as audit
from server.audit.actions import AuditAction
from server.audit.log import changes
from server.errors import DomainError, ValidationErrors
from server.i18n import msg
from server.ops import writes
from tortoise.transactions import in_transaction


MAX_KEYWORDS = 60
KEYWORD_MAX = 60
DUTY_STATEMENT_MAX = 4000


def _require_admin(viewer: Viewer) -> None:
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "You must be logged in.")
    if not may_manage_catalogue(viewer):
        raise DomainError(C.FORBIDDEN, "Only admins manage departments and work plans.")


def _clean_code(raw: str | None) -> str:
    code = unicodedata.normalize("NFKC", raw or "").strip().upper()
    if not code:
        raise DomainError(C.REQUIRED, "Enter a department code.", "code")
    if len(code) > 40 or not all(ch.isascii() and (ch.isalnum() or ch == "_") for ch in code):
        raise DomainError(C.INVALID, "A code has at most 40 letters, digits or underscores (e.g. TRANSPORT).", "code")
    return code


def _clean_keywords(raw: list[str] | None, field: str = "keywords") -> list[str]:
    seen: dict[str, str] = {}
    for k in raw or []:
        word = " ".join(unicodedata.normalize("NFC", k or "").split())
        if not word:
            continue
        if len(word) > KEYWORD_MAX:
            raise DomainError(C.TOO_LONG, msg("A keyword has at most {max} characters.", max=KEYWORD_MAX), field)
        seen.setdefault(unicodedata.normalize("NFKC", word).casefold(), word)
    if len(seen) > MAX_KEYWORDS:
        raise DomainError(C.INVALID, msg("At most {max} keywords.", max=MAX_KEYWORDS), field)
    return list(seen.values())


def _clean_fields(raw: list[str] | None) -> list[str]:
    values = sorted(set(raw or []))
    bad = [v for v in values if v not in POLICY_FIELD_CODES]
    if bad:
        raise DomainError(C.INVALID_FIELD, msg("Unknown policy field(s): {codes}.", codes=", ".join(bad)), "fields")
    return values


def _collect(*steps):
    errors, values = [], []
    for step in steps:
        try:
            values.append(step())
        except DomainError as exc:
            errors.append(exc)
            values.append(None)
    if errors:
        raise ValidationErrors(errors)
    return values


def _clean_duty(raw: str | None) -> str:
    """A duty statement may be empty (the keywords still route); when given it is prose."""
    if raw is None or not raw.strip():
        return ""
    return clean_text(raw, field="dutyStatement", lo=2, hi=DUTY_STATEMENT_MAX, label="duty statement")


async def create_department(viewer: Viewer, *, code: str, name_ko: str, name_en: str,
                            fields: list[str] | None = None, keywords: list[str] | None = None,
                            duty_statement: str | None = None) -> Department:
    _require_admin(viewer)
    code_, ko, en, flds, kws, duty = _collect(
        lambda: _clean_code(code),
        lambda: clean_text(name_ko, field="nameKo", lo=2, hi=120, label="Korean name", single_line=True),
        lambda: clean_text(name_en, field="nameEn", lo=2, hi=160, label="English name", single_line=True),
        lambda: _clean_fields(fields),
        lambda: _clean_keywords(keywords),
        lambda: _clean_duty(duty_statement),
    )
    if await Department.filter(code=code_).exists():
        raise DomainError(C.DUPLICATE, msg("A department with code {code} already exists.", code=code_), "code")
    try:
        created = await Department.create(code=code_, name_ko=ko, name_en=en, policy_fields=flds, keywords=kws,
                                          duty_statement=duty)
        writes.bump()  # list pages show departments (server/agendas/department_table.py)
        return created
    except IntegrityError:
        raise DomainError(C.DUPLICATE, msg("A department with code {code} already exists.", code=code_), "code") from None


# An agenda still waiting for, or under, its owner's work: a department that owns one cannot be
# deactivated (its agendas would have no one to answer them); reroute or close them first.
OPEN_STATUSES = (S.SUBMITTED.value, S.IN_TRIAGE.value, S.NEEDS_INFO.value, S.ACCEPTED.value, S.IN_PROGRESS.value)


def _department_snapshot(d: Department) -> dict:
    return {"nameKo": d.name_ko, "nameEn": d.name_en, "fields": list(d.policy_fields or []),
            "keywords": list(d.keywords or []), "dutyStatement": d.duty_statement or "", "active": d.is_active}


async def update_department(viewer: Viewer, code: str, *, name_ko: str | None = None, name_en: str | None = None,
                            fields: list[str] | None = None, keywords: list[str] | None = None,
                            duty_statement: str | None = None, active: bool | None = None) -> Department:
    """Edit a department, or deactivate / reactivate it. A deactivated department is no longer a
    routing candidate nor offered in forms, and keeps its agendas and history; it is refused while
    it owns open agendas (the error names how many). Recorded in the audit log in the same
    transaction (DEPARTMENT_UPDATED, only the fields that changed)."""
    _require_admin(viewer)
    dept = await Department.get_or_none(code=_clean_code(code))
    if dept is None:
        raise DomainError(C.NOT_FOUND, "No such department.", "code")
    steps = []
    if name_ko is not None:
        steps.append(lambda: ("name_ko", clean_text(name_ko, field="nameKo", lo=2, hi=120, label="Korean name", single_line=True)))
    if name_en is not None:
        steps.append(lambda: ("name_en", clean_text(name_en, field="nameEn", lo=2, hi=160, label="English name", single_line=True)))
    if fields is not None:
        steps.append(lambda: ("policy_fields", _clean_fields(fields)))
    if keywords is not None:
        steps.append(lambda: ("keywords", _clean_keywords(keywords)))
    if duty_statement is not None:
        steps.append(lambda: ("duty_statement", _clean_duty(duty_statement)))
    cleaned = _collect(*steps)
    before = _department_snapshot(dept)
    async with in_transaction() as conn:
        # Held while counting, so an agenda routed to it meanwhile cannot slip past the check.
        await _lock_department(dept.id, conn)
        if active is False and dept.is_active:
            open_count = await Agenda.filter(owner_department_id=dept.id, status__in=OPEN_STATUSES).using_db(conn).count()
            if open_count:
                raise DomainError(C.DEPARTMENT_HAS_OPEN_AGENDAS, msg(
                    "{name} still owns {count} open agendas; reroute or close them before deactivating it.",
                    name=dept.name_ko, count=open_count), "active")
        for attr, value in cleaned:
            setattr(dept, attr, value)
        if active is not None:
            dept.is_active = active
        old, new = changes(before, _department_snapshot(dept))
        if new:
            await dept.save(using_db=conn)
            await audit.record(viewer.user.id, AuditAction.DEPARTMENT_UPDATED, f"department:{dept.code}",
                               before=old, after=new, using_db=conn)
            writes.bump()  # list pages show departments (server/agendas/department_table.py)
    if new:
        writes.bump()  # again after the commit: a reader between the two may have cached the old row
    return dept


async def _lock_department(dept_id: int, conn) -> None:
    if conn.capabilities.dialect == "postgres":
        await Department.filter(id=dept_id).using_db(conn).select_for_update().first()
    else:
        await conn.execute_query("UPDATE departments SET id = id WHERE id = ?", [dept_id])


async def work_plan_items(year: int, department_code: str | None = None, *, include_retired: bool = False
                          ) -> list[WorkPlanItem]:
    """A year's work-plan items, of one department when a code is given (an unknown one has none).
    What a proposal may name: neither retired items nor those of inactive departments, unless
    ``include_retired`` (the admin's screen, which shows everything)."""
    q = WorkPlanItem.filter(year=year)
    code = clean_department_code(department_code)
    if code:
        q = q.filter(department__code=code)
    if not include_retired:
        q = q.filter(retired_at=None, department__is_active=True)
    return list(await q.order_by("id"))


async def create_work_plan_item(viewer: Viewer, *, department_code: str, title: str, keywords: list[str] | None,
                                year: int) -> WorkPlanItem:
    _require_admin(viewer)
    errors: list[DomainError] = []
    dept = None
    try:
        code = clean_department_code(department_code)
        dept = await Department.get_or_none(code=code, is_active=True) if code else None
        if dept is None:
            errors.append(DomainError(C.UNKNOWN_DEPARTMENT, "No such department.", "departmentCode"))
    except DomainError as exc:
        errors.append(exc)
    try:
        title_ = clean_text(title, field="title", lo=2, hi=200, label="title", single_line=True)
    except DomainError as exc:
        errors.append(exc)
    try:
        kws = _clean_keywords(keywords)
    except DomainError as exc:
        errors.append(exc)
    if not 2000 <= year <= 2100:
        errors.append(DomainError(C.INVALID, "Enter a year between 2000 and 2100.", "year"))
    if errors:
        raise ValidationErrors(errors)
    item = await WorkPlanItem.create(department=dept, title=title_, keywords=kws, year=year)
    writes.bump()  # the proposal form and agenda pages show work-plan items (server/ops/writes.py)
    return item


def current_year() -> int:
    return datetime.now(timezone.utc).year


async def load_router(year: int | None = None) -> Router:
    """The routing rule over the live catalogue, thesaurus and track record: four small queries
    (departments, this year's items, the thesaurus's additions, the newest decision in the history),
    so an admin's change or a new decision applies to the next agenda routed."""
    from server.thesaurus.service import load_thesaurus

    year = year or current_year()
    departments = await Department.filter(is_active=True).order_by("code")
    items = await WorkPlanItem.filter(year=year, department__is_active=True, retired_at=None).select_related("department")
    profiles = [
        DepartmentProfile(code=d.code, name_ko=d.name_ko, name_en=d.name_en,
                          fields=frozenset(d.policy_fields or []), keywords=tuple(d.keywords or []),
                          duty_statement=d.duty_statement or "")
        for d in departments
    ]
    plans = [
        WorkPlanProfile(id=i.id, department_code=i.department.code, title=i.title,
                        keywords=tuple(i.keywords or []), year=i.year)
        for i in items
    ]
    thesaurus = await load_thesaurus()
    precedents = await load_precedents({d.id: d.code for d in departments})
    key = (tuple(profiles), tuple(plans), year, thesaurus.signature, precedents)
    router = _ROUTERS.get(key)
    if router is None:
        # Compiling a catalogue with its thesaurus costs ~20 ms, routing with it ~1 ms: keep the
        # compiled router for as long as nothing it was built from changes (a change is a new key).
        router = Router(profiles, plans, year=year, thesaurus=thesaurus, precedents=precedents)
        if len(_ROUTERS) >= 8:
            _ROUTERS.pop(next(iter(_ROUTERS)))
        _ROUTERS[key] = router
    return router


_ROUTERS: dict[tuple, Router] = {}

TRACK_WINDOW = 1000  # the most recent decisions the track record reads
_PRECEDENTS: dict[tuple, tuple[Precedent, ...]] = {}


async def load_precedents(codes: dict[int, str]) -> tuple[Precedent, ...]:
    """The departments' track record, from the history: the most recent acceptances (the agenda's
    owner accepted it) and staff reroutes — evidence for the new owner, against the old one.

    One query finds the newest such event (the history's primary key, read backwards); only when it
    changed are the last ``TRACK_WINDOW`` decisions read again, so proposing — which records no
    decision — costs one indexed lookup whatever the number of agendas."""
    decisions = Q(kind=EventKind.REROUTED.value) | Q(kind=EventKind.TRANSITION.value, to_status=S.ACCEPTED.value)
    newest = await AgendaEvent.filter(decisions).order_by("-id").limit(1).values_list("id", "created_at")
    marker = (tuple(newest[0]) if newest else None, tuple(sorted(codes.items())))
    cached = _PRECEDENTS.get(marker)
    if cached is not None:
        return cached
    rows = await (AgendaEvent.filter(decisions).order_by("-id").limit(TRACK_WINDOW)
                  .values_list("agenda_id", "agenda__title", "agenda__owner_department_id", "kind", "data"))
    out: list[Precedent] = []
    for agenda_id, title, owner_id, kind, data in rows:
        if kind == EventKind.TRANSITION.value:
            if owner_id in codes:
                out.append(Precedent(agenda_id, title, codes[owner_id], "ACCEPTED"))
            continue
        data = data or {}
        to_code = data.get("department_code")
        from_code = codes.get((data.get("previous") or {}).get("department_id"))
        if to_code and to_code in codes.values():
            out.append(Precedent(agenda_id, title, to_code, "REROUTED_TO"))
        if from_code and from_code != to_code:
            out.append(Precedent(agenda_id, title, from_code, "REROUTED_FROM"))
    precedents = tuple(sorted(set(out), key=lambda p: (p.agenda_id, p.department_code, p.kind)))
    _PRECEDENTS.clear()
    _PRECEDENTS[marker] = precedents
    return precedents
