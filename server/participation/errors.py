"""The participation domain's error codes: what a comment, a report, a moderation or an internal
note can be refused for."""

from enum import Enum


class ParticipationErrorCode(str, Enum):
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    INVALID = "INVALID"
    INVALID_CURSOR = "INVALID_CURSOR"
    NOT_AUTHENTICATED = "NOT_AUTHENTICATED"
    EMAIL_NOT_VERIFIED = "EMAIL_NOT_VERIFIED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    RATE_LIMITED = "RATE_LIMITED"
    COMMENTS_CLOSED = "COMMENTS_CLOSED"          # an agenda that is not public takes no comments
    AGENDA_MERGED = "AGENDA_MERGED"              # merged into another: its official answer belongs there
    REPLY_TO_REPLY = "REPLY_TO_REPLY"            # replies go one level deep
    COMMENT_DELETED = "COMMENT_DELETED"          # its author deleted it
    COMMENT_REMOVED = "COMMENT_REMOVED"          # a moderator removed it
    NOT_AN_OFFICIAL = "NOT_AN_OFFICIAL"          # only a comment written by city staff can be an official answer
    OWN_COMMENT = "OWN_COMMENT"                  # reporting one's own comment
