"""Attachments: a citizen photographs the broken kerb and attaches it; the photo that is kept has no
GPS position or camera left, a thumbnail beside it, and is shown to whoever may see the agenda — and
to no one else. Every bad file is refused with a code, and nothing of it is kept."""

from __future__ import annotations

import io
import struct
import zlib
from urllib.parse import quote

import pytest
from PIL import Image

from server.attachments.models import Attachment
from tests.agenda_world import TRIAGE, build_world, propose
from tests.test_list_counts import view_of

pytestmark = pytest.mark.asyncio


@pytest.fixture
async def world(app, gql):
    return await build_world(gql)


ATTACH = """mutation($input: AttachFilesInput!) {
  attachFiles(input: $input) {
    attachments { id filename contentType size url thumbnailUrl }
    agenda { id attachments { id filename } }
    errors { field code message }
  }
}"""

REMOVE = """mutation($id: ID!) { removeAttachment(id: $id) { removedId errors { field code } } }"""

AGENDA_FILES = """query($id: ID!) { agenda(id: $id) {
  attachments { id filename contentType size url thumbnailUrl }
  plan { attachments { id filename contentType url thumbnailUrl } } } }"""


# ---------------------------------------------------------------- files made for the tests


def jpeg_with_gps(size=(64, 48), orientation: int = 6) -> bytes:
    """A phone photo: camera make and model, GPS position (Gwanghwamun), taken sideways."""
    image = Image.new("RGB", size, (200, 40, 40))
    for x in range(size[0] // 2):  # a left half of another colour, to see the rotation
        for y in range(size[1]):
            image.putpixel((x, y), (20, 40, 220))
    exif = Image.Exif()
    exif[0x010F] = "CivicPhone"  # Make
    exif[0x0110] = "Model 7"  # Model
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (37.0, 34.0, 12.5), 3: "E", 4: (126.0, 58.0, 40.1)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90)
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the GPS is really in it
    return data


