"""What is indexed: one entry per outbox topic — its index, its table, how a row becomes a
document, and the index settings. The indexer, ``agenda reindex`` and the server's start all read
this one list, so adding a searchable thing is adding an entry here."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from meilisearch_python_sdk.models.settings import MeilisearchSettings
from tortoise.models import Model

from server.agendas.models import Agenda
from server.search.documents import AGENDAS, documents_for
from server.search.documents import COLUMNS as AGENDA_COLUMNS
from server.search.index_settings import agenda_settings, synonyms
from server.workshops.models import InnovationCase, Workshop, WorkshopItem


@dataclass(frozen=True)
class IndexSpec:
    topic: str
    base: str
    model: type[Model]
    documents: Callable[[list], Awaitable[list[dict]]]
    settings: Callable[[], MeilisearchSettings]
    # When set, rows are read as dicts of these columns (what ``documents`` then takes) rather than
    # as model instances: the agendas' reindex reads 100,000 of them.
    columns: tuple[str, ...] | None = None

    async def rows(self, query) -> list[Any]:
        """The rows of a queryset of ``model``, in the form ``documents`` takes."""
        return list(await (query.values(*self.columns) if self.columns else query))

    def row_id(self, row) -> int:
        return row["id"] if self.columns else row.id


async def case_documents(cases: list[InnovationCase]) -> list[dict]:
    return [{"id": c.id, "title": c.title, "summary": c.summary, "outcome": c.outcome, "lessons": c.lessons,
             "field": c.field, "origin": c.origin, "place": c.place, "agenda_id": c.agenda_id,
             "year": c.published_at.year, "published_at": int(c.published_at.timestamp() * 1000)} for c in cases]


async def workshop_documents(workshops: list[Workshop]) -> list[dict]:
    ids = [w.id for w in workshops]
    items = await WorkshopItem.filter(workshop_id__in=ids).select_related("agenda") if ids else []
    by_workshop: dict[int, list[WorkshopItem]] = {}
    for i in items:
        by_workshop.setdefault(i.workshop_id, []).append(i)
    docs = []
    for w in workshops:
        its = by_workshop.get(w.id, [])
        docs.append({"id": w.id, "title": w.title, "place": w.place, "year": w.year, "quarter": w.quarter,
                     "held_on": w.held_on.isoformat(),
                     "agenda_titles": [i.agenda.title for i in its if i.agenda is not None],
                     "decisions": [i.decision for i in its if i.decision], "notes": [i.notes for i in its if i.notes],
                     "fields": sorted({i.agenda.field for i in its if i.agenda is not None})})
    return docs


def case_settings() -> MeilisearchSettings:
    return MeilisearchSettings(searchable_attributes=["title", "summary", "outcome", "lessons", "place"],
                               filterable_attributes=["field", "origin", "year"], sortable_attributes=["published_at"],
                               synonyms=synonyms())


def workshop_settings() -> MeilisearchSettings:
    return MeilisearchSettings(searchable_attributes=["title", "agenda_titles", "decisions", "notes", "place"],
                               filterable_attributes=["year", "quarter", "fields"], sortable_attributes=["held_on"],
                               synonyms=synonyms())


SPECS: dict[str, IndexSpec] = {
    "agenda": IndexSpec("agenda", AGENDAS, Agenda, documents_for, agenda_settings, AGENDA_COLUMNS),
    "case": IndexSpec("case", "cases", InnovationCase, case_documents, case_settings),
    "workshop": IndexSpec("workshop", "workshops", Workshop, workshop_documents, workshop_settings),
}
