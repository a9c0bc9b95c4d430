"""Support thresholds an agenda has crossed: one row per (agenda, action).

The unique pair is the claim that makes a crossing happen exactly once, whatever the number of
concurrent supports: the support that inserts the row records the history event and applies the
action; any other finds the row there. Withdrawn supports never delete it, so re-crossing a
threshold after a withdrawal does not fire again. A WORKSHOP crossing keeps the workshop item it
was placed on; while no workshop is scheduled the item is null, and the next workshop created
picks the agenda up (``server/accountability/thresholds.py``)."""

from tortoise import fields
from tortoise.models import Model


class SupportThreshold(Model):
    id = fields.IntField(primary_key=True)
    agenda = fields.ForeignKeyField("agenda.Agenda", related_name="thresholds", on_delete=fields.CASCADE)
    action = fields.CharField(max_length=16)  # ANSWER | WORKSHOP (settings.THRESHOLD_ACTIONS)
    threshold = fields.IntField()             # the count configured when it was crossed
    reached_at = fields.DatetimeField()
    workshop_item = fields.ForeignKeyField("agenda.WorkshopItem", related_name="thresholds", null=True,
                                           on_delete=fields.SET_NULL)

    class Meta:
        table = "agenda_support_thresholds"
        unique_together = (("agenda", "action"),)
        indexes = (("action", "workshop_item_id"),)
