"""HTTP load-benchmark harness: the real API against a bare Starlette + asyncpg baseline.

One call to :func:`run` does everything, in one process tree, on this machine:

1. creates a fresh database ``platform_bench_<hex>`` on the machine's PostgreSQL
   (``BENCH_DATABASE_URL``, a superuser URL; default
   ``postgresql://postgres@127.0.0.1:5432/postgres``), owned by ``platform_bench_owner``,
   migrates it and bootstraps the operator; the database is dropped at the end;
2. serves the real API as a subprocess (``platform-api serve --workers 1``) and, through
   the API, creates a tenant, a client, a token and one entrepreneur;
3. serves the baseline (``benchmarks/bare_app.py``: a route doing the same single-row
   read of that entrepreneur, and one inserting a row in a transaction, with a same-size
   asyncpg pool, as the superuser so that row-level security is not in its way) with the
   same uvicorn options;
4. calls the script's ``build_targets(bench)``, which may create its own fixtures through
   the API (``bench.post(...)``) and returns the requests to measure (:class:`Target`);
5. drives the baseline, then each target, with the same closed-loop load: N keep-alive
   connections, one request in flight on each, a warm-up, then a measured window. The
   load generator runs in a process of its own: ``wrk`` if it is installed, else the
   asyncio (uvloop) generator at the bottom of this file;
6. prints requests/s, p50/p99 latency and errors of each, and each target's ratio to
   the baseline. Exits 1 if any request was not answered 2xx, never for a low ratio.

A script adds a target in a few lines (see ``bench_read.py``)::

    def targets(bench: Bench) -> list[Target]:
        product = bench.post("/v1/loan-products", {...})
        return [
            Target.post_json(
                "POST /v1/loan-products/{id}/quote",
                f"/v1/loan-products/{product['id']}/quote",
                {"amount": 10_000_000, "term": 12, "disbursement_date": "2026-01-15"},
                token=bench.token,
            )
        ]

    raise SystemExit(run(targets, scopes=["loans:read", "loans:write"]))

By default every request a target sends is byte-identical; ``Target(paths=...)`` spreads
them round-robin over several paths and ``Target(idempotency_key=True)`` gives each its
own ``Idempotency-Key`` (see ``bench_repayment.py``, which also measures against the
bare app's write, ``run(..., baseline=Bench.bare_insert)``). :func:`scratch_database`
is the migrated throw-away database alone, for benchmarks without HTTP
(``bench_par.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from _http import KEY_MARK, HttpConnection, identity
from platform_api.auth.principals import PrincipalKind
from platform_api.auth.scopes import OPERATOR
from platform_api.core.migrate import migrate
from platform_api.entrepreneurs.service import _COLUMNS as ENTREPRENEUR_COLUMNS
from platform_api.settings import Settings
from platform_api.tenants.service import create_client

HERE = Path(__file__).resolve().parent
DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
OWNER_ROLE = "platform_bench_owner"
APP_ROLE = "platform_bench_app"
POOL_MAX = 32  # the API's default db_pool_max; the baseline uses the same
POOL_MIN = 2  # the API's default db_pool_min
BASE_SCOPES = ("entrepreneurs:read", "entrepreneurs:write")

#: The baseline's SQL: the API's single-row read of an entrepreneur (same columns) without
#: its tenant gate; the baseline connects as the superuser, to which row-level security
#: does not apply.
BARE_SQL = f"SELECT {ENTREPRENEUR_COLUMNS} FROM entrepreneurs WHERE tenant_id = $1 AND id = $2"


# --------------------------------------------------------------------------- targets


@dataclass(frozen=True)
class Target:
    """One request, sent over and over: ``name`` is what the report calls it.

    By default every request is byte-identical. Two options vary it, in both load
    generators: ``paths`` spreads the requests round-robin over several paths (e.g. one
    per loan, so that writes serialised by a row lock measure throughput, not lock
    waits), and ``idempotency_key`` gives each request a fresh ``Idempotency-Key``
    header (a prefix unique to the run and the load-generator thread, then a counter).
    """

    name: str
    method: str
    path: str
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    #: The ratio to the baseline it should reach (printed beside it), or None.
    target_ratio: float | None = 0.5
    #: Round-robin over these paths instead of ``path`` alone (``path`` is then only
    #: what the set-up check sends; make it the first of them).
    paths: tuple[str, ...] = ()
    #: A distinct ``Idempotency-Key`` header on every request.
    idempotency_key: bool = False

    @classmethod
    def get(
        cls,
        name: str,
        path: str,
        *,
        token: str | None = None,
        headers: Mapping[str, str] | None = None,
        target_ratio: float | None = 0.5,
        paths: Sequence[str] = (),
        idempotency_key: bool = False,
    ) -> Target:
        return cls(
            name,
            "GET",
            path,
            _headers(token, headers),
            b"",
            target_ratio,
            tuple(paths),
            idempotency_key,
        )

    @classmethod
    def post_json(
        cls,
        name: str,
        path: str,
        payload: Any,
        *,
        token: str | None = None,
        headers: Mapping[str, str] | None = None,
        target_ratio: float | None = 0.5,
        paths: Sequence[str] = (),
        idempotency_key: bool = False,
    ) -> Target:
        all_headers = {"Content-Type": "application/json", **_headers(token, headers)}
        body = json.dumps(payload, separators=(",", ":")).encode()
        return cls(
            name, "POST", path, all_headers, body, target_ratio, tuple(paths), idempotency_key
        )

    @property
    def all_paths(self) -> tuple[str, ...]:
        return self.paths or (self.path,)

    def request_bytes(self, host: str, path: str | None = None, key: str | None = None) -> bytes:
        """The exact HTTP/1.1 request the Python load generator writes (to `path`, with
        `key` as its Idempotency-Key if the target has one)."""
        lines = [f"{self.method} {path or self.path} HTTP/1.1", f"Host: {host}"]
        lines += [f"{name}: {value}" for name, value in self.headers.items()]
        if self.idempotency_key:
            lines.append(f"Idempotency-Key: {key or 'bench-check-' + uuid.uuid4().hex}")
        if self.body or self.method in ("POST", "PUT", "PATCH"):
            lines.append(f"Content-Length: {len(self.body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + self.body

    def request_templates(self, host: str) -> list[str]:
        """One request per path for the Python load generator (latin-1 text); with
        ``idempotency_key``, ``KEY_MARK`` stands where each request's key goes."""
        key = KEY_MARK if self.idempotency_key else None
        return [self.request_bytes(host, p, key).decode("latin-1") for p in self.all_paths]

    def check_headers(self) -> dict[str, str]:
        """Headers of the one set-up check request (a key of its own if it needs one)."""
        headers = dict(self.headers)
        if self.idempotency_key:
            headers["Idempotency-Key"] = f"bench-check-{uuid.uuid4().hex}"
        return headers


