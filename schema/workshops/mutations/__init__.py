import strawberry

from schema.workshops.mutations.plans import save_execution_plan
from schema.workshops.mutations.research import publish_case, review_agenda
from schema.workshops.mutations.workshops import (
    add_action_item,
    add_workshop_item,
    add_workshop_participant,
    create_workshop,
    set_action_item_done,
)


@strawberry.type
class WorkshopMutations:
    save_execution_plan = save_execution_plan
    create_workshop = create_workshop
    add_workshop_participant = add_workshop_participant
    add_workshop_item = add_workshop_item
    add_action_item = add_action_item
    set_action_item_done = set_action_item_done
    review_agenda = review_agenda
    publish_case = publish_case
