from __future__ import annotations

import strawberry

from server.attachments.http import file_url, thumbnail_url
from server.attachments.models import Attachment as AttachmentModel


@strawberry.type(description="A photo (JPEG, PNG, WebP; re-encoded without location or camera data) or a PDF "
                             "attached to a proposal or an execution plan; visible exactly when its agenda is.")
class Attachment:
    id: strawberry.ID
    filename: str = strawberry.field(description="The name it was uploaded with (Korean, Chinese, emoji kept).")
    content_type: str = strawberry.field(description="Decided from the content: image/jpeg, image/png, image/webp "
                                                     "or application/pdf.")
    size: int = strawberry.field(description="Bytes of the stored (cleaned) file.")
    url: str = strawberry.field(description="Where the file is served (GET; same access rule as the agenda).")
    thumbnail_url: str | None = strawberry.field(description="A small WebP preview of a photo; null for a PDF.")
    width: int | None = None
    height: int | None = None

    @classmethod
    def from_model(cls, a: AttachmentModel) -> "Attachment":
        return cls(id=strawberry.ID(str(a.id)), filename=a.filename, content_type=a.content_type, size=a.size,
                   url=file_url(a), thumbnail_url=thumbnail_url(a), width=a.width, height=a.height)
