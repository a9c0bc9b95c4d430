from enum import Enum


class AuditErrorCode(str, Enum):
    NOT_AUTHENTICATED = "NOT_AUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    INVALID = "INVALID"
