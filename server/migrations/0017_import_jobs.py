from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('agenda', '0016_comments')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ImportJob',
            fields=[
                ('id', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=24)),
                ('owner', fields.ForeignKeyField('agenda.User', source_field='owner_id', db_constraint=True, to_field='id', related_name='import_jobs', on_delete=OnDelete.CASCADE)),
                ('dry_run', fields.BooleanField()),
                ('state', fields.CharField(default='running', max_length=8)),
                ('phase', fields.CharField(default='reading', max_length=8)),
                ('done', fields.IntField(default=0)),
                ('total', fields.IntField(default=0)),
                ('report', fields.JSONField(null=True)),
                ('error', fields.JSONField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'import_jobs', 'app': 'agenda', 'indexes': [Index(fields=['state', 'updated_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
