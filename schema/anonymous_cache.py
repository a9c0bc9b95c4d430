"""Anonymous GraphQL answers, shared: what the public sees is the same for every anonymous reader,
so 32 of them asking for the first page of agendas cost one execution, not 32.

An answer is reused only when all of these hold (``GraphQLView`` checks them):

* the request carries no credentials at all — no ``Authorization`` header, no session cookie — so
  a signed-in user's view is never stored, and a signed-in user is never served from here;
* the operation is a query (never a mutation), and the answer had no errors and set no cookie;
* the key matches exactly: the query text, the variables (canonical JSON), the operation name and
  the reader's language (messages and labels are localised);
* nothing readers see was written since through this process, another of the same ``agenda
  serve`` or an ``agenda`` command run on its data folder (the content generation,
  ``server/ops/writes.py``), and it is at most ``TTL_SECONDS`` old — the bound for writes made
  through another machine.

Bounded: at most ``MAX_ENTRIES`` answers and ``MAX_BYTES`` in all (least recently used dropped
first); an answer larger than ``MAX_ANSWER_BYTES`` is not kept."""

from __future__ import annotations

import time
from collections import OrderedDict
from functools import lru_cache
from typing import Hashable

from graphql import GraphQLError, OperationType, get_operation_ast, parse

from server.ops import writes

TTL_SECONDS = 1.0
MAX_ENTRIES = 512
MAX_BYTES = 32 * 1024 * 1024
MAX_ANSWER_BYTES = 512 * 1024


class AnswerCache:
    def __init__(self, *, ttl: float = TTL_SECONDS, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, tuple[int, float, bytes]] = OrderedDict()
        self._bytes = 0
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> bytes | None:
        found = self._entries.get(key)
        if found is None or found[0] != writes.current() or found[1] <= time.monotonic():
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return found[2]

    def put(self, key: Hashable, generation: int, started: float, body: bytes) -> None:
        """``generation`` and ``started``: when the answer began to be computed (a write during its
        execution leaves it unstored: it may show the old state)."""
        if generation != writes.current() or len(body) > MAX_ANSWER_BYTES:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old[2])
        self._entries[key] = (generation, started + self.ttl, body)
        self._bytes += len(body)
        while self._entries and (len(self._entries) > self.max_entries or self._bytes > self.max_bytes):
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped[2])

    def __len__(self) -> int:
        return len(self._entries)


@lru_cache(maxsize=256)
def is_query(query: str, operation_name: str | None, max_tokens: int) -> bool:
    """Whether the operation the request runs is a query (cached per document text; a document that
    does not parse is not, and fails on its own path with its own error)."""
    try:
        operation = get_operation_ast(parse(query, max_tokens=max_tokens), operation_name)
    except GraphQLError:
        return False
    return operation is not None and operation.operation == OperationType.QUERY
