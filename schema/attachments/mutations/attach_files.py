from __future__ import annotations

from enum import Enum

import strawberry
from strawberry.types import Info

from server.attachments import service
from schema.agendas.types import Agenda
from schema.attachments.types import Attachment
from schema.errors import UserError, run_domain


@strawberry.enum(description="Where attached files go: the proposal itself, or the agenda's execution plan.")
class AttachmentTarget(Enum):
    PROPOSAL = "PROPOSAL"
    PLAN = "PLAN"


@strawberry.input
class AttachFilesInput:
    agenda_id: strawberry.ID
    upload_ids: list[strawberry.ID] = strawberry.field(
        description="Ids answered by POST /uploads (your own uploads, not attached yet); at most 5 files per "
                    "proposal and 5 per plan.")
    target: AttachmentTarget = AttachmentTarget.PROPOSAL


@strawberry.type
class AttachFilesPayload:
    attachments: list[Attachment] = strawberry.field(default_factory=list)
    agenda: Agenda | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.mutation(description="Attach uploaded files (POST /uploads) to a proposal — its proposer, until it is "
                                 "decided — or to its execution plan — the plan's editors: the owner's staff, the "
                                 "officer, admins, the responsible department.")
async def attach_files(info: Info, input: AttachFilesInput) -> AttachFilesPayload:
    viewer = await info.context.viewer()
    rows, errors = await run_domain(lambda: service.attach(viewer, input.agenda_id, list(input.upload_ids),
                                                           to_plan=input.target == AttachmentTarget.PLAN))
    if errors:
        return AttachFilesPayload(errors=errors)
    from server.agendas.models import Agenda as AgendaModel

    agenda = await AgendaModel.get(id=rows[0].agenda_id)
    return AttachFilesPayload(attachments=[Attachment.from_model(a) for a in rows], agenda=Agenda.from_model(agenda))
