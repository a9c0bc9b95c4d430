"""``agenda routing-eval FILE``: how well the routing rule places labelled proposals.

By default it routes against the configured database's live catalogue — departments, work plans and
thesaurus additions as an admin left them — because a city measures the rule it actually runs (run
``agenda seed-demo`` into a scratch ``DATABASE_URL`` first to measure the demo). ``--demo`` routes
against the demo's Seoul catalogue held in memory, with no database at all; the team's own test uses
that, so the target does not depend on anyone's data folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from civic.runtime import print_domain_errors, run_with_database
from server.settings import Settings

PROG = "agenda routing-eval"


def _read(path: str) -> list[str] | None:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{PROG}: cannot read {path}: {exc}", file=sys.stderr)
        return None


def _report(router, lines: list[str]) -> int:
    from server.agendas.routing_eval import evaluate, parse_cases

    report = evaluate(router, parse_cases(lines))
    print("\n".join(report.lines()))
    return 0


def cmd_routing_eval(args: argparse.Namespace) -> int:
    from server.errors import DomainError, ValidationErrors

    lines = _read(args.file)
    if lines is None:
        return 1
    if args.demo:
        from demo.departments import demo_router

        try:
            return _report(demo_router(), lines)
        except (DomainError, ValidationErrors) as exc:
            print_domain_errors(PROG, exc)
            return 1

    async def work(settings: Settings) -> int:
        from server.agendas.departments import load_router

        return _report(await load_router(), lines)

    return run_with_database(PROG, work)


def add_parsers(sub) -> None:
    p = sub.add_parser("routing-eval", help="measure routing on a JSON-lines file of labelled proposals")
    p.add_argument("file", metavar="FILE", help='one {"title", "body", "field", "expect": [codes or "OFFICER"]} per line')
    p.add_argument("--demo", action="store_true",
                   help="route against the demo's Seoul catalogue in memory instead of the configured database")
    p.set_defaults(fn=cmd_routing_eval)
