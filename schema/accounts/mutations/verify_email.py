from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.accounts import verification
from schema.accounts.types import User
from schema.errors import UserError, run_domain


@strawberry.type
class VerifyEmailPayload:
    user: User | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.mutation(description="Confirm an e-mail address with the token from the link mailed to it "
                                 "(single-use, valid 7 days; INVALID_TOKEN otherwise).")
async def verify_email(info: Info, token: str) -> VerifyEmailPayload:
    user, errors = await run_domain(lambda: verification.verify_email(token, secret=info.context.settings.secret))
    return VerifyEmailPayload(errors=errors) if errors else VerifyEmailPayload(user=User.from_model(user))
