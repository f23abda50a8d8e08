"""Object-level authorization sweep (OWASP API1 and API5), generated from the OpenAPI
document: every operation with a path id is aimed at tenant A's real object by tenant B
(all scopes; for nested ids also through B's own parent), by a funder A granted, and by
A's own token lacking the operation's scope; operator-only operations are probed alike.
None may succeed, none may see A's ids or personal data, and the database must not change.

An operation added later is swept automatically; one whose path parameter has no factory
in `world.RESOURCES` (or whose required body has no sample in `world.BODIES`) fails the
coverage test, so the sweep cannot silently rot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.engine import make_url

from platform_api.auth.scopes import OPERATOR
from platform_api.settings import Settings
from tests.conftest import ALL_TENANT_SCOPES, Caller, Platform
from tests.loans.lending import key
from tests.security.world import BODIES, RESOURCES, UUID_PATTERN, World, body_for

#: Tables whose rows a refused request legitimately changes: usage metering counts every
#: request and rate limits spend a token on every request, refused ones included.
VOLATILE_TABLES = {"api_usage", "rate_limit_buckets", "alembic_version"}

#: The sweep's floor: the document had 78 operations with a path id and 4 more reserved to
#: the operator when this was written.
#: The count may grow; falling below means operations lost their ids or the generator broke.
MIN_OPERATIONS = 82


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    path_params: tuple[str, ...]
    scopes: frozenset[str]
    body_required: bool

    @property
    def operator_only(self) -> bool:
        return OPERATOR in self.scopes

    @property
    def missing_scopes(self) -> frozenset[str]:
        """What A's probing token lacks: the declared scopes, or, for operations that
        authorize in the handler (tenants and their clients), the tenant admin scope."""
        return self.scopes or frozenset({"tenant:admin"})


def operations(app: FastAPI) -> list[Operation]:
    """Every operation of the live document that takes an id in its path, and every
    operation reserved to the platform operator (tenants and funders)."""
    found = []
    for path, items in app.openapi()["paths"].items():
        for method, operation in items.items():
            names = tuple(p["name"] for p in operation.get("parameters", []) if p["in"] == "path")
            scopes = frozenset(
                s for req in operation.get("security", []) for v in req.values() for s in v
            )
            if not names and OPERATOR not in scopes:
                continue
            body = operation.get("requestBody", {})
            found.append(
                Operation(
                    operation["operationId"],
                    method.upper(),
                    path,
                    names,
                    scopes,
                    bool(body.get("required")),
                )
            )
    return found


def test_every_path_id_has_a_factory_and_every_required_body_a_sample(app: FastAPI):
    swept = operations(app)
    assert len(swept) >= MIN_OPERATIONS, len(swept)
    unknown = {(op.operation_id, p) for op in swept for p in op.path_params if p not in RESOURCES}
    assert not unknown, f"add a factory to tests/security/world.py RESOURCES for: {unknown}"
    bodiless = [
        op.operation_id for op in swept if op.body_required and op.operation_id not in BODIES
    ]
    assert not bodiless, f"add a sample body to tests/security/world.py BODIES for: {bodiless}"
    ids = {op["operationId"] for items in app.openapi()["paths"].values() for op in items.values()}
    stale = set(BODIES) - ids
    assert not stale, f"BODIES names operations that no longer exist: {stale}"


@pytest.fixture(scope="module")
def superuser_url(admin_url: str, settings: Settings) -> str:
    """Snapshots read every tenant's rows: a superuser is not bound by row-level security."""
    assert settings.database_url is not None
    database = make_url(settings.database_url).database
    return make_url(admin_url).set(database=database).render_as_string(hide_password=False)


