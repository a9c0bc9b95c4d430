from __future__ import annotations

import strawberry
from strawberry.types import Info

from schema.accounts.types import User


@strawberry.type
class AccountQueries:
    @strawberry.field(description="The logged-in user, or null for an anonymous caller.")
    def me(self, info: Info) -> User | None:
        user = info.context.user
        return User.from_model(user) if user is not None else None
