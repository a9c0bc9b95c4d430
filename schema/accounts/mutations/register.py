from __future__ import annotations

from datetime import timedelta

import strawberry
from strawberry.types import Info

from server.accounts import service, tokens
from server.i18n import current_language
from schema.accounts.types import User
from schema.errors import UserError, run_domain


@strawberry.input
class RegisterInput:
    email: str
    password: str
    display_name: str
    privacy_consent: bool | None = strawberry.field(
        default=None, description="The personal-data consent (개인정보 수집·이용 동의); registering needs true.")


@strawberry.type
class RegisterPayload:
    user: User | None = None
    token: str | None = strawberry.field(default=None, description="A bearer token; the new account is logged in.")
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.mutation(description="Create a citizen account (staff accounts are made by an admin). The address "
                                 "gets a verification link; proposing and supporting wait for it. Messages and "
                                 "e-mail are in the request's language (Accept-Language).")
async def register(info: Info, input: RegisterInput) -> RegisterPayload:
    settings = info.context.settings
    user, errors = await run_domain(
        lambda: service.create_user(email=input.email, password=input.password, display_name=input.display_name,
                                    email_verified=False, language=current_language.get(),
                                    privacy_consent=bool(input.privacy_consent))
    )
    if errors:
        return RegisterPayload(errors=errors)
    issued = await tokens.issue(
        user, secret=settings.secret, kind=tokens.BEARER, ttl=timedelta(hours=settings.bearer_token_ttl_hours)
    )
    return RegisterPayload(user=User.from_model(user), token=issued.value)
