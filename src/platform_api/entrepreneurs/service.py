"""A tenant's entrepreneurs. Every query names the tenant explicitly; row-level security
holds the same line underneath."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import asyncpg

from platform_api.core.db import (
    TENANT_GATE,
    Database,
    insert_tenant_row,
    update_tenant_row,
)
from platform_api.core.errors import conflict, not_found
from platform_api.core.keyring import keyring
from platform_api.core.pagination import Page, PageParams, Where, build_page, keyset_clause
from platform_api.entrepreneurs.export import SECTIONS, export_sql
from platform_api.entrepreneurs.schemas import (
    Entrepreneur,
    EntrepreneurCreate,
    EntrepreneurExport,
    EntrepreneurStatus,
    EntrepreneurUpdate,
    Sector,
    Stage,
)

_COLUMNS = (
    "id, external_ref, full_name, phone, email, gender, birth_year, country, region, "
    "languages, business_name, sector, stage, needs, consent_data_processing, "
    "consent_network_sharing, status, anonymised_at, created_at, updated_at"
)
#: Stored sealed (AES-256-GCM, core/crypto.py), bound to tenant, row and column. None is
#: searched, filtered or unique, so none needs a blind index.
SEALED = ("full_name", "phone", "email")
#: Erased by anonymisation. Gender, birth year, country and sector stay: reports count
#: them in aggregate, and alone they do not identify a person.
_PERSONAL = ("external_ref", "full_name", "phone", "email", "region", "business_name")

_GET_SQL = (
    f"SELECT {_COLUMNS} FROM entrepreneurs WHERE {TENANT_GATE} AND tenant_id = $1::uuid AND id = $2"
)

_EXPORT_SQL = export_sql(_COLUMNS)


@dataclass(frozen=True)
class EntrepreneurFilters:
    sector: Sector | None = None
    stage: Stage | None = None
    country: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    include_anonymised: bool = False


def _model(row: asyncpg.Record, tenant_id: uuid.UUID) -> Entrepreneur:
    values = dict(row)
    ring = keyring()
    for column in SEALED:
        sealed = values[column]
        if sealed is not None:
            values[column] = ring.decrypt(
                sealed, tenant_id=tenant_id, row_id=values["id"], column=column
            )
    return Entrepreneur.model_validate(values)


def _seal(values: dict[str, Any], *, tenant_id: uuid.UUID, row_id: uuid.UUID) -> dict[str, Any]:
    """`values` with the personal fields among them encrypted for this row."""
    ring = keyring()
    return {
        column: ring.encrypt(value, tenant_id=tenant_id, row_id=row_id, column=column)
        if column in SEALED and value is not None
        else value
        for column, value in values.items()
    }


def _duplicate_ref() -> Exception:
    return conflict("Another entrepreneur of this tenant already has this external_ref.")


async def create_entrepreneur(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, actor: uuid.UUID, data: EntrepreneurCreate
) -> Entrepreneur:
    row_id = uuid.uuid4()
    try:
        row = await insert_tenant_row(
            conn,
            "entrepreneurs",
            tenant_id=tenant_id,
            actor=actor,
            values=_seal(data.model_dump(), tenant_id=tenant_id, row_id=row_id),
            returning=_COLUMNS,
            row_id=row_id,
        )
    except asyncpg.UniqueViolationError:
        raise _duplicate_ref() from None
    return _model(row, tenant_id)


async def _read(
    db: Database, sql: str, tenant_id: uuid.UUID, entrepreneur_id: uuid.UUID
) -> tuple[asyncpg.Record, Entrepreneur]:
    row = await db.fetchrow(tenant_id, sql, entrepreneur_id)
    if row is None:
        raise not_found("Entrepreneur")
    return row, _model(row, tenant_id)


async def get_entrepreneur(
    db: Database, *, tenant_id: uuid.UUID, entrepreneur_id: uuid.UUID
) -> Entrepreneur:
    return (await _read(db, _GET_SQL, tenant_id, entrepreneur_id))[1]


async def export_entrepreneur(
    db: Database, *, tenant_id: uuid.UUID, entrepreneur_id: uuid.UUID
) -> EntrepreneurExport:
    row, person = await _read(db, _EXPORT_SQL, tenant_id, entrepreneur_id)
    return EntrepreneurExport(
        exported_at=datetime.now(UTC),
        anonymised=person.status is EntrepreneurStatus.ANONYMISED,
        entrepreneur=person,
        **{section: row[section] for section in SECTIONS},
    )


async def get_entrepreneurs(
    db: Database, *, tenant_id: uuid.UUID, entrepreneur_ids: list[uuid.UUID]
) -> list[Entrepreneur]:
    """Those of `entrepreneur_ids` this tenant has, in one read (for other domains that
    work on many at once, e.g. cohort matching); missing ids are left out."""
    rows = await db.fetch(
        tenant_id,
        f"SELECT {_COLUMNS} FROM entrepreneurs WHERE {TENANT_GATE} AND tenant_id = $1::uuid "
        "AND id = ANY($2::uuid[])",
        entrepreneur_ids,
    )
    return [_model(row, tenant_id) for row in rows]


async def list_entrepreneurs(
    db: Database, *, tenant_id: uuid.UUID, page: PageParams, filters: EntrepreneurFilters
) -> Page[Entrepreneur]:
    where = Where(fixed=2)
    where.add_set(
        ("sector = {}", filters.sector.value if filters.sector else None),
        ("stage = {}", filters.stage.value if filters.stage else None),
        ("country = {}", filters.country),
        ("created_at >= {}", filters.created_from),
        ("created_at < {}", filters.created_to),
    )
    if not filters.include_anonymised:
        where.add("status = 'active'")
    after, after_args = keyset_clause(page, where.next)
    rows = await db.fetch(
        tenant_id,
        f"SELECT {_COLUMNS} FROM entrepreneurs WHERE {TENANT_GATE} AND tenant_id = $1::uuid"
        f"{where.sql()}{after} ORDER BY created_at, id LIMIT $2",
        page.limit + 1,
        *where.args,
        *after_args,
    )
    return build_page(rows, page, lambda row: _model(row, tenant_id))


async def update_entrepreneur(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    entrepreneur_id: uuid.UUID,
    actor: uuid.UUID,
    data: EntrepreneurUpdate,
) -> Entrepreneur:
    changes = data.changes()
    current = await conn.fetchval(
        "SELECT status FROM entrepreneurs WHERE tenant_id = $1 AND id = $2 FOR UPDATE",
        tenant_id,
        entrepreneur_id,
    )
    if current is None:
        raise not_found("Entrepreneur")
    if current == "anonymised":
        raise conflict(
            "This entrepreneur was anonymised and can no longer be changed.",
            current_status="anonymised",
        )
    try:
        row = await update_tenant_row(
            conn,
            "entrepreneurs",
            tenant_id=tenant_id,
            row_id=entrepreneur_id,
            actor=actor,
            values=_seal(changes, tenant_id=tenant_id, row_id=entrepreneur_id),
            returning=_COLUMNS,
        )
    except asyncpg.UniqueViolationError:
        raise _duplicate_ref() from None
    return _model(row, tenant_id)


async def anonymise_entrepreneur(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, entrepreneur_id: uuid.UUID, actor: uuid.UUID
) -> None:
    """Erase personal fields (their ciphertexts, not only their keys' use) but keep the
    row, so loans and reports that refer to it stay whole. The response stored for a
    retry of its creation (Idempotency-Key) is replaced by the anonymised record, so no
    copy of the personal fields outlives this. Repeating it is harmless."""
    erase = ", ".join(f"{column} = NULL" for column in _PERSONAL)
    row = await conn.fetchrow(
        f"UPDATE entrepreneurs SET {erase}, status = 'anonymised', "
        "anonymised_at = coalesce(anonymised_at, now()), "
        "updated_at = CASE status WHEN 'anonymised' THEN updated_at ELSE now() END, "
        "updated_by = CASE status WHEN 'anonymised' THEN updated_by ELSE $3 END "
        f"WHERE tenant_id = $1 AND id = $2 RETURNING {_COLUMNS}",
        tenant_id,
        entrepreneur_id,
        actor,
    )
    if row is None:
        raise not_found("Entrepreneur")
    created_response = f'{{"id":"{entrepreneur_id}",'.encode()
    await conn.execute(
        "UPDATE idempotency_keys SET response_body = $3 WHERE tenant_id = $1 "
        "AND substring(response_body FROM 1 FOR length($2::bytea)) = $2::bytea",
        tenant_id,
        created_response,
        _model(row, tenant_id).model_dump_json().encode(),
    )
