// GraphQL documents of the staff area: the triage inbox, the triage panel's decisions, the execution
// plan and the admin screens. The panel reads the agenda with the citizen page's AgendaDetailDocument.
import { graphql } from "../../gql";

/** What the inbox shows of each agenda, whichever list it comes from. */
export const InboxRowFragment = graphql(`
  fragment InboxRow on Agenda {
    id title status version createdAt statusChangedAt supportCount channel viewerCanTriage
    answerDueAt answerWorkingDaysLeft answerWorkingDaysOverdue overdue officialAnswerRequired
    fieldLabel { code ko en }
    districtLabel { code ko en }
    proposer { id displayName }
    owner { kind department { code name nameEn } }
    routing { reason }
  }
`);

/** A queue the viewer may read: the officer's (no code) or one of their departments'; overdueOnly keeps
 * the overdue ones, and allDepartments (officer, admins) reads every owner's queue at once. */
export const TriageQueueDocument = graphql(`
  query TriageQueue($departmentCode: String, $first: Int!, $after: String, $overdueOnly: Boolean! = false, $allDepartments: Boolean! = false) {
    triageQueue(departmentCode: $departmentCode, first: $first, after: $after, overdueOnly: $overdueOnly, allDepartments: $allDepartments) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          ...InboxRow
        }
      }
    }
  }
`);

/** Agendas in execution of a queue, through `agendas` (oldest first). */
export const StaffAgendaListDocument = graphql(`
  query StaffAgendaList($filter: AgendaFilterInput!, $first: Int!, $after: String) {
    agendas(filter: $filter, orderBy: OLDEST, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          ...InboxRow
        }
      }
    }
  }
`);

/** Counts of a queue by status (first: 0 asks for the total only). */
export const QueueCountsDocument = graphql(`
  query QueueCounts($inTriage: AgendaFilterInput!, $needsInfo: AgendaFilterInput!, $execution: AgendaFilterInput!) {
    inTriage: agendas(filter: $inTriage, first: 0) { totalCount }
    needsInfo: agendas(filter: $needsInfo, first: 0) { totalCount }
    execution: agendas(filter: $execution, first: 0) { totalCount }
  }
`);

export const TriageAgendaDocument = graphql(`
  mutation TriageAgenda($input: TriageAgendaInput!) {
    triageAgenda(input: $input) { agenda { id status version } errors { field code message } }
  }
`);

export const RouteAgendaDocument = graphql(`
  mutation RouteAgenda($input: RouteAgendaInput!) {
    routeAgenda(input: $input) {
      agenda { id status version owner { kind department { code name nameEn } } }
      errors { field code message }
    }
  }
`);

export const AdvanceAgendaDocument = graphql(`
  mutation AdvanceAgenda($input: AdvanceAgendaInput!) {
    advanceAgenda(input: $input) { agenda { id status version } errors { field code message } }
  }
`);

export const AnswerOfficiallyDocument = graphql(`
  mutation AnswerOfficially($input: AnswerOfficiallyInput!) {
    answerOfficially(input: $input) { agenda { id status version } errors { field code message } }
  }
`);

export const SaveExecutionPlanDocument = graphql(`
  mutation SaveExecutionPlan($input: ExecutionPlanInput!) {
    saveExecutionPlan(input: $input) {
      agenda { id status version plan { progress updatedAt } }
      errors { field code message }
    }
  }
`);

/** Likely duplicates of the agenda being triaged (merge targets). */
export const MergeSimilarDocument = graphql(`
  query MergeSimilar($title: String!, $body: String!) {
    similarAgendas(title: $title, body: $body) {
      id title status supportCount createdAt
      fieldLabel { code ko en }
      owner { kind department { code name nameEn } }
    }
  }
`);

export const MergeSearchDocument = graphql(`
  query MergeSearch($query: String!, $filter: SearchFilterInput) {
    search(query: $query, filter: $filter, first: 10) {
      estimatedTotal
      degraded
      hits {
        highlights { title body }
        agenda {
          id title status supportCount createdAt
          fieldLabel { code ko en }
          owner { kind department { code name nameEn } }
        }
      }
    }
  }
`);

// ------------------------------------------------------------------ admin

export const AdminDepartmentsDocument = graphql(`
  query AdminDepartments {
    departments(includeInactive: true) { code name nameEn fields keywords dutyStatement active }
  }
`);

export const WorkPlanItemsDocument = graphql(`
  query WorkPlanItems($year: Int!) {
    workPlanItems(year: $year, includeRetired: true) { id title keywords year retired department { code name nameEn } }
  }
`);

export const CreateDepartmentDocument = graphql(`
  mutation CreateDepartment($input: DepartmentInput!) {
    createDepartment(input: $input) {
      department { code name nameEn fields keywords dutyStatement active }
      errors { field code message }
    }
  }
`);

export const UpdateDepartmentDocument = graphql(`
  mutation UpdateDepartment($input: UpdateDepartmentInput!) {
    updateDepartment(input: $input) {
      department { code name nameEn fields keywords dutyStatement active }
      errors { field code message }
    }
  }
`);

export const CreateWorkPlanItemDocument = graphql(`
  mutation CreateWorkPlanItem($input: WorkPlanItemInput!) {
    createWorkPlanItem(input: $input) {
      workPlanItem { id title keywords year department { code name nameEn } }
      errors { field code message }
    }
  }
`);

export const UpdateWorkPlanItemDocument = graphql(`
  mutation UpdateWorkPlanItem($input: UpdateWorkPlanItemInput!) {
    updateWorkPlanItem(input: $input) {
      workPlanItem { id title keywords year retired department { code name nameEn } }
      errors { field code message }
    }
  }
`);

export const RetireWorkPlanItemDocument = graphql(`
  mutation RetireWorkPlanItem($id: ID!) {
    retireWorkPlanItem(id: $id) {
      workPlanItem { id retired }
      deleted
      errors { field code message }
    }
  }
`);

export const CopyWorkPlanDocument = graphql(`
  mutation CopyWorkPlan($input: CopyWorkPlanInput!) {
    copyWorkPlan(input: $input) {
      copy { fromYear toYear copied skipped }
      errors { field code message }
    }
  }
`);
