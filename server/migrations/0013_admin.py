from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.migrations.constraints import UniqueConstraint

class Migration(migrations.Migration):
    dependencies = [('agenda', '0012_audit')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Agenda',
            name='external_id',
            field=fields.CharField(null=True, max_length=100),
        ),
        ops.AddField(
            model_name='Agenda',
            name='import_source',
            field=fields.CharField(null=True, max_length=40),
        ),
        ops.AddField(
            model_name='Agenda',
            name='imported_support_count',
            field=fields.IntField(default=0, db_default=0),  # existing rows get 0 (SQLite refuses NOT NULL without it)
        ),
        ops.AddConstraint(
            model_name='Agenda',
            constraint=UniqueConstraint(fields=('import_source', 'external_id'), name=None),
        ),
        ops.AddField(
            model_name='WorkPlanItem',
            name='retired_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
