"""One row per administrative action. ``actor`` is kept even when the account is later deactivated
(accounts are never deleted through the product); ``target`` names the thing acted on as
``kind:key`` (``user:42``, ``department:DOT``, ``comment:7``) so the log reads without joins, and
``before``/``after`` hold only the fields that changed."""

from tortoise import fields
from tortoise.models import Model


class AuditEntry(Model):
    id = fields.BigIntField(primary_key=True)
    at = fields.DatetimeField(auto_now_add=True)
    actor = fields.ForeignKeyField("agenda.User", related_name="audit_entries", null=True,
                                   on_delete=fields.RESTRICT)  # null: the system (a CLI run without a user)
    action = fields.CharField(max_length=40)  # server.audit.actions.AuditAction
    target = fields.CharField(max_length=120)
    before = fields.JSONField(null=True)
    after = fields.JSONField(null=True)
    request_id = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "audit_log"
        indexes = (("action", "id"), ("actor_id", "id"))
