// The agenda detail document, shared by the citizen's agenda page and the staff triage panel (which
// re-reads it after a version conflict to show what changed).
import { graphql } from "../../gql";

export const AgendaDetailDocument = graphql(`
  query AgendaDetail($id: ID!) {
    agenda(id: $id) {
      id title body status version channel district createdAt updatedAt statusChangedAt statusReason
      supportCount viewerHasSupported viewerIsFollowing viewerCanTriage visibility
      answerDueAt answerWorkingDaysLeft overdue
      officialAnswerRequired verifiedSupportCount
      officialAnswer { body answeredAt author { displayName } }
      nextSupportThreshold { action count remaining }
      fieldLabel { code ko en }
      districtLabel { code ko en }
      proposer { id displayName }
      owner { kind department { code name nameEn } }
      routing { reason matchedTerms explanation candidates { code name nameEn } }
      relatedDepartments { code name nameEn }
      workPlanItem { id title }
      mergedInto { id title }
      history { id kind fromStatus toStatus reason data createdAt actor { displayName role } }
      attachments { id filename contentType size url thumbnailUrl }
      plan {
        summary progress updatedAt
        attachments { id filename contentType size url thumbnailUrl }
        responsibleDepartment { code name nameEn }
        milestones { id title dueDate done }
        kpis { id name unit baseline target actual attainment }
      }
    }
  }
`);

export const SupportDocument = graphql(`
  mutation SupportAgenda($id: ID!) {
    supportAgenda(id: $id) { agenda { id supportCount viewerHasSupported verifiedSupportCount officialAnswerRequired nextSupportThreshold { action count remaining } } errors { field code message } }
  }
`);

export const WithdrawSupportDocument = graphql(`
  mutation WithdrawSupport($id: ID!) {
    withdrawSupport(id: $id) { agenda { id supportCount viewerHasSupported verifiedSupportCount officialAnswerRequired nextSupportThreshold { action count remaining } } errors { field code message } }
  }
`);

export const FollowDocument = graphql(`
  mutation FollowAgenda($id: ID!, $following: Boolean!) {
    followAgenda(id: $id, following: $following) { agenda { id viewerIsFollowing } errors { field code message } }
  }
`);

export const AnswerInfoDocument = graphql(`
  mutation AnswerInfoRequest($input: AnswerInfoRequestInput!) {
    answerInfoRequest(input: $input) { agenda { id status version } errors { field code message } }
  }
`);
