"""The agenda filter: one value, one validation, one query builder.

The GraphQL ``agendas`` and ``search`` inputs, the export's query parameters and ``agenda export``'s
options all become an ``AgendaFilter`` through ``clean_filter`` and nothing else, so a value refused
in one place is refused in all of them, with the same code. What reaches ``filter_q`` is known to
fit the columns: codes no longer than the column, at most ``MAX_VALUES`` values per list (one SQL
statement may bind only so many), instants that exist on both databases."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime, timezone

from tortoise.expressions import Q

from server.agendas.reference import DISTRICT_CODES
from server.agendas.enums import AgendaStatus, Channel, PolicyField
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.models import Department
from server.agendas.policy import Viewer, visible_q
from server.agendas.routing import OwnerKind
from server.agendas.validation import check_count, clean_department_code
from server.errors import DomainError, ValidationErrors
from server.i18n import label as as_label
from server.i18n import msg


@dataclass(frozen=True)
class AgendaFilter:
    """Which agendas a list, a search or an export shows; empty means "no restriction".
    Build it with ``clean_filter``: the constructor checks nothing."""

    fields: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    department_codes: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    owner_kind: str | None = None
    mine: bool = False
    created_after: datetime | None = None
    created_before: datetime | None = None


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


# The public name of each part: the GraphQL input field, the export's query parameter, and (as
# --kebab-case) the CLI option. Errors name the part by it.
PARAMETERS: dict[str, str] = {f.name: _camel(f.name) for f in fields(AgendaFilter)}


def _codes(raw: Iterable[str] | None, name: str, allowed: Iterable[str], code: C, what: str) -> tuple[str, ...]:
    values = list(raw or ())
    check_count(values, field=PARAMETERS[name])
    allowed = tuple(allowed)
    out = []
    for v in values:
        text = unicodedata.normalize("NFKC", v or "").strip().upper()
        if not text:
            continue
        if text not in allowed:
            raise DomainError(code, msg("Unknown {what}: {value}. Use one of: {allowed}.", what=as_label(what),
                                            value=repr(text[:40]), allowed=", ".join(allowed)), PARAMETERS[name])
        out.append(text)
    return tuple(dict.fromkeys(out))


def clean_instant(value: datetime | None, *, field: str) -> datetime | None:
    """An aware UTC instant, or DATE_OUT_OF_RANGE. ``0001-01-01T00:00+14:00`` is a valid ISO text
    whose UTC instant falls before year 1: Python cannot convert it and PostgreSQL's driver fails
    mid-query (after an export's first bytes were sent). A time without an offset is UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    try:
        return value.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        raise DomainError(C.DATE_OUT_OF_RANGE, "Give a date-time between the years 1 and 9999 (UTC).", field) from None


def clean_filter(*, fields: Iterable[str] | None = None, statuses: Iterable[str] | None = None,
                 channels: Iterable[str] | None = None, department_codes: Iterable[str] | None = None,
                 districts: Iterable[str] | None = None, owner_kind: str | None = None, mine: bool = False,
                 created_after: datetime | None = None, created_before: datetime | None = None) -> AgendaFilter:
    """Raw values (as typed: any case, full-width letters, duplicates) -> an ``AgendaFilter``, or
    ``ValidationErrors`` naming every part that is wrong. Codes are normalised (NFKC, upper case) so
    ``mapo`` and ``ＭＡＰＯ`` filter like ``MAPO``; an unknown department is not an error here (the
    list simply finds nothing), a code no department could have is."""
    errors: list[DomainError] = []

    def check(fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except DomainError as exc:
            errors.append(exc)
            return None

    def codes() -> tuple[str, ...]:
        values = list(department_codes or ())
        check_count(values, field=PARAMETERS["department_codes"])
        cleaned = [clean_department_code(v, field=PARAMETERS["department_codes"]) for v in values]
        return tuple(dict.fromkeys(c for c in cleaned if c))

    def owner() -> str | None:
        kinds = _codes([owner_kind] if owner_kind else [], "owner_kind", [k.value for k in OwnerKind],
                       C.INVALID_OWNER_KIND, "owner kind")
        return kinds[0] if kinds else None

    f = AgendaFilter(
        fields=check(_codes, fields, "fields", [p.value for p in PolicyField], C.INVALID_FIELD, "policy field") or (),
        statuses=check(_codes, statuses, "statuses", [s.value for s in AgendaStatus], C.INVALID_STATUS, "status") or (),
        channels=check(_codes, channels, "channels", [c.value for c in Channel], C.INVALID_CHANNEL, "channel") or (),
        department_codes=check(codes) or (),
        districts=check(_codes, districts, "districts", DISTRICT_CODES, C.INVALID_DISTRICT, "district") or (),
        owner_kind=check(owner),
        mine=bool(mine),
        created_after=check(clean_instant, created_after, field=PARAMETERS["created_after"]),
        created_before=check(clean_instant, created_before, field=PARAMETERS["created_before"]),
    )
    if errors:
        raise ValidationErrors(errors)
    return f


async def filter_q(viewer: Viewer, f: AgendaFilter) -> Q:
    """The agendas ``viewer`` may see that match ``f``, as one Tortoise ``Q``: the only place a
    filter becomes a query, for lists, the export and search's database fallback alike."""
    q = Q()
    vq = visible_q(viewer)
    if vq is not None:
        q &= vq
    if f.fields:
        q &= Q(field__in=list(f.fields))
    if f.statuses:
        q &= Q(status__in=list(f.statuses))
    if f.channels:
        q &= Q(channel__in=list(f.channels))
    if f.districts:
        q &= Q(district__in=list(f.districts))
    if f.owner_kind:
        q &= Q(owner_kind=f.owner_kind)
    if f.department_codes:
        ids = list(await Department.filter(code__in=list(f.department_codes)).values_list("id", flat=True))
        q &= Q(owner_department_id__in=ids or [0])
    if f.mine:
        if viewer.user is None:
            raise DomainError(C.NOT_AUTHENTICATED, "Log in to see your own agendas.", "mine")
        q &= Q(proposer_id=viewer.user.id)
    if f.created_after:
        q &= Q(created_at__gte=f.created_after)
    if f.created_before:
        q &= Q(created_at__lt=f.created_before)
    return q


async def unknown_departments(f: AgendaFilter) -> list[str]:
    """The filter's department codes that name no department (the export refuses them: a bulk
    download of nothing because of a typo is worse than a clear message)."""
    if not f.department_codes:
        return []
    known = set(await Department.filter(code__in=list(f.department_codes)).values_list("code", flat=True))
    return [c for c in f.department_codes if c not in known]

