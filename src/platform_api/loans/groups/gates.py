"""The check loan origination makes before acting on one application: a member's
application in a group application moves only with its group (one approval)."""

from __future__ import annotations

import uuid

import asyncpg

from platform_api.core.errors import conflict


async def require_not_grouped(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, application_id: uuid.UUID
) -> None:
    group_application = await conn.fetchval(
        "SELECT group_application_id FROM group_loan_application_members "
        "WHERE tenant_id = $1 AND application_id = $2",
        tenant_id,
        application_id,
    )
    if group_application is not None:
        raise conflict(
            f"This application belongs to group application {group_application}: it is "
            f"submitted, decided and disbursed with the group, at "
            f"/v1/group-loan-applications/{group_application}.",
            group_application_id=str(group_application),
        )