class Snapshot:
    """A fingerprint of the rows of A and B (and of the shared tables): count and a hash
    of every row with its xmin, so even an update writing the same values shows."""

    def __init__(self, conn: asyncpg.Connection, sql: str, tenants: list[str]) -> None:
        self.conn = conn
        self.sql = sql
        self.tenants = tenants

    @classmethod
    async def prepare(cls, conn: asyncpg.Connection, tenants: list[str]) -> Snapshot:
        rows = await conn.fetch(
            "SELECT c.relname, bool_or(a.attname = 'tenant_id') AS tenant_owned "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') GROUP BY c.relname"
        )
        parts = [
            f"SELECT '{row['relname']}' AS tbl, count(*) AS n, "
            f"coalesce(sum(hashtextextended(t::text || t.xmin::text, 0)), 0) AS h "
            f"FROM {row['relname']} t"
            + (" WHERE t.tenant_id = ANY($1::uuid[])" if row["tenant_owned"] else "")
            for row in rows
            if row["relname"] not in VOLATILE_TABLES
        ]
        assert len(parts) > 30, "the snapshot should see every table"
        return cls(conn, " UNION ALL ".join(parts), tenants)

    async def take(self) -> dict[str, tuple[int, int]]:
        rows = await self.conn.fetch(self.sql, self.tenants)
        return {row["tbl"]: (row["n"], row["h"]) for row in rows}


@pytest.fixture(scope="module")
async def world(client: httpx.AsyncClient, platform: Platform, app: FastAPI) -> World:
    """A's objects, made once for the module: one per kind of path id in the document."""
    built = await World.open(client, platform)
    for op in operations(app):
        for name in op.path_params:
            await built.id(name)
    return built


@pytest.fixture(scope="module")
async def other(client: httpx.AsyncClient, platform: Platform, app: FastAPI) -> World:
    """Tenant B, with its own parents for the operations that take two ids (B's loan and
    A's repayment: the classic way past a check made on the parent only)."""
    built = await World.open(client, platform)
    for op in operations(app):
        for name in op.path_params[:-1]:
            await built.id(name)
    return built


@pytest.fixture(scope="module")
def intruder(other: World) -> Caller:
    return other.a


@pytest.fixture(scope="module")
async def snapshot(superuser_url: str, world: World, intruder: Caller) -> AsyncIterator[Snapshot]:
    conn = await asyncpg.connect(superuser_url)
    try:
        assert intruder.tenant_id is not None
        yield await Snapshot.prepare(conn, [world.tenant_id, intruder.tenant_id])
    finally:
        await conn.close()


@dataclass
class Probe:
    who: str
    caller: Caller
    expected: frozenset[int]
    url: str | None = None


def _ids_in(*texts: str) -> set[str]:
    return set(UUID_PATTERN.findall(" ".join(texts)))


def _leaks(response: httpx.Response, world: World, sent: set[str]) -> list[str]:
    """A's ids (other than those the prober sent) or personal data in the answer."""
    text = response.text
    found = sorted(value for value in world.revealed - sent if value in text)
    found += [value for value in world.personal.values() if value.lower() in text.lower()]
    return found


async def _request(
    client: httpx.AsyncClient, op: Operation, url: str, body: Any, caller: Caller
) -> httpx.Response:
    return await client.request(op.method, url, json=body, headers={**caller.headers, **key()})


async def test_no_principal_reaches_another_tenants_object(
    client: httpx.AsyncClient,
    platform: Platform,
    app: FastAPI,
    world: World,
    other: World,
    intruder: Caller,
    snapshot: Snapshot,
):
    swept = operations(app)
    lacking: dict[frozenset[str], Caller] = {}
    failures: list[str] = []
    probed = 0
    before = await snapshot.take()
    for op in swept:
        url = op.path.format(**{name: await world.id(name) for name in op.path_params})
        body = await body_for(world, op.operation_id)
        if op.missing_scopes not in lacking:
            scopes = [s for s in ALL_TENANT_SCOPES if s not in op.missing_scopes]
            lacking[op.missing_scopes] = await platform.caller(world.tenant_id, scopes)
            before = await snapshot.take()  # the new client is a row of its own
        probes = [
            Probe("tenant B", intruder, frozenset({403 if op.operator_only else 404})),
            Probe("funder", world.funder, frozenset({403, 404})),
            Probe("A without scope", lacking[op.missing_scopes], frozenset({403})),
        ]
        if len(op.path_params) > 1:
            *parents, child = op.path_params
            ids = {name: await other.id(name) for name in parents}
            mixed = op.path.format(**ids, **{child: await world.id(child)})
            expected = frozenset({403 if op.operator_only else 404})
            probes.append(Probe("tenant B via its own parent", intruder, expected, mixed))
        for probe in probes:
            target = probe.url or url
            sent = _ids_in(target, str(body))
            response = await _request(client, op, target, body, probe.caller)
            probed += 1
            where = f"{op.operation_id} as {probe.who}"
            if response.status_code not in probe.expected:
                failures.append(
                    f"{where}: {response.status_code} (expected {sorted(probe.expected)}): "
                    f"{response.text[:200]}"
                )
            if response.headers.get("content-type") != "application/problem+json":
                failures.append(f"{where}: not problem+json")
            if leaked := _leaks(response, world, sent):
                failures.append(f"{where}: answer reveals {leaked}")
            after = await snapshot.take()
            if changed := sorted(t for t in after if after[t] != before.get(t)):
                failures.append(f"{where}: changed rows of {changed}")
            before = after
    nested = sum(len(op.path_params) > 1 for op in swept)
    print(
        f"\nauthorization sweep: {len(swept)} operations x 3 principals "
        f"+ {nested} nested ids via B's own parent = {probed} probes, {len(failures)} failures"
    )
    assert probed == 3 * len(swept) + nested >= 3 * MIN_OPERATIONS
    assert not failures, "\n".join(failures)


