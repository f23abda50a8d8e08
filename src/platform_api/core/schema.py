"""The table metadata every domain declares its tables in (the source Alembic compares
migrations against), and the shape every tenant-owned table has."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

#: Names of tables with row-level security on `tenant_id` (migrations check the list).
TENANT_TABLES: list[str] = []
#: Tables whose rows the API may insert but never change or delete (the app role is not
#: granted UPDATE or DELETE on them).
APPEND_ONLY_TABLES: list[str] = []


def audit_columns(*, append_only: bool = False) -> list[sa.Column[Any]]:
    """Who created (and, unless the rows are append-only, last changed) a row, and when."""
    created_at = sa.Column(
        "created_at", sa.TIMESTAMP(timezone=True), nullable=False, server_default=sa.func.now()
    )
    created_by = sa.Column(
        "created_by", UUID(as_uuid=True), nullable=True, comment="API client that created the row"
    )
    if append_only:
        return [created_at, created_by]
    updated_at = sa.Column(
        "updated_at", sa.TIMESTAMP(timezone=True), nullable=False, server_default=sa.func.now()
    )
    updated_by = sa.Column(
        "updated_by",
        UUID(as_uuid=True),
        nullable=True,
        comment="API client that last changed the row",
    )
    return [created_at, updated_at, created_by, updated_by]


def tenant_table(
    name: str,
    *columns: Any,
    append_only: bool = False,
    references_tenants: bool = True,
    listed: bool = True,
) -> sa.Table:
    """A tenant-owned table: `tenant_id` leads the primary key and every foreign key (so a
    row can never point at another tenant's row, and Citus can shard by tenant), a keyset
    index for stable list order, and row-level security (applied by the migration).
    Rows of an `append_only` table are never changed: they record only their creation.

    `references_tenants=False` leaves out the key to `tenants`, for high-volume tables
    whose rows already prove their tenant (a tenant-qualified key to a parent row, or
    rows written only under the caller's verified tenant). On every insert that key
    locks the tenant's one row FOR KEY SHARE; all of a tenant's concurrent writers
    share that lock, which PostgreSQL records as a new multixact each time.
    `listed=False` leaves out the keyset index, for rows only ever read through a parent."""
    TENANT_TABLES.append(name)
    if append_only:
        APPEND_ONLY_TABLES.append(name)
    own_columns = [item for item in columns if isinstance(item, sa.Column)]
    constraints = [item for item in columns if not isinstance(item, sa.Column)]
    tenant_key = [sa.ForeignKey("tenants.id")] if references_tenants else []
    return sa.Table(
        name,
        metadata,
        sa.Column("tenant_id", UUID(as_uuid=True), *tenant_key, nullable=False),
        sa.Column("id", UUID(as_uuid=True), nullable=False),
        *own_columns,
        *audit_columns(append_only=append_only),
        *constraints,
        sa.PrimaryKeyConstraint("tenant_id", "id"),
        *([sa.Index(f"ix_{name}_keyset", "tenant_id", "created_at", "id")] if listed else []),
    )


def tenant_fk(column: str, target: str) -> sa.ForeignKeyConstraint:
    """A foreign key qualified by tenant: (tenant_id, column) -> target(tenant_id, id)."""
    return sa.ForeignKeyConstraint(["tenant_id", column], [f"{target}.tenant_id", f"{target}.id"])


_CURRENT_TENANT = "NULLIF(current_setting('app.tenant_id', true), '')::uuid"


def tenant_rls_sql(table: str) -> list[str]:
    """Statements a migration runs for a new tenant table: RLS enabled and forced (so
    even the owner is subject to it), one policy for reads and writes."""
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY tenant_isolation ON {table} USING (tenant_id = {_CURRENT_TENANT}) "
        f"WITH CHECK (tenant_id = {_CURRENT_TENANT})",
    ]
