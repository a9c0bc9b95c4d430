"""The ``agenda`` command (console script; also ``python -m civic.cli``). Each subcommand lives in
the module named for what it manages; this one only assembles the parser."""

from __future__ import annotations

import argparse

from civic.cli import accountability, catalogue, core, imports, ops, routing, search


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="agenda", description="civic-agenda: social-innovation agendas for a city.")
    sub = parser.add_subparsers(dest="command", required=True)
    core.add_parsers(sub)       # serve, migrate, create-user, export-schema, seed-demo
    search.add_parsers(sub)     # reindex, worker
    catalogue.add_parsers(sub)  # department, work-plan
    catalogue.add_thesaurus_parsers(sub)  # thesaurus
    ops.add_parsers(sub)        # export, backup, restore
    accountability.add_parsers(sub)  # tick
    routing.add_parsers(sub)    # routing-eval
    imports.add_parsers(sub)    # import
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    raise SystemExit(args.fn(args))
