from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('agenda', '0013_admin')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='Agenda',
            index=Index(fields=['visibility', 'status']),
        ),
    ]
