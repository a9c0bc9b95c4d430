"""Validate each document once, check each request's cost every time.

Every request used to parse and validate the same few documents again (~10 % of a listing's CPU,
bench/README.md). strawberry's ``ParserCache`` keeps parsed documents (the same text gives the same
``DocumentNode``), but its ``ValidationCache`` keys on the rule classes too — and the depth, alias
and cost limiters make new rule classes for every request, so it never hits. Here the static rules
(graphql's, depth, aliases, NUL text) are made once when the schema is built, a document that passed
them is remembered, and only the cost — which depends on the variables (``first: $first``) — is
computed per request. Only successes are remembered: errors are localised in the reader's language,
so a failing document is validated again each time, as before."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence

from graphql import ASTValidationRule, DocumentNode, GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from schema.cost import operation_cost, too_costly

_MAX_DOCUMENTS = 256
_passed: OrderedDict[tuple, DocumentNode] = OrderedDict()  # key -> the document (kept alive: ids stay unique)


class ValidateOnce(SchemaExtension):
    def __init__(self, *, rules: Sequence[type[ASTValidationRule]], max_cost: int, max_page_size: int) -> None:
        self.rules = tuple(rules)
        self.max_cost = max_cost
        self.max_page_size = max_page_size

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        rules = (*context.validation_rules, *self.rules)
        key = (id(document), rules)
        if _passed.get(key) is document:
            _passed.move_to_end(key)
            errors: list[GraphQLError] = []
        else:
            errors = list(validate_document(context.schema._schema, document, rules))
            if not errors:
                _passed[key] = document
                while len(_passed) > _MAX_DOCUMENTS:
                    _passed.popitem(last=False)
        if not errors:
            cost = operation_cost(context.schema._schema, document, variables=context.variables,
                                  operation_name=context.operation_name, max_page_size=self.max_page_size)
            if cost > self.max_cost:
                errors.append(too_costly(cost, self.max_cost))
        context.pre_execution_errors = errors
        yield
