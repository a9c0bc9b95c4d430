"""Uploading, attaching, removing and reading attachments.

Two steps (``docs/api.md``, "Attachments"): ``upload`` checks and cleans one file and keeps it as a
*pending* attachment of its uploader (``POST /uploads`` calls it while the person is still filling in
the form, so each file's error shows beside it at once); ``attach`` gives pending files to an agenda
or to its execution plan (the ``attachFiles`` mutation), where the count limit and the agenda's state
are checked under the agenda's row lock. Nothing is written unless every check passed."""

from __future__ import annotations

import asyncio
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tortoise.transactions import in_transaction

from server.agendas.enums import AgendaStatus as S
from server.agendas.models import Agenda
from server.agendas.policy import Viewer, can_view
from server.accounts.roles import Role
from server.attachments import content, storage
from server.attachments.errors import AttachmentErrorCode as C
from server.attachments.models import Attachment
from server.errors import DomainError
from server.i18n import msg
from server.ops import writes

MAX_PER_TARGET = 5  # files on a proposal; and, apart, on its execution plan
MAX_FILENAME = 255
PENDING_KEPT = timedelta(days=1)  # an upload never attached is forgotten after this
# The proposer adds or removes files while the agenda is still being looked at; once decided, what it
# said is the record.
PROPOSER_EDITABLE = frozenset({S.SUBMITTED, S.IN_TRIAGE, S.NEEDS_INFO})

# Decoding and re-encoding photos is CPU work: at most this many at once per process, in threads,
# so uploads never stall the event loop or take every core from the API.
_CPU = asyncio.Semaphore(2)


def clean_filename(raw: str | None) -> str:
    """The name shown and offered on download. Kept as the person wrote it (Korean, Chinese, emoji),
    NFC-normalised; refused when it could be taken for a path or hide what it is."""
    name = unicodedata.normalize("NFC", (raw or "").strip())
    if not name or name in (".", ".."):
        raise DomainError(C.INVALID_FILENAME, msg("The file needs a name."), "filename")
    if len(name) > MAX_FILENAME:
        raise DomainError(C.FILENAME_TOO_LONG, msg("A file name may have at most {n} characters.", n=MAX_FILENAME),
                          "filename")
    if any(ch in "/\\" or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        # Path separators, NUL and other control characters, and format characters such as the
        # right-to-left override that makes "gpj.exe" read as "exe.jpg".
        raise DomainError(C.INVALID_FILENAME, msg("A file name cannot contain slashes, backslashes or control "
                                                  "characters."), "filename")
    return name


def _require_user(viewer: Viewer) -> None:
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, msg("You must be logged in."))


async def upload(viewer: Viewer, files_dir: Path, *, filename: str | None, data: bytes,
                 per_hour: int) -> Attachment:
    _require_user(viewer)
    name = clean_filename(filename)
    since = datetime.now(timezone.utc) - timedelta(hours=1)
    if await Attachment.filter(uploader_id=viewer.user.id, created_at__gte=since).count() >= per_hour:
        raise DomainError(C.TOO_MANY_UPLOADS, msg("You have uploaded {n} files in the last hour; try again later.",
                                                  n=per_hour), "file")
    await forget_stale_uploads(files_dir)  # abandoned forms' files go as new ones arrive: no sweeper needed
    async with _CPU:
        cleaned = await asyncio.to_thread(content.clean, data)
    sha = await asyncio.to_thread(storage.put, files_dir, cleaned.data)
    thumb = await asyncio.to_thread(storage.put, files_dir, cleaned.thumbnail) if cleaned.thumbnail else None
    return await Attachment.create(uploader_id=viewer.user.id, filename=name, content_type=cleaned.content_type,
                                   size=len(cleaned.data), sha256=sha, thumbnail_sha256=thumb,
                                   width=cleaned.width, height=cleaned.height)


