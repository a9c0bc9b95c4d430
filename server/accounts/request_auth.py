"""Who is calling, from an HTTP request — shared by the GraphQL endpoint and plain routes (CSV
downloads). A bearer token in ``Authorization``, or the browser session cookie; a cookie counts for
a state-changing request only with the matching ``X-CSRF-Token`` header."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from server.accounts import tokens
from server.accounts.models import AuthToken, User

SESSION_COOKIE = "agenda_session"
CSRF_COOKIE = "agenda_csrf"
CSRF_HEADER = "x-csrf-token"


class AuthFailure(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Caller:
    user: User | None = None
    token: AuthToken | None = None
    via_cookie: bool = False


async def authenticate(request: Request, secret: str, *, require_csrf: bool = True) -> Caller:
    auth = request.headers.get("authorization", "")
    if auth:
        scheme, _, value = auth.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise AuthFailure(401, "Authorization header must be 'Bearer <token>'.")
        found = await tokens.authenticate(value.strip(), secret=secret, kind=tokens.BEARER)
        if found is None:
            # A client that sends a token expects to act as someone: say so instead of silently
            # answering as an anonymous caller.
            raise AuthFailure(401, "The token is invalid, expired or revoked; log in again.")
        return Caller(user=found[0], token=found[1])
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        found = await tokens.authenticate(cookie, secret=secret, kind=tokens.SESSION)
        if found is not None:
            if require_csrf and not tokens.csrf_matches(secret, cookie, request.headers.get(CSRF_HEADER)):
                raise AuthFailure(403, "Missing or wrong X-CSRF-Token header for a cookie session.")
            return Caller(user=found[0], token=found[1], via_cookie=True)
    return Caller()
