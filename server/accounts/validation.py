"""Input rules for account fields. Text is normalised (NFC for names, NFKC + lower-case for
e-mail) before it is checked, so that visually identical Korean or full-width input cannot
create look-alike accounts."""

from __future__ import annotations

import re
import unicodedata

from server.accounts.errors import AccountErrorCode as C
from server.errors import DomainError
from server.i18n import msg


EMAIL_MAX = 254
DISPLAY_NAME_MAX = 80
PASSWORD_MIN = 10
PASSWORD_MAX = 256

_EMAIL_RE = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")

# The most common leaked passwords at or above the minimum length; a real deployment may extend this.
_COMMON_PASSWORDS = frozenset(
    {
        "1234567890", "12345678910", "0123456789", "1q2w3e4r5t", "qwertyuiop", "password12",
        "password123", "password1234", "iloveyou12", "qwerty1234", "abcdefghij", "1111111111",
        "0000000000", "a123456789", "qwer1234!!", "asdfghjkl;", "zxcvbnm123", "123456789a",
    }
)


def normalize_email(raw: str | None) -> str:
    value = unicodedata.normalize("NFKC", raw or "").strip().lower()
    if not value:
        raise DomainError(C.REQUIRED, "Enter an e-mail address.", "email")
    if len(value) > EMAIL_MAX:
        raise DomainError(C.TOO_LONG, msg("An e-mail address has at most {max} characters.", max=EMAIL_MAX), "email")
    if not _EMAIL_RE.match(value) or ".." in value:
        raise DomainError(C.INVALID_EMAIL, "Enter a valid e-mail address such as name@example.org.", "email")
    return value


def normalize_display_name(raw: str | None) -> str:
    value = unicodedata.normalize("NFC", raw or "").strip()
    value = re.sub(r"\s+", " ", value)
    if not value:
        raise DomainError(C.REQUIRED, "Enter a display name.", "displayName")
    if len(value) > DISPLAY_NAME_MAX:
        raise DomainError(C.TOO_LONG, msg("A display name has at most {max} characters.", max=DISPLAY_NAME_MAX), "displayName")
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") for ch in value):
        raise DomainError(C.INVALID, "A display name cannot contain control or unassigned characters.", "displayName")
    return value


def normalize_password(raw: str | None) -> str:
    """NFKC so that the same password typed through different IMEs (full-width, composed Hangul)
    hashes the same."""
    return unicodedata.normalize("NFKC", raw or "")


def check_password_strength(password: str, *, email: str = "", display_name: str = "") -> None:
    if len(password) < PASSWORD_MIN:
        raise DomainError(C.WEAK_PASSWORD, msg("Use at least {min} characters.", min=PASSWORD_MIN), "password")
    if len(password) > PASSWORD_MAX:
        raise DomainError(C.TOO_LONG, msg("A password has at most {max} characters.", max=PASSWORD_MAX), "password")
    lowered = password.lower()
    if lowered in _COMMON_PASSWORDS or len(set(password)) < 4:
        raise DomainError(C.WEAK_PASSWORD, "This password is too easy to guess; choose another.", "password")
    local = email.split("@", 1)[0]
    if (local and len(local) >= 4 and local in lowered) or (display_name and display_name.lower() == lowered):
        raise DomainError(C.WEAK_PASSWORD, "A password must not contain your e-mail name or display name.", "password")
