from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from server.accounts.roles import Role
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='Department',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=40)),
                ('name_ko', fields.CharField(max_length=120)),
                ('name_en', fields.CharField(max_length=160)),
                ('policy_fields', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('keywords', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'departments', 'app': 'agenda', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OutboxEntry',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('topic', fields.CharField(max_length=32)),
                ('entity_id', fields.CharField(max_length=64)),
                ('operation', fields.CharField(max_length=16)),
                ('request_id', fields.CharField(null=True, max_length=64)),
                ('attempts', fields.IntField(default=0)),
                ('available_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.TextField(null=True, unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'outbox', 'app': 'agenda', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='User',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('email', fields.CharField(unique=True, max_length=254)),
                ('password_hash', fields.CharField(max_length=255)),
                ('display_name', fields.CharField(max_length=80)),
                ('role', fields.CharEnumField(default=Role.CITIZEN, db_index=True, description='CITIZEN: citizen\nSTAFF: staff\nOFFICER: officer\nFACILITATOR: facilitator\nRESEARCHER: researcher\nADMIN: admin', enum_type=Role, max_length=16)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('departments', fields.ManyToManyField('agenda.Department', unique=True, db_constraint=True, through='user_department', forward_key='department_id', backward_key='users_id', related_name='members', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'users', 'app': 'agenda', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AuthToken',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('agenda.User', source_field='user_id', db_constraint=True, to_field='id', related_name='tokens', on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('kind', fields.CharField(max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'auth_tokens', 'app': 'agenda', 'pk_attr': 'id', 'table_description': 'An opaque token, stored only as an HMAC so a database leak yields no usable credential.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WorkPlanItem',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('department', fields.ForeignKeyField('agenda.Department', source_field='department_id', db_constraint=True, to_field='id', related_name='work_plan_items', on_delete=OnDelete.RESTRICT)),
                ('title', fields.CharField(max_length=200)),
                ('keywords', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('year', fields.IntField(db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'work_plan_items', 'app': 'agenda', 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
