from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('agenda', '0015_attachments')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Comment',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agenda', fields.ForeignKeyField('agenda.Agenda', source_field='agenda_id', db_constraint=True, to_field='id', related_name='comments', on_delete=OnDelete.CASCADE)),
                ('author', fields.ForeignKeyField('agenda.User', source_field='author_id', db_constraint=True, to_field='id', related_name='comments', on_delete=OnDelete.RESTRICT)),
                ('parent', fields.ForeignKeyField('agenda.Comment', source_field='parent_id', null=True, db_constraint=True, to_field='id', related_name='replies', on_delete=OnDelete.CASCADE)),
                ('body', fields.TextField(unique=False)),
                ('status', fields.CharField(default='VISIBLE', max_length=8)),
                ('open_reports', fields.IntField(default=0)),
                ('official_answer', fields.BooleanField(default=False)),
                ('official_marked_by', fields.ForeignKeyField('agenda.User', source_field='official_marked_by_id', null=True, db_constraint=True, to_field='id', related_name='official_comment_marks', on_delete=OnDelete.SET_NULL)),
                ('official_marked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('edited_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('deleted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('moderated_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'comments', 'app': 'agenda', 'indexes': [Index(fields=['agenda_id', 'parent_id', 'id']), Index(fields=['author_id', 'created_at']), Index(fields=['open_reports', 'id']), Index(fields=['status', 'id'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CommentReport',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('comment', fields.ForeignKeyField('agenda.Comment', source_field='comment_id', db_constraint=True, to_field='id', related_name='reports', on_delete=OnDelete.CASCADE)),
                ('reporter', fields.ForeignKeyField('agenda.User', source_field='reporter_id', db_constraint=True, to_field='id', related_name='comment_reports', on_delete=OnDelete.CASCADE)),
                ('reason', fields.CharField(max_length=16)),
                ('note', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('resolved_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'comment_reports', 'app': 'agenda', 'unique_together': (('comment', 'reporter'),), 'pk_attr': 'id', 'table_description': "One account's report of one comment. ``resolved_at``: a moderator decided on the comment after"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='InternalNote',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agenda', fields.ForeignKeyField('agenda.Agenda', source_field='agenda_id', db_constraint=True, to_field='id', related_name='internal_notes', on_delete=OnDelete.CASCADE)),
                ('author', fields.ForeignKeyField('agenda.User', source_field='author_id', db_constraint=True, to_field='id', related_name='internal_notes', on_delete=OnDelete.RESTRICT)),
                ('body', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'internal_notes', 'app': 'agenda', 'indexes': [Index(fields=['agenda_id', 'id'])], 'pk_attr': 'id', 'table_description': 'A staff-only note on an agenda. Its own table, read by its own resolver: nothing that builds a'},
            bases=['Model'],
        ),
    ]
