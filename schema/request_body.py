"""Reading a GraphQL request body a careless or hostile client wrote: whatever arrives, the answer is
a 400 naming what is wrong, never a 500. Bytes that are not UTF-8, JSON that is not an object (or a
batch of objects), numbers too long to convert, nesting deeper than any input of the schema and NUL
characters are refused here, before a string reaches a resolver. Every walk is iterative: a
500-deep ``variables`` must not become a RecursionError."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from cross_web import HTTPException  # what strawberry.asgi catches and turns into a status code

from schema.nul_text import CODE as NUL_CODE
from schema.nul_text import MESSAGE as NUL_MESSAGE
from schema.nul_text import NUL
from server.i18n import label, localize, msg

# The deepest input of the schema (a plan's milestones inside its input inside variables) is 4 levels;
# a batch adds one. 32 leaves generous room for the JSON scalars and refuses what no form sends.
MAX_NESTING = 32


class BadRequest(HTTPException):
    """A 400 with a stable code; the view renders it as a GraphQL-shaped JSON error."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(status, localize(message))  # in the caller's language (server/i18n)
        self.code = code


def decode_json(data: str | bytes) -> Any:
    """The body (or a GET request's ``variables``): UTF-8 JSON whose top level is an object or an array
    of objects, nested at most ``MAX_NESTING`` deep, with no NUL anywhere."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest("INVALID_ENCODING", "The request body is not valid UTF-8.") from None
    try:
        value = json.loads(data)
    except RecursionError:
        raise _too_deep() from None
    except ValueError:  # JSONDecodeError, and numbers beyond Python's digit limit
        raise BadRequest("INVALID_JSON", "The request body is not valid JSON.") from None
    if not (isinstance(value, dict) or (isinstance(value, list) and value and all(isinstance(v, dict) for v in value))):
        raise BadRequest("INVALID_REQUEST", "A request is a JSON object, or a non-empty array of objects (a batch).")
    check_values(value)
    return value


def check_values(value: Any) -> None:
    """Every key and string, however deep, without recursion."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if NUL in item:
                raise BadRequest(NUL_CODE, NUL_MESSAGE)
        elif isinstance(item, (dict, list)):
            if depth >= MAX_NESTING:
                raise _too_deep()
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)


def check_request_shape(item: Mapping[str, Any]) -> None:
    """One operation of a batch, checked as strawberry checks a single request (and ``operationName``,
    which it does not check at all)."""
    for key, kind, what in (("query", str, "a string"), ("variables", dict, "an object"),
                            ("operationName", str, "a string"), ("extensions", dict, "an object")):
        if item.get(key) is not None and not isinstance(item[key], kind):
            raise BadRequest("INVALID_REQUEST", msg("'{key}' must be {what} or null.", key=key, what=label(what)))


def _too_deep() -> BadRequest:
    return BadRequest("TOO_DEEP", msg("The request JSON is nested deeper than {max} levels.", max=MAX_NESTING))
