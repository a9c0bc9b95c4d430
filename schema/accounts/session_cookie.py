"""The browser session: the token in an HttpOnly cookie JavaScript cannot read, and the matching
CSRF token in a readable cookie the frontend echoes in ``X-CSRF-Token`` (checked in ``schema.view``)."""

from __future__ import annotations

from server.accounts import tokens
from server.accounts.request_auth import CSRF_COOKIE, SESSION_COOKIE


def set_session_cookies(ctx, issued: tokens.IssuedToken) -> str:
    settings = ctx.settings
    max_age = settings.session_ttl_hours * 3600
    csrf = tokens.csrf_token_for(settings.secret, issued.value)
    ctx.response.set_cookie(
        SESSION_COOKIE, issued.value, max_age=max_age, path="/", secure=settings.cookie_secure,
        httponly=True, samesite="strict",
    )
    ctx.response.set_cookie(
        CSRF_COOKIE, csrf, max_age=max_age, path="/", secure=settings.cookie_secure,
        httponly=False, samesite="strict",
    )
    return csrf


def clear_session_cookies(ctx) -> None:
    for name in (SESSION_COOKIE, CSRF_COOKIE):
        ctx.response.delete_cookie(name, path="/", secure=ctx.settings.cookie_secure, samesite="strict")
