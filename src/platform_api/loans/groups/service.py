"""Group (joint-liability) loans: groups with a leader, group applications holding one
member application per entrepreneur under one decision, and group repayments split
among the members' loans by the group's rule.

Member applications and loans are ordinary ones (loan origination and accounts do the
work, so underwriting, maker-checker, audit, postings and events are the same); this
module moves them together, and the group shows each member's arrears as its own.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import date
from typing import Any

import asyncpg

from platform_api.audit import service as audit
from platform_api.audit.schemas import AuditAction, AuditResourceType
from platform_api.core.db import TENANT_GATE, Database, insert_tenant_row, update_tenant_row
from platform_api.core.errors import FieldError, conflict, invalid, not_found
from platform_api.core.pagination import Page, PageParams, build_page, keyset_clause
from platform_api.loans import ledger
from platform_api.loans.accounts import service as accounts
from platform_api.loans.accounts.schemas import RepaymentCreate
from platform_api.loans.balances import LOAN_OUTSTANDING_SQL
from platform_api.loans.groups.schemas import (
    GroupApplication,
    GroupApplicationCreate,
    GroupMember,
    GroupRepayment,
    GroupRepaymentCreate,
    GroupStanding,
    LoanGroup,
    LoanGroupCreate,
    MemberLoan,
    RepaymentPart,
    RepaymentSplit,
)
from platform_api.loans.origination import service as origination
from platform_api.loans.origination.schemas import (
    ApplicationStatus,
    Approval,
    Decline,
    Disbursement,
    LoanApplication,
    LoanApplicationCreate,
)
from platform_api.loans.prorata import split_pro_rata
from platform_api.loans.schemas import ProductKind
from platform_api.tenants import service as tenants

_UNPAID = "i.principal - i.principal_paid + i.interest - i.interest_paid + i.fees - i.fees_paid"
#: Groups with their members and each member's active loans from the group's
#: applications, with what is overdue on $3 (groups chosen by the caller's WHERE).
_GROUP_SQL = f"""
SELECT g.id, g.name, g.leader_entrepreneur_id, g.repayment_split, g.created_at,
       m.entrepreneur_id, x.loan_id, x.status, x.principal, x.total_outstanding,
       x.behind_since, x.arrears_tolerance_days, x.arrears_amount
FROM loan_groups g
JOIN loan_group_members m ON m.tenant_id = g.tenant_id AND m.group_id = g.id
LEFT JOIN LATERAL (
    SELECT l.id AS loan_id, l.status, l.principal, {LOAN_OUTSTANDING_SQL} AS total_outstanding,
           l.behind_since, l.arrears_tolerance_days, l.created_at,
           (SELECT coalesce(sum({_UNPAID}), 0)::bigint FROM loan_installments i
            WHERE i.tenant_id = l.tenant_id AND i.loan_id = l.id AND i.due_date < $3)
               AS arrears_amount
    FROM group_loan_applications ga
    JOIN group_loan_application_members gm
      ON gm.tenant_id = ga.tenant_id AND gm.group_application_id = ga.id
    JOIN loans l ON l.tenant_id = gm.tenant_id AND l.application_id = gm.application_id
    WHERE ga.tenant_id = g.tenant_id AND ga.group_id = g.id
      AND gm.entrepreneur_id = m.entrepreneur_id AND l.status = 'active'
) x ON true
WHERE {TENANT_GATE} AND g.tenant_id = $1::uuid AND {{where}}
ORDER BY g.created_at, g.id, m.created_at, m.id, x.created_at, x.loan_id
"""
_APPLICATION_COLUMNS = ", ".join(f"a.{name}" for name in LoanApplication.model_fields)


# --------------------------------------------------------------------------- groups


async def tenant_split_rule(db: Database, tenant_id: uuid.UUID) -> RepaymentSplit:
    """The tenant's rule (setting `group_repayment_split`), else `pro_rata_due`."""
    setting = (await tenants.get_tenant(db, tenant_id=tenant_id)).settings.get(
        "group_repayment_split"
    )
    values = {rule.value for rule in RepaymentSplit}
    return RepaymentSplit(setting) if setting in values else RepaymentSplit.PRO_RATA_DUE


