"""The ``agenda`` command (SPEC §4a). Each subcommand does real work; later issues add theirs."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import sys
from pathlib import Path

from server.settings import ConfigError, Settings

log = logging.getLogger("civic_agenda")


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except ConfigError as exc:
        print(f"agenda: configuration error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def _setup_logging(settings: Settings) -> None:
    # Text, or one JSON object per line with AGENDA_LOG_FORMAT=json; records carry the request id.
    from server.ops.logs import configure_logging

    configure_logging(settings.python_log_level, settings.log_format)


def cmd_migrate(args: argparse.Namespace) -> int:
    from server import db

    settings = _settings()
    _setup_logging(settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    asyncio.run(db.migrate(settings.database_url))
    print("migrations applied")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from server import db
    from server.accounts import service
    from server.accounts.roles import Role
    from server.errors import DomainError, ValidationErrors

    settings = _settings()
    try:
        role = Role.parse(args.role)
    except ValueError as exc:
        print(f"agenda create-user: {exc}", file=sys.stderr)
        return 2
    password = args.password if args.password is not None else getpass.getpass("Password: ")

    async def run() -> int:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        await db.migrate(settings.database_url)
        ctx = await db.open_context(settings.database_url)
        try:
            with ctx:
                user = await service.create_user(
                    email=args.email,
                    password=password,
                    display_name=args.display_name or args.email.split("@")[0],
                    role=role,
                    department_codes=args.department or [],
                )
                print(f"created {user.role.value if hasattr(user.role, 'value') else user.role} {user.email} (id {user.id})")
                return 0
        except (DomainError, ValidationErrors) as exc:
            errors = exc.errors if isinstance(exc, ValidationErrors) else [exc]
            for e in errors:
                print(f"agenda create-user: {e.field or 'input'}: {e.message} [{e.code.value}]", file=sys.stderr)
            return 1
        finally:
            await db.close_context(ctx)

    return asyncio.run(run())


def cmd_export_schema(args: argparse.Namespace) -> int:
    from schema.sdl import export_sdl

    out = Path(args.out) if args.out else Path(__file__).resolve().parent.parent / "schema" / "schema.graphql"
    out.write_text(export_sdl(), encoding="utf-8")
    print(f"wrote {out}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server import db
    from server.app import create_app

    settings = _settings()
    _setup_logging(settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    asyncio.run(db.migrate(settings.database_url))

    from server.search import local

    if settings.provision_meili:
        print("provisioning Meilisearch (first run downloads and verifies the pinned binary)…", flush=True)
    settings, meili = local.attach_or_start(settings)
    try:
        app = create_app(settings)  # migrates again (a no-op) and seeds the demo on an empty database
        print(f"civic-agenda is running at http://{settings.host}:{settings.port}/  (GraphiQL: /graphql)", flush=True)
        # log_config=None: uvicorn's records go through our handler (JSON when configured); the
        # access log is ours (server/ops/requestid.py), with the request id and duration.
        config = uvicorn.Config(app, host=settings.host, port=settings.port, log_level=settings.log_level, lifespan="on",
                                log_config=None, access_log=False)
        _quiet_server(config).run()
    finally:
        if meili is not None:
            meili.stop()
            local.forget(settings)
    return 0


def _print_domain_errors(prog: str, exc: Exception) -> None:
    errors = exc.errors if hasattr(exc, "errors") else [exc]
    for e in errors:
        print(f"{prog}: {e.field or 'input'}: {e.message} [{e.code.value}]", file=sys.stderr)


def _run_with_database(prog: str, work) -> int:
    """Migrate, open the database context, run ``await work(settings)`` inside it; domain errors are
    printed as ``field: message [CODE]`` (exit 1), configuration errors exit 2 (see ``_settings``)."""
    from server import db
    from server.errors import DomainError, ValidationErrors

    settings = _settings()

    async def run() -> int:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        await db.migrate(settings.database_url)
        ctx = await db.open_context(settings.database_url)
        try:
            with ctx:
                return await work(settings)
        except (DomainError, ValidationErrors) as exc:
            _print_domain_errors(prog, exc)
            return 1
        finally:
            await db.close_context(ctx)

    return asyncio.run(run())


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from server.agendas import catalogue
    from server.agendas.seed import seed_demo

    async def work(settings: Settings) -> int:
        report = await seed_demo(settings, force=args.force)
        if report.skipped:
            print(f"agenda seed-demo: {report.message}")
            return 0
        print(f"{report.message} in {report.seconds:.1f}s: created {report.departments} departments, "
              f"{report.work_plan_items} work-plan items, {report.users} accounts, {report.agendas} agendas "
              f"({report.transitions} transitions, {report.supports} supports)")
        if report.statuses:
            print("demo agendas by status: " + ", ".join(f"{k} {v}" for k, v in report.statuses.items()))
        if report.routing:
            print("demo agendas by routing reason: " + ", ".join(f"{k} {v}" for k, v in report.routing.items()))
        for note in report.notes:
            print(f"note: {note}")
        names = {d.code: d.name_ko for d in catalogue.DEPARTMENTS}
        print(f"demo logins (every account's password: {catalogue.DEMO_PASSWORD}):")
        for a in catalogue.DEMO_STAFF:
            depts = ", ".join(f"{c} {names.get(c, '')}".strip() for c in a.department_codes)
            print(f"  {a.role:<11} {a.email}" + (f"  ({depts})" if depts else ""))
        print("set AGENDA_DEMO=0 and remove or change these accounts before real use")
        return 0

    return _run_with_database("agenda seed-demo", work)


def _with_search(prog: str, work) -> int:
    """Like ``_run_with_database``, with a reachable Meilisearch: the configured one, the running
    server's provisioned one, or one started for as long as the command runs."""
    from server.search import local
    from server.search.engine import SearchEngine

    base = _settings()
    _setup_logging(base)
    settings, meili = local.attach_or_start(base)

    async def with_engine(s: Settings) -> int:
        engine = SearchEngine(settings)
        try:
            return await work(settings, engine)
        finally:
            await engine.aclose()

    try:
        return _run_with_database(prog, with_engine)
    finally:
        if meili is not None:
            meili.stop()
            local.forget(settings)


