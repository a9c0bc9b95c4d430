"""The audit log's core: an entry commits or rolls back with the action it records, keeps only what
changed, and pages newest first by actor and action."""

from __future__ import annotations

import pytest
from tortoise.transactions import in_transaction

from server.accounts import service as accounts
from server.accounts.roles import Role
from server.audit.actions import AuditAction
from server.audit.log import AuditQuery, changes, page, record
from server.audit.models import AuditEntry
from server.ops.context import current_request_id


def test_changes_keep_only_what_differs():
    before, after = changes({"role": "citizen", "departments": [], "name": "김지우"},
                            {"role": "staff", "departments": ["TRANSPORT"], "name": "김지우"})
    assert before == {"role": "citizen", "departments": []}
    assert after == {"role": "staff", "departments": ["TRANSPORT"]}


async def test_an_entry_lives_and_dies_with_its_transaction(app):
    admin = await accounts.create_user(email="admin@seoul.go.kr", password="서울-혁신-의제-2026!",
                                       display_name="관리자 👩‍💼", role=Role.ADMIN)
    token = current_request_id.set("req-감사-1")
    try:
        async with in_transaction() as conn:
            await record(admin.id, AuditAction.USER_UPDATED, "user:7", before={"role": "citizen"},
                         after={"role": "staff", "note": "도시교통실 · 輪椅"}, using_db=conn)
        with pytest.raises(RuntimeError):
            async with in_transaction() as conn:
                await record(admin.id, AuditAction.USER_DEACTIVATED, "user:7", using_db=conn)
                raise RuntimeError("the action failed")
    finally:
        current_request_id.reset(token)
    entries = await AuditEntry.all()
    assert len(entries) == 1
    assert entries[0].request_id == "req-감사-1"
    assert entries[0].after == {"role": "staff", "note": "도시교통실 · 輪椅"}


async def test_the_log_pages_newest_first_and_filters(app):
    admin = await accounts.create_user(email="admin@seoul.go.kr", password="서울-혁신-의제-2026!",
                                       display_name="관리자", role=Role.ADMIN)
    for i in range(5):
        await record(admin.id, AuditAction.USER_UPDATED, f"user:{i}")
    await record(None, AuditAction.AGENDAS_IMPORTED, "import:legacy.csv", after={"rows": 200})
    first, more = await page(AuditQuery(first=3))
    assert [e.target for e in first] == ["import:legacy.csv", "user:4", "user:3"] and more
    rest, more = await page(AuditQuery(first=3, after_id=first[-1].id))
    assert [e.target for e in rest] == ["user:2", "user:1", "user:0"] and not more
    mine, _ = await page(AuditQuery(actor_id=admin.id, action=AuditAction.USER_UPDATED))
    assert len(mine) == 5 and mine[0].actor.display_name == "관리자"
