"""Request-scoped loaders for a page of comments: its replies, the caller's own reports, the open
reports a moderator reads — each one query whatever the page's size."""

from __future__ import annotations

from collections import defaultdict

from strawberry.dataloader import DataLoader

from server.participation.models import Comment, CommentReport
from server.participation.service import reports_of


class _ByKey(DataLoader):
    def __init__(self, context) -> None:
        self.context = context
        super().__init__(load_fn=self._load)


class RepliesByParentLoader(_ByKey):
    """Replies of top-level comments, oldest first (a conversation reads down)."""

    async def _load(self, parent_ids):
        grouped = defaultdict(list)
        for c in await Comment.filter(parent_id__in=list(parent_ids)).order_by("id"):
            grouped[c.parent_id].append(c)
        return [grouped.get(i, []) for i in parent_ids]


class ReportedByViewerLoader(_ByKey):
    async def _load(self, comment_ids):
        user = self.context.user
        if user is None:
            return [False] * len(comment_ids)
        mine = set(await CommentReport.filter(reporter_id=user.id, comment_id__in=list(comment_ids))
                   .values_list("comment_id", flat=True))
        return [i in mine for i in comment_ids]


class OpenReportsByCommentLoader(_ByKey):
    async def _load(self, comment_ids):
        grouped = await reports_of(list(comment_ids))
        return [grouped.get(i, []) for i in comment_ids]