async def test_the_sweep_aims_at_objects_a_can_reach(
    client: httpx.AsyncClient, platform: Platform, app: FastAPI, world: World
):
    """The control that keeps the sweep honest: the same requests by A itself (or the
    operator, for operator-only operations) find the object and pass validation, so the
    refusals above come from authorization, not from a wrong id or an invalid body.
    Runs after the sweep (it changes A's objects); deletions go last."""
    swept = sorted(operations(app), key=lambda op: op.method == "DELETE")
    wrong = []
    for op in swept:
        url = op.path.format(**{name: await world.id(name) for name in op.path_params})
        body = await body_for(world, op.operation_id)
        caller = platform.operator if op.operator_only else world.a
        response = await _request(client, op, url, body, caller)
        if response.status_code in (400, 403, 404, 405, 422) or response.status_code >= 500:
            wrong.append(f"{op.operation_id}: {response.status_code} {response.text[:200]}")
    assert not wrong, "\n".join(wrong)


#: Body fields that name another object under a different name than its path parameter.
ALIASES = {
    "leader_entrepreneur_id": "entrepreneur_id",
    "member_entrepreneur_id": "entrepreneur_id",
    "member_id": "circle_member",
}
#: B's parent for body probes where the sweep's own would refuse on its state first
#: (members join a forming circle; the sweep's circle has started).
PARENTS = {"lending_circles_add_member": {"circle_id": "forming_circle"}}
#: Ids in bodies that are not a tenant's objects: funders are the platform's, and any
#: tenant may grant any funder access to its own reports.
SHARED_REFERENCES = {"funder_id"}


def _references(node: dict[str, Any], components: dict[str, Any], at: str = "") -> list[str]:
    """Paths (`a`, `a[]`, `a[].b`) of the uuid fields of a request body schema."""
    if "$ref" in node:
        return _references(components[node["$ref"].rsplit("/", 1)[-1]], components, at)
    found = [] if node.get("format") != "uuid" else [at]
    for option in node.get("anyOf", []):
        found += _references(option, components, at)
    if node.get("type") == "array":
        found += _references(node.get("items", {}), components, f"{at}[]")
    for name, child in node.get("properties", {}).items():
        found += _references(child, components, f"{at}.{name}" if at else name)
    return found


def _resource(path: str) -> str:
    field = path.rsplit(".", 1)[-1].removesuffix("[]")
    field = field.removesuffix("s") if field.endswith("_ids") else field
    return ALIASES.get(field, field)


def _replace(body: Any, path: str, value: str) -> Any:
    """`body` with the (first) value at `path` replaced."""
    head, _, rest = path.partition(".")
    name, many = head.removesuffix("[]"), head.endswith("[]")
    copied = dict(body)
    if many:
        items = list(copied[name])
        items[0] = _replace(items[0], rest, value) if rest else value
        copied[name] = items
    else:
        copied[name] = _replace(copied[name], rest, value) if rest else value
    return copied


def body_references(app: FastAPI) -> list[tuple[Operation, str]]:
    """(operation, field path) for every id a request body carries."""
    document = app.openapi()
    components = document["components"]["schemas"]
    found = []
    for path, items in document["paths"].items():
        for method, operation in items.items():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" not in content:
                continue
            names = tuple(p["name"] for p in operation.get("parameters", []) if p["in"] == "path")
            scopes = frozenset(
                s for req in operation.get("security", []) for v in req.values() for s in v
            )
            op = Operation(operation["operationId"], method.upper(), path, names, scopes, True)
            for field in _references(content["application/json"]["schema"], components):
                if _resource(field) not in SHARED_REFERENCES:
                    found.append((op, field))
    return found


