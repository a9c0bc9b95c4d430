"""The transactional outbox: a row is written in the same transaction as the change it announces,
so the search index can never miss a committed change (workers drain it; see ``workers``)."""

from tortoise import fields
from tortoise.models import Model


class OutboxEntry(Model):
    id = fields.BigIntField(primary_key=True)
    topic = fields.CharField(max_length=32)  # e.g. "agenda"
    entity_id = fields.CharField(max_length=64)
    operation = fields.CharField(max_length=16)  # "upsert" | "delete"
    request_id = fields.CharField(max_length=64, null=True)
    attempts = fields.IntField(default=0)
    available_at = fields.DatetimeField(db_index=True)
    last_error = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "outbox"
