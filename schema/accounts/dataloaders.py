from __future__ import annotations

from strawberry.dataloader import DataLoader

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