def _headers(token: str | None, headers: Mapping[str, str] | None) -> dict[str, str]:
    result = dict(headers or {})
    if token:
        result["Authorization"] = f"Bearer {token}"
    return result


# --------------------------------------------------------------------------- results


@dataclass
class LoadResult:
    name: str
    requests: int
    seconds: float
    errors: int  # non-2xx, broken connections, timeouts (warm-up included)
    statuses: dict[str, int]
    p50_ms: float | None
    p99_ms: float | None
    sample_error: str | None = None
    server_cpu_s: float | None = None  # CPU time the server process used in the window
    database_cpu_s: float | None = None  # CPU time of the database's backends in the window

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def cpu_us(self) -> float | None:
        """Server CPU per request (microseconds): barely moved by other load on the
        machine, unlike requests/s."""
        if self.server_cpu_s is None or not self.requests:
            return None
        return self.server_cpu_s / self.requests * 1e6

    @property
    def database_cpu_us(self) -> float | None:
        """PostgreSQL CPU per request (microseconds), summed over the backends serving
        the benchmark's database: where a write's cost lies, robust to other load."""
        if self.database_cpu_s is None or not self.requests:
            return None
        return self.database_cpu_s / self.requests * 1e6

    def line(self) -> str:
        latency = (
            f"p50 {self.p50_ms:.2f} ms, p99 {self.p99_ms:.2f} ms"
            if self.p50_ms is not None and self.p99_ms is not None
            else "latency n/a"
        )
        cpu = f"  server CPU {self.cpu_us:.0f} us/request" if self.cpu_us is not None else ""
        if self.database_cpu_us is not None:
            cpu += f", database CPU {self.database_cpu_us:.0f} us/request"
        return f"{self.rps:8.0f} rps  {latency}{cpu}  errors {self.errors}"


@dataclass(frozen=True)
class BenchConfig:
    duration: float
    warmup: float
    connections: int
    rounds: int
    loadgen: str  # "wrk" or "python"
    admin_url: str


# --------------------------------------------------------------------------- the bench