def png(size=(40, 30), color=(10, 160, 60)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def png_bomb(width=100_000, height=100_000) -> bytes:
    """A PNG whose header declares 10 gigapixels; a few bytes of data. Decoding it would take ~30 GB."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
            + chunk(b"IEND", b""))


def pdf(*, javascript: str | None = None, open_action: bool = False) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if javascript:  # document-level JavaScript, run when the PDF opens (the Names tree)
        action = writer._add_object(DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                                                      NameObject("/JS"): TextStringObject(javascript)}))
        writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): DictionaryObject(
            {NameObject("/Names"): ArrayObject([TextStringObject("hello"), action])})})
    if open_action:
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
            NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


async def upload(client, token, data: bytes, filename: str = "사진.jpg", *, status: int | None = None) -> dict:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await client.post(f"/uploads?filename={quote(filename, safe='')}", content=data, headers=headers)
    body = response.json()
    if status is not None:
        assert response.status_code == status, response.text
    return body


def stored_files(settings) -> list:
    root = settings.files_dir
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


# ---------------------------------------------------------------- the story


async def test_a_citizen_attaches_a_photo_whose_location_is_gone_and_everyone_who_may_see_the_agenda_sees_it(
        client, gql, world, settings):
    t = world.tokens
    agenda = (await propose(gql, t["citizen"], title="저상버스 정류장 앞 보도블록이 깨져 있어요",
                            body="광화문 저상버스 정류장 앞 보도블록이 깨져서 휠체어 바퀴가 걸립니다. 사진을 첨부합니다."))["agenda"]
    assert agenda["owner"]["department"]["code"] == "TRANSPORT"
    name = "광화문 보도블록 📷 照片.jpg"
    up = await upload(client, t["citizen"], jpeg_with_gps(), name, status=201)
    assert up["errors"] == [] and up["upload"]["contentType"] == "image/jpeg"
    attached = (await gql(ATTACH, {"input": {"agendaId": agenda["id"], "uploadIds": [up["upload"]["id"]]}},
                          token=t["citizen"]))["data"]["attachFiles"]
    assert attached["errors"] == []
    [file] = attached["attachments"]
    assert file["filename"] == name and file["contentType"] == "image/jpeg"
    assert file["url"] == f"/files/{file['id']}" and file["thumbnailUrl"] == f"/files/{file['id']}/thumbnail"
    assert attached["agenda"]["attachments"] == [{"id": file["id"], "filename": name}]

    # What is kept: re-encoded, no EXIF at all (no GPS, no camera), turned upright, with a thumbnail.
    row = await Attachment.get(id=int(file["id"]))
    kept = (settings.files_dir / row.sha256[:2] / row.sha256).read_bytes()
    assert file["size"] == len(kept)
    image = Image.open(io.BytesIO(kept))
    assert image.format == "JPEG" and dict(image.getexif()) == {} and "exif" not in image.info
    assert b"CivicPhone" not in kept and b"GPS" not in kept and b"Exif" not in kept
    assert image.size == (48, 64)  # orientation 6 applied to the pixels: the sideways photo stands up
    thumb = Image.open(settings.files_dir / row.thumbnail_sha256[:2] / row.thumbnail_sha256)
    assert thumb.format == "WEBP" and max(thumb.size) <= 320

    # Anyone may see a public agenda, so anyone gets its photo — typed, named, not sniffable, no script.
    anonymous = await client.get(file["url"])
    assert anonymous.status_code == 200 and anonymous.content == kept
    assert anonymous.headers["content-type"] == "image/jpeg"
    assert anonymous.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in anonymous.headers["content-security-policy"]
    assert "script-src" not in anonymous.headers["content-security-policy"]
    disposition = anonymous.headers["content-disposition"]
    assert disposition.startswith("inline; filename=\"") and f"filename*=UTF-8''{quote(name, safe='')}" in disposition
    thumbnail = await client.get(file["thumbnailUrl"])
    assert thumbnail.status_code == 200 and thumbnail.headers["content-type"] == "image/webp"
    listed = (await gql(AGENDA_FILES, {"id": agenda["id"]}))["data"]["agenda"]["attachments"]
    assert listed == [file]

    # A hidden agenda (staff's INTERNAL work): its files are 404 to the public and to citizens, as if
    # they did not exist, and served to city staff and to the proposer.
    internal = (await propose(gql, t["transport"], channel="DEPARTMENT_WORK", visibility="INTERNAL",
                              title="버스정류장 승강장 정비 내부 검토"))["agenda"]
    doc = await upload(client, t["transport"], pdf(), "내부 검토 자료.pdf", status=201)
    hidden = (await gql(ATTACH, {"input": {"agendaId": internal["id"], "uploadIds": [doc["upload"]["id"]]}},
                        token=t["transport"]))["data"]["attachFiles"]["attachments"][0]
    assert hidden["thumbnailUrl"] is None and hidden["contentType"] == "application/pdf"
    assert (await client.get(hidden["url"])).status_code == 404
    assert (await client.get(hidden["url"], headers={"Authorization": f"Bearer {t['citizen']}"})).status_code == 404
    missing = await client.get("/files/999999", headers={"Authorization": f"Bearer {t['citizen']}"})
    assert missing.status_code == 404 and missing.json() == (await client.get(hidden["url"])).json()
    for who in ("transport", "welfare", "officer"):
        served = await client.get(hidden["url"], headers={"Authorization": f"Bearer {t[who]}"})
        assert served.status_code == 200 and served.headers["content-type"] == "application/pdf"
    served = await client.get(hidden["url"], headers={"Authorization": f"Bearer {t['transport']}"})
    assert served.headers["content-disposition"].startswith("attachment;")  # a PDF is a download

    # Once the agenda is decided its proposer no longer adds or removes files; the owner's staff attach
    # files to the execution plan instead.
    accepted = (await gql(TRIAGE, {"input": {"id": agenda["id"], "expectedVersion": agenda["version"],
                                             "decision": "ACCEPT"}}, token=t["transport"]))["data"]["triageAgenda"]
    assert accepted["errors"] == []
    late = await upload(client, t["citizen"], png(), "추가 사진.png", status=201)
    refused = (await gql(ATTACH, {"input": {"agendaId": agenda["id"], "uploadIds": [late["upload"]["id"]]}},
                         token=t["citizen"]))["data"]["attachFiles"]
    assert [e["code"] for e in refused["errors"]] == ["NOT_EDITABLE"]
    assert [e["code"] for e in (await gql(REMOVE, {"id": file["id"]}, token=t["citizen"]))["data"]["removeAttachment"]["errors"]] == ["FORBIDDEN"]

    plan_doc = await upload(client, t["transport"], pdf(), "실행방안 일정표.pdf", status=201)
    to_plan = {"input": {"agendaId": agenda["id"], "uploadIds": [plan_doc["upload"]["id"]], "target": "PLAN"}}
    no_plan = (await gql(ATTACH, to_plan, token=t["transport"]))["data"]["attachFiles"]
    assert [e["code"] for e in no_plan["errors"]] == ["NO_PLAN"]
    saved = (await gql("""mutation($input: ExecutionPlanInput!) { saveExecutionPlan(input: $input) { errors { code } } }""",
                       {"input": {"agendaId": agenda["id"], "summary": "보도블록 교체",
                                  "milestones": [{"title": "교체 공사", "dueDate": "2026-12-31"}]}},
                       token=t["transport"]))["data"]["saveExecutionPlan"]
    assert saved["errors"] == []
    assert (await gql(ATTACH, to_plan, token=t["transport"]))["data"]["attachFiles"]["errors"] == []
    files = (await gql(AGENDA_FILES, {"id": agenda["id"]}))["data"]["agenda"]
    assert [f["filename"] for f in files["attachments"]] == [name]  # the plan's file stays apart
    assert [f["filename"] for f in files["plan"]["attachments"]] == ["실행방안 일정표.pdf"]
    other = await upload(client, t["welfare"], pdf(), "다른 부서.pdf", status=201)
    foreign = (await gql(ATTACH, {"input": {**to_plan["input"], "uploadIds": [other["upload"]["id"]]}},
                         token=t["welfare"]))["data"]["attachFiles"]
    assert [e["code"] for e in foreign["errors"]] == ["FORBIDDEN"]

    # The plan's editor removes its file; a file no longer referenced leaves the disk.
    plan_file = files["plan"]["attachments"][0]
    plan_row = await Attachment.get(id=int(plan_file["id"]))
    assert (await gql(REMOVE, {"id": plan_file["id"]}, token=t["transport"]))["data"]["removeAttachment"]["errors"] == []
    assert (await client.get(plan_file["url"], headers={"Authorization": f"Bearer {t['transport']}"})).status_code == 404
    still_used = await Attachment.filter(sha256=plan_row.sha256).exists()
    assert (settings.files_dir / plan_row.sha256[:2] / plan_row.sha256).exists() == still_used


async def test_the_public_sees_a_photo_once_attached_and_no_more_once_the_officer_takes_it_down(app, client, gql, world):
    """Anonymous answers are shared until the next change readers see (schema/anonymous_cache.py):
    attaching and removing a file are such changes, so a photo taken down is gone for everyone at once."""
    t = world.tokens
    view = view_of(app)
    view.answers.ttl = 600  # only a write may end a shared answer here, never its age
    agenda = (await propose(gql, t["citizen"], title="저상버스 정류장 앞 보도블록이 깨져 있어요"))["agenda"]

    async def public() -> list[str]:
        return [f["filename"] for f in (await gql(AGENDA_FILES, {"id": agenda["id"]}))["data"]["agenda"]["attachments"]]

    assert await public() == [] and await public() == []
    up = await upload(client, t["citizen"], png(), "정류장 사진 📷.png", status=201)
    attached = (await gql(ATTACH, {"input": {"agendaId": agenda["id"], "uploadIds": [up["upload"]["id"]]}},
                          token=t["citizen"]))["data"]["attachFiles"]
    assert attached["errors"] == [] and await public() == ["정류장 사진 📷.png"]
    removed = (await gql(REMOVE, {"id": attached["attachments"][0]["id"]}, token=t["officer"]))["data"]["removeAttachment"]
    assert removed["errors"] == [] and await public() == []


async def test_a_proposal_takes_five_files_and_refuses_the_sixth(client, gql, world, settings):
    t = world.tokens
    agenda = (await propose(gql, t["citizen"]))["agenda"]
    ids = [(await upload(client, t["citizen"], png(color=(i * 40, 80, 90)), f"사진 {i}.png", status=201))["upload"]["id"]
           for i in range(6)]
    first = (await gql(ATTACH, {"input": {"agendaId": agenda["id"], "uploadIds": ids[:5]}}, token=t["citizen"]))
    assert first["data"]["attachFiles"]["errors"] == []
    sixth = (await gql(ATTACH, {"input": {"agendaId": agenda["id"], "uploadIds": [ids[5]]}},
                       token=t["citizen"]))["data"]["attachFiles"]
    assert [(e["code"], e["field"]) for e in sixth["errors"]] == [("TOO_MANY_FILES", "uploadIds")]
    assert "5개" in sixth["errors"][0]["message"]
    assert await Attachment.filter(agenda_id=int(agenda["id"])).count() == 5
    assert (await Attachment.get(id=int(ids[5]))).agenda_id is None  # still the citizen's pending upload

    # Someone else's upload, or someone else's proposal, is not the caller's to attach.
    theirs = (await gql(ATTACH, {"input": {"agendaId": agenda["id"], "uploadIds": [ids[5]]}},
                        token=t["citizen2"]))["data"]["attachFiles"]
    assert [e["code"] for e in theirs["errors"]] == ["FORBIDDEN"]
    # Removing one makes room again.
    listed = (await gql(AGENDA_FILES, {"id": agenda["id"]}))["data"]["agenda"]["attachments"]
    assert (await gql(REMOVE, {"id": listed[0]["id"]}, token=t["citizen"]))["data"]["removeAttachment"]["errors"] == []
    again = (await gql(ATTACH, {"input": {"agendaId": agenda["id"], "uploadIds": [ids[5]]}}, token=t["citizen"]))
    assert again["data"]["attachFiles"]["errors"] == []


# ---------------------------------------------------------------- bad input: a code each, nothing kept


def _eleven_mb() -> bytes:
    return b"\xff\xd8\xff\xe0" + b"\0" * (11 * 1024 * 1024)


BAD_FILES = [
    ("a text file renamed .jpg", lambda: "회의록입니다. 사진이 아닙니다.\n".encode() * 20, "회의록.jpg", 400, "UNSUPPORTED_TYPE"),
    ("an HTML page renamed .png", lambda: b"<html><script>alert(1)</script></html>", "photo.png", 400, "UNSUPPORTED_TYPE"),
    ("a JPEG start and garbage", lambda: b"\xff\xd8\xff\xe0" + b"garbage" * 100, "broken.jpg", 400, "INVALID_FILE"),
    ("a 0-byte file", lambda: b"", "empty.jpg", 400, "EMPTY_FILE"),
    ("an 11 MB file", _eleven_mb, "big.jpg", 413, "FILE_TOO_LARGE"),
    ("an image bomb", png_bomb, "bomb.png", 400, "IMAGE_TOO_LARGE"),
    ("a PDF with JavaScript", lambda: pdf(javascript="app.alert('hi');"), "script.pdf", 400, "PDF_ACTIVE_CONTENT"),
    ("a PDF that launches a program", lambda: pdf(open_action=True), "launch.pdf", 400, "PDF_ACTIVE_CONTENT"),
    ("a PDF hiding /JavaScript as /J#61vaScript",
     lambda: pdf().replace(b"%%EOF", b"1 0 obj << /S /J#61vaScript /JS (app.alert(1)) >> endobj\n%%EOF"),
     "escaped.pdf", 400, "PDF_ACTIVE_CONTENT"),
    ("a PDF header and nothing else", lambda: b"%PDF-1.7\n" + b"x" * 200, "fake.pdf", 400, "INVALID_FILE"),
    ("a 500-character name", png, "가" * 496 + ".png", 400, "FILENAME_TOO_LONG"),
    ("a name with path separators", png, "../../etc/passwd.png", 400, "INVALID_FILENAME"),
    ("a name with a backslash", png, "C:\\photos\\a.png", 400, "INVALID_FILENAME"),
    ("a name with NUL", png, "photo\x00.png", 400, "INVALID_FILENAME"),
    ("a right-to-left override", png, "photo\u202egnp.exe", 400, "INVALID_FILENAME"),
    ("no name", png, "", 400, "INVALID_FILENAME"),
]


async def test_a_bad_file_is_refused_with_a_code_and_nothing_is_kept(client, world, settings):
    for what, make, filename, status, code in BAD_FILES:  # one world for all: building it is the slow part
        body = await upload(client, world.tokens["citizen"], make(), filename, status=status)
        assert body["upload"] is None, what
        [error] = body["errors"]
        assert (error["code"], error["field"] in ("file", "filename")) == (code, True), what
        assert not error["message"].isascii(), what  # said in Korean by default
        assert await Attachment.all().count() == 0, what
        assert stored_files(settings) == [], what


async def test_refusals_speak_english_to_an_english_reader(client, world):
    response = await client.post("/uploads?filename=a.jpg", content=b"hello",
                                 headers={"Authorization": f"Bearer {world.tokens['citizen']}", "Accept-Language": "en"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "Only JPEG, PNG and WebP photos and PDF documents can be attached."


async def test_a_streamed_upload_is_cut_off_at_the_limit_without_reading_it_all(client, world, settings):
    """No Content-Length (chunked): the handler counts while it streams and stops at 10 MB."""
    sent = 0

    async def body():
        nonlocal sent
        chunk = b"\xff\xd8\xff" + b"\0" * (1024 * 1024 - 3)
        for _ in range(64):  # would be 64 MB
            sent += len(chunk)
            yield chunk

    response = await client.post("/uploads?filename=big.jpg", content=body(),
                                 headers={"Authorization": f"Bearer {world.tokens['citizen']}"})
    assert response.status_code == 413 and response.json()["errors"][0]["code"] == "FILE_TOO_LARGE"
    assert sent <= 12 * 1024 * 1024
    assert await Attachment.all().count() == 0 and stored_files(settings) == []


async def test_uploading_needs_an_account_and_a_csrf_token_with_a_cookie(client, world):
    anonymous = await upload(client, None, png(), "a.png", status=401)
    assert anonymous["errors"][0]["code"] == "NOT_AUTHENTICATED"
    client.cookies.set("agenda_session", "forged")
    assert (await client.post("/uploads?filename=a.png", content=png())).status_code == 401
    assert await Attachment.all().count() == 0


async def test_uploads_are_limited_per_hour(app, world):
    from server.accounts.models import User
    from server.agendas.policy import viewer_for
    from server.attachments import service
    from server.errors import DomainError

    viewer = await viewer_for(await User.get(email="jiwoo@example.kr"))
    files_dir = app.state.settings.files_dir
    await service.upload(viewer, files_dir, filename="1.png", data=png(), per_hour=2)
    await service.upload(viewer, files_dir, filename="2.png", data=png(color=(1, 2, 3)), per_hour=2)
    with pytest.raises(DomainError) as refused:
        await service.upload(viewer, files_dir, filename="3.png", data=png(color=(3, 2, 1)), per_hour=2)
    assert refused.value.code.value == "TOO_MANY_UPLOADS"


async def test_a_webp_and_a_png_keep_their_format_and_transparency(client, world, settings):
    image = Image.new("RGBA", (30, 20), (0, 0, 0, 0))
    out = io.BytesIO()
    image.save(out, "WEBP", lossless=True)
    webp = await upload(client, world.tokens["citizen"], out.getvalue(), "투명.webp", status=201)
    assert webp["upload"]["contentType"] == "image/webp"
    row = await Attachment.get(id=int(webp["upload"]["id"]))
    kept = Image.open(settings.files_dir / row.sha256[:2] / row.sha256)
    assert kept.format == "WEBP" and kept.mode == "RGBA"
    # A PNG declared as a JPEG by its name is what its content says.
    png_named_jpg = await upload(client, world.tokens["citizen"], png(), "사진.jpg", status=201)
    assert png_named_jpg["upload"]["contentType"] == "image/png"
    # A pending upload is its uploader's alone.
    url = png_named_jpg["upload"]["url"]
    assert (await client.get(url, headers={"Authorization": f"Bearer {world.tokens['citizen']}"})).status_code == 200
    assert (await client.get(url)).status_code == 404
    assert (await client.get(url, headers={"Authorization": f"Bearer {world.tokens['citizen2']}"})).status_code == 404


async def test_an_upload_never_attached_is_forgotten_after_a_day(app, world):
    from datetime import datetime, timedelta, timezone

    from server.accounts.models import User
    from server.agendas.policy import viewer_for
    from server.attachments import service

    viewer = await viewer_for(await User.get(email="jiwoo@example.kr"))
    files_dir = app.state.settings.files_dir
    abandoned = await service.upload(viewer, files_dir, filename="버려진 사진.png", data=png(), per_hour=30)
    path = files_dir / abandoned.sha256[:2] / abandoned.sha256
    assert path.exists()
    assert await service.forget_stale_uploads(files_dir) == 0  # still within its day
    later = datetime.now(timezone.utc) + timedelta(days=1, minutes=1)
    assert await service.forget_stale_uploads(files_dir, now=later) == 1
    assert not await Attachment.filter(id=abandoned.id).exists() and not path.exists()