async def create_group(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    data: LoanGroupCreate,
    default_split: RepaymentSplit,
) -> LoanGroup:
    members = [data.leader_entrepreneur_id] + [
        e for e in data.member_entrepreneur_ids if e != data.leader_entrepreneur_id
    ]
    found = {
        row["id"]
        for row in await conn.fetch(
            "SELECT id FROM entrepreneurs WHERE tenant_id = $1 AND id = ANY($2::uuid[]) "
            "AND status = 'active'",
            tenant_id,
            members,
        )
    }
    errors = [
        FieldError(path=path, message="no such entrepreneur", code="not_found")
        for path, entrepreneur in [("body.leader_entrepreneur_id", data.leader_entrepreneur_id)]
        + [
            (f"body.member_entrepreneur_ids.{n}", e)
            for n, e in enumerate(data.member_entrepreneur_ids)
        ]
        if entrepreneur not in found
    ]
    if errors:
        raise invalid(*errors)
    row = await insert_tenant_row(
        conn,
        "loan_groups",
        tenant_id=tenant_id,
        actor=actor,
        values={
            "name": data.name,
            "leader_entrepreneur_id": data.leader_entrepreneur_id,
            "repayment_split": (data.repayment_split or default_split).value,
        },
        returning="id",
    )
    await conn.execute(
        "INSERT INTO loan_group_members (tenant_id, id, created_by, created_at, group_id, "
        "entrepreneur_id) SELECT $1, gen_random_uuid(), $2, clock_timestamp(), $3, e "
        "FROM unnest($4::uuid[]) WITH ORDINALITY AS m(e, n) ORDER BY n",
        tenant_id,
        actor,
        row["id"],
        members,
    )

    async def fetch(tenant: uuid.UUID, sql: str, *args: Any) -> list[asyncpg.Record]:
        rows: list[asyncpg.Record] = await conn.fetch(sql, str(tenant), *args)
        return rows

    (group,) = await _groups(fetch, tenant_id, "g.id = $2", row["id"])
    return group


def _group_models(rows: Sequence[Mapping[str, Any]], as_of: date) -> list[LoanGroup]:
    groups: dict[uuid.UUID, dict[str, Any]] = {}
    for row in rows:
        group = groups.setdefault(row["id"], {"row": row, "members": {}})
        member = group["members"].setdefault(row["entrepreneur_id"], [])
        if row["loan_id"] is not None:
            dpd = ledger.days_past_due(row["behind_since"], as_of, row["arrears_tolerance_days"])
            member.append(
                MemberLoan(
                    loan_id=row["loan_id"],
                    status=row["status"],
                    principal=row["principal"],
                    total_outstanding=row["total_outstanding"],
                    arrears_amount=row["arrears_amount"],
                    days_past_due=dpd,
                )
            )
    result = []
    for group in groups.values():
        row = group["row"]
        members = [
            GroupMember(
                entrepreneur_id=entrepreneur,
                is_leader=entrepreneur == row["leader_entrepreneur_id"],
                loans=loans,
                arrears_amount=sum(loan.arrears_amount for loan in loans),
                status=GroupStanding.IN_ARREARS
                if any(loan.days_past_due for loan in loans)
                else GroupStanding.CURRENT,
            )
            for entrepreneur, loans in group["members"].items()
        ]
        loans = [loan for member in members for loan in member.loans]
        behind = sum(1 for member in members if member.status is GroupStanding.IN_ARREARS)
        result.append(
            LoanGroup(
                id=row["id"],
                name=row["name"],
                leader_entrepreneur_id=row["leader_entrepreneur_id"],
                repayment_split=row["repayment_split"],
                members=members,
                total_outstanding=sum(loan.total_outstanding for loan in loans),
                arrears_amount=sum(loan.arrears_amount for loan in loans),
                members_in_arrears=behind,
                days_past_due=max((loan.days_past_due for loan in loans), default=0),
                status=GroupStanding.IN_ARREARS if behind else GroupStanding.CURRENT,
                as_of=as_of,
                created_at=row["created_at"],
            )
        )
    return result