@dataclass
class Bench:
    """What a script gets to build its targets: the running API and a tenant in it."""

    config: BenchConfig
    base_url: str
    bare_url: str
    http: httpx.Client  # on base_url, for setup requests
    operator_token: str
    tenant_id: str
    token: str  # a client of tenant_id with BASE_SCOPES + the script's scopes
    entrepreneur_id: str  # the baseline's row, readable by `token` too
    log_dir: Path
    app_pid: int = 0  # the server processes, e.g. for `py-spy record --pid`
    bare_pid: int = 0
    #: The scratch database as the superuser (row-level security does not apply), for a
    #: script's own checks; the API serves it as the app role.
    database_url: str = ""
    #: What :meth:`measure` measured, by name (the baseline's too), every round.
    results: dict[str, list[LoadResult]] = field(default_factory=dict)

    def headers(self, token: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {token or self.token}"}

    def request(
        self,
        method: str,
        path: str,
        json_body: Any = None,
        *,
        token: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """A setup request; anything but 2xx stops the benchmark with the response shown."""
        response = self.http.request(
            method, path, json=json_body, headers={**self.headers(token), **(headers or {})}
        )
        if not 200 <= response.status_code < 300:
            raise SystemExit(f"setup {method} {path} -> {response.status_code}: {response.text}")
        return response.json() if response.content else None

    def post(self, path: str, json_body: Any, **kwargs: Any) -> Any:
        return self.request("POST", path, json_body, **kwargs)

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.request("GET", path, **kwargs)

    def client_token(self, scopes: Sequence[str], tenant_id: str | None = None) -> str:
        """A new client of the tenant (default: bench.tenant_id) and a token for it."""
        client = self.post(
            f"/v1/tenants/{tenant_id or self.tenant_id}/clients",
            {"name": "bench client", "scopes": list(scopes)},
            token=self.operator_token,
        )
        return _fetch_token(self.http, client["id"], client["client_secret"])

    def baseline(self) -> Target:
        """The default baseline: the bare app's single-row read."""
        return Target.get(
            "bare Starlette + asyncpg, same row",
            f"/bare/{self.tenant_id}/{self.entrepreneur_id}",
            target_ratio=None,
        )

    def bare_insert(self) -> Target:
        """The write baseline: the bare app inserts one row in a transaction (201). Sent
        with a fresh Idempotency-Key per request like a money-moving POST (stored in
        the row), so both sides parse and send the same kind of request."""
        return Target.post_json(
            "bare Starlette + asyncpg, insert one row",
            "/bare/rows",
            {"amount": 1},
            target_ratio=None,
            idempotency_key=True,
        )

    def measure(self, targets: Sequence[Target], baseline: Target | None = None) -> int:
        """Run the baseline (default: :meth:`baseline`) and each target (``rounds``
        times, alternating) and print the figures; 1 if any request failed, else 0."""
        bare_target = baseline or self.baseline()
        self._check(targets, bare_target)
        cfg = self.config
        warn_if_busy()
        print(
            f"load: {cfg.connections} keep-alive connections, {cfg.warmup:g} s warm-up + "
            f"{cfg.duration:g} s measured, {cfg.loadgen} load generator, "
            f"1 server worker, {os.cpu_count()} CPUs",
            flush=True,
        )
        bare_runs: list[LoadResult] = []
        target_runs: dict[str, list[LoadResult]] = {t.name: [] for t in targets}
        for round_no in range(1, cfg.rounds + 1):
            prefix = f"[round {round_no}/{cfg.rounds}] " if cfg.rounds > 1 else ""
            bare = self._load(self.bare_url, bare_target)
            bare_runs.append(bare)
            print(f"{prefix}{bare.name}: {bare.line()}", flush=True)
            for target in targets:
                result = self._load(self.base_url, target)
                target_runs[target.name].append(result)
                print(f"{prefix}{target.name}: {result.line()}", flush=True)

        self.results = {bare_target.name: bare_runs, **target_runs}
        bare_rps = statistics.median(r.rps for r in bare_runs)
        failed = any(r.errors for r in bare_runs)
        many = " (median of rounds)" if cfg.rounds > 1 else ""
        print(f"\nsummary{many}:")
        for target in targets:
            runs = target_runs[target.name]
            rps = statistics.median(r.rps for r in runs)
            ratio = rps / bare_rps if bare_rps else 0.0
            goal = (
                f" (target >= {target.target_ratio:.0%})" if target.target_ratio is not None else ""
            )
            errors = sum(r.errors for r in runs)
            print(
                f"{target.name}: {rps:.0f} rps; bare: {bare_rps:.0f} rps; "
                f"ratio {ratio:.1%}{goal}; errors {errors}"
            )
            for label, cpu_of in (("server", _median_cpu), ("database", _median_database_cpu)):
                app_cpu, bare_cpu = cpu_of(runs), cpu_of(bare_runs)
                if app_cpu and bare_cpu:
                    print(
                        f"  {label} CPU per request: {app_cpu:.0f} us; bare: {bare_cpu:.0f} us; "
                        f"ratio {bare_cpu / app_cpu:.1%}"
                    )
            failed |= errors > 0
        for result in [*bare_runs, *(r for runs in target_runs.values() for r in runs)]:
            if result.errors:
                print(
                    f"ERRORS in {result.name}: {result.errors} (statuses {result.statuses}); "
                    f"first: {result.sample_error}",
                    file=sys.stderr,
                )
        return 1 if failed else 0

    def _check(self, targets: Sequence[Target], baseline: Target) -> None:
        """Each request once, so that a broken target fails with its response shown."""
        checks = [(self.bare_url, baseline)] + [(self.base_url, t) for t in targets]
        for url, target in checks:
            response = httpx.request(
                target.method,
                url + target.path,
                headers=target.check_headers(),
                content=target.body or None,
            )
            if not 200 <= response.status_code < 300:
                raise SystemExit(
                    f"{target.name}: {target.method} {target.path} -> "
                    f"{response.status_code}: {response.text[:500]}"
                )

    def _load(self, url: str, target: Target) -> LoadResult:
        pid = self.bare_pid if url == self.bare_url else self.app_pid
        database = make_url(self.database_url).database or ""
        if self.config.loadgen == "wrk":
            return _load_wrk(url, target, self.config, self.log_dir, pid, database)
        return _load_python(url, target, self.config, pid, database)


def _median_cpu(results: Sequence[LoadResult]) -> float | None:
    values = [r.cpu_us for r in results if r.cpu_us is not None]
    return statistics.median(values) if values else None


def _median_database_cpu(results: Sequence[LoadResult]) -> float | None:
    values = [r.database_cpu_us for r in results if r.database_cpu_us is not None]
    return statistics.median(values) if values else None


# --------------------------------------------------------------------------- entry point


def parse_args(description: str | None, argv: Sequence[str] | None = None) -> BenchConfig:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--duration", type=float, default=10.0, help="measured seconds (10)")
    parser.add_argument("--warmup", type=float, default=2.0, help="warm-up seconds (2)")
    parser.add_argument("--connections", type=int, default=32, help="keep-alive connections")
    parser.add_argument(
        "--rounds", type=int, default=1, help="alternate baseline and targets N times (1)"
    )
    parser.add_argument(
        "--loadgen",
        choices=("auto", "wrk", "python"),
        default="auto",
        help="wrk if installed (auto), or the built-in asyncio generator",
    )
    args = parser.parse_args(argv)
    loadgen = args.loadgen
    if loadgen == "auto":
        loadgen = "wrk" if shutil.which("wrk") else "python"
    admin_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    return BenchConfig(
        duration=args.duration,
        warmup=args.warmup,
        connections=args.connections,
        rounds=max(1, args.rounds),
        loadgen=loadgen,
        admin_url=admin_url.replace("postgresql+asyncpg://", "postgresql://"),
    )


def run(
    build_targets: Callable[[Bench], Sequence[Target]],
    *,
    scopes: Sequence[str] = (),
    description: str | None = None,
    argv: Sequence[str] | None = None,
    baseline: Callable[[Bench], Target] | None = None,
    after: Callable[[Bench, int], int] | None = None,
) -> int:
    """The whole benchmark: set up, build the script's targets, measure, tear down.

    ``baseline`` picks the bare request the targets are compared with (default
    ``Bench.baseline``, the single-row read; e.g. ``Bench.bare_insert`` for writes);
    ``after(bench, status)``, if given, runs once the load is over (the servers and the
    database still up, e.g. to check what the writes left) and returns the exit status.
    """
    config = parse_args(description, argv)
    # SIGTERM (and Ctrl-C) unwind through the clean-up: servers stopped, database dropped.
    signal.signal(signal.SIGTERM, _terminate)
    print(f"platform-api HTTP benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC", flush=True)
    with bench_environment(config, scopes=scopes) as bench:
        targets = build_targets(bench)
        status = bench.measure(targets, baseline(bench) if baseline else None)
        return after(bench, status) if after else status


def _terminate(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def bench_environment(
    config: BenchConfig,
    *,
    scopes: Sequence[str] = (),
    workers: int = 1,
    pool_max: int = POOL_MAX,
    keep_database: str | None = None,
) -> Iterator[Bench]:
    """A migrated throw-away database, the API and the baseline serving it, a tenant.

    ``workers`` uvicorn workers for both servers, each with a pool of ``pool_max``;
    ``keep_database`` serves that database instead (:func:`kept_database`: created if
    missing, never dropped), for data seeded once and measured many times."""
    with contextlib.ExitStack() as stack:
        tmpdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="platform-bench-")))
        db = stack.enter_context(
            kept_database(config.admin_url, keep_database, tmpdir)
            if keep_database
            else scratch_database(config.admin_url, tmpdir)
        )
        password = db.password
        owner_url = db.owner
        processes: list[subprocess.Popen[bytes]] = []
        try:
            operator = _bootstrap(owner_url)
            app_port, bare_port = _free_port(), _free_port()
            base_url = f"http://127.0.0.1:{app_port}"
            bare_url = f"http://127.0.0.1:{bare_port}"
            env = _clean_env()
            processes.append(
                _start(
                    [
                        sys.executable,
                        "-m",
                        "platform_api.cli",
                        "serve",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        str(app_port),
                        "--workers",
                        str(workers),
                    ],
                    {
                        **env,
                        "DATABASE_URL": owner_url,
                        "DB_APP_ROLE": APP_ROLE,
                        "DB_APP_PASSWORD": password,
                        "DB_POOL_MAX": str(pool_max),
                        "DB_POOL_MIN": str(POOL_MIN),
                        "LOG_LEVEL": "WARNING",
                        "VAR_DIR": str(tmpdir / "var"),
                        # One client makes every request: limits far above the load keep
                        # the limiter's work (a lease per 100,000 requests) but never 429.
                        "RATE_LIMIT_CLIENT_PER_MINUTE": str(BENCH_RATE_LIMIT),
                        "RATE_LIMIT_TENANT_PER_MINUTE": str(BENCH_RATE_LIMIT),
                        **_app_overrides(),
                    },
                    tmpdir,
                    "app",
                )
            )
            processes.append(
                _start(
                    [
                        sys.executable,
                        "-m",
                        "uvicorn",
                        "--factory",
                        "bare_app:create_app",
                        "--app-dir",
                        str(HERE),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        str(bare_port),
                        "--workers",
                        str(workers),
                        "--no-access-log",
                        "--log-level",
                        "warning",
                        "--timeout-graceful-shutdown",
                        "20",
                    ],
                    {
                        **env,
                        "BARE_DATABASE_URL": db.admin,
                        "BARE_SQL": BARE_SQL,
                        "BARE_POOL_MAX": str(pool_max),
                        "BARE_POOL_MIN": str(POOL_MIN),
                    },
                    tmpdir,
                    "bare",
                )
            )
            _wait_ready(base_url, processes[0], tmpdir / "app.log")
            _wait_ready(bare_url, processes[1], tmpdir / "bare.log")
            with httpx.Client(base_url=base_url, timeout=30) as http:
                operator_token = _fetch_token(http, *operator)
                auth = {"Authorization": f"Bearer {operator_token}"}
                tenant = http.post(
                    "/v1/tenants",
                    json={"name": "Bench MFI", "country": "KE", "default_currency": "KES"},
                    headers=auth,
                )
                _expect(tenant, 201)
                bench = Bench(
                    config=config,
                    base_url=base_url,
                    bare_url=bare_url,
                    http=http,
                    operator_token=operator_token,
                    tenant_id=tenant.json()["id"],
                    token="",
                    entrepreneur_id="",
                    log_dir=tmpdir,
                    app_pid=processes[0].pid,
                    bare_pid=processes[1].pid,
                    database_url=db.admin,
                )
                bench.token = bench.client_token([*BASE_SCOPES, *scopes])
                bench.entrepreneur_id = bench.post(
                    "/v1/entrepreneurs",
                    {
                        "full_name": "Amina Wanjiru",
                        "country": "KE",
                        "phone": "+254712345678",
                        "email": "amina@example.org",
                        "gender": "female",
                        "birth_year": 1988,
                        "region": "Nairobi",
                        "business_name": "Amina's Tailoring",
                        "sector": "fashion",
                        "stage": "growing",
                        "languages": ["sw", "en"],
                        "needs": ["bookkeeping", "marketing.digital"],
                        "consent_data_processing": True,
                        "consent_network_sharing": False,
                    },
                )["id"]
                try:
                    yield bench
                except BaseException as exc:
                    interrupted = isinstance(exc, KeyboardInterrupt) or (
                        isinstance(exc, SystemExit) and exc.code in (128 + signal.SIGTERM,)
                    )
                    for name in () if interrupted else ("app", "bare"):
                        log = tmpdir / f"{name}.log"
                        if log.exists() and log.stat().st_size:
                            _show_log(log, f"(the {name} server's log)")
                    raise
        finally:
            for process in processes:
                _stop(process)
            for process, name in zip(processes, ("app", "bare"), strict=False):
                if process.returncode not in (0, -signal.SIGTERM, 128 + signal.SIGTERM):
                    _show_log(tmpdir / f"{name}.log", f"{name} exited {process.returncode}")


