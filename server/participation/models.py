"""Participation tables.

A comment's ``status`` is what moderation says about it (VISIBLE, HIDDEN by reports, REMOVED by a
moderator); its author's deletion is ``deleted_at``, kept apart so that a deleted comment's replies
stay in place and a moderator's decision is never mistaken for the author's. ``open_reports`` counts
the reports no moderator has answered yet (one per account: ``CommentReport`` is unique per comment
and reporter), kept in the transaction of each report, so hiding never counts rows."""

from tortoise import fields
from tortoise.models import Model


class Comment(Model):
    id = fields.BigIntField(primary_key=True)
    agenda = fields.ForeignKeyField("agenda.Agenda", related_name="comments", on_delete=fields.CASCADE)
    author = fields.ForeignKeyField("agenda.User", related_name="comments", on_delete=fields.RESTRICT)
    # One level of replies: a reply's parent is always a top-level comment.
    parent = fields.ForeignKeyField("agenda.Comment", related_name="replies", null=True, on_delete=fields.CASCADE)
    body = fields.TextField()
    status = fields.CharField(max_length=8, default="VISIBLE")  # server.participation.rules.Status
    open_reports = fields.IntField(default=0)
    official_answer = fields.BooleanField(default=False)
    official_marked_by = fields.ForeignKeyField("agenda.User", related_name="official_comment_marks", null=True,
                                                on_delete=fields.SET_NULL)
    official_marked_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    edited_at = fields.DatetimeField(null=True)
    deleted_at = fields.DatetimeField(null=True)
    moderated_at = fields.DatetimeField(null=True)

    class Meta:
        table = "comments"
        indexes = (("agenda_id", "parent_id", "id"), ("author_id", "created_at"), ("open_reports", "id"),
                   ("status", "id"))


class CommentReport(Model):
    """One account's report of one comment. ``resolved_at``: a moderator decided on the comment after
    it; a resolved report no longer counts toward hiding."""

    id = fields.BigIntField(primary_key=True)
    comment = fields.ForeignKeyField("agenda.Comment", related_name="reports", on_delete=fields.CASCADE)
    reporter = fields.ForeignKeyField("agenda.User", related_name="comment_reports", on_delete=fields.CASCADE)
    reason = fields.CharField(max_length=16)  # server.participation.rules.ReportReason
    note = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    resolved_at = fields.DatetimeField(null=True)

    class Meta:
        table = "comment_reports"
        unique_together = (("comment", "reporter"),)


class InternalNote(Model):
    """A staff-only note on an agenda. Its own table, read by its own resolver: nothing that builds a
    public answer, an export or a search document reads it."""

    id = fields.BigIntField(primary_key=True)
    agenda = fields.ForeignKeyField("agenda.Agenda", related_name="internal_notes", on_delete=fields.CASCADE)
    author = fields.ForeignKeyField("agenda.User", related_name="internal_notes", on_delete=fields.RESTRICT)
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "internal_notes"
        indexes = (("agenda_id", "id"),)
