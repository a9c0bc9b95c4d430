// GraphQL documents of the admin's civic thesaurus page and of the departments' keyword suggestions.
import { graphql } from "../../gql";

export const ThesaurusConceptsDocument = graphql(`
  query ThesaurusConcepts($query: String, $first: Int!, $after: String) {
    thesaurusConcepts(query: $query, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id label group builtIn terms { lang term builtIn } } }
    }
  }
`);

export const AddThesaurusTermsDocument = graphql(`
  mutation AddThesaurusTerms($input: ThesaurusTermsInput!) {
    addThesaurusTerms(input: $input) {
      concept { id label builtIn terms { lang term builtIn } }
      errors { field code message }
    }
  }
`);

export const KeywordSuggestionsDocument = graphql(`
  query KeywordSuggestions($departmentCode: String!) {
    keywordSuggestions(departmentCode: $departmentCode) { term concept count agendaIds }
  }
`);

export const AcceptKeywordSuggestionDocument = graphql(`
  mutation AcceptKeywordSuggestion($input: AcceptKeywordSuggestionInput!) {
    acceptKeywordSuggestion(input: $input) {
      department { code name nameEn fields keywords dutyStatement active }
      errors { field code message }
    }
  }
`);
