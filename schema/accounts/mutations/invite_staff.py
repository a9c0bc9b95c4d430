from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.accounts import invitation
from schema.accounts.admin_types import InviteStaffInput, InviteStaffPayload
from schema.accounts.types import User
from schema.errors import run_domain


@strawberry.mutation(description="Admins: make a staff account for an e-mail address (or give a citizen's account "
                                 "the role) and mail a one-time link to choose a password. Recorded in the audit log.")
async def invite_staff(info: Info, input: InviteStaffInput) -> InviteStaffPayload:
    viewer = await info.context.viewer()
    settings = info.context.settings
    result, errors = await run_domain(lambda: invitation.invite_staff(
        viewer, email=input.email, role=input.role, department_codes=input.department_codes,
        secret=settings.secret, base_url=settings.base_url))
    if errors:
        return InviteStaffPayload(errors=errors)
    return InviteStaffPayload(user=User.from_model(result.user), link=result.link,
                              reused_account=result.reused_account)
