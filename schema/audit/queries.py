from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.audit import reading
from schema.agendas.types import PageInfo
from schema.audit.types import AuditAction, AuditEntry, AuditEntryConnection, AuditEntryEdge
from schema.errors import query_domain


@strawberry.type
class AuditQueries:
    @strawberry.field(description="Admins: the audit log, newest first, optionally by one actor or one action.")
    async def audit_log(self, info: Info, first: int = 50, after: str | None = None, actor: strawberry.ID | None = None,
                        action: AuditAction | None = None) -> AuditEntryConnection:
        viewer = await info.context.viewer()
        page = await query_domain(lambda: reading.read_log(
            viewer, first=first, after=after, actor=actor, action=action.value if action else None))
        return AuditEntryConnection(
            edges=[AuditEntryEdge(node=AuditEntry.from_model(e), cursor=c) for e, c in zip(page.items, page.cursors)],
            page_info=PageInfo(has_next_page=page.has_next, has_previous_page=after is not None,
                               start_cursor=page.cursors[0] if page.cursors else None,
                               end_cursor=page.cursors[-1] if page.cursors else None))
