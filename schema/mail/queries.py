from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.mail import mailbox
from schema.errors import query_domain
from schema.mail.types import OutgoingMail


@strawberry.type
class MailQueries:
    @strawberry.field(description="Admins: the newest e-mails written as .eml files (no AGENDA_SMTP_URL), newest "
                                  "first; empty when mail goes to an SMTP server.")
    async def admin_mail(self, info: Info, first: int = 50) -> list[OutgoingMail]:
        viewer = await info.context.viewer()
        stored = await query_domain(lambda: mailbox.list_stored(viewer, info.context.settings, first=first))
        return [OutgoingMail.from_stored(m) for m in stored]