@dataclass(frozen=True)
class ScratchDatabase:
    """A throw-away database migrated to the current schema, and how to reach it."""

    name: str
    password: str  # of OWNER_ROLE and APP_ROLE, fresh every run
    admin: str  # as the superuser (row-level security does not apply)
    owner: str  # as OWNER_ROLE, which owns the schema and ran the migrations
    app: str  # as APP_ROLE, what the API serves with (row-level security applies)


@contextlib.contextmanager
def scratch_database(admin_url: str, tmpdir: Path) -> Iterator[ScratchDatabase]:
    """Create ``platform_bench_<hex>`` on the server of ``admin_url`` (a superuser URL),
    owned by OWNER_ROLE, migrate it (schema, row-level security, APP_ROLE's grants) and
    drop it on the way out, also on an error or a SystemExit from SIGTERM."""
    password = secrets.token_hex(16)
    name = f"platform_bench_{uuid.uuid4().hex[:10]}"
    asyncio.run(_create_database(admin_url, name, password))
    try:
        owner_url = _url(admin_url, user=OWNER_ROLE, password=password, db=name)
        settings = Settings(
            database_url=owner_url,
            db_app_role=APP_ROLE,
            db_app_password=password,
            var_dir=tmpdir / "var",
        )
        urls = migrate(settings)
        yield ScratchDatabase(
            name=name,
            password=password,
            admin=_url(admin_url, db=name),
            owner=urls.owner,
            app=urls.app,
        )
    finally:
        asyncio.run(_drop_database(admin_url, name))


