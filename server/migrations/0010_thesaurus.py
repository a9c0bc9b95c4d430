from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('agenda', '0009_login_throttle_description')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ThesaurusTerm',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('concept_id', fields.CharField(db_index=True, max_length=60)),
                ('lang', fields.CharField(max_length=2)),
                ('term', fields.CharField(max_length=60)),
                ('key', fields.CharField(unique=True, max_length=120)),
                ('created_by', fields.ForeignKeyField('agenda.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'thesaurus_term', 'app': 'agenda', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Agenda',
            name='routing_explanation_data',
            field=fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='Department',
            name='duty_statement',
            field=fields.TextField(default='', unique=False),
        ),
        ops.AlterModelOptions(
            name='LoginThrottle',
            options={'table': 'login_throttles', 'app': 'agenda', 'pk_attr': 'id', 'table_description': 'Failed logins counted per key (an account, an address, or an address at an account) in the'},
        ),
    ]
