from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.accounts import verification
from schema.errors import UserError, run_domain


@strawberry.type
class RequestEmailVerificationPayload:
    ok: bool = False
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.mutation(description="Mail the verification link again to the logged-in user (at most once a minute).")
async def request_email_verification(info: Info) -> RequestEmailVerificationPayload:
    _, errors = await run_domain(lambda: verification.request_email_verification(info.context.user))
    return RequestEmailVerificationPayload(ok=not errors, errors=errors)
