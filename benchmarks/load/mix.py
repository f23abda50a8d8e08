"""Realistic-mix load benchmark: peak throughput of a loan officer's day of requests
across many tenants, then p50 / p95 / p99 per operation at 70% of that peak.

Run: .venv/bin/python benchmarks/load/mix.py [--workers CPUS/2] [--no-cpu-groups]
         [--no-servers-first] [--pool 16] [--clients 2] [--tenants 100] [--entrepreneurs 100000]
         [--loans 1000000] [--mentors 10000]
         [--step-seconds 5] [--confirm 3] [--duration 30] [--settle 5] [--timeline]
         [--keep-database NAME]

One command, on this machine's PostgreSQL (`BENCH_DATABASE_URL`, a superuser URL):

1. `_harness.bench_environment`: a fresh migrated database (or `--keep-database NAME`,
   created if missing and kept), the real `platform-api serve --workers N` (pools of
   `--pool` per worker, rate limits of 10,000,000 a minute per client and tenant: they
   never throttle the run, and the 429s are counted to show it) and the bare baseline
   (benchmarks/bare_app.py, same workers and pools);
2. `generate.py` writes the data (skipped when a kept database already holds it; the
   sizes are then the ones it was generated with), and every seeded tenant gets an API
   client of its own (`entrepreneurs:read loans:read loans:write matching:read`);
3. the mix, each request from a random tenant's client, on objects sampled per tenant
   (`--objects` loans and entrepreneurs per tenant and operation):

   | operation | weight | why |
   | --- | --- | --- |
   | `GET /v1/entrepreneurs/{id}` | 25 | an officer opens a borrower |
   | `GET /v1/loans/{id}` | 30 | ... and the loan's balance and arrears |
   | `GET /v1/loans?limit=20` | 15 | the portfolio screen, first page |
   | `POST /v1/loan-products/{id}/quote` | 10 | pricing a new loan (6 months) |
   | `POST /v1/loans/{id}/repayments` | 15 | a collection (1 minor unit, an active loan) |
   | `POST /v1/matching/mentor-recommendations` | 5 | top 10 mentors, network included |

4. phase 1, peak: closed loop (each connection one request in flight), concurrency
   doubled from 2 until throughput stops growing (two steps without 5% more than the
   best), then measured afresh `--confirm` times at the best step's concurrency: the
   peak is their median (the best of several noisy steps mostly overstates it, by up to
   18% on this VM); the bare single-row read is then driven the same way
   at that concurrency: the ratio mix / bare is what the API's whole stack and the
   mix's heavier operations cost against the raw limit (the other benchmarks print the
   same ratio);
   (Repayments carry a fresh Idempotency-Key each.)
5. phase 2: open loop at 70% of the peak, a constant arrival rate for `--duration`
   seconds, measured after `--settle` seconds at that rate (the steady state, not the
   step from the ramp's last load to this one); latency counts from when each request
   was due, so a request waiting for a connection is slow, not hidden (no coordinated
   omission). It prints throughput, p50 / p95 / p99 per operation and overall (target
   p99 <= 50 ms), errors by status, and the CPU the server, PostgreSQL and the load
   generator used per request; `--timeline` adds each second's p50 / p99 / max, how
   busy the machine was, and the server's cores and CPU per request answered (where a
   tail comes from: a server short of CPU was starved, one at a full core saturated).

The server gets half the machine's CPUs as workers by default (`--workers`): one core
per worker, as deploy/k8s sizes a pod, the other half for PostgreSQL and the load
generator. More workers than that measure the machine's saturation, not the API's.
`--cpu-groups` (on by default) puts the servers in one CPU cgroup and PostgreSQL (if it
runs on this machine), this script and the load generators in one weighted for the CPUs
the workers leave (`_harness.cpu_groups`; every process goes back at the end). With
`--servers-first` (the default) the servers' group has the largest weight: a worker
with work runs before PostgreSQL on its core, as the API's pods have their nodes' cores
to themselves in deploy/k8s, and PostgreSQL still uses what the worker leaves idle;
`--no-servers-first` weights them for `--workers` CPUs, as pods sharing a node by their
requests. Without groups, the scheduler weighs the worker's one thread as an equal of
each busy PostgreSQL backend and load-generator process, and in a contended second the
worker was starved (0.8 of a core with seconds of backlog): deploy/SCALING.md.

The load generator is `--clients` processes (each serving a share of the tenants), raw
asyncio (uvloop) HTTP/1.1 keep-alive with prebuilt requests: its CPU competes with the
server on a small machine, so it is reported (`client CPU`). Exits 1 if a request was
not answered 2xx.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _mixload import result_file
from generate import Sizes, generate, generated, size_flags, uid

from _harness import (
    Bench,
    BenchConfig,
    Target,
    _children,
    _cpu_delta,
    _database_cpu,
    _process_cpu,
    _stat_cpu,
    _terminate,
    bench_environment,
    busy_between,
    cpu_groups,
    cpu_ticks,
    stat_ticks,
    warn_if_busy,
)

LOADGEN = Path(__file__).resolve().parent / "_mixload.py"
TARGET_P99_MS = 50.0
#: A second in which the hypervisor took this share of the CPU counts as stolen.
STOLEN_SECOND = 0.05
LOAD_SHARE = 0.7
SCOPES = ("entrepreneurs:read", "loans:read", "loans:write", "matching:read")


@dataclass(frozen=True)
class Operation:
    name: str
    weight: int


ENTREPRENEUR = Operation("GET /v1/entrepreneurs/{id}", 25)
LOAN = Operation("GET /v1/loans/{id}", 30)
LIST = Operation("GET /v1/loans?limit=20", 15)
QUOTE = Operation("POST /v1/loan-products/{id}/quote", 10)
REPAYMENT = Operation("POST /v1/loans/{id}/repayments", 15)
RECOMMEND = Operation("POST /v1/matching/mentor-recommendations", 5)
MIX = (ENTREPRENEUR, LOAN, LIST, QUOTE, REPAYMENT, RECOMMEND)
BARE = Operation("bare Starlette + asyncpg, single-row read", 1)


def tenant_targets(sizes: Sizes, t: int, token: str, objects: int, rng: random.Random):
    """Tenant t's requests, one Target per operation (recommendations: one per
    entrepreneur, the body names it), over `objects` sampled loans and entrepreneurs."""
    people = [
        sizes.entrepreneur(t, n)
        for n in rng.sample(range(sizes.people_per_tenant), min(objects, sizes.people_per_tenant))
    ]
    loans = rng.sample(sizes.loans_of(t), min(objects, sizes.loans_per_tenant))
    active = sizes.active_loans(t)
    active = rng.sample(active, min(objects, len(active)))
    if not active:
        raise SystemExit(f"tenant {t} has no active loan to repay: seed more loans per tenant")
    today = datetime.now(UTC).date().isoformat()
    entrepreneur_paths = [f"/v1/entrepreneurs/{p}" for p in people]
    loan_paths = [f"/v1/loans/{uid(5, g)}" for g in loans]
    repayment_paths = [f"/v1/loans/{uid(5, g)}/repayments" for g in active]
    return {
        ENTREPRENEUR: [
            Target.get(
                ENTREPRENEUR.name, entrepreneur_paths[0], token=token, paths=entrepreneur_paths
            )
        ],
        LOAN: [Target.get(LOAN.name, loan_paths[0], token=token, paths=loan_paths)],
        LIST: [Target.get(LIST.name, "/v1/loans?limit=20", token=token)],
        QUOTE: [
            Target.post_json(
                QUOTE.name,
                f"/v1/loan-products/{sizes.product(t)}/quote",
                {"amount": 5_000_000, "term": 6, "disbursement_date": today},
                token=token,
            )
        ],
        REPAYMENT: [
            Target.post_json(
                REPAYMENT.name,
                repayment_paths[0],
                {"amount": 1},
                token=token,
                paths=repayment_paths,
                idempotency_key=True,
            )
        ],
        RECOMMEND: [
            Target.post_json(
                RECOMMEND.name,
                "/v1/matching/mentor-recommendations",
                {"entrepreneur_id": p, "limit": 10, "include_network": True},
                token=token,
            )
            for p in people[: max(1, objects // 10)]
        ],
    }


# --------------------------------------------------------------------------- driving it


@dataclass
class MixResult:
    """One load (all client processes) over `seconds` measured."""

    ops: Sequence[Operation]
    seconds: float
    latencies: list[list[float]]
    errors: list[dict[str, int]]
    sample_error: str | None
    client_cpu_s: float
    server_cpu_s: float | None
    database_cpu_s: float | None
    offered_rps: float | None = None
    #: Share of the machine's CPUs busy in the measured window (all processes).
    machine_busy: float | None = None
    #: Open loop: connections opened and requests waiting for one, at the most.
    most_connections: int = 0
    most_waiting: int = 0
    #: With --timeline: (due - start of the window, latency) of each request, and each
    #: second's CPU (:class:`Second`).
    timeline: list[tuple[float, float]] = field(default_factory=list)
    cpu_by_second: list[Second] = field(default_factory=list)
    all_latencies: list[float] = field(init=False)

    def __post_init__(self) -> None:
        for values in self.latencies:
            values.sort()
        self.all_latencies = sorted(v for values in self.latencies for v in values)

    @property
    def requests(self) -> int:
        return len(self.all_latencies)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    @property
    def error_count(self) -> int:
        return sum(sum(e.values()) for e in self.errors)

    def statuses(self) -> dict[str, int]:
        return _merge(self.errors)

    def per_request_us(self, cpu_s: float | None) -> str:
        if cpu_s is None or not self.requests:
            return "n/a"
        return f"{cpu_s / self.requests * 1e6:.0f} us/request ({cpu_s / self.seconds:.2f} cores)"


def percentile(values: list[float], q: float) -> float | None:
    """`values` sorted, in seconds; the q-quantile in ms (nearest rank)."""
    if not values:
        return None
    return values[min(len(values) - 1, int(q * len(values)))] * 1000


def _ms(value: float | None) -> str:
    return f"{value:8.2f}" if value is not None else "     n/a"


def drive(
    bench: Bench,
    url: str,
    pid: int,
    ops: Sequence[Operation],
    requests: Sequence[Sequence[Sequence[str]]],
    *,
    clients: int,
    warmup: float,
    duration: float,
    connections: int | None = None,
    rate: float | None = None,
    max_connections: int = 512,
    timeline: bool = False,
) -> MixResult:
    """Run the load generator, `clients` processes (closed loop with `connections` in
    all, or open loop at `rate` requests/s in all); `requests[c][op]` are client c's."""
    host_port = url.removeprefix("http://")
    host, _, port = host_port.partition(":")
    procs, spec_files = [], []
    for c in range(clients):
        spec = {
            "host": host,
            "port": int(port),
            "requests": requests[c],
            "weights": [op.weight for op in ops],
            "seed": c,
            "mode": "closed" if rate is None else "open",
            "connections": max(1, (connections or 0) // clients)
            + (c < (connections or 0) % clients),
            "rate": (rate or 0) / clients,
            "max_connections": max(1, max_connections // clients),
            "warmup": warmup,
            "duration": duration,
            "timeline": timeline,
        }
        spec_file = bench.log_dir / f"loadgen-{c}.json"
        spec_file.write_text(json.dumps(spec))
        spec_files.append(spec_file)
        procs.append(
            subprocess.Popen(
                [sys.executable, str(LOADGEN), str(spec_file)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for proc in procs:  # each has imported and built its requests
        assert proc.stdout is not None and proc.stdin is not None
        if proc.stdout.readline().strip() != "ready":
            raise SystemExit(f"load generator failed ({proc.wait()}):\n{proc.communicate()[1]}")
    start_at = time.monotonic() + 0.05
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write(f"{start_at!r}\n")
        proc.stdin.close()
    database = make_url(bench.database_url).database or ""
    time.sleep(max(0.0, start_at + warmup - time.monotonic()))
    server0, db0, ticks0 = _process_cpu(pid), _database_cpu(database), cpu_ticks()
    cpu_by_second = _cpu_by_second(start_at + warmup + duration, pid) if timeline else []
    time.sleep(max(0.0, start_at + warmup + duration - time.monotonic()))
    server1, db1, ticks1 = _process_cpu(pid), _database_cpu(database), cpu_ticks()
    outputs = []
    for n, proc in enumerate(procs):
        assert proc.stdout is not None and proc.stderr is not None
        err = proc.stderr.read()
        proc.wait()
        if proc.returncode != 0:
            raise SystemExit(f"load generator failed ({proc.returncode}):\n{err[-3000:]}")
        if err.strip():
            print(f"load generator stderr:\n{err[-2000:]}", file=sys.stderr)
        outputs.append(json.loads(result_file(spec_files[n]).read_text()))
    return MixResult(
        ops=ops,
        seconds=duration,
        latencies=[[v for o in outputs for v in o["latencies"][i]] for i in range(len(ops))],
        errors=[_merge([o["errors"][i] for o in outputs]) for i in range(len(ops))],
        sample_error=next((o["sample_error"] for o in outputs if o["sample_error"]), None),
        client_cpu_s=sum(o["client_cpu_s"] for o in outputs),
        server_cpu_s=_cpu_delta(server0, server1),
        database_cpu_s=_cpu_delta(db0, db1),
        machine_busy=busy_between(ticks0, ticks1),
        offered_rps=rate,
        most_connections=sum(o["most_connections"] for o in outputs),
        most_waiting=sum(o["most_waiting"] for o in outputs),
        timeline=sorted(tuple(t) for o in outputs for t in o["timeline"]),
        cpu_by_second=cpu_by_second,
    )


@dataclass(frozen=True)
class Second:
    """One second of the measured window: the machine's busy, steal and iowait share,
    and the cores the server's processes used (None where /proc cannot tell)."""

    busy: float
    steal: float
    iowait: float
    server_cores: float | None


def _cpu_by_second(until: float, server_pid: int) -> list[Second]:
    """Each second until `until` (time.monotonic()), sampled here, so the caller's sleep
    is the sampling loop. Empty where there is no /proc/stat: latencies only."""
    servers = [server_pid, *_children(server_pid)]  # found once: no /proc scan a second

    def server_cpu() -> float | None:
        each = [_stat_cpu(pid) for pid in servers]
        return None if None in each else sum(cpu or 0.0 for cpu in each)

    samples: list[Second] = []
    before, server_before = stat_ticks(), server_cpu()
    while before is not None and (left := until - time.monotonic()) > 0.05:
        started = time.monotonic()
        time.sleep(min(1.0, left))
        after, server_after = stat_ticks(), server_cpu()
        if after is None:
            break
        delta = [a - b for a, b in zip(after, before, strict=True)]
        total = sum(delta) or 1
        samples.append(
            Second(
                busy=1 - (delta[3] + delta[4]) / total,
                steal=delta[7] / total,
                iowait=delta[4] / total,
                server_cores=None
                if server_after is None or server_before is None
                else (server_after - server_before) / (time.monotonic() - started),
            )
        )
        before, server_before = after, server_after
    return samples


def print_timeline(result: MixResult) -> None:
    """Per second of the measured window: requests due, latency p50 / p99 / max, how
    busy the machine was (steal: time the hypervisor gave to someone else; iowait: idle
    with a disk read or write pending, e.g. a commit's WAL flush), and the server's cores
    and CPU per request answered in that second (the first second's runs high: it also
    answers requests due before the window, which are not counted). Where a slow
    second's server is short of a core it was starved, not saturated; where its CPU per
    request jumps, the same mix cost it more."""
    print(
        f"  {'second':>6} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
        "busy steal iowait server cores  us/answer"
    )
    by_second: dict[int, list[float]] = {}
    answered: dict[int, int] = {}
    for due, latency in result.timeline:
        by_second.setdefault(int(due), []).append(latency)
        answered[int(due + latency)] = answered.get(int(due + latency), 0) + 1
    slow = stolen = 0
    for second in range(int(result.seconds)):
        values = sorted(by_second.get(second, []))
        if (p99 := percentile(values, 0.99)) is not None and p99 > TARGET_P99_MS:
            slow += 1
            cpus = result.cpu_by_second
            if second < len(cpus) and cpus[second].steal >= STOLEN_SECOND:
                stolen += 1
        line = (
            f"  {second:>6} {len(values):>8} {_ms(percentile(values, 0.5))} "
            f"{_ms(percentile(values, 0.99))} {_ms(values[-1] * 1000 if values else None)}"
        )
        if second < len(result.cpu_by_second):
            cpu = result.cpu_by_second[second]
            line += f" {cpu.busy:4.0%} {cpu.steal:5.0%} {cpu.iowait:6.0%}"
            if cpu.server_cores is not None:
                done = answered.get(second, 0)
                per_answer = f"{cpu.server_cores * 1e6 / done:10.0f}" if done else f"{'-':>10}"
                line += f" {cpu.server_cores:12.2f} {per_answer}"
        print(line)
    steal = [cpu.steal for cpu in result.cpu_by_second]
    print(
        f"  seconds with p99 over {TARGET_P99_MS:.0f} ms: {slow} of {int(result.seconds)}"
        + (
            f"; in {stolen} of them the hypervisor took {STOLEN_SECOND:.0%} or more of the "
            f"CPU (steal), {sum(steal) / len(steal):.1%} over the window"
            if steal
            else ""
        )
    )


def _merge(counts: Sequence[dict[str, int]]) -> dict[str, int]:
    merged: dict[str, int] = {}
    for count in counts:
        for key, n in count.items():
            merged[key] = merged.get(key, 0) + n
    return merged


# --------------------------------------------------------------------------- the benchmark


def build_requests(bench: Bench, sizes: Sizes, objects: int, clients: int) -> list[list[list[str]]]:
    """A client and token per seeded tenant, its requests; tenant t's go to load
    generator t % clients. Two tenants' requests are sent once first (a broken one fails
    here with its response shown)."""
    rng = random.Random(1)
    host = bench.base_url.removeprefix("http://")
    requests: list[list[list[str]]] = [[[] for _ in MIX] for _ in range(clients)]
    checks: list[Target] = []
    for t in range(sizes.tenants):
        token = bench.client_token(SCOPES, tenant_id=sizes.tenant(t))
        targets = tenant_targets(sizes, t, token, objects, rng)
        for i, op in enumerate(MIX):
            for target in targets[op]:
                requests[t % clients][i] += target.request_templates(host)
        if t < 2:
            checks += [found[0] for found in targets.values()]
    bench._check(checks, bench.baseline())
    return requests


def find_peak(mix: Callable[..., MixResult], args: argparse.Namespace) -> tuple[MixResult, int]:
    """Closed loop, concurrency doubled until two steps bring no 5% more than the best:
    the best step and its concurrency."""
    best: MixResult | None = None
    best_at, stalls, connections = 0, 0, max(2, args.clients)
    while connections <= args.max_connections:
        result = mix(args.step_seconds, connections=connections)
        everything = result.all_latencies
        print(
            f"  {connections:4d} connections: {result.rps:7.0f} rps, "
            f"p50 {_ms(percentile(everything, 0.5))} ms, "
            f"p99 {_ms(percentile(everything, 0.99))} ms, errors {result.error_count}",
            flush=True,
        )
        grew = best is None or result.rps > best.rps * 1.05
        if best is None or result.rps > best.rps:
            best, best_at = result, connections
        stalls = 0 if grew else stalls + 1
        if stalls >= 2:
            break
        connections *= 2
    assert best is not None
    return best, best_at


def confirm_peak(
    mix: Callable[..., MixResult], args: argparse.Namespace, ramp_best: MixResult, at: int
) -> MixResult:
    """The peak, measured afresh `--confirm` times at the ramp's best concurrency: the
    median run. The ramp's best step is the highest of several noisy measurements, so it
    mostly overstates what the server sustains, and phase 2's rate would then be more
    than 70% of it."""
    if args.confirm < 1:
        return ramp_best
    runs = sorted(
        (mix(args.step_seconds, connections=at) for _ in range(args.confirm)), key=lambda r: r.rps
    )
    median = runs[len(runs) // 2]
    print(
        f"  re-measured at {at} connections: "
        + ", ".join(f"{r.rps:.0f}" for r in runs)
        + f" rps (the ramp's best step: {ramp_best.rps:.0f}); the peak is the median, "
        f"{median.rps:.0f} rps",
        flush=True,
    )
    return median


def report(result: MixResult) -> None:
    total = sum(op.weight for op in result.ops)
    print(
        f"  {'operation':<42} {'share':>5} {'requests':>9} {'rps':>7} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  errors"
    )
    rows = [
        (op.name, f"{op.weight / total:.0%}", result.latencies[i], result.errors[i])
        for i, op in enumerate(result.ops)
    ]
    rows.append(("all", "", result.all_latencies, result.statuses()))
    for name, share, values, errors in rows:
        print(
            f"  {name:<42} {share:>5} {len(values):>9,} {len(values) / result.seconds:>7.0f} "
            f"{_ms(percentile(values, 0.5))} {_ms(percentile(values, 0.95))} "
            f"{_ms(percentile(values, 0.99))}  {sum(errors.values())}"
            + (f" {errors}" if errors else "")
        )


def cpu_lines(result: MixResult) -> str:
    busy = "n/a" if result.machine_busy is None else f"{result.machine_busy:.0%}"
    return (
        f"server {result.per_request_us(result.server_cpu_s)}, "
        f"database {result.per_request_us(result.database_cpu_s)}, "
        f"load generator {result.per_request_us(result.client_cpu_s)}; "
        f"the machine's CPUs {busy} busy"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    size_flags(parser)
    parser.add_argument(
        "--workers",
        type=int,
        default=max(1, (os.cpu_count() or 2) // 2),
        help="uvicorn workers (half the CPUs: a core per worker, as deploy/k8s requests, "
        "and the rest for PostgreSQL and the load generator)",
    )
    parser.add_argument(
        "--cpu-groups",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="share the CPUs by weight between the servers and the rest (PostgreSQL, load "
        "generator), as a Kubernetes node does between pods (default on, where possible)",
    )
    parser.add_argument(
        "--servers-first",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="with --cpu-groups, the servers run first on the CPU while they have work, as "
        "on the API's own nodes; --no-servers-first weights them for --workers CPUs, as "
        "pods sharing a node with the database by their requests (default on)",
    )
    parser.add_argument("--pool", type=int, default=16, help="database pool per worker (16)")
    parser.add_argument("--clients", type=int, default=2, help="load-generator processes (2)")
    parser.add_argument(
        "--objects", type=int, default=50, help="loans, entrepreneurs per tenant and op (50)"
    )
    parser.add_argument(
        "--step-seconds", type=float, default=5.0, help="measured seconds per ramp step (5)"
    )
    parser.add_argument(
        "--max-connections", type=int, default=256, help="the ramp's last step (256)"
    )
    parser.add_argument(
        "--duration", type=float, default=30.0, help="seconds at 70%% of the peak (30)"
    )
    parser.add_argument(
        "--warmup", type=float, default=1.0, help="warm-up seconds before each ramp step (1)"
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=5.0,
        help="seconds at phase 2's rate before it is measured (5)",
    )
    parser.add_argument(
        "--share", type=float, default=LOAD_SHARE, help="phase 2's share of the peak (0.7)"
    )
    parser.add_argument(
        "--confirm",
        type=int,
        default=3,
        help="fresh runs at the best concurrency; the peak is their median (3; 0: the "
        "ramp's best step)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--timeline", action="store_true", help="phase 2 second by second (where a tail is)"
    )
    parser.add_argument(
        "--keep-database",
        metavar="NAME",
        help="serve database NAME and keep it; generated once, reused (sizes as generated)",
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    admin_url = os.environ.get(
        "BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    config = BenchConfig(
        duration=args.duration,
        warmup=args.warmup,
        connections=args.max_connections,
        rounds=1,
        loadgen="python",
        admin_url=admin_url.replace("postgresql+asyncpg://", "postgresql://"),
    )
    print(f"platform-api mix load benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC", flush=True)
    with (
        bench_environment(
            config, workers=args.workers, pool_max=args.pool, keep_database=args.keep_database
        ) as bench,
        contextlib.ExitStack() as cpu,
    ):
        sizes = asyncio.run(generated(bench.database_url))
        if sizes is None:
            sizes = Sizes(args.tenants, args.entrepreneurs, args.loans, args.mentors)
            seconds = asyncio.run(generate(bench.database_url, sizes, progress=not args.quiet))
            print(f"generated {sizes} in {seconds:.0f} s", flush=True)
        else:
            print(f"reusing the data generated earlier: {sizes}", flush=True)
        clients = max(1, min(args.clients, sizes.tenants))
        started = time.perf_counter()
        requests = build_requests(bench, sizes, args.objects, clients)
        print(
            f"{sizes.tenants} tenants' clients and requests ready in "
            f"{time.perf_counter() - started:.0f} s; server: {args.workers} workers, pools of "
            f"{args.pool}; load generator: {clients} processes; {os.cpu_count()} CPUs",
            flush=True,
        )
        warn_if_busy()
        print(
            cpu.enter_context(
                cpu_groups(
                    [bench.app_pid, bench.bare_pid],
                    args.workers,
                    bench.database_url,
                    servers_first=args.servers_first,
                )
            )
            if args.cpu_groups
            else "cpu groups: none, every thread shares the CPUs as an equal (--no-cpu-groups)",
            flush=True,
        )

        def mix(duration: float, warmup: float = args.warmup, **load: Any) -> MixResult:
            return drive(
                bench,
                bench.base_url,
                bench.app_pid,
                MIX,
                requests,
                clients=clients,
                warmup=warmup,
                duration=duration,
                **load,
            )

        mix(1.0, connections=16)  # warm-up: code paths, pools, the database's cache
        print("phase 1: peak throughput, closed loop", flush=True)
        ramp_best, at = find_peak(mix, args)
        peak = confirm_peak(mix, args, ramp_best, at)
        bare_host = bench.bare_url.removeprefix("http://")
        bare_requests = [[bench.baseline().request_templates(bare_host)]] * clients
        bare = drive(
            bench,
            bench.bare_url,
            bench.bare_pid,
            [BARE],
            bare_requests,
            clients=clients,
            warmup=args.warmup,
            duration=args.step_seconds,
            connections=at,
        )
        print(
            f"  peak: {peak.rps:.0f} rps at {at} connections; bare single-row read at {at} "
            f"connections: {bare.rps:.0f} rps, p50 {_ms(percentile(bare.all_latencies, 0.5))} "
            f"ms, p99 {_ms(percentile(bare.all_latencies, 0.99))} ms; "
            f"ratio mix / bare {peak.rps / bare.rps:.1%}"
            if bare.rps
            else "",
            flush=True,
        )
        print(f"  CPU at the peak: {cpu_lines(peak)}")
        print(f"  CPU of the bare read: {cpu_lines(bare)}")
        rate = args.share * peak.rps
        print(
            f"phase 2: open loop, {rate:.0f} requests/s ({args.share:.0%} of the peak) for "
            f"{args.duration:g} s",
            flush=True,
        )
        steady = mix(
            args.duration, warmup=args.settle, rate=rate, connections=at, timeline=args.timeline
        )
        report(steady)
        if args.timeline:
            print_timeline(steady)
        p99 = percentile(steady.all_latencies, 0.99)
        met = p99 is not None and p99 <= TARGET_P99_MS
        statuses = steady.statuses()
        print(
            f"\nsummary: {sizes.tenants} tenants, {sizes.loans:,} loans, {args.workers} "
            f"workers: peak {peak.rps:.0f} rps (bare single-row read {bare.rps:.0f} rps, "
            f"ratio {peak.rps / bare.rps if bare.rps else 0:.1%}); at {rate:.0f} rps offered "
            f"({args.share:.0%}) served {steady.rps:.0f} rps, p50 "
            f"{_ms(percentile(steady.all_latencies, 0.5)).strip()} ms, p95 "
            f"{_ms(percentile(steady.all_latencies, 0.95)).strip()} ms, p99 "
            f"{_ms(p99).strip()} ms (target p99 <= {TARGET_P99_MS:.0f} ms: "
            f"{'met' if met else 'NOT met'})"
        )
        print(f"  CPU at {args.share:.0%}: {cpu_lines(steady)}")
        print(
            f"  errors by status: {statuses or 'none'}; rate-limited (429): "
            f"{statuses.get('429', 0)}",
            flush=True,
        )
        failed = [r for r in (peak, bare, steady) if r.error_count]
        for result in failed:
            print(f"ERRORS: {result.statuses()}; first: {result.sample_error}", file=sys.stderr)
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
