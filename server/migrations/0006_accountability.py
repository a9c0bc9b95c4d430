"""Accountability: answer deadlines and escalation on agendas, notifications and their e-mail, e-mail
tokens, and the account fields for language, e-mail preference, verification and consent."""

from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index


async def accounts_before_verification(apps, schema_editor):
    """Accounts made before e-mail verification existed keep working: their addresses count as
    verified from when they were made (they were made by an admin, or registered under the old rules)."""
    await schema_editor.client.execute_script("UPDATE users SET email_verified_at = created_at WHERE email_verified_at IS NULL;")


async def nothing(apps, schema_editor):
    return None


class Migration(migrations.Migration):
    dependencies = [('agenda', '0005_login_throttles')]

    initial = False

    operations = [
        ops.CreateModel(
            name='EmailToken',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('agenda.User', source_field='user_id', db_constraint=True, to_field='id', related_name='email_tokens', on_delete=OnDelete.CASCADE)),
                ('purpose', fields.CharField(max_length=16)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'email_tokens', 'app': 'agenda', 'pk_attr': 'id', 'table_description': 'A single-use link sent by e-mail (verify the address, reset the password), stored only as an'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='MailDelivery',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('agenda.User', source_field='user_id', db_constraint=True, to_field='id', related_name='mail_deliveries', on_delete=OnDelete.CASCADE)),
                ('purpose', fields.CharField(max_length=16)),
                ('params', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('attempts', fields.IntField(default=0)),
                ('available_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
                ('sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.TextField(null=True, unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'mail_deliveries', 'app': 'agenda', 'indexes': [Index(fields=['sent_at', 'available_at'])], 'pk_attr': 'id', 'table_description': 'E-mail that is not a notification: an address verification, a password reset, a daily digest.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Notification',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('agenda.User', source_field='user_id', db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharField(max_length=32)),
                ('agenda', fields.ForeignKeyField('agenda.Agenda', source_field='agenda_id', null=True, db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('params', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('read_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('email_state', fields.CharField(null=True, max_length=8)),
                ('email_due_at', fields.DatetimeField(null=True, db_index=True, auto_now=False, auto_now_add=False)),
                ('email_attempts', fields.IntField(default=0)),
                ('emailed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('email_error', fields.TextField(null=True, unique=False)),
            ],
            options={'table': 'notifications', 'app': 'agenda', 'indexes': [Index(fields=['user_id', 'id']), Index(fields=['user_id', 'read_at']), Index(fields=['email_state', 'email_due_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Agenda',
            name='answer_days_left',
            field=fields.IntField(null=True),
        ),
        ops.AddField(
            model_name='Agenda',
            name='answer_due_at',
            field=fields.DatetimeField(null=True, db_index=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Agenda',
            name='decided_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Agenda',
            name='decided_on_time',
            field=fields.BooleanField(null=True),
        ),
        ops.AddField(
            model_name='Agenda',
            name='escalated_for',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Agenda',
            name='official_answer',
            field=fields.TextField(null=True, unique=False),
        ),
        ops.AddField(
            model_name='Agenda',
            name='official_answer_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Agenda',
            name='official_answer_by',
            field=fields.ForeignKeyField('agenda.User', source_field='official_answer_by_id', null=True, db_constraint=True, to_field='id', related_name='official_answers', on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='Agenda',
            name='official_answer_required',
            field=fields.BooleanField(default=False),
        ),
        ops.AddField(
            model_name='Agenda',
            name='overdue',
            field=fields.BooleanField(default=False, db_index=True),
        ),
        ops.AddField(
            model_name='Agenda',
            name='progress_due_at',
            field=fields.DatetimeField(null=True, db_index=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Agenda',
            name='progress_reminded_for',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Agenda',
            name='reminded_for',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Agenda',
            name='routed_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Agenda',
            name='thresholds_reached',
            field=fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='Agenda',
            name='verified_support_count',
            field=fields.IntField(default=0),
        ),
        ops.AddField(
            model_name='User',
            name='consent_version',
            field=fields.CharField(null=True, max_length=32),
        ),
        ops.AddField(
            model_name='User',
            name='consented_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='User',
            name='email_preference',
            field=fields.CharField(default='IMMEDIATE', max_length=16),
        ),
        ops.AddField(
            model_name='User',
            name='email_verified_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='User',
            name='language',
            field=fields.CharField(default='ko', max_length=8),
        ),
        ops.RunPython(accounts_before_verification, nothing),
    ]
