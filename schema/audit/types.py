from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from server.audit.actions import AuditAction as AuditActionEnum
from server.audit.models import AuditEntry as AuditEntryModel
from schema.accounts.types import User
from schema.agendas.types import PageInfo

AuditAction = strawberry.enum(AuditActionEnum, name="AuditAction", description="What an audit entry records.")


@strawberry.type(description="One administrative action: who, when, what it was done to, what changed, "
                             "from which request.")
class AuditEntry:
    id: strawberry.ID
    at: datetime
    actor: User | None = strawberry.field(description="Null: the system (an operator's command, an import).")
    action: AuditAction
    target: str = strawberry.field(description="What was acted on, as kind:key (user:42, department:DOT).")
    before: JSON | None = strawberry.field(description="The changed fields' values before (only what changed).")
    after: JSON | None = strawberry.field(description="The changed fields' values after.")
    request_id: str | None

    @classmethod
    def from_model(cls, e: AuditEntryModel) -> "AuditEntry":
        return cls(id=strawberry.ID(str(e.id)), at=e.at, actor=User.from_model(e.actor) if e.actor_id else None,
                   action=AuditActionEnum(e.action), target=e.target, before=e.before, after=e.after,
                   request_id=e.request_id)


@strawberry.type
class AuditEntryEdge:
    node: AuditEntry
    cursor: str


@strawberry.type
class AuditEntryConnection:
    edges: list[AuditEntryEdge]
    page_info: PageInfo