@contextlib.contextmanager
def kept_database(admin_url: str, name: str, tmpdir: Path) -> Iterator[ScratchDatabase]:
    """Database `name` on the server of `admin_url`, created and migrated if missing,
    else migrated to the current schema; never dropped (seed once, measure many times)."""

    async def provision() -> None:
        conn = await asyncpg.connect(admin_url)
        try:
            await set_role_passwords(conn, password)
            if not await conn.fetchval("SELECT true FROM pg_database WHERE datname = $1", name):
                await conn.execute(f"CREATE DATABASE {name} OWNER {OWNER_ROLE}")
        finally:
            await conn.close()

    password = secrets.token_hex(16)
    asyncio.run(provision())
    owner_url = _url(admin_url, user=OWNER_ROLE, password=password, db=name)
    urls = migrate(
        Settings(
            database_url=owner_url,
            db_app_role=APP_ROLE,
            db_app_password=password,
            var_dir=tmpdir / "var",
        )
    )
    yield ScratchDatabase(
        name=name, password=password, admin=_url(admin_url, db=name), owner=urls.owner, app=urls.app
    )


# --------------------------------------------------------------------------- setup helpers


def _url(base: str, *, db: str, user: str | None = None, password: str | None = None) -> str:
    url = make_url(base).set(database=db)
    if user is not None:
        url = url.set(username=user, password=password)
    return url.render_as_string(hide_password=False)


async def _create_database(admin_url: str, name: str, password: str) -> None:
    try:
        conn = await asyncpg.connect(admin_url)
    except (OSError, asyncpg.PostgresError) as exc:
        shown = make_url(admin_url).render_as_string(hide_password=True)
        raise SystemExit(
            f"cannot connect to PostgreSQL at {shown} ({exc}); start it, or set "
            "BENCH_DATABASE_URL to a superuser URL"
        ) from None
    try:
        await set_role_passwords(conn, password)
        await conn.execute(f"CREATE DATABASE {name} OWNER {OWNER_ROLE}")
    finally:
        await conn.close()


async def set_role_passwords(conn: asyncpg.Connection, password: str) -> None:
    """The benchmark roles (the owner created if missing) with a fresh password: works
    whatever the server's auth method is."""
    exists = await conn.fetchval("SELECT true FROM pg_roles WHERE rolname = $1", OWNER_ROLE)
    verb = "ALTER" if exists else "CREATE"
    await conn.execute(f"{verb} ROLE {OWNER_ROLE} LOGIN CREATEROLE PASSWORD '{password}'")
    if await conn.fetchval("SELECT true FROM pg_roles WHERE rolname = $1", APP_ROLE):
        await conn.execute(f"ALTER ROLE {APP_ROLE} PASSWORD '{password}'")


async def _drop_database(admin_url: str, name: str) -> None:
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    finally:
        await conn.close()


def _bootstrap(owner_url: str) -> tuple[str, str]:
    """An operator client (id, secret): the first of a freshly migrated database, one
    more in a kept one."""

    async def bootstrap() -> tuple[str, str]:
        conn = await asyncpg.connect(owner_url)
        try:
            async with conn.transaction():
                client = await create_client(
                    conn, kind=PrincipalKind.OPERATOR, name="bench", scopes=[OPERATOR], actor=None
                )
        finally:
            await conn.close()
        return str(client.id), client.client_secret

    return asyncio.run(bootstrap())


def _fetch_token(http: httpx.Client, client_id: str, secret: str) -> str:
    response = http.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )
    _expect(response, 200)
    token: str = response.json()["access_token"]
    return token


def _expect(response: httpx.Response, status: int) -> None:
    if response.status_code != status:
        raise SystemExit(
            f"setup {response.request.method} {response.request.url.path} -> "
            f"{response.status_code}: {response.text}"
        )


def stat_ticks() -> list[int] | None:
    """The whole machine's CPU ticks so far, user .. steal (the first eight fields of
    /proc/stat; None where there is none)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    return fields[:8] if len(fields) >= 8 else None


def cpu_ticks() -> tuple[int, int] | None:
    """(idle, total) CPU ticks of the whole machine so far (None off Linux)."""
    fields = stat_ticks()
    if fields is None:
        return None
    return fields[3] + fields[4], sum(fields)  # idle + iowait


def busy_between(before: tuple[int, int] | None, after: tuple[int, int] | None) -> float | None:
    """Share of all CPUs busy between two `cpu_ticks()`."""
    if before is None or after is None or after[1] <= before[1]:
        return None
    return 1 - (after[0] - before[0]) / (after[1] - before[1])


def _cpu_busy(seconds: float) -> float | None:
    """Share of all CPUs busy over `seconds` (None where /proc/stat is not)."""
    before = cpu_ticks()
    time.sleep(seconds)
    return busy_between(before, cpu_ticks())


def warn_if_busy() -> None:
    """A warning when the machine was more than 15% busy over the last second."""
    busy = _cpu_busy(1.0)
    if busy is not None and busy > 0.15:
        print(
            f"WARNING: the machine was {busy:.0%} busy before the run (other processes); "
            "the figures compete with them and are not reliable.",
            flush=True,
        )


def _process_cpu(pid: int) -> float | None:
    """User + system CPU seconds so far of a process and of its live children (a
    server's uvicorn workers) (Linux; None elsewhere)."""
    own = _stat_cpu(pid)
    if own is None:
        return None
    return own + sum(_stat_cpu(child) or 0.0 for child in _children(pid))


def _stat_cpu(pid: int) -> float | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (a scan of /proc: no `children` file here)."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            with contextlib.suppress(OSError, ValueError, IndexError):
                if int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(proc.name))
    return found


