from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('agenda', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Agenda',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('title', fields.CharField(max_length=200)),
                ('body', fields.TextField(unique=False)),
                ('field', fields.CharField(db_index=True, max_length=40)),
                ('channel', fields.CharField(db_index=True, max_length=32)),
                ('status', fields.CharField(db_index=True, max_length=16)),
                ('visibility', fields.CharField(default='PUBLIC', db_index=True, max_length=16)),
                ('district', fields.CharField(null=True, db_index=True, max_length=32)),
                ('proposer', fields.ForeignKeyField('agenda.User', source_field='proposer_id', db_constraint=True, to_field='id', related_name='agendas', on_delete=OnDelete.RESTRICT)),
                ('idempotency_key', fields.CharField(null=True, max_length=100)),
                ('related_department_codes', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('work_plan_item', fields.ForeignKeyField('agenda.WorkPlanItem', source_field='work_plan_item_id', null=True, db_constraint=True, to_field='id', related_name='agendas', on_delete=OnDelete.SET_NULL)),
                ('owner_kind', fields.CharField(null=True, db_index=True, max_length=24)),
                ('owner_department', fields.ForeignKeyField('agenda.Department', source_field='owner_department_id', null=True, db_constraint=True, to_field='id', related_name='owned_agendas', on_delete=OnDelete.RESTRICT)),
                ('routing_reason', fields.CharField(null=True, max_length=24)),
                ('routing_candidates', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('routing_matched_terms', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('routing_explanation', fields.TextField(default='', unique=False)),
                ('status_reason', fields.TextField(null=True, unique=False)),
                ('merged_into', fields.ForeignKeyField('agenda.Agenda', source_field='merged_into_id', null=True, db_constraint=True, to_field='id', related_name='merged_from', on_delete=OnDelete.SET_NULL)),
                ('support_count', fields.IntField(default=0, db_index=True)),
                ('version', fields.IntField(default=1)),
                ('created_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('status_changed_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'agendas', 'app': 'agenda', 'unique_together': (('proposer', 'idempotency_key'),), 'indexes': [Index(fields=['owner_kind', 'owner_department_id', 'status']), Index(fields=['status', 'support_count'])], 'pk_attr': 'id', 'table_description': 'A social-innovation agenda. ``version`` increases with every change: writers name the'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AgendaEvent',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agenda', fields.ForeignKeyField('agenda.Agenda', source_field='agenda_id', db_constraint=True, to_field='id', related_name='events', on_delete=OnDelete.CASCADE)),
                ('actor', fields.ForeignKeyField('agenda.User', source_field='actor_id', null=True, db_constraint=True, to_field='id', related_name='agenda_events', on_delete=OnDelete.SET_NULL)),
                ('kind', fields.CharField(max_length=24)),
                ('from_status', fields.CharField(null=True, max_length=16)),
                ('to_status', fields.CharField(null=True, max_length=16)),
                ('reason', fields.TextField(null=True, unique=False)),
                ('data', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'agenda_events', 'app': 'agenda', 'indexes': [Index(fields=['agenda_id', 'id'])], 'pk_attr': 'id', 'table_description': "One line of an agenda's history: who did what, when, from which status to which, and why."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Follow',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agenda', fields.ForeignKeyField('agenda.Agenda', source_field='agenda_id', db_constraint=True, to_field='id', related_name='follows', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('agenda.User', source_field='user_id', db_constraint=True, to_field='id', related_name='follows', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'agenda_follows', 'app': 'agenda', 'unique_together': (('agenda', 'user'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Support',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agenda', fields.ForeignKeyField('agenda.Agenda', source_field='agenda_id', db_constraint=True, to_field='id', related_name='supports', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('agenda.User', source_field='user_id', db_constraint=True, to_field='id', related_name='supports', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'agenda_supports', 'app': 'agenda', 'unique_together': (('agenda', 'user'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
