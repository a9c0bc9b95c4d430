"""Agenda-domain tables. Keywords and fields are JSON lists: the routing rule reads whole
departments at once (there are tens of them), never filters by a single keyword in SQL."""

from tortoise import fields
from tortoise.models import Model


class Department(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=40, unique=True)
    name_ko = fields.CharField(max_length=120)
    name_en = fields.CharField(max_length=160)
    policy_fields = fields.JSONField(default=list)
    keywords = fields.JSONField(default=list)
    # 사무분장: what the department is responsible for, in its own words. Routing reads the thesaurus
    # concepts it names as evidence beside the keywords.
    duty_statement = fields.TextField(default="")
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "departments"


class WorkPlanItem(Model):
    id = fields.IntField(primary_key=True)
    department = fields.ForeignKeyField(
        "agenda.Department", related_name="work_plan_items", on_delete=fields.RESTRICT
    )
    title = fields.CharField(max_length=200)
    keywords = fields.JSONField(default=list)
    year = fields.IntField(db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # Retired, not deleted, when agendas refer to it: it keeps its history and its agendas, and is
    # no longer offered for new proposals nor read by the routing rule.
    retired_at = fields.DatetimeField(null=True)

    class Meta:
        table = "work_plan_items"


class Agenda(Model):
    """A social-innovation agenda. ``version`` increases with every change: writers name the
    version they saw and lose cleanly (VERSION_CONFLICT) when someone else got there first.
    ``support_count`` is kept in the same transaction as the ``Support`` rows, so listing by
    support never counts rows."""

    id = fields.IntField(primary_key=True)
    title = fields.CharField(max_length=200)
    body = fields.TextField()
    field = fields.CharField(max_length=40, db_index=True)
    channel = fields.CharField(max_length=32, db_index=True)
    status = fields.CharField(max_length=16, db_index=True)
    visibility = fields.CharField(max_length=16, default="PUBLIC", db_index=True)
    district = fields.CharField(max_length=32, null=True, db_index=True)
    proposer = fields.ForeignKeyField("agenda.User", related_name="agendas", on_delete=fields.RESTRICT)
    idempotency_key = fields.CharField(max_length=100, null=True)
    related_department_codes = fields.JSONField(default=list)
    work_plan_item = fields.ForeignKeyField(
        "agenda.WorkPlanItem", related_name="agendas", null=True, on_delete=fields.SET_NULL
    )
    owner_kind = fields.CharField(max_length=24, null=True, db_index=True)
    owner_department = fields.ForeignKeyField(
        "agenda.Department", related_name="owned_agendas", null=True, on_delete=fields.RESTRICT
    )
    routing_reason = fields.CharField(max_length=24, null=True)
    routing_candidates = fields.JSONField(default=list)
    routing_matched_terms = fields.JSONField(default=list)
    routing_explanation = fields.TextField(default="")
    # The same explanation as a message (template and parameters), so each reader gets it in their language.
    routing_explanation_data = fields.JSONField(null=True)
    status_reason = fields.TextField(null=True)
    merged_into = fields.ForeignKeyField("agenda.Agenda", related_name="merged_from", null=True, on_delete=fields.SET_NULL)
    support_count = fields.IntField(default=0, db_index=True)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)
    updated_at = fields.DatetimeField(auto_now=True)
    status_changed_at = fields.DatetimeField(auto_now_add=True)
    # Accountability (server/accountability/): the decision the owner owes by ``answer_due_at`` (end of
    # a working day in the city's calendar); while NEEDS_INFO stops the clock, ``answer_days_left``
    # keeps the working days that were left. ``reminded_for`` / ``escalated_for`` hold the due date a
    # reminder / escalation was sent for, so each happens once per due date whatever the workers.
    routed_at = fields.DatetimeField(null=True)
    answer_due_at = fields.DatetimeField(null=True, db_index=True)
    answer_days_left = fields.IntField(null=True)
    reminded_for = fields.DatetimeField(null=True)
    escalated_for = fields.DatetimeField(null=True)
    overdue = fields.BooleanField(default=False, db_index=True)
    decided_at = fields.DatetimeField(null=True)
    decided_on_time = fields.BooleanField(null=True)
    progress_due_at = fields.DatetimeField(null=True, db_index=True)
    progress_reminded_for = fields.DatetimeField(null=True)
    # Support thresholds: an official answer owed (and given), and the thresholds already crossed.
    official_answer_required = fields.BooleanField(default=False)
    official_answer = fields.TextField(null=True)
    official_answer_at = fields.DatetimeField(null=True)
    official_answer_by = fields.ForeignKeyField("agenda.User", related_name="official_answers", null=True,
                                                on_delete=fields.SET_NULL)
    thresholds_reached = fields.JSONField(default=list)
    verified_support_count = fields.IntField(default=0)
    # Bulk import (server/imports/): where an agenda came from and its id there — importing the same
    # file again finds it instead of making a twin — and the supports it had there. Those are part of
    # ``support_count`` (which supports on this platform then raise) but belong to no account, so
    # they never count as verified supports toward the thresholds.
    import_source = fields.CharField(max_length=40, null=True)
    external_id = fields.CharField(max_length=100, null=True)
    imported_support_count = fields.IntField(default=0, db_default=0)

    class Meta:
        table = "agendas"
        unique_together = (("proposer", "idempotency_key"), ("import_source", "external_id"))
        # (visibility, status): the public list's filter and its count as an index-only scan (bench/README.md)
        indexes = (("owner_kind", "owner_department_id", "status"), ("status", "support_count"), ("visibility", "status"))


class AgendaEvent(Model):
    """One line of an agenda's history: who did what, when, from which status to which, and why."""

    id = fields.IntField(primary_key=True)
    agenda = fields.ForeignKeyField("agenda.Agenda", related_name="events", on_delete=fields.CASCADE)
    actor = fields.ForeignKeyField("agenda.User", related_name="agenda_events", null=True, on_delete=fields.SET_NULL)
    kind = fields.CharField(max_length=24)
    from_status = fields.CharField(max_length=16, null=True)
    to_status = fields.CharField(max_length=16, null=True)
    reason = fields.TextField(null=True)
    data = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "agenda_events"
        indexes = (("agenda_id", "id"),)


class Support(Model):
    """``verified``: the supporter's e-mail address was verified when they supported. Only such
    supports count toward the support thresholds (``Agenda.verified_support_count``); keeping it on
    the row lets a withdrawal or a merge move the count by exactly what the support added."""

    id = fields.IntField(primary_key=True)
    agenda = fields.ForeignKeyField("agenda.Agenda", related_name="supports", on_delete=fields.CASCADE)
    user = fields.ForeignKeyField("agenda.User", related_name="supports", on_delete=fields.CASCADE)
    verified = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "agenda_supports"
        unique_together = (("agenda", "user"),)


class Follow(Model):
    id = fields.IntField(primary_key=True)
    agenda = fields.ForeignKeyField("agenda.Agenda", related_name="follows", on_delete=fields.CASCADE)
    user = fields.ForeignKeyField("agenda.User", related_name="follows", on_delete=fields.CASCADE)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "agenda_follows"
        unique_together = (("agenda", "user"),)
