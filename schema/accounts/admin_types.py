"""The admins' view of users: a page of them, and the inputs and payloads of changing one."""

from __future__ import annotations

import strawberry

from schema.accounts.types import User
from schema.agendas.types import PageInfo
from schema.errors import UserError


@strawberry.type
class UserEdge:
    node: User
    cursor: str


@strawberry.type
class UserConnection:
    edges: list[UserEdge]
    page_info: PageInfo

    @classmethod
    def from_page(cls, page, *, had_cursor: bool) -> "UserConnection":
        return cls(edges=[UserEdge(node=User.from_model(u), cursor=c) for u, c in zip(page.items, page.cursors)],
                   page_info=PageInfo(has_next_page=page.has_next, has_previous_page=had_cursor,
                                      start_cursor=page.cursors[0] if page.cursors else None,
                                      end_cursor=page.cursors[-1] if page.cursors else None))


@strawberry.input
class UpdateUserInput:
    id: strawberry.ID
    role: str | None = strawberry.field(default=None, description="citizen, staff, officer, facilitator, researcher "
                                                                  "or admin (an unknown role is a UserError on role).")
    department_codes: list[str] | None = strawberry.field(
        default=None, description="The departments the user belongs to, replacing the current ones (null: unchanged).")
    is_active: bool | None = strawberry.field(
        default=None, description="false deactivates (signs the user out everywhere at once); true reactivates.")


@strawberry.type
class UpdateUserPayload:
    user: User | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class InviteStaffInput:
    email: str
    role: str = strawberry.field(description="A staff role: staff, officer, facilitator, researcher or admin.")
    department_codes: list[str] | None = None


@strawberry.type
class InviteStaffPayload:
    user: User | None = None
    link: str | None = strawberry.field(default=None, description="A one-time link to choose a password (7 days), "
                                                                   "for the admin to hand over; the same kind is mailed.")
    reused_account: bool = strawberry.field(default=False, description="The address had a citizen's account, which "
                                                                       "now has the role.")
    errors: list[UserError] = strawberry.field(default_factory=list)
