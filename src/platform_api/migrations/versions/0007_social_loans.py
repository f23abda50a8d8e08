"""social loans

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from platform_api.core.schema import tenant_rls_sql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lending_circles",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("currency", sa.CHAR(length=3), nullable=False),
        sa.Column(
            "contribution_amount", sa.BigInteger(), nullable=False, comment="Per member per round"
        ),
        sa.Column("frequency_every", sa.Integer(), nullable=False),
        sa.Column("frequency_unit", sa.Text(), nullable=False, comment="weeks | months"),
        sa.Column("size", sa.SmallInteger(), nullable=False, comment="Members, and so rounds"),
        sa.Column("payout_order", sa.Text(), nullable=False, comment="fixed | random | bid"),
        sa.Column("status", sa.Text(), server_default="forming", nullable=False),
        sa.Column("members_joined", sa.SmallInteger(), server_default="0", nullable=False),
        sa.Column("first_due_date", sa.Date(), nullable=True),
        sa.Column(
            "payout_order_seed", sa.Text(), nullable=True, comment="Recorded for a random order"
        ),
        sa.Column("rounds_paid_out", sa.SmallInteger(), server_default="0", nullable=False),
        sa.Column("started_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("cancelled_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.Column(
            "updated_by", sa.UUID(), nullable=True, comment="API client that last changed the row"
        ),
        sa.CheckConstraint(
            "status IN ('forming', 'active', 'completed', 'cancelled')",
            name=op.f("ck_lending_circles_status"),
        ),
        sa.CheckConstraint(
            "contribution_amount > 0", name=op.f("ck_lending_circles_contribution_amount")
        ),
        sa.CheckConstraint(
            "members_joined BETWEEN 0 AND size AND rounds_paid_out BETWEEN 0 AND size",
            name=op.f("ck_lending_circles_counts"),
        ),
        sa.CheckConstraint("size BETWEEN 2 AND 50", name=op.f("ck_lending_circles_size")),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_lending_circles_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_lending_circles")),
    )
    op.create_index(
        "ix_lending_circles_keyset",
        "lending_circles",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_lending_circles_status",
        "lending_circles",
        ["tenant_id", "status", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "trustees",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False, comment="A named person or organisation"),
        sa.Column("kind", sa.Text(), nullable=False, comment="person | organisation"),
        sa.Column("external_ref", sa.Text(), nullable=True, comment="The partner's own id"),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.Column(
            "updated_by", sa.UUID(), nullable=True, comment="API client that last changed the row"
        ),
        sa.CheckConstraint("kind IN ('person', 'organisation')", name=op.f("ck_trustees_kind")),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_trustees_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_trustees")),
        sa.UniqueConstraint(
            "tenant_id", "external_ref", name=op.f("uq_trustees_tenant_id_external_ref")
        ),
    )
    op.create_index(
        "ix_trustees_keyset", "trustees", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_table(
        "endorsement_rules",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("product_id", sa.UUID(), nullable=False),
        sa.Column("required_endorsements", sa.SmallInteger(), nullable=False),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.Column(
            "updated_by", sa.UUID(), nullable=True, comment="API client that last changed the row"
        ),
        sa.CheckConstraint(
            "required_endorsements >= 0", name=op.f("ck_endorsement_rules_required_endorsements")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "product_id"],
            ["loan_products.tenant_id", "loan_products.id"],
            name=op.f("fk_endorsement_rules_tenant_id_product_id_loan_products"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_endorsement_rules_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_endorsement_rules")),
        sa.UniqueConstraint(
            "tenant_id", "product_id", name=op.f("uq_endorsement_rules_tenant_id_product_id")
        ),
    )
    op.create_index(
        "ix_endorsement_rules_keyset",
        "endorsement_rules",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "lending_circle_members",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("circle_id", sa.UUID(), nullable=False),
        sa.Column("entrepreneur_id", sa.UUID(), nullable=False),
        sa.Column(
            "position", sa.SmallInteger(), nullable=False, comment="Order of joining, from 1"
        ),
        sa.Column("bid", sa.BigInteger(), nullable=True, comment="Only with the bid payout order"),
        sa.Column("payout_round", sa.SmallInteger(), nullable=True, comment="Set when it starts"),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.Column(
            "updated_by", sa.UUID(), nullable=True, comment="API client that last changed the row"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "circle_id"],
            ["lending_circles.tenant_id", "lending_circles.id"],
            name=op.f("fk_lending_circle_members_tenant_id_circle_id_lending_circles"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "entrepreneur_id"],
            ["entrepreneurs.tenant_id", "entrepreneurs.id"],
            name=op.f("fk_lending_circle_members_tenant_id_entrepreneur_id_entrepreneurs"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_lending_circle_members_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_lending_circle_members")),
        sa.UniqueConstraint(
            "tenant_id",
            "circle_id",
            "entrepreneur_id",
            name=op.f("uq_lending_circle_members_tenant_id_circle_id_entrepreneur_id"),
        ),
        sa.UniqueConstraint(
            "tenant_id",
            "circle_id",
            "position",
            name=op.f("uq_lending_circle_members_tenant_id_circle_id_position"),
        ),
    )
    op.create_index(
        "ix_lending_circle_members_keyset",
        "lending_circle_members",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "loan_groups",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("leader_entrepreneur_id", sa.UUID(), nullable=False),
        sa.Column("repayment_split", sa.Text(), nullable=False, comment="pro_rata_due | equal"),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.Column(
            "updated_by", sa.UUID(), nullable=True, comment="API client that last changed the row"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "leader_entrepreneur_id"],
            ["entrepreneurs.tenant_id", "entrepreneurs.id"],
            name=op.f("fk_loan_groups_tenant_id_leader_entrepreneur_id_entrepreneurs"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_loan_groups_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_loan_groups")),
    )
    op.create_index(
        "ix_loan_groups_keyset", "loan_groups", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_table(
        "group_loan_applications",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("group_id", sa.UUID(), nullable=False),
        sa.Column("product_id", sa.UUID(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False, comment="As its member applications"),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.Column(
            "updated_by", sa.UUID(), nullable=True, comment="API client that last changed the row"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "group_id"],
            ["loan_groups.tenant_id", "loan_groups.id"],
            name=op.f("fk_group_loan_applications_tenant_id_group_id_loan_groups"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "product_id"],
            ["loan_products.tenant_id", "loan_products.id"],
            name=op.f("fk_group_loan_applications_tenant_id_product_id_loan_products"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_group_loan_applications_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_group_loan_applications")),
    )
    op.create_index(
        "ix_group_loan_applications_group",
        "group_loan_applications",
        ["tenant_id", "group_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_group_loan_applications_keyset",
        "group_loan_applications",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "lending_circle_contributions",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("circle_id", sa.UUID(), nullable=False),
        sa.Column("member_id", sa.UUID(), nullable=False),
        sa.Column("round", sa.SmallInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("external_reference", sa.Text(), nullable=True),
        sa.Column(
            "after_payout",
            sa.Boolean(),
            nullable=False,
            comment="Made after its round was paid out: it repays the tenant's guarantee draw",
        ),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_lending_circle_contributions_amount")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "circle_id"],
            ["lending_circles.tenant_id", "lending_circles.id"],
            name=op.f("fk_lending_circle_contributions_tenant_id_circle_id_lending_circles"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "member_id"],
            ["lending_circle_members.tenant_id", "lending_circle_members.id"],
            name=op.f("fk_lending_circle_contributions_tenant_id_member_id_lending_circle_members"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_lending_circle_contributions_tenant_id_tenants"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_lending_circle_contributions")),
    )
    op.create_index(
        "ix_lending_circle_contributions_circle",
        "lending_circle_contributions",
        ["tenant_id", "circle_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_lending_circle_contributions_keyset",
        "lending_circle_contributions",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "lending_circle_payouts",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("circle_id", sa.UUID(), nullable=False),
        sa.Column("round", sa.SmallInteger(), nullable=False),
        sa.Column("recipient_member_id", sa.UUID(), nullable=False),
        sa.Column(
            "amount", sa.BigInteger(), nullable=False, comment="The pot paid to the recipient"
        ),
        sa.Column("from_contributions", sa.BigInteger(), nullable=False),
        sa.Column(
            "guarantee_draw", sa.BigInteger(), nullable=False, comment="The gap the tenant covered"
        ),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.CheckConstraint(
            "amount = from_contributions + guarantee_draw AND guarantee_draw >= 0",
            name=op.f("ck_lending_circle_payouts_funding"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "circle_id"],
            ["lending_circles.tenant_id", "lending_circles.id"],
            name=op.f("fk_lending_circle_payouts_tenant_id_circle_id_lending_circles"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "recipient_member_id"],
            ["lending_circle_members.tenant_id", "lending_circle_members.id"],
            name=op.f(
                "fk_lending_circle_payouts_tenant_id_recipient_member_id_lending_circle_members"
            ),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_lending_circle_payouts_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_lending_circle_payouts")),
        sa.UniqueConstraint(
            "tenant_id",
            "circle_id",
            "round",
            name=op.f("uq_lending_circle_payouts_tenant_id_circle_id_round"),
        ),
    )
    op.create_index(
        "ix_lending_circle_payouts_keyset",
        "lending_circle_payouts",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "lending_circle_rounds",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("circle_id", sa.UUID(), nullable=False),
        sa.Column("number", sa.SmallInteger(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False, comment="Contributions are due on it"),
        sa.Column("recipient_member_id", sa.UUID(), nullable=False),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "circle_id"],
            ["lending_circles.tenant_id", "lending_circles.id"],
            name=op.f("fk_lending_circle_rounds_tenant_id_circle_id_lending_circles"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "recipient_member_id"],
            ["lending_circle_members.tenant_id", "lending_circle_members.id"],
            name=op.f(
                "fk_lending_circle_rounds_tenant_id_recipient_member_id_lending_circle_members"
            ),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_lending_circle_rounds_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_lending_circle_rounds")),
        sa.UniqueConstraint(
            "tenant_id",
            "circle_id",
            "number",
            name=op.f("uq_lending_circle_rounds_tenant_id_circle_id_number"),
        ),
    )
    op.create_index(
        "ix_lending_circle_rounds_keyset",
        "lending_circle_rounds",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "loan_endorsements",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("application_id", sa.UUID(), nullable=False),
        sa.Column("trustee_id", sa.UUID(), nullable=False),
        sa.Column("relationship", sa.Text(), nullable=False),
        sa.Column("years_known", sa.SmallInteger(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "application_id"],
            ["loan_applications.tenant_id", "loan_applications.id"],
            name=op.f("fk_loan_endorsements_tenant_id_application_id_loan_applications"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "trustee_id"],
            ["trustees.tenant_id", "trustees.id"],
            name=op.f("fk_loan_endorsements_tenant_id_trustee_id_trustees"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_loan_endorsements_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_loan_endorsements")),
        sa.UniqueConstraint(
            "tenant_id",
            "application_id",
            "trustee_id",
            name=op.f("uq_loan_endorsements_tenant_id_application_id_trustee_id"),
        ),
    )
    op.create_index(
        "ix_loan_endorsements_keyset",
        "loan_endorsements",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_loan_endorsements_trustee",
        "loan_endorsements",
        ["tenant_id", "trustee_id"],
        unique=False,
    )
    op.create_table(
        "loan_funding_commitments",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("application_id", sa.UUID(), nullable=False),
        sa.Column("lender_id", sa.UUID(), nullable=True, comment="NULL: the tenant's top-up"),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.CHAR(length=3), nullable=False),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_loan_funding_commitments_amount")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "application_id"],
            ["loan_applications.tenant_id", "loan_applications.id"],
            name=op.f("fk_loan_funding_commitments_tenant_id_application_id_loan_applications"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "lender_id"],
            ["lenders.tenant_id", "lenders.id"],
            name=op.f("fk_loan_funding_commitments_tenant_id_lender_id_lenders"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_loan_funding_commitments_tenant_id_tenants"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_loan_funding_commitments")),
        sa.UniqueConstraint(
            "tenant_id",
            "application_id",
            "lender_id",
            name=op.f("uq_loan_funding_commitments_tenant_id_application_id_lender_id"),
        ),
    )
    op.create_index(
        "ix_loan_funding_commitments_application",
        "loan_funding_commitments",
        ["tenant_id", "application_id"],
        unique=False,
    )
    op.create_index(
        "ix_loan_funding_commitments_keyset",
        "loan_funding_commitments",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_loan_funding_commitments_lender",
        "loan_funding_commitments",
        ["tenant_id", "lender_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "loan_group_members",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("group_id", sa.UUID(), nullable=False),
        sa.Column("entrepreneur_id", sa.UUID(), nullable=False),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "entrepreneur_id"],
            ["entrepreneurs.tenant_id", "entrepreneurs.id"],
            name=op.f("fk_loan_group_members_tenant_id_entrepreneur_id_entrepreneurs"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "group_id"],
            ["loan_groups.tenant_id", "loan_groups.id"],
            name=op.f("fk_loan_group_members_tenant_id_group_id_loan_groups"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_loan_group_members_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_loan_group_members")),
        sa.UniqueConstraint(
            "tenant_id",
            "group_id",
            "entrepreneur_id",
            name=op.f("uq_loan_group_members_tenant_id_group_id_entrepreneur_id"),
        ),
    )
    op.create_index(
        "ix_loan_group_members_keyset",
        "loan_group_members",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "loan_group_repayments",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("group_id", sa.UUID(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.CHAR(length=3), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("external_reference", sa.Text(), nullable=True),
        sa.Column("split_rule", sa.Text(), nullable=False),
        sa.Column(
            "parts",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=False,
            comment="[{loan_id, repayment_id, amount}]",
        ),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_loan_group_repayments_amount")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "group_id"],
            ["loan_groups.tenant_id", "loan_groups.id"],
            name=op.f("fk_loan_group_repayments_tenant_id_group_id_loan_groups"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_loan_group_repayments_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_loan_group_repayments")),
    )
    op.create_index(
        "ix_loan_group_repayments_group",
        "loan_group_repayments",
        ["tenant_id", "group_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_loan_group_repayments_keyset",
        "loan_group_repayments",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "group_loan_application_members",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("group_application_id", sa.UUID(), nullable=False),
        sa.Column("application_id", sa.UUID(), nullable=False),
        sa.Column("entrepreneur_id", sa.UUID(), nullable=False),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "application_id"],
            ["loan_applications.tenant_id", "loan_applications.id"],
            name=op.f(
                "fk_group_loan_application_members_tenant_id_application_id_loan_applications"
            ),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "group_application_id"],
            ["group_loan_applications.tenant_id", "group_loan_applications.id"],
            name=op.f(
                "fk_group_loan_application_members_tenant_id_group_application_id_group_loan_applications"
            ),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_group_loan_application_members_tenant_id_tenants"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_group_loan_application_members")),
        sa.UniqueConstraint(
            "tenant_id",
            "application_id",
            name=op.f("uq_group_loan_application_members_tenant_id_application_id"),
        ),
        sa.UniqueConstraint(
            "tenant_id",
            "group_application_id",
            "entrepreneur_id",
            name=op.f(
                "uq_group_loan_application_members_tenant_id_group_application_id_entrepreneur_id"
            ),
        ),
    )
    op.create_index(
        "ix_group_loan_application_members_keyset",
        "group_loan_application_members",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    for statement in tenant_rls_sql("lending_circles"):
        op.execute(statement)
    for statement in tenant_rls_sql("lending_circle_members"):
        op.execute(statement)
    for statement in tenant_rls_sql("lending_circle_rounds"):
        op.execute(statement)
    for statement in tenant_rls_sql("lending_circle_contributions"):
        op.execute(statement)
    for statement in tenant_rls_sql("lending_circle_payouts"):
        op.execute(statement)
    for statement in tenant_rls_sql("loan_groups"):
        op.execute(statement)
    for statement in tenant_rls_sql("loan_group_members"):
        op.execute(statement)
    for statement in tenant_rls_sql("group_loan_applications"):
        op.execute(statement)
    for statement in tenant_rls_sql("group_loan_application_members"):
        op.execute(statement)
    for statement in tenant_rls_sql("loan_group_repayments"):
        op.execute(statement)
    for statement in tenant_rls_sql("trustees"):
        op.execute(statement)
    for statement in tenant_rls_sql("loan_endorsements"):
        op.execute(statement)
    for statement in tenant_rls_sql("endorsement_rules"):
        op.execute(statement)
    for statement in tenant_rls_sql("loan_funding_commitments"):
        op.execute(statement)


def downgrade() -> None:
    op.drop_index(
        "ix_group_loan_application_members_keyset", table_name="group_loan_application_members"
    )
    op.drop_table("group_loan_application_members")
    op.drop_index("ix_loan_group_repayments_keyset", table_name="loan_group_repayments")
    op.drop_index("ix_loan_group_repayments_group", table_name="loan_group_repayments")
    op.drop_table("loan_group_repayments")
    op.drop_index("ix_loan_group_members_keyset", table_name="loan_group_members")
    op.drop_table("loan_group_members")
    op.drop_index("ix_loan_funding_commitments_lender", table_name="loan_funding_commitments")
    op.drop_index("ix_loan_funding_commitments_keyset", table_name="loan_funding_commitments")
    op.drop_index("ix_loan_funding_commitments_application", table_name="loan_funding_commitments")
    op.drop_table("loan_funding_commitments")
    op.drop_index("ix_loan_endorsements_trustee", table_name="loan_endorsements")
    op.drop_index("ix_loan_endorsements_keyset", table_name="loan_endorsements")
    op.drop_table("loan_endorsements")
    op.drop_index("ix_lending_circle_rounds_keyset", table_name="lending_circle_rounds")
    op.drop_table("lending_circle_rounds")
    op.drop_index("ix_lending_circle_payouts_keyset", table_name="lending_circle_payouts")
    op.drop_table("lending_circle_payouts")
    op.drop_index(
        "ix_lending_circle_contributions_keyset", table_name="lending_circle_contributions"
    )
    op.drop_index(
        "ix_lending_circle_contributions_circle", table_name="lending_circle_contributions"
    )
    op.drop_table("lending_circle_contributions")
    op.drop_index("ix_group_loan_applications_keyset", table_name="group_loan_applications")
    op.drop_index("ix_group_loan_applications_group", table_name="group_loan_applications")
    op.drop_table("group_loan_applications")
    op.drop_index("ix_loan_groups_keyset", table_name="loan_groups")
    op.drop_table("loan_groups")
    op.drop_index("ix_lending_circle_members_keyset", table_name="lending_circle_members")
    op.drop_table("lending_circle_members")
    op.drop_index("ix_endorsement_rules_keyset", table_name="endorsement_rules")
    op.drop_table("endorsement_rules")
    op.drop_index("ix_trustees_keyset", table_name="trustees")
    op.drop_table("trustees")
    op.drop_index("ix_lending_circles_status", table_name="lending_circles")
    op.drop_index("ix_lending_circles_keyset", table_name="lending_circles")
    op.drop_table("lending_circles")
