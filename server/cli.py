"""The ``agenda`` command (SPEC §4a). Each subcommand does real work; later issues add theirs."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
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
    logging.basicConfig(level=settings.python_log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


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

    meili = None
    if settings.provision_meili:
        from server.search.provision import start_provisioned

        print("provisioning Meilisearch (first run downloads and verifies the pinned binary)…", flush=True)
        meili = start_provisioned(settings.cache_dir, settings.data_dir / "meilisearch")
        settings = dataclasses.replace(settings, meili_url=meili.url, meili_master_key=meili.master_key)
    try:
        app = create_app(settings, run_migrations=False)
        print(f"civic-agenda is running at http://{settings.host}:{settings.port}/  (GraphiQL: /graphql)", flush=True)
        uvicorn.run(app, host=settings.host, port=settings.port, log_level=settings.log_level, lifespan="on")
    finally:
        if meili is not None:
            meili.stop()
    return 0


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
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    raise SystemExit(args.fn(args))


if __name__ == "__main__":
    main()
