"""Backup and restore of the embedded SQLite database with SQLite's online backup API.

A file copy of a live SQLite database can catch it half-written (and misses what sits in the WAL);
the backup API copies a consistent snapshot page by page while the server keeps serving — in WAL
mode readers and writers are not blocked. The backup is written aside (``FILE.part``), switched to
a single-file journal mode, checked with ``PRAGMA integrity_check`` and only then renamed to
``FILE``, mode 0600 (it holds password hashes and token digests).

Restore checks the backup first (integrity, civic-agenda tables), refuses to overwrite a database
that holds data unless forced, and copies it into place with the same API — so SQLite's own
locking and journal handle the live file and its ``-wal``; nothing is ever renamed over a database
file. The caller then applies pending migrations and rebuilds the search index (``agenda restore``).

PostgreSQL deployments back up with ``pg_dump`` (see ``POSTGRES_HINT``)."""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

POSTGRES_HINT = (
    "agenda backup/restore work on the embedded SQLite database only; this deployment uses PostgreSQL. "
    "Back it up with pg_dump, e.g. `pg_dump --format=custom --file=agenda.dump \"$DATABASE_URL\"`, and restore "
    "with `pg_restore --clean --if-exists --dbname=\"$DATABASE_URL\" agenda.dump`, then run `agenda reindex`."
)
REQUIRED_TABLES = ("agendas", "users", "tortoise_migrations")


class BackupError(Exception):
    pass


@dataclass
class Report:
    path: Path
    bytes: int
    agendas: int
    users: int
    seconds: float


def sqlite_path(database_url: str) -> Path:
    """The file of a ``sqlite://`` URL; BackupError for PostgreSQL or an in-memory database."""
    if not database_url.startswith("sqlite"):
        raise BackupError(POSTGRES_HINT)
    raw = database_url.split("://", 1)[1].split("?", 1)[0]
    if not raw or raw == ":memory:":
        raise BackupError("An in-memory SQLite database cannot be backed up.")
    return Path(raw).expanduser().resolve()


def _counts(conn: sqlite3.Connection) -> tuple[int, int]:
    return (conn.execute("SELECT COUNT(*) FROM agendas").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM users").fetchone()[0])


def _check(conn: sqlite3.Connection, what: str) -> None:
    result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise BackupError(f"{what} failed SQLite's integrity check: {result}")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise BackupError(f"{what} is not a civic-agenda database (no table {', '.join(missing)}).")


def backup(database: Path, out: Path, *, force: bool = False) -> Report:
    started = time.perf_counter()
    database, out = Path(database), Path(out).expanduser().resolve()
    if not database.exists():
        raise BackupError(f"There is no database at {database}.")
    if out == database:
        raise BackupError("The backup file must not be the database itself.")
    if out.exists() and not force:
        raise BackupError(f"{out} exists; choose another file or pass --force to replace it.")
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(out.name + ".part")
    part.unlink(missing_ok=True)
    os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # an empty file is an empty database
    src = sqlite3.connect(database, timeout=30)
    try:
        dst = sqlite3.connect(part)
        try:
            src.backup(dst)  # one step: a consistent snapshot; in WAL mode writers carry on meanwhile
            dst.execute("PRAGMA journal_mode=DELETE")  # a self-contained file, no -wal beside it
            _check(dst, "The backup")
            agendas, users = _counts(dst)
        finally:
            dst.close()
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    with open(part, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(part, out)
    return Report(out, out.stat().st_size, agendas, users, time.perf_counter() - started)


def restore(backup_file: Path, database: Path, *, force: bool = False) -> Report:
    started = time.perf_counter()
    backup_file, database = Path(backup_file).expanduser().resolve(), Path(database)
    if not backup_file.is_file():
        raise BackupError(f"There is no backup file at {backup_file}.")
    if backup_file == database:
        raise BackupError("The backup file is the database itself.")
    try:
        src = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
        _check(src, f"{backup_file}")
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{backup_file} is not a readable SQLite database ({exc}).") from None
    try:
        if database.exists() and database.stat().st_size > 0 and not force:
            probe = sqlite3.connect(database, timeout=30)
            try:
                tables = {r[0] for r in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                agendas, users = _counts(probe) if {"agendas", "users"} <= tables else (0, 0)
            finally:
                probe.close()
            if agendas or users:
                raise BackupError(
                    f"{database} already holds {agendas} agendas and {users} users. Stop the server, then pass "
                    f"--force to replace them with the backup (or restore into an empty AGENDA_DATA_DIR).")
        database.parent.mkdir(parents=True, exist_ok=True)
        dst = sqlite3.connect(database, timeout=30)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")  # what the server uses
            _check(dst, "The restored database")
            agendas, users = _counts(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return Report(database, database.stat().st_size, agendas, users, time.perf_counter() - started)
