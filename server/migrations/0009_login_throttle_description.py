"""The login-throttle table's description, as the model states it (no data change): keeps makemigrations clean."""

from tortoise import migrations
from tortoise.migrations import operations as ops

class Migration(migrations.Migration):
    dependencies = [('agenda', '0008_support_thresholds')]

    initial = False

    operations = [
        ops.AlterModelOptions(
            name='LoginThrottle',
            options={'table': 'login_throttles', 'app': 'agenda', 'pk_attr': 'id', 'table_description': 'Failed logins counted per key (an account, an address, or an address at an account) in the'},
        ),
    ]
