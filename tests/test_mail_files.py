"""The embedded default has no SMTP server: every e-mail is written as an ``.eml`` file under
``<data>/mail/``, and an admin can list them and download one — so a new installation shows what it
would have sent. Nobody else can read them: they hold addresses and live links."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default as DEFAULT_POLICY

from tests.agenda_world import build_world, propose

ADMIN_MAIL = "query($first: Int!) { adminMail(first: $first) { name recipient subject date preview size downloadUrl } }"


async def test_without_smtp_mail_is_written_as_files_that_only_admins_can_read(gql, app, client, settings):
    world = await build_world(gql)
    t = world.tokens
    created = await propose(gql, t["citizen"])
    assert await app.state.mailer.drain_all() == 3
    files = sorted(p.name for p in settings.mail_dir.iterdir())
    assert len(files) == 3 and all(name.endswith(".eml") for name in files)
    assert not any(name.startswith(".") for name in files)  # no partial file left behind

    listed = (await gql(ADMIN_MAIL, {"first": 10}, token=t["admin"]))["data"]["adminMail"]
    assert [m["name"] for m in listed] == sorted(files, reverse=True)  # newest first
    mine = next(m for m in listed if "jiwoo@example.kr" in m["recipient"])
    assert mine["subject"] == "제안하신 의제가 도시교통실로 전달되었습니다"
    assert mine["preview"].startswith("김지우 님, 안녕하세요.") and "저상버스 탑승 예약 앱" in mine["preview"]
    assert (await gql(ADMIN_MAIL, {"first": 1}, token=t["admin"]))["data"]["adminMail"][0]["name"] == listed[0]["name"]

    raw = await client.get(mine["downloadUrl"], headers={"Authorization": f"Bearer {t['admin']}"})
    assert raw.status_code == 200 and raw.headers["content-type"] == "message/rfc822"
    message = message_from_bytes(raw.content, policy=DEFAULT_POLICY)
    assert message["Message-ID"].startswith("<notification-")
    assert f"/agendas/{created['agenda']['id']}" in message.get_body(("plain",)).get_content()

    # Staff, citizens and anonymous callers are refused; a path is not a name.
    for who in ("citizen", "transport", "officer"):
        refused = await gql(ADMIN_MAIL, {"first": 10}, token=t[who])
        assert refused["data"] is None and refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        got = await client.get(mine["downloadUrl"], headers={"Authorization": f"Bearer {t[who]}"})
        assert got.status_code == 403
    assert (await gql(ADMIN_MAIL, {"first": 10}))["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await client.get(mine["downloadUrl"])).status_code == 401
    for bad in ("..%2Fsecret.key", "secret.key", "20261126T000000000000Z-..eml%2F..%2F..%2Fsecret.key"):
        got = await client.get(f"/admin/mail/raw/{bad}", headers={"Authorization": f"Bearer {t['admin']}"})
        assert got.status_code == 404, bad
    too_many = await gql(ADMIN_MAIL, {"first": 1000}, token=t["admin"])
    assert too_many["errors"][0]["extensions"]["code"] == "INVALID"
