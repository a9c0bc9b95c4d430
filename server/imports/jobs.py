"""Imports run as background jobs the admin page polls, so a 20,000-row file shows its progress
instead of holding one request open for a minute.

The job runs in the process that accepted the upload; its progress and report are a row in the
database (``ImportJob``), so the poll may reach any of ``agenda serve``'s processes. The running
process writes the progress at most every ``PUBLISH_SECONDS`` (SQLite: not while the import's own
write transaction holds the database — the poll then reads the last committed phase) and the report,
rendered in every language, when the job ends. Jobs are forgotten an hour after they finish — the
import itself is in the database and the audit log, the job is only its progress and report. A job
whose process died (no word for ``STALE_SECONDS``) is reported as failed."""

from __future__ import annotations

import asyncio
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from server.agendas.policy import Viewer
from server.errors import DomainError, ValidationErrors
from server.i18n import LANGUAGES, current_language, localize
from server.imports.errors import ImportErrorCode as C
from server.imports.models import ImportJob
from server.imports.service import import_file

log = logging.getLogger(__name__)

KEEP_SECONDS = 3600
MAX_RUNNING = 2  # uploads being checked or written at once (each holds its file in a process's memory)
PUBLISH_SECONDS = 0.25
STALE_SECONDS = 15 * 60
REPORT_LIMIT = 2000  # problems kept in a report (its counts say how many there are)

_RUNNING: set[asyncio.Task] = set()  # this process's running jobs (a task must be referenced to live)


@dataclass
class Job:
    """What a poll reads, in the reader's language."""

    id: str
    dry_run: bool
    state: str
    phase: str
    done: int
    total: int
    report: dict | None
    error: dict | None

    @classmethod
    def of(cls, row: ImportJob, language: str) -> "Job":
        state = row.state
        error = row.error
        if state == "running" and datetime.now(timezone.utc) - row.updated_at > timedelta(seconds=STALE_SECONDS):
            state, error = "failed", _rendered(DomainError(C.INVALID_FILE, "The import stopped unexpectedly (the server "
                                                           "was restarted); nothing was written.", "file"))
        pick = lambda value: value.get(language) or value.get(LANGUAGES[0]) if isinstance(value, dict) else None  # noqa: E731
        report = pick(row.report)
        if error is not None:
            error = {"code": error["code"], "field": error["field"], "message": pick(error["message"])}
        return cls(row.id, row.dry_run, state, row.phase, row.done, row.total, report, error)


def _rendered(exc: DomainError) -> dict:
    return {"code": exc.code.value, "field": exc.field,
            "message": {lang: localize(exc.message, lang) for lang in LANGUAGES}}


async def start(viewer: Viewer, data: bytes, *, filename: str | None, source: str | None, dry_run: bool) -> Job:
    now = datetime.now(timezone.utc)
    await ImportJob.filter(finished_at__lt=now - timedelta(seconds=KEEP_SECONDS)).delete()
    running = await ImportJob.filter(state="running", updated_at__gte=now - timedelta(seconds=STALE_SECONDS)).count()
    if running >= MAX_RUNNING:
        raise DomainError(C.BUSY, "Other imports are running; try again in a minute.", "file")
    row = await ImportJob.create(id=secrets.token_urlsafe(12), owner_id=viewer.user.id, dry_run=dry_run, updated_at=now)
    progress = {"phase": row.phase, "done": 0, "total": 0}

    async def tell(phase: str, done: int, total: int) -> None:
        progress.update(phase=phase, done=done, total=total)

    async def publish(stop: asyncio.Event) -> None:
        said = dict(progress)
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), PUBLISH_SECONDS)
            except asyncio.TimeoutError:
                pass
            if progress != said and not stop.is_set():
                said = dict(progress)
                try:
                    await ImportJob.filter(id=row.id, state="running").update(**said, updated_at=datetime.now(timezone.utc))
                except Exception:  # noqa: BLE001 - a missed progress word is no failure of the import
                    log.warning("import job %s: progress not saved", row.id, exc_info=True)

    async def run() -> None:
        stop = asyncio.Event()
        publisher = asyncio.create_task(publish(stop))
        outcome: dict = {}
        try:
            report = await import_file(viewer, data, filename=filename, source=source, dry_run=dry_run, progress=tell)
            outcome = {"state": "done", "report": {lang: report.as_dict(lambda m, lang=lang: localize(m, lang),
                                                                         limit=REPORT_LIMIT) for lang in LANGUAGES}}
        except ValidationErrors as exc:
            outcome = {"state": "failed", "error": _rendered(exc.errors[0])}
        except DomainError as exc:
            outcome = {"state": "failed", "error": _rendered(exc)}
        except Exception:  # noqa: BLE001 - reported to the page as a failure, logged with its traceback
            log.exception("import job %s failed", row.id)
            outcome = {"state": "failed", "error": _rendered(DomainError(
                C.INVALID_FILE, "The import failed unexpectedly; nothing was written.", "file"))}
        finally:
            stop.set()
            await publisher
            now = datetime.now(timezone.utc)
            await ImportJob.filter(id=row.id).update(**progress, **outcome, updated_at=now, finished_at=now)

    task = asyncio.create_task(run(), name=f"import-{row.id}")
    _RUNNING.add(task)
    task.add_done_callback(_RUNNING.discard)
    return Job.of(row, current_language.get())


async def get(viewer: Viewer, job_id: str) -> Job:
    row = await ImportJob.get_or_none(id=job_id[:24]) if viewer.user is not None else None
    if row is None or row.owner_id != viewer.user.id:
        raise DomainError(C.JOB_NOT_FOUND, "No such import (it may have finished more than an hour ago).")
    return Job.of(row, current_language.get())
