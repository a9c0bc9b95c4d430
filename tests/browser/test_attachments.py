"""A citizen on a phone-sized page attaches a photo to a proposal: the form previews it and says it is
ready, the proposal is sent, and the agenda page shows its thumbnail, which opens the full photo —
stripped of the GPS position it was taken with."""

from __future__ import annotations

import io
import re

import httpx
from PIL import Image
from playwright.sync_api import expect

from demo.accounts import CITIZEN_EMAILS, DEMO_PASSWORD
from tests.browser.helpers import check_a11y, login, shot


def _photo_with_gps(path) -> None:
    image = Image.new("RGB", (120, 90), (30, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "CivicPhone"
    exif[0x8825] = {1: "N", 2: (37.0, 34.0, 12.5), 3: "E", 4: (126.0, 58.0, 40.1)}
    image.save(path, "JPEG", exif=exif)


def test_the_proposal_form_attaches_a_photo_and_the_agenda_page_shows_its_thumbnail(page, live_server, tmp_path):
    photo = tmp_path / "보도블록 사진 📷.jpg"
    _photo_with_gps(photo)
    not_a_photo = tmp_path / "메모.jpg"
    not_a_photo.write_text("사진이 아닙니다", encoding="utf-8")

    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    login(page, CITIZEN_EMAILS[0], DEMO_PASSWORD)
    page.goto("/propose")
    page.get_by_label(re.compile("^제목")).fill("정류장 앞 보도블록 파손 📷")
    page.get_by_label(re.compile("^제안 내용")).fill("버스 정류장 앞 보도블록이 깨져서 유모차와 휠체어 바퀴가 걸립니다. 사진을 첨부합니다.")
    page.get_by_label("주거·안전 혁신").check()

    files = page.get_by_test_id("propose-files")
    expect(files.locator("input[capture]")).to_have_attribute("accept", "image/*")
    files.get_by_label("사진·파일 선택").set_input_files([str(photo), str(not_a_photo)])
    items = files.locator(".file-item")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text("첨부 준비됨")
    expect(items.nth(0).locator("img")).to_have_attribute("alt", re.compile("보도블록 사진"))
    # The text file named .jpg is refused by the server from its content, beside the file, in Korean.
    expect(items.nth(1).get_by_role("alert")).to_contain_text("JPEG, PNG, WebP 사진과 PDF 문서만")
    check_a11y(page, context="propose-with-files")
    shot(page, "propose-with-files")
    items.nth(1).get_by_role("button", name="메모.jpg 빼기").click()
    expect(items).to_have_count(1)

    page.get_by_role("button", name="제안 보내기").click()
    expect(page).to_have_url(re.compile(r"/agendas/\d+$"))
    attachments = page.get_by_test_id("attachments")
    expect(attachments.get_by_role("heading", name="첨부 파일")).to_be_visible()
    thumb = attachments.get_by_role("img", name=re.compile("첨부 사진: 보도블록 사진"))
    expect(thumb).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=thumb.element_handle())
    check_a11y(page, context="agenda-with-photo")
    shot(page, "agenda-with-photo")

    # The thumbnail opens the full photo; what is served has no GPS position and no camera left.
    href = attachments.get_by_role("link", name=re.compile("첨부 사진")).get_attribute("href")
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    full = httpx.get(live_server.url + href, cookies=cookies)
    assert full.status_code == 200 and full.headers["content-type"] == "image/jpeg"
    served = Image.open(io.BytesIO(full.content))
    assert served.size == (120, 90) and dict(served.getexif()) == {}
    assert b"CivicPhone" not in full.content