async def _groups(
    fetch: Callable[..., Awaitable[list[asyncpg.Record]]],
    tenant_id: uuid.UUID,
    where: str,
    argument: Any,
) -> list[LoanGroup]:
    as_of = accounts.today()
    rows = await fetch(tenant_id, _GROUP_SQL.format(where=where), argument, as_of)
    return _group_models(rows, as_of)


async def get_group(db: Database, *, tenant_id: uuid.UUID, group_id: uuid.UUID) -> LoanGroup:
    groups = await _groups(db.fetch, tenant_id, "g.id = $2", group_id)
    if not groups:
        raise not_found("Loan group")
    return groups[0]


async def list_groups(db: Database, *, tenant_id: uuid.UUID, page: PageParams) -> Page[LoanGroup]:
    after, after_args = keyset_clause(page, 3)
    rows = await db.fetch(
        tenant_id,
        f"SELECT id, created_at FROM loan_groups WHERE {TENANT_GATE} AND tenant_id = $1::uuid"
        f"{after} ORDER BY created_at, id LIMIT $2",
        page.limit + 1,
        *after_args,
    )
    ids = [row["id"] for row in rows[: page.limit]]
    groups = {g.id: g for g in await _groups(db.fetch, tenant_id, "g.id = ANY($2::uuid[])", ids)}
    return build_page(rows, page, lambda row: groups[row["id"]])


# --------------------------------------------------------------------------- applications


async def _group_application(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, group_application_id: uuid.UUID, *, lock: bool
) -> asyncpg.Record:
    row = await conn.fetchrow(
        "SELECT id, group_id, product_id, status, created_at, updated_at "
        "FROM group_loan_applications WHERE tenant_id = $1 AND id = $2"
        + (" FOR UPDATE" if lock else ""),
        tenant_id,
        group_application_id,
    )
    if row is None:
        raise not_found("Group loan application")
    return row


