"""Open data: every public agenda in bulk, as CSV and JSON, over HTTP and from the CLI — the same
agendas the public API shows, nothing it hides, no e-mail, and cells a spreadsheet cannot run."""

from __future__ import annotations

import asyncio
import csv
import gzip
import io
import json
from datetime import datetime

import pytest

from server.accounts.models import User
from server.agendas.models import Agenda
from server.opendata import export
from tests.agenda_world import TRIAGE, build_world, propose
from tests.test_cli import run_agenda

LIST = """
query($first: Int, $after: String, $filter: AgendaFilterInput) {
  agendas(first: $first, after: $after, filter: $filter, orderBy: OLDEST) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title body field channel status district supportCount createdAt updatedAt
      fieldLabel { ko en } owner { kind department { code name nameEn } } routing { reason } } }
  }
}"""

CHINESE = {
    "title": "低地板公車預約服務 🚌♿",
    "body": "希望輪椅使用者可以預約低地板公車，司機能提前準備斜坡板。🙏 감사합니다 — 陳美玲",
    "field": "PARTICIPATION_PUBLIC_SERVICE",
    "district": "MAPO",
}
FORMULA = {
    "title": '=HYPERLINK("http://evil.example","청년주택")',
    "body": "-2+3 공공임대 청년주택을 늘려 주세요. @관리자 확인 부탁드립니다.",
    "field": "HOUSING_SAFETY",
    "district": "MAPO",
}
SECRET_TITLE = "내부 검토용 비공개 의제 INTERNAL-ONLY"
UNROUTED_TITLE = "아직 접수 단계인 의제 SUBMITTED-ONLY"


@pytest.fixture
async def city(app, gql):
    world = await build_world(gql)
    citizen, citizen2 = world.tokens["citizen"], world.tokens["citizen2"]
    korean = (await propose(gql, citizen))["agenda"]
    chinese = (await propose(gql, citizen2, **CHINESE))["agenda"]
    formula = (await propose(gql, citizen, **FORMULA))["agenda"]
    officer = (await propose(gql, citizen, title="Community fridges in every district",
                             body="Neighbourhood fridges where shops and residents share surplus food safely.",
                             field="DISTRIBUTION"))["agenda"]
    hidden = await propose(gql, world.tokens["transport"], title=SECRET_TITLE, channel="DEPARTMENT_WORK",
                           visibility="INTERNAL",
                           body="직원만 보는 내부 검토 의제입니다. 저상버스 예산 조정안을 검토합니다.")
    assert not hidden["errors"], hidden
    unrouted = (await propose(gql, citizen, title=UNROUTED_TITLE,
                              body="접수만 되고 아직 배정되지 않은 의제입니다. 저상버스 관련."))["agenda"]
    await Agenda.filter(id=int(unrouted["id"])).update(status="SUBMITTED")
    await Agenda.filter(id=int(chinese["id"])).update(support_count=42)
    accepted = await gql(TRIAGE, {"input": {"id": korean["id"], "expectedVersion": korean["version"],
                                            "decision": "ACCEPT", "reason": "좋은 제안입니다"}},
                         token=world.tokens["transport"])
    assert not accepted["data"]["triageAgenda"]["errors"], accepted
    return {"world": world, "korean": korean["id"], "chinese": chinese["id"], "formula": formula["id"],
            "officer": officer["id"], "hidden": hidden["agenda"]["id"], "unrouted": unrouted["id"]}


