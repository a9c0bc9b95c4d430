from __future__ import annotations

from strawberry.dataloader import DataLoader

from server.accounts.models import User
from server.agendas.models import Department


class DepartmentsByUserLoader(DataLoader[int, list[Department]]):
    """Departments of many users in one query (departments joined to their user links)."""

    def __init__(self, context) -> None:
        super().__init__(load_fn=self._load)

    async def _load(self, user_ids: list[int]) -> list[list[Department]]:
        rows = await Department.filter(members__id__in=user_ids).values(
            "id", "code", "name_ko", "name_en", "is_active", "policy_fields", "keywords", user_id="members__id"
        )
        by_user: dict[int, list[Department]] = {uid: [] for uid in user_ids}
        for row in sorted(rows, key=lambda r: r["code"]):
            uid = row.pop("user_id")
            by_user.setdefault(uid, []).append(Department(**row))
        return [by_user[uid] for uid in user_ids]


# What ``User`` shows of someone else (no e-mail, no password hash, no account state): ``UserByIdLoader``
# reads these, a list page joins them in as its proposers (``schema/agendas/selection.py``) and
# ``User.from_row`` builds the person from them.
PERSON_SHOWN = ("id", "display_name", "role", "created_at")


class UserPrivateByIdLoader(DataLoader[int, dict | None]):
    """What only a user themself and admins see of many users — e-mail, whether it is confirmed, whether
    the account is active — in one query: a person shown by name (``UserByIdLoader``, a page's proposers)
    carries none of it, and an admin's page of a hundred proposers must not read them one by one."""

    def __init__(self, context) -> None:
        super().__init__(load_fn=self._load)

    async def _load(self, user_ids: list[int]) -> list[dict | None]:
        rows = await User.filter(id__in=user_ids).values("id", "email", "email_verified_at", "is_active")
        by_id = {row["id"]: row for row in rows}
        return [by_id.get(uid) for uid in user_ids]
