"""The content generation: a number bumped whenever something a reader could see is written (every
write that announces itself to the search outbox, in the same call; the writes nothing indexes bump
it themselves once committed: departments and work plans, comments and their moderation, attached
files, an account's role), so caches of what readers see (list counts, anonymous GraphQL answers)
can tell "nothing changed since" from "something did".

Alone (one server process, tests, the CLI) it is a number in this process. Behind ``agenda serve``
with several processes (``AGENDA_WORKERS`` > 1) every process ``share``s one counter, eight bytes
of a file mapped into memory (``server/ops/mapped_file.py``): a write through any process is seen
by the next read in every other, at the cost of a memory read — no TTL wait.

The bump happens inside the writer's transaction, before it commits: a reader that recomputes in
that instant can cache the old value under the new generation. So the request that wrote bumps once
more when its response starts (``civic.app.GenerationAfterWriteMiddleware``: its transaction has
committed by then), and the outbox worker bumps when it reads the committed entries; the caches'
TTLs remain as the last bound.

A command run beside the server on the same machine (``agenda tick``, ``import``, ``worker``) counts
in the same file for as long as it runs (``joined``): what it writes is seen by the server's next read,
not a TTL later."""

from __future__ import annotations

import struct
from contextlib import contextmanager
from pathlib import Path

from server.ops.mapped_file import MappedFile

# Native format: struct copies a native "Q" with one 8-byte memcpy (a single aligned load or store on
# x86-64 and arm64), so a reader never sees half of a bump; the file never leaves the machine.
_COUNTER = struct.Struct("Q")

_generation = 0
_shared: MappedFile | None = None


def bump() -> None:
    global _generation
    if _shared is None:
        _generation += 1
        return
    with _shared.locked() as m:
        _COUNTER.pack_into(m, 0, _COUNTER.unpack_from(m, 0)[0] + 1)


def current() -> int:
    if _shared is None:
        return _generation
    return _COUNTER.unpack_from(_shared.map, 0)[0]


def share(path: Path, *, fresh: bool = False) -> None:
    """Count in ``path`` from now on, with every process that shares it. The value continues past
    this process's own, so nothing cached here before can match a generation read after."""
    global _shared
    mapped = MappedFile(path, _COUNTER.size, fresh=fresh)
    with mapped.locked() as m:
        start = max(_COUNTER.unpack_from(m, 0)[0], current()) + 1
        _COUNTER.pack_into(m, 0, start)
    old, _shared = _shared, mapped
    if old is not None:
        old.close()


def unshare() -> None:
    """Back to a number in this process (continuing from the shared value)."""
    global _shared, _generation
    if _shared is not None:
        _generation = current() + 1
        _shared.close()
        _shared = None


@contextmanager
def joined(path: Path):
    """Count in the file of the server that runs on this data folder, if one made it, while the block
    runs; once more when it ends — the command's last transaction has committed by then, as a
    request's has when ``GenerationAfterWriteMiddleware`` bumps. Without the file (no server here
    since the data folder was made) or when this process shares one already, nothing changes."""
    if _shared is not None or not path.exists():
        yield
        return
    share(path)
    try:
        yield
    finally:
        bump()
        unshare()
