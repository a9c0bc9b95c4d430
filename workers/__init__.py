"""Background workers that drain the transactional outbox (``server.search.models.OutboxEntry``)
into Meilisearch. The drain loop arrives with the search issue; the outbox table already exists so
that every indexed change written from the first agenda onwards is announced."""
