"""Account use cases, called by GraphQL mutations and by the CLI alike."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.accounts import email_tokens, throttle, tokens
from server.accounts.consent import PRIVACY_CONSENT_VERSION
from server.accounts.errors import AccountErrorCode as C
from server.accounts.models import User
from server.accounts.passwords import hash_password, verify_password
from server.accounts.roles import Role
from server.accounts.validation import (
    check_password_strength,
    normalize_display_name,
    normalize_email,
    normalize_password,
)
from server.agendas.models import Department
from server.notifications.models import MailDelivery
from server.errors import DomainError, ValidationErrors
from server.settings import Settings
from server.i18n import LANGUAGES, msg


async def create_user(
    *,
    email: str,
    password: str,
    display_name: str,
    role: Role = Role.CITIZEN,
    department_codes: Sequence[str] = (),
    email_verified: bool = True,
    language: str = "ko",
    privacy_consent: bool | None = None,
) -> User:
    """Validate everything first (collecting every field error), then write user and department
    links in one transaction: a failure leaves no half-made account behind. Accounts made by an
    operator (the CLI, an invitation) have a verified address; self-registration passes
    ``email_verified=False`` and gets the verification mail (a ``MailDelivery``) in the same
    transaction, so an account never exists without its link on the way.

    ``privacy_consent`` is asked of people who register themselves (None: an operator makes the
    account): anything but True refuses the registration, True is recorded with the consent text's
    version and time."""
    errors: list[DomainError] = []
    if privacy_consent is not None and privacy_consent is not True:
        errors.append(DomainError(C.CONSENT_REQUIRED, "Agree to the collection and use of personal data to register.",
                                  "privacyConsent"))
    clean_email = clean_name = ""
    for fn, target in ((normalize_email, "email"), (normalize_display_name, "name")):
        try:
            value = fn(email if target == "email" else display_name)
            if target == "email":
                clean_email = value
            else:
                clean_name = value
        except DomainError as exc:
            errors.append(exc)
    clean_password = normalize_password(password)
    try:
        check_password_strength(clean_password, email=clean_email, display_name=clean_name)
    except DomainError as exc:
        errors.append(exc)

    departments: list[Department] = []
    codes = sorted({c.strip().upper() for c in department_codes if c and c.strip()})
    if codes:
        departments = await Department.filter(code__in=codes)
        missing = set(codes) - {d.code for d in departments}
        if missing:
            errors.append(
                DomainError(C.UNKNOWN_DEPARTMENT, msg("Unknown department code(s): {codes}.", codes=", ".join(sorted(missing))), "departmentCodes")
            )
    if errors:
        raise ValidationErrors(errors)

    if await User.filter(email=clean_email).exists():
        raise _duplicate()
    password_hash = await hash_password(clean_password)
    now = datetime.now(timezone.utc)
    try:
        async with in_transaction() as conn:
            user = await User.create(
                email=clean_email, password_hash=password_hash, display_name=clean_name, role=role,
                email_verified_at=now if email_verified else None,
                language=language if language in LANGUAGES else "ko",
                consent_version=PRIVACY_CONSENT_VERSION if privacy_consent else None,
                consented_at=now if privacy_consent else None,
                using_db=conn,
            )
            if departments:
                await user.departments.add(*departments, using_db=conn)
            if not email_verified:
                await MailDelivery.create(user_id=user.id, purpose=email_tokens.VERIFY, available_at=now,
                                          using_db=conn)
    except IntegrityError:
        # Two registrations for the same address raced past the check above.
        raise _duplicate() from None
    return user


def _duplicate() -> DomainError:
    return DomainError(C.DUPLICATE_EMAIL, "An account with this e-mail address already exists.", "email")


async def login(*, email: str, password: str, settings: Settings, kind: str,
                address: str | None = None) -> tuple[User, tokens.IssuedToken]:
    """Unknown e-mail and wrong password give the same error and take the same time, and both are
    throttled alike (``throttle``) per account and per client ``address``."""
    try:
        clean_email = normalize_email(email)
    except DomainError:
        clean_email = ""
    attempt = throttle.Attempt.of(secret=settings.secret, email=clean_email or email.strip().lower()[:254],
                                  address=address)
    await throttle.refuse_if_throttled(attempt)
    user = await User.get_or_none(email=clean_email) if clean_email else None
    ok = await verify_password(user.password_hash if user else None, normalize_password(password))
    if user is None or not ok:
        await throttle.record_failure(attempt)
        raise DomainError(C.INVALID_CREDENTIALS, "The e-mail address or password is wrong.", "password")
    await throttle.record_success(attempt)
    if not user.is_active:
        raise DomainError(C.ACCOUNT_DISABLED, "This account is disabled.", "email")
    ttl_hours = settings.session_ttl_hours if kind == tokens.SESSION else settings.bearer_token_ttl_hours
    issued = await tokens.issue(user, secret=settings.secret, kind=kind, ttl=timedelta(hours=ttl_hours))
    return user, issued
