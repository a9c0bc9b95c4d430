"""Who may do what with plans, workshops, reviews and cases: facilitators run workshops;
researchers review; a department updates only its own plans; everyone sees the plan progress of
public agendas."""

from __future__ import annotations

from server.accounts.roles import STAFF_ROLES, Role
from server.agendas.models import Agenda
from server.agendas.policy import Viewer, owns


def may_edit_plan(viewer: Viewer, agenda: Agenda, responsible_department_id: int | None) -> bool:
    if owns(viewer, agenda):
        return True
    return (viewer.role in (Role.STAFF, Role.OFFICER) and responsible_department_id is not None
            and responsible_department_id in viewer.department_ids)


def may_run_workshops(viewer: Viewer) -> bool:
    return viewer.role in (Role.FACILITATOR, Role.ADMIN)


def may_read_workshops(viewer: Viewer) -> bool:
    """Workshop notes and progress sheets are the city's working papers: staff roles read them."""
    return viewer.role in STAFF_ROLES


def may_review(viewer: Viewer) -> bool:
    return viewer.role in (Role.RESEARCHER, Role.ADMIN)


def may_read_reports(viewer: Viewer) -> bool:
    return viewer.role in STAFF_ROLES


def may_publish_cases(viewer: Viewer) -> bool:
    return viewer.role in (Role.STAFF, Role.OFFICER, Role.FACILITATOR, Role.RESEARCHER, Role.ADMIN)
