"""Who may see and do what with an agenda — the one place that answers it.

A ``Viewer`` is the caller with their department ids resolved once per request; every check is a
pure function of a viewer and an agenda, and ``visible_q`` is the same rule as a database filter,
so lists and single reads can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tortoise.expressions import Q

from server.accountability.policy import current as current_accountability
from server.accounts.models import User
from server.accounts.roles import STAFF_ROLES, Role
from server.agendas.enums import AgendaStatus, Channel, Visibility
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.lifecycle import Actor
from server.agendas.models import Agenda
from server.agendas.routing import OwnerKind
from server.errors import DomainError


@dataclass(frozen=True)
class Viewer:
    user: User | None
    department_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def role(self) -> Role | None:
        return Role(self.user.role) if self.user is not None else None

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


ANONYMOUS = Viewer(user=None)

SYSTEM_ADMIN_EMAIL = "system@localhost"


def system_admin() -> Viewer:
    """An admin viewer without a user row, for the demo seeder and the operator's CLI (which act for
    the installation, not for a person). Its user is never saved; nothing it does records an actor
    id. Only for catalogue management (departments, work plans): agenda actions need real people."""
    return Viewer(user=User(email=SYSTEM_ADMIN_EMAIL, display_name="system", role=Role.ADMIN, password_hash="!"))


async def viewer_for(user: User | None) -> Viewer:
    if user is None:
        return ANONYMOUS
    rows = await user.departments.all().values_list("id", flat=True) if Role(user.role) in STAFF_ROLES else []
    return Viewer(user=user, department_ids=frozenset(rows))


# ---------------------------------------------------------------- visibility

# Statuses a member of the public may see: anything that has been routed.
PUBLIC_STATUSES = frozenset(s for s in AgendaStatus if s != AgendaStatus.SUBMITTED)


# the columns ``can_view`` reads: a row read column by column must hold them to be checked
VIEW_COLUMNS = ("visibility", "status", "proposer_id")


def can_view(viewer: Viewer, agenda: Agenda) -> bool:
    if viewer.is_staff:
        return True
    if viewer.user is not None and agenda.proposer_id == viewer.user.id:
        return True
    return agenda.visibility == Visibility.PUBLIC.value and AgendaStatus(agenda.status) in PUBLIC_STATUSES


def visible_q(viewer: Viewer) -> Q | None:
    """The database form of ``can_view`` (None: no restriction)."""
    if viewer.is_staff:
        return None
    public = Q(visibility=Visibility.PUBLIC.value, status__in=[s.value for s in PUBLIC_STATUSES])
    if viewer.user is None:
        return public
    return Q(public, Q(proposer_id=viewer.user.id), join_type="OR")


# ---------------------------------------------------------------- acting on an agenda


def owns(viewer: Viewer, agenda: Agenda) -> bool:
    """The owner triages: its department's staff, officers for officer-owned agendas, admins."""
    if viewer.user is None:
        return False
    if viewer.is_admin:
        return True
    if agenda.owner_kind == OwnerKind.INNOVATION_OFFICER.value:
        return viewer.role == Role.OFFICER
    if agenda.owner_kind == OwnerKind.DEPARTMENT.value:
        return viewer.role in (Role.STAFF, Role.OFFICER) and agenda.owner_department_id in viewer.department_ids
    return False


def actor_roles(viewer: Viewer, agenda: Agenda) -> set[Actor]:
    roles: set[Actor] = set()
    if owns(viewer, agenda):
        roles.add(Actor.OWNER)
    if viewer.user is not None and agenda.proposer_id == viewer.user.id:
        roles.add(Actor.PROPOSER)
    return roles


def can_reroute(viewer: Viewer, agenda: Agenda) -> bool:
    """The officer may reroute any agenda; staff may hand over what they own."""
    return viewer.role in (Role.OFFICER, Role.ADMIN) or owns(viewer, agenda)


def may_use_channel(viewer: Viewer, channel: Channel) -> bool:
    """Citizens can only use CITIZEN_PROPOSAL; the other channels need a staff role."""
    return channel == Channel.CITIZEN_PROPOSAL or viewer.is_staff


def may_choose_visibility(viewer: Viewer, visibility: Visibility) -> bool:
    return visibility == Visibility.PUBLIC or viewer.is_staff


def may_manage_catalogue(viewer: Viewer) -> bool:
    return viewer.is_admin


def may_read_queue(viewer: Viewer, department_id: int | None) -> bool:
    """The officer's queue (department None) is the officers'; a department's is its staff's — and
    the officers', who may reroute any agenda and so must be able to see what waits where."""
    if viewer.is_admin or viewer.role == Role.OFFICER:
        return True
    if department_id is None:
        return False
    return viewer.role == Role.STAFF and department_id in viewer.department_ids


# ---------------------------------------------------------------- verified accounts


def require_verified_email(viewer: Viewer) -> None:
    """Proposing and supporting need an address proven by its link (``AGENDA_REQUIRE_VERIFIED_EMAIL``,
    on by default), so that one person is one voice. Accounts made by staff are verified."""
    if current_accountability().require_verified_email and viewer.user is not None and viewer.user.email_verified_at is None:
        raise DomainError(C.EMAIL_NOT_VERIFIED, "Confirm your e-mail address first: follow the link we mailed "
                                                "you, or ask for a new one.")


def may_read_every_queue(viewer: Viewer) -> bool:
    """Every owner's inbox at once — above all the overdue agendas of every department — is the
    officer's view (escalations go to the officer) and the admins'."""
    return viewer.is_admin or viewer.role == Role.OFFICER
