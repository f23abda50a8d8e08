"""entrepreneurs' name, phone and email encrypted at rest (AES-256-GCM, core/crypto.py)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-08 00:00:00
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import context, op

from platform_api.core.crypto import Keyring

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# Copies, not imports: a migration must not change when the code does.
_SEALED = ("full_name", "phone", "email")
_SEALED_COMMENT = "Personal: AES-256-GCM ciphertext (core/crypto.py); erased on anonymise"
_PLAIN_COMMENT = "Personal; erased on anonymise"

#: Rows are resealed this many at a time (one UPDATE round trip per batch).
_BATCH = 1000

Transform = Callable[[bytes, uuid.UUID, uuid.UUID, str], bytes]


def _keyring() -> Keyring:
    ring = context.config.attributes.get("keyring")
    if ring is None:
        raise RuntimeError(
            "run migrations with platform_api.core.migrate.migrate: it brings the keyring"
        )
    assert isinstance(ring, Keyring)
    return ring


def _rewrite(transform: Transform) -> None:
    """Every stored personal value through `transform`, tenant by tenant (the table has
    FORCE row-level security: the owner sees one tenant at a time)."""
    bind = op.get_bind()
    columns = ", ".join(_SEALED)
    tenants = bind.execute(sa.text("SELECT id FROM tenants")).scalars().all()
    for tenant_id in tenants:
        bind.execute(sa.text("SELECT set_config('app.tenant_id', :t, true)"), {"t": str(tenant_id)})
        rows = bind.execute(
            sa.text(
                f"SELECT id, {columns} FROM entrepreneurs WHERE tenant_id = :t "
                f"AND num_nonnulls({columns}) > 0"
            ),
            {"t": tenant_id},
        ).all()
        for start in range(0, len(rows), _BATCH):
            bind.execute(
                sa.text(
                    "UPDATE entrepreneurs SET "
                    + ", ".join(f"{c} = :{c}" for c in _SEALED)
                    + " WHERE tenant_id = :t AND id = :id"
                ),
                [
                    {
                        "t": tenant_id,
                        "id": row.id,
                        **{
                            c: None
                            if getattr(row, c) is None
                            else transform(getattr(row, c), tenant_id, row.id, c)
                            for c in _SEALED
                        },
                    }
                    for row in rows[start : start + _BATCH]
                ],
            )
    bind.execute(sa.text("SELECT set_config('app.tenant_id', '', true)"))


def _retype(type_: sa.types.TypeEngine[Any], using: str, comment: str, was: str) -> None:
    for column in _SEALED:
        op.alter_column(
            "entrepreneurs",
            column,
            type_=type_,
            postgresql_using=f"{using}({column}, 'UTF8')",
            comment=comment,
            existing_comment=was,
            existing_nullable=True,
        )


def upgrade() -> None:
    ring = _keyring()
    _retype(sa.LargeBinary(), "convert_to", _SEALED_COMMENT, _PLAIN_COMMENT)
    _rewrite(
        lambda plain, tenant_id, row_id, column: ring.encrypt(
            plain.decode(), tenant_id=tenant_id, row_id=row_id, column=column
        )
    )


def downgrade() -> None:
    ring = _keyring()
    _rewrite(
        lambda sealed, tenant_id, row_id, column: ring.decrypt(
            sealed, tenant_id=tenant_id, row_id=row_id, column=column
        ).encode()
    )
    _retype(sa.Text(), "convert_from", _PLAIN_COMMENT, _SEALED_COMMENT)
