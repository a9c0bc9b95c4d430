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

    class Meta:
        table = "work_plan_items"
