from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

import strawberry

from server.mail.mailbox import StoredMail


@strawberry.type(description="An e-mail the embedded default wrote to <data>/mail/ instead of sending it.")
class OutgoingMail:
    name: str = strawberry.field(description="The file name; download it from downloadUrl.")
    recipient: str = strawberry.field(description="The To header, e.g. 김지우 <jiwoo@example.kr>.")
    subject: str
    date: datetime
    preview: str = strawberry.field(description="The first 200 characters of the plain-text part.")
    size: int = strawberry.field(description="Bytes.")
    download_url: str = strawberry.field(description="GET it (admins only) for the raw message/rfc822 file.")

    @classmethod
    def from_stored(cls, m: StoredMail) -> "OutgoingMail":
        return cls(name=m.name, recipient=m.recipient, subject=m.subject, date=m.date, preview=m.preview,
                   size=m.size, download_url=f"/admin/mail/raw/{quote(m.name)}")
