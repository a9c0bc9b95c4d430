"""The ``UserError`` payload pattern: expected failures travel in ``errors``, never as exceptions."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import TypeVar

import strawberry
from graphql import GraphQLError

from server.errors import DomainError, ValidationErrors
from server.i18n import localize


@strawberry.type(description="An expected failure: bad input, forbidden, not found or a version conflict.")
class UserError:
    field: str | None = strawberry.field(description="The input field concerned (camelCase), if any.")
    code: str = strawberry.field(description="A stable machine-readable code owned by the domain, e.g. DUPLICATE_EMAIL.")
    message: str = strawberry.field(description="A message a person can act on.")


def user_errors(exc: DomainError | ValidationErrors) -> list[UserError]:
    items = exc.errors if isinstance(exc, ValidationErrors) else [exc]
    # Rendered in the caller's language (Accept-Language, Korean by default; server/i18n).
    return [UserError(field=e.field, code=e.code.value, message=localize(e.message)) for e in items]


T = TypeVar("T")


async def run_domain(fn: Callable[[], Awaitable[T]]) -> tuple[T | None, list[UserError]]:
    """Run a domain call; its DomainErrors become the payload's ``errors``."""
    try:
        return await fn(), []
    except (DomainError, ValidationErrors) as exc:
        return None, user_errors(exc)


P = TypeVar("P")


async def payload(payload_type: Callable[..., P], call: Callable[[], Awaitable[T]], **present: Callable[[T], object]) -> P:
    """A mutation's answer in one line: ``payload(WorkshopPayload, lambda: ..., workshop=Workshop.from_model)``.

    The domain call's DomainErrors become the payload's ``errors`` (its record field stays null);
    otherwise the one keyword names the payload's record field and how to present the result
    (a presenter may be async, when presenting needs another read)."""
    if len(present) != 1:
        raise TypeError("payload() takes exactly one field=presenter keyword")
    [(name, presenter)] = present.items()
    result, errors = await run_domain(call)
    if errors:
        return payload_type(errors=errors)
    value = presenter(result)  # type: ignore[arg-type]
    if inspect.isawaitable(value):
        value = await value
    return payload_type(**{name: value})


def graphql_error(exc: DomainError | ValidationErrors) -> GraphQLError:
    """For queries (which have no payload): a GraphQL error carrying the domain code, never masked."""
    first = exc.errors[0] if isinstance(exc, ValidationErrors) else exc
    return GraphQLError(localize(first.message), extensions={"code": first.code.value, "field": first.field})


async def query_domain(fn: Callable[[], Awaitable[T]]) -> T:
    try:
        return await fn()
    except (DomainError, ValidationErrors) as exc:
        raise graphql_error(exc) from None
