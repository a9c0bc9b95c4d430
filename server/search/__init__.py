"""Search: provisioning and indexing of agendas in Meilisearch."""
