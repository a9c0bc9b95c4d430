from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.accounts import tokens
from server.accounts.errors import AccountErrorCode
from schema.accounts.session_cookie import clear_session_cookies
from schema.errors import UserError


@strawberry.type
class LogoutPayload:
    ok: bool
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.mutation(description="Revoke the token or session this request used (or every one of the user's).")
async def logout(info: Info, everywhere: bool = False) -> LogoutPayload:
    ctx = info.context
    if ctx.user is None or ctx.token is None:
        return LogoutPayload(
            ok=False,
            errors=[UserError(field=None, code=AccountErrorCode.NOT_AUTHENTICATED.value, message="You are not logged in.")],
        )
    if everywhere:
        await tokens.revoke_all(ctx.user)
    else:
        await tokens.revoke(ctx.token)
    if ctx.via_cookie:
        clear_session_cookies(ctx)
    return LogoutPayload(ok=True)
