"""Execution tables. A plan belongs to one accepted agenda; a workshop's items point at agendas and
keep a snapshot of where each stood that day, so later quarters can say what moved."""

from tortoise import fields
from tortoise.models import Model


class ExecutionPlan(Model):
    id = fields.IntField(primary_key=True)
    agenda = fields.OneToOneField("agenda.Agenda", related_name="plan", on_delete=fields.CASCADE)
    responsible_department = fields.ForeignKeyField(
        "agenda.Department", related_name="plans", null=True, on_delete=fields.RESTRICT)
    summary = fields.TextField(default="")
    progress = fields.IntField(default=0)  # derived (server/workshops/progress.py), stored for lists and reports
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "execution_plans"


class Milestone(Model):
    id = fields.IntField(primary_key=True)
    plan = fields.ForeignKeyField("agenda.ExecutionPlan", related_name="milestones", on_delete=fields.CASCADE)
    title = fields.CharField(max_length=200)
    due_date = fields.DateField(db_index=True)
    done = fields.BooleanField(default=False)
    done_at = fields.DatetimeField(null=True)

    class Meta:
        table = "plan_milestones"


class Kpi(Model):
    id = fields.IntField(primary_key=True)
    plan = fields.ForeignKeyField("agenda.ExecutionPlan", related_name="kpis", on_delete=fields.CASCADE)
    name = fields.CharField(max_length=200)
    unit = fields.CharField(max_length=40)
    baseline = fields.FloatField(default=0)
    target = fields.FloatField()
    actual = fields.FloatField(null=True)

    class Meta:
        table = "plan_kpis"


class PlanRevision(Model):
    """What a plan said after one save: its summary, responsible department, milestones and KPIs, as
    one snapshot. A plan is edited as one form and milestones have no identity across saves, so the
    unit of history is the save; reports read the last revision saved before the moment they describe."""

    id = fields.IntField(primary_key=True)
    plan = fields.ForeignKeyField("agenda.ExecutionPlan", related_name="revisions", on_delete=fields.CASCADE)
    saved_at = fields.DatetimeField()
    saved_by = fields.ForeignKeyField("agenda.User", related_name="plan_revisions", null=True,
                                      on_delete=fields.SET_NULL)
    snapshot = fields.JSONField(default=dict)

    class Meta:
        table = "plan_revisions"
        indexes = (("plan_id", "saved_at"),)


class Workshop(Model):
    id = fields.IntField(primary_key=True)
    year = fields.IntField()
    quarter = fields.IntField()
    title = fields.CharField(max_length=200)
    held_on = fields.DateField()
    place = fields.CharField(max_length=200)
    facilitator = fields.ForeignKeyField("agenda.User", related_name="facilitated_workshops", on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "workshops"
        indexes = (("year", "quarter"),)


class WorkshopParticipant(Model):
    id = fields.IntField(primary_key=True)
    workshop = fields.ForeignKeyField("agenda.Workshop", related_name="participants", on_delete=fields.CASCADE)
    name = fields.CharField(max_length=80)
    affiliation = fields.CharField(max_length=200)
    affiliation_type = fields.CharField(max_length=16)

    class Meta:
        table = "workshop_participants"


class WorkshopItem(Model):
    id = fields.IntField(primary_key=True)
    workshop = fields.ForeignKeyField("agenda.Workshop", related_name="items", on_delete=fields.CASCADE)
    purpose = fields.CharField(max_length=20)
    agenda = fields.ForeignKeyField("agenda.Agenda", related_name="workshop_items", null=True, on_delete=fields.SET_NULL)
    notes = fields.TextField(default="")
    decision = fields.TextField(default="")
    snapshot_status = fields.CharField(max_length=16, null=True)
    snapshot_progress = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "workshop_items"


class ActionItem(Model):
    id = fields.IntField(primary_key=True)
    item = fields.ForeignKeyField("agenda.WorkshopItem", related_name="actions", on_delete=fields.CASCADE)
    title = fields.CharField(max_length=200)
    owner = fields.CharField(max_length=120)
    due_date = fields.DateField(db_index=True)
    done = fields.BooleanField(default=False)
    done_at = fields.DatetimeField(null=True)

    class Meta:
        table = "workshop_actions"


class Review(Model):
    """A research-team expert's review: a score per stated criterion (1–5) and an opinion."""

    id = fields.IntField(primary_key=True)
    agenda = fields.ForeignKeyField("agenda.Agenda", related_name="reviews", on_delete=fields.CASCADE)
    reviewer = fields.ForeignKeyField("agenda.User", related_name="reviews", on_delete=fields.CASCADE)
    scores = fields.JSONField(default=dict)
    opinion = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "agenda_reviews"
        unique_together = (("agenda", "reviewer"),)


class InnovationCase(Model):
    id = fields.IntField(primary_key=True)
    agenda = fields.OneToOneField("agenda.Agenda", related_name="case", null=True, on_delete=fields.SET_NULL)
    origin = fields.CharField(max_length=16)
    title = fields.CharField(max_length=200)
    summary = fields.TextField()
    outcome = fields.TextField(default="")
    lessons = fields.TextField(default="")
    field = fields.CharField(max_length=40, db_index=True)
    place = fields.CharField(max_length=120, default="")
    created_by = fields.ForeignKeyField("agenda.User", related_name="cases", null=True, on_delete=fields.SET_NULL)
    published_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "innovation_cases"
