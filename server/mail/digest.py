"""The daily digest: people who chose ``DAILY_DIGEST`` get one e-mail a day, at 08:00 city time,
listing the notifications that waited for it (``email_state='digest'``).

The minute tick calls ``queue_digests``. Every notification made before the latest 08:00 goes into
that morning's digest, so a tick missed at 08:00 (a restart) is caught up by the next one, and what
arrives after 08:00 waits for tomorrow. The notifications are claimed (``digest`` → ``digested``)
in the transaction that writes the digest's ``MailDelivery``, under a lock on the person's row, so
several workers ticking at once make one digest, never two."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from tortoise.transactions import in_transaction

from server.accounts.models import User
from server.notifications.models import MailDelivery, Notification

DIGEST_HOUR = time(8, 0)


def latest_cutoff(now: datetime, tz) -> datetime:
    local = now.astimezone(tz)
    cutoff = datetime.combine(local.date(), DIGEST_HOUR, tzinfo=tz)
    return cutoff if local >= cutoff else cutoff - timedelta(days=1)


async def queue_digests(now: datetime, tz) -> int:
    # In UTC: SQLite compares stored times as text, so a +09:00 bound would compare wrongly.
    cutoff = latest_cutoff(now, tz).astimezone(timezone.utc)
    waiting = Notification.filter(email_state="digest", created_at__lt=cutoff)
    user_ids = sorted(set(await waiting.values_list("user_id", flat=True)))
    made = 0
    for user_id in user_ids:
        async with in_transaction() as conn:
            await User.filter(id=user_id).select_for_update().using_db(conn).first()
            ids = sorted(await Notification.filter(user_id=user_id, email_state="digest", created_at__lt=cutoff)
                         .using_db(conn).values_list("id", flat=True))
            if not ids:
                continue  # another worker made this digest
            await Notification.filter(id__in=ids).using_db(conn).update(email_state="digested")
            await MailDelivery.create(user_id=user_id, purpose="digest", params={"ids": ids},
                                      available_at=datetime.now(timezone.utc), using_db=conn)
            made += 1
    return made
