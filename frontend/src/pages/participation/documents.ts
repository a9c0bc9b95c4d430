// GraphQL documents of the discussion (comments, replies, reports, official answers), the staff's
// internal notes and the moderators' queue.
import { graphql } from "../../gql";

export const CommentFieldsFragment = graphql(`
  fragment CommentFields on Comment {
    id state body createdAt editedAt isOfficialAnswer parentId
    viewerCanEdit viewerHasReported viewerCanMarkOfficial openReportCount
    author { id displayName role }
  }
`);

/** Ten comments a page (a literal, so the query's cost is known before it runs: schema/cost.py). */
export const DiscussionDocument = graphql(`
  query AgendaDiscussion($id: ID!, $after: String, $order: CommentOrder) {
    agenda(id: $id) {
      id
      officialAnswerComments { ...CommentFields }
      comments(first: 10, after: $after, order: $order) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { ...CommentFields replies { ...CommentFields } } }
      }
    }
  }
`);

export const AddCommentDocument = graphql(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) { comment { id } errors { field code message } }
  }
`);

export const EditCommentDocument = graphql(`
  mutation EditComment($input: EditCommentInput!) {
    editComment(input: $input) { comment { id body editedAt } errors { field code message } }
  }
`);

export const DeleteCommentDocument = graphql(`
  mutation DeleteComment($id: ID!) {
    deleteComment(id: $id) { comment { id state } errors { field code message } }
  }
`);

export const ReportCommentDocument = graphql(`
  mutation ReportComment($id: ID!, $reason: CommentReportReason!, $note: String) {
    reportComment(id: $id, reason: $reason, note: $note) { comment { id state viewerHasReported } errors { field code message } }
  }
`);

export const MarkOfficialDocument = graphql(`
  mutation MarkOfficialAnswer($id: ID!, $official: Boolean!) {
    markOfficialAnswer(commentId: $id, official: $official) { comment { id isOfficialAnswer } errors { field code message } }
  }
`);

export const InternalNotesDocument = graphql(`
  query InternalNotes($id: ID!) {
    agenda(id: $id) {
      id viewerCanReadInternalNotes
      internalNotes { id body createdAt author { id displayName role } }
    }
  }
`);

export const AddInternalNoteDocument = graphql(`
  mutation AddInternalNote($input: AddInternalNoteInput!) {
    addInternalNote(input: $input) { note { id } errors { field code message } }
  }
`);

export const ModerationQueueDocument = graphql(`
  query ModerationQueue($after: String) {
    moderationQueue(first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id state body createdAt openReportCount
          author { id displayName role }
          agenda { id title }
          reports { reason note createdAt }
        }
      }
    }
  }
`);

export const ModerateCommentDocument = graphql(`
  mutation ModerateComment($id: ID!, $decision: ModerationDecision!, $reason: String!) {
    moderateComment(id: $id, decision: $decision, reason: $reason) { comment { id state } errors { field code message } }
  }
`);
