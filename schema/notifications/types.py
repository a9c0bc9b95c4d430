from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry
from strawberry.types import Info

from server.i18n import current_language
from server.notifications.catalogue import Kind, render
from server.notifications.models import Notification as NotificationModel
from schema.agendas.types import Agenda, PageInfo
from schema.errors import UserError

NotificationKind = strawberry.enum(Kind, name="NotificationKind")


@strawberry.enum(description="How notifications reach you by e-mail.")
class EmailPreference(Enum):
    IMMEDIATE = "IMMEDIATE"
    DAILY_DIGEST = "DAILY_DIGEST"
    OFF = "OFF"


@strawberry.type(description="Something that happened that concerns you, in your language.")
class Notification:
    id: strawberry.ID
    kind: NotificationKind
    created_at: datetime
    read_at: datetime | None
    _model: strawberry.Private[NotificationModel]
    _language: strawberry.Private[str]

    @classmethod
    def from_model(cls, n: NotificationModel, language: str) -> "Notification":
        return cls(id=strawberry.ID(str(n.id)), kind=Kind(n.kind), created_at=n.created_at, read_at=n.read_at,
                   _model=n, _language=language)

    @strawberry.field
    def title(self, info: Info) -> str:
        return render(self._model.kind, self._model.params or {}, self._language, info.context.settings.timezone).title

    @strawberry.field
    def body(self, info: Info) -> str:
        return render(self._model.kind, self._model.params or {}, self._language, info.context.settings.timezone).body

    @strawberry.field(description="The agenda it is about, when you may still see it.")
    async def agenda(self, info: Info) -> Agenda | None:
        from schema.agendas.dataloaders import AgendaByIdLoader
        from server.agendas import policy

        if self._model.agenda_id is None:
            return None
        a = await info.context.loader(AgendaByIdLoader).load(self._model.agenda_id)
        if a is None or not policy.can_view(await info.context.viewer(), a):
            return None
        return Agenda.from_model(a)


def reader_language(info: Info) -> str:
    """Notifications are written in the language the person chose (their preference), which the
    web app also sends; an API client without a stored choice gets its Accept-Language."""
    user = info.context.user
    return getattr(user, "language", None) or current_language.get()


@strawberry.type
class NotificationEdge:
    node: Notification
    cursor: str


@strawberry.type
class NotificationConnection:
    edges: list[NotificationEdge]
    page_info: PageInfo


@strawberry.type
class NotificationPreferences:
    email: EmailPreference
    language: str = strawberry.field(description="ko or en: the language of notifications, e-mail and messages.")


@strawberry.type
class MarkNotificationsReadPayload:
    marked: int = 0
    unread_count: int = 0
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class NotificationPreferencesPayload:
    preferences: NotificationPreferences | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class NotificationPreferencesInput:
    email: EmailPreference | None = None
    language: str | None = strawberry.field(default=None, description="ko or en.")
