import strawberry

from schema.participation.mutations.add_comment import add_comment
from schema.participation.mutations.add_internal_note import add_internal_note
from schema.participation.mutations.delete_comment import delete_comment
from schema.participation.mutations.edit_comment import edit_comment
from schema.participation.mutations.mark_official_answer import mark_official_answer
from schema.participation.mutations.moderate_comment import moderate_comment
from schema.participation.mutations.report_comment import report_comment


@strawberry.type
class ParticipationMutations:
    add_comment = add_comment
    edit_comment = edit_comment
    delete_comment = delete_comment
    report_comment = report_comment
    mark_official_answer = mark_official_answer
    moderate_comment = moderate_comment
    add_internal_note = add_internal_note
