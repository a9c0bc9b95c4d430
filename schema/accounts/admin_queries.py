from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.accounts import administration
from schema.accounts.admin_types import UserConnection
from schema.errors import query_domain


@strawberry.type
class AdminUserQueries:
    @strawberry.field(description="Admins: users whose name or e-mail contains the query (case-insensitive), "
                                  "optionally of one role or one department; oldest account first.")
    async def users(self, info: Info, query: str | None = None, role: str | None = None,
                    department_code: str | None = None, first: int = 20, after: str | None = None) -> UserConnection:
        viewer = await info.context.viewer()
        page = await query_domain(lambda: administration.search_users(
            viewer, query=query, role=role, department_code=department_code, first=first, after=after))
        return UserConnection.from_page(page, had_cursor=after is not None)
