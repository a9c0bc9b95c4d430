"""The GraphQL HTTP endpoint. Authentication happens here, once per request, before any resolver:
a bearer token from ``Authorization``, or the session cookie — which counts only with a matching
``X-CSRF-Token`` header, so a cross-site form can never act with a citizen's session."""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response
from strawberry.asgi import GraphQL
from cross_web import HTTPException  # what strawberry.asgi catches and turns into a status code

from server.accounts import tokens
from server.settings import Settings
from schema.accounts.session_cookie import CSRF_HEADER, SESSION_COOKIE
from schema.context import Context


class GraphQLView(GraphQL):
    def __init__(self, schema, settings: Settings) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.settings = settings

    async def get_context(self, request: Request, response: Response) -> Context:
        await _refuse_nul_characters(request)
        ctx = Context(request=request, response=response, settings=self.settings)
        secret = self.settings.secret
        auth = request.headers.get("authorization", "")
        if auth:
            scheme, _, value = auth.partition(" ")
            if scheme.lower() != "bearer" or not value.strip():
                raise HTTPException(401, "Authorization header must be 'Bearer <token>'.")
            found = await tokens.authenticate(value.strip(), secret=secret, kind=tokens.BEARER)
            if found is None:
                # A client that sends a token expects to act as someone: say so instead of
                # silently answering as an anonymous caller.
                raise HTTPException(401, "The token is invalid, expired or revoked; log in again.")
            ctx.user, ctx.token = found
            return ctx
        cookie = request.cookies.get(SESSION_COOKIE)
        if cookie:
            found = await tokens.authenticate(cookie, secret=secret, kind=tokens.SESSION)
            if found is not None:
                if not tokens.csrf_matches(secret, cookie, request.headers.get(CSRF_HEADER)):
                    raise HTTPException(403, "Missing or wrong X-CSRF-Token header for a cookie session.")
                ctx.user, ctx.token = found
                ctx.via_cookie = True
        return ctx


def _contains_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_contains_nul(k) or _contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_contains_nul(v) for v in value)
    return False


async def _refuse_nul_characters(request: Request) -> None:
    """PostgreSQL text cannot hold U+0000, and no person types it: refuse it at the edge, once, for
    every string of every operation, instead of letting it reach a query as a 500."""
    if request.method == "GET":
        payload = dict(request.query_params)
    else:
        try:
            payload = json.loads(await request.body() or b"null")
        except ValueError:
            return  # not JSON: strawberry answers that itself
    if _contains_nul(payload):
        raise HTTPException(400, "Text may not contain NUL (U+0000) characters.")
