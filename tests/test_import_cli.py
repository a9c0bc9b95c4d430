"""An operator imports the old system's XLSX export on the server with ``agenda import``: a dry run
first, then the import, then the same file again, which adds nothing."""

from __future__ import annotations

from server import db
from server.agendas.models import Agenda, Department
from tests.import_files import backlog_rows, to_xlsx
from tests.test_cli import cli_env, run_agenda  # noqa: F401 - the fixture, shared

__all__ = ["cli_env"]


async def _count(url: str) -> int:
    ctx = await db.open_context(url)
    try:
        with ctx:
            return await Agenda.all().count()
    finally:
        await db.close_context(ctx)


async def test_agenda_import_checks_imports_and_adds_nothing_the_second_time(cli_env, tmp_path):
    assert run_agenda(["migrate"], cli_env).returncode == 0
    ctx = await db.open_context(cli_env["DATABASE_URL"])
    with ctx:
        for code, ko in (("WELFARE", "복지정책실"), ("HOUSING", "주택정책실")):
            await Department.create(code=code, name_ko=ko, name_en=code.title())
    await db.close_context(ctx)
    rows = backlog_rows(12)
    rows[4][5] = "해운대구"
    path = tmp_path / "backlog.xlsx"
    path.write_bytes(to_xlsx(rows))

    r = run_agenda(["import", str(path), "--dry-run"], cli_env, timeout=180)
    assert r.returncode == 1
    assert "row 6, column 자치구:" in r.stderr and "[INVALID_DISTRICT]" in r.stderr
    assert await _count(cli_env["DATABASE_URL"]) == 0

    rows[4][5] = "해운대구".replace("해운대", "서대문")
    path.write_bytes(to_xlsx(rows))
    r = run_agenda(["import", str(path)], cli_env, timeout=180)
    assert r.returncode == 0, r.stderr
    assert "12 rows (xlsx): created 12, unchanged 0, errors 0" in r.stdout
    r = run_agenda(["import", str(path)], cli_env, timeout=180)
    assert r.returncode == 0, r.stderr
    assert "created 0, unchanged 12" in r.stdout
    assert await _count(cli_env["DATABASE_URL"]) == 12
