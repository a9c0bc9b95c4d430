"""Seoul's offices, work plans, accounts and agendas, loaded through the same domain functions the
product uses, so that the demo is a real history, not a fixture dump:

* an admin viewer creates the departments and work-plan items (:mod:`server.agendas.departments`);
* the demo accounts are made with :func:`server.accounts.service.create_user`, with their roles and
  departments;
* each demo agenda is proposed by its listed proposer through :func:`server.agendas.service.propose`
  (so routing really runs and records its reason); demo accounts support it up to the demo's
  count, as far as there are accounts (every account but the proposer, citizens first); then an owner
  of the agenda — a staff member of the department routing chose, or the officer for officer-owned
  agendas — brings it to its listed status through the real transitions
  (:func:`server.agendas.triage.triage` and :func:`~server.agendas.triage.advance`).

Choices worth knowing:

* **Additive.** Departments are matched by code, work-plan items by (department, title, year),
  accounts by e-mail, agendas by their demo key (``propose``'s idempotency key ``demo:<key>`` of the
  proposer); what exists is never changed or duplicated. An agenda that exists but stopped short of
  its listed status (an interrupted seed) is moved on from where it is.
* **SUBMITTED.** ``propose`` routes at once (SUBMITTED → IN_TRIAGE in the same transaction) and no
  transition leads back, so the demo's SUBMITTED agendas rest in IN_TRIAGE, untouched by triage
  — the "just arrived" state a person actually sees. The report's ``notes`` say how many.
* **Work-plan year.** The demo's items are for :data:`~demo.departments.WORK_PLAN_YEAR`;
  routing only considers the current year's plan, so when seeding in a later year the items are
  filed under the current year (otherwise no demo agenda could be routed by work plan).
* **Rate limit.** Citizens may propose ``proposals_per_hour`` agendas an hour; the seeder proposes
  with a copy of the settings whose limit is high enough for the demo.
"""

from __future__ import annotations

import dataclasses

from demo.accounts import ADMIN_EMAIL, DEMO_PASSWORD, DEMO_STAFF, OFFICER_EMAIL
from demo.agendas import DEMO_AGENDAS, DemoAgenda
from demo.departments import DEPARTMENTS, WORK_PLAN_ITEMS
from demo.report import SeedReport
from server.accounts.models import User
from server.accounts.roles import Role
from server.accounts.service import create_user
from server.agendas.departments import create_department, create_work_plan_item, current_year
from server.agendas.enums import AgendaStatus as S
from server.agendas.models import Agenda, Department, Support, WorkPlanItem
from server.agendas.policy import Viewer, system_admin, viewer_for
from server.agendas.routing import OwnerKind
from server.agendas.service import ProposalInput, propose
from server.agendas.supports import SUPPORTABLE, support
from server.agendas.triage import Decision, advance, triage
from server.settings import Settings

IDEMPOTENCY_PREFIX = "demo:"


# The listed status -> the steps that lead there from IN_TRIAGE, each (from status, action).
_ACCEPT = ("triage", Decision.ACCEPT)
STEPS: dict[str, list[tuple[S, tuple[str, object]]]] = {
    S.SUBMITTED.value: [],
    S.IN_TRIAGE.value: [],
    S.NEEDS_INFO.value: [(S.IN_TRIAGE, ("triage", Decision.NEEDS_INFO))],
    S.REJECTED.value: [(S.IN_TRIAGE, ("triage", Decision.REJECT))],
    S.ACCEPTED.value: [(S.IN_TRIAGE, _ACCEPT)],
    S.IN_PROGRESS.value: [(S.IN_TRIAGE, _ACCEPT), (S.ACCEPTED, ("advance", S.IN_PROGRESS))],
    S.COMPLETED.value: [(S.IN_TRIAGE, _ACCEPT), (S.ACCEPTED, ("advance", S.IN_PROGRESS)),
                        (S.IN_PROGRESS, ("advance", S.COMPLETED))],
}


def reachable_status(target: str) -> str:
    """The status a demo agenda ends in: its own, except SUBMITTED (see the module docs)."""
    return S.IN_TRIAGE.value if target == S.SUBMITTED.value else target


def work_plan_year(listed_year: int) -> int:
    return max(listed_year, current_year())


