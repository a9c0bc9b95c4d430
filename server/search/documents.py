"""What an agenda looks like in the search index.

Text is indexed as written — Meilisearch segments Korean and Chinese itself (charabia), and
pre-processed text would break that. Everything a filter, facet or sort needs is a plain field;
visibility travels with the document so the server can always restrict results to what the caller
may see.

A document holds only what the index searches, filters, facets, sorts or shows (hits are read back
by id from the database): every other byte is parsed, stored and indexed for nothing on each write
and each of a reindex's 100,000 documents. Rows are read as plain dicts of ``COLUMNS`` — making an
ORM instance of every column costs more than building the document (bench/README.md, issue 16)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from server.agendas.models import Department

AGENDAS = "agendas"

# The agenda columns a document is made of (``Agenda.filter(...).values(*COLUMNS)``).
COLUMNS = ("id", "title", "body", "field", "channel", "status", "visibility", "district", "owner_kind",
           "owner_department_id", "proposer_id", "support_count")


def agenda_document(a: Mapping, departments: Mapping[int, Department]) -> dict:
    dept = departments.get(a["owner_department_id"]) if a["owner_department_id"] else None
    return {
        "id": a["id"],
        "title": a["title"],
        "body": a["body"],
        "field": a["field"],
        "channel": a["channel"],
        "status": a["status"],
        "visibility": a["visibility"],
        "district": a["district"],
        "owner_kind": a["owner_kind"],
        "department_code": dept.code if dept else None,
        "department_name": dept.name_ko if dept else None,
        "department_name_en": dept.name_en if dept else None,
        "proposer_id": a["proposer_id"],
        "support_count": a["support_count"],
    }


async def documents_for(agendas: Iterable[Mapping]) -> list[dict]:
    """Documents for many agenda rows (dicts of ``COLUMNS``) with one lookup of their departments."""
    agendas = list(agendas)
    dept_ids = {a["owner_department_id"] for a in agendas if a["owner_department_id"]}
    departments = {d.id: d for d in await Department.filter(id__in=list(dept_ids))} if dept_ids else {}
    return [agenda_document(a, departments) for a in agendas]
