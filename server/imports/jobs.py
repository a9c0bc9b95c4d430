"""Imports run as background jobs the admin page polls, so a 20,000-row file shows its progress
instead of holding one request open for a minute. Jobs live in the memory of the server process that
accepted the upload (the embedded default runs one; behind several processes, route /admin/import to
one of them) and are forgotten an hour after they finish — the import itself is in the database and
the audit log, the job is only its progress and report."""

from __future__ import annotations

import asyncio
import secrets
import time
from dataclasses import dataclass, field

from server.agendas.policy import Viewer
from server.errors import DomainError, ValidationErrors
from server.imports.errors import ImportErrorCode as C
from server.imports.service import ImportReport, import_file

KEEP_SECONDS = 3600
MAX_RUNNING = 2  # uploads being checked or written at once in this process (each holds its file in memory)


@dataclass
class Job:
    id: str
    owner_id: int
    dry_run: bool
    state: str = "running"  # running | done | failed
    phase: str = "reading"  # reading | checking | routing | writing
    done: int = 0
    total: int = 0
    report: ImportReport | None = None
    error: DomainError | None = None
    finished_at: float | None = None
    task: asyncio.Task | None = field(default=None, repr=False)


_JOBS: dict[str, Job] = {}


def _forget_old() -> None:
    now = time.monotonic()
    for key in [k for k, j in _JOBS.items() if j.finished_at and now - j.finished_at > KEEP_SECONDS]:
        del _JOBS[key]


def start(viewer: Viewer, data: bytes, *, filename: str | None, source: str | None, dry_run: bool) -> Job:
    _forget_old()
    if sum(1 for j in _JOBS.values() if j.state == "running") >= MAX_RUNNING:
        raise DomainError(C.BUSY, "Other imports are running; try again in a minute.", "file")
    job = Job(id=secrets.token_urlsafe(12), owner_id=viewer.user.id, dry_run=dry_run)

    async def progress(phase: str, done: int, total: int) -> None:
        job.phase, job.done, job.total = phase, done, total

    async def run() -> None:
        try:
            job.report = await import_file(viewer, data, filename=filename, source=source, dry_run=dry_run,
                                           progress=progress)
            job.state = "done"
        except ValidationErrors as exc:
            job.error, job.state = exc.errors[0], "failed"
        except DomainError as exc:
            job.error, job.state = exc, "failed"
        except Exception:  # noqa: BLE001 - reported to the page as a failure, logged with its traceback
            import logging

            logging.getLogger(__name__).exception("import job %s failed", job.id)
            job.error = DomainError(C.INVALID_FILE, "The import failed unexpectedly; nothing was written.", "file")
            job.state = "failed"
        finally:
            job.finished_at = time.monotonic()

    _JOBS[job.id] = job
    job.task = asyncio.create_task(run(), name=f"import-{job.id}")
    return job


def get(viewer: Viewer, job_id: str) -> Job:
    job = _JOBS.get(job_id)
    if job is None or viewer.user is None or job.owner_id != viewer.user.id:
        raise DomainError(C.JOB_NOT_FOUND, "No such import (it may have finished more than an hour ago).")
    return job
