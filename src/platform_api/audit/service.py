"""The audit log: `record` writes an entry in the caller's transaction, so an entry
exists exactly when its write committed (a rolled-back write leaves none; a replayed
Idempotency-Key runs no write, so records none). Hot paths whose write is already one
statement add the entry to it as a CTE (`insert_sql` and `Entry.arguments`) instead of
paying a round trip. Reads are for the tenant admin."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import asyncpg

from platform_api.audit.schemas import (
    AuditAction,
    AuditActorKind,
    AuditDetails,
    AuditEvent,
    AuditResourceType,
)
from platform_api.core.db import TENANT_GATE, Database
from platform_api.core.errors import not_found
from platform_api.core.logging import request_id_var
from platform_api.core.pagination import Page, PageParams, Where, build_page, keyset_clause

_COLUMNS = (
    "id, created_at AS occurred_at, created_by AS actor_id, actor_kind, action, "
    "resource_type, resource_id, request_id, details, created_at"
)


def insert_sql(first: int) -> str:
    """The INSERT of one entry: the tenant is `$1`, the entry's `arguments()` are
    numbered from `first`."""
    params = ", ".join(f"${n}" for n in range(first, first + 7))
    return (
        "INSERT INTO audit_events (tenant_id, id, created_by, actor_kind, action, "
        f"resource_type, resource_id, request_id, details) "
        f"VALUES ($1, gen_random_uuid(), {params})"
    )


_INSERT_SQL = insert_sql(2)


@dataclass(frozen=True, slots=True)
class Entry:
    """One audited action. Amounts are minor units of `currency` (None: not applicable,
    left out); `reason` is a code, never free text (see `AuditDetails`)."""

    actor: uuid.UUID
    action: AuditAction
    resource_type: AuditResourceType
    resource_id: uuid.UUID
    currency: str | None = None
    amounts: Mapping[str, int | None] = field(default_factory=dict)
    from_state: str | None = None
    to_state: str | None = None
    reason: str | None = None
    related: dict[str, uuid.UUID] = field(default_factory=dict)

    def details(self) -> dict[str, Any]:
        """The JSON stored: only the facts that apply."""
        facts: dict[str, Any] = {
            "currency": self.currency,
            "amounts": {name: value for name, value in self.amounts.items() if value is not None},
            "from_state": self.from_state,
            "to_state": self.to_state,
            "reason": self.reason,
            "related": {name: str(value) for name, value in self.related.items()},
        }
        return {name: value for name, value in facts.items() if value}

    def arguments(self) -> list[Any]:
        """The parameters of `insert_sql`, in order."""
        return [
            self.actor,
            AuditActorKind.TENANT.value,
            self.action.value,
            self.resource_type.value,
            self.resource_id,
            request_id_var.get(),
            self.details(),
        ]


async def record(conn: asyncpg.Connection, tenant_id: uuid.UUID, entry: Entry) -> None:
    """Append `entry` to the tenant's log inside the caller's transaction."""
    await conn.execute(_INSERT_SQL, tenant_id, *entry.arguments())


# --------------------------------------------------------------------------- reads


@dataclass(frozen=True)
class AuditFilters:
    action: AuditAction | None = None
    resource_type: AuditResourceType | None = None
    resource_id: uuid.UUID | None = None
    occurred_from: datetime | None = None
    occurred_to: datetime | None = None


def _model(row: asyncpg.Record) -> AuditEvent:
    values = dict(row)
    values["details"] = AuditDetails.model_validate(values["details"])
    return AuditEvent.model_validate(values)


async def list_events(
    db: Database, *, tenant_id: uuid.UUID, page: PageParams, filters: AuditFilters
) -> Page[AuditEvent]:
    """The tenant's log, oldest first."""
    where = Where(fixed=2)
    where.add_set(
        ("action = {}", filters.action),
        ("resource_type = {}", filters.resource_type),
        ("resource_id = {}", filters.resource_id),
        ("created_at >= {}", filters.occurred_from),
        ("created_at < {}", filters.occurred_to),
    )
    after, after_args = keyset_clause(page, where.next)
    rows = await db.fetch(
        tenant_id,
        f"SELECT {_COLUMNS} FROM audit_events WHERE {TENANT_GATE} AND tenant_id = $1::uuid"
        f"{where.sql()}{after} ORDER BY created_at, id LIMIT $2",
        page.limit + 1,
        *where.args,
        *after_args,
    )
    return build_page(rows, page, _model)


async def get_event(db: Database, *, tenant_id: uuid.UUID, event_id: uuid.UUID) -> AuditEvent:
    row = await db.fetchrow(
        tenant_id,
        f"SELECT {_COLUMNS} FROM audit_events "
        f"WHERE {TENANT_GATE} AND tenant_id = $1::uuid AND id = $2",
        event_id,
    )
    if row is None:
        raise not_found("Audit event")
    return _model(row)
