"""One settings object, read from the environment (the names are fixed for operators: README, "Configuration").

Everything configurable lives here so that the rest of the code never reads ``os.environ``.
Invalid values fail at start with a message that names the variable.
"""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit


class ConfigError(ValueError):
    """Raised when an environment variable holds an invalid value; the message names it."""


_LOG_LEVELS = ("critical", "error", "warning", "info", "debug")


def _int(env: dict[str, str], name: str, default: int, lo: int, hi: int) -> int:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None
    if not lo <= value <= hi:
        raise ConfigError(f"{name} must be between {lo} and {hi}, got {value}")
    return value


def _bool(env: dict[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    v = raw.strip().lower()
    if v in ("1", "true", "yes", "on"):
        return True
    if v in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name} must be 0 or 1, got {raw!r}")


def _timezone(env: dict[str, str]) -> str:
    """Quarters and due dates are the city's calendar, not UTC's."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = (env.get("AGENDA_TIMEZONE") or "Asia/Seoul").strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"AGENDA_TIMEZONE must be an IANA time zone such as Asia/Seoul, got {name!r}") from None
    return name


# Where `npm run build` in frontend/ puts the web app; AGENDA_FRONTEND_DIR serves another build.
FRONTEND_DIST = Path(__file__).resolve().parent.parent / "frontend" / "dist"


MAX_WORKERS = 64


def default_workers() -> int:
    """One server process per core: a Python process uses one core at a time, so a city's 2-core
    machine answers twice the requests with two (capped: past 64 the database's connections run out first)."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def default_cache_dir(env: dict[str, str]) -> Path:
    """Downloaded binaries are cached outside the work tree, shared by every checkout."""
    if env.get("AGENDA_CACHE_DIR"):
        return Path(env["AGENDA_CACHE_DIR"]).expanduser()
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "civic-agenda"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    meili_url: str | None
    meili_master_key: str | None
    host: str
    port: int
    secret: str
    log_level: str
    demo: bool
    cache_dir: Path
    index_prefix: str = ""
    bearer_token_ttl_hours: int = 24 * 30
    session_ttl_hours: int = 24 * 14
    cookie_secure: bool = True
    max_query_depth: int = 12
    max_aliases: int = 20
    max_tokens: int = 3000
    max_batch: int = 10
    max_query_cost: int = 5000  # estimated fields resolved per request, batch summed (schema/cost.py)
    proposals_per_hour: int = 10
    max_page_size: int = 100
    worker_in_process: bool = True
    timezone: str = "Asia/Seoul"
    stalled_days: int = 60
    rate_limit_per_minute: int = 600  # per client on /graphql and /export; 0 disables (server/ops/ratelimit.py)
    rate_limit_burst: int = 0  # bucket size; 0 means one minute's allowance
    log_format: str = "text"  # "text" or "json" (one JSON object per line, server/ops/logs.py)
    frontend_dir: Path = FRONTEND_DIST  # the built web app (npm run build in frontend/)
    # Accountability: what the programme promises the proposer (server/accountability/).
    answer_days: int = 14  # working days from entering triage to a decision
    holidays_country: str = "KR"  # public holidays of the city's calendar (the `holidays` package)
    progress_notice_days: int = 30  # accepted and in-progress agendas owe a progress update this often
    reminder_working_days: int = 3  # the owner's staff are reminded this many working days before a due date
    support_thresholds: tuple = ((50, "ANSWER"), (100, "WORKSHOP"))
    threshold_window_days: int = 30  # supports count toward a threshold within this many days of routing
    require_verified_email: bool = True  # proposals and supports need a verified e-mail address
    reports_to_hide: int = 3  # reports from different verified accounts that hide a comment until a moderator decides
    comments_per_hour: int = 30  # comments a citizen may write per hour (server/participation/)
    smtp_url: str | None = None  # unset: mail is written as .eml files under <data>/mail/
    mail_from: str = "civic-agenda <no-reply@localhost>"
    public_url: str = ""  # the address people open (links in e-mail); default http://host:port
    files_dir_setting: Path | None = None  # AGENDA_FILES_DIR; unset: <data>/files (see ``files_dir``)
    uploads_per_hour: int = 30  # files one account may upload in an hour (server/attachments/)
    workers: int = 1  # AGENDA_WORKERS: `agenda serve`'s server processes (civic/processes.py); from_env: the cores
    # AGENDA_MEILI_INDEXING_THREADS: the provisioned Meilisearch's --max-indexing-threads; 0: its default
    # (half the cores). More rebuilds faster and costs freshness (server/search/provision.py).
    meili_indexing_threads: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def mail_dir(self) -> Path:
        return self.data_dir / "mail"

    @property
    def files_dir(self) -> Path:
        """Uploaded files (attachments), named by content hash (server/attachments/storage.py)."""
        return self.files_dir_setting or self.data_dir / "files"

    @property
    def base_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def provision_meili(self) -> bool:
        return self.meili_url is None

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, *, ensure_secret: bool = True) -> "Settings":
        env = dict(os.environ if env is None else env)
        data_dir = Path(env.get("AGENDA_DATA_DIR") or "./data").expanduser().resolve()

        database_url = (env.get("DATABASE_URL") or "").strip()
        if not database_url:
            database_url = f"sqlite://{data_dir / 'agenda.sqlite3'}"
        scheme = urlsplit(database_url).scheme
        if scheme not in ("sqlite", "postgres", "postgresql", "asyncpg", "psycopg"):
            raise ConfigError(
                f"DATABASE_URL must start with sqlite:// or postgres://, got scheme {scheme!r}"
            )

        meili_url = (env.get("MEILI_URL") or "").strip() or None
        meili_key = env.get("MEILI_MASTER_KEY") or None
        if meili_url is not None:
            parts = urlsplit(meili_url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ConfigError(f"MEILI_URL must be an http(s) URL, got {meili_url!r}")
        elif meili_key is not None:
            raise ConfigError("MEILI_MASTER_KEY is set but MEILI_URL is not; set both or neither")

        host = (env.get("AGENDA_HOST") or "127.0.0.1").strip()
        port = _int(env, "AGENDA_PORT", 8000, 1, 65535)

        log_level = (env.get("AGENDA_LOG_LEVEL") or "info").strip().lower()
        if log_level not in _LOG_LEVELS:
            raise ConfigError(f"AGENDA_LOG_LEVEL must be one of {', '.join(_LOG_LEVELS)}, got {log_level!r}")

        secret = env.get("AGENDA_SECRET") or ""
        if secret and len(secret) < 32:
            raise ConfigError("AGENDA_SECRET must be at least 32 characters long")
        if not secret:
            secret = _stored_secret(data_dir) if ensure_secret else ""

        return cls(
            data_dir=data_dir,
            database_url=database_url,
            meili_url=meili_url.rstrip("/") if meili_url else None,
            meili_master_key=meili_key,
            host=host,
            port=port,
            secret=secret,
            log_level=log_level,
            demo=_bool(env, "AGENDA_DEMO", True),
            cache_dir=default_cache_dir(env),
            index_prefix=(env.get("AGENDA_INDEX_PREFIX") or "").strip(),
            bearer_token_ttl_hours=_int(env, "AGENDA_TOKEN_TTL_HOURS", 24 * 30, 1, 24 * 365),
            session_ttl_hours=_int(env, "AGENDA_SESSION_TTL_HOURS", 24 * 14, 1, 24 * 365),
            cookie_secure=_bool(env, "AGENDA_COOKIE_SECURE", True),
            proposals_per_hour=_int(env, "AGENDA_PROPOSALS_PER_HOUR", 10, 1, 100_000),
            worker_in_process=_bool(env, "AGENDA_WORKER_IN_PROCESS", True),
            timezone=_timezone(env),
            stalled_days=_int(env, "AGENDA_STALLED_DAYS", 60, 1, 3650),
            rate_limit_per_minute=_int(env, "AGENDA_RATE_LIMIT_PER_MINUTE", 600, 0, 1_000_000),
            rate_limit_burst=_int(env, "AGENDA_RATE_LIMIT_BURST", 0, 0, 1_000_000),
            log_format=_log_format(env),
            frontend_dir=Path(env.get("AGENDA_FRONTEND_DIR") or FRONTEND_DIST).expanduser().resolve(),
            answer_days=_int(env, "AGENDA_ANSWER_DAYS", 14, 1, 365),
            holidays_country=_holidays_country(env),
            progress_notice_days=_int(env, "AGENDA_PROGRESS_NOTICE_DAYS", 30, 1, 3650),
            support_thresholds=parse_thresholds(env.get("AGENDA_SUPPORT_THRESHOLDS")),
            require_verified_email=_bool(env, "AGENDA_REQUIRE_VERIFIED_EMAIL", True),
            reports_to_hide=_int(env, "AGENDA_REPORTS_TO_HIDE", 3, 1, 1000),
            comments_per_hour=_int(env, "AGENDA_COMMENTS_PER_HOUR", 30, 1, 100_000),
            smtp_url=_smtp_url(env),
            mail_from=_mail_from(env),
            public_url=_public_url(env),
            files_dir_setting=Path(env["AGENDA_FILES_DIR"]).expanduser().resolve() if (env.get("AGENDA_FILES_DIR") or "").strip() else None,
            uploads_per_hour=_int(env, "AGENDA_UPLOADS_PER_HOUR", 30, 1, 100_000),
            workers=_int(env, "AGENDA_WORKERS", default_workers(), 1, MAX_WORKERS),
            meili_indexing_threads=_int(env, "AGENDA_MEILI_INDEXING_THREADS", 0, 0, len(os.sched_getaffinity(0))),
        )

    @property
    def python_log_level(self) -> int:
        return getattr(logging, self.log_level.upper())


THRESHOLD_ACTIONS = ("ANSWER", "WORKSHOP")


def parse_thresholds(raw: str | None) -> tuple:
    """``AGENDA_SUPPORT_THRESHOLDS``: ``50:ANSWER,100:WORKSHOP`` — at 50 supports an official answer is
    owed, at 100 the agenda goes on the next quarterly workshop. Empty disables both."""
    if raw is None:
        return ((50, "ANSWER"), (100, "WORKSHOP"))
    out: list[tuple[int, str]] = []
    for part in (p.strip() for p in raw.split(",")):
        if not part:
            continue
        count, _, action = part.partition(":")
        action = action.strip().upper()
        try:
            n = int(count.strip())
        except ValueError:
            n = 0
        if n < 1 or n > 1_000_000 or action not in THRESHOLD_ACTIONS:
            raise ConfigError(f"AGENDA_SUPPORT_THRESHOLDS must look like 50:ANSWER,100:WORKSHOP "
                              f"(a count from 1 and ANSWER or WORKSHOP), got {raw!r}")
        out.append((n, action))
    if len({a for _, a in out}) != len(out):
        raise ConfigError(f"AGENDA_SUPPORT_THRESHOLDS names an action twice: {raw!r}")
    return tuple(sorted(out))


def _holidays_country(env: dict[str, str]) -> str:
    value = (env.get("AGENDA_HOLIDAYS_COUNTRY") or "KR").strip().upper()
    import holidays

    if value not in holidays.list_supported_countries():
        raise ConfigError(f"AGENDA_HOLIDAYS_COUNTRY must be a country code the holidays package knows "
                          f"(e.g. KR, TW, US), got {value!r}")
    return value


def _smtp_url(env: dict[str, str]) -> str | None:
    raw = (env.get("AGENDA_SMTP_URL") or "").strip()
    if not raw:
        return None
    parts = urlsplit(raw)
    try:
        port = parts.port
    except ValueError:
        port = None
        parts = None
    if parts is None or parts.scheme not in ("smtp", "smtps") or not parts.hostname or (port is not None and not 0 < port < 65536):
        raise ConfigError("AGENDA_SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465")
    return raw


def _mail_from(env: dict[str, str]) -> str:
    from email.utils import parseaddr

    raw = (env.get("AGENDA_MAIL_FROM") or "").strip()
    if not raw:
        return "civic-agenda <no-reply@localhost>"
    _, address = parseaddr(raw)
    if "@" not in address or any(c in raw for c in "\r\n"):
        raise ConfigError(f"AGENDA_MAIL_FROM must be an e-mail address such as '서울시 <no-reply@seoul.go.kr>', got {raw!r}")
    return raw


def _public_url(env: dict[str, str]) -> str:
    raw = (env.get("AGENDA_PUBLIC_URL") or "").strip()
    if raw:
        parts = urlsplit(raw)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(f"AGENDA_PUBLIC_URL must be an http(s) URL, got {raw!r}")
    return raw.rstrip("/")


def _log_format(env: dict[str, str]) -> str:
    value = (env.get("AGENDA_LOG_FORMAT") or "text").strip().lower()
    if value not in ("text", "json"):
        raise ConfigError(f"AGENDA_LOG_FORMAT must be text or json, got {value!r}")
    return value


def _stored_secret(data_dir: Path) -> str:
    """AGENDA_SECRET unset: generate one on first start and keep it in the data folder (mode 0600)."""
    path = data_dir / "secret.key"
    if path.exists():
        value = path.read_text(encoding="utf-8").strip()
        if len(value) >= 32:
            return value
    data_dir.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(value + "\n")
    return value
