"""``agenda serve``, ``migrate``, ``create-user``, ``export-schema`` and ``seed-demo``."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from pathlib import Path

from civic.runtime import load_settings, run_with_database, setup_logging
from server.settings import Settings


def cmd_migrate(args: argparse.Namespace) -> int:
    from server import db

    settings = load_settings()
    setup_logging(settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    asyncio.run(db.migrate(settings.database_url))
    print("migrations applied")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from server.accounts import service
    from server.accounts.roles import Role

    settings = load_settings()
    try:
        role = Role.parse(args.role)
    except ValueError as exc:
        print(f"agenda create-user: {exc}", file=sys.stderr)
        return 2
    password = args.password if args.password is not None else getpass.getpass("Password: ")

    async def work(settings: Settings) -> int:
        user = await service.create_user(
            email=args.email,
            password=password,
            display_name=args.display_name or args.email.split("@")[0],
            role=role,
            department_codes=args.department or [],
        )
        print(f"created {user.role.value if hasattr(user.role, 'value') else user.role} {user.email} (id {user.id})")
        return 0

    return run_with_database("agenda create-user", work, settings)


def cmd_export_schema(args: argparse.Namespace) -> int:
    from schema.sdl import export_sdl

    out = Path(args.out) if args.out else Path(__file__).resolve().parents[2] / "schema" / "schema.graphql"
    out.write_text(export_sdl(), encoding="utf-8")
    print(f"wrote {out}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server import db

    settings = load_settings()
    setup_logging(settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    asyncio.run(db.migrate(settings.database_url))

    from server.search import local

    if settings.provision_meili:
        print("provisioning Meilisearch (first run downloads and verifies the pinned binary)…", flush=True)
    settings, meili = local.attach_or_start(settings, supervise=True)
    try:
        if settings.workers > 1:
            from civic.processes import serve_processes

            print(f"civic-agenda is running at http://{settings.host}:{settings.port}/  (GraphiQL: /graphql) "
                  f"in {settings.workers} server processes", flush=True)
            serve_processes(settings, on_exit=getattr(meili, "stop_supervising", None))
            return 0
        from civic.app import create_app
        from civic.processes import GENERATION_FILE, shared_dir
        from server.ops import writes

        # One process counts in the file too, so commands run beside it (agenda tick, import) move
        # what its anonymous answers and counts are checked against (server/ops/writes.py); continued,
        # never zeroed (civic.processes.prepare_shared_state says why).
        writes.share(shared_dir(settings) / GENERATION_FILE)
        app = create_app(settings)  # migrates again (a no-op) and seeds the demo on an empty database
        print(f"civic-agenda is running at http://{settings.host}:{settings.port}/  (GraphiQL: /graphql)", flush=True)
        # log_config=None: uvicorn's records go through our handler (JSON when configured); the
        # access log is ours (server/ops/requestid.py), with the request id and duration.
        config = uvicorn.Config(app, host=settings.host, port=settings.port, log_level=settings.log_level, lifespan="on",
                                log_config=None, access_log=False)
        _quiet_server(config, on_exit=getattr(meili, "stop_supervising", None)).run()
    finally:
        if meili is not None:
            meili.stop()
            local.forget(settings)
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from demo.accounts import DEMO_PASSWORD, DEMO_STAFF
    from demo.departments import DEPARTMENTS
    from demo.seeder import seed_demo

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
        names = {d.code: d.name_ko for d in DEPARTMENTS}
        print(f"demo logins (every account's password: {DEMO_PASSWORD}):")
        for a in DEMO_STAFF:
            depts = ", ".join(f"{c} {names.get(c, '')}".strip() for c in a.department_codes)
            print(f"  {a.role:<11} {a.email}" + (f"  ({depts})" if depts else ""))
        print("set AGENDA_DEMO=0 and remove or change these accounts before real use")
        return 0

    return run_with_database("agenda seed-demo", work)


def _quiet_server(config, on_exit=None):
    """uvicorn re-raises SIGINT/SIGTERM after its graceful shutdown so that the default handler runs;
    inside ``asyncio.run`` that cancels the finished lifespan and prints a traceback for a clean
    Ctrl-C. We have nothing left to do after the shutdown, so the signal is consumed.

    ``on_exit`` runs when the signal arrives: the provisioned Meilisearch stops being supervised,
    since the same Ctrl-C may be stopping it while open connections still delay the shutdown."""
    import uvicorn

    class Server(uvicorn.Server):
        def handle_exit(self, sig, frame):
            if on_exit is not None:
                on_exit()
            super().handle_exit(sig, frame)
            self._captured_signals.clear()

    return Server(config)


def add_parsers(sub) -> None:
    sub.add_parser("serve", help="migrate, provision Meilisearch when MEILI_URL is unset, and serve "
                                 "(AGENDA_WORKERS processes, default one per core)").set_defaults(fn=cmd_serve)
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

    p = sub.add_parser("seed-demo", help="load Seoul's departments, work plans, demo accounts and agendas")
    p.add_argument("--force", action="store_true",
                   help="also when the database already has departments: add whatever demo data is missing")
    p.set_defaults(fn=cmd_seed_demo)
