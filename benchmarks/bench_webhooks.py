"""Webhook delivery: events per second with 2 dispatchers, and commit-to-delivery latency.

Run: .venv/bin/python benchmarks/bench_webhooks.py [--backlog 10000] [--rate 500]
                                                   [--seconds 10] [--dispatchers 2]

On the machine's PostgreSQL (`BENCH_DATABASE_URL`, a superuser URL; default
`postgresql://postgres@127.0.0.1:5432/postgres`) it creates and migrates a throw-away
database (`_harness.scratch_database`), creates one tenant and one endpoint subscribed to
`repayment.posted` on a local receiver (a separate process: an asyncio HTTP/1.1 server
that answers 200 and notes when each event id arrived), and starts `--dispatchers`
processes of `platform-api worker` (the real command, as the app role, under row-level
security; loopback allowed as in development). Then:

1. **Burst**: once the dispatchers have delivered a warm-up, `--backlog` events are
   committed as fast as one connection can (100 per transaction, each about its own
   resource, as the app role through `emit_many`); from the first commit until every
   delivery is recorded gives the throughput (events/s), and the CPU time the dispatcher
   processes and their PostgreSQL backends used meanwhile, per event (less moved by
   other load than the throughput).
2. **Steady**: events are committed at `--rate` per second for `--seconds` (a transaction
   of 5 events every 1/(rate/5) s); each event's commit time (taken when COMMIT returns)
   against its arrival at the receiver gives the latency p50/p95/p99.

The raw limit beside it: the same receiver taking the same signed bodies from a bare aiohttp
client (no database) with the same number of connections in flight, in as many
processes as there are dispatchers; the throughput is printed as a share of it.
Targets: >= 500 events/s, p95 <= 1 s. Exits 1 if an event was lost or duplicated when
nothing failed, never for a figure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import asyncpg

from _harness import (
    APP_ROLE,
    DEFAULT_DATABASE_URL,
    ScratchDatabase,
    _process_cpu,
    scratch_database,
)
from platform_api.core.db import Database, create_pool
from platform_api.core.outbox import emit_many
from platform_api.settings import Settings
from platform_api.webhooks import service
from platform_api.webhooks.schemas import WebhookEndpointCreate

TARGET_RATE = 500.0
TARGET_P95_MS = 1000.0
IN_FLIGHT = 64  # webhook_max_in_flight's default, per dispatcher
WARMUP = 100  # events delivered before measuring (the workers have started)
ROOT = Path(__file__).resolve().parent.parent
#: Child processes start afresh (this process has an event loop running when it forks).
SPAWN = multiprocessing.get_context("spawn")


# --------------------------------------------------------------------------- receiver


class _Receiver(asyncio.Protocol):
    """HTTP/1.1 keep-alive; notes `Platform-Event-Id` and the arrival time; answers 200."""

    arrivals: list[tuple[str, float]]

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].decode("latin-1").lower()
            length = 0
            event_id = ""
            for line in head.split("\r\n"):
                name, _, value = line.partition(":")
                if name == "content-length":
                    length = int(value)
                elif name == "platform-event-id":
                    event_id = value.strip()
            if len(self.buffer) < end + 4 + length:
                return
            self.buffer = self.buffer[end + 4 + length :]
            self.arrivals.append((event_id, time.time()))
            self.transport.write(  # type: ignore[attr-defined]
                b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok"
            )


def _serve_receiver(port: int, out: str, ready: multiprocessing.synchronize.Event) -> None:
    """Receiver process: serve until SIGTERM, then write the arrivals as JSON to `out`."""
    arrivals: list[tuple[str, float]] = []
    _Receiver.arrivals = arrivals

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        server = await loop.create_server(_Receiver, "127.0.0.1", port, backlog=1024)
        ready.set()
        await stop.wait()
        server.close()

    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(serve())
    Path(out).write_text(json.dumps(arrivals))


# --------------------------------------------------------------------------- raw limit


def _bare_client(url: str, requests: int, result: multiprocessing.queues.Queue[float]) -> None:
    """The raw limit: POST signed bodies with IN_FLIGHT requests open, no database, with
    the HTTP client the dispatcher uses (aiohttp)."""
    import aiohttp

    from platform_api.webhooks import signing

    async def run() -> float:
        secret = signing.new_secret()
        remaining = requests
        connector = aiohttp.TCPConnector(limit=IN_FLIGHT)
        async with aiohttp.ClientSession(connector=connector) as session:

            async def worker() -> None:
                nonlocal remaining
                while remaining > 0:
                    remaining -= 1
                    body = json.dumps({"id": str(uuid.uuid4()), "n": remaining}).encode()
                    stamp = int(time.time())
                    headers = {
                        "Content-Type": "application/json",
                        "Platform-Event-Id": str(uuid.uuid4()),
                        "Platform-Timestamp": str(stamp),
                        "Platform-Signature": signing.signature_header([secret], stamp, body),
                    }
                    async with session.post(url, data=body, headers=headers) as response:
                        await response.content.read(512)

            started = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(IN_FLIGHT)))
            return time.perf_counter() - started

    result.put(requests / asyncio.run(run()))


def _raw_limit(url: str, processes: int, requests: int) -> float:
    queue: multiprocessing.queues.Queue[float] = SPAWN.Queue()
    workers = [
        SPAWN.Process(target=_bare_client, args=(url, requests, queue)) for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    rates = [queue.get() for _ in workers]
    for worker in workers:
        worker.join()
    return sum(rates)


# --------------------------------------------------------------------------- set-up


async def _set_up(db: ScratchDatabase, url: str) -> uuid.UUID:
    """One tenant and its endpoint on the receiver; the tenant's id."""
    tenant_id = uuid.uuid4()
    admin = await asyncpg.connect(db.admin)
    try:
        await admin.execute(
            "INSERT INTO tenants (id, name, country, default_currency) "
            "VALUES ($1, 'Bench MFI', 'KE', 'KES')",
            tenant_id,
        )
    finally:
        await admin.close()
    pool = await create_pool(db.app, Settings(db_pool_max=4))
    try:
        async with Database(pool).transaction(tenant_id) as conn:
            await service.create_endpoint(
                conn,
                tenant_id=tenant_id,
                actor=uuid.uuid4(),
                data=WebhookEndpointCreate(url=url, event_types=["repayment.posted"]),
            )
    finally:
        await pool.close()
    return tenant_id