def may_attach_to_proposal(viewer: Viewer, agenda: Agenda) -> bool:
    return viewer.user is not None and agenda.proposer_id == viewer.user.id and S(agenda.status) in PROPOSER_EDITABLE


async def _may_attach_to_plan(viewer: Viewer, agenda: Agenda):
    """The plan, when the caller may edit it (the owner's staff, the officer, admins, or the
    responsible department): the same rule as saving the plan."""
    from server.workshops.models import ExecutionPlan
    from server.workshops.policy import may_edit_plan

    plan = await ExecutionPlan.get_or_none(agenda_id=agenda.id)
    if plan is None:
        if may_edit_plan(viewer, agenda, None):
            raise DomainError(C.NO_PLAN, msg("Save the execution plan first, then attach files to it."), "agendaId")
        raise DomainError(C.FORBIDDEN, msg("Only the agenda's owner or its responsible department adds files to "
                                           "its plan."), "agendaId")
    if not may_edit_plan(viewer, agenda, plan.responsible_department_id):
        raise DomainError(C.FORBIDDEN, msg("Only the agenda's owner or its responsible department adds files to "
                                           "its plan."), "agendaId")
    return plan


async def attach(viewer: Viewer, agenda_id, upload_ids: list, *, to_plan: bool = False) -> list[Attachment]:
    _require_user(viewer)
    ids = _ids(upload_ids)
    if not ids:
        raise DomainError(C.NOT_FOUND, msg("Choose at least one uploaded file."), "uploadIds")
    if len(ids) > MAX_PER_TARGET:
        raise _too_many()
    async with in_transaction():
        agenda = await _lock_agenda(agenda_id)
        if agenda is None or not can_view(viewer, agenda):
            raise DomainError(C.NOT_FOUND, msg("No such agenda."), "agendaId")
        plan = None
        if to_plan:
            plan = await _may_attach_to_plan(viewer, agenda)
        elif not may_attach_to_proposal(viewer, agenda):
            if viewer.user is not None and agenda.proposer_id == viewer.user.id:
                raise DomainError(C.NOT_EDITABLE, msg("Files can be added to a proposal only until it is decided."),
                                  "agendaId")
            raise DomainError(C.FORBIDDEN, msg("Only the proposer adds files to a proposal."), "agendaId")
        pending = await Attachment.filter(id__in=ids, uploader_id=viewer.user.id)
        found = {a.id: a for a in pending}
        for i in ids:
            a = found.get(i)
            if a is None:
                raise DomainError(C.NOT_FOUND, msg("No such uploaded file: {id}.", id=i), "uploadIds")
            if a.agenda_id is not None:
                raise DomainError(C.ALREADY_ATTACHED, msg("The file {name} is already attached.", name=a.filename),
                                  "uploadIds")
        present = await Attachment.filter(agenda_id=agenda.id, plan_id=plan.id if plan else None).count()
        if present + len(ids) > MAX_PER_TARGET:
            raise _too_many(present)
        now = datetime.now(timezone.utc)
        await Attachment.filter(id__in=ids).update(agenda_id=agenda.id, plan_id=plan.id if plan else None,
                                                   attached_at=now)
    # An agenda's files are part of what the public reads; shared anonymous answers start over now that
    # this has committed (server/ops/writes.py).
    writes.bump()
    return await Attachment.filter(id__in=ids).order_by("id")


def _too_many(present: int | None = None) -> DomainError:
    if present:
        return DomainError(C.TOO_MANY_FILES, msg("At most {n} files can be attached; {k} already are.",
                                                 n=MAX_PER_TARGET, k=present), "uploadIds")
    return DomainError(C.TOO_MANY_FILES, msg("At most {n} files can be attached.", n=MAX_PER_TARGET), "uploadIds")


def _pk(value) -> int | None:
    try:
        i = int(str(value))
    except ValueError:
        return None
    return i if 0 < i < 2**31 else None


