"""Notifications: one row per person concerned by an event, written in the transaction of the change
that causes it. The text is not stored: ``kind`` and ``params`` are rendered in the reader's language
when read (server/notifications/catalogue.py), so a change of language applies to old ones too.

A notification is its own e-mail outbox row (``email_state``); ``MailDelivery`` holds the other
e-mail. Both are written in the transaction of what causes them and sent by the mail worker
(workers/mailer.py) at least once, with backoff, never inside a request."""

from tortoise import fields
from tortoise.models import Model


class Notification(Model):
    id = fields.BigIntField(primary_key=True)
    user = fields.ForeignKeyField("agenda.User", related_name="notifications", on_delete=fields.CASCADE)
    kind = fields.CharField(max_length=32)
    agenda = fields.ForeignKeyField("agenda.Agenda", related_name="notifications", null=True, on_delete=fields.CASCADE)
    params = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)
    read_at = fields.DatetimeField(null=True)
    # The notification is also the outbox of its e-mail: ``pending`` rows are sent by the mail worker
    # (at ``email_due_at``, later after a failure), ``digest`` rows wait for the recipient's daily
    # digest; null means no e-mail (preference OFF, or an address not verified). After the worker:
    # ``sent``, ``failed`` (refused for good, ``email_error`` says why) or ``digested`` (in a digest).
    email_state = fields.CharField(max_length=8, null=True)
    email_due_at = fields.DatetimeField(null=True, db_index=True)
    email_attempts = fields.IntField(default=0)
    emailed_at = fields.DatetimeField(null=True)
    email_error = fields.TextField(null=True)

    class Meta:
        table = "notifications"
        indexes = (("user_id", "id"), ("user_id", "read_at"), ("email_state", "email_due_at"))


class MailDelivery(Model):
    """E-mail that is not a notification: an address verification, a password reset, a daily digest.
    The token in a link is made when the mail is sent (only its hash is stored), so a retry sends a
    fresh, equally valid link."""

    id = fields.BigIntField(primary_key=True)
    user = fields.ForeignKeyField("agenda.User", related_name="mail_deliveries", on_delete=fields.CASCADE)
    purpose = fields.CharField(max_length=16)  # verify | reset | digest
    params = fields.JSONField(default=dict)  # a digest: the notification ids it covers
    attempts = fields.IntField(default=0)
    available_at = fields.DatetimeField(db_index=True)
    sent_at = fields.DatetimeField(null=True)
    # Refused for good (a 5xx for the recipient, or too many attempts): never tried again.
    failed_at = fields.DatetimeField(null=True)
    last_error = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "mail_deliveries"
        indexes = (("sent_at", "available_at"),)
