// GraphQL documents of the admin area's users-and-roles and audit-log pages.
import { graphql } from "../../gql";

export const AdminUsersDocument = graphql(`
  query AdminUsers($query: String, $role: String, $departmentCode: String, $after: String) {
    users(query: $query, role: $role, departmentCode: $departmentCode, first: 20, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id displayName email role isActive createdAt departments { code name nameEn } } }
    }
  }
`);

export const UpdateUserDocument = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      user { id displayName email role isActive createdAt departments { code name nameEn } }
      errors { field code message }
    }
  }
`);

export const InviteStaffDocument = graphql(`
  mutation InviteStaff($input: InviteStaffInput!) {
    inviteStaff(input: $input) {
      user { id email role }
      link
      reusedAccount
      errors { field code message }
    }
  }
`);

export const AuditLogDocument = graphql(`
  query AuditLog($first: Int!, $after: String, $actor: ID, $action: AuditAction) {
    auditLog(first: $first, after: $after, actor: $actor, action: $action) {
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id at actor { id displayName } action target before after requestId } }
    }
  }
`);

/** The admins, for the audit page's "by" filter. */
export const AdminActorsDocument = graphql(`
  query AdminActors {
    users(role: "admin", first: 100) { edges { node { id displayName } } }
  }
`);
