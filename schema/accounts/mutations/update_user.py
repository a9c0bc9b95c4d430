from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.accounts import administration
from schema.accounts.admin_types import UpdateUserInput, UpdateUserPayload
from schema.accounts.types import User
from schema.errors import payload


@strawberry.mutation(description="Admins: change a user's role and departments, deactivate or reactivate them. "
                                 "Recorded in the audit log.")
async def update_user(info: Info, input: UpdateUserInput) -> UpdateUserPayload:
    viewer = await info.context.viewer()
    return await payload(UpdateUserPayload, lambda: administration.update_user(
        viewer, input.id, role=input.role, department_codes=input.department_codes, is_active=input.is_active),
        user=User.from_model)
