"""Plan history: a revision (a snapshot of the whole plan) per save. Existing plans get their current
state as their first revision, dated when the plan was last saved (``updated_at``): that is the
moment they have said it since, and nothing older was kept to say more.

Numbered 0008: 0007 is another change's; when both are present this one follows it."""

from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index



async def first_revisions(apps, schema_editor):
    client = schema_editor.client
    pg = client.capabilities.dialect == "postgres"
    plans = await client.execute_query_dict(
        "SELECT p.id, p.agenda_id, p.summary, p.responsible_department_id, p.progress, p.updated_at FROM execution_plans p "
        "WHERE NOT EXISTS (SELECT 1 FROM plan_revisions r WHERE r.plan_id = p.id) ORDER BY p.id")
    if not plans:
        return
    milestones, kpis = {}, {}
    for m in await client.execute_query_dict("SELECT plan_id, title, due_date, done FROM plan_milestones ORDER BY due_date, id"):
        due = m["due_date"]
        milestones.setdefault(m["plan_id"], []).append(
            {"title": m["title"], "due_date": due if isinstance(due, str) else due.isoformat(), "done": bool(m["done"])})
    for k in await client.execute_query_dict("SELECT plan_id, name, unit, baseline, target, actual FROM plan_kpis ORDER BY id"):
        kpis.setdefault(k["plan_id"], []).append(
            {"name": k["name"], "unit": k["unit"], "baseline": float(k["baseline"]), "target": float(k["target"]),
             "actual": None if k["actual"] is None else float(k["actual"])})
    insert = ("INSERT INTO plan_revisions (plan_id, saved_at, saved_by_id, snapshot) VALUES ($1, $2, NULL, $3::jsonb)"
              if pg else "INSERT INTO plan_revisions (plan_id, saved_at, saved_by_id, snapshot) VALUES (?, ?, NULL, ?)")
    for p in plans:
        snap = {"agenda_id": p["agenda_id"], "summary": p["summary"] or "",
                "responsible_department_id": p["responsible_department_id"], "progress": int(p["progress"] or 0),
                "milestones": milestones.get(p["id"], []), "kpis": kpis.get(p["id"], [])}
        await client.execute_query(insert, [p["id"], p["updated_at"], dumps(snap, ensure_ascii=False, separators=(",", ":"))])


async def nothing(apps, schema_editor):
    return None


class Migration(migrations.Migration):
    dependencies = [('agenda', '0010_thesaurus')]

    initial = False

    operations = [
        ops.CreateModel(
            name='PlanRevision',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('plan', fields.ForeignKeyField('agenda.ExecutionPlan', source_field='plan_id', db_constraint=True, to_field='id', related_name='revisions', on_delete=OnDelete.CASCADE)),
                ('saved_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('saved_by', fields.ForeignKeyField('agenda.User', source_field='saved_by_id', null=True, db_constraint=True, to_field='id', related_name='plan_revisions', on_delete=OnDelete.SET_NULL)),
                ('snapshot', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'plan_revisions', 'app': 'agenda', 'indexes': [Index(fields=['plan_id', 'saved_at'])], 'pk_attr': 'id', 'table_description': 'What a plan said after one save: its summary, responsible department, milestones and KPIs, as'},
            bases=['Model'],
        ),
        ops.RunPython(first_revisions, nothing),
    ]
