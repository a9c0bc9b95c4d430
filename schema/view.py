"""The GraphQL HTTP endpoint. Authentication happens here, once per request, before any resolver:
a bearer token from ``Authorization``, or the session cookie — which counts only with a matching
``X-CSRF-Token`` header, so a cross-site form can never act with a citizen's session."""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response
from strawberry.asgi import GraphQL
from cross_web import HTTPException  # what strawberry.asgi catches and turns into a status code

from server.accounts.request_auth import AuthFailure, authenticate
from server.settings import Settings
from schema.context import Context


class GraphQLView(GraphQL):
    def __init__(self, schema, settings: Settings) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.settings = settings

    async def get_context(self, request: Request, response: Response) -> Context:
        await _refuse_nul_characters(request)
        ctx = Context(request=request, response=response, settings=self.settings)
        try:
            caller = await authenticate(request, self.settings.secret)
        except AuthFailure as exc:
            raise HTTPException(exc.status, exc.message) from None
        ctx.user, ctx.token, ctx.via_cookie = caller.user, caller.token, caller.via_cookie
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
