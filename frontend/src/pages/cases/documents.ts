// GraphQL documents of the public case library.
import { graphql } from "../../gql";

export const CaseListDocument = graphql(`
  query CaseList($field: PolicyField, $origin: CaseOrigin, $first: Int!) {
    cases(field: $field, origin: $origin, first: $first) {
      id origin title summary outcome lessons field place publishedAt
      agenda { id title }
    }
  }
`);

// Facets are counted the usual way for filter chips: each facet's counts apply the other facet's
// selection but not its own, so choosing one field still shows how many the other fields hold.
export const CaseSearchDocument = graphql(`
  query CaseSearch($query: String!, $fields: [PolicyField!], $origins: [CaseOrigin!], $first: Int!) {
    results: searchCases(query: $query, fields: $fields, origins: $origins, first: $first) {
      estimatedTotal
      degraded
      cases {
        id origin title summary outcome lessons field place publishedAt
        agenda { id title }
      }
    }
    fieldCounts: searchCases(query: $query, origins: $origins, first: 1) {
      fieldFacets { value count }
    }
    originCounts: searchCases(query: $query, fields: $fields, first: 1) {
      originFacets { value count }
    }
  }
`);

export const CasePublishDocument = graphql(`
  mutation CasePublish($input: PublishCaseInput!) {
    publishCase(input: $input) {
      case { id title }
      errors { field code message }
    }
  }
`);

export const CaseDocument = graphql(`
  query CaseDetail($id: ID!) {
    case(id: $id) {
      id origin title summary outcome lessons field place publishedAt
      agenda { id title status }
    }
  }
`);
