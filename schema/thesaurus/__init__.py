"""GraphQL for the civic thesaurus: admins add concepts and terms."""
