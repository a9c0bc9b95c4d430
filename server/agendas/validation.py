"""Input rules for agendas. Text is NFC-normalised (so that composed and decomposed Hangul are the
same text) and stripped; lengths count characters as a person sees them in the form."""

from __future__ import annotations

import re
import unicodedata

from server.agendas.enums import Channel, PolicyField
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.reference import BODY_MAX, BODY_MIN, DISTRICT_CODES, TITLE_MAX, TITLE_MIN
from server.errors import DomainError

REASON_MIN, REASON_MAX = 2, 5_000
MAX_RELATED = 10

_FORBIDDEN = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ud800-\udfff]")


def clean_text(raw: str | None, *, field: str, lo: int, hi: int, label: str, single_line: bool = False) -> str:
    value = unicodedata.normalize("NFC", raw or "").strip()
    if single_line:
        value = re.sub(r"\s+", " ", value)
    else:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if not value:
        raise DomainError(C.REQUIRED, f"Enter a {label}.", field)
    if _FORBIDDEN.search(value):
        raise DomainError(C.INVALID, f"The {label} contains control characters.", field)
    if len(value) < lo:
        raise DomainError(C.TOO_SHORT, f"A {label} needs at least {lo} characters.", field)
    if len(value) > hi:
        raise DomainError(C.TOO_LONG, f"A {label} has at most {hi:,} characters.", field)
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


def clean_codes(raw: list[str] | None, *, field: str = "relatedDepartmentCodes") -> list[str]:
    codes = sorted({unicodedata.normalize("NFKC", c).strip().upper() for c in (raw or []) if c and c.strip()})
    if len(codes) > MAX_RELATED:
        raise DomainError(C.INVALID, f"Name at most {MAX_RELATED} related departments.", field)
    return codes
