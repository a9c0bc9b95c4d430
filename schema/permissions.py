"""Declared permissions: reusable strawberry permission classes for fields.

``IsAuthenticated`` and ``HasRole(...)`` keep role checks out of resolver bodies; the domain's
policy modules decide the finer, per-record questions (which department may triage what)."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission
from strawberry.types import Info

from server.accounts.roles import Role


class IsAuthenticated(BasePermission):
    message = "You must be logged in."
    error_extensions = {"code": "NOT_AUTHENTICATED"}

    async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.user is not None


def HasRole(*roles: Role) -> type[BasePermission]:  # noqa: N802 - reads like a class in field declarations
    allowed = frozenset(roles) | {Role.ADMIN}

    class _HasRole(BasePermission):
        message = f"Only {', '.join(sorted(r.value for r in allowed))} may do this."
        error_extensions = {"code": "FORBIDDEN"}

        async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
            user = info.context.user
            return user is not None and Role(user.role) in allowed

    _HasRole.__name__ = "HasRole_" + "_".join(sorted(r.value for r in allowed))
    return _HasRole
