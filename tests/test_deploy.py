"""What `make lint-deploy`'s schema checks cannot see: that the deployment files agree
with the code. Probes ask real routes, every variable set is a setting the code reads,
every command is a CLI command, the image and the pods run as the same unprivileged
user, the grace periods nest, and the Kubernetes objects point at each other. Then, on a
real server: SIGTERM lets a request in flight finish and flushes the usage counts."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import io
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
import yaml
from fastapi.routing import APIRoute

from platform_api import cli
from platform_api.app import create_app
from platform_api.core.db import DatabaseUrls
from platform_api.settings import Settings
from tests.conftest import OWNER_ROLE, _url


def _run(coroutine: Any) -> Any:
    """asyncio.run in a thread of its own: in the main thread it would leave no event
    loop behind, and the async tests collected after this module share the session's."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SCRIPT = Path(sys.executable).with_name("platform-api")

#: Variables the CLI itself reads (`serve`'s defaults), besides the settings.
CLI_ENV = set(
    re.findall(r'os\.environ\.get\("([A-Z_]+)"', (ROOT / "src/platform_api/cli.py").read_text())
)
SETTINGS_ENV = {name.upper() for name in Settings.model_fields}


def _k8s() -> list[dict[str, Any]]:
    documents = []
    for path in sorted((DEPLOY / "k8s").glob("*.yaml")):
        documents += [doc for doc in yaml.safe_load_all(path.read_text()) if doc]
    return documents


def _one(kind: str, name: str) -> dict[str, Any]:
    found = [d for d in _k8s() if d["kind"] == kind and d["metadata"]["name"] == name]
    assert len(found) == 1, f"{kind}/{name}: {len(found)} found"
    return found[0]


def _pod_specs() -> dict[str, dict[str, Any]]:
    """Every pod template in the manifests, by its owner's name."""
    return {
        d["metadata"]["name"]: d["spec"]["template"]["spec"]
        for d in _k8s()
        if d["kind"] in {"Deployment", "Job"}
    }


def _compose() -> dict[str, Any]:
    compose: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    return compose


