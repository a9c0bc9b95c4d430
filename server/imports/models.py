"""An import job's progress and report, in the database: the admin page polls
``/admin/import/jobs/{id}`` and, behind ``agenda serve`` with several processes, the poll may reach
any of them, not the one running the import (server/imports/jobs.py)."""

from tortoise import fields
from tortoise.models import Model


class ImportJob(Model):
    id = fields.CharField(max_length=24, primary_key=True)  # unguessable (secrets.token_urlsafe)
    owner = fields.ForeignKeyField("agenda.User", related_name="import_jobs", on_delete=fields.CASCADE)
    dry_run = fields.BooleanField()
    state = fields.CharField(max_length=8, default="running")  # running | done | failed
    phase = fields.CharField(max_length=8, default="reading")  # reading | checking | routing | writing
    done = fields.IntField(default=0)
    total = fields.IntField(default=0)
    # Rendered once per language when the job ends ({"ko": …, "en": …}): the reader's language
    # picks one, and the report's messages need not be rebuilt from codes.
    report = fields.JSONField(null=True)
    error = fields.JSONField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField()  # the running process's last word (a stale "running" job died with it)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "import_jobs"
        indexes = (("state", "updated_at"),)
