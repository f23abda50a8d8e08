"""Local secret files a development machine generates for itself."""

from __future__ import annotations

import os
from pathlib import Path


def create_once(path: Path, content: bytes) -> None:
    """Write `content` to `path` (mode 0600) unless it exists, atomically: of several
    processes starting together, the first to finish wins and the others keep its file."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
    try:
        os.link(tmp, path)  # fails if another process won the race: keep theirs
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