def _title(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _local_postmaster(database_url: str) -> int | None:
    """The pid of the PostgreSQL server behind `database_url` if it runs on this machine
    (its backend's parent, read while the backend is there; None if it is elsewhere)."""

    async def postmaster() -> int | None:
        conn = await asyncpg.connect(database_url)
        try:
            return _postgres_parent(await conn.fetchval("SELECT pg_backend_pid()"))
        finally:
            await conn.close()

    return asyncio.run(postmaster())


def _postgres_parent(backend: int) -> int | None:
    if not _title(backend).startswith(b"postgres"):
        return None  # another machine's (or container's) process id
    stat = Path(f"/proc/{backend}/stat").read_text()
    parent = int(stat.rsplit(")", 1)[1].split()[1])
    return parent if b"postgres" in _title(parent) else None


@dataclass(frozen=True)
class _CpuController:
    """A cgroup CPU controller this process may create groups in."""

    root: Path
    weight_file: str
    per_cpu: int  # the weight Kubernetes gives a pod per CPU it requests
    largest: int  # the largest weight the controller takes


def _cpu_cgroup_root() -> _CpuController | None:
    """This machine's cgroup CPU controller, if this process may create groups in it
    (cgroup v1's `cpu`, or v2 with `cpu` enabled)."""
    v1 = Path("/sys/fs/cgroup/cpu")
    if (v1 / "cpu.shares").exists() and os.access(v1, os.W_OK):
        return _CpuController(v1, "cpu.shares", 1024, 262144)
    v2 = Path("/sys/fs/cgroup")
    with contextlib.suppress(OSError):
        if "cpu" in (v2 / "cgroup.subtree_control").read_text().split() and os.access(v2, os.W_OK):
            return _CpuController(v2, "cpu.weight", 100, 10000)
    return None


def _cgroup_of(pid: int, root: Path) -> Path | None:
    """The CPU controller's group `pid` is in (None if it is gone)."""
    try:
        lines = Path(f"/proc/{pid}/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if (root.name == "cpu" and "cpu" in controllers.split(",")) or (
            root.name != "cpu" and controllers == ""
        ):
            return root / path.lstrip("/")
    return None


def _move(pids: Iterable[int], group: Path) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, FileNotFoundError):
            (group / "cgroup.procs").write_text(str(pid))


@contextlib.contextmanager
def cpu_groups(
    server_pids: Sequence[int], workers: int, database_url: str, *, servers_first: bool = True
) -> Iterator[str]:
    """The servers in one CPU cgroup, and PostgreSQL (its postmaster and every process it
    has or forks meanwhile), this script and the load generators in another weighted for
    the CPUs the servers' `workers` leave: the machine's CPU is then shared between the
    two by weight, as a Kubernetes node shares it between pods, instead of thread by
    thread, where a worker's one thread is an equal of each busy backend and client and
    is starved of the core it was sized for (deploy/SCALING.md).

    `servers_first` gives the servers' group the largest weight the controller takes: a
    worker with work runs before PostgreSQL on its core, as if it had the core to itself
    the way deploy/k8s's API pods do (no database on their nodes), while PostgreSQL and
    the load generator still use whatever the workers leave idle. Without it the servers
    are weighted for `workers` CPUs, as pods sharing a node by their CPU requests, and a
    worker gets about two thirds of its core whenever backends are runnable there.

    Yields a line saying how, or why not; on the way out everything moved goes back to
    its group (a backend forked meanwhile: the postmaster's) and the two groups are
    removed."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    found = _cpu_cgroup_root()
    if cpus < workers + 1 or found is None:
        why = (
            "no cgroup CPU controller this process may use"
            if found is None
            else (f"{workers} workers and the rest need {workers + 1} CPUs, {cpus} here")
        )
        yield f"cpu groups: none, every thread shares the CPUs as an equal ({why})"
        return
    root = found.root
    tag = secrets.token_hex(4)
    api, rest = root / f"platform-bench-api-{tag}", root / f"platform-bench-rest-{tag}"
    api_weight = found.largest if servers_first else workers * found.per_cpu
    try:
        for group, weight in ((api, api_weight), (rest, (cpus - workers) * found.per_cpu)):
            group.mkdir()
            (group / found.weight_file).write_text(str(weight))
    except OSError as exc:  # e.g. a read-only cgroup file system
        for group in (api, rest):
            with contextlib.suppress(OSError):
                group.rmdir()
        yield f"cpu groups: none, every thread shares the CPUs as an equal ({exc.strerror})"
        return
    before: dict[int, Path] = {}
    postmaster = None
    try:
        servers = [*server_pids, *(child for pid in server_pids for child in _children(pid))]
        postmaster = _local_postmaster(database_url)
        database = [postmaster, *_children(postmaster)] if postmaster is not None else []
        for pid in [*servers, os.getpid(), *database]:
            if (group := _cgroup_of(pid, root)) is not None:
                before[pid] = group
        _move(servers, api)
        _move([os.getpid(), *database], rest)
        servers_line = (
            f"the servers' {workers} worker(s) first on the CPU (weight {api_weight}: a "
            "core of their own while they have work)"
            if servers_first
            else f"the servers' {workers} worker(s) weighted for {workers} of the {cpus} CPUs"
        )
        yield (
            f"cpu groups: {servers_line}; "
            + (f"PostgreSQL ({len(database)} processes), " if database else "")
            + f"the load generator and this script weighted for {cpus - workers}"
        )
    finally:
        fallback = before.get(postmaster, root) if postmaster is not None else root
        for group in (rest, api):
            with contextlib.suppress(OSError):
                for pid in map(int, (group / "cgroup.procs").read_text().split()):
                    _move([pid], before.get(pid, fallback))
                group.rmdir()


def _database_cpu(database: str) -> float | None:
    """User + system CPU seconds so far of the PostgreSQL backends connected to
    `database` (found by their process titles; None if there are none, or off Linux)."""
    marker = f" {database} ".encode()
    total = 0.0
    found = False
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            title = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if title.startswith(b"postgres:") and marker in title:
            # A backend has no children: _process_cpu's scan of /proc for them, once per
            # backend, took enough CPU to slow the first second of a measured window.
            cpu = _stat_cpu(int(proc.name))
            if cpu is not None:
                total += cpu
                found = True
    return total if found else None


def _cpu_delta(before: float | None, after: float | None) -> float | None:
    return after - before if after is not None and before is not None else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


#: Requests a minute the server under test allows its one client (and tenant).
BENCH_RATE_LIMIT = 10_000_000


def _app_overrides() -> dict[str, str]:
    """API settings for the server under test, passed as `BENCH_APP_<SETTING>` (e.g.
    `BENCH_APP_METERING_ENABLED=false` to measure what metering costs)."""
    prefix = "BENCH_APP_"
    return {k[len(prefix) :]: v for k, v in os.environ.items() if k.startswith(prefix)}


def _clean_env() -> dict[str, str]:
    """This environment without any of the API's own settings (they would leak in)."""
    knobs = {name.upper() for name in Settings.model_fields}
    return {k: v for k, v in os.environ.items() if k.upper() not in knobs}


