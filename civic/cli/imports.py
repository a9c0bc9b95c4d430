"""``agenda import FILE [--dry-run] [--source NAME]``: bring a city's earlier proposals in from a CSV
(UTF-8 with or without BOM, or CP949) or XLSX file (columns: docs/import.md). Every row is checked
first; with any problem nothing is written and each is printed as ``row R, column C: message [CODE]``
(exit 1). ``--dry-run`` only checks. Importing the same file again adds nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from civic.runtime import run_with_database
from server.settings import Settings

PROG = "agenda import"


def _print_report(report) -> None:
    for p in report.errors:
        where = f"row {p.row}" if p.row else "file"
        print(f"{PROG}: {where}, column {p.column or '-'}: {p.message} [{p.code.value}]", file=sys.stderr)
    for p in report.warnings:
        print(f"{PROG}: warning: row {p.row}, column {p.column or '-'}: {p.message} [{p.code.value}]", file=sys.stderr)
    verb = "would create" if report.dry_run else "created"
    count = report.new if report.dry_run else report.created
    print(f"{report.rows} rows ({report.format}{', ' + report.encoding if report.encoding else ''}): "
          f"{verb} {count}, unchanged {report.unchanged}, errors {len(report.errors)}, warnings {len(report.warnings)}")


def cmd_import(args: argparse.Namespace) -> int:
    from server.imports.read import MAX_BYTES

    path = Path(args.file)
    try:
        if path.stat().st_size > MAX_BYTES:
            print(f"{PROG}: {path}: the file is larger than {MAX_BYTES // (1024 * 1024)} MB [FILE_TOO_LARGE]", file=sys.stderr)
            return 1
        data = path.read_bytes()
    except OSError as exc:
        print(f"{PROG}: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1

    async def work(settings: Settings) -> int:
        from server.imports.service import import_file

        last = {"phase": ""}

        def progress(phase: str, done: int, total: int) -> None:
            if total and (phase != last["phase"] or done == total):
                print(f"{PROG}: {phase} {done}/{total}", file=sys.stderr)
            last["phase"] = phase

        report = await import_file(None, data, filename=path.name, source=args.source, dry_run=args.dry_run,
                                   progress=progress)
        _print_report(report)
        return 0 if report.ok else 1

    return run_with_database(PROG, work)


def add_parsers(sub) -> None:
    p = sub.add_parser("import", help="import earlier proposals from a CSV or XLSX file (docs/import.md)")
    p.add_argument("file", metavar="FILE", help="a .csv (UTF-8 or CP949) or .xlsx file")
    p.add_argument("--dry-run", action="store_true", help="check every row and report; write nothing")
    p.add_argument("--source", default=None,
                   help="the earlier system's name; with the external id it identifies a row (default: import)")
    p.set_defaults(fn=cmd_import)
