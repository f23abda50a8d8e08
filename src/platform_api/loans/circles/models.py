"""Lending circle tables. The calendar (`lending_circle_rounds`) is written once when the
circle starts; contributions and payouts are append-only money movements, so a circle's
balances are always their sums."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

from platform_api.core.schema import tenant_fk, tenant_table

lending_circles = tenant_table(
    "lending_circles",
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("currency", sa.CHAR(3), nullable=False),
    sa.Column("contribution_amount", sa.BigInteger, nullable=False, comment="Per member per round"),
    sa.Column("frequency_every", sa.Integer, nullable=False),
    sa.Column("frequency_unit", sa.Text, nullable=False, comment="weeks | months"),
    sa.Column("size", sa.SmallInteger, nullable=False, comment="Members, and so rounds"),
    sa.Column("payout_order", sa.Text, nullable=False, comment="fixed | random | bid"),
    sa.Column("status", sa.Text, nullable=False, server_default="forming"),
    sa.Column("members_joined", sa.SmallInteger, nullable=False, server_default="0"),
    sa.Column("first_due_date", sa.Date, nullable=True),
    sa.Column("payout_order_seed", sa.Text, nullable=True, comment="Recorded for a random order"),
    sa.Column("rounds_paid_out", sa.SmallInteger, nullable=False, server_default="0"),
    sa.Column("started_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column("completed_on", sa.Date, nullable=True),
    sa.Column("cancelled_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column("cancel_reason", sa.Text, nullable=True),
    sa.CheckConstraint("status IN ('forming', 'active', 'completed', 'cancelled')", name="status"),
    sa.CheckConstraint("size BETWEEN 2 AND 50", name="size"),
    sa.CheckConstraint("contribution_amount > 0", name="contribution_amount"),
    sa.CheckConstraint(
        "members_joined BETWEEN 0 AND size AND rounds_paid_out BETWEEN 0 AND size",
        name="counts",
    ),
    sa.Index("ix_lending_circles_status", "tenant_id", "status", "created_at", "id"),
)

lending_circle_members = tenant_table(
    "lending_circle_members",
    sa.Column("circle_id", UUID(as_uuid=True), nullable=False),
    sa.Column("entrepreneur_id", UUID(as_uuid=True), nullable=False),
    sa.Column("position", sa.SmallInteger, nullable=False, comment="Order of joining, from 1"),
    sa.Column("bid", sa.BigInteger, nullable=True, comment="Only with the bid payout order"),
    sa.Column("payout_round", sa.SmallInteger, nullable=True, comment="Set when it starts"),
    tenant_fk("circle_id", "lending_circles"),
    tenant_fk("entrepreneur_id", "entrepreneurs"),
    sa.UniqueConstraint("tenant_id", "circle_id", "entrepreneur_id"),
    sa.UniqueConstraint("tenant_id", "circle_id", "position"),
)

lending_circle_rounds = tenant_table(
    "lending_circle_rounds",
    sa.Column("circle_id", UUID(as_uuid=True), nullable=False),
    sa.Column("number", sa.SmallInteger, nullable=False),
    sa.Column("due_date", sa.Date, nullable=False, comment="Contributions are due on it"),
    sa.Column("recipient_member_id", UUID(as_uuid=True), nullable=False),
    tenant_fk("circle_id", "lending_circles"),
    tenant_fk("recipient_member_id", "lending_circle_members"),
    sa.UniqueConstraint("tenant_id", "circle_id", "number"),
    append_only=True,
)

lending_circle_contributions = tenant_table(
    "lending_circle_contributions",
    sa.Column("circle_id", UUID(as_uuid=True), nullable=False),
    sa.Column("member_id", UUID(as_uuid=True), nullable=False),
    sa.Column("round", sa.SmallInteger, nullable=False),
    sa.Column("amount", sa.BigInteger, nullable=False),
    sa.Column("paid_on", sa.Date, nullable=False),
    sa.Column("channel", sa.Text, nullable=False),
    sa.Column("external_reference", sa.Text, nullable=True),
    sa.Column(
        "after_payout",
        sa.Boolean,
        nullable=False,
        comment="Made after its round was paid out: it repays the tenant's guarantee draw",
    ),
    tenant_fk("circle_id", "lending_circles"),
    tenant_fk("member_id", "lending_circle_members"),
    sa.CheckConstraint("amount > 0", name="amount"),
    sa.Index(
        "ix_lending_circle_contributions_circle", "tenant_id", "circle_id", "created_at", "id"
    ),
    append_only=True,
)

lending_circle_payouts = tenant_table(
    "lending_circle_payouts",
    sa.Column("circle_id", UUID(as_uuid=True), nullable=False),
    sa.Column("round", sa.SmallInteger, nullable=False),
    sa.Column("recipient_member_id", UUID(as_uuid=True), nullable=False),
    sa.Column("amount", sa.BigInteger, nullable=False, comment="The pot paid to the recipient"),
    sa.Column("from_contributions", sa.BigInteger, nullable=False),
    sa.Column(
        "guarantee_draw", sa.BigInteger, nullable=False, comment="The gap the tenant covered"
    ),
    sa.Column("paid_on", sa.Date, nullable=False),
    tenant_fk("circle_id", "lending_circles"),
    tenant_fk("recipient_member_id", "lending_circle_members"),
    sa.UniqueConstraint("tenant_id", "circle_id", "round"),
    sa.CheckConstraint(
        "amount = from_contributions + guarantee_draw AND guarantee_draw >= 0", name="funding"
    ),
    append_only=True,
)
