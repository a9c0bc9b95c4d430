"""Keeping a department's work plan (업무계획) over the years: edit an item, retire it, carry a year's
plan into the next. An item agendas refer to is retired, never deleted — its agendas keep pointing at
it and their history still reads — while the routing rule and the proposal form stop offering it; an
item nothing refers to may simply go. Every change is in the audit log, written in its transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from tortoise.transactions import in_transaction

from server.agendas.departments import _clean_keywords, _require_admin
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.models import Agenda, Department, WorkPlanItem
from server.agendas.policy import Viewer
from server.agendas.validation import clean_department_code, clean_text
from server.audit import log as audit
from server.audit.actions import AuditAction
from server.audit.log import changes
from server.errors import DomainError, ValidationErrors
from server.ops import writes


def _snapshot(item: WorkPlanItem, department_code: str) -> dict:
    return {"title": item.title, "keywords": list(item.keywords or []), "department": department_code,
            "year": item.year}


def _check_year(year: int, field: str) -> None:
    if not 2000 <= year <= 2100:
        raise DomainError(C.INVALID, "Enter a year between 2000 and 2100.", field)


async def _item(item_id: int) -> WorkPlanItem:
    item = await WorkPlanItem.get_or_none(id=item_id).select_related("department") if 0 < item_id < 2**31 else None
    if item is None:
        raise DomainError(C.UNKNOWN_WORK_PLAN_ITEM, "No such work-plan item.", "id")
    return item


async def update_work_plan_item(viewer: Viewer, item_id: int, *, title: str | None = None,
                                keywords: list[str] | None = None, department_code: str | None = None
                                ) -> WorkPlanItem:
    _require_admin(viewer)
    item = await _item(item_id)
    errors: list[DomainError] = []
    new_title = new_keywords = new_dept = None
    if title is not None:
        try:
            new_title = clean_text(title, field="title", lo=2, hi=200, label="title", single_line=True)
        except DomainError as exc:
            errors.append(exc)
    if keywords is not None:
        try:
            new_keywords = _clean_keywords(keywords)
        except DomainError as exc:
            errors.append(exc)
    if department_code is not None:
        try:
            code = clean_department_code(department_code)
            new_dept = await Department.get_or_none(code=code, is_active=True) if code else None
            if new_dept is None:
                errors.append(DomainError(C.UNKNOWN_DEPARTMENT, "No such department.", "departmentCode"))
        except DomainError as exc:
            errors.append(exc)
    if item.retired_at is not None:
        errors.append(DomainError(C.WORK_PLAN_ITEM_RETIRED, "This work-plan item is retired; it can no longer be changed.", "id"))
    if errors:
        raise ValidationErrors(errors)
    before = _snapshot(item, item.department.code)
    if new_title is not None:
        item.title = new_title
    if new_keywords is not None:
        item.keywords = new_keywords
    if new_dept is not None:
        item.department = new_dept
    old, new = changes(before, _snapshot(item, item.department.code))
    if new:
        async with in_transaction() as conn:
            await item.save(using_db=conn)
            await audit.record(viewer.user.id, AuditAction.WORK_PLAN_ITEM_UPDATED, f"work_plan_item:{item.id}",
                               before=old, after=new, using_db=conn)
        writes.bump()  # the proposal form and agenda pages show work-plan items (server/ops/writes.py)
    return item


@dataclass(frozen=True)
class Retirement:
    item: WorkPlanItem
    deleted: bool  # nothing referred to it, so it is gone; otherwise it is retired and kept


async def retire_work_plan_item(viewer: Viewer, item_id: int) -> Retirement:
    _require_admin(viewer)
    item = await _item(item_id)
    async with in_transaction() as conn:
        referenced = await Agenda.filter(work_plan_item_id=item.id).using_db(conn).count()
        snapshot = _snapshot(item, item.department.code)
        if referenced:
            if item.retired_at is None:
                item.retired_at = datetime.now(timezone.utc)
                await WorkPlanItem.filter(id=item.id).using_db(conn).update(retired_at=item.retired_at)
                await audit.record(viewer.user.id, AuditAction.WORK_PLAN_ITEM_RETIRED, f"work_plan_item:{item.id}",
                                   before={"retired": False}, after={"retired": True, "agendas": referenced},
                                   using_db=conn)
        else:
            await WorkPlanItem.filter(id=item.id).using_db(conn).delete()
            await audit.record(viewer.user.id, AuditAction.WORK_PLAN_ITEM_RETIRED, f"work_plan_item:{item.id}",
                               before=snapshot, after={"deleted": True}, using_db=conn)
    writes.bump()  # retired or deleted: no longer offered on the proposal form
    return Retirement(item, deleted=not referenced)


@dataclass(frozen=True)
class PlanCopy:
    from_year: int
    to_year: int
    copied: int
    skipped: int  # already in the target year (same department and title): a second copy adds nothing


async def copy_work_plan(viewer: Viewer, from_year: int, to_year: int) -> PlanCopy:
    """Carry the items of ``from_year`` into ``to_year``: active departments' items that are not
    retired and not already there (same department, same title). Idempotent."""
    _require_admin(viewer)
    errors = []
    for year, field in ((from_year, "fromYear"), (to_year, "toYear")):
        try:
            _check_year(year, field)
        except DomainError as exc:
            errors.append(exc)
    if not errors and from_year == to_year:
        errors.append(DomainError(C.INVALID, "Copy into a different year.", "toYear"))
    if errors:
        raise ValidationErrors(errors)
    async with in_transaction() as conn:
        source = await (WorkPlanItem.filter(year=from_year, retired_at=None, department__is_active=True)
                        .using_db(conn).order_by("id"))
        have = {(d, t) for d, t in await WorkPlanItem.filter(year=to_year).using_db(conn)
                .values_list("department_id", "title")}
        fresh = [WorkPlanItem(department_id=i.department_id, title=i.title, keywords=list(i.keywords or []),
                              year=to_year)
                 for i in source if (i.department_id, i.title) not in have]
        if fresh:
            await WorkPlanItem.bulk_create(fresh, using_db=conn)
            await audit.record(viewer.user.id, AuditAction.WORK_PLAN_COPIED, f"work_plan:{to_year}",
                               before={"year": from_year}, after={"year": to_year, "copied": len(fresh)},
                               using_db=conn)
    if fresh:
        writes.bump()  # the new year's items are offered on the proposal form
    return PlanCopy(from_year, to_year, copied=len(fresh), skipped=len(source) - len(fresh))
