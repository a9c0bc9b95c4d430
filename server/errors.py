"""The expected-failure contract shared by every domain: a ``DomainError`` carries a code from the
domain's own enum, the input field it concerns and a message a person can act on. The GraphQL layer
turns it into a ``UserError`` in the payload; it never becomes a 500."""

from __future__ import annotations

from enum import Enum


class DomainError(Exception):
    def __init__(self, code: Enum, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class ValidationErrors(Exception):
    """Several field errors found at once, so a form can show them all in one round trip."""

    def __init__(self, errors: list[DomainError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors
