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


def _postmaster(admin_url: str) -> int | None:
    """The PostgreSQL server's pid if it runs on this machine (its backend's parent)."""

    async def backend() -> int:
        conn = await asyncpg.connect(admin_url)
        try:
            return int(await conn.fetchval("SELECT pg_backend_pid()"))
        finally:
            await conn.close()

    stat = Path(f"/proc/{asyncio.run(backend())}/stat")
    return int(stat.read_text().rsplit(")", 1)[1].split()[1]) if stat.exists() else None


@pytest.mark.db
def test_generator_and_mix_run_end_to_end(admin_url: str) -> None:
    postmaster = _postmaster(admin_url)
    cores_before = None if postmaster is None else os.sched_getaffinity(postmaster)
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
    assert "errors by status: none; rate-limited (429): 0" in out
    # The worker gets a core of its own where there are two, and PostgreSQL, pinned to
    # the others for the run, gets its cores back.
    if len(os.sched_getaffinity(0)) >= 2:
        assert "cores: the servers' 1 worker(s) on CPU" in out
    else:
        assert "cores: shared" in out
    if postmaster is not None:
        assert os.sched_getaffinity(postmaster) == cores_before
