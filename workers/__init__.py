"""Background workers: the loop that drains the transactional outbox
(``server.search.models.OutboxEntry``) into Meilisearch, the mail drain and the accountability tick.
They call the domain core (``server``); the composition root (``civic``) runs them in the server
process, in ``agenda serve``'s parent when it runs several server processes, or as ``agenda worker``."""

from __future__ import annotations


async def run_background(settings, engine, stop, *, batch_size: int = 500, started=None):
    """Drain the outbox into ``engine``, send mail and tick until ``stop`` is set (inside an open
    database context); returns the indexer and the mailer for their counts. ``started(indexer,
    mailer)`` is called before the loops begin."""
    import asyncio

    from workers import scheduler
    from workers.indexer import Indexer
    from workers.mailer import Mailer

    indexer = Indexer(engine, batch_size=batch_size)
    mailer = Mailer(settings)
    if started is not None:
        started(indexer, mailer)
    await asyncio.gather(indexer.run(stop), mailer.run(stop), scheduler.run(stop))
    return indexer, mailer
