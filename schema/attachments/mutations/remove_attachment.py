from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.attachments import service
from schema.agendas.types import Agenda
from schema.errors import UserError, run_domain


@strawberry.type
class RemoveAttachmentPayload:
    removed_id: strawberry.ID | None = None
    agenda: Agenda | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.mutation(description="Remove an attached file (or an upload not attached yet): the proposer until the "
                                 "proposal is decided, a plan's editors for a plan's files; the officer and admins "
                                 "may take any proposal's file down.")
async def remove_attachment(info: Info, id: strawberry.ID) -> RemoveAttachmentPayload:
    viewer = await info.context.viewer()
    row, errors = await run_domain(lambda: service.remove(viewer, info.context.settings.files_dir, id))
    if errors:
        return RemoveAttachmentPayload(errors=errors)
    agenda = None
    if row.agenda_id is not None:
        from server.agendas.models import Agenda as AgendaModel

        found = await AgendaModel.get_or_none(id=row.agenda_id)
        agenda = Agenda.from_model(found) if found else None
    return RemoveAttachmentPayload(removed_id=strawberry.ID(str(row.id)), agenda=agenda)