def _runtime_stage() -> list[str]:
    """The Dockerfile's last stage, one instruction a line (continuations joined)."""
    text = (DEPLOY / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    instructions = [line for line in lines if line and not line.startswith("#")]
    starts = [i for i, line in enumerate(instructions) if line.upper().startswith("FROM ")]
    return instructions[starts[-1] :]


def _get_routes() -> set[str]:
    return {
        route.path
        for route in create_app(Settings()).routes
        if isinstance(route, APIRoute) and "GET" in route.methods
    }


def _is_command(name: str) -> bool:
    """`platform-api NAME --help` exits 0 for a command, 2 (usage error) otherwise."""
    with (
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(io.StringIO()),
        pytest.raises(SystemExit) as exited,
    ):
        cli.main([name, "--help"])
    return exited.value.code == 0


# --------------------------------------------------------------------------- the code


def test_probes_and_healthchecks_ask_real_routes():
    routes = _get_routes()
    api = _pod_specs()["platform-api"]["containers"][0]
    assert api["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert api["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert {
        api[p]["httpGet"]["path"] for p in ("readinessProbe", "livenessProbe", "startupProbe")
    } <= routes
    healthchecks = [line for line in _runtime_stage() if line.startswith("HEALTHCHECK")]
    compose_checks = [
        " ".join(service["healthcheck"]["test"])
        for service in _compose()["services"].values()
        if "test" in service.get("healthcheck", {})
    ]
    urls = [
        u
        for text in healthchecks + compose_checks
        for u in re.findall(r"/\w+", text)
        if u.endswith("z")
    ]
    assert set(urls) == {"/healthz", "/readyz"} and set(urls) <= routes


def test_every_variable_set_is_read_by_the_code():
    configmap = _one("ConfigMap", "platform-api-config")["data"]
    secret = set(_one("Secret", "platform-api-db")["stringData"])
    secret |= set(_one("Secret", "platform-api-db-owner")["stringData"])
    secret |= set(_one("Secret", "platform-api-pii")["stringData"])
    compose_env: set[str] = set()
    for service in _compose()["services"].values():
        if service.get("image", "").startswith("postgres:"):
            continue  # the database's own image
        compose_env |= set(service.get("environment", {}))
    assert {"HOST", "PORT", "WORKERS"} == CLI_ENV
    unknown = (set(configmap) | secret | compose_env) - SETTINGS_ENV - CLI_ENV
    assert not unknown, f"not read by the code: {sorted(unknown)}"
    # What a production start cannot do without.
    assert {"DATABASE_URL", "DATABASE_APP_URL", "DB_APP_PASSWORD"} <= secret & compose_env
    assert "JWT_PRIVATE_KEY_FILE" in set(configmap) & compose_env
    assert "METRICS_TOKEN" in secret & compose_env


def test_only_the_migration_holds_the_owner_credentials():
    """API and worker pods serve as the app role and do not migrate: a compromised pod
    cannot change the schema or bypass row-level security."""
    assert _one("ConfigMap", "platform-api-config")["data"]["MIGRATE_ON_START"] == "false"
    owner_secret = {
        name
        for name, spec in _pod_specs().items()
        for container in spec["containers"]
        for source in container.get("envFrom", [])
        if source.get("secretRef", {}).get("name") == "platform-api-db-owner"
    }
    assert owner_secret == {"platform-api-migrate"}
    # ENVIRONMENT=production: every workload needs the personal-data keys to start.
    assert _one("ConfigMap", "platform-api-config")["data"]["ENVIRONMENT"] == "production"
    for name, spec in _pod_specs().items():
        sources = [s.get("secretRef", {}).get("name") for s in spec["containers"][0]["envFrom"]]
        assert "platform-api-pii" in sources, name
    assert "DATABASE_URL" not in _one("Secret", "platform-api-db")["stringData"]
    services = _compose()["services"]
    with_owner = {
        name
        for name, service in services.items()
        if "DATABASE_URL" in service.get("environment", {})
    }
    assert with_owner == {"migrate"}
    assert all(
        services[name]["environment"]["MIGRATE_ON_START"] == "false" for name in ("api", "worker")
    )


def test_containers_run_cli_commands():
    commands = [c["args"][0] for spec in _pod_specs().values() for c in spec["containers"]]
    commands += [s["command"][0] for s in _compose()["services"].values() if "command" in s]
    assert set(commands) == {"serve", "worker", "migrate"}
    assert all(_is_command(name) for name in commands)
    assert not _is_command("no-such-command")
    entrypoint = [line for line in _runtime_stage() if line.startswith("ENTRYPOINT")]
    assert entrypoint == ['ENTRYPOINT ["platform-api"]']


def test_the_image_and_every_pod_run_as_the_same_unprivileged_user():
    users = [line.split()[1] for line in _runtime_stage() if line.startswith("USER ")]
    assert len(users) == 1
    uid, gid = users[0].split(":")
    assert uid not in {"0", "root"}
    runtime = "\n".join(_runtime_stage())
    assert not re.search(r"build-essential|gcc|apt-get install", runtime), "compilers in the image"
    for name, spec in _pod_specs().items():
        assert spec["securityContext"]["runAsNonRoot"] is True, name
        assert str(spec["securityContext"]["runAsUser"]) == uid, name
        assert str(spec["securityContext"]["runAsGroup"]) == gid, name
        for container in spec["containers"]:
            assert container["securityContext"]["readOnlyRootFilesystem"] is True, name
            assert container["securityContext"]["allowPrivilegeEscalation"] is False, name
            mounts = {m["mountPath"] for m in container["volumeMounts"]}
            assert "/tmp" in mounts, f"{name}: VAR_DIR lives under /tmp"
    var_dir = _one("ConfigMap", "platform-api-config")["data"]["VAR_DIR"]
    assert var_dir.startswith("/tmp/")


def test_the_signing_key_file_is_where_the_secret_is_mounted():
    key_file = Path(_one("ConfigMap", "platform-api-config")["data"]["JWT_PRIVATE_KEY_FILE"])
    api = _pod_specs()["platform-api"]
    volume = next(v for v in api["volumes"] if "secret" in v)
    mount = next(m for m in api["containers"][0]["volumeMounts"] if m["name"] == volume["name"])
    assert key_file.parent == Path(mount["mountPath"])
    secret = _one("Secret", volume["secret"]["secretName"])
    assert key_file.name in secret["stringData"]


def test_grace_periods_nest():
    """The orchestrator's kill deadline comes after the pause before SIGTERM plus the
    server's own grace for requests in flight (and then the usage flush)."""
    grace = int(_one("ConfigMap", "platform-api-config")["data"]["SHUTDOWN_GRACE_SECONDS"])
    api = _pod_specs()["platform-api"]
    pause = api["containers"][0]["lifecycle"]["preStop"]["sleep"]["seconds"]
    assert api["terminationGracePeriodSeconds"] >= pause + grace + 10
    compose_api = _compose()["services"]["api"]
    assert int(compose_api["environment"]["SHUTDOWN_GRACE_SECONDS"]) == grace
    assert int(compose_api["stop_grace_period"].rstrip("s")) >= grace + 5


def test_kubernetes_objects_point_at_each_other():
    api = _one("Deployment", "platform-api")
    labels = api["spec"]["template"]["metadata"]["labels"]
    assert api["spec"]["selector"]["matchLabels"].items() <= labels.items()
    service = _one("Service", "platform-api")
    assert service["spec"]["selector"].items() <= labels.items()
    ports = {
        p["name"]: p["containerPort"]
        for p in api["spec"]["template"]["spec"]["containers"][0]["ports"]
    }
    assert service["spec"]["ports"][0]["targetPort"] in ports
    assert ports["http"] == int(_one("ConfigMap", "platform-api-config")["data"]["PORT"])
    hpa = _one("HorizontalPodAutoscaler", "platform-api")
    assert hpa["spec"]["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": "platform-api",
    }
    assert (
        hpa["spec"]["minReplicas"]
        > _one("PodDisruptionBudget", "platform-api")["spec"]["minAvailable"]
    )
    pods = {
        d["metadata"]["name"]: d["spec"]["template"]["metadata"]["labels"]
        for d in _k8s()
        if d["kind"] == "Deployment"
    }
    for pdb in (d for d in _k8s() if d["kind"] == "PodDisruptionBudget"):
        selected = [
            n
            for n, lab in pods.items()
            if pdb["spec"]["selector"]["matchLabels"].items() <= lab.items()
        ]
        assert selected == [pdb["metadata"]["name"]]
    referenced = {
        ref["name"]
        for spec in _pod_specs().values()
        for ref in (
            r.get("configMapRef") or r.get("secretRef") for r in spec["containers"][0]["envFrom"]
        )
    }
    defined = {d["metadata"]["name"] for d in _k8s() if d["kind"] in {"ConfigMap", "Secret"}}
    assert referenced <= defined


def test_no_secret_values_in_the_repository():
    """The compose file takes every secret from the environment, and the Kubernetes
    Secret holds only marked placeholders."""
    text = (DEPLOY / "compose.yaml").read_text()
    for name in ("POSTGRES_PASSWORD", "DB_APP_PASSWORD"):
        assert re.search(rf"\$\{{{name}:\?", text), name
    assert _compose()["secrets"]["jwt_private_key"] == {"environment": "JWT_PRIVATE_KEY_PEM"}
    for secret in (d for d in _k8s() if d["kind"] == "Secret"):
        for key, value in secret["stringData"].items():
            assert "PLACEHOLDER" in value, f"{secret['metadata']['name']}.{key}"


# --------------------------------------------------------------------------- graceful stop


def _platform_env(**settings: str) -> dict[str, str]:
    """This environment without any setting of ours or libpq's, plus `settings`."""
    ours = SETTINGS_ENV | {"TEST_DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k.upper() not in ours and not k.startswith("PG")}
    return env | {name.upper(): value for name, value in settings.items()}


async def _admin(admin_url: str, *statements: str) -> None:
    conn = await asyncpg.connect(admin_url)
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


@contextlib.contextmanager
def _empty_database(admin_url: str, name: str, role: str) -> Iterator[None]:
    """A new database owned by OWNER_ROLE (which the `database` fixture creates), dropped
    afterwards with the app role `role` its migration creates."""
    _run(_admin(admin_url, f"CREATE DATABASE {name} OWNER {OWNER_ROLE}"))
    try:
        yield
    finally:
        _run(
            _admin(
                admin_url,
                f"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
                f"DROP ROLE IF EXISTS {role}",
            )
        )


@pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")
def test_migrations_started_at_once_take_turns(
    admin_url: str, database: DatabaseUrls, tmp_path: Path
):
    """A rollout starts the migration Job and several pods together, each of which brings
    the schema up to date first: on a new database all of them must succeed. (`database`
    is there for OWNER_ROLE, which its fixture creates.)"""
    name = f"platform_race_{uuid.uuid4().hex[:8]}"
    role = f"{name}_app"
    with _empty_database(admin_url, name, role):
        env = _platform_env(
            database_url=_url(admin_url, user=OWNER_ROLE, database=name),
            db_app_role=role,
            var_dir=str(tmp_path),
        )
        runs = [
            subprocess.Popen(
                [str(SCRIPT), "migrate"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
            )
            for _ in range(3)
        ]
        outputs = [run.communicate(timeout=300)[0].decode() for run in runs]
        assert [run.returncode for run in runs] == [0, 0, 0], "\n".join(outputs)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def _requests(owner_url: str, operation: str) -> int:
    conn = await asyncpg.connect(owner_url)
    try:
        total: int = await conn.fetchval(
            "SELECT coalesce(sum(requests), 0) FROM api_usage WHERE operation = $1", operation
        )
    finally:
        await conn.close()
    return total


@pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")
def test_sigterm_finishes_requests_in_flight_and_flushes_usage(
    admin_url: str, database: DatabaseUrls, tmp_path: Path
):
    """`platform-api serve --workers 2` as a pod runs it: SIGTERM arrives while a request's
    body is still coming; the request is answered, and the counts that were only in the
    workers' memory (flushing every hour) are in the database once the process is gone.
    On a database of its own: the suite's other servers flush their counts too."""
    name = f"platform_sigterm_{uuid.uuid4().hex[:8]}"
    owner_url = _url(admin_url, user=OWNER_ROLE, database=name)
    with _empty_database(admin_url, name, f"{name}_app"):
        _serve_and_stop(owner_url, f"{name}_app", tmp_path)
        assert _run(_requests(owner_url, "platform_liveness")) == 7
        assert _run(_requests(owner_url, "auth_issue_token")) == 1


def _serve_and_stop(owner_url: str, app_role: str, tmp_path: Path) -> None:
    env = _platform_env(
        database_url=owner_url,
        db_app_role=app_role,
        var_dir=str(tmp_path / "var"),
        metering_flush_seconds="3600",
        overdue_sweep_seconds="0",
        log_level="WARNING",
    )
    port = _free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [str(SCRIPT), "serve", "--port", str(port), "--workers", "2"],
            cwd=tmp_path,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            deadline = time.monotonic() + 120
            while True:
                assert server.poll() is None, log_path.read_text()
                with contextlib.suppress(httpx.TransportError):
                    if http.get("/readyz").status_code == 200:
                        break
                assert time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.25)
            for _ in range(7):
                assert http.get("/healthz").status_code == 200
        body = b"grant_type=client_credentials&client_id=nobody&client_secret=nothing"
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(
                b"POST /v1/oauth/token HTTP/1.1\r\nHost: test\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                b"Content-Length: %d\r\n\r\n" % len(body) + body[:10]
            )
            time.sleep(1)  # the worker has the headers: the request is in flight
            server.send_signal(signal.SIGTERM)
            time.sleep(2)
            assert server.poll() is None, "the server did not wait for the request in flight"
            sock.sendall(body[10:])
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        status = answer.split(b"\r\n", 1)[0]
        assert status == b"HTTP/1.1 401 Unauthorized", answer
        server.wait(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(timeout=30)


# --------------------------------------------------------------------------- Citus

_SCHEMA_FACTS = """
SELECT c.relname AS name,
       EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id'
               AND NOT a.attisdropped) AS has_tenant,
       ARRAY(SELECT f.confrelid::regclass::text FROM pg_constraint f
             WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid
               AND f.conname <> ALL($1::text[])) AS parents,
       -- Keys whose referencing tenant_id does not meet the referenced one (by position).
       ARRAY(SELECT f.confrelid::regclass::text FROM pg_constraint f
             WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.conname <> ALL($1::text[])
               AND f.conkey[array_position(f.confkey, (
                       SELECT a.attnum FROM pg_attribute a
                       WHERE a.attrelid = f.confrelid AND a.attname = 'tenant_id'))]
                   IS DISTINCT FROM (SELECT a.attnum FROM pg_attribute a
                                     WHERE a.attrelid = c.oid AND a.attname = 'tenant_id'))
           AS keys_off_tenant,
       ARRAY(SELECT i.indexrelid::regclass::text FROM pg_index i
             WHERE i.indrelid = c.oid AND i.indisunique
               AND NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid
                               AND a.attname = 'tenant_id' AND a.attnum = ANY(i.indkey)))
           AS unique_without_tenant
FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
  AND c.relname <> 'alembic_version'
"""


async def test_citus_script_places_every_table_as_citus_requires(database: DatabaseUrls):
    sql = (DEPLOY / "citus" / "distribute.sql").read_text()
    code = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    reference = re.findall(r"create_reference_table\('(\w+)'\)", code)
    distributed = re.findall(
        r"create_distributed_table\('(\w+)', 'tenant_id', colocate_with => '(\w+)'\)", code
    )
    own_key = re.findall(
        r"create_distributed_table\('(\w+)', '(?!tenant_id')\w+', colocate_with => 'none'\)", code
    )
    assert len(re.findall(r"create_distributed_table\(", code)) == len(distributed) + len(own_key)
    dropped = re.findall(r"DROP CONSTRAINT (\w+)", code)
    conn = await asyncpg.connect(database.owner)
    try:
        tables = {row["name"]: row for row in await conn.fetch(_SCHEMA_FACTS, dropped)}
    finally:
        await conn.close()
    names = [name for name, _ in distributed]
    assert sorted(reference + names + own_key) == sorted(tables), "every table placed once"
    for name in own_key:  # sharded on their own key: no tenant and nothing to colocate with
        assert not tables[name]["has_tenant"] and not tables[name]["parents"], name
    assert distributed[0] == ("entrepreneurs", "none")
    assert {colocated for _, colocated in distributed[1:]} == {"entrepreneurs"}
    assert all(tables[name]["has_tenant"] for name in names)
    assert {n for n, t in tables.items() if t["has_tenant"]} - set(names) == {
        "api_clients",
        "funder_grants",
    }
    placed = set(reference)
    for name in names:
        assert set(tables[name]["parents"]) <= placed, f"{name} before its parents"
        off = set(tables[name]["keys_off_tenant"]) - set(reference)
        assert not off, f"{name}: keys to {off} leave tenant_id out (not colocated)"
        assert tables[name]["unique_without_tenant"] == [], name
        placed.add(name)
    for name in reference:
        assert set(tables[name]["parents"]) <= set(reference), f"{name} references a shard"
