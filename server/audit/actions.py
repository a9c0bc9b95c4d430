"""What an audit entry records. One enum, owned by this domain, so the API, the filters on the admin
page and the catalogue of labels agree; a new administrative action adds its member here."""

from __future__ import annotations

from enum import Enum


class AuditAction(str, Enum):
    USER_UPDATED = "USER_UPDATED"            # role, departments
    USER_DEACTIVATED = "USER_DEACTIVATED"
    USER_REACTIVATED = "USER_REACTIVATED"
    STAFF_INVITED = "STAFF_INVITED"
    DEPARTMENT_UPDATED = "DEPARTMENT_UPDATED"
    WORK_PLAN_ITEM_UPDATED = "WORK_PLAN_ITEM_UPDATED"
    WORK_PLAN_ITEM_RETIRED = "WORK_PLAN_ITEM_RETIRED"
    WORK_PLAN_COPIED = "WORK_PLAN_COPIED"
    THESAURUS_CHANGED = "THESAURUS_CHANGED"
    COMMENT_MODERATED = "COMMENT_MODERATED"
    AGENDAS_IMPORTED = "AGENDAS_IMPORTED"
    STAFF_EXPORT = "STAFF_EXPORT"