async def _lock_agenda(agenda_id) -> Agenda | None:
    """The agenda, its row locked until the transaction ends (PostgreSQL; SQLite writes one at a
    time anyway): two attachFiles at once cannot together pass the count limit."""
    pk = _pk(agenda_id)
    return None if pk is None else await Agenda.filter(id=pk).select_for_update().first()


def _ids(values) -> list[int]:
    out: list[int] = []
    for v in values or []:
        i = _pk(v)
        if i is None:
            raise DomainError(C.NOT_FOUND, msg("No such uploaded file: {id}.", id=str(v)[:40]), "uploadIds")
        if i not in out:
            out.append(i)
    return out


async def remove(viewer: Viewer, files_dir: Path, attachment_id) -> Attachment:
    """Removal follows who may add: the proposer while the proposal is open, the plan's editors for a
    plan's files; the officer and admins may also take a proposal's file down (moderation). An
    upload never attached is removed by its uploader."""
    _require_user(viewer)
    aid = _pk(attachment_id) or 0
    async with in_transaction():
        a = await Attachment.get_or_none(id=aid)
        if a is None:
            raise DomainError(C.NOT_FOUND, msg("No such file."), "id")
        if a.agenda_id is None:
            if a.uploader_id != viewer.user.id:
                raise DomainError(C.NOT_FOUND, msg("No such file."), "id")
        else:
            agenda = await _lock_agenda(a.agenda_id)
            if agenda is None or not can_view(viewer, agenda):
                raise DomainError(C.NOT_FOUND, msg("No such file."), "id")
            if a.plan_id is not None:
                await _may_attach_to_plan(viewer, agenda)
            elif not (may_attach_to_proposal(viewer, agenda) or viewer.is_admin or viewer.role == Role.OFFICER):
                raise DomainError(C.FORBIDDEN, msg("Only the proposer removes a proposal's files, until it is "
                                                   "decided."), "id")
        await a.delete()
    if a.agenda_id is not None:
        writes.bump()  # a file taken down is gone for every reader at once, as attach says
    await forget_unreferenced(files_dir, [a.sha256, a.thumbnail_sha256])
    return a


async def forget_unreferenced(files_dir: Path, hashes) -> None:
    for sha in {h for h in hashes if h}:
        if not await Attachment.filter(sha256=sha).exists() and not await Attachment.filter(thumbnail_sha256=sha).exists():
            await asyncio.to_thread(storage.remove, files_dir, sha)


async def readable(viewer: Viewer, attachment_id) -> tuple[Attachment, Agenda | None]:
    """The attachment when the caller may see it: its agenda is visible to them (the agenda query's
    rule, ``can_view``), or it is their own upload not attached yet. Anything else is "not found",
    so a hidden agenda's files do not even confirm that they exist."""
    aid = _pk(attachment_id) or 0
    a = await Attachment.get_or_none(id=aid)
    if a is None:
        raise DomainError(C.NOT_FOUND, msg("No such file."))
    if a.agenda_id is None:
        if viewer.user is None or a.uploader_id != viewer.user.id:
            raise DomainError(C.NOT_FOUND, msg("No such file."))
        return a, None
    agenda = await Agenda.get_or_none(id=a.agenda_id)
    if agenda is None or not can_view(viewer, agenda):
        raise DomainError(C.NOT_FOUND, msg("No such file."))
    return a, agenda


async def forget_stale_uploads(files_dir: Path, *, now: datetime | None = None) -> int:
    """Uploads never attached (a form abandoned) are deleted after ``PENDING_KEPT``."""
    cutoff = (now or datetime.now(timezone.utc)) - PENDING_KEPT
    stale = await Attachment.filter(agenda_id=None, created_at__lt=cutoff).order_by("id").limit(100)
    for a in stale:
        await a.delete()
    await forget_unreferenced(files_dir, [h for a in stale for h in (a.sha256, a.thumbnail_sha256)])
    return len(stale)
