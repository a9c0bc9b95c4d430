"""Support thresholds: one claimed row per (agenda, action), and supports that remember whether they
count (the supporter's address was verified)."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index


async def count_verified_supports(apps, schema_editor):
    """Supports given before this migration came from accounts whose addresses 0005 marked verified:
    they count, and each agenda's verified count starts from them."""
    await schema_editor.client.execute_script(
        "UPDATE agenda_supports SET verified = TRUE WHERE user_id IN "
        "(SELECT id FROM users WHERE email_verified_at IS NOT NULL);"
        "UPDATE agendas SET verified_support_count = (SELECT COUNT(*) FROM agenda_supports s "
        "WHERE s.agenda_id = agendas.id AND s.verified = TRUE);")


async def nothing(apps, schema_editor):
    return None


class Migration(migrations.Migration):
    dependencies = [('agenda', '0007_mail_failures')]

    initial = False

    operations = [
        ops.CreateModel(
            name='SupportThreshold',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agenda', fields.ForeignKeyField('agenda.Agenda', source_field='agenda_id', db_constraint=True, to_field='id', related_name='thresholds', on_delete=OnDelete.CASCADE)),
                ('action', fields.CharField(max_length=16)),
                ('threshold', fields.IntField()),
                ('reached_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('workshop_item', fields.ForeignKeyField('agenda.WorkshopItem', source_field='workshop_item_id', null=True, db_constraint=True, to_field='id', related_name='thresholds', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'agenda_support_thresholds', 'app': 'agenda', 'unique_together': (('agenda', 'action'),), 'indexes': [Index(fields=['action', 'workshop_item_id'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.AlterModelOptions(
            name='Support',
            options={'table': 'agenda_supports', 'app': 'agenda', 'unique_together': (('agenda', 'user'),), 'pk_attr': 'id', 'table_description': "``verified``: the supporter's e-mail address was verified when they supported. Only such"},
        ),
        ops.AddField(
            model_name='Support',
            name='verified',
            field=fields.BooleanField(default=False),
        ),
        ops.RunPython(count_verified_supports, nothing),
    ]