async def api_agendas(gql, filter_: dict | None = None) -> tuple[int, list[dict]]:
    nodes, after, total = [], None, None
    while True:
        page = (await gql(LIST, {"first": 100, "after": after, "filter": filter_}))["data"]["agendas"]
        total = page["totalCount"]
        nodes += [e["node"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return total, nodes
        after = page["pageInfo"]["endCursor"]


def parse_csv(body: bytes) -> list[dict]:
    assert body.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 byte-order mark"
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def same_instant(a: str, b: str) -> bool:
    return datetime.fromisoformat(a.replace("Z", "+00:00")) == datetime.fromisoformat(b.replace("Z", "+00:00"))


def assert_row_matches_api(row: dict, node: dict, *, csv_text: bool) -> None:
    """One export row against the GraphQL node of the same agenda, column by column."""
    def text(v):
        return "" if v is None else v if isinstance(v, str) or not csv_text else str(v)

    owner, dept = node["owner"] or {}, (node["owner"] or {}).get("department") or {}
    expected = {
        "id": int(node["id"]), "title": node["title"], "body": node["body"], "field": node["field"],
        "field_ko": node["fieldLabel"]["ko"], "field_en": node["fieldLabel"]["en"], "channel": node["channel"],
        "status": node["status"], "district": node["district"], "owner_kind": owner.get("kind"),
        "department_code": dept.get("code"), "department_name": dept.get("name"),
        "department_name_en": dept.get("nameEn"), "routing_reason": (node["routing"] or {}).get("reason"),
        "support_count": node["supportCount"],
    }
    for key, value in expected.items():
        got = row[key]
        want = text(value) if csv_text else value
        if csv_text and key in ("id", "support_count"):
            want = str(value)
        assert got == want, (key, got, want)
    assert same_instant(row["created_at"], node["createdAt"]) and same_instant(row["updated_at"], node["updatedAt"])


async def test_csv_export_equals_the_public_api(client, gql, city):
    total, nodes = await api_agendas(gql)
    r = await client.get("/export/agendas.csv")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    assert 'filename="agendas.csv"' in r.headers["content-disposition"]
    rows = parse_csv(r.content)
    assert list(rows[0]) == [c.name for c in export.columns()]
    assert len(rows) == total == 4
    assert [row["id"] for row in rows] == [n["id"] for n in nodes]  # oldest first, like orderBy: OLDEST
    by_id = {n["id"]: n for n in nodes}
    for row in rows:
        if row["id"] == city["formula"]:
            continue  # compared below: its cells are neutralised on purpose
        assert_row_matches_api(row, by_id[row["id"]], csv_text=True)
    chinese = next(row for row in rows if row["id"] == city["chinese"])
    assert chinese["title"] == CHINESE["title"] and chinese["body"] == CHINESE["body"]  # Chinese, emoji, Korean intact
    assert chinese["support_count"] == "42" and chinese["department_name"] == "도시교통실"
    korean = next(row for row in rows if row["id"] == city["korean"])
    assert korean["status"] == "ACCEPTED" and korean["field_ko"] == "기업, 대학, 시민, 종교단체가 함께 하는 사회참여와 공공서비스 혁신"
    officer = next(row for row in rows if row["id"] == city["officer"])
    assert officer["owner_kind"] == "INNOVATION_OFFICER" and officer["department_code"] == ""


async def test_json_export_is_valid_json_equal_to_the_public_api(client, gql, city):
    total, nodes = await api_agendas(gql)
    r = await client.get("/export/agendas.json")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json; charset=utf-8"
    rows = json.loads(r.content.decode("utf-8"))
    assert isinstance(rows, list) and len(rows) == total == 4
    by_id = {n["id"]: n for n in nodes}
    for row in rows:
        assert_row_matches_api(row, by_id[str(row["id"])], csv_text=False)  # JSON keeps text as written
    assert "🚌♿" in r.content.decode("utf-8")  # not \u-escaped: readable as is


async def test_hidden_agendas_and_e_mails_never_appear(client, city):
    emails = list(await User.all().values_list("email", flat=True))
    assert emails
    for fmt in ("csv", "json"):
        body = (await client.get(f"/export/agendas.{fmt}")).content.decode("utf-8")
        assert SECRET_TITLE not in body and UNROUTED_TITLE not in body
        for email in emails:
            assert email not in body and email.split("@")[0] + "@" not in body
        ids = ([row["id"] for row in parse_csv(body.encode())] if fmt == "csv"
               else [str(row["id"]) for row in json.loads(body)])
        assert city["hidden"] not in ids and city["unrouted"] not in ids
    # filters cannot widen what is public
    r = await client.get("/export/agendas.json", params={"statuses": "SUBMITTED"})
    assert r.status_code == 200 and json.loads(r.content) == []


async def test_formula_cells_are_neutralised_in_csv_and_kept_in_json(client, city):
    rows = parse_csv((await client.get("/export/agendas.csv")).content)
    row = next(r for r in rows if r["id"] == city["formula"])
    assert row["title"] == "'" + FORMULA["title"]
    assert row["body"] == "'" + FORMULA["body"]
    data = json.loads((await client.get("/export/agendas.json")).content)
    assert next(r for r in data if str(r["id"]) == city["formula"])["title"] == FORMULA["title"]


def test_every_dangerous_first_character_is_neutralised():
    for dangerous in ("=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd"):
        assert export.csv_cell(dangerous) == "'" + dangerous
    assert export.csv_cell("청년주택 = 좋음") == "청년주택 = 좋음"
    assert export.csv_cell(-3) == "-3" and export.csv_cell(None) == "" and export.csv_cell(0) == "0"


@pytest.mark.parametrize("query, gql_filter", [
    ({"fields": "HOUSING_SAFETY"}, {"fields": ["HOUSING_SAFETY"]}),
    ({"districts": "mapo"}, {"districts": ["MAPO"]}),
    ([("fields", "HOUSING_SAFETY,DISTRIBUTION"), ("fields", "JOBS")], {"fields": ["HOUSING_SAFETY", "DISTRIBUTION", "JOBS"]}),
    ({"statuses": "ACCEPTED"}, {"statuses": ["ACCEPTED"]}),
    ({"statuses": "IN_TRIAGE", "ownerKind": "DEPARTMENT"}, {"statuses": ["IN_TRIAGE"], "ownerKind": "DEPARTMENT"}),
    ({"ownerKind": "INNOVATION_OFFICER"}, {"ownerKind": "INNOVATION_OFFICER"}),
    ({"departmentCodes": "transport"}, {"departmentCodes": ["TRANSPORT"]}),
    ({"channels": "CITIZEN_PROPOSAL", "districts": "JONGNO,MAPO"}, {"channels": ["CITIZEN_PROPOSAL"], "districts": ["JONGNO", "MAPO"]}),
    ({"createdAfter": "2000-01-01"}, {"createdAfter": "2000-01-01T00:00:00+00:00"}),
    ({"createdBefore": "2000-01-01T00:00:00Z"}, {"createdBefore": "2000-01-01T00:00:00+00:00"}),
])
async def test_filters_are_the_apis(client, gql, city, query, gql_filter):
    total, nodes = await api_agendas(gql, gql_filter)
    rows = parse_csv((await client.get("/export/agendas.csv", params=query)).content)
    data = json.loads((await client.get("/export/agendas.json", params=query)).content)
    assert [r["id"] for r in rows] == [str(r["id"]) for r in data] == [n["id"] for n in nodes]
    assert len(rows) == total


@pytest.mark.parametrize("query, parameter", [
    ({"fields": "NOPE"}, "fields"),
    ({"statuses": "DONE"}, "statuses"),
    ({"channels": "TWITTER"}, "channels"),
    ({"districts": "ATLANTIS"}, "districts"),
    ({"ownerKind": "MAYOR"}, "ownerKind"),
    ({"ownerKind": "DEPARTMENT,INNOVATION_OFFICER"}, "ownerKind"),
    ({"departmentCodes": "NOWHERE"}, "departmentCodes"),
    ({"departmentCodes": "no spaces; please"}, "departmentCodes"),
    ({"createdAfter": "yesterday"}, "createdAfter"),
    ({"createdBefore": "2026-13-45"}, "createdBefore"),
    ({"field": "JOBS"}, "field"),
    ({"fields": "JOBS\x00"}, "fields"),
])
@pytest.mark.postgres_first_row
async def test_bad_filters_answer_400_naming_the_parameter(client, city, query, parameter):
    for fmt in ("csv", "json"):
        r = await client.get(f"/export/agendas.{fmt}", params=query)
        assert r.status_code == 400, r.text
        error = r.json()["error"]
        assert error["code"] == "INVALID_FILTER" and error["parameter"] == parameter and error["message"]


async def test_batches_are_keyset_pages_that_add_up(city):
    one_go = [row async for row in export.iter_rows(export.parse_filter({}), batch_size=1000)]
    batches = [b async for b in export.iter_batches(export.parse_filter({}), batch_size=3)]
    assert [len(b) for b in batches] == [3, 1]
    assert [r for b in batches for r in b] == one_go
    assert [r["id"] for r in one_go] == sorted(r["id"] for r in one_go)


async def test_head_answers_headers_and_checks_filters(client):
    r = await client.head("/export/agendas.csv")
    assert r.status_code == 200 and r.headers["content-type"] == "text/csv; charset=utf-8" and r.content == b""
    assert (await client.head("/export/agendas.json", params={"fields": "NOPE"})).status_code == 400


async def test_an_empty_database_exports_a_header_and_an_empty_array(client):
    rows = (await client.get("/export/agendas.csv")).content
    assert rows.decode("utf-8-sig").splitlines() == [",".join(c.name for c in export.columns())]
    assert json.loads((await client.get("/export/agendas.json")).content) == []


async def test_registered_columns_are_added_per_batch(client, city):
    calls = []

    async def progress(ids):
        calls.append(list(ids))
        return {i: 50 for i in ids if i == int(city["korean"])}

    saved = list(export._EXTRA)
    export.register_column("progress_percent", "Execution progress (0–100).", progress)
    try:
        rows = parse_csv((await client.get("/export/agendas.csv")).content)
        assert list(rows[0])[-1] == "progress_percent"
        assert {r["id"]: r["progress_percent"] for r in rows}[city["korean"]] == "50"
        assert {r["progress_percent"] for r in rows if r["id"] != city["korean"]} == {""}
        assert len(calls) == 1
    finally:
        export._EXTRA[:] = saved


async def test_the_cli_writes_the_same_export(client, city, settings, tmp_path):
    env = {"DATABASE_URL": settings.database_url, "AGENDA_DATA_DIR": str(tmp_path / "cli-data"),
           "AGENDA_SECRET": settings.secret}
    for fmt in ("csv", "json"):
        out = tmp_path / f"agendas.{fmt}"
        r = run_agenda(["export", "--format", fmt, "--out", str(out), "--batch-size", "2"], env)
        assert r.returncode == 0, r.stderr
        assert out.read_bytes() == (await client.get(f"/export/agendas.{fmt}")).content
    out = tmp_path / "housing.csv"
    r = run_agenda(["export", "--out", str(out), "--fields", "HOUSING_SAFETY", "--districts", "mapo"], env)
    assert r.returncode == 0, r.stderr
    assert [row["id"] for row in parse_csv(out.read_bytes())] == [city["formula"]]
    r = run_agenda(["export", "--out", str(tmp_path / "bad.csv"), "--statuses", "DONE"], env)
    assert r.returncode == 2 and "statuses" in r.stderr and not (tmp_path / "bad.csv").exists()


async def test_the_export_carries_plan_progress(client, city, app, gql):
    from datetime import date

    from server.accounts.models import User
    from server.agendas.policy import viewer_for
    from server.workshops import plans

    owner = await viewer_for(await User.get(email="bus@seoul.go.kr"))  # the korean agenda is accepted in `city`
    await plans.save_plan(owner, int(city["korean"]), milestones=[plans.MilestoneInput("첫 단계", date(2026, 12, 1), done=True),
                                                        plans.MilestoneInput("둘째 단계", date(2027, 3, 1))], kpis=[])
    rows = parse_csv((await client.get("/export/agendas.csv")).content)
    assert {r["id"]: r["progress_percent"] for r in rows}[city["korean"]] == "50"


async def asgi_get(app, path: str, headers: dict[str, str]) -> tuple[dict, list[dict]]:
    """Call the app as an ASGI server would and keep every message it sends, to see how it streams."""
    sent: list[dict] = []
    requested, finished = False, asyncio.Event()

    async def receive():
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await finished.wait()  # the client stays connected until the whole answer is sent
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)
        if message["type"] == "http.response.body" and not message.get("more_body"):
            finished.set()

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "https",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
             "client": ("203.0.113.7", 40000), "server": ("testserver", 443)}
    await app(scope, receive, send)
    return sent[0], [m for m in sent if m["type"] == "http.response.body"]


@pytest.mark.parametrize("fmt", ["csv", "json"])
async def test_exports_stream_gzip_compressed_chunk_by_chunk(app, client, city, fmt):
    """Compression keeps the export a stream: each chunk is compressed and sent as it is made, with
    no Content-Length (nothing is gathered first), and it decompresses to the same bytes."""
    plain = await client.get(f"/export/agendas.{fmt}", headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200 and "content-encoding" not in plain.headers
    start, bodies = await asgi_get(app, f"/export/agendas.{fmt}", {"Accept-Encoding": "gzip, br"})
    headers = {k.decode(): v.decode() for k, v in start["headers"]}
    assert start["status"] == 200 and headers["content-encoding"] == "gzip" and "content-length" not in headers
    assert len(bodies) >= 3 and all(m.get("more_body") for m in bodies[:-1])
    assert gzip.decompress(b"".join(m["body"] for m in bodies)) == plain.content