def _start_dispatchers(
    db: ScratchDatabase, count: int, var_dir: Path
) -> list[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "DATABASE_URL": db.owner,
        "DATABASE_APP_URL": db.app,
        "DB_APP_ROLE": APP_ROLE,
        "DB_APP_PASSWORD": db.password,
        "VAR_DIR": str(var_dir),
        "LOG_LEVEL": "WARNING",
        "WEBHOOK_ALLOW_LOOPBACK": "true",
        "OVERDUE_SWEEP_SECONDS": "0",
    }
    command = [str(ROOT / ".venv" / "bin" / "platform-api"), "worker"]
    if not Path(command[0]).exists():
        command = [sys.executable, "-m", "platform_api.cli", "worker"]
    return [subprocess.Popen(command, env=env) for _ in range(count)]


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


# --------------------------------------------------------------------------- phases


async def _emit_backlog(db: Database, tenant_id: uuid.UUID, count: int) -> None:
    for start in range(0, count, 100):
        async with db.transaction(tenant_id) as conn:
            await emit_many(
                conn,
                tenant_id=tenant_id,
                type="repayment.posted",
                events=[(uuid.uuid4(), {"n": n}) for n in range(start, min(count, start + 100))],
            )


async def _emit_steadily(
    db: Database, tenant_id: uuid.UUID, rate: float, seconds: float
) -> dict[uuid.UUID, float]:
    """Commit `rate` events/s for `seconds`; each event's subject and its commit time."""
    per_transaction = 5
    interval = per_transaction / rate
    committed: dict[uuid.UUID, float] = {}
    started = time.perf_counter()
    tick = 0
    while time.perf_counter() - started < seconds:
        subjects = [uuid.uuid4() for _ in range(per_transaction)]
        async with db.transaction(tenant_id) as conn:
            await emit_many(
                conn,
                tenant_id=tenant_id,
                type="repayment.posted",
                events=[(subject, {"tick": tick}) for subject in subjects],
            )
        now = time.time()
        committed.update(dict.fromkeys(subjects, now))
        tick += 1
        delay = started + tick * interval - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
    return committed


async def _cpu_seconds(
    check: asyncpg.Connection, dispatchers: list[subprocess.Popen[bytes]]
) -> tuple[float, dict[int, float]]:
    """CPU seconds so far of the dispatcher processes, and of each of their PostgreSQL
    backends (those named `platform-api`: the benchmark's own connection is renamed)."""
    workers = sum(_process_cpu(process.pid) or 0.0 for process in dispatchers)
    backends = await check.fetch(
        "SELECT pid FROM pg_stat_activity "
        "WHERE datname = current_database() AND application_name = 'platform-api'"
    )
    return workers, {
        row["pid"]: cpu for row in backends if (cpu := _process_cpu(row["pid"])) is not None
    }


