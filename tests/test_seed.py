"""Demo seeding: a new user sees a living system — real Seoul departments, demo
accounts and agendas whose status, routing and history came from the product's own functions."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from demo.accounts import DEMO_PASSWORD, DEMO_STAFF, OFFICER_EMAIL
from demo.agendas import DEMO_AGENDAS
from demo.departments import DEPARTMENTS, WORK_PLAN_ITEMS
from demo.city import IDEMPOTENCY_PREFIX, reachable_status
from demo.seeder import seed_demo, seed_if_empty
from server import db
from server.accounts import service as accounts
from server.accounts.models import User
from server.accounts.roles import Role
from server.agendas.enums import AgendaStatus as S
from server.agendas.models import Agenda, AgendaEvent, Department, Follow, Support, WorkPlanItem
from server.agendas.reference import POLICY_FIELD_CODES
from civic.app import create_app
from tests.conftest import TEST_SECRET, _truncate_pg

ROOT = Path(__file__).resolve().parent.parent
AGENDA = [sys.executable, "-m", "civic.cli"]

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }"
QUEUE = """
query($code: String) {
  triageQueue(departmentCode: $code, first: 100) {
    totalCount
    edges { node { id status owner { kind department { code } } } }
  }
}"""

HANGUL = re.compile(r"[\uac00-\ud7a3]")
HAN = re.compile(r"[\u4e00-\u9fff]")

# The transitions (kind, from, to) that lead to each catalogue status, after PROPOSED and ROUTED.
PATHS = {
    "SUBMITTED": [],
    "IN_TRIAGE": [],
    "NEEDS_INFO": [("TRANSITION", "IN_TRIAGE", "NEEDS_INFO")],
    "REJECTED": [("TRANSITION", "IN_TRIAGE", "REJECTED")],
    "ACCEPTED": [("TRANSITION", "IN_TRIAGE", "ACCEPTED")],
    "IN_PROGRESS": [("TRANSITION", "IN_TRIAGE", "ACCEPTED"), ("TRANSITION", "ACCEPTED", "IN_PROGRESS")],
    "COMPLETED": [("TRANSITION", "IN_TRIAGE", "ACCEPTED"), ("TRANSITION", "ACCEPTED", "IN_PROGRESS"),
                  ("TRANSITION", "IN_PROGRESS", "COMPLETED")],
}
BY_KEY = {a.key: a for a in DEMO_AGENDAS}
MAX_SUPPORTS = len(DEMO_STAFF) - 1  # every demo account but the proposer


async def _table_counts() -> dict[str, int]:
    return {m.__name__: await m.all().count() for m in (Department, WorkPlanItem, User, Agenda, AgendaEvent, Support, Follow)}


async def _demo_agendas() -> list[Agenda]:
    return await Agenda.filter(idempotency_key__startswith=IDEMPOTENCY_PREFIX).order_by("id")


async def test_first_start_seeds_a_living_city_once(app, settings, gql):
    # The test settings say AGENDA_DEMO=0: nothing happens.
    assert await seed_if_empty(settings) is None
    assert await Department.all().count() == 0

    demo = dataclasses.replace(settings, demo=True)
    started = time.perf_counter()
    report = await seed_if_empty(demo)
    elapsed = time.perf_counter() - started
    print(f"\nseeding took {elapsed:.2f}s ({report})")
    assert report is not None and not report.skipped
    assert (report.departments, report.work_plan_items, report.users, report.agendas) == (
        len(DEPARTMENTS), len(WORK_PLAN_ITEMS), len(DEMO_STAFF), len(DEMO_AGENDAS))

    # ---- the catalogue is in the database
    assert await Department.all().count() >= 15
    agendas = await _demo_agendas()
    assert len(agendas) == len(DEMO_AGENDAS) >= 40
    assert {a.field for a in agendas} == set(POLICY_FIELD_CODES)
    reachable = {reachable_status(a.status) for a in DEMO_AGENDAS}
    assert {a.status for a in agendas} == reachable
    assert {"IN_TRIAGE", "NEEDS_INFO", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "REJECTED"} <= reachable
    assert sum(report.statuses.values()) == len(agendas)

    titles = [a.title for a in agendas]
    assert any(HANGUL.search(t) for t in titles)
    assert any(HAN.search(t) and not HANGUL.search(t) for t in titles), "a Traditional Chinese title"
    assert any(t.isascii() and re.search(r"[A-Za-z]{4}", t) for t in titles), "an English title"

    # ---- routing really ran
    reasons = {a.routing_reason for a in agendas}
    assert {"WORK_PLAN", "DIRECT_MATCH"} <= reasons
    assert any(a.owner_kind == "INNOVATION_OFFICER" for a in agendas)
    assert all(a.routing_explanation for a in agendas)
    named = next(a for a in agendas if a.idempotency_key == IDEMPOTENCY_PREFIX + "co-parenting")
    item = await WorkPlanItem.get(id=named.work_plan_item_id).prefetch_related("department")
    assert (named.routing_reason, item.department.code, item.title) == (
        "WORK_PLAN", "WOMEN_FAMILY", "공동육아나눔터와 우리동네키움센터 확충")

    # ---- every agenda has a history consistent with its status, made by the right people
    users = {u.id: u for u in await User.all().prefetch_related("departments")}
    dept_codes = dict(await Department.all().values_list("id", "code"))
    for agenda in agendas:
        entry = BY_KEY[agenda.idempotency_key[len(IDEMPOTENCY_PREFIX):]]
        assert users[agenda.proposer_id].email == entry.proposer
        assert agenda.status == reachable_status(entry.status), entry.key
        # the lifecycle path; plan updates and workshop discussions are checked in test_seed_workshops
        events = await AgendaEvent.filter(agenda_id=agenda.id, kind__in=["PROPOSED", "ROUTED", "TRANSITION"]
                                          ).order_by("created_at", "id")
        got = [(e.kind, e.from_status, e.to_status) for e in events]
        expected = [("PROPOSED", None, "SUBMITTED"), ("ROUTED", "SUBMITTED", "IN_TRIAGE"), *PATHS[entry.status]]
        assert got == expected, entry.key
        assert events[0].actor_id == agenda.proposer_id
        for e in events[2:]:
            actor = users[e.actor_id]
            if agenda.owner_kind == "INNOVATION_OFFICER":
                assert actor.role == Role.OFFICER, entry.key
            else:
                assert actor.role == Role.STAFF, entry.key
                assert dept_codes[agenda.owner_department_id] in {d.code for d in actor.departments}, entry.key
        if entry.status in ("REJECTED", "NEEDS_INFO"):
            assert agenda.status_reason == entry.status_reason == events[-1].reason
        # supports: as many as the catalogue asks, as far as accounts allow, never the proposer's own
        supporters = await Support.filter(agenda_id=agenda.id).values_list("user_id", flat=True)
        assert agenda.support_count == len(supporters) == min(entry.supports, MAX_SUPPORTS), entry.key
        assert agenda.proposer_id not in supporters

    # ---- demo staff log in through GraphQL and find their agendas in their triage queue
    waiting = [a for a in agendas if a.status in (S.IN_TRIAGE.value, S.NEEDS_INFO.value)]
    queues: dict[str | None, set[str]] = {}
    for a in waiting:
        code = dept_codes[a.owner_department_id] if a.owner_kind == "DEPARTMENT" else None
        queues.setdefault(code, set()).add(str(a.id))
    assert None in queues and len(queues) >= 4
    staff_email = {acc.department_codes[0]: acc.email for acc in DEMO_STAFF if acc.role == "staff"}
    for code, ids in queues.items():
        email = OFFICER_EMAIL if code is None else staff_email[code]
        login = (await gql(LOGIN, {"e": email, "p": DEMO_PASSWORD}))["data"]["login"]
        assert login["errors"] == [] and login["token"], email
        queue = (await gql(QUEUE, {"code": code}, token=login["token"]))
        assert "errors" not in queue, queue
        nodes = [e["node"] for e in queue["data"]["triageQueue"]["edges"]]
        assert {n["id"] for n in nodes} == ids, code
        assert all(n["owner"]["kind"] == ("INNOVATION_OFFICER" if code is None else "DEPARTMENT") for n in nodes)

    # ---- its people find the year's news in the app, and nobody is e-mailed about a back-dated history
    from server.notifications.models import Notification

    assert await Notification.all().count() > 0
    assert not await Notification.filter(email_state__isnull=False).exists()

    # ---- seeding again changes nothing
    before = await _table_counts()
    again = await seed_demo(demo)
    assert again.skipped and "--force" in again.message
    forced = await seed_demo(demo, force=True)
    assert not forced.skipped and not forced.created_anything
    assert await seed_if_empty(demo) is None
    assert await _table_counts() == before

    # ---- --force adds exactly what is missing
    gone = next(a for a in agendas if a.status == "COMPLETED")
    await gone.delete()
    used = set(await Agenda.all().values_list("work_plan_item_id", flat=True))
    unused = next(w for w in await WorkPlanItem.all().order_by("id") if w.id not in used)
    await unused.delete()
    forced = await seed_demo(demo, force=True)
    assert (forced.departments, forced.work_plan_items, forced.users, forced.agendas, forced.transitions) == (0, 1, 0, 1, 3)
    after = await _table_counts()
    # The re-created agenda gets its lifecycle and plan back; the workshops that discussed it already
    # exist and are left alone, so its discussion events are not re-created.
    assert {k: v for k, v in after.items() if k != "AgendaEvent"} == {k: v for k, v in before.items() if k != "AgendaEvent"}
    assert after["AgendaEvent"] <= before["AgendaEvent"]


async def test_first_start_leaves_a_database_with_people_alone(app, settings):
    await accounts.create_user(email="admin@seoul.go.kr", password="관리자-비밀번호-2026", display_name="관리자", role=Role.ADMIN)
    assert await seed_if_empty(dataclasses.replace(settings, demo=True)) is None
    assert await Department.all().count() == 0


async def test_the_server_seeds_on_a_real_start_only(settings, monkeypatch):
    import civic.app

    if not settings.is_sqlite:
        await _truncate_pg(settings.database_url)

    calls = []

    async def recorder(s):
        calls.append(s)
        assert await Department.all().count() >= 0  # runs inside the app's database context

    monkeypatch.setattr(civic.app, "seed_if_empty", recorder)
    for run_migrations in (False, True):
        application = create_app(settings, run_migrations=run_migrations)
        async with application.router.lifespan_context(application):
            pass
    assert calls == [settings]

    # AGENDA_DEMO=0 (as the test settings say): the real hook loads nothing on a real start.
    monkeypatch.undo()
    application = create_app(settings, run_migrations=True)
    async with application.router.lifespan_context(application):
        with application.state.tortoise:
            assert await Department.all().count() == 0


# --------------------------------------------------------------------------------------- CLI


def run_agenda(args: list[str], env_extra: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEILI_", "AGENDA_", "DATABASE_URL"))}
    env.update(env_extra)
    return subprocess.run(AGENDA + args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def sqlite_env(tmp_path, sqlite_template) -> dict[str, str]:
    """A migrated SQLite file of the test's own (a copy of the run's template: the commands' own
    migration step is then a no-op instead of ~3 s of replaying every migration)."""
    path = tmp_path / "agenda.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return {"DATABASE_URL": f"sqlite://{path}", "AGENDA_DATA_DIR": str(tmp_path / "data"), "AGENDA_SECRET": TEST_SECRET}


async def _count(url: str, model) -> int:
    ctx = await db.open_context(url)
    try:
        with ctx:
            return await model.all().count()
    finally:
        await db.close_context(ctx)


async def test_seed_demo_command_loads_the_demo_and_prints_the_logins(sqlite_env):
    r = run_agenda(["seed-demo"], sqlite_env)
    assert r.returncode == 0, r.stderr
    assert f"{len(DEMO_AGENDAS)} agendas" in r.stdout
    assert DEMO_PASSWORD in r.stdout
    for account in DEMO_STAFF:
        assert account.email in r.stdout
    assert await _count(sqlite_env["DATABASE_URL"], Agenda) == len(DEMO_AGENDAS)

    again = run_agenda(["seed-demo"], sqlite_env)
    assert again.returncode == 0 and "nothing seeded" in again.stdout and "--force" in again.stdout
    forced = run_agenda(["seed-demo", "--force"], sqlite_env)
    assert forced.returncode == 0 and "nothing to add" in forced.stdout, forced.stdout
    assert await _count(sqlite_env["DATABASE_URL"], Agenda) == len(DEMO_AGENDAS)

    listed = run_agenda(["department", "list"], sqlite_env)
    assert listed.returncode == 0 and "TRANSPORT" in listed.stdout and "도시교통실" in listed.stdout


async def test_department_and_work_plan_commands(sqlite_env):
    r = run_agenda(["department", "add", "--code", "교통실", "--name-ko", "도시교통실", "--name-en", "Transport"], sqlite_env)
    assert r.returncode == 1
    assert "code: A code has at most 40 letters, digits or underscores" in r.stderr and "[INVALID]" in r.stderr
    r = run_agenda(["department", "add", "--code", "pilot", "--name-ko", "시범", "--name-en", "Pilot Office",
                    "--field", "JOBS", "NOWHERE"], sqlite_env)
    assert r.returncode == 1 and "fields: Unknown policy field(s): NOWHERE. [INVALID_FIELD]" in r.stderr
    assert await _count(sqlite_env["DATABASE_URL"], Department) == 0

    r = run_agenda(["department", "add", "--code", "pilot", "--name-ko", "시범사업단", "--name-en", "Pilot Office",
                    "--field", "JOBS", "--keyword", "시범사업", "--keyword", "pilot project", "試辦"], sqlite_env)
    assert r.returncode == 0, r.stderr
    assert "created department PILOT 시범사업단 / Pilot Office (fields: JOBS; 3 keywords)" in r.stdout
    r = run_agenda(["department", "add", "--code", "PILOT", "--name-ko", "시범사업단", "--name-en", "Pilot Office"], sqlite_env)
    assert r.returncode == 1 and "[DUPLICATE]" in r.stderr

    r = run_agenda(["work-plan", "add", "--department", "PILOT", "--title", "시범사업 확대", "--year", "2026",
                    "--keyword", "시범사업", "확대"], sqlite_env)
    assert r.returncode == 0 and "for PILOT (2026): 시범사업 확대 (2 keywords)" in r.stdout, r.stderr
    r = run_agenda(["work-plan", "add", "--department", "NOWHERE", "--title", "x", "--year", "1999"], sqlite_env)
    assert r.returncode == 1
    assert "departmentCode: No such department. [UNKNOWN_DEPARTMENT]" in r.stderr
    assert "title: A title needs at least 2 characters. [TOO_SHORT]" in r.stderr
    assert "year: Enter a year between 2000 and 2100. [INVALID]" in r.stderr

    listed = run_agenda(["department", "list"], sqlite_env)
    assert listed.returncode == 0 and "PILOT" in listed.stdout and "1 work-plan items" in listed.stdout

    bad_config = run_agenda(["department", "list"], {**sqlite_env, "AGENDA_PORT": "http"})
    assert bad_config.returncode == 2 and "AGENDA_PORT" in bad_config.stderr