async def _group_application_model(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, row: Mapping[str, Any]
) -> GroupApplication:
    applications = [
        LoanApplication.model_validate(dict(a))
        for a in await conn.fetch(
            f"SELECT {_APPLICATION_COLUMNS} FROM group_loan_application_members gm "
            "JOIN loan_applications a ON a.tenant_id = gm.tenant_id AND a.id = gm.application_id "
            "WHERE gm.tenant_id = $1 AND gm.group_application_id = $2 "
            "ORDER BY gm.created_at, gm.id",
            tenant_id,
            row["id"],
        )
    ]
    approved = [a.approved_amount for a in applications]
    return GroupApplication(
        id=row["id"],
        group_id=row["group_id"],
        product_id=row["product_id"],
        status=row["status"],
        total_requested=sum(a.requested_amount for a in applications),
        total_approved=None if None in approved else sum(a or 0 for a in approved),
        applications=applications,
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


async def create_group_application(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    data: GroupApplicationCreate,
) -> GroupApplication:
    """A draft holding one ordinary application per member, for a `group` product."""
    members = {
        row["entrepreneur_id"]
        for row in await conn.fetch(
            "SELECT entrepreneur_id FROM loan_group_members WHERE tenant_id = $1 AND group_id = $2",
            tenant_id,
            data.group_id,
        )
    }
    if not members:
        raise invalid(FieldError(path="body.group_id", message="no such group", code="not_found"))
    kind = await conn.fetchval(
        "SELECT kind FROM loan_products WHERE tenant_id = $1 AND id = $2",
        tenant_id,
        data.product_id,
    )
    errors = []
    if kind != ProductKind.GROUP:
        errors.append(
            FieldError(
                path="body.product_id",
                message="no such loan product" if kind is None else "must be a `group` product",
                code="not_found" if kind is None else "product_kind",
            )
        )
    errors.extend(
        FieldError(
            path=f"body.members.{n}.entrepreneur_id",
            message="not a member of the group",
            code="not_a_member",
        )
        for n, intake in enumerate(data.members)
        if intake.entrepreneur_id not in members
    )
    if errors:
        raise invalid(*errors)
    row = await insert_tenant_row(
        conn,
        "group_loan_applications",
        tenant_id=tenant_id,
        actor=actor,
        values={
            "group_id": data.group_id,
            "product_id": data.product_id,
            "status": ApplicationStatus.DRAFT.value,
        },
        returning="id, group_id, product_id, status, created_at, updated_at",
    )
    for intake in data.members:
        application = await origination.create_application(
            conn,
            tenant_id=tenant_id,
            actor=actor,
            data=LoanApplicationCreate(**intake.model_dump(), product_id=data.product_id),
        )
        await conn.execute(
            "INSERT INTO group_loan_application_members (tenant_id, id, created_by, created_at, "
            "group_application_id, application_id, entrepreneur_id) "
            "VALUES ($1, gen_random_uuid(), $2, clock_timestamp(), $3, $4, $5)",
            tenant_id,
            actor,
            row["id"],
            application.id,
            intake.entrepreneur_id,
        )
    return await _group_application_model(conn, tenant_id, row)


async def get_group_application(
    db: Database, *, tenant_id: uuid.UUID, group_application_id: uuid.UUID
) -> GroupApplication:
    async with db.transaction(tenant_id) as conn:
        row = await _group_application(conn, tenant_id, group_application_id, lock=False)
        return await _group_application_model(conn, tenant_id, row)


async def list_group_applications(
    db: Database, *, tenant_id: uuid.UUID, page: PageParams, group_id: uuid.UUID | None
) -> Page[GroupApplication]:
    args: list[Any] = [] if group_id is None else [group_id]
    condition = "" if group_id is None else " AND group_id = $3"
    after, after_args = keyset_clause(page, len(args) + 3)
    async with db.transaction(tenant_id) as conn:
        rows = await conn.fetch(
            "SELECT id, group_id, product_id, status, created_at, updated_at "
            f"FROM group_loan_applications WHERE tenant_id = $1{condition}{after} "
            "ORDER BY created_at, id LIMIT $2",
            tenant_id,
            page.limit + 1,
            *args,
            *after_args,
        )
        models = {
            row["id"]: await _group_application_model(conn, tenant_id, row)
            for row in rows[: page.limit]
        }
    return build_page(rows, page, lambda row: models[row["id"]])


async def _move(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    group_application_id: uuid.UUID,
    action: str,
    allowed: tuple[ApplicationStatus, ...],
    to_status: ApplicationStatus,
    step: Callable[[uuid.UUID], Awaitable[object]],
    reason: str | None = None,
) -> GroupApplication:
    """Apply one origination step to every member application, in one transaction: the
    group moves together or not at all. Each member application's move is audited by
    origination; the group's own is audited here."""
    row = await _group_application(conn, tenant_id, group_application_id, lock=True)
    if row["status"] not in allowed:
        names = " or ".join(s.value for s in allowed)
        raise conflict(
            f"This group application is {row['status']}; only a {names} one can be {action}.",
            current_status=row["status"],
        )
    for application_id in await conn.fetch(
        "SELECT application_id FROM group_loan_application_members "
        "WHERE tenant_id = $1 AND group_application_id = $2 ORDER BY created_at, id",
        tenant_id,
        group_application_id,
    ):
        await step(application_id["application_id"])
    updated = await update_tenant_row(
        conn,
        "group_loan_applications",
        tenant_id=tenant_id,
        row_id=group_application_id,
        actor=actor,
        values={"status": to_status.value},
        returning="id, group_id, product_id, status, created_at, updated_at",
    )
    assert updated is not None  # locked above
    moved = await _group_application_model(conn, tenant_id, updated)
    await audit.record(
        conn,
        tenant_id,
        audit.Entry(
            actor=actor,
            action=AuditAction(f"group_loan_application.{to_status.value}"),
            resource_type=AuditResourceType.GROUP_LOAN_APPLICATION,
            resource_id=group_application_id,
            currency=moved.applications[0].currency if moved.applications else None,
            amounts={"requested": moved.total_requested, "approved": moved.total_approved},
            from_state=row["status"],
            to_state=to_status.value,
            reason=reason,
            related={"group_id": moved.group_id},
        ),
    )
    return moved


async def submit(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    group_application_id: uuid.UUID,
) -> GroupApplication:
    async def step(application_id: uuid.UUID) -> object:
        return await origination.submit(
            conn, tenant_id=tenant_id, actor=actor, application_id=application_id, via_group=True
        )

    return await _move(
        conn,
        tenant_id=tenant_id,
        actor=actor,
        group_application_id=group_application_id,
        action="submitted",
        allowed=(ApplicationStatus.DRAFT,),
        to_status=ApplicationStatus.SUBMITTED,
        step=step,
    )


async def approve(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    group_application_id: uuid.UUID,
    note: str | None,
) -> GroupApplication:
    async def step(application_id: uuid.UUID) -> object:
        return await origination.approve(
            conn,
            tenant_id=tenant_id,
            actor=actor,
            application_id=application_id,
            data=Approval(note=note),
            via_group=True,
        )

    return await _move(
        conn,
        tenant_id=tenant_id,
        actor=actor,
        group_application_id=group_application_id,
        action="approved",
        allowed=(ApplicationStatus.SUBMITTED,),
        to_status=ApplicationStatus.APPROVED,
        step=step,
    )


async def decline(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    group_application_id: uuid.UUID,
    data: Decline,
) -> GroupApplication:
    async def step(application_id: uuid.UUID) -> object:
        return await origination.decline(
            conn,
            tenant_id=tenant_id,
            actor=actor,
            application_id=application_id,
            data=data,
            via_group=True,
        )

    return await _move(
        conn,
        tenant_id=tenant_id,
        actor=actor,
        group_application_id=group_application_id,
        action="declined",
        allowed=(ApplicationStatus.SUBMITTED,),
        to_status=ApplicationStatus.DECLINED,
        step=step,
        reason=data.reason.value,
    )


async def disburse(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    group_application_id: uuid.UUID,
    data: Disbursement,
) -> GroupApplication:
    async def step(application_id: uuid.UUID) -> object:
        return await origination.disburse(
            conn,
            tenant_id=tenant_id,
            actor=actor,
            application_id=application_id,
            data=data,
            via_group=True,
        )

    return await _move(
        conn,
        tenant_id=tenant_id,
        actor=actor,
        group_application_id=group_application_id,
        action="disbursed",
        allowed=(ApplicationStatus.APPROVED,),
        to_status=ApplicationStatus.DISBURSED,
        step=step,
    )


# --------------------------------------------------------------------------- repayments

_GROUP_LOANS_SQL = f"""
SELECT l.id, l.entrepreneur_id, l.currency,
       coalesce(sum({_UNPAID}) FILTER (WHERE i.due_date <= $3), 0)::bigint AS due,
       coalesce(sum({_UNPAID}), 0)::bigint AS owed
FROM group_loan_applications ga
JOIN group_loan_application_members gm
  ON gm.tenant_id = ga.tenant_id AND gm.group_application_id = ga.id
JOIN loans l ON l.tenant_id = gm.tenant_id AND l.application_id = gm.application_id
JOIN loan_installments i ON i.tenant_id = l.tenant_id AND i.loan_id = l.id
WHERE ga.tenant_id = $1 AND ga.group_id = $2 AND l.status = 'active'
GROUP BY l.id, l.entrepreneur_id, l.currency, l.created_at
ORDER BY l.created_at, l.id
"""


def _weights(rule: RepaymentSplit, loans: Sequence[Mapping[str, Any]]) -> list[int]:
    if rule is RepaymentSplit.EQUAL:
        return [1] * len(loans)
    due = [loan["due"] for loan in loans]
    return due if any(due) else [loan["owed"] for loan in loans]


async def post_group_repayment(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    group_id: uuid.UUID,
    data: GroupRepaymentCreate,
) -> GroupRepayment:
    """One payment for the whole group, split among the members' active loans by the
    group's rule (largest remainder, `loans.prorata`) and posted to each loan as an
    ordinary repayment."""
    group = await conn.fetchrow(
        "SELECT repayment_split FROM loan_groups WHERE tenant_id = $1 AND id = $2 FOR UPDATE",
        tenant_id,
        group_id,
    )
    if group is None:
        raise not_found("Loan group")
    paid_on = data.paid_on or accounts.today()
    loans = await conn.fetch(_GROUP_LOANS_SQL, tenant_id, group_id, paid_on)
    if not loans:
        raise conflict("This group has no active loans to repay.")
    currencies = sorted({loan["currency"] for loan in loans})
    currency = data.currency or currencies[0]
    if data.currency is None and len(currencies) > 1:
        raise invalid(
            FieldError(
                path="body.currency",
                message=f"required: the group's loans are in {', '.join(currencies)}",
                code="missing",
            )
        )
    loans = [loan for loan in loans if loan["currency"] == currency]
    if not loans:
        raise invalid(
            FieldError(
                path="body.currency",
                message=f"the group's active loans are in {', '.join(currencies)}",
                code="currency_mismatch",
            )
        )
    rule = RepaymentSplit(group["repayment_split"])
    shares = split_pro_rata(data.amount, _weights(rule, loans))
    parts = []
    for loan, share in zip(loans, shares, strict=True):
        if share == 0:
            continue
        repayment = await accounts.post_repayment(
            conn,
            tenant_id=tenant_id,
            actor=actor,
            loan_id=loan["id"],
            data=RepaymentCreate(amount=share, paid_on=paid_on, channel=data.channel),
        )
        parts.append(
            RepaymentPart(
                loan_id=loan["id"],
                entrepreneur_id=loan["entrepreneur_id"],
                repayment_id=repayment.id,
                amount=share,
            )
        )
    row = await conn.fetchrow(
        "INSERT INTO loan_group_repayments (tenant_id, id, created_by, group_id, amount, "
        "currency, paid_on, channel, external_reference, split_rule, parts) "
        "VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9, $10) "
        "RETURNING id, group_id, amount, currency, paid_on, channel, external_reference, "
        "split_rule, parts, created_at, created_by",
        tenant_id,
        actor,
        group_id,
        data.amount,
        currency,
        paid_on,
        data.channel.value,
        data.external_reference,
        rule.value,
        [part.model_dump(mode="json") for part in parts],
    )
    await audit.record(
        conn,
        tenant_id,
        audit.Entry(
            actor=actor,
            action=AuditAction.GROUP_REPAYMENT_POSTED,
            resource_type=AuditResourceType.LOAN_GROUP,
            resource_id=group_id,
            currency=currency,
            amounts={"amount": data.amount},
            related={"group_repayment_id": row["id"]},
        ),
    )
    return GroupRepayment.model_validate(dict(row))


async def list_group_repayments(
    db: Database, *, tenant_id: uuid.UUID, group_id: uuid.UUID, page: PageParams
) -> Page[GroupRepayment]:
    after, after_args = keyset_clause(page, 4, alias="r")
    rows = await db.fetch(
        tenant_id,
        "SELECT g.id AS group, r.id, r.group_id, r.amount, r.currency, r.paid_on, r.channel, "
        "r.external_reference, r.split_rule, r.parts, r.created_at, r.created_by "
        "FROM loan_groups g LEFT JOIN loan_group_repayments r "
        f"ON r.tenant_id = g.tenant_id AND r.group_id = g.id{after} "
        f"WHERE {TENANT_GATE} AND g.tenant_id = $1::uuid AND g.id = $2 "
        "ORDER BY r.created_at, r.id LIMIT $3",
        group_id,
        page.limit + 1,
        *after_args,
    )
    if not rows:
        raise not_found("Loan group")
    return build_page(
        [r for r in rows if r["id"] is not None],
        page,
        lambda r: GroupRepayment.model_validate({k: v for k, v in r.items() if k != "group"}),
    )
