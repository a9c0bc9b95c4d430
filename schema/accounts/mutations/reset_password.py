from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.accounts import password_reset
from schema.errors import UserError, run_domain


@strawberry.type
class ResetPasswordPayload:
    ok: bool = False
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.mutation(description="Set a new password with the token from the reset mail (single-use, valid one "
                                 "hour). Signs the account out everywhere; log in again with the new password.")
async def reset_password(info: Info, token: str, new_password: str) -> ResetPasswordPayload:
    _, errors = await run_domain(lambda: password_reset.reset_password(
        token, new_password, secret=info.context.settings.secret))
    return ResetPasswordPayload(ok=not errors, errors=errors)
