"""A city brings its backlog in: an admin uploads the earlier system's export, reads the dry run's
report of every bad row, fixes the file and imports it — once; importing it again adds nothing."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from unittest import mock

import pytest

from server.agendas.models import Agenda, AgendaEvent
from server.agendas.policy import Viewer
from server.audit.models import AuditEntry
from server.errors import DomainError
from server.imports import service
from server.imports.service import import_file
from server.notifications.models import Notification
from server.search.models import OutboxEntry
from tests.agenda_world import build_world
from tests.import_files import HEADER, backlog_rows, to_csv, to_xlsx


@pytest.fixture
async def world(app, gql):
    return await build_world(gql)


async def _upload(client, token, data: bytes, *, dry_run: bool, filename="backlog.csv") -> dict:
    r = await client.post("/admin/import/jobs", params={"dryRun": "1" if dry_run else "0", "filename": filename},
                          content=data, headers={"Authorization": f"Bearer {token}", "Content-Type": "application/octet-stream"})
    assert r.status_code == 202, r.text
    job = r.json()
    for _ in range(600):
        if job["state"] != "running":
            return job
        await asyncio.sleep(0.05)
        r = await client.get(f"/admin/import/jobs/{job['id']}", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200, r.text
        job = r.json()
    raise AssertionError("the import job did not finish")


async def test_a_cp949_backlog_imports_after_a_dry_run_found_two_bad_rows_and_a_second_import_adds_nothing(client, world):
    admin = world.tokens["admin"]
    rows = backlog_rows(200)
    rows[36][5] = "부산진구"  # row 38 of the sheet: a district outside Seoul
    rows[119][3] = "교통"     # row 121: no such policy field
    data = to_csv(rows, "cp949")

    checked = await _upload(client, admin, data, dry_run=True)
    report = checked["report"]
    assert checked["state"] == "done" and report["encoding"] == "cp949" and report["rows"] == 200
    assert [(e["row"], e["column"], e["code"]) for e in report["errors"]] == [
        (38, "자치구", "INVALID_DISTRICT"), (121, "분야", "INVALID_FIELD")]
    assert report["errors"][0]["message"] == "부산진구는 서울시 25개 자치구 중 하나가 아닙니다."
    assert await Agenda.all().count() == 0

    refused = await _upload(client, admin, data, dry_run=False)  # with errors, nothing is written
    assert refused["report"]["created"] == 0 and await Agenda.all().count() == 0

    rows[36][5], rows[119][3] = "부산진구".replace("부산진", "동작"), "JOBS"
    fixed = to_csv(rows, "cp949")
    checked = await _upload(client, admin, fixed, dry_run=True)
    assert checked["report"]["errorCount"] == 0 and checked["report"]["new"] == 200
    done = await _upload(client, admin, fixed, dry_run=False)
    assert (done["report"]["created"], done["report"]["unchanged"]) == (200, 0)

    agendas = {a.external_id: a for a in await Agenda.all().prefetch_related("owner_department")}
    assert len(agendas) == 200
    first = agendas["OLD-0001"]  # original date (Seoul time) and supports kept; the file named its owner
    assert first.created_at.astimezone(timezone.utc) == datetime(2019, 2, 2, 1, 1, tzinfo=timezone.utc)
    assert (first.support_count, first.imported_support_count, first.verified_support_count) == (3, 3, 0)
    assert first.owner_department.code == "WELFARE" and first.routing_reason == "MANUAL"
    routed = agendas["OLD-0003"]  # no owner in the file: the routing rule placed it
    assert routed.owner_department.code == "TRANSPORT" and routed.routing_reason != "MANUAL"
    assert agendas["OLD-0010"].status == "ACCEPTED" and agendas["OLD-0011"].status == "IN_TRIAGE"
    assert agendas["OLD-0037"].district == "DONGJAK" and agendas["OLD-0120"].field == "JOBS"
    assert all(a.answer_due_at is None for a in agendas.values())  # nothing to remind or escalate
    # every agenda announced to search, one history line each, no one notified
    assert await OutboxEntry.filter(topic="agenda").count() >= 200
    assert await AgendaEvent.filter(kind="IMPORTED").count() == 200
    assert await Notification.all().count() == 0
    [entry] = await AuditEntry.filter(action="AGENDAS_IMPORTED")
    assert entry.after["created"] == 200 and entry.after["rows"] == 200 and entry.target == "import:import"

    again = await _upload(client, admin, fixed, dry_run=False)
    assert (again["report"]["created"], again["report"]["unchanged"]) == (0, 200)
    assert await Agenda.all().count() == 200
    assert await AuditEntry.filter(action="AGENDAS_IMPORTED").count() == 1

    # the imported agendas read like any other: supportCount includes the earlier system's supports
    r = await client.post("/graphql", json={"query": "query($id: ID!) { agenda(id: $id) { supportCount history { kind } } }",
                                            "variables": {"id": str(agendas["OLD-0100"].id)}})
    assert r.json()["data"]["agenda"] == {"supportCount": 300, "history": [{"kind": "IMPORTED"}]}


async def test_utf8_with_bom_and_xlsx_import_alike_and_formulas_stay_text(world):
    admin = world.admin
    rows = backlog_rows(6)
    rows[0][1] = "=HYPERLINK(\"http://evil.example\",\"클릭\")"
    report = await import_file(admin, to_csv(rows[:3], "utf-8-sig"), filename="a.csv", source="old-site")
    assert (report.encoding, report.created, report.errors) == ("utf-8-sig", 3, [])
    assert [(w.row, w.column, w.code.value) for w in report.warnings] == [(2, "제목", "FORMULA_AS_TEXT")]
    assert (await Agenda.get(external_id="OLD-0001")).title.startswith("=HYPERLINK(")

    sheet = [[int(c) if c.isdigit() else c for c in r] for r in rows[3:]]
    sheet[0][7] = 12  # a number cell
    report = await import_file(admin, to_xlsx(sheet), filename="b.xlsx", source="old-site")
    assert (report.format, report.created, report.errors) == ("xlsx", 3, [])
    assert (await Agenda.get(external_id="OLD-0004")).support_count == 12
    assert await Agenda.filter(import_source="old-site").count() == 6


@pytest.mark.parametrize("case", ["wrong encoding", "missing columns", "too many rows", "xls", "not a workbook"])
@pytest.mark.postgres_first_row
async def test_a_bad_file_is_refused_before_anything_is_written(world, case):
    good = backlog_rows(3)
    data, filename, expected = {
        "wrong encoding": (to_csv(good, "utf-8").replace("저상".encode(), b"\x80\xff"), "x.csv", "INVALID_ENCODING"),
        "missing columns": (to_csv([r[1:3] for r in good], "utf-8", header=["제목", "내용"]), "x.csv", None),
        "too many rows": (("external_id,title,body,field,created_at\n" + "".join(
            f"X{i},제목 {i},내용 {i},JOBS,2019-01-01\n" for i in range(100_000))).encode(), "x.csv", "TOO_MANY_ROWS"),
        "xls": (b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "x.xls", "UNSUPPORTED_FORMAT"),
        "not a workbook": (b"hello", "x.xlsx", "INVALID_FILE"),
    }[case]
    if expected is None:
        report = await import_file(world.admin, data, filename=filename)
        assert [(e.row, e.column, e.code.value) for e in report.errors] == [
            (1, "external_id", "MISSING_COLUMN"), (1, "field", "MISSING_COLUMN"), (1, "created_at", "MISSING_COLUMN")]
    else:
        with pytest.raises(DomainError) as caught:
            await import_file(world.admin, data, filename=filename)
        assert caught.value.code.value == expected and caught.value.field == "file"
    assert await Agenda.all().count() == 0


async def test_every_bad_cell_is_named_by_row_and_column(world):
    rows = backlog_rows(8)
    rows[0][0] = ""                 # row 2: no id
    rows[1][0] = "OLD-0001"         # row 3: the same id as row 2's... which had none; the same as row 4's below
    rows[2][0] = "OLD-0001"
    rows[3][6] = "어제"              # row 5: not a date
    rows[4][6] = "2999-01-01"       # row 6: in the future
    rows[5][7] = "-5"               # row 7: not a number of supports
    rows[6][8] = "NOWHERE"          # row 8: no such department
    rows[7][9] = "MERGED"           # row 9: a status an import cannot give
    report = await import_file(world.admin, to_csv(rows, "utf-8"), dry_run=True)
    assert [(e.row, e.column, e.code.value) for e in report.errors] == [
        (2, "외부ID", "REQUIRED"), (4, "외부ID", "DUPLICATE_EXTERNAL_ID"), (5, "제안일", "INVALID_DATE"),
        (6, "제안일", "INVALID_DATE"), (7, "공감수", "INVALID_NUMBER"), (8, "담당부서", "UNKNOWN_DEPARTMENT"),
        (9, "상태", "INVALID_STATUS")]


async def test_an_import_that_fails_midway_leaves_nothing_behind(world):
    calls = {"n": 0}
    real = service.outbox.enqueue_many

    async def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("the disk filled up")
        await real(*args, **kwargs)

    with mock.patch.object(service.outbox, "enqueue_many", failing), pytest.raises(RuntimeError):
        await import_file(world.admin, to_csv(backlog_rows(700), "utf-8"))
    assert await Agenda.all().count() == 0 and await AgendaEvent.all().count() == 0
    assert await AuditEntry.filter(action="AGENDAS_IMPORTED").count() == 0


async def test_only_admins_import(client, world):
    data = to_csv(backlog_rows(2), "utf-8")
    for token, status in ((world.tokens["transport"], 403), (None, 401)):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        r = await client.post("/admin/import/jobs", content=data, headers=headers)
        assert r.status_code == status, r.text
    with pytest.raises(DomainError):
        await import_file(Viewer(user=None), data)
    assert await Agenda.all().count() == 0


async def test_a_backlog_over_20_mb_is_refused_as_it_streams_in_the_readers_language(client, world):
    """The upload is read by the one streamed reader: a declared length over the limit is refused
    before a byte is read, a chunked body is cut off at the limit, and the refusal names the limit in
    Korean by default and in English to an English reader. Nothing is imported."""
    sent = 0

    async def body():
        nonlocal sent
        row = to_csv(backlog_rows(1), "utf-8")
        chunk = row + b"\n" * (1024 * 1024 - len(row))
        for _ in range(40):  # would be 40 MB
            sent += len(chunk)
            yield chunk

    admin = {"Authorization": f"Bearer {world.tokens['admin']}"}
    r = await client.post("/admin/import/jobs", params={"dryRun": "0"}, content=body(), headers=admin)
    assert r.status_code == 413, r.text
    error = r.json()["error"]
    assert (error["code"], error["field"]) == ("FILE_TOO_LARGE", "file")
    assert error["message"] == "파일이 너무 큽니다. 최대 20MB까지 받습니다."
    assert sent <= 22 * 1024 * 1024  # the rest was never pulled in

    sent = 0
    r = await client.post("/admin/import/jobs", params={"dryRun": "0"}, content=body(),
                          headers={**admin, "Accept-Language": "en", "Content-Length": str(40 * 1024 * 1024)})
    assert r.status_code == 413 and r.json()["error"]["message"] == "The file is too large: at most 20 MB is accepted."
    assert sent <= 1024 * 1024  # refused on its declared length, before reading it
    assert await Agenda.all().count() == 0 and await AuditEntry.filter(action="AGENDAS_IMPORTED").count() == 0
