"""An administrator brings the old system's proposals in from the web: the first check of the
CP949 export finds a district outside Seoul, named by row and column; the fixed file checks clean
and imports, with its progress shown — and the page stays accessible throughout."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect

from demo.accounts import ADMIN_EMAIL
from tests.browser.helpers import check_a11y, login, shot
from tests.import_files import to_csv

ROWS = [
    [f"B-{i}", f"옛 제안 {i}: 골목길 공유 화단 가꾸기", "동네 골목길 자투리땅에 이웃이 함께 가꾸는 공유 화단을 만들어 주세요.",
     "LIVING_CULTURE_SPACE", "시민제안", "성북구", f"2018-05-{10 + i:02d}", str(i * 7), "", "완료"]
    for i in range(1, 6)
]


def test_an_admin_checks_an_old_export_fixes_it_and_imports_it(page, live_server):
    source = f"old-{uuid.uuid4().hex[:8]}"
    bad = [list(r) for r in ROWS]
    bad[2][5] = "부산진구"  # sheet row 4

    login(page, ADMIN_EMAIL)
    page.goto("/admin")
    page.get_by_role("link", name="이전 제안 가져오기").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("이전 제안 가져오기")
    page.get_by_label("출처 이름").fill(source)
    page.get_by_label("파일").set_input_files(files=[{"name": "backlog.csv", "mimeType": "text/csv",
                                                   "buffer": to_csv(bad, "cp949")}])
    page.get_by_role("button", name="검사하기").click()
    errors = page.get_by_test_id("import-errors")
    expect(errors.locator("tbody tr")).to_have_count(1)
    expect(errors.locator("tbody tr").first).to_contain_text("4")
    expect(errors.locator("tbody tr").first).to_contain_text("자치구")
    expect(errors).to_contain_text("부산진구는 서울시 25개 자치구 중 하나가 아닙니다.")
    expect(page.get_by_test_id("import-dry-run")).to_contain_text("CP949")
    expect(page.get_by_test_id("import-run")).to_have_count(0)  # nothing to import while a row is wrong
    check_a11y(page, context="import-dry-run-errors")
    shot(page, "dry-run-errors")

    page.get_by_label("파일").set_input_files(files=[{"name": "backlog.csv", "mimeType": "text/csv",
                                                   "buffer": to_csv(ROWS, "cp949")}])
    page.get_by_role("button", name="검사하기").click()
    expect(page.get_by_test_id("import-dry-run")).to_contain_text("새로 가져올 제안 5건")
    expect(page.get_by_test_id("import-dry-run")).to_contain_text("문제가 없습니다.")
    page.get_by_role("button", name="5건 가져오기").click()
    expect(page.get_by_test_id("import-done")).to_contain_text("5건을 가져왔습니다.")
    check_a11y(page, context="import-done")
    shot(page, "imported")

    # Checking the same file again: nothing new.
    page.get_by_role("button", name="검사하기").click()
    expect(page.get_by_test_id("import-dry-run")).to_contain_text("이미 가져온 제안 5건")
    expect(page.get_by_test_id("import-dry-run")).to_contain_text("새로 가져올 제안이 없습니다.")
