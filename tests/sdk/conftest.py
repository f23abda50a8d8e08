"""A real server for the SDK: uvicorn in a subprocess on a free port, on the test run's
migrated database (tests/conftest.py), reached over TCP like any partner would."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import platform_api
from platform_api.core.db import DatabaseUrls
from platform_api.settings import Settings

SRC = Path(platform_api.__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def live_server(settings: Settings, database: DatabaseUrls, tmp_path_factory) -> Iterator[str]:
    port = _free_port()
    log = tmp_path_factory.mktemp("live-server") / "server.log"
    env = {
        **os.environ,
        "DATABASE_URL": database.owner,
        "DATABASE_APP_URL": database.app,
        "VAR_DIR": str(settings.var_dir),
        "LOG_LEVEL": "WARNING",
        "OVERDUE_SWEEP_SECONDS": "0",
        "DB_POOL_MIN": "1",
        "DB_POOL_MAX": "8",
        # The server runs the same code as this test run (a worktree, an editable install).
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "platform_api.cli:app_factory",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-access-log",
    ]
    with log.open("wb") as output:
        server = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                pytest.fail(f"the server exited ({server.returncode}):\n{log.read_text()}")
            try:
                if httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the server did not become ready:\n{log.read_text()}")
            time.sleep(0.2)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