def _start(cmd: list[str], env: dict[str, str], tmpdir: Path, name: str) -> subprocess.Popen[bytes]:
    log = (tmpdir / f"{name}.log").open("wb")
    # cwd is the temp dir so that no `.env` of the work tree is read.
    return subprocess.Popen(cmd, env=env, cwd=tmpdir, stdout=log, stderr=subprocess.STDOUT)


def _wait_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _show_log(log, f"{url} exited {process.returncode} before it was ready")
            raise SystemExit(1)
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                return
        time.sleep(0.1)
    _show_log(log, f"{url} not ready after 60 s")
    raise SystemExit(1)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=25)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _show_log(log: Path, headline: str) -> None:
    text = log.read_text(errors="replace") if log.exists() else ""
    print(f"{headline}; its output ends with:\n{text[-3000:]}", file=sys.stderr)


# --------------------------------------------------------------------------- wrk


def _lua_string(data: bytes) -> str:
    return '"' + "".join(f"\\{byte}" for byte in data) + '"'


_WRK_DONE = """
done = function(summary, latency, requests)
  io.write(string.format(
    "WRKRESULT %d %d %d %d %d %d %d %d %d\\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""


#: Varying requests (Target.paths / Target.idempotency_key): each wrk thread numbers
#: its requests; the key is the run's prefix, the thread's number and that counter.
_WRK_VARYING = """
local threads = 0
function setup(thread)
  thread:set("bench_thread", threads)
  threads = threads + 1
