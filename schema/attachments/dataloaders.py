from __future__ import annotations

from collections import defaultdict

from strawberry.dataloader import DataLoader

from server.attachments.models import Attachment


class _ByKey(DataLoader):
    def __init__(self, context) -> None:
        self.context = context
        super().__init__(load_fn=self._load)


class ProposalAttachmentsByAgendaLoader(_ByKey):
    """The files of many proposals in one query (a plan's files are apart: ``PlanAttachmentsLoader``).
    Callers have already been allowed to see the agenda: files are visible exactly when it is."""

    async def _load(self, agenda_ids):
        grouped = defaultdict(list)
        for a in await Attachment.filter(agenda_id__in=list(agenda_ids), plan_id=None).order_by("id"):
            grouped[a.agenda_id].append(a)
        return [grouped.get(i, []) for i in agenda_ids]


class PlanAttachmentsLoader(_ByKey):
    async def _load(self, plan_ids):
        grouped = defaultdict(list)
        for a in await Attachment.filter(plan_id__in=list(plan_ids)).order_by("id"):
            grouped[a.plan_id].append(a)
        return [grouped.get(i, []) for i in plan_ids]
