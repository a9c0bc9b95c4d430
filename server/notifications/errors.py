from enum import Enum


class NotificationErrorCode(str, Enum):
    NOT_AUTHENTICATED = "NOT_AUTHENTICATED"
    NOT_FOUND = "NOT_FOUND"
    INVALID = "INVALID"
    TOO_MANY_VALUES = "TOO_MANY_VALUES"
