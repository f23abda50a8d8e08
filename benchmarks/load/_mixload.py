"""The mix's load-generator process (benchmarks/load/mix.py starts `--clients` of them):
closed or open loop over weighted operations, per-operation latencies and errors.

    python benchmarks/load/_mixload.py SPEC.json

It reads the spec, prints `ready`, reads the start time (`time.monotonic()`, shared by
all the processes) from stdin, runs, and writes its results next to the spec
(:func:`result_file`). Standard library and uvloop only, so it starts in a blink.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import random
import resource
import secrets
import sys
import time
from collections import deque
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _http import KEY_MARK, HttpConnection, identity


class _Load:
    """One load-generator process's run: per-operation latencies and errors."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.host, self.port = spec["host"], spec["port"]
        self.ops: list[list[tuple[bytes, ...]]] = [
            [tuple(r.encode("latin-1").split(KEY_MARK.encode("latin-1"), 1)) for r in op]
            for op in spec["requests"]
        ]
        self.weights = list(spec["weights"])
        self.rng = random.Random(spec["seed"])
        self.key_prefix = f"mix-{secrets.token_hex(6)}-".encode()
        self.sent = 0
        self.warmup, self.duration = spec["warmup"], spec["duration"]
        self.start = self.measure_from = self.stop_at = 0.0
        self.latencies: list[list[float]] = [[] for _ in self.ops]
        self.errors: list[dict[str, int]] = [{} for _ in self.ops]
        self.sample_error: str | None = None
        #: (due - start of the measured window, latency) of each measured request, if asked.
        self.timeline: list[tuple[float, float]] | None = [] if spec.get("timeline") else None
        self.connections: set[_MixConnection] = set()
        self.opening: set[asyncio.Future[None]] = set()

    def start_at(self, monotonic: float) -> None:
        """The run's clock: it starts at `monotonic` (time.monotonic(), shared by every
        process of the load generator)."""
        self.start = time.perf_counter() + monotonic - time.monotonic()
        self.measure_from = self.start + self.warmup
        self.stop_at = self.measure_from + self.duration

    def next_request(self) -> tuple[int, bytes]:
        op = self.rng.choices(range(len(self.ops)), self.weights)[0]
        parts = self.rng.choice(self.ops[op])
        self.sent += 1
        if len(parts) == 2:  # a fresh Idempotency-Key
            return op, parts[0] + self.key_prefix + str(self.sent).encode() + parts[1]
        return op, parts[0]

    def in_window(self, started: float, now: float) -> bool:
        return self.measure_from <= now < self.stop_at

    def error(self, op: int, status: str, sample: str) -> None:
        self.errors[op][status] = self.errors[op].get(status, 0) + 1
        if self.sample_error is None:
            self.sample_error = sample

    def record(self, op: int, started: float, now: float, status: str, sample: str) -> None:
        """A request answered (or lost: `status` says how)."""
        if sample:
            self.error(op, status, sample)
        if self.in_window(started, now):
            self.latencies[op].append(now - started)
            if self.timeline is not None:
                self.timeline.append((started - self.measure_from, now - started))

    def connect(self) -> None:
        loop = asyncio.get_running_loop()
        conn = _MixConnection(self)
        self.connections.add(conn)

        async def open_() -> None:
            try:
                await loop.create_connection(
                    functools.partial(identity, conn), self.host, self.port
                )
            except OSError as exc:
                self.error(0, "connect", f"connect: {exc!r}")
                await asyncio.sleep(0.1)
                self.lost(conn)

        opening = asyncio.ensure_future(open_())
        self.opening.add(opening)
        opening.add_done_callback(self.opening.discard)

    async def prepare(self) -> None:
        """Before the start (default: nothing)."""

    def ready(self, conn: _MixConnection) -> None:
        raise NotImplementedError

    def lost(self, conn: _MixConnection) -> None:
        raise NotImplementedError

    async def drive(self) -> None:
        raise NotImplementedError


class _ClosedLoad(_Load):
    """Closed loop: `connections` connections, each sends again as soon as answered."""

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__(spec)
        self.count = spec["connections"]
        self.done = asyncio.get_running_loop().create_future()

    def ready(self, conn: _MixConnection) -> None:
        now = time.perf_counter()
        if now >= self.stop_at:
            conn.close()
            self.lost(conn)
            return
        conn.send(*self.next_request(), now)

    def lost(self, conn: _MixConnection) -> None:
        self.connections.discard(conn)
        if time.perf_counter() < self.stop_at:
            self.connect()  # keep the concurrency
        elif not self.connections and not self.done.done():
            self.done.set_result(None)

    async def drive(self) -> None:
        await asyncio.sleep(max(0.0, self.start - time.perf_counter()))
        for _ in range(self.count):
            self.connect()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.done, self.stop_at - time.perf_counter() + 10)
        for conn in list(self.connections):
            conn.close()


