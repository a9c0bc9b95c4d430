from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('agenda', '0003_search_fallback_trgm')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ExecutionPlan',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agenda', fields.OneToOneField('agenda.Agenda', source_field='agenda_id', db_constraint=True, to_field='id', related_name='plan', on_delete=OnDelete.CASCADE)),
                ('responsible_department', fields.ForeignKeyField('agenda.Department', source_field='responsible_department_id', null=True, db_constraint=True, to_field='id', related_name='plans', on_delete=OnDelete.RESTRICT)),
                ('summary', fields.TextField(default='', unique=False)),
                ('progress', fields.IntField(default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'execution_plans', 'app': 'agenda', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='InnovationCase',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agenda', fields.OneToOneField('agenda.Agenda', source_field='agenda_id', null=True, db_constraint=True, to_field='id', related_name='case', on_delete=OnDelete.SET_NULL)),
                ('origin', fields.CharField(max_length=16)),
                ('title', fields.CharField(max_length=200)),
                ('summary', fields.TextField(unique=False)),
                ('outcome', fields.TextField(default='', unique=False)),
                ('lessons', fields.TextField(default='', unique=False)),
                ('field', fields.CharField(db_index=True, max_length=40)),
                ('place', fields.CharField(default='', max_length=120)),
                ('created_by', fields.ForeignKeyField('agenda.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='cases', on_delete=OnDelete.SET_NULL)),
                ('published_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'innovation_cases', 'app': 'agenda', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Kpi',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('plan', fields.ForeignKeyField('agenda.ExecutionPlan', source_field='plan_id', db_constraint=True, to_field='id', related_name='kpis', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=200)),
                ('unit', fields.CharField(max_length=40)),
                ('baseline', fields.FloatField(default=0)),
                ('target', fields.FloatField()),
                ('actual', fields.FloatField(null=True)),
            ],
            options={'table': 'plan_kpis', 'app': 'agenda', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Milestone',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('plan', fields.ForeignKeyField('agenda.ExecutionPlan', source_field='plan_id', db_constraint=True, to_field='id', related_name='milestones', on_delete=OnDelete.CASCADE)),
                ('title', fields.CharField(max_length=200)),
                ('due_date', fields.DateField(db_index=True)),
                ('done', fields.BooleanField(default=False)),
                ('done_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'plan_milestones', 'app': 'agenda', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Review',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agenda', fields.ForeignKeyField('agenda.Agenda', source_field='agenda_id', db_constraint=True, to_field='id', related_name='reviews', on_delete=OnDelete.CASCADE)),
                ('reviewer', fields.ForeignKeyField('agenda.User', source_field='reviewer_id', db_constraint=True, to_field='id', related_name='reviews', on_delete=OnDelete.CASCADE)),
                ('scores', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('opinion', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'agenda_reviews', 'app': 'agenda', 'unique_together': (('agenda', 'reviewer'),), 'pk_attr': 'id', 'table_description': "A research-team expert's review: a score per stated criterion (1–5) and an opinion."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Workshop',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('year', fields.IntField()),
                ('quarter', fields.IntField()),
                ('title', fields.CharField(max_length=200)),
                ('held_on', fields.DateField()),
                ('place', fields.CharField(max_length=200)),
                ('facilitator', fields.ForeignKeyField('agenda.User', source_field='facilitator_id', db_constraint=True, to_field='id', related_name='facilitated_workshops', on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'workshops', 'app': 'agenda', 'indexes': [Index(fields=['year', 'quarter'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WorkshopItem',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('workshop', fields.ForeignKeyField('agenda.Workshop', source_field='workshop_id', db_constraint=True, to_field='id', related_name='items', on_delete=OnDelete.CASCADE)),
                ('purpose', fields.CharField(max_length=20)),
                ('agenda', fields.ForeignKeyField('agenda.Agenda', source_field='agenda_id', null=True, db_constraint=True, to_field='id', related_name='workshop_items', on_delete=OnDelete.SET_NULL)),
                ('notes', fields.TextField(default='', unique=False)),
                ('decision', fields.TextField(default='', unique=False)),
                ('snapshot_status', fields.CharField(null=True, max_length=16)),
                ('snapshot_progress', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'workshop_items', 'app': 'agenda', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ActionItem',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('item', fields.ForeignKeyField('agenda.WorkshopItem', source_field='item_id', db_constraint=True, to_field='id', related_name='actions', on_delete=OnDelete.CASCADE)),
                ('title', fields.CharField(max_length=200)),
                ('owner', fields.CharField(max_length=120)),
                ('due_date', fields.DateField(db_index=True)),
                ('done', fields.BooleanField(default=False)),
                ('done_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'workshop_actions', 'app': 'agenda', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WorkshopParticipant',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('workshop', fields.ForeignKeyField('agenda.Workshop', source_field='workshop_id', db_constraint=True, to_field='id', related_name='participants', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=80)),
                ('affiliation', fields.CharField(max_length=200)),
                ('affiliation_type', fields.CharField(max_length=16)),
            ],
            options={'table': 'workshop_participants', 'app': 'agenda', 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
