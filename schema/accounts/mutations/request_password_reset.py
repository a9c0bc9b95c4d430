from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.accounts import password_reset
from schema.errors import UserError


@strawberry.type
class RequestPasswordResetPayload:
    ok: bool = True
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.mutation(description="Mail a password-reset link if the address has an account. The answer is the "
                                 "same either way, so it tells nobody whether an address is registered.")
async def request_password_reset(info: Info, email: str) -> RequestPasswordResetPayload:
    await password_reset.request_password_reset(email)
    return RequestPasswordResetPayload(ok=True)