class _OpenLoad(_Load):
    """Open loop: requests due at a constant `rate`, each on an idle connection (up to
    `max_connections`, opened as needed) or queued until one is free; a request's
    latency runs from when it was due."""

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__(spec)
        self.rate = spec["rate"]
        self.max_connections = spec["max_connections"]
        self.preopen = min(spec["connections"], self.max_connections)
        self.idle: deque[_MixConnection] = deque()
        self.backlog: deque[float] = deque()
        self.outstanding = 0
        self.dispatched = False
        self.most_waiting = self.most_connections = 0
        self.answered = asyncio.Event()

    def in_window(self, started: float, now: float) -> bool:
        return self.measure_from <= started < self.stop_at

    async def prepare(self) -> None:
        """`connections` connections opened and idle before the start, as a steady load
        has them (no burst of connects at the start)."""
        for _ in range(self.preopen):
            self.connect()
        for _ in range(200):
            if len(self.idle) >= self.preopen:
                break
            await asyncio.sleep(0.01)

    def ready(self, conn: _MixConnection) -> None:
        if self.backlog:
            conn.send(*self.next_request(), self.backlog.popleft())
        else:
            self.idle.append(conn)  # FIFO: every connection stays in use, none idles out

    def lost(self, conn: _MixConnection) -> None:
        self.connections.discard(conn)
        with contextlib.suppress(ValueError):
            self.idle.remove(conn)
        if self.backlog and len(self.connections) < self.max_connections:
            self.connect()

    def due(self, at: float) -> None:
        self.outstanding += 1
        if self.idle:
            self.idle.popleft().send(*self.next_request(), at)
            return
        self.backlog.append(at)
        self.most_waiting = max(self.most_waiting, len(self.backlog))
        if len(self.connections) < self.max_connections:
            self.connect()
            self.most_connections = max(self.most_connections, len(self.connections))

    def record(self, op: int, started: float, now: float, status: str, sample: str) -> None:
        super().record(op, started, now, status, sample)
        self.outstanding -= 1
        if self.dispatched and self.outstanding == 0:
            self.answered.set()

    async def drive(self) -> None:
        start = self.start  # the warm-up runs at the rate too, not counted
        await asyncio.sleep(max(0.0, start - time.perf_counter()))
        interval, n = 1.0 / self.rate, 0
        while (at := start + n * interval) < self.stop_at:
            # Always yield: the responses are read while it waits.
            await asyncio.sleep(max(0.0, at - time.perf_counter()))
            now = time.perf_counter()
            while (at := start + n * interval) <= now and at < self.stop_at:
                self.due(at)
                n += 1
        self.dispatched = True
        if self.outstanding:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    self.answered.wait(), self.stop_at + 10 - time.perf_counter()
                )
        if self.outstanding > 0:  # never answered (counted on the first operation)
            self.errors[0]["timeout"] = self.outstanding
        for conn in list(self.connections):
            conn.close()


class _MixConnection(HttpConnection):
    def __init__(self, load: _Load) -> None:
        super().__init__()
        self.load = load
        self.op = -1
        self.started = 0.0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        self.load.ready(self)

    def send(self, op: int, request: bytes, started: float) -> None:
        self.op, self.started = op, started
        assert self.transport is not None
        self.transport.write(request)

    def response(self, now: float, status: int, sample: str) -> None:
        op, self.op = self.op, -1
        self.load.record(op, self.started, now, str(status), sample)
        self.load.ready(self)

    def unsupported(self, reason: str) -> None:
        self.load.record(self.op, self.started, time.perf_counter(), "unsupported", reason)
        self.op = -1
        self.close()

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        if self.op >= 0:  # a request in flight
            self.load.record(
                self.op, self.started, time.perf_counter(), "connection lost", repr(exc)
            )
            self.op = -1
        self.load.lost(self)


async def _generate(spec: dict[str, Any]) -> dict[str, Any]:
    """Ready (`ready` on stdout), then the start time from stdin, then the run."""
    load: _Load = _ClosedLoad(spec) if spec["mode"] == "closed" else _OpenLoad(spec)
    await load.prepare()
    print("ready", flush=True)
    line = await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    load.start_at(float(line))

    async def window_cpu() -> float:
        await asyncio.sleep(max(0.0, load.measure_from - time.perf_counter()))
        before = resource.getrusage(resource.RUSAGE_SELF)
        await asyncio.sleep(max(0.0, load.stop_at - time.perf_counter()))
        after = resource.getrusage(resource.RUSAGE_SELF)
        return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime

    cpu = asyncio.ensure_future(window_cpu())
    await load.drive()
    return {
        "latencies": load.latencies,
        "errors": load.errors,
        "sample_error": load.sample_error,
        "client_cpu_s": await cpu,
        "most_connections": getattr(load, "most_connections", 0),
        "most_waiting": getattr(load, "most_waiting", 0),
        "timeline": load.timeline or [],
    }


def main(spec_file: str) -> int:
    spec = json.loads(Path(spec_file).read_text())
    try:
        import uvloop
    except ImportError:
        result = asyncio.run(_generate(spec))
    else:
        result = uvloop.run(_generate(spec))
    # To a file: a large write to the stdout pipe was cut short (left non-blocking).
    result_file(Path(spec_file)).write_text(json.dumps(result))
    return 0


def result_file(spec_file: Path) -> Path:
    return spec_file.with_suffix(".result.json")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
