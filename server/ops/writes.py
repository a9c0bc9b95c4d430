"""The content generation: a number this process bumps whenever it writes something a reader could
see (every write that announces itself to the search outbox, in the same call), so caches of what
readers see (list counts, anonymous GraphQL answers) can tell "nothing changed here since" from
"something did".

It is *per process*: another server process's write is not seen here. Every cache keyed on it
therefore also has a time bound (a TTL), which is what a reader may be behind by after a write
made by another process. The bump happens inside the writer's transaction, before it commits: a
reader that recomputes in that instant can cache the old value under the new generation — again
bounded by the TTL — and the outbox worker bumps once more when it reads the committed entry."""

from __future__ import annotations

_generation = 0


def bump() -> None:
    global _generation
    _generation += 1


def current() -> int:
    return _generation
