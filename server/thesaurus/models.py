"""Admins' additions to the shipped thesaurus: one row per added term. The shipped concepts live in
``concepts.json``; a row either extends one of them or (with a new ``concept_id``) starts a concept."""

from tortoise import fields
from tortoise.models import Model


class ThesaurusTerm(Model):
    id = fields.IntField(primary_key=True)
    concept_id = fields.CharField(max_length=60, db_index=True)
    lang = fields.CharField(max_length=2)  # ko | en | zh
    term = fields.CharField(max_length=60)
    # The normalised form: a term belongs to one concept, so it is unique.
    key = fields.CharField(max_length=120, unique=True)
    created_by = fields.ForeignKeyField("agenda.User", null=True, on_delete=fields.SET_NULL, related_name=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "thesaurus_term"