def test_every_id_in_a_body_has_a_factory_and_a_sample(app: FastAPI):
    references = body_references(app)
    assert len(references) >= 18, len(references)
    unknown = {(op.operation_id, f) for op, f in references if _resource(f) not in RESOURCES}
    assert not unknown, f"add a factory or an alias for: {unknown}"
    bodiless = {op.operation_id for op, _ in references if op.operation_id not in BODIES}
    assert not bodiless, f"add a sample body to tests/security/world.py BODIES for: {bodiless}"


async def test_no_tenant_names_another_tenants_object_in_a_body(
    client: httpx.AsyncClient,
    app: FastAPI,
    world: World,
    other: World,
    intruder: Caller,
    snapshot: Snapshot,
):
    """Tenant B sends a request valid for its own objects with one id replaced by A's
    (A's entrepreneur into B's loan application, A's private mentor into B's match...):
    404 or 422, nothing changed, nothing of A's revealed. The same request with B's own
    ids is then accepted (or conflicts with state), so the refusal is A's id's doing."""
    references = body_references(app)
    failures: list[str] = []
    controls: dict[str, tuple[Operation, str, Any]] = {}
    probes = []
    for op, field in references:  # B's objects first: the snapshot is taken after
        targets = {**{name: name for name in op.path_params}, **PARENTS.get(op.operation_id, {})}
        url = op.path.format(**{name: await other.id(targets[name]) for name in op.path_params})
        own = await body_for(other, op.operation_id)
        try:
            body = _replace(own, field, await world.id(_resource(field)))
        except (KeyError, IndexError, TypeError):
            failures.append(f"{op.operation_id}: the sample body has no {field}")
            continue
        controls[op.operation_id] = (op, url, own)
        probes.append((op, field, url, body))
    before = await snapshot.take()
    for op, field, url, body in probes:
        response = await _request(client, op, url, body, intruder)
        where = f"{op.operation_id} with A's {field}"
        if response.status_code not in (404, 422):
            failures.append(f"{where}: {response.status_code} {response.text[:200]}")
        if leaked := _leaks(response, world, _ids_in(url, str(body))):
            failures.append(f"{where}: answer reveals {leaked}")
        after = await snapshot.take()
        if changed := sorted(t for t in after if after[t] != before.get(t)):
            failures.append(f"{where}: changed rows of {changed}")
        before = after
    print(f"\nbody references: {len(references)} ids in {len(controls)} operations probed")
    for op, url, own in controls.values():
        response = await _request(client, op, url, own, intruder)
        if response.status_code in (400, 403, 404, 422) or response.status_code >= 500:
            failures.append(
                f"{op.operation_id} with B's own ids: {response.status_code} {response.text[:200]}"
            )
    assert not failures, "\n".join(failures)


async def test_no_list_or_report_shows_another_tenants_records(
    client: httpx.AsyncClient, app: FastAPI, world: World, intruder: Caller
):
    """Every read without a path id (lists, exports, reports), as tenant B and as the
    funder A granted: whatever they may read, none of A's ids or personal data. The
    funder reads A's aggregates, so it may see A's tenant id, and nothing else of A's."""
    reads = [
        (operation["operationId"], path)
        for path, items in app.openapi()["paths"].items()
        for method, operation in items.items()
        if method == "get" and "{" not in path and path.startswith("/v1/")
    ]
    failures = []
    answered = 0
    for operation_id, path in reads:
        for who, caller, known in (
            ("tenant B", intruder, set()),
            ("funder", world.funder, {world.tenant_id}),
        ):
            response = await client.get(path, headers=caller.headers)
            if response.status_code >= 500:
                failures.append(f"{operation_id} as {who}: {response.status_code}")
            answered += response.status_code == 200
            if leaked := _leaks(response, world, known):
                failures.append(f"{operation_id} as {who}: answer reveals {leaked}")
    print(f"\nreads without a path id: {len(reads)} operations x 2 principals, {answered} answered")
    assert len(reads) >= 25 and answered >= len(reads)
    assert not failures, "\n".join(failures)
