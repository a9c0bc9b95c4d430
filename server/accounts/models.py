"""Account tables. Emails are stored normalised (lower-case) under a unique index, so that
uniqueness is case-insensitive on both SQLite and PostgreSQL without collation tricks."""

from tortoise import fields
from tortoise.models import Model

from server.accounts.roles import Role


class User(Model):
    id = fields.IntField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)
    password_hash = fields.CharField(max_length=255)
    display_name = fields.CharField(max_length=80)
    role = fields.CharEnumField(Role, max_length=16, default=Role.CITIZEN, db_index=True)
    is_active = fields.BooleanField(default=True)
    # Accountability: the language messages and e-mail reach this person in, how they want e-mail,
    # whether the address is proven theirs, and the personal-data consent they gave.
    language = fields.CharField(max_length=8, default="ko")
    email_preference = fields.CharField(max_length=16, default="IMMEDIATE")  # IMMEDIATE | DAILY_DIGEST | OFF
    email_verified_at = fields.DatetimeField(null=True)
    consent_version = fields.CharField(max_length=32, null=True)
    consented_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    departments = fields.ManyToManyField(
        "agenda.Department", related_name="members", through="user_department"
    )

    class Meta:
        table = "users"


class AuthToken(Model):
    """An opaque token, stored only as an HMAC so a database leak yields no usable credential."""

    id = fields.IntField(primary_key=True)
    user = fields.ForeignKeyField("agenda.User", related_name="tokens", on_delete=fields.CASCADE)
    token_hash = fields.CharField(max_length=64, unique=True)
    kind = fields.CharField(max_length=16)  # "bearer" or "session"
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField(db_index=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "auth_tokens"


class LoginThrottle(Model):
    """Failed logins counted per key (an account, an address, or an address at an account) in the
    database, so that every server process sees the same counts (``server/accounts/throttle.py``).
    Keys hold a keyed hash of the e-mail address, never the address itself."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=100, unique=True)
    failures = fields.IntField(default=0)
    last_failure_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "login_throttles"


class EmailToken(Model):
    """A single-use link sent by e-mail (verify the address, reset the password), stored only as an
    HMAC like ``AuthToken``; ``used_at`` makes it single-use, ``expires_at`` short-lived."""

    id = fields.IntField(primary_key=True)
    user = fields.ForeignKeyField("agenda.User", related_name="email_tokens", on_delete=fields.CASCADE)
    purpose = fields.CharField(max_length=16)  # "verify" | "reset"
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "email_tokens"
