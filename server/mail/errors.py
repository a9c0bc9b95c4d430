from enum import Enum


class MailErrorCode(str, Enum):
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    INVALID = "INVALID"
    INVALID_TOKEN = "INVALID_TOKEN"
