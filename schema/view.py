"""The GraphQL HTTP endpoint. Authentication happens here, once per request, before any resolver:
a bearer token from ``Authorization``, or the session cookie — which counts only with a matching
``X-CSRF-Token`` header, so a cross-site form can never act with a citizen's session.

Everything a request can get wrong before it runs is refused here with a code: a malformed body
(``schema/request_body.py``), NUL characters, and a batch whose operations together cost more than
the cost limit (``schema/cost.py``; a single operation's cost is checked during validation). Refusals
are JSON in the shape of a GraphQL error, like every other answer of this endpoint."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import orjson

from cross_web import HTTPException  # what strawberry.asgi catches and turns into a status code
from graphql import GraphQLError, parse
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.types import ExecutionResult

from schema.anonymous_cache import AnswerCache, is_query
from schema.context import Context
from schema.cost import operation_cost, too_costly
from schema.nul_text import CODE as NUL_CODE
from schema.nul_text import MESSAGE as NUL_MESSAGE
from schema.nul_text import NUL
from schema.request_body import BadRequest, check_request_shape, decode_json
from server.accounts.request_auth import SESSION_COOKIE, AuthFailure, authenticate
from server.i18n import current_language, localize
from server.ops import writes
from server.settings import Settings

log = logging.getLogger("civic_agenda.graphql")

# Refusals strawberry raises itself (unsupported content type, too many operations…) carry no code.
_CODE_BY_STATUS = {400: "BAD_REQUEST", 401: "NOT_AUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND",
                   405: "METHOD_NOT_ALLOWED", 413: "TOO_LARGE", 415: "UNSUPPORTED_MEDIA_TYPE"}


class GraphQLView(GraphQL):
    def __init__(self, schema, settings: Settings) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.settings = settings
        self.answers = AnswerCache()  # anonymous answers, shared (schema/anonymous_cache.py)
        self._computing: dict[tuple, asyncio.Future] = {}  # (key, generation) -> the answer being computed
        self.share_answers = True  # False: every request executed (the bench's /graphql-own)
        self._labels: dict[tuple, str] = {}  # shared key -> its operation's metric label

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)
        request = Request(scope=scope, receive=receive)
        key = await self._shared_answer_key(request)
        computing = None
        if key is not None:
            generation, started = writes.current(), time.monotonic()
            body = self.answers.get(key)
            if body is None and (key, generation) in self._computing:
                # the same question is being answered right now: wait for that answer rather than
                # compute it again (None: it turned out not shareable, so answer it ourselves)
                body = await asyncio.shield(self._computing[(key, generation)])
            if body is not None:
                metrics = getattr(request.app.state, "metrics", None)
                if metrics is not None:  # a shared answer is still a request operators want counted
                    metrics.observe_graphql(self._labels.get(key, "shared"), "query", "ok", time.monotonic() - started)
                await Response(body, media_type="application/json")(scope, receive, send)
                return
            computing = self._computing[(key, generation)] = asyncio.get_running_loop().create_future()
        shared = None
        try:
            response = await self.run(request)
        except HTTPException as exc:
            code = getattr(exc, "code", None) or _CODE_BY_STATUS.get(exc.status_code, "BAD_REQUEST")
            log.info("graphql request refused: %s %s", exc.status_code, code)
            response = JSONResponse({"data": None, "errors": [{"message": exc.reason, "extensions": {"code": code}}]},
                                    status_code=exc.status_code)
        else:
            if (key is not None and response.status_code == 200 and getattr(request.state, "answer_ok", False)
                    and "set-cookie" not in response.headers and isinstance(response.body, bytes)
                    and writes.current() == generation):
                shared = response.body
                self.answers.put(key, generation, started, shared)
                if len(self._labels) >= 1024:
                    self._labels.clear()
                self._labels[key] = getattr(request.state, "operation_label", "shared")
        finally:
            if computing is not None:
                self._computing.pop((key, generation), None)
                computing.set_result(shared)
        await response(scope, receive, send)

    async def _shared_answer_key(self, request: Request) -> tuple | None:
        """The key under which an anonymous query's answer is shared, or None when this request's
        answer must be its own (credentials, a mutation, a body we do not read the same way)."""
        if not self.share_answers or "authorization" in request.headers or SESSION_COOKIE in request.cookies:
            return None
        try:
            if request.method == "GET":
                params = request.query_params
                query, operation_name = params.get("query"), params.get("operationName")
                variables = orjson.loads(params["variables"]) if params.get("variables") else None
            elif request.method == "POST" and request.headers.get("content-type", "").startswith("application/json"):
                data = orjson.loads(await request.body())
                if not isinstance(data, dict):
                    return None  # a batch: each operation has its own answer
                query, variables, operation_name = data.get("query"), data.get("variables"), data.get("operationName")
            else:
                return None
            if not isinstance(query, str) or not isinstance(variables, dict | None) \
                    or not isinstance(operation_name, str | None):
                return None
            canonical = orjson.dumps(variables, option=orjson.OPT_SORT_KEYS)
        except (orjson.JSONDecodeError, orjson.JSONEncodeError, TypeError, ValueError):
            return None
        if not is_query(query, operation_name, self.settings.max_tokens):
            return None
        return query, canonical, operation_name, current_language.get()

    async def process_result(self, request, result: ExecutionResult):
        request.state.answer_ok = not result.errors  # never share an answer with errors
        return await super().process_result(request, result)

    def encode_json(self, data: object) -> bytes:
        """UTF-8 JSON (Korean is 3 bytes a character, not a 6-byte ``\\uXXXX``), ~10× faster than
        ``json.dumps``; what orjson refuses (an integer beyond 64 bits in a JSON scalar) falls back."""
        try:
            return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)
        except (TypeError, orjson.JSONEncodeError):
            return super().encode_json(data).encode()

    async def get_context(self, request: Request, response: Response) -> Context:
        ctx = Context(request=request, response=response, settings=self.settings)
        try:
            caller = await authenticate(request, self.settings.secret)
        except AuthFailure as exc:
            raise HTTPException(exc.status, localize(exc.message)) from None
        ctx.user, ctx.token, ctx.via_cookie = caller.user, caller.token, caller.via_cookie
        return ctx

    def decode_json(self, data: str | bytes) -> object:
        return decode_json(data)

    def parse_query_params(self, params) -> dict[str, Any]:
        if any(NUL in key or NUL in value for key, value in params.multi_items()):
            raise BadRequest(NUL_CODE, NUL_MESSAGE)
        return super().parse_query_params(params)

    async def execute_operation(self, request, request_adapter, request_data, context, root_value, sub_response):
        if isinstance(request_data, list):
            for item in request_data:
                check_request_shape({"query": item.query, "variables": item.variables,
                                     "operationName": item.operation_name, "extensions": item.extensions})
            refused = self._refuse_costly_batch(request_data)
            if refused is not None:
                return [ExecutionResult(data=None, errors=[refused]) for _ in request_data]
        elif request_data.operation_name is not None and not isinstance(request_data.operation_name, str):
            check_request_shape({"operationName": request_data.operation_name})
        return await super().execute_operation(request, request_adapter, request_data, context, root_value,
                                               sub_response)

    def _refuse_costly_batch(self, operations) -> GraphQLError | None:
        """A batch runs its operations side by side, so their sum is checked before the first starts.
        A document that does not parse costs nothing here: it fails on its own, with its own error."""
        graphql_schema = self.schema._schema  # graphql-core's schema; strawberry's own extensions read it so
        total = 0.0
        for item in operations:
            if not item.query:
                continue
            try:
                document = parse(item.query, max_tokens=self.settings.max_tokens)
            except GraphQLError:
                continue
            total += operation_cost(graphql_schema, document, variables=item.variables,
                                    operation_name=item.operation_name, max_page_size=self.settings.max_page_size)
        limit = self.settings.max_query_cost
        if total <= limit:
            return None
        log.info("graphql batch refused: %d operations cost %s, limit %d", len(operations), total, limit)
        return too_costly(total, limit, batch=True)
