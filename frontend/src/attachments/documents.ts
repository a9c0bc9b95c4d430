import { graphql } from "../gql";

export const AttachFilesDocument = graphql(`
  mutation AttachFiles($input: AttachFilesInput!) {
    attachFiles(input: $input) {
      attachments { id filename contentType size url thumbnailUrl }
      errors { field code message }
    }
  }
`);

export const RemoveAttachmentDocument = graphql(`
  mutation RemoveAttachment($id: ID!) {
    removeAttachment(id: $id) { removedId errors { field code message } }
  }
`);
