"""U+0000 is refused wherever text enters: PostgreSQL text cannot hold it and no person types it, so
it is stopped at the edge, once, instead of reaching a query as a 500. It can arrive two ways: inside
the JSON (variables, or the document's own characters) — the request body check refuses those with a
400 — or written as a GraphQL escape (``"\\u0000"``, ``"\\u{0}"``) inside a string literal of the
document, which only the parsed document shows: ``NoNulInStrings`` refuses that during validation."""

from __future__ import annotations

from graphql import GraphQLError, StringValueNode, ValidationRule

from server.i18n import localize

NUL = "\x00"
CODE = "NUL_CHARACTER"
MESSAGE = "Text may not contain NUL (U+0000) characters."


class NoNulInStrings(ValidationRule):
    def enter_string_value(self, node: StringValueNode, *_args) -> None:
        if NUL in node.value:
            self.report_error(GraphQLError(localize(MESSAGE), node, extensions={"code": CODE}))