async def _wait_for(check: asyncpg.Connection, tenant_id: uuid.UUID, total: int) -> float:
    """Until the tenant has `total` delivered deliveries (polled as the superuser); when."""
    while True:
        delivered = await check.fetchval(
            "SELECT count(*) FROM webhook_deliveries WHERE tenant_id = $1 AND status = 'delivered'",
            tenant_id,
        )
        if delivered >= total:
            return time.time()
        await asyncio.sleep(0.05)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def bench(db: ScratchDatabase, args: argparse.Namespace, tmp: Path) -> int:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/hooks"
    arrivals_file = tmp / "arrivals.json"
    ready = SPAWN.Event()
    receiver = SPAWN.Process(target=_serve_receiver, args=(port, str(arrivals_file), ready))
    receiver.start()
    ready.wait(10)
    raw = _raw_limit(url, args.dispatchers, 5000)
    tenant_id = await _set_up(db, url)
    # One connection, renamed so that its CPU is not counted as the dispatchers'.
    pool = await create_pool(db.app, Settings(db_pool_min=1, db_pool_max=1))
    await pool.execute("SET application_name = 'bench-emitter'")
    app_db = Database(pool)
    check = await asyncpg.connect(db.admin)
    dispatchers: list[subprocess.Popen[bytes]] = []
    try:
        dispatchers = _start_dispatchers(db, args.dispatchers, tmp / "var")
        await _emit_backlog(app_db, tenant_id, WARMUP)  # and the workers are up
        await _wait_for(check, tenant_id, WARMUP)
        workers_before, backends_before = await _cpu_seconds(check, dispatchers)
        burst_started = time.time()
        await _emit_backlog(app_db, tenant_id, args.backlog)
        drained_at = await _wait_for(check, tenant_id, WARMUP + args.backlog)
        drain_rate = args.backlog / (drained_at - burst_started)
        workers_after, backends_after = await _cpu_seconds(check, dispatchers)
        worker_cpu_ms = (workers_after - workers_before) / args.backlog * 1000
        database_cpu_ms = (
            sum(cpu - backends_before.get(pid, 0.0) for pid, cpu in backends_after.items())
            / args.backlog
            * 1000
        )

        steady = await _emit_steadily(app_db, tenant_id, args.rate, args.seconds)
        await _wait_for(check, tenant_id, WARMUP + args.backlog + len(steady))
        event_of = {
            row["subject_id"]: str(row["id"])
            for row in await check.fetch(
                "SELECT id, subject_id FROM outbox_events WHERE tenant_id = $1", tenant_id
            )
        }
    finally:
        _stop(dispatchers)
        await check.close()
        await pool.close()
        receiver.terminate()
        receiver.join()

    arrivals: list[tuple[str, float]] = json.loads(arrivals_file.read_text())
    ours = set(event_of.values())  # (the raw limit's requests carry other ids)
    arrived_at: dict[str, float] = {}
    received = 0
    for event_id, at in arrivals:
        if event_id in ours:
            received += 1
            arrived_at.setdefault(event_id, at)
    duplicates = received - len(arrived_at)
    latencies = [
        (arrived_at[event_of[subject]] - committed) * 1000 for subject, committed in steady.items()
    ]
    steady_rate = len(steady) / args.seconds

    print(
        f"events: {WARMUP} warm-up + {args.backlog} burst + {len(steady)} steady, "
        f"{args.dispatchers} dispatchers"
    )
    print(f"raw limit (bare aiohttp POSTs, no database): {raw:8.0f} requests/s")
    print(
        f"burst:  {drain_rate:8.0f} events/s = {drain_rate / raw:.0%} of the raw limit "
        f"(target >= {TARGET_RATE:.0f} events/s)"
    )
    print(
        f"        CPU per burst event: dispatchers {worker_cpu_ms:.2f} ms, "
        f"their PostgreSQL backends {database_cpu_ms:.2f} ms"
    )
    print(
        f"steady: {steady_rate:8.0f} events/s offered, latency commit -> delivery "
        f"p50 {_percentile(latencies, 0.50):.0f} ms, p95 {_percentile(latencies, 0.95):.0f} ms, "
        f"p99 {_percentile(latencies, 0.99):.0f} ms (target p95 <= {TARGET_P95_MS:.0f} ms)"
    )
    print(f"lost: {len(event_of) - len(arrived_at)}, duplicated: {duplicates}")
    return 0 if len(arrived_at) == len(event_of) and duplicates == 0 else 1


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _terminate(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--backlog", type=int, default=10_000, help="events in the burst (10000)")
    parser.add_argument("--rate", type=float, default=500, help="steady events/s (500)")
    parser.add_argument("--seconds", type=float, default=10, help="steady phase length (10)")
    parser.add_argument("--dispatchers", type=int, default=2, help="worker processes (2)")
    args = parser.parse_args(argv)
    admin_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL).replace(
        "postgresql+asyncpg://", "postgresql://"
    )
    signal.signal(signal.SIGTERM, _terminate)
    print(f"platform-api webhook benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC", flush=True)
    with (
        tempfile.TemporaryDirectory(prefix="platform-bench-") as tmp,
        scratch_database(admin_url, Path(tmp)) as db,
    ):
        return asyncio.run(bench(db, args, Path(tmp)))


if __name__ == "__main__":
    sys.exit(main())
