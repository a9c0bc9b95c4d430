"""Search in GraphQL: search and similarAgendas."""
