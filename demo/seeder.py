"""Loading the demo: ``agenda seed-demo`` and the first start of an empty database with
``AGENDA_DEMO=1``. The data lives in the data modules of this package; :mod:`demo.city` files the
offices, work plans, accounts and agendas, :mod:`demo.year` tells a year of execution over them, and
this module runs the two in order.

* **Idempotent, additive ``force``.** Without ``force`` a database that already has departments is
  left alone (the report says so). With ``force`` the seeder *adds what is missing* and never changes
  or duplicates what exists (how each kind of row is matched: :mod:`demo.city`, :mod:`demo.year`).
* **All or nothing.** One seeding runs in one transaction (the domain functions' own transactions
  nest as savepoints), so a failure leaves nothing behind and the next start tries again; two server
  processes seeding an empty PostgreSQL database at once cannot both succeed (the second one's
  department insert conflicts and rolls back).
"""

from __future__ import annotations

import logging
import time
from collections import Counter

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from demo.accounts import ADMIN_EMAIL, DEMO_PASSWORD, DEMO_STAFF, OFFICER_EMAIL
from demo.agendas import DEMO_AGENDAS
from demo.city import IDEMPOTENCY_PREFIX, CitySeeder
from demo.report import SeedReport
from demo.year import Year
from server.accounts.models import User
from server.agendas.enums import AgendaStatus as S
from server.agendas.models import Agenda, Department
from server.errors import DomainError, ValidationErrors
from server.settings import Settings
from server.notifications.models import Notification

log = logging.getLogger("civic_agenda.seed")


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
        ADMIN_EMAIL, OFFICER_EMAIL, DEMO_PASSWORD,
    )
    return report


async def seed_demo(settings: Settings, *, force: bool = False) -> SeedReport:
    """Load the demo (see the module docs). Without ``force``, a database that already
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
    before = await Notification.all().order_by("-id").first().values_list("id", flat=True) or 0
    async with in_transaction():
        await _run(CitySeeder(settings, report))
        # The demo's year is told after the fact: its people see what happened in the app, but nobody
        # is e-mailed about a history that is back-dated (a new user's own actions are mailed as usual).
        await Notification.filter(id__gt=before, email_state__isnull=False).update(email_state=None,
                                                                                   email_due_at=None)
    report.seconds = time.perf_counter() - started
    if not report.message:
        report.message = "demo data loaded" if report.created_anything else "demo data already complete; nothing to add"
    return report


async def _run(city: CitySeeder) -> None:
    """The year goes first, so that the agendas it creates get their history in date order; the
    pass over every demo agenda then brings any older one to its listed status."""
    report = city.report
    await city.departments()
    await city.work_plan()
    await city.accounts()
    year = Year(city)
    await year.tell()  # proposes and moves the demo agendas this run creates, over the year
    wanted = given = 0
    for item in DEMO_AGENDAS:
        w, g = await city.agenda(item)
        wanted, given = wanted + w, given + g
    await year.finish()
    rows = await Agenda.filter(idempotency_key__startswith=IDEMPOTENCY_PREFIX).values_list(
        "status", "routing_reason")
    report.statuses = dict(sorted(Counter(s for s, _ in rows).items()))
    report.routing = dict(sorted(Counter(r for _, r in rows).items()))
    submitted = sum(1 for a in DEMO_AGENDAS if a.status == S.SUBMITTED.value)
    if submitted:
        report.notes.append(
            f"{submitted} agenda(s) listed as SUBMITTED rest in IN_TRIAGE: proposing routes an agenda at once")
    if given < wanted:
        report.notes.append(
            f"supports: the catalogue asks for {wanted}, there are {len(DEMO_STAFF)} demo accounts to give "
            f"them, so {given} were given (at most one per account and agenda, never the proposer's own)")