def cmd_reindex(args: argparse.Namespace) -> int:
    from server.search.reindex import reindex

    async def work(settings: Settings, engine) -> int:
        def progress(topic: str, done: int, total: int) -> None:
            print(f"\rindexed {done:,}/{total:,} {topic} records", end="", flush=True)

        report = await reindex(engine, batch_size=args.batch_size, progress=progress)
        print(f"\nreindexed {report.indexed:,} records in {report.seconds:.1f}s "
              f"({report.per_second:,.0f}/s); {report.caught_up:,} changed meanwhile and were re-applied; "
              f"swapped into {engine.agendas_uid}")
        return 0

    return _with_search("agenda reindex", work)


def cmd_worker(args: argparse.Namespace) -> int:
    import signal

    from workers.indexer import Indexer

    async def work(settings: Settings, engine) -> int:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        indexer = Indexer(engine, batch_size=args.batch_size)
        print(f"draining the outbox into {engine.agendas_uid} (Ctrl-C stops)", flush=True)
        await indexer.run(stop)
        print(f"stopped after indexing {indexer.processed:,} changes", flush=True)
        return 0

    return _with_search("agenda worker", work)


def cmd_department_add(args: argparse.Namespace) -> int:
    from server.agendas.departments import create_department
    from server.agendas.seed import system_admin

    async def work(settings: Settings) -> int:
        d = await create_department(system_admin(), code=args.code, name_ko=args.name_ko, name_en=args.name_en,
                                    fields=args.field or [], keywords=args.keyword or [])
        print(f"created department {d.code} {d.name_ko} / {d.name_en} "
              f"(fields: {', '.join(d.policy_fields) or '-'}; {len(d.keywords)} keywords)")
        return 0

    return _run_with_database("agenda department add", work)


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

    return _run_with_database("agenda department list", work)


def cmd_work_plan_add(args: argparse.Namespace) -> int:
    from server.agendas.departments import create_work_plan_item
    from server.agendas.seed import system_admin

    async def work(settings: Settings) -> int:
        item = await create_work_plan_item(system_admin(), department_code=args.department, title=args.title,
                                           keywords=args.keyword or [], year=args.year)
        await item.fetch_related("department")
        print(f"created work-plan item {item.id} for {item.department.code} ({item.year}): {item.title} "
              f"({len(item.keywords)} keywords)")
        return 0

    return _run_with_database("agenda work-plan add", work)


def _quiet_server(config):
    """uvicorn re-raises SIGINT/SIGTERM after its graceful shutdown so that the default handler runs;
    inside ``asyncio.run`` that cancels the finished lifespan and prints a traceback for a clean
    Ctrl-C. We have nothing left to do after the shutdown, so the signal is consumed."""
    import uvicorn

    class Server(uvicorn.Server):
        def handle_exit(self, sig, frame):
            super().handle_exit(sig, frame)
            self._captured_signals.clear()

    return Server(config)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="agenda", description="civic-agenda: social-innovation agendas for a city.")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("serve", help="migrate, provision Meilisearch when MEILI_URL is unset, and serve").set_defaults(fn=cmd_serve)
    sub.add_parser("migrate", help="apply pending database migrations").set_defaults(fn=cmd_migrate)

    p = sub.add_parser("create-user", help="create a user with a role (how the first admin and staff are made)")
    p.add_argument("--email", required=True)
    p.add_argument("--password", help="omit to be prompted")
    p.add_argument("--role", required=True, help="citizen, staff, officer, facilitator, researcher or admin")
    p.add_argument("--department", action="append", metavar="CODE", help="department code; repeat for several")
    p.add_argument("--display-name")
    p.set_defaults(fn=cmd_create_user)

    p = sub.add_parser("export-schema", help="write the GraphQL SDL to schema/schema.graphql")
    p.add_argument("--out")
    p.set_defaults(fn=cmd_export_schema)

    p = sub.add_parser("reindex", help="rebuild the search index from the database aside, then swap it in")
    p.add_argument("--batch-size", type=int, default=5000)
    p.set_defaults(fn=cmd_reindex)

    p = sub.add_parser("worker", help="drain the outbox into Meilisearch (run several on PostgreSQL)")
    p.add_argument("--batch-size", type=int, default=500)
    p.set_defaults(fn=cmd_worker)

    p = sub.add_parser("seed-demo", help="load Seoul's departments, work plans, demo accounts and agendas")
    p.add_argument("--force", action="store_true",
                   help="also when the database already has departments: add whatever demo data is missing")
    p.set_defaults(fn=cmd_seed_demo)

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
    from server.ops.commands import add_parsers as add_ops_parsers

    add_ops_parsers(sub)  # export, backup, restore (server/ops/commands.py)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    raise SystemExit(args.fn(args))


if __name__ == "__main__":
    main()
