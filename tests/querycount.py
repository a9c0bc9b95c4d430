"""Counting the SQL statements a piece of code runs, so that tests can assert that a list costs a
constant number of queries whatever its length (DataLoaders, not N+1).

Tortoise logs every statement it executes on the ``tortoise.db_client`` logger at DEBUG level, on
SQLite and PostgreSQL alike; we listen there instead of patching drivers."""

from __future__ import annotations

import contextlib
import logging
import re

_SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|TRUNCATE)\b", re.I)


class QueryCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if _SQL.match(message):
            self.statements.append(message)

    @property
    def count(self) -> int:
        return len(self.statements)


@contextlib.contextmanager
def count_queries():
    logger = logging.getLogger("tortoise.db_client")
    counter = QueryCounter()
    previous = logger.level
    logger.addHandler(counter)
    logger.setLevel(logging.DEBUG)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)
        logger.setLevel(previous)
