"""Files on disk, named by the SHA-256 of their (cleaned) bytes: ``<AGENDA_FILES_DIR>/ab/abcdef…``.

The same photo attached twice is kept once; a name says nothing about its uploader or agenda; and a
name is never built from user input (only from a hex digest), so no path can escape the folder.
Writes go to a temporary file in the same folder and are renamed into place: a reader never sees
half a file, and two writers of the same content end with the same complete file."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

_HEX64 = re.compile(r"[0-9a-f]{64}")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def path_for(root: Path, sha256: str) -> Path:
    if not _HEX64.fullmatch(sha256):
        raise ValueError("not a SHA-256 hex digest")
    return root / sha256[:2] / sha256


def put(root: Path, data: bytes) -> str:
    sha = digest(data)
    target = path_for(root, sha)
    if target.exists() and target.stat().st_size == len(data):
        return sha
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o640)
        os.replace(tmp, target)
    except BaseException:
        with _suppress():
            os.unlink(tmp)
        raise
    return sha


def remove(root: Path, sha256: str) -> None:
    with _suppress():
        path_for(root, sha256).unlink()


class _suppress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return exc[0] is not None and issubclass(exc[0], OSError)