end
local counter = 0
function request()
  counter = counter + 1
  if bench_keyed then
    wrk.headers["Idempotency-Key"] = bench_prefix .. (bench_thread or 0) .. "-" .. counter
  end
  return wrk.format(nil, bench_paths[counter % #bench_paths + 1])
end
"""


def _wrk_script(target: Target) -> str:
    """The Lua script wrk runs for `target`; a fresh key prefix on every call."""
    lines = [f"wrk.method = {_lua_string(target.method.encode())}"]
    lines.append(f"wrk.path = {_lua_string(target.path.encode())}")
    lines += [
        f"wrk.headers[{_lua_string(k.encode())}] = {_lua_string(v.encode())}"
        for k, v in target.headers.items()
    ]
    if target.body:
        lines.append(f"wrk.body = {_lua_string(target.body)}")
    if target.paths or target.idempotency_key:
        paths = ", ".join(_lua_string(path.encode()) for path in target.all_paths)
        prefix = f"bench-{secrets.token_hex(6)}-"
        lines += [
            f"bench_paths = {{{paths}}}",
            f"bench_keyed = {'true' if target.idempotency_key else 'false'}",
            f"bench_prefix = {_lua_string(prefix.encode())}",
            _WRK_VARYING,
        ]
    return "\n".join(lines) + "\n" + _WRK_DONE


def _load_wrk(
    url: str, target: Target, cfg: BenchConfig, tmpdir: Path, pid: int, database: str
) -> LoadResult:
    """wrk counts statuses >= 400 (not 3xx) and socket errors as errors."""
    script = tmpdir / "target.lua"
    wrk = shutil.which("wrk") or "wrk"

    def once(seconds: float) -> list[int]:
        # Written per call: the warm-up and the measured run get distinct key prefixes.
        script.write_text(_wrk_script(target))
        cmd = [
            wrk,
            "-t1",
            f"-c{cfg.connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "5s",
            "-s",
            str(script),
            url,
        ]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            if line.startswith("WRKRESULT "):
                return [int(x) for x in line.split()[1:]]
        raise SystemExit(f"wrk printed no result:\n{out}")

    warm = once(cfg.warmup) if cfg.warmup > 0 else [0] * 9
    cpu_before, database_before = _process_cpu(pid), _database_cpu(database)
    got = once(cfg.duration)
    cpu_after, database_after = _process_cpu(pid), _database_cpu(database)
    errors = sum(warm[2:7]) + sum(got[2:7])
    return LoadResult(
        name=target.name,
        requests=got[0],
        seconds=got[1] / 1e6,
        errors=errors,
        statuses={">=400": warm[2] + got[2]} if warm[2] + got[2] else {},
        p50_ms=got[7] / 1000,
        p99_ms=got[8] / 1000,
        sample_error="see wrk's error counts" if errors else None,
        server_cpu_s=_cpu_delta(cpu_before, cpu_after),
        database_cpu_s=_cpu_delta(database_before, database_after),
    )


# --------------------------------------------------------------------------- python loadgen


def _load_python(url: str, target: Target, cfg: BenchConfig, pid: int, database: str) -> LoadResult:
    host_port = url.removeprefix("http://")
    host, _, port = host_port.partition(":")
    spec = {
        "host": host,
        "port": int(port),
        "requests": target.request_templates(host_port),
        "idempotency_key": target.idempotency_key,
        "connections": cfg.connections,
        "warmup": cfg.warmup,
        "duration": cfg.duration,
        "server_pid": pid,
        "database": database,
    }
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "loadgen"],
        input=json.dumps(spec),
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"load generator failed ({proc.returncode}):\n{proc.stderr}")
    if proc.stderr.strip():
        print(f"load generator stderr:\n{proc.stderr[-3000:]}", file=sys.stderr)
    data = json.loads(proc.stdout)
    return LoadResult(name=target.name, **data)


class _Run:
    """Shared counters of one load-generator run."""

    def __init__(
        self, requests: list[bytes], keyed: bool, measure_from: float, stop_at: float
    ) -> None:
        self.requests = requests
        # With a key: each request is head + prefix + counter + tail. The prefix is
        # unique to this process, so warm-up, rounds and reruns never replay a key.
        mark = KEY_MARK.encode("latin-1")
        self.templates = [tuple(r.split(mark, 1)) for r in requests] if keyed else []
        self.key_prefix = f"bench-{secrets.token_hex(6)}-".encode()
        self.sent = 0
        self.measure_from = measure_from
        self.stop_at = stop_at
        self.latencies: list[float] = []
        self.errors = 0
        self.statuses: dict[str, int] = {}
        self.sample_error: str | None = None

    def next_request(self) -> bytes:
        """The next request to write: round-robin over the paths, a fresh key if keyed."""
        n = self.sent
        self.sent = n + 1
        if self.templates:
            head, tail = self.templates[n % len(self.templates)]
            return head + self.key_prefix + str(n).encode() + tail
        return self.requests[n % len(self.requests)]

    def error(self, kind: str, sample: str) -> None:
        self.errors += 1
        self.statuses[kind] = self.statuses.get(kind, 0) + 1
        if self.sample_error is None:
            self.sample_error = sample


class _Connection(HttpConnection):
    """One keep-alive connection, one request in flight: send, read the whole response,
    record, send again until the run stops."""

    def __init__(self, run: _Run, done: asyncio.Future[None]) -> None:
        super().__init__()
        self.run = run
        self.done = done
        self.sent_at = 0.0
        self.finished = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        self.sent_at = time.perf_counter()
        assert self.transport is not None
        self.transport.write(self.run.next_request())

    def response(self, now: float, status: int, sample: str) -> None:
        run = self.run
        if sample:
            run.error(str(status), sample)
        if now >= run.stop_at:
            self._finish()
            return
        if now >= run.measure_from:
            run.latencies.append(now - self.sent_at)
        self.sent_at = now
        assert self.transport is not None
        self.transport.write(run.next_request())

    def unsupported(self, reason: str) -> None:
        self.run.error("unsupported", reason)
        self._finish()

    def _finish(self) -> None:
        self.finished = True
        if self.transport is not None:
            self.transport.close()
        if not self.done.done():
            self.done.set_result(None)

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.finished:
            self.finished = True
            self.run.error("connection lost", f"connection lost: {exc!r}")
        if not self.done.done():
            self.done.set_result(None)


async def _generate(spec: dict[str, Any]) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    requests = [request.encode("latin-1") for request in spec["requests"]]
    started = time.perf_counter()
    run = _Run(
        requests,
        spec["idempotency_key"],
        measure_from=started + spec["warmup"],
        stop_at=started + spec["warmup"] + spec["duration"],
    )

    async def connection() -> None:
        while time.perf_counter() < run.stop_at:
            done: asyncio.Future[None] = loop.create_future()
            protocol = _Connection(run, done)
            try:
                await loop.create_connection(
                    functools.partial(identity, protocol), spec["host"], spec["port"]
                )
            except OSError as exc:
                run.error("connect", f"connect: {exc!r}")
                await asyncio.sleep(0.1)
                continue
            remaining = run.stop_at - time.perf_counter() + 5  # a response may take 5 s
            try:
                await asyncio.wait_for(done, timeout=max(remaining, 0.1))
            except TimeoutError:
                run.error("timeout", "no response within 5 s after the end")
                return

    async def window_cpu() -> tuple[float | None, float | None]:
        """CPU seconds of the server and of the database within the measured window."""
        await asyncio.sleep(max(0.0, run.measure_from - time.perf_counter()))
        before = _process_cpu(spec["server_pid"]), _database_cpu(spec["database"])
        await asyncio.sleep(max(0.0, run.stop_at - time.perf_counter()))
        after = _process_cpu(spec["server_pid"]), _database_cpu(spec["database"])
        return _cpu_delta(before[0], after[0]), _cpu_delta(before[1], after[1])

    cpu_task = asyncio.ensure_future(window_cpu())
    await asyncio.gather(*(connection() for _ in range(spec["connections"])))
    server_cpu_s, database_cpu_s = await cpu_task
    latencies = sorted(run.latencies)

    def percentile(q: float) -> float | None:
        if not latencies:
            return None
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000

    return {
        "requests": len(latencies),
        "seconds": spec["duration"],
        "errors": run.errors,
        "statuses": run.statuses,
        "p50_ms": percentile(0.50),
        "p99_ms": percentile(0.99),
        "sample_error": run.sample_error,
        "server_cpu_s": server_cpu_s,
        "database_cpu_s": database_cpu_s,
    }


def _loadgen_main() -> int:
    spec = json.loads(sys.stdin.read())
    try:
        import uvloop
    except ImportError:
        result = asyncio.run(_generate(spec))
    else:
        result = uvloop.run(_generate(spec))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["loadgen"]:
        sys.exit(_loadgen_main())
    sys.exit("usage: _harness.py loadgen < spec.json  (run benchmarks/bench_*.py instead)")
