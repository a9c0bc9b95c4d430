import strawberry

from schema.attachments.mutations.attach_files import attach_files
from schema.attachments.mutations.remove_attachment import remove_attachment


@strawberry.type
class AttachmentMutations:
    attach_files = attach_files
    remove_attachment = remove_attachment
