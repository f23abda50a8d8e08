"""Personal data: sealed at rest, kept out of logs, erased everywhere by DELETE without
changing a single figure, and exported whole on request (data-subject access)."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from alembic import command
from pydantic import ValidationError

from platform_api.core.crypto import Keyring, UndecryptableError, new_key, parse_key
from platform_api.core.db import DatabaseUrls
from platform_api.core.keyring import load_keyring
from platform_api.core.logging import JsonFormatter
from platform_api.core.migrate import alembic_config
from platform_api.settings import Settings
from tests.conftest import OWNER_ROLE, Caller, Platform, _url
from tests.loans.lending import Desk, key, today
from tests.matching.helpers import act, mentor, propose

SEALED = ("full_name", "phone", "email")
TENANT, ROW, OTHER = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()

#: Values no other test uses, to look for in logs, rows and exports.
NAME, PHONE, EMAIL = "Zuberi Kwamboka-Privacy", "+254799000111", "zuberi.kwamboka@example.org"
PERSON = {"full_name": NAME, "phone": PHONE, "email": EMAIL, "country": "KE", "gender": "male"}


def _ring(active: str = "k1", **keys: bytes) -> Keyring:
    return Keyring.from_keys(keys or {"k1": os.urandom(32)}, active)


# --------------------------------------------------------------------------- the cipher


def test_a_sealed_value_opens_only_for_its_tenant_row_and_column():
    ring = _ring()
    sealed = ring.encrypt(NAME, tenant_id=TENANT, row_id=ROW, column="full_name")
    assert NAME.encode() not in sealed
    assert ring.decrypt(sealed, tenant_id=TENANT, row_id=ROW, column="full_name") == NAME
    for place in (
        {"tenant_id": OTHER, "row_id": ROW, "column": "full_name"},
        {"tenant_id": TENANT, "row_id": OTHER, "column": "full_name"},
        {"tenant_id": TENANT, "row_id": ROW, "column": "email"},
    ):
        with pytest.raises(UndecryptableError):
            ring.decrypt(sealed, **place)  # type: ignore[arg-type]
    tampered = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(UndecryptableError):
        ring.decrypt(tampered, tenant_id=TENANT, row_id=ROW, column="full_name")
    # Same text twice: different ciphertexts (a fresh nonce), so equal values do not show.
    assert sealed != ring.encrypt(NAME, tenant_id=TENANT, row_id=ROW, column="full_name")


def test_keys_rotate_and_old_ciphertexts_still_open():
    old_key, new = os.urandom(32), os.urandom(32)
    before = _ring("2025", **{"2025": old_key})
    sealed_before = before.encrypt(PHONE, tenant_id=TENANT, row_id=ROW, column="phone")
    after = _ring("2026", **{"2025": old_key, "2026": new})
    sealed_after = after.encrypt(PHONE, tenant_id=TENANT, row_id=ROW, column="phone")
    for sealed in (sealed_before, sealed_after):
        assert after.decrypt(sealed, tenant_id=TENANT, row_id=ROW, column="phone") == PHONE
    # Retiring a key that still sealed values makes them unreadable: keep every key.
    with pytest.raises(UndecryptableError):
        _ring("2026", **{"2026": new}).decrypt(
            sealed_before, tenant_id=TENANT, row_id=ROW, column="phone"
        )


def test_keys_are_256_bit_base64_and_the_active_one_must_exist():
    assert len(parse_key(new_key())) == 32
    for bad in ("not base64!", "c2hvcnQ="):
        with pytest.raises(ValueError):
            parse_key(bad)
    with pytest.raises(ValueError):
        _ring("missing", k1=os.urandom(32))


# --------------------------------------------------------------------------- configuration


def test_production_refuses_to_start_without_keys(tmp_path: Path):
    with pytest.raises(ValidationError, match="PII_KEYS"):
        Settings(environment="production", var_dir=tmp_path)
    two = {"a": new_key(), "b": new_key()}
    with pytest.raises(ValueError, match="PII_ACTIVE_KEY"):
        load_keyring(Settings(environment="production", pii_keys=two, var_dir=tmp_path))
    configured = load_keyring(
        Settings(environment="production", pii_keys=two, pii_active_key="b", var_dir=tmp_path)
    )
    assert configured.active == "b" and not (tmp_path / "keys").exists()
    # The command a pod runs stops before touching any database.
    env = {k: v for k, v in os.environ.items() if k.upper() not in {"PII_KEYS", "DATABASE_URL"}}
    script = Path(sys.executable).with_name("platform-api")
    if script.exists():
        run = subprocess.run(
            [str(script), "migrate"],
            env={**env, "ENVIRONMENT": "production", "VAR_DIR": str(tmp_path)},
            capture_output=True,
            timeout=120,
        )
        assert run.returncode != 0 and b"PII_KEYS" in run.stderr


def test_development_generates_one_key_and_keeps_it(tmp_path: Path):
    first = load_keyring(Settings(var_dir=tmp_path))
    sealed = first.encrypt(EMAIL, tenant_id=TENANT, row_id=ROW, column="email")
    again = load_keyring(Settings(var_dir=tmp_path))
    assert again.decrypt(sealed, tenant_id=TENANT, row_id=ROW, column="email") == EMAIL
    assert oct((tmp_path / "keys" / "personal-data.key").stat().st_mode & 0o777) == "0o600"


# --------------------------------------------------------------------------- at rest


async def _stored(database: DatabaseUrls, tenant_id: str, entrepreneur_id: str) -> Any:
    conn = await asyncpg.connect(database.owner)
    try:
        async with conn.transaction():
            await conn.execute("SELECT set_config('app.tenant_id', $1, true)", tenant_id)
            return await conn.fetchrow(
                "SELECT * FROM entrepreneurs WHERE id = $1", uuid.UUID(entrepreneur_id)
            )
    finally:
        await conn.close()


async def test_the_database_holds_ciphertexts_and_a_copied_one_does_not_open(
    client: httpx.AsyncClient, database: DatabaseUrls, tenant_a: Caller
):
    person = (await client.post("/v1/entrepreneurs", json=PERSON, headers=tenant_a.headers)).json()
    other = (
        await client.post(
            "/v1/entrepreneurs",
            json={"full_name": "Someone Else", "country": "KE"},
            headers=tenant_a.headers,
        )
    ).json()
    assert tenant_a.tenant_id is not None
    row = await _stored(database, tenant_a.tenant_id, person["id"])
    for column, value in zip(SEALED, (NAME, PHONE, EMAIL), strict=True):
        assert isinstance(row[column], bytes) and value.encode() not in row[column]
    # Copied onto another row, a ciphertext does not open there: no one's name is shown
    # as another's.
    conn = await asyncpg.connect(database.owner)
    try:
        async with conn.transaction():
            await conn.execute("SELECT set_config('app.tenant_id', $1, true)", tenant_a.tenant_id)
            await conn.execute(
                "UPDATE entrepreneurs SET full_name = $1 WHERE id = $2",
                row["full_name"],
                uuid.UUID(other["id"]),
            )
    finally:
        await conn.close()
    copied = await client.get(f"/v1/entrepreneurs/{other['id']}", headers=tenant_a.headers)
    assert copied.status_code == 500 and NAME not in copied.text


def _migrate_to(owner_url: str, revision: str, ring: Keyring, downgrade: bool = False) -> None:
    config = alembic_config(owner_url)
    config.attributes["keyring"] = ring
    (command.downgrade if downgrade else command.upgrade)(config, revision)


async def _execute(url: str, sql: str, *args: Any, tenant: uuid.UUID | None = None) -> Any:
    conn = await asyncpg.connect(url)
    try:
        if tenant is None:
            return await conn.fetch(sql, *args)
        async with conn.transaction():
            await conn.execute("SELECT set_config('app.tenant_id', $1, true)", str(tenant))
            return await conn.fetch(sql, *args)
    finally:
        await conn.close()


async def test_migration_seals_rows_that_were_stored_in_clear_and_reverses(
    admin_url: str, database: DatabaseUrls
):
    """0015 on a database that already holds people (`database` is there for OWNER_ROLE).
    Alembic runs its own event loop: it runs in a thread."""
    name = f"platform_pii_{uuid.uuid4().hex[:8]}"
    ring = _ring()
    tenant, person = uuid.uuid4(), uuid.uuid4()
    await _execute(admin_url, f"CREATE DATABASE {name} OWNER {OWNER_ROLE}")
    owner = _url(admin_url, user=OWNER_ROLE, database=name)
    read = "SELECT full_name, phone, email FROM entrepreneurs"
    try:
        await asyncio.to_thread(_migrate_to, owner, "0013", ring)
        await _execute(
            owner,
            "INSERT INTO tenants (id, name, country, default_currency) "
            "VALUES ($1, 'T', 'KE', 'KES')",
            tenant,
        )
        await _execute(
            owner,
            "INSERT INTO entrepreneurs (tenant_id, id, full_name, phone, country) "
            "VALUES ($1, $2, $3, $4, 'KE')",
            tenant,
            person,
            NAME,
            PHONE,
            tenant=tenant,
        )
        await asyncio.to_thread(_migrate_to, owner, "head", ring)
        (sealed,) = await _execute(owner, read, tenant=tenant)
        assert sealed["email"] is None
        assert [
            ring.decrypt(sealed[c], tenant_id=tenant, row_id=person, column=c)
            for c in ("full_name", "phone")
        ] == [NAME, PHONE]
        await asyncio.to_thread(_migrate_to, owner, "0013", ring, True)
        assert [tuple(r) for r in await _execute(owner, read, tenant=tenant)] == [
            (NAME, PHONE, None)
        ]
    finally:
        await _execute(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# --------------------------------------------------------------------------- logs


@pytest.fixture
def captured_logs() -> Iterator[io.StringIO]:
    """Every log line of the service, at DEBUG, as the JSON it writes (the test's own
    HTTP client, httpx, logs the URLs it calls: it is the caller, not the service)."""
    sink = io.StringIO()
    handler = logging.StreamHandler(sink)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(lambda record: not record.name.startswith(("httpx", "httpcore")))
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield sink
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


async def test_personal_values_never_reach_the_logs(
    client: httpx.AsyncClient, tenant_a: Caller, captured_logs: io.StringIO
):
    headers = tenant_a.headers
    created = await client.post("/v1/entrepreneurs", json=PERSON, headers=headers)
    assert created.status_code == 201
    path = f"/v1/entrepreneurs/{created.json()['id']}"
    new_name, new_email = "Zuberi Kwamboka-Renamed", "renamed.kwamboka@example.org"
    patched = await client.patch(
        path, json={"full_name": new_name, "email": new_email}, headers=headers
    )
    assert patched.status_code == 200
    for response in (
        # invalid bodies that carry the values
        await client.post(
            "/v1/entrepreneurs", json={**PERSON, "birth_year": 1700}, headers=headers
        ),
        await client.patch(path, json={"phone": f"{PHONE}x", "email": new_name}, headers=headers),
        await client.post(
            "/v1/entrepreneurs", content=f'{{"full_name": "{NAME}", "country": ', headers=headers
        ),
        # values in paths and query strings, matched or not
        await client.get(f"/v1/entrepreneurs/{NAME}", headers=headers),
        await client.get(f"/v1/entrepreneurs?sector={EMAIL}&q={PHONE}", headers=headers),
        await client.get(f"/v1/no-such-thing/{EMAIL}?name={NAME}", headers=headers),
        await client.get(f"/v1/entrepreneurs/{uuid.uuid4()}", headers=headers),
    ):
        assert 400 <= response.status_code < 500, response.text
    assert (await client.get(f"{path}/export", headers=headers)).status_code == 200
    assert (await client.delete(path, headers=headers)).status_code == 204
    logged = captured_logs.getvalue()
    assert '"logger":"platform_api.access"' in logged  # the capture works
    for value in (NAME, PHONE, EMAIL, new_name, new_email, "Kwamboka", PHONE[1:]):
        assert value not in logged, value


# --------------------------------------------------------------------------- anonymise


async def _figures(desk: Desk, loan: dict[str, Any]) -> dict[str, Any]:
    """Everything a DELETE must leave as it was."""
    base = f"/v1/loans/{loan['id']}"
    window = f"from={today().replace(day=1).isoformat()}&to={today().isoformat()}"
    return {
        "loan": await desk.get(base),
        "schedule": await desk.get(f"{base}/schedule"),
        "repayments": await desk.get(f"{base}/repayments"),
        "application": await desk.get(f"/v1/loan-applications/{loan['application_id']}"),
        "arrears": await desk.get(f"/v1/loans/arrears?as_of={today().isoformat()}"),
        "portfolio": await desk.get(f"/v1/reports/portfolio?{window}", desk.checker),
        "impact": await desk.get(f"/v1/reports/impact?{window}", desk.checker),
    }


async def test_delete_erases_everywhere_and_changes_no_figure(
    client: httpx.AsyncClient, platform: Platform, database: DatabaseUrls
):
    desk = await Desk.open(client, platform)
    created = await client.post(
        "/v1/entrepreneurs", json=PERSON, headers={**desk.checker.headers, **key()}
    )
    create_key = created.request.headers["Idempotency-Key"]
    desk.entrepreneur = created.json()
    loan = await desk.loan(days_ago=40)
    assert (await desk.pay(loan, 500_000)).status_code == 201
    survey = await client.post(
        f"/v1/entrepreneurs/{desk.entrepreneur['id']}/outcome-surveys",
        json={
            "kind": "baseline",
            "surveyed_on": today().isoformat(),
            "earns_from_own_business": False,
            "earns_from_gigs": True,
        },
        headers=desk.checker.headers,
    )
    assert survey.status_code == 201, survey.text
    before = await _figures(desk, loan)

    path = f"/v1/entrepreneurs/{desk.entrepreneur['id']}"
    first = await client.delete(path, headers=desk.checker.headers)
    anonymised = await desk.get(path, desk.checker)
    again = await client.delete(path, headers=desk.checker.headers)
    assert first.status_code == again.status_code == 204
    assert await desk.get(path, desk.checker) == anonymised  # idempotent: nothing moved

    after = await _figures(desk, loan)
    for name in ("portfolio", "impact"):  # stamped with when they were computed
        for report in (before[name], after[name]):
            report.pop("generated_at", None)
    assert after == before

    # Null everywhere the values were held: the row (ciphertexts gone, not only unread),
    # the response stored for a retry of the creation, and the export.
    assert desk.checker.tenant_id is not None
    row = await _stored(database, desk.checker.tenant_id, desk.entrepreneur["id"])
    assert all(row[c] is None for c in SEALED)
    replay = await client.post(
        "/v1/entrepreneurs",
        json=PERSON,
        headers={**desk.checker.headers, "Idempotency-Key": create_key},
    )
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == anonymised
    export = await client.get(f"{path}/export", headers=desk.checker.headers)
    assert export.json()["anonymised"] is True
    assert export.json()["loans"][0]["id"] == loan["id"]
    for value in (NAME, PHONE, EMAIL):
        assert value not in replay.text and value not in export.text


# --------------------------------------------------------------------------- export


async def test_export_holds_everything_about_one_person_and_no_one_else(
    client: httpx.AsyncClient, platform: Platform
):
    desk = await Desk.open(client, platform)
    person = desk.entrepreneur
    loan = await desk.loan(days_ago=10)
    repayment = (await desk.pay(loan, 300_000)).json()
    declined = await desk.draft()
    assert (await desk.act(declined, "withdraw", desk.maker)).status_code == 200
    shared = await mentor(client, desk.checker)
    match = await propose(client, desk.checker, person, shared)
    assert (await act(client, desk.checker, match, "accept")).status_code == 200
    session = await client.post(
        f"/v1/matches/{match['id']}/sessions",
        json={"held_on": today().isoformat(), "minutes": 30, "channel": "phone"},
        headers=desk.checker.headers,
    )
    assert session.status_code == 201, session.text
    circle = await client.post(
        "/v1/lending-circles",
        json={
            "name": "Circle",
            "currency": "KES",
            "contribution_amount": 100_000,
            "frequency_unit": "weeks",
            "size": 2,
        },
        headers=desk.maker.headers,
    )
    member = await client.post(
        f"/v1/lending-circles/{circle.json()['id']}/members",
        json={"entrepreneur_id": person["id"]},
        headers=desk.maker.headers,
    )
    assert member.status_code == 201, member.text
    someone_else = await desk.draft(
        entrepreneur_id=(
            await client.post(
                "/v1/entrepreneurs",
                json={"full_name": "Other", "country": "KE"},
                headers=desk.maker.headers,
            )
        ).json()["id"]
    )

    path = f"/v1/entrepreneurs/{person['id']}/export"
    response = await client.get(path, headers=desk.checker.headers)
    assert response.status_code == 200, response.text
    export = response.json()
    assert export["anonymised"] is False
    assert export["entrepreneur"] == await desk.get(
        f"/v1/entrepreneurs/{person['id']}", desk.checker
    )
    applications = {a["id"]: a for a in export["loan_applications"]}
    assert set(applications) == {loan["application_id"], declined["id"]}
    assert someone_else["id"] not in response.text
    assert [t["to_status"] for t in applications[declined["id"]]["transitions"]] == [
        "draft",
        "withdrawn",
    ]
    assert all("tenant_id" not in a for a in export["loan_applications"])
    (exported_loan,) = export["loans"]
    assert exported_loan["id"] == loan["id"] and len(exported_loan["schedule"]) == loan["term"]
    assert [r["id"] for r in exported_loan["repayments"]] == [repayment["id"]]
    ((exported_match,),) = [export["matches"]]
    assert exported_match["id"] == match["id"] and len(exported_match["sessions"]) == 1
    (membership,) = export["lending_circle_memberships"]
    assert membership["id"] == member.json()["id"]
    assert membership["circle"]["id"] == circle.json()["id"]
    subjects = {e["subject_id"] for e in export["events"]}
    assert {loan["id"], loan["application_id"], match["id"]} <= subjects
    assert "outcome_surveys" in export and "loan_groups" in export

    # Another organisation's entrepreneur is 404; the export (loans, matches, events
    # included) needs tenant:admin, not only entrepreneurs:read.
    stranger = await platform.tenant_caller()
    assert (await client.get(path, headers=stranger.headers)).status_code == 404
    reader = await platform.caller(desk.maker.tenant_id or "", ["entrepreneurs:read"])
    for caller in (desk.maker, reader):
        assert (await client.get(path, headers=caller.headers)).status_code == 403