class CitySeeder:
    """The steps that file the departments, work plan and accounts, and propose, support and move
    the demo agendas. :mod:`demo.year` drives them quarter by quarter."""

    def __init__(self, settings: Settings, report: SeedReport) -> None:
        # Citizens' proposals are rate-limited; the seeder proposes every demo agenda at once.
        per_hour = max(settings.proposals_per_hour, len(DEMO_AGENDAS) * 10)
        self.settings = dataclasses.replace(settings, proposals_per_hour=per_hour)
        self.report = report
        self.users: dict[str, User] = {}
        self.viewers: dict[str, Viewer] = {}
        self.dept_codes: dict[int, str] = {}

    # ------------------------------------------------------------------ departments, work plan, accounts

    async def departments(self) -> None:
        admin = system_admin()
        have = set(await Department.all().values_list("code", flat=True))
        for d in DEPARTMENTS:
            if d.code in have:
                continue
            await create_department(admin, code=d.code, name_ko=d.name_ko, name_en=d.name_en,
                                    fields=sorted(d.fields), keywords=list(d.keywords),
                                    duty_statement=d.duty_statement)
            self.report.departments += 1
        self.dept_codes = dict(await Department.all().values_list("id", "code"))

    async def work_plan(self) -> None:
        admin = system_admin()
        have = set(await WorkPlanItem.all().values_list("department__code", "title", "year"))
        for w in WORK_PLAN_ITEMS:
            year = work_plan_year(w.year)
            if (w.department_code, w.title, year) in have:
                continue
            await create_work_plan_item(admin, department_code=w.department_code, title=w.title,
                                        keywords=list(w.keywords), year=year)
            self.report.work_plan_items += 1

    async def accounts(self) -> None:
        emails = [a.email for a in DEMO_STAFF]
        self.users = {u.email: u for u in await User.filter(email__in=emails)}
        for a in DEMO_STAFF:
            if a.email in self.users:
                continue
            self.users[a.email] = await create_user(
                email=a.email, password=DEMO_PASSWORD, display_name=a.display_name, role=Role.parse(a.role),
                department_codes=a.department_codes,
            )
            self.report.users += 1

    async def viewer(self, email: str) -> Viewer:
        if email not in self.viewers:
            self.viewers[email] = await viewer_for(self.users[email])
        return self.viewers[email]

    # ------------------------------------------------------------------ agendas

    async def agenda(self, item: DemoAgenda, upto: str | None = None) -> tuple[int, int]:
        """Propose (unless already there), support, then move to the listed status (or only as
        far as ``upto``). Returns (supports wanted, supports the agenda has)."""
        proposer = self.users[item.proposer]
        key = IDEMPOTENCY_PREFIX + item.key
        agenda = await Agenda.get_or_none(proposer_id=proposer.id, idempotency_key=key)
        if agenda is None:
            agenda = await propose(await self.viewer(item.proposer), await self.proposal(item), self.settings)
            self.report.agendas += 1
        given = await self.supports(agenda, item)
        await self.transitions(agenda, item, upto)
        return item.supports, given

    async def proposal(self, item: DemoAgenda) -> ProposalInput:
        work_plan_item_id = None
        if item.work_plan is not None:
            code, title = item.work_plan
            found = await WorkPlanItem.filter(department__code=code, title=title).order_by("-year").first()
            work_plan_item_id = found.id if found else None
        return ProposalInput(title=item.title, body=item.body, field=item.field, channel=item.channel,
                             district=item.district, related_department_codes=list(item.related_department_codes),
                             work_plan_item_id=work_plan_item_id, idempotency_key=IDEMPOTENCY_PREFIX + item.key)

    async def supports(self, agenda: Agenda, item: DemoAgenda) -> int:
        already = set(await Support.filter(agenda_id=agenda.id).values_list("user_id", flat=True))
        if len(already) >= item.supports or S(agenda.status) not in SUPPORTABLE:
            return len(already)
        for email in _supporter_order():
            if len(already) >= item.supports:
                break
            user = self.users[email]
            if email == item.proposer or user.id in already:
                continue
            await support(await self.viewer(email), agenda.id)
            already.add(user.id)
            self.report.supports += 1
        return len(already)

    async def owner_email(self, agenda: Agenda) -> str:
        if agenda.owner_kind == OwnerKind.INNOVATION_OFFICER.value:
            return OFFICER_EMAIL
        code = self.dept_codes.get(agenda.owner_department_id)
        for a in DEMO_STAFF:
            if code in a.department_codes and a.role == Role.STAFF.value:
                return a.email
        return ADMIN_EMAIL  # a department without demo staff: the admin may do what an owner may

    async def transitions(self, agenda: Agenda, item: DemoAgenda, upto: str | None = None) -> Agenda:
        """Move the agenda towards its listed status, stopping at ``upto`` when given."""
        steps = STEPS.get(item.status)
        if steps is None:
            self.report.notes.append(f"{item.key}: status {item.status} cannot be seeded; left {agenda.status}")
            return agenda
        for from_status, (action, arg) in steps:
            if upto is not None and agenda.status == upto:
                break
            if agenda.status != from_status.value:
                continue
            owner = await self.viewer(await self.owner_email(agenda))
            if action == "triage":
                reason = item.status_reason if arg in (Decision.REJECT, Decision.NEEDS_INFO) else None
                agenda = await triage(owner, agenda.id, agenda.version, arg, reason=reason)
            else:
                agenda = await advance(owner, agenda.id, agenda.version, arg.value)
            self.report.transitions += 1
        if upto is None and agenda.status != reachable_status(item.status):
            self.report.notes.append(
                f"{item.key}: is {agenda.status} (changed since it was seeded?), not {item.status}; left as it is")
        return agenda


def _supporter_order() -> list[str]:
    """Who supports demo agendas, in order: citizens first, then the city-side accounts."""
    citizens = [a.email for a in DEMO_STAFF if a.role == Role.CITIZEN.value]
    others = [a.email for a in DEMO_STAFF if a.role != Role.CITIZEN.value]
    return citizens + others
