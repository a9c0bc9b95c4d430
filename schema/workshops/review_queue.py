from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.workshops.review_queue import review_queue
from schema.agendas.types import Agenda
from schema.errors import query_domain


@strawberry.type
class ReviewQueueQueries:
    @strawberry.field(description="Research-team experts: agendas awaiting your review (accepted, in progress or "
                                  "completed, not yet reviewed by you), oldest first — within the fields of your "
                                  "departments, or of every field ordered by field when you have none.")
    async def review_queue(self, info: Info, first: int = 50) -> list[Agenda]:
        viewer = await info.context.viewer()
        rows = await query_domain(lambda: review_queue(viewer, first=first))
        return [Agenda.from_model(a) for a in rows]
