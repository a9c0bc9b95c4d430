"""A small file mapped into memory, shared by the server processes of one machine.

``agenda serve`` with ``AGENDA_WORKERS`` > 1 runs several processes that must agree on a little
state — the content generation (``server/ops/writes.py``) and the rate limit's buckets
(``server/ops/shared_buckets.py``) — without a service the embedded default would have to run. The
state lives in a file under the data folder that every process maps (``mmap``, ``MAP_SHARED``):
reads are plain memory reads, and a change is made under an exclusive ``flock`` on the file, which
the kernel drops if its holder dies (no stale lock after a crash). A file is local to one machine:
processes on several machines need a shared store (see docs/deployment.md)."""

from __future__ import annotations

import fcntl
import mmap
import os
import threading
from contextlib import contextmanager
from pathlib import Path


class MappedFile:
    def __init__(self, path: Path, size: int, *, fresh: bool = False) -> None:
        """Map ``size`` bytes of ``path``, creating (or, ``fresh``, zeroing) it. The process that owns
        a run (the ``agenda serve`` parent) opens it ``fresh``; the others attach to what is there."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.size = size
        self.fd = os.open(path, os.O_RDWR | os.O_CREAT | (os.O_TRUNC if fresh else 0), 0o600)
        if os.fstat(self.fd).st_size < size:
            os.ftruncate(self.fd, size)  # a new file reads as zeros
        self.map = mmap.mmap(self.fd, size, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
        self._thread_lock = threading.Lock()  # flock does not exclude threads sharing this descriptor

    @contextmanager
    def locked(self):
        with self._thread_lock:
            fcntl.flock(self.fd, fcntl.LOCK_EX)
            try:
                yield self.map
            finally:
                fcntl.flock(self.fd, fcntl.LOCK_UN)

    def close(self) -> None:
        try:
            self.map.close()
        finally:
            os.close(self.fd)
