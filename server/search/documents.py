"""What an agenda looks like in the search index.

Text is indexed as written — Meilisearch segments Korean and Chinese itself (charabia), and
pre-processed text would break that. Everything a filter, facet or sort needs is a plain field;
visibility travels with the document so the server can always restrict results to what the caller
may see."""

from __future__ import annotations

from collections.abc import Iterable

from server.accounts.models import User
from server.agendas.models import Agenda, Department

AGENDAS = "agendas"


def agenda_document(a: Agenda, departments: dict[int, Department], proposers: dict[int, str]) -> dict:
    dept = departments.get(a.owner_department_id) if a.owner_department_id else None
    return {
        "id": a.id,
        "title": a.title,
        "body": a.body,
        "field": a.field,
        "channel": a.channel,
        "status": a.status,
        "visibility": a.visibility,
        "district": a.district,
        "owner_kind": a.owner_kind,
        "department_code": dept.code if dept else None,
        "department_name": dept.name_ko if dept else None,
        "department_name_en": dept.name_en if dept else None,
        "proposer_id": a.proposer_id,
        "proposer_name": proposers.get(a.proposer_id),
        "support_count": a.support_count,
        "created_at": int(a.created_at.timestamp()),
        "updated_at": int(a.updated_at.timestamp()),
    }


async def documents_for(agendas: Iterable[Agenda]) -> list[dict]:
    """Documents for many agendas with two lookups (departments, proposers), whatever their number."""
    agendas = list(agendas)
    dept_ids = {a.owner_department_id for a in agendas if a.owner_department_id}
    user_ids = {a.proposer_id for a in agendas}
    departments = {d.id: d for d in await Department.filter(id__in=list(dept_ids))} if dept_ids else {}
    proposers = dict(await User.filter(id__in=list(user_ids)).values_list("id", "display_name")) if user_ids else {}
    return [agenda_document(a, departments, proposers) for a in agendas]
