from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from server.accounts import service, tokens
from schema.accounts.session_cookie import set_session_cookies
from schema.accounts.types import User
from schema.errors import UserError, run_domain


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
    settings = info.context.settings
    kind = tokens.SESSION if use_cookie else tokens.BEARER
    result, errors = await run_domain(
        lambda: service.login(email=email, password=password, settings=settings, kind=kind)
    )
    if errors:
        return LoginPayload(errors=errors)
    user, issued = result
    if use_cookie:
        csrf = set_session_cookies(info.context, issued)
        return LoginPayload(user=User.from_model(user), csrf_token=csrf)
    return LoginPayload(user=User.from_model(user), token=issued.value)
