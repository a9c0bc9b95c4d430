from enum import Enum


class AttachmentErrorCode(str, Enum):
    NOT_AUTHENTICATED = "NOT_AUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    EMPTY_FILE = "EMPTY_FILE"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    UNSUPPORTED_TYPE = "UNSUPPORTED_TYPE"  # not JPEG, PNG, WebP or PDF by its content
    INVALID_FILE = "INVALID_FILE"  # says it is one of them but does not decode
    IMAGE_TOO_LARGE = "IMAGE_TOO_LARGE"  # too many pixels: a decompression bomb, or just too big
    PDF_ACTIVE_CONTENT = "PDF_ACTIVE_CONTENT"  # JavaScript, an open action, a launch, embedded files…
    PDF_ENCRYPTED = "PDF_ENCRYPTED"
    INVALID_FILENAME = "INVALID_FILENAME"
    FILENAME_TOO_LONG = "FILENAME_TOO_LONG"
    TOO_MANY_FILES = "TOO_MANY_FILES"
    TOO_MANY_UPLOADS = "TOO_MANY_UPLOADS"
    NOT_EDITABLE = "NOT_EDITABLE"  # the agenda is past the state in which its proposer adds files
    NO_PLAN = "NO_PLAN"
    ALREADY_ATTACHED = "ALREADY_ATTACHED"
