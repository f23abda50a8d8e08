"""The audit log as the tenant admin reads it (filters, pages, one entry; other scopes,
principals and tenants refused), and as the database keeps it: append-only for the app
role by its grants, and for every role, the owner included, by a trigger."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import asyncpg
import pytest

from platform_api.core.db import DatabaseUrls
from tests.audit.helpers import actions, audit_log
from tests.conftest import Caller, Platform, fetch_token
from tests.loans.lending import Desk
from tests.loans.social.helpers import problem


async def _desk_with_two_loans(client, platform: Platform) -> tuple[Desk, list[dict]]:
    desk = await Desk.open(client, platform)
    loans = [await desk.loan(), await desk.loan()]
    for loan in loans:
        assert (await desk.pay(loan, 1_000)).status_code == 201
    return desk, loans


async def test_the_tenant_admin_filters_and_pages_the_log(client, platform: Platform):
    desk, loans = await _desk_with_two_loans(client, platform)
    everything = await audit_log(desk)
    assert len(everything) == 8  # per loan: submitted, approved, disbursed, repayment
    # Pages of 3 walk the same entries in the same order, each once.
    first_page = await desk.get("/v1/audit-events?limit=3", desk.checker)
    assert first_page["data"] == everything[:3] and first_page["next_cursor"]
    assert await audit_log(desk, limit="3") == everything
    posted = await audit_log(desk, action="loan.repayment.posted")
    assert actions(posted) == ["loan.repayment.posted"] * 2
    trail = await audit_log(desk, resource_type="loan", resource_id=loans[0]["id"])
    assert actions(trail) == ["loan.disbursed", "loan.repayment.posted"]
    assert await audit_log(desk, resource_type="lending_circle") == []
    first = everything[0]["occurred_at"]
    assert await audit_log(desk, occurred_to=first) == []
    later = datetime.fromisoformat(everything[-1]["occurred_at"]) + timedelta(seconds=1)
    assert await audit_log(desk, occurred_from=later.isoformat()) == []
    assert len(await audit_log(desk, occurred_from=first)) == 8
    one = await desk.get(f"/v1/audit-events/{posted[0]['id']}", desk.checker)
    assert one == posted[0]
    problem(
        await client.get("/v1/audit-events?action=loan.renamed", headers=desk.checker.headers), 422
    )


async def test_other_scopes_principals_and_tenants_are_refused(
    client, platform: Platform, tenant_b: Caller
):
    desk, _ = await _desk_with_two_loans(client, platform)
    entry = (await audit_log(desk))[0]
    path = f"/v1/audit-events/{entry['id']}"
    # A's own client without tenant:admin (it made these loans), the operator, a funder.
    created = await client.post(
        "/v1/funders", json={"name": "Audit Fund"}, headers=platform.operator.headers
    )
    assert created.status_code == 201, created.text
    credentials = created.json()["client"]
    funder = Caller(
        credentials["id"],
        credentials["client_secret"],
        await fetch_token(client, credentials["id"], credentials["client_secret"]),
    )
    for caller in (desk.maker, platform.operator, funder):
        for url in ("/v1/audit-events", path):
            problem(await client.get(url, headers=caller.headers), 403)
    # Another tenant's admin: the entry does not exist for it, and its log is its own.
    problem(await client.get(path, headers=tenant_b.headers), 404)
    problem(await client.get(f"/v1/audit-events/{uuid.uuid4()}", headers=desk.checker.headers), 404)
    theirs = await client.get(
        f"/v1/audit-events?resource_id={entry['resource_id']}", headers=tenant_b.headers
    )
    assert theirs.status_code == 200 and theirs.json()["data"] == []


async def _refused(conn: asyncpg.Connection, statement: str, match: str) -> None:
    with pytest.raises(asyncpg.InsufficientPrivilegeError, match=match):
        async with conn.transaction():
            await conn.execute(statement)


async def test_entries_cannot_be_changed_or_deleted_by_any_role(
    client, platform: Platform, database: DatabaseUrls
):
    desk, _ = await _desk_with_two_loans(client, platform)
    before = await audit_log(desk)
    tenant = desk.checker.tenant_id
    changes = (
        "UPDATE audit_events SET action = 'loan.closed'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
    )
    app = await asyncpg.connect(database.app)
    try:
        granted = await app.fetch(
            "SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p "
            "WHERE has_table_privilege('audit_events', p)"
        )
        assert [row["p"] for row in granted] == ["SELECT", "INSERT"]
        await app.execute("SELECT set_config('app.tenant_id', $1, false)", tenant)
        for statement in changes:
            await _refused(app, statement, "permission denied")
    finally:
        await app.close()
    # The owner holds every privilege on its table: the trigger refuses it all the same.
    owner = await asyncpg.connect(database.owner)
    try:
        await owner.execute("SELECT set_config('app.tenant_id', $1, false)", tenant)
        for statement in changes:
            await _refused(owner, statement, "append-only")
    finally:
        await owner.close()
    assert await audit_log(desk) == before
