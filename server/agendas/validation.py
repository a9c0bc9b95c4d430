"""Input rules for agendas. Text is NFC-normalised (so that composed and decomposed Hangul are the
same text) and stripped; lengths count characters as a person sees them in the form."""

from __future__ import annotations

import re
import unicodedata

from server.agendas.enums import Channel, PolicyField
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.models import Department
from server.agendas.reference import BODY_MAX, BODY_MIN, DISTRICT_CODES, TITLE_MAX, TITLE_MIN
from server.errors import DomainError
from server.i18n import label as as_label
from server.i18n import msg

REASON_MIN, REASON_MAX = 2, 5_000
MAX_RELATED = 10
MAX_VALUES = 100  # values in one list input (a filter's districts, codes…)
# The column's own limit: a longer "code" cannot name a department, and must not reach the database.
DEPARTMENT_CODE_MAX: int = Department._meta.fields_map["code"].max_length
_DEPARTMENT_CODE = re.compile(r"^[A-Z0-9_]+$")

_FORBIDDEN = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ud800-\udfff]")


def clean_text(raw: str | None, *, field: str, lo: int, hi: int, label: str, single_line: bool = False) -> str:
    label = as_label(label)
    value = unicodedata.normalize("NFC", raw or "").strip()
    if single_line:
        value = re.sub(r"\s+", " ", value)
    else:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if not value:
        raise DomainError(C.REQUIRED, msg("Enter a {label}.", label=label), field)
    if _FORBIDDEN.search(value):
        raise DomainError(C.INVALID, msg("The {label} contains control characters.", label=label), field)
    if len(value) < lo:
        raise DomainError(C.TOO_SHORT, msg("A {label} needs at least {min} characters.", label=label, min=lo), field)
    if len(value) > hi:
        raise DomainError(C.TOO_LONG, msg("A {label} has at most {max:,} characters.", label=label, max=hi), field)
    return value


def clean_title(raw: str | None) -> str:
    return clean_text(raw, field="title", lo=TITLE_MIN, hi=TITLE_MAX, label="title", single_line=True)


def clean_body(raw: str | None) -> str:
    return clean_text(raw, field="body", lo=BODY_MIN, hi=BODY_MAX, label="description")


def clean_reason(raw: str | None, *, field: str = "reason", label: str = "reason") -> str:
    return clean_text(raw, field=field, lo=REASON_MIN, hi=REASON_MAX, label=label)


def clean_field(raw: str | None) -> PolicyField:
    try:
        return PolicyField(raw)
    except ValueError:
        raise DomainError(C.INVALID_FIELD, "Choose one of the five policy fields.", "field") from None


def clean_channel(raw: str | None) -> Channel:
    try:
        return Channel(raw or Channel.CITIZEN_PROPOSAL.value)
    except ValueError:
        raise DomainError(C.INVALID_CHANNEL, "Unknown discovery channel.", "channel") from None


def clean_district(raw: str | None) -> str | None:
    if raw is None or not raw.strip():
        return None
    code = unicodedata.normalize("NFKC", raw).strip().upper()
    if code not in DISTRICT_CODES:
        raise DomainError(C.INVALID_DISTRICT, "Choose one of Seoul's 25 districts, or none.", "district")
    return code


def clean_department_code(raw: str | None, *, field: str = "departmentCode") -> str | None:
    """A department code as people type it (``transport``, full-width letters) in its stored form,
    or None when empty. A value no department could have is refused here, before any query: the
    database would otherwise reject an over-long parameter with an error nobody can act on."""
    code = unicodedata.normalize("NFKC", raw or "").strip().upper()
    if not code:
        return None
    if len(code) > DEPARTMENT_CODE_MAX or not _DEPARTMENT_CODE.match(code):
        raise DomainError(C.INVALID_DEPARTMENT_CODE,
                          msg("A department code has at most {max} letters, digits or underscores (e.g. TRANSPORT).",
                              max=DEPARTMENT_CODE_MAX), field)
    return code


def check_count(raw: list | tuple | None, *, field: str, limit: int = MAX_VALUES) -> None:
    """Refuse an over-long list before looking at its values: 100,000 values would otherwise each be
    normalised, and then exceed what one SQL statement may bind."""
    if len(raw or ()) > limit:
        raise DomainError(C.TOO_MANY_VALUES, msg("Give at most {max} values.", max=limit), field)


def clean_codes(raw: list[str] | None, *, field: str = "relatedDepartmentCodes") -> list[str]:
    check_count(raw, field=field)
    codes = sorted({code for c in (raw or []) if (code := clean_department_code(c, field=field))})
    if len(codes) > MAX_RELATED:
        raise DomainError(C.INVALID, msg("Name at most {max} related departments.", max=MAX_RELATED), field)
    return codes
