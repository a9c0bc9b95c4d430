"""An administrator runs people from the web: finds a newly registered citizen on /admin/users, makes
them staff of 도시교통실, and reads the change — who, what before and after — on /admin/audit. The new
staff member's next request shows the department's triage inbox. Accessible (axe) on both pages."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect

from demo.accounts import ADMIN_EMAIL
from tests.browser.helpers import check_a11y, login, register, shot

PASSWORD = "광화문-광장-2026!"


def test_an_admin_makes_a_citizen_staff_and_reads_it_in_the_audit_log(page, new_page, live_server):
    tag = uuid.uuid4().hex[:6]
    email = f"transport-new-{tag}@example.kr"
    name = f"한가람 {tag}"
    register(live_server.api, email, PASSWORD, name)

    login(page, ADMIN_EMAIL)
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="관리", exact=True).click()
    page.get_by_role("navigation", name="관리 메뉴").get_by_role("link", name="사용자·역할").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("사용자와 역할")

    page.get_by_test_id("users-query").fill(tag.upper())  # case-insensitive, a part of the name
    page.get_by_test_id("users-search").click()
    row = page.locator(f"tr[data-user-id]", has_text=name)
    expect(row).to_have_count(1)
    expect(row.get_by_test_id("user-role")).to_have_text("시민")
    check_a11y(page, context="users")

    row.get_by_test_id("user-edit").click()
    editor = page.get_by_test_id("role-editor")
    editor.get_by_test_id("role-select").select_option("STAFF")
    editor.locator("input[data-code=TRANSPORT]").check()
    editor.get_by_test_id("role-save").click()
    expect(page.get_by_test_id("users-status")).to_contain_text(name)
    expect(row.get_by_test_id("user-role")).to_have_text("부서 담당자")
    expect(row).to_contain_text("도시교통실")
    check_a11y(page, context="users-saved")
    shot(page, "users-saved")

    # The new staff member sees the inbox at once.
    staff = new_page()
    login(staff, email, PASSWORD)
    staff.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="분류함").click()
    expect(staff.get_by_role("heading", level=2, name="도시교통실 분류함")).to_be_visible()

    page.get_by_role("navigation", name="관리 메뉴").get_by_role("link", name="감사 기록").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("감사 기록")
    page.get_by_test_id("audit-action").select_option("USER_UPDATED")
    entry = page.get_by_test_id("audit-table").locator("tbody tr").first
    expect(entry).to_contain_text("역할·부서 변경")
    expect(entry.locator("[data-field=role] .audit-before")).to_contain_text("시민")
    expect(entry.locator("[data-field=role] .audit-after")).to_contain_text("부서 담당자")
    expect(entry.locator("[data-field=departments] .audit-after")).to_contain_text("도시교통실")
    check_a11y(page, context="audit")
    shot(page, "audit")
