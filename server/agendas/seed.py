"""Loading the demo catalogue (SPEC §3 "Seeding"): ``agenda seed-demo`` and the first start of an
empty database with ``AGENDA_DEMO=1``.

Everything goes through the same domain functions the product uses, so the demo is a real history,
not a fixture dump:

* an admin viewer creates the departments and work-plan items (:mod:`server.agendas.departments`);
* the demo accounts are made with :func:`server.accounts.service.create_user`, with their roles and
  departments;
* each demo agenda is proposed by its catalogue proposer through :func:`server.agendas.service.propose`
  (so routing really runs and records its reason); demo accounts support it up to the catalogue's
  count, as far as there are accounts (every account but the proposer, citizens first); then an owner
  of the agenda — a staff member of the department routing chose, or the officer for officer-owned
  agendas — brings it to its catalogue status through the real transitions
  (:func:`server.agendas.triage.triage` and :func:`~server.agendas.triage.advance`).

Choices worth knowing:

* **Idempotent, additive ``force``.** Without ``force`` a database that already has departments is
  left alone (the report says so). With ``force`` the seeder *adds what is missing* — departments by
  code, work-plan items by (department, title, year), accounts by e-mail, agendas by their catalogue
  key (``propose``'s idempotency key ``demo:<key>`` of the proposer) — and never changes or
  duplicates what exists. An agenda that exists but stopped short of its catalogue status (an
  interrupted seed) is moved on from where it is.
* **All or nothing.** One seeding runs in one transaction (the domain functions' own transactions
  nest as savepoints), so a failure leaves nothing behind and the next start tries again; two server
  processes seeding an empty PostgreSQL database at once cannot both succeed (the second one's
  department insert conflicts and rolls back).
* **SUBMITTED.** ``propose`` routes at once (SUBMITTED → IN_TRIAGE in the same transaction) and no
  transition leads back, so the catalogue's SUBMITTED agendas rest in IN_TRIAGE, untouched by triage
  — the "just arrived" state a person actually sees. The report's ``notes`` say how many.
* **Work-plan year.** The catalogue's items are for :data:`~server.agendas.catalogue.WORK_PLAN_YEAR`;
  routing only considers the current year's plan, so when seeding in a later year the items are
  filed under the current year (otherwise no demo agenda could be routed by work plan).
* **Rate limit.** Citizens may propose ``proposals_per_hour`` agendas an hour; the seeder proposes
  with a copy of the settings whose limit is high enough for the catalogue.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections import Counter
from dataclasses import dataclass, field

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.accounts.models import User
from server.accounts.roles import Role
from server.accounts.service import create_user
from server.agendas import catalogue
from server.agendas.catalogue import DEMO_AGENDAS, DEMO_PASSWORD, DEMO_STAFF, DEPARTMENTS, WORK_PLAN_ITEMS
from server.agendas.departments import create_department, create_work_plan_item, current_year
from server.agendas.enums import AgendaStatus as S
from server.agendas.models import Agenda, Department, Support, WorkPlanItem
from server.agendas.policy import Viewer, viewer_for
from server.agendas.routing import OwnerKind
from server.agendas.service import ProposalInput, propose
from server.agendas.supports import SUPPORTABLE, support
from server.agendas.triage import Decision, advance, triage
from server.errors import DomainError, ValidationErrors
from server.settings import Settings

log = logging.getLogger("civic_agenda.seed")

IDEMPOTENCY_PREFIX = "demo:"
SYSTEM_ADMIN_EMAIL = "system@localhost"


def system_admin() -> Viewer:
    """An admin viewer without a user row, for the seeder and the operator's CLI (which act for
    the installation, not for a person). Its user is never saved; nothing it does records an actor
    id. Only for catalogue management (departments, work plans): agenda actions need real people."""
    return Viewer(user=User(email=SYSTEM_ADMIN_EMAIL, display_name="system", role=Role.ADMIN, password_hash="!"))


@dataclass
class SeedReport:
    """What a seeding did. Counts are of rows *created* by this run."""

    skipped: bool = False
    message: str = ""
    departments: int = 0
    work_plan_items: int = 0
    users: int = 0
    agendas: int = 0
    transitions: int = 0
    supports: int = 0
    statuses: dict[str, int] = field(default_factory=dict)  # status -> agendas of the catalogue, after the run
    routing: dict[str, int] = field(default_factory=dict)  # routing reason -> agendas of the catalogue
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def created_anything(self) -> bool:
        return any((self.departments, self.work_plan_items, self.users, self.agendas, self.transitions, self.supports))


# The catalogue status -> the steps that lead there from IN_TRIAGE, each (from status, action).
_ACCEPT = ("triage", Decision.ACCEPT)
_PLAN: dict[str, list[tuple[S, tuple[str, object]]]] = {
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
    """The status a catalogue agenda ends in: its own, except SUBMITTED (see the module docs)."""
    return S.IN_TRIAGE.value if target == S.SUBMITTED.value else target


def work_plan_year(catalogue_year: int) -> int:
    return max(catalogue_year, current_year())


async def database_is_empty() -> bool:
    return not await Department.exists() and not await User.exists()


async def seed_if_empty(settings: Settings) -> SeedReport | None:
    """First start: seed only when ``settings.demo`` and the database has no departments and no
    users. Returns the report, or None when nothing was attempted."""
    if not settings.demo or not await database_is_empty():
        return None
    try:
        report = await seed_demo(settings)
    except (DomainError, ValidationErrors, IntegrityError) as exc:
        # Another process seeding the same empty database at the same time wins; we roll back.
        if await Department.exists():
            log.info("demo data: another process loaded it meanwhile (%s)", exc)
            return None
        raise
    log.info(
        "demo data loaded in %.1fs: %d departments, %d work-plan items, %d agendas and %d demo accounts "
        "(e.g. %s, %s; shared demo password %r; AGENDA_DEMO=0 disables this on an empty database)",
        report.seconds, report.departments, report.work_plan_items, report.agendas, report.users,
        catalogue.ADMIN_EMAIL, catalogue.OFFICER_EMAIL, DEMO_PASSWORD,
    )
    return report


async def seed_demo(settings: Settings, *, force: bool = False) -> SeedReport:
    """Load the demo catalogue (see the module docs). Without ``force``, a database that already
    has departments is left untouched (``report.skipped``)."""
    started = time.perf_counter()
    existing = await Department.all().count()
    if existing and not force:
        return SeedReport(
            skipped=True,
            message=f"the database already has {existing} department(s); nothing seeded "
                    "(use --force to add whatever demo data is missing)",
        )
    report = SeedReport()
    async with in_transaction():
        await _Seeder(settings, report).run()
    report.seconds = time.perf_counter() - started
    if not report.message:
        report.message = "demo data loaded" if report.created_anything else "demo data already complete; nothing to add"
    return report


class _Seeder:
    def __init__(self, settings: Settings, report: SeedReport) -> None:
        # Citizens' proposals are rate-limited; the seeder proposes the whole catalogue at once.
        per_hour = max(settings.proposals_per_hour, len(DEMO_AGENDAS) * 10)
        self.settings = dataclasses.replace(settings, proposals_per_hour=per_hour)
        self.report = report
        self.users: dict[str, User] = {}
        self.viewers: dict[str, Viewer] = {}
        self.dept_codes: dict[int, str] = {}

    async def run(self) -> None:
        await self.departments()
        await self.work_plan()
        await self.accounts()
        wanted = given = 0
        for item in DEMO_AGENDAS:
            w, g = await self.agenda(item)
            wanted, given = wanted + w, given + g
        rows = await Agenda.filter(idempotency_key__startswith=IDEMPOTENCY_PREFIX).values_list(
            "status", "routing_reason")
        self.report.statuses = dict(sorted(Counter(s for s, _ in rows).items()))
        self.report.routing = dict(sorted(Counter(r for _, r in rows).items()))
        submitted = sum(1 for a in DEMO_AGENDAS if a.status == S.SUBMITTED.value)
        if submitted:
            self.report.notes.append(
                f"{submitted} agenda(s) listed as SUBMITTED rest in IN_TRIAGE: proposing routes an agenda at once")
        if given < wanted:
            self.report.notes.append(
                f"supports: the catalogue asks for {wanted}, there are {len(DEMO_STAFF)} demo accounts to give "
                f"them, so {given} were given (at most one per account and agenda, never the proposer's own)")

    # ------------------------------------------------------------------ catalogue

    async def departments(self) -> None:
        admin = system_admin()
        have = set(await Department.all().values_list("code", flat=True))
        for d in DEPARTMENTS:
            if d.code in have:
                continue
            await create_department(admin, code=d.code, name_ko=d.name_ko, name_en=d.name_en,
                                    fields=sorted(d.fields), keywords=list(d.keywords))
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

    async def agenda(self, item: catalogue.DemoAgenda) -> tuple[int, int]:
        """Propose (unless already there), support, then move to the catalogue status. Returns
        (supports wanted, supports the agenda has)."""
        proposer = self.users[item.proposer]
        key = IDEMPOTENCY_PREFIX + item.key
        agenda = await Agenda.get_or_none(proposer_id=proposer.id, idempotency_key=key)
        if agenda is None:
            work_plan_item_id = None
            if item.work_plan is not None:
                code, title = item.work_plan
                found = await WorkPlanItem.filter(department__code=code, title=title).order_by("-year").first()
                work_plan_item_id = found.id if found else None
            agenda = await propose(
                await self.viewer(item.proposer),
                ProposalInput(title=item.title, body=item.body, field=item.field, channel=item.channel,
                              district=item.district, related_department_codes=list(item.related_department_codes),
                              work_plan_item_id=work_plan_item_id, idempotency_key=key),
                self.settings,
            )
            self.report.agendas += 1
        given = await self.supports(agenda, item)
        await self.transitions(agenda, item)
        return item.supports, given

    async def supports(self, agenda: Agenda, item: catalogue.DemoAgenda) -> int:
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
            return catalogue.OFFICER_EMAIL
        code = self.dept_codes.get(agenda.owner_department_id)
        for a in DEMO_STAFF:
            if code in a.department_codes and a.role == Role.STAFF.value:
                return a.email
        return catalogue.ADMIN_EMAIL  # a department without demo staff: the admin may do what an owner may

    async def transitions(self, agenda: Agenda, item: catalogue.DemoAgenda) -> None:
        steps = _PLAN.get(item.status)
        if steps is None:
            self.report.notes.append(f"{item.key}: status {item.status} cannot be seeded; left {agenda.status}")
            return
        for from_status, (action, arg) in steps:
            if agenda.status != from_status.value:
                continue
            owner = await self.viewer(await self.owner_email(agenda))
            if action == "triage":
                reason = item.status_reason if arg in (Decision.REJECT, Decision.NEEDS_INFO) else None
                agenda = await triage(owner, agenda.id, agenda.version, arg, reason=reason)
            else:
                agenda = await advance(owner, agenda.id, agenda.version, arg.value)
            self.report.transitions += 1
        if agenda.status != reachable_status(item.status):
            self.report.notes.append(
                f"{item.key}: is {agenda.status} (changed since it was seeded?), not {item.status}; left as it is")


def _supporter_order() -> list[str]:
    """Who supports demo agendas, in order: citizens first, then the city-side accounts."""
    citizens = [a.email for a in DEMO_STAFF if a.role == Role.CITIZEN.value]
    others = [a.email for a in DEMO_STAFF if a.role != Role.CITIZEN.value]
    return citizens + others
