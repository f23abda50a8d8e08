"""Reports on a read replica (`DATABASE_REPORT_URL`): here the "replica" is the same
server reached through a second pool whose sessions are read-only, as a hot standby's
are; the report must come from that pool and equal the primary's."""

from __future__ import annotations

from datetime import date

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from platform_api.app import create_app
from platform_api.core.db import DatabaseUrls
from platform_api.settings import Settings
from tests.conftest import Platform
from tests.reporting.seed import LoanSpec, in_tenant, loans

JAN = date(2025, 1, 1)


async def test_reports_read_the_replica_pool_and_match_the_primary(
    client, platform: Platform, database: DatabaseUrls, settings: Settings, admin_url: str
):
    caller = await platform.tenant_caller()
    conn = await in_tenant(database.owner, caller.tenant_id)
    try:
        specs = [LoanSpec(JAN, [(date(2025, 3, 10), 4)], [(date(2025, 3, 1), 4)])] * 12
        await loans(conn, caller.tenant_id, specs)
        await conn.execute("COMMIT")
    finally:
        await conn.close()
    # A standby refuses writes: so does every session of this pool.
    replica = (
        make_url(database.app)
        .update_query_dict({"default_transaction_read_only": "on"})
        .render_as_string(hide_password=False)
    )
    path = "/v1/reports/portfolio?from=2025-03-01&to=2025-03-31"
    primary = await client.get(path, headers=caller.headers)
    assert primary.status_code == 200, primary.text

    worker = create_app(settings.model_copy(update={"database_report_url": replica}))
    async with worker.router.lifespan_context(worker):
        assert worker.state.report_db is not worker.state.db
        transport = httpx.ASGITransport(app=worker)
        async with httpx.AsyncClient(transport=transport, base_url="http://w") as http:
            answer = await http.get(path, headers=caller.headers)
        assert answer.status_code == 200, answer.text
        assert answer.json()["data"] == primary.json()["data"]
        everyone = [row for row in answer.json()["data"] if row["dimension"] == "all"]
        assert [row["loans_due"] for row in everyone] == [12]
        admin = await asyncpg.connect(admin_url)
        try:
            last_queries = await admin.fetch(
                "SELECT query FROM pg_stat_activity "
                "WHERE application_name = 'platform-api-reports' AND datname = $1",
                make_url(database.app).database,
            )
        finally:
            await admin.close()
    # A report-pool session ended a transaction: only the per-tenant report reads open
    # one there (a fresh session's last query would be empty or asyncpg's type lookup).
    assert "COMMIT" in {row["query"] for row in last_queries}, last_queries
