import strawberry

from schema.agendas.mutations.advance_agenda import advance_agenda
from schema.agendas.mutations.answer_info_request import answer_info_request
from schema.agendas.mutations.answer_officially import answer_officially
from schema.agendas.mutations.departments import create_department, create_work_plan_item, update_department
from schema.agendas.mutations.keyword_suggestions import accept_keyword_suggestion
from schema.agendas.mutations.propose_agenda import propose_agenda
from schema.agendas.mutations.route_agenda import route_agenda
from schema.agendas.mutations.support_agenda import follow_agenda, support_agenda, withdraw_support
from schema.agendas.mutations.triage_agenda import triage_agenda
from schema.agendas.mutations.work_plans import copy_work_plan, retire_work_plan_item, update_work_plan_item


@strawberry.type
class AgendaMutations:
    propose_agenda = propose_agenda
    answer_info_request = answer_info_request
    route_agenda = route_agenda
    triage_agenda = triage_agenda
    advance_agenda = advance_agenda
    answer_officially = answer_officially
    support_agenda = support_agenda
    withdraw_support = withdraw_support
    follow_agenda = follow_agenda
    create_department = create_department
    update_department = update_department
    create_work_plan_item = create_work_plan_item
    accept_keyword_suggestion = accept_keyword_suggestion
    update_work_plan_item = update_work_plan_item
    retire_work_plan_item = retire_work_plan_item
    copy_work_plan = copy_work_plan
