"""Background workers: the loop that drains the transactional outbox
(``server.search.models.OutboxEntry``) into Meilisearch. They call the domain core (``server``);
the composition root (``civic``) runs them in-process or as ``agenda worker``."""
