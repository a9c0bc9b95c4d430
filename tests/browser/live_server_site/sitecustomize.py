"""Run at start by every Python process of a browser test's live server (the server's environment
puts this folder on ``PYTHONPATH``, and uvicorn's worker processes inherit it).

Passwords are hashed with argon2 at its lowest cost, as ``tests/conftest.py`` does for the tests
that run in process: the production cost (64 MiB, 3 passes, ~0.2 s a hash) is the point in
production and only slowness here — the demo's 25 accounts are hashed at every server start, and
the browser tests register and log in ~100 times. Nothing else changes."""

import sys
from pathlib import Path

from argon2 import PasswordHasher

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # this checkout's server package
from server.accounts import passwords  # noqa: E402

passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
passwords._DUMMY_HASH = passwords._hasher.hash("civic-agenda-dummy-password")
