"""Attachments (server/attachments/): one table; the files themselves live under AGENDA_FILES_DIR.

Numbered 0014 by agreement (other branches add 0012 and 0013); it follows the latest migration of its
branch, and the lead re-chains the dependency when merging."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('agenda', '0014_listing_indexes')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Attachment',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agenda', fields.ForeignKeyField('agenda.Agenda', source_field='agenda_id', null=True, db_constraint=True, to_field='id', related_name='attachments', on_delete=OnDelete.CASCADE)),
                ('plan', fields.ForeignKeyField('agenda.ExecutionPlan', source_field='plan_id', null=True, db_constraint=True, to_field='id', related_name='attachments', on_delete=OnDelete.CASCADE)),
                ('uploader', fields.ForeignKeyField('agenda.User', source_field='uploader_id', null=True, db_constraint=True, to_field='id', related_name='attachments', on_delete=OnDelete.SET_NULL)),
                ('filename', fields.CharField(max_length=255)),
                ('content_type', fields.CharField(max_length=40)),
                ('size', fields.IntField()),
                ('sha256', fields.CharField(db_index=True, max_length=64)),
                ('thumbnail_sha256', fields.CharField(null=True, db_index=True, max_length=64)),
                ('width', fields.IntField(null=True)),
                ('height', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('attached_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'attachments', 'app': 'agenda', 'indexes': [Index(fields=['agenda_id', 'plan_id']), Index(fields=['uploader_id', 'created_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
