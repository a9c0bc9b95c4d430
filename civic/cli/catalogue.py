"""``agenda department add|list``, ``agenda work-plan add`` and ``agenda thesaurus add``: the catalogue
and the vocabulary the routing rule reads.
They act for the installation (``system_admin``), not for a person."""

from __future__ import annotations

import argparse

from civic.runtime import run_with_database
from server.settings import Settings


def cmd_department_add(args: argparse.Namespace) -> int:
    from server.agendas.departments import create_department
    from server.agendas.policy import system_admin

    async def work(settings: Settings) -> int:
        d = await create_department(system_admin(), code=args.code, name_ko=args.name_ko, name_en=args.name_en,
                                    fields=args.field or [], keywords=args.keyword or [])
        print(f"created department {d.code} {d.name_ko} / {d.name_en} "
              f"(fields: {', '.join(d.policy_fields) or '-'}; {len(d.keywords)} keywords)")
        return 0

    return run_with_database("agenda department add", work)


def cmd_department_list(args: argparse.Namespace) -> int:
    from server.agendas.models import Department, WorkPlanItem

    async def work(settings: Settings) -> int:
        departments = await Department.all().order_by("code")
        if not departments:
            print("no departments yet (add one with `agenda department add`, or load Seoul's with `agenda seed-demo`)")
            return 0
        plans: dict[int, int] = {}
        for dept_id in await WorkPlanItem.all().values_list("department_id", flat=True):
            plans[dept_id] = plans.get(dept_id, 0) + 1
        width = max(len(d.code) for d in departments)
        for d in departments:
            state = "" if d.is_active else "  [inactive]"
            print(f"{d.code:<{width}}  {d.name_ko} / {d.name_en}  fields: {', '.join(d.policy_fields or []) or '-'}; "
                  f"{len(d.keywords or [])} keywords; {plans.get(d.id, 0)} work-plan items{state}")
        return 0

    return run_with_database("agenda department list", work)


def cmd_work_plan_add(args: argparse.Namespace) -> int:
    from server.agendas.departments import create_work_plan_item
    from server.agendas.policy import system_admin

    async def work(settings: Settings) -> int:
        item = await create_work_plan_item(system_admin(), department_code=args.department, title=args.title,
                                           keywords=args.keyword or [], year=args.year)
        await item.fetch_related("department")
        print(f"created work-plan item {item.id} for {item.department.code} ({item.year}): {item.title} "
              f"({len(item.keywords)} keywords)")
        return 0

    return run_with_database("agenda work-plan add", work)

def add_parsers(sub) -> None:
    p = sub.add_parser("department", help="manage departments (실·국·본부)")
    dsub = p.add_subparsers(dest="department_command", required=True)
    q = dsub.add_parser("add", help="add a department with its routing keywords")
    q.add_argument("--code", required=True, help="e.g. TRANSPORT (letters, digits, underscores)")
    q.add_argument("--name-ko", required=True)
    q.add_argument("--name-en", required=True)
    q.add_argument("--field", action="extend", nargs="+", metavar="FIELD",
                   help="policy field code (JOBS, HOUSING_SAFETY …); repeatable")
    q.add_argument("--keyword", action="extend", nargs="+", metavar="WORD", help="routing keyword; repeatable")
    q.set_defaults(fn=cmd_department_add)
    dsub.add_parser("list", help="list departments").set_defaults(fn=cmd_department_list)

    p = sub.add_parser("work-plan", help="manage work-plan items (업무계획)")
    wsub = p.add_subparsers(dest="work_plan_command", required=True)
    q = wsub.add_parser("add", help="add a work-plan item to a department")
    q.add_argument("--department", required=True, metavar="CODE")
    q.add_argument("--title", required=True)
    q.add_argument("--year", required=True, type=int)
    q.add_argument("--keyword", action="extend", nargs="+", metavar="WORD", help="routing keyword; repeatable")
    q.set_defaults(fn=cmd_work_plan_add)


def cmd_thesaurus_add(args: argparse.Namespace) -> int:
    from server.agendas.policy import system_admin
    from server.thesaurus.service import add_terms

    async def work(settings: Settings) -> int:
        concept = await add_terms(system_admin(), args.concept, ko=args.ko or [], en=args.en or [], zh=args.zh or [])
        print(f"concept {concept.id}: {concept.label} ({len(concept.terms)} terms); routing uses it from the next "
              "agenda, and the search index's synonyms follow as the outbox drains")
        return 0

    return run_with_database("agenda thesaurus add", work)


def add_thesaurus_parsers(sub) -> None:
    p = sub.add_parser("thesaurus", help="the civic thesaurus (concepts in Korean, English and Chinese)")
    tsub = p.add_subparsers(dest="thesaurus_command", required=True)
    q = tsub.add_parser("add", help="add terms to a concept, or a new concept")
    q.add_argument("--concept", required=True, help="an existing concept (e.g. wheelchair) or a new name")
    q.add_argument("--ko", action="extend", nargs="+", metavar="TERM", help="Korean term; repeatable")
    q.add_argument("--en", action="extend", nargs="+", metavar="TERM", help="English term; repeatable")
    q.add_argument("--zh", action="extend", nargs="+", metavar="TERM", help="Chinese term (Traditional or Simplified); repeatable")
    q.set_defaults(fn=cmd_thesaurus_add)
