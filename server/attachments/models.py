"""One row per attached (or just uploaded) file. The bytes live on disk under ``AGENDA_FILES_DIR``,
named by their SHA-256 (``storage.py``); the row says whose, where it belongs and what to call it.

An upload is made in two steps (``docs/api.md``, "Attachments"): ``POST /uploads`` checks, cleans and
stores the file and answers a row with neither agenda nor plan (pending, seen only by its uploader);
``attachFiles`` then gives it to an agenda or its plan. ``agenda`` is set for both kinds, so "the
files of this agenda" and "may this caller see this file" are one lookup."""

from tortoise import fields
from tortoise.models import Model


class Attachment(Model):
    id = fields.IntField(primary_key=True)
    agenda = fields.ForeignKeyField("agenda.Agenda", related_name="attachments", null=True, on_delete=fields.CASCADE)
    plan = fields.ForeignKeyField("agenda.ExecutionPlan", related_name="attachments", null=True,
                                  on_delete=fields.CASCADE)
    uploader = fields.ForeignKeyField("agenda.User", related_name="attachments", null=True, on_delete=fields.SET_NULL)
    filename = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=40)
    size = fields.IntField()
    sha256 = fields.CharField(max_length=64, db_index=True)
    thumbnail_sha256 = fields.CharField(max_length=64, null=True, db_index=True)
    width = fields.IntField(null=True)
    height = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    attached_at = fields.DatetimeField(null=True)

    class Meta:
        table = "attachments"
        indexes = (("agenda_id", "plan_id"), ("uploader_id", "created_at"))
