from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from server.accounts.models import User as UserModel
from server.accounts.roles import Role as RoleEnum
from server.db import Row
from server.agendas.models import Department as DepartmentModel
from schema.accounts.dataloaders import PERSON_SHOWN, DepartmentsByUserLoader, UserPrivateByIdLoader

Role = strawberry.enum(RoleEnum, name="Role", description="citizen, staff, officer, facilitator, researcher or admin.")


@strawberry.type(description="A city office or bureau (실·국·본부).")
class Department:
    code: str
    name: str = strawberry.field(description="Korean name.")
    name_en: str
    fields: list[str] = strawberry.field(description="Policy-field codes of its current work.")
    keywords: list[str] = strawberry.field(description="Terms of its current work that routing matches.")
    duty_statement: str = strawberry.field(description="사무분장: what it is responsible for; routing reads the "
                                                       "thesaurus concepts it names.")
    active: bool

    @classmethod
    def from_model(cls, d: DepartmentModel) -> "Department":
        return cls(code=d.code, name=d.name_ko, name_en=d.name_en, fields=list(d.policy_fields or []),
                   keywords=list(d.keywords or []), duty_statement=d.duty_statement or "", active=d.is_active)


@strawberry.type
class User:
    id: strawberry.ID
    display_name: str
    role: Role
    created_at: datetime
    _email: strawberry.Private[str | None]  # None: not read (a person shown by name)
    _email_verified: strawberry.Private[bool] = False
    _is_active: strawberry.Private[bool | None] = True  # None: not read

    def _self_or_admin(self, info: Info) -> bool:
        viewer = info.context.user
        return viewer is not None and (str(viewer.id) == str(self.id) or viewer.role == RoleEnum.ADMIN)

    async def _private(self, info: Info) -> None:
        """A user loaded to show their name (``UserByIdLoader``, a page's proposers) carries no e-mail
        and no account state: they are read — for a whole page in one query — only when the user
        themself or an admin asks for them."""
        if self._email is None or self._is_active is None:
            row = await info.context.loader(UserPrivateByIdLoader).load(int(self.id))
            if row:
                self._email, self._email_verified = row["email"], row["email_verified_at"] is not None
                self._is_active = row["is_active"]

    @strawberry.field(description="Visible to the user themself and to admins only.")
    async def email(self, info: Info) -> str | None:
        if not self._self_or_admin(info):
            return None
        await self._private(info)
        return self._email

    @strawberry.field(description="Whether the e-mail address was confirmed through the link mailed to it "
                                  "(proposing and supporting need it). Null for anyone but the user and admins.")
    async def email_verified(self, info: Info) -> bool | None:
        if not self._self_or_admin(info):
            return None
        await self._private(info)
        return self._email_verified

    @strawberry.field(description="Whether the account may sign in (admins deactivate and reactivate it). "
                                  "Null for anyone but the user and admins.")
    async def is_active(self, info: Info) -> bool | None:
        if not self._self_or_admin(info):
            return None
        await self._private(info)
        return self._is_active

    @strawberry.field
    async def departments(self, info: Info) -> list[Department]:
        rows = await info.context.loader(DepartmentsByUserLoader).load(int(self.id))
        return [Department.from_model(d) for d in rows]

    @classmethod
    def from_row(cls, row: Row) -> "User":
        """Someone a page shows, from a ``Row`` of the columns its query selects (``PERSON_SHOWN`` or
        fewer: ``schema/agendas/selection.py``): those fields are set, the others left unset — the
        query does not ask for them. The role keeps its column's value (both executors name it as they
        name a member). No e-mail is read: it is loaded when the user themself or an admin asks."""
        person = cls.__new__(cls)
        values = row.__dict__
        shown = person.__dict__
        shown["id"] = str(values["id"])
        for name in _PERSON_FIELDS:
            if name in values:
                shown[name] = values[name]
        shown["_email"], shown["_email_verified"], shown["_is_active"] = None, False, None
        return person

    @classmethod
    def from_model(cls, u: UserModel) -> "User":
        return cls(
            id=strawberry.ID(str(u.id)),
            display_name=u.display_name,
            role=RoleEnum(u.role),
            created_at=u.created_at,
            _email=getattr(u, "email", None),  # None: not loaded (UserByIdLoader), read when asked
            _email_verified=getattr(u, "email_verified_at", None) is not None,
            _is_active=getattr(u, "is_active", None),  # None: not loaded (UserByIdLoader), read when asked
        )


# User's plain fields a person's row holds as is, for ``User.from_row``
_PERSON_FIELDS = tuple(c for c in PERSON_SHOWN if c != "id")
