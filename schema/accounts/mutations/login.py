from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from server.accounts import service, tokens
from server.accounts.throttle import TooManyAttempts
from server.errors import DomainError
from schema.accounts.session_cookie import set_session_cookies
from schema.accounts.types import User
from schema.errors import UserError, user_errors


@strawberry.type
class LoginPayload:
    user: User | None = None
    token: str | None = strawberry.field(
        default=None, description="Bearer token for the Authorization header; null when useCookie is true."
    )
    csrf_token: str | None = strawberry.field(
        default=None, description="With useCookie: send it back as the X-CSRF-Token header on every request."
    )
    errors: list[UserError] = strawberry.field(default_factory=list)
    retry_after_seconds: int | None = strawberry.field(
        default=None, description="With a TOO_MANY_ATTEMPTS error: wait this long before the next try."
    )


@strawberry.mutation(description="Log in with e-mail and password.")
async def login(
    info: Info,
    email: str,
    password: str,
    use_cookie: Annotated[
        bool,
        strawberry.argument(description="Browsers: keep the session in a Secure, HttpOnly, SameSite=Strict cookie."),
    ] = False,
) -> LoginPayload:
    ctx = info.context
    kind = tokens.SESSION if use_cookie else tokens.BEARER
    address = ctx.request.client.host if ctx.request.client else None
    try:
        user, issued = await service.login(email=email, password=password, settings=ctx.settings, kind=kind,
                                           address=address)
    except TooManyAttempts as exc:
        ctx.response.headers["Retry-After"] = str(exc.retry_after)
        return LoginPayload(errors=user_errors(exc), retry_after_seconds=exc.retry_after)
    except DomainError as exc:
        return LoginPayload(errors=user_errors(exc))
    if use_cookie:
        csrf = set_session_cookies(ctx, issued)
        return LoginPayload(user=User.from_model(user), csrf_token=csrf)
    return LoginPayload(user=User.from_model(user), token=issued.value)
