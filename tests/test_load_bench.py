"""The load benchmark (benchmarks/load/) at a toy size, so that it cannot rot: the
generator's data must serve every operation of the mix 2xx through the real server, and
both phases must report."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import asyncpg
import pytest

from tests.conftest import ROOT


def _postmaster_cgroups(admin_url: str) -> str | None:
    """The cgroups of the PostgreSQL server's postmaster (its backend's parent, read while
    the backend is there), if it runs on this machine."""

    async def read() -> str | None:
        conn = await asyncpg.connect(admin_url)
        try:
            return _parents_cgroups(int(await conn.fetchval("SELECT pg_backend_pid()")))
        finally:
            await conn.close()

    # A loop of its own: asyncio.run would leave the thread without a current loop, which
    # the session-scoped async fixtures of later tests rely on.
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(read())
    finally:
        loop.close()


def _parents_cgroups(pid: int) -> str | None:
    stat = Path(f"/proc/{pid}/stat")
    if not stat.exists():
        return None
    parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
    return Path(f"/proc/{parent}/cgroup").read_text()


def _bench_groups() -> list[Path]:
    return [
        group
        for root in (Path("/sys/fs/cgroup/cpu"), Path("/sys/fs/cgroup"))
        if root.is_dir()
        for group in root.glob("platform-bench-*")
    ]


@pytest.mark.db
def test_generator_and_mix_run_end_to_end(admin_url: str) -> None:
    postmaster_cgroups = _postmaster_cgroups(admin_url)
    env = {**os.environ, "BENCH_DATABASE_URL": admin_url}
    tiny = ["--tenants", "2", "--entrepreneurs", "20", "--loans", "200", "--mentors", "20"]
    load = ["--step-seconds", "0.5", "--duration", "1", "--warmup", "0.2", "--settle", "0.2"]
    load += ["--max-connections", "2", "--confirm", "1", "--timeline"]
    server = ["--workers", "1", "--pool", "4", "--clients", "1", "--quiet"]
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks/load/mix.py"), *tiny, *load, *server],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    assert "generated Sizes(tenants=2, entrepreneurs=20, loans=200, mentors=20)" in out
    for operation in (
        "GET /v1/entrepreneurs/{id}",
        "GET /v1/loans/{id}",
        "GET /v1/loans?limit=20",
        "POST /v1/loan-products/{id}/quote",
        "POST /v1/loans/{id}/repayments",
        "POST /v1/matching/mentor-recommendations",
    ):
        assert operation in out
    assert "ratio mix / bare" in out
    assert "re-measured at 2 connections" in out  # the peak is not the ramp's best step
    assert "second requests" in out  # phase 2 second by second
    assert "server cores  us/answer" in out
    assert "seconds with p99 over 50 ms: " in out
    assert "errors by status: none; rate-limited (429): 0" in out
    # CPU shared by weight between the server and the rest where the machine allows it;
    # PostgreSQL is back in its own group afterwards and the groups are gone.
    assert "cpu groups: " in out
    if _can_group():
        assert "cpu groups: the servers' 1 worker(s) first on the CPU (weight 262144" in out
        assert "; PostgreSQL (" in out
    assert _postmaster_cgroups(admin_url) == postmaster_cgroups
    assert _bench_groups() == []


def _can_group() -> bool:
    return os.access("/sys/fs/cgroup/cpu", os.W_OK) and len(os.sched_getaffinity(0)) >= 2


# Run in a process of its own: cpu_groups finds the postmaster with asyncio.run.
_GROUP_WEIGHTS = """
import subprocess, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from _harness import _cgroup_of, cpu_groups
server = subprocess.Popen(["sleep", "30"])
try:
    with cpu_groups([server.pid], 1, sys.argv[2], servers_first=sys.argv[3] == "first") as line:
        print(line)
        print((_cgroup_of(server.pid, Path("/sys/fs/cgroup/cpu")) / "cpu.shares").read_text())
finally:
    server.kill()
"""


@pytest.mark.db
@pytest.mark.parametrize(("mode", "weight"), [("first", "262144"), ("request", "1024")])
def test_cpu_groups_weight_the_servers(admin_url: str, mode: str, weight: str) -> None:
    """First on the CPU: the largest weight cgroup v1 takes; by request: a core's 1024."""
    if not _can_group():
        pytest.skip("no writable cgroup v1 cpu controller and 2 CPUs here")
    postmaster_cgroups = _postmaster_cgroups(admin_url)
    result = subprocess.run(
        [sys.executable, "-c", _GROUP_WEIGHTS, str(ROOT / "benchmarks"), admin_url, mode],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    line, shares = result.stdout.strip().splitlines()
    assert shares == weight
    assert ("first on the CPU" in line) == (mode == "first")
    assert "PostgreSQL (" in line
    assert _postmaster_cgroups(admin_url) == postmaster_cgroups
    assert _bench_groups() == []
