"""The six roles — citizen, staff, officer, facilitator, researcher, admin. A user holds exactly one; staff-like roles may belong to departments."""

from enum import Enum


class Role(str, Enum):
    CITIZEN = "citizen"
    STAFF = "staff"
    OFFICER = "officer"
    FACILITATOR = "facilitator"
    RESEARCHER = "researcher"
    ADMIN = "admin"

    @classmethod
    def parse(cls, value: str) -> "Role":
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValueError(
                f"unknown role {value!r}; expected one of {', '.join(r.value for r in cls)}"
            ) from None


# Roles that act for the city (may use staff discovery channels, see internal data).
STAFF_ROLES = frozenset({Role.STAFF, Role.OFFICER, Role.FACILITATOR, Role.RESEARCHER, Role.ADMIN})


def role_label(role: "Role | str"):
    """The role's name shown inside a message (an invitation, an error), in the reader's language."""
    from server.i18n import label

    names = {
        Role.CITIZEN: label("citizen"), Role.STAFF: label("department staff"),
        Role.OFFICER: label("Social Innovation Officer"), Role.FACILITATOR: label("workshop facilitator"),
        Role.RESEARCHER: label("research team expert"), Role.ADMIN: label("administrator"),
    }
    return names[Role(role)]
