"""Loan accounts: opening a loan, repayments and their reversal, write-off, arrears.

Every change runs in one tenant transaction holding the loan's row lock, so postings on
one loan are serialised. Postings are append-only; the paid and written-off columns of
the loan and its installments move in the same statement as the postings, so balances
always equal the sum of postings. The allocation math is `loans.ledger`, pure.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import asyncpg

from platform_api.audit import service as audit
from platform_api.audit.schemas import AuditAction, AuditResourceType
from platform_api.core.db import TENANT_GATE, Database
from platform_api.core.errors import FieldError, conflict, invalid, not_found
from platform_api.core.outbox import emit, emit_many
from platform_api.core.pagination import Page, PageParams, Where, build_page, keyset_clause
from platform_api.loans import ledger
from platform_api.loans.accounts.schemas import (
    AgingBucket,
    ArrearsReport,
    CurrencyArrears,
    InstallmentStatus,
    Loan,
    LoanSchedule,
    LoanStatus,
    Repayment,
    RepaymentCreate,
    RepaymentStatus,
    ScheduleLine,
)
from platform_api.loans.ledger import AllocationTarget, Due
from platform_api.loans.schedule import Schedule
from platform_api.tenants import service as tenants

_LOAN_COLUMNS = (
    "id, application_id, entrepreneur_id, product_id, currency, status, principal, term, "
    "interest_method, annual_rate, apr, eir, disbursement_date, maturity_date, upfront_fee, "
    "net_disbursed, total_interest, total_fees, principal_paid, interest_paid, fees_paid, "
    "overpaid, principal_written_off, interest_written_off, fees_written_off, behind_since, "
    "arrears_tolerance_days, closed_on, written_off_on, write_off_reason, created_at, "
    "updated_at, created_by"
)
# What is overdue on, and next due from, `as_of` ({as_of} is its placeholder).
_UNPAID = "i.principal - i.principal_paid + i.interest - i.interest_paid + i.fees - i.fees_paid"
_DERIVED = (
    f"(SELECT coalesce(sum({_UNPAID}), 0) FROM loan_installments i "
    "WHERE i.tenant_id = l.tenant_id AND i.loan_id = l.id AND i.due_date < {as_of}) "
    "AS arrears_amount, "
    f"(SELECT row(i.due_date, {_UNPAID}) FROM loan_installments i "
    "WHERE i.tenant_id = l.tenant_id AND i.loan_id = l.id AND i.due_date >= {as_of} "
    f"AND {_UNPAID} > 0 ORDER BY i.number LIMIT 1) AS next_due"
)
_REPAYMENT_COLUMNS = (
    "r.id, r.loan_id, r.sequence, r.amount, l.currency, r.paid_on, r.channel, "
    "r.external_reference, r.status, r.principal, r.interest, r.fees, r.overpayment, "
    "r.reversed_at, r.reversed_by, r.reversal_reason, r.created_at, r.created_by"
)
_PAR_QUANTUM = Decimal("0.0001")


def today() -> date:
    return datetime.now(UTC).date()


#: Looked up once: `model_fields` is a property that costs a microsecond a call.
_LOAN_FIELDS = frozenset(Loan.model_fields)


def _loan_model(row: Mapping[str, Any], as_of: date) -> Loan:
    status = LoanStatus(row["status"])
    principal_out = row["principal"] - row["principal_paid"] - row["principal_written_off"]
    interest_out = row["total_interest"] - row["interest_paid"] - row["interest_written_off"]
    fees_out = row["total_fees"] - row["fees_paid"] - row["fees_written_off"]
    active = status is LoanStatus.ACTIVE
    dpd = (
        ledger.days_past_due(row["behind_since"], as_of, row["arrears_tolerance_days"])
        if active
        else 0
    )
    next_due = row["next_due"] if active else None
    values = {k: v for k, v in row.items() if k in _LOAN_FIELDS}
    values.update(
        principal_outstanding=principal_out,
        interest_outstanding=interest_out,
        fees_outstanding=fees_out,
        total_outstanding=principal_out + interest_out + fees_out,
        as_of=as_of,
        next_due_date=None if next_due is None else next_due[0],
        next_due_amount=0 if next_due is None else next_due[1],
        arrears_amount=row["arrears_amount"] if active else 0,
        days_past_due=dpd,
        aging_bucket=ledger.aging_bucket(dpd),
    )
    return Loan(**values)


# --------------------------------------------------------------------------- opening


async def open_loan(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    application: Mapping[str, Any],
    terms: Mapping[str, Any],
    schedule: Schedule,
) -> Loan:
    """Create the loan account of an approved application with its schedule frozen."""
    loan_id = uuid.uuid4()
    items = schedule.installments
    await conn.execute(
        """
        WITH loan AS (
            INSERT INTO loans (
                tenant_id, id, created_by, updated_by, application_id, entrepreneur_id,
                product_id, currency, principal, term, interest_method, annual_rate, apr, eir,
                disbursement_date, maturity_date, upfront_fee, net_disbursed, total_interest,
                total_fees, allocation_order, arrears_tolerance_amount, arrears_tolerance_days,
                behind_since
            ) VALUES (
                $1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                $18, $19, $20, $21, $22, $23
            ) RETURNING id
        )
        INSERT INTO loan_installments (
            tenant_id, id, created_by, updated_by, loan_id, number, due_date, principal,
            interest, fees
        )
        SELECT $1, gen_random_uuid(), $3, $3, (SELECT id FROM loan), n, d, p, i, f
        FROM unnest($24::int[], $25::date[], $26::bigint[], $27::bigint[], $28::bigint[])
            AS s(n, d, p, i, f)
        """,
        tenant_id,
        loan_id,
        actor,
        application["id"],
        application["entrepreneur_id"],
        application["product_id"],
        application["currency"],
        schedule.total_principal,
        len(items),
        terms["interest_method"],
        Decimal(terms["annual_rate"]),
        schedule.true_cost.apr,
        schedule.true_cost.eir,
        schedule.terms.disbursement_date,
        items[-1].due_date,
        schedule.upfront_fee,
        schedule.net_disbursed,
        schedule.total_interest,
        schedule.total_fees,
        list(terms["allocation_order"]),
        terms["arrears_tolerance_amount"],
        terms["arrears_tolerance_days"],
        ledger.behind_since(_dues(schedule), terms["arrears_tolerance_amount"]),
        [i.number for i in items],
        [i.due_date for i in items],
        [i.principal for i in items],
        [i.interest for i in items],
        [i.fees for i in items],
    )
    return await get_loan_in(conn, tenant_id=tenant_id, loan_id=loan_id)


def _dues(schedule: Schedule) -> list[Due]:
    return [
        Due(i.number, i.due_date, i.principal, i.interest, i.fees) for i in schedule.installments
    ]


# --------------------------------------------------------------------------- reads


def _get_sql(gate: bool) -> str:
    where = f"{TENANT_GATE} AND " if gate else ""
    return (
        f"SELECT {_LOAN_COLUMNS}, {_DERIVED.format(as_of='$3::date')} FROM loans l "
        f"WHERE {where}l.tenant_id = $1::uuid AND l.id = $2"
    )


async def get_loan(db: Database, *, tenant_id: uuid.UUID, loan_id: uuid.UUID) -> Loan:
    as_of = today()
    row = await db.fetchrow(tenant_id, _get_sql(gate=True), loan_id, as_of)
    if row is None:
        raise not_found("Loan")
    return _loan_model(row, as_of)


async def get_loan_in(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, loan_id: uuid.UUID
) -> Loan:
    """The loan as this transaction sees it (after its own changes)."""
    as_of = today()
    row = await conn.fetchrow(_get_sql(gate=False), tenant_id, loan_id, as_of)
    if row is None:
        raise not_found("Loan")
    return _loan_model(row, as_of)


@dataclass(frozen=True)
class LoanFilters:
    status: LoanStatus | None = None
    entrepreneur_id: uuid.UUID | None = None
    product_id: uuid.UUID | None = None


async def list_loans(
    db: Database, *, tenant_id: uuid.UUID, page: PageParams, filters: LoanFilters
) -> Page[Loan]:
    as_of = today()
    where = Where(fixed=3)
    where.add_set(
        ("l.status = {}", filters.status),
        ("l.entrepreneur_id = {}", filters.entrepreneur_id),
        ("l.product_id = {}", filters.product_id),
    )
    after, after_args = keyset_clause(page, where.next, alias="l")
    rows = await db.fetch(
        tenant_id,
        f"SELECT {_LOAN_COLUMNS}, {_DERIVED.format(as_of='$3::date')} FROM loans l "
        f"WHERE {TENANT_GATE} AND l.tenant_id = $1::uuid{where.sql()}{after} "
        "ORDER BY l.created_at, l.id LIMIT $2",
        page.limit + 1,
        as_of,
        *where.args,
        *after_args,
    )
    return build_page(rows, page, lambda row: _loan_model(row, as_of))


def _line_status(row: Mapping[str, Any], written_off: bool, as_of: date) -> InstallmentStatus:
    paid = row["principal_paid"] + row["interest_paid"] + row["fees_paid"]
    due = row["principal"] + row["interest"] + row["fees"]
    if paid == due:
        return InstallmentStatus.PAID
    if written_off:
        return InstallmentStatus.WRITTEN_OFF
    if row["due_date"] < as_of:
        return InstallmentStatus.OVERDUE
    return InstallmentStatus.PARTIALLY_PAID if paid else InstallmentStatus.DUE


async def get_schedule(db: Database, *, tenant_id: uuid.UUID, loan_id: uuid.UUID) -> LoanSchedule:
    as_of = today()
    rows = await db.fetch(
        tenant_id,
        "SELECT l.currency, l.status, i.number, i.due_date, i.principal, i.interest, i.fees, "
        "i.principal_paid, i.interest_paid, i.fees_paid FROM loans l "
        "JOIN loan_installments i ON i.tenant_id = l.tenant_id AND i.loan_id = l.id "
        f"WHERE {TENANT_GATE} AND l.tenant_id = $1::uuid AND l.id = $2 ORDER BY i.number",
        loan_id,
    )
    if not rows:
        raise not_found("Loan")
    written_off = rows[0]["status"] == LoanStatus.WRITTEN_OFF
    lines = []
    for row in rows:
        due = row["principal"] + row["interest"] + row["fees"]
        paid = row["principal_paid"] + row["interest_paid"] + row["fees_paid"]
        lines.append(
            ScheduleLine(
                number=row["number"],
                due_date=row["due_date"],
                principal=row["principal"],
                interest=row["interest"],
                fees=row["fees"],
                principal_paid=row["principal_paid"],
                interest_paid=row["interest_paid"],
                fees_paid=row["fees_paid"],
                total=due,
                paid=paid,
                outstanding=due - paid,
                status=_line_status(row, written_off, as_of),
            )
        )
    return LoanSchedule(
        loan_id=loan_id, currency=rows[0]["currency"], as_of=as_of, installments=lines
    )


# --------------------------------------------------------------------------- postings

# The loan, locked, with its schedule. Only the loan row is locked: a row lock returns
# its latest committed version (the paid totals as of the previous posting), while the
# installments come from this statement's snapshot, which is fine because their
# scheduled amounts never change. What is unpaid follows from the paid total alone
# (ledger.unpaid_after). Every change to a loan locks this row first.
_LOCK_SQL = """
SELECT l.id, l.currency, l.status, l.disbursement_date, l.allocation_order,
       l.arrears_tolerance_amount, l.repayments_posted, l.closed_on,
       l.principal_paid + l.interest_paid + l.fees_paid AS paid,
       i.number, i.due_date, i.principal, i.interest, i.fees
FROM loans l
JOIN loan_installments i ON i.tenant_id = l.tenant_id AND i.loan_id = l.id
WHERE l.tenant_id = $1 AND l.id = $2
ORDER BY i.number
FOR UPDATE OF l
"""


@dataclass(frozen=True)
class _Locked:
    loan: asyncpg.Record
    scheduled: list[Due]
    unpaid: list[Due]


async def _lock_loan(conn: asyncpg.Connection, tenant_id: uuid.UUID, loan_id: uuid.UUID) -> _Locked:
    """Lock the loan (serialising its postings); its schedule, and what is still unpaid."""
    rows = await conn.fetch(_LOCK_SQL, tenant_id, loan_id)
    if not rows:
        raise not_found("Loan")
    loan = rows[0]
    scheduled = [
        Due(row["number"], row["due_date"], row["principal"], row["interest"], row["fees"])
        for row in rows
    ]
    unpaid = ledger.unpaid_after(scheduled, loan["paid"], _order(loan))
    return _Locked(loan, scheduled, [due for due in unpaid if due.total])


def _require_active(loan: Mapping[str, Any], action: str) -> None:
    if loan["status"] != LoanStatus.ACTIVE:
        raise conflict(
            f"This loan is {loan['status']}; {action} needs an active loan.",
            current_status=loan["status"],
        )


def _order(loan: Mapping[str, Any]) -> tuple[AllocationTarget, ...]:
    return tuple(AllocationTarget(t) for t in loan["allocation_order"])


#: The postings of a change: rows (repayment, installment, target, kind, amount) go to
#: the ledger, and the installments and the loan move by the same sums, in one statement.
_MOVE_BALANCES = """
postings AS (
    INSERT INTO loan_postings (tenant_id, id, created_by, loan_id, repayment_id, installment,
                               target, kind, amount)
    SELECT $1, gen_random_uuid(), $3, $2, r, n, t, k, a
    FROM unnest($4::uuid[], $5::int[], $6::text[], $7::text[], $8::bigint[]) AS p(r, n, t, k, a)
), installments AS (
    UPDATE loan_installments i
    SET principal_paid = i.principal_paid + d.p, interest_paid = i.interest_paid + d.i,
        fees_paid = i.fees_paid + d.f, updated_at = now(), updated_by = $3
    FROM unnest($9::int[], $10::bigint[], $11::bigint[], $12::bigint[]) AS d(n, p, i, f)
    WHERE i.tenant_id = $1 AND i.loan_id = $2 AND i.number = d.n
), balances AS (
    UPDATE loans
    SET principal_paid = principal_paid + $13, interest_paid = interest_paid + $14,
        fees_paid = fees_paid + $15, overpaid = overpaid + $16, behind_since = $17,
        status = $18, closed_on = $19, repayments_posted = repayments_posted + $20,
        updated_at = now(), updated_by = $3
    WHERE tenant_id = $1 AND id = $2
)"""
_POST_SQL = f"WITH {_MOVE_BALANCES} SELECT"
#: A new repayment, its postings, its event and its audit entry: the whole write in one
#: round trip.
_REPAYMENT_SQL = f"""
WITH repayment AS (
    INSERT INTO loan_repayments (tenant_id, id, created_by, updated_by, created_at, updated_at,
                                 loan_id, sequence, amount, paid_on, channel,
                                 external_reference, principal, interest, fees, overpayment)
    VALUES ($1, $21, $3, $3, $22, $22, $2, $23, $24, $25, $26, $27, $28, $29, $30, $31)
), {_MOVE_BALANCES}, event AS (
    INSERT INTO outbox_events (tenant_id, id, type, subject_id, data)
    VALUES ($1, gen_random_uuid(), 'repayment.posted', $21, $32)
), audit AS (
    {audit.insert_sql(33)}
)
SELECT"""


@dataclass
class _Postings:
    """Ledger rows of one change, and the sums they move the balances by."""

    repayments: list[uuid.UUID | None]
    installments: list[int | None]
    targets: list[str]
    kinds: list[str]
    amounts: list[int]
    by_installment: dict[int, dict[AllocationTarget, int]]
    totals: dict[str, int]

    @classmethod
    def empty(cls) -> _Postings:
        return cls([], [], [], [], [], defaultdict(dict), defaultdict(int))

    def add(
        self,
        repayment: uuid.UUID | None,
        installment: int | None,
        target: str,
        kind: str,
        amount: int,
    ) -> None:
        if amount == 0:
            return
        self.repayments.append(repayment)
        self.installments.append(installment)
        self.targets.append(target)
        self.kinds.append(kind)
        self.amounts.append(amount)
        self.totals[target] += amount
        if installment is not None:
            moved = self.by_installment[installment]
            moved[AllocationTarget(target)] = moved.get(AllocationTarget(target), 0) + amount

    def arguments(
        self,
        *,
        tenant_id: uuid.UUID,
        loan_id: uuid.UUID,
        actor: uuid.UUID,
        behind_since: date | None,
        status: LoanStatus,
        closed_on: date | None,
        repayments_added: int = 0,
    ) -> list[Any]:
        """Parameters $1-$20 of `_MOVE_BALANCES`."""
        numbers = sorted(self.by_installment)
        moved = [
            [self.by_installment[n].get(target, 0) for n in numbers]
            for target in (
                AllocationTarget.PRINCIPAL,
                AllocationTarget.INTEREST,
                AllocationTarget.FEES,
            )
        ]
        return [
            tenant_id,
            loan_id,
            actor,
            self.repayments,
            self.installments,
            self.targets,
            self.kinds,
            self.amounts,
            numbers,
            *moved,
            self.totals["principal"],
            self.totals["interest"],
            self.totals["fees"],
            self.totals["overpayment"],
            behind_since,
            status.value,
            closed_on,
            repayments_added,
        ]


def _add_allocation(
    postings: _Postings, repayment: uuid.UUID, allocation: ledger.Allocation, kind: str, sign: int
) -> None:
    for part in allocation.parts:
        postings.add(repayment, part.installment, part.target.value, kind, sign * part.amount)
    postings.add(repayment, None, "overpayment", kind, sign * allocation.overpayment)


def _validate_repayment(loan: Mapping[str, Any], data: RepaymentCreate, paid_on: date) -> None:
    errors = []
    if data.currency is not None and data.currency != loan["currency"]:
        errors.append(
            FieldError(
                path="body.currency",
                message=f"must be the loan's currency ({loan['currency']})",
                code="currency_mismatch",
            )
        )
    if paid_on > today():
        errors.append(
            FieldError(path="body.paid_on", message="must not be in the future", code="future")
        )
    elif paid_on < loan["disbursement_date"]:
        errors.append(
            FieldError(
                path="body.paid_on",
                message=f"must not be before the disbursement ({loan['disbursement_date']})",
                code="before_disbursement",
            )
        )
    if errors:
        raise invalid(*errors)


def _repayment_model(row: Mapping[str, Any]) -> Repayment:
    return Repayment.model_validate(dict(row))


def _repayment_amounts(repayment: Repayment) -> dict[str, int]:
    return {
        "amount": repayment.amount,
        "principal": repayment.principal,
        "interest": repayment.interest,
        "fees": repayment.fees,
        "overpayment": repayment.overpayment,
    }


def _loan_entry(
    actor: uuid.UUID,
    action: AuditAction,
    loan_id: uuid.UUID,
    currency: str,
    *,
    amounts: dict[str, int] | None = None,
    from_state: LoanStatus | None = None,
    to_state: LoanStatus | None = None,
    related: dict[str, uuid.UUID] | None = None,
) -> audit.Entry:
    """The audit entry of a change to a loan account."""
    return audit.Entry(
        actor=actor,
        action=action,
        resource_type=AuditResourceType.LOAN,
        resource_id=loan_id,
        currency=currency,
        amounts=amounts or {},
        from_state=from_state,
        to_state=to_state,
        related=related or {},
    )


async def post_repayment(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    loan_id: uuid.UUID,
    data: RepaymentCreate,
) -> Repayment:
    """Allocate a repayment to what is unpaid, oldest installment first, in the product's
    order; an excess closes the loan and is recorded as overpayment."""
    locked = await _lock_loan(conn, tenant_id, loan_id)
    loan, unpaid = locked.loan, locked.unpaid
    _require_active(loan, "a repayment")
    paid_on = data.paid_on or today()
    _validate_repayment(loan, data, paid_on)
    allocation, after = ledger.allocate(unpaid, data.amount, _order(loan))
    settled = ledger.is_settled(after)
    repayment = Repayment(
        id=uuid.uuid4(),
        loan_id=loan_id,
        sequence=loan["repayments_posted"] + 1,
        amount=data.amount,
        currency=loan["currency"],
        paid_on=paid_on,
        channel=data.channel,
        external_reference=data.external_reference,
        status=RepaymentStatus.POSTED,
        principal=allocation.paid(AllocationTarget.PRINCIPAL),
        interest=allocation.paid(AllocationTarget.INTEREST),
        fees=allocation.paid(AllocationTarget.FEES),
        overpayment=allocation.overpayment,
        reversed_at=None,
        reversed_by=None,
        reversal_reason=None,
        created_at=datetime.now(UTC),
        created_by=actor,
    )
    postings = _Postings.empty()
    _add_allocation(postings, repayment.id, allocation, "repayment", 1)
    arguments = postings.arguments(
        tenant_id=tenant_id,
        loan_id=loan_id,
        actor=actor,
        behind_since=ledger.behind_since(after, loan["arrears_tolerance_amount"]),
        status=LoanStatus.CLOSED if settled else LoanStatus.ACTIVE,
        closed_on=paid_on if settled else None,
        repayments_added=1,
    )
    try:
        await conn.execute(
            _REPAYMENT_SQL,
            *arguments,
            repayment.id,
            repayment.created_at,
            repayment.sequence,
            repayment.amount,
            paid_on,
            repayment.channel.value,
            repayment.external_reference,
            repayment.principal,
            repayment.interest,
            repayment.fees,
            repayment.overpayment,
            repayment.model_dump(mode="json"),
            *_loan_entry(
                actor,
                AuditAction.REPAYMENT_POSTED,
                loan_id,
                loan["currency"],
                amounts=_repayment_amounts(repayment),
                related={"repayment_id": repayment.id},
            ).arguments(),
        )
    except asyncpg.UniqueViolationError:
        raise conflict(
            "A posted repayment already has this external_reference in this channel.",
            external_reference=data.external_reference,
        ) from None
    if settled:
        await audit.record(
            conn,
            tenant_id,
            _loan_entry(
                actor,
                AuditAction.LOAN_CLOSED,
                loan_id,
                loan["currency"],
                from_state=LoanStatus.ACTIVE,
                to_state=LoanStatus.CLOSED,
            ),
        )
        await emit(
            conn,
            tenant_id=tenant_id,
            type="loan.closed",
            subject_id=loan_id,
            data={"loan_id": str(loan_id), "closed_on": paid_on.isoformat()},
        )
    return repayment


async def reverse_repayment(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    loan_id: uuid.UUID,
    repayment_id: uuid.UUID,
    reason: str,
) -> Repayment:
    """Undo a repayment: replay the others in posting order from the frozen schedule and
    post the differences (the reversed one's postings negated, later ones moved onto
    what it had paid). A closed loan reopens if something is unpaid again."""
    locked = await _lock_loan(conn, tenant_id, loan_id)
    loan = locked.loan
    if loan["status"] == LoanStatus.WRITTEN_OFF:
        raise conflict("This loan is written off; its repayments cannot be reversed.")
    repayments = await conn.fetch(
        "SELECT id, amount, status FROM loan_repayments WHERE tenant_id = $1 AND loan_id = $2 "
        "ORDER BY sequence",
        tenant_id,
        loan_id,
    )
    target = next((r for r in repayments if r["id"] == repayment_id), None)
    if target is None:
        raise not_found("Repayment")
    if target["status"] != "posted":
        raise conflict("This repayment is already reversed.", current_status=target["status"])
    others = [r for r in repayments if r["status"] == "posted" and r["id"] != repayment_id]
    allocations, after = ledger.replay(
        locked.scheduled, [r["amount"] for r in others], _order(loan)
    )
    wanted: dict[tuple[uuid.UUID, int | None, str], int] = defaultdict(int)
    for other, allocation in zip(others, allocations, strict=True):
        for part in allocation.parts:
            wanted[(other["id"], part.installment, part.target.value)] += part.amount
        wanted[(other["id"], None, "overpayment")] += allocation.overpayment
    current = await conn.fetch(
        "SELECT repayment_id, installment, target, sum(amount)::bigint AS amount "
        "FROM loan_postings WHERE tenant_id = $1 AND loan_id = $2 AND kind <> 'write_off' "
        "GROUP BY 1, 2, 3",
        tenant_id,
        loan_id,
    )
    postings = _Postings.empty()
    have: dict[tuple[uuid.UUID, int | None, str], int] = {
        (r["repayment_id"], r["installment"], r["target"]): r["amount"] for r in current
    }
    for key in sorted(set(have) | set(wanted), key=lambda k: (str(k[0]), k[1] or 0, k[2])):
        delta = wanted.get(key, 0) - have.get(key, 0)
        kind = "reversal" if key[0] == repayment_id else "reallocation"
        postings.add(key[0], key[1], key[2], kind, delta)
    settled = ledger.is_settled(after)
    was_closed = loan["status"] == LoanStatus.CLOSED
    await conn.execute(
        _POST_SQL,
        *postings.arguments(
            tenant_id=tenant_id,
            loan_id=loan_id,
            actor=actor,
            behind_since=ledger.behind_since(after, loan["arrears_tolerance_amount"]),
            status=LoanStatus.CLOSED if settled else LoanStatus.ACTIVE,
            closed_on=loan["closed_on"] if settled else None,
        ),
    )
    summaries = _summaries(others, allocations)
    row = await conn.fetchrow(
        f"""
        WITH moved AS (
            UPDATE loan_repayments r
            SET principal = s.p, interest = s.i, fees = s.f, overpayment = s.o,
                updated_at = now(), updated_by = $3
            FROM unnest($5::uuid[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[])
                AS s(id, p, i, f, o)
            WHERE r.tenant_id = $1 AND r.loan_id = $2 AND r.id = s.id
              AND (r.principal, r.interest, r.fees, r.overpayment) <> (s.p, s.i, s.f, s.o)
        ), r AS (
            UPDATE loan_repayments
            SET status = 'reversed', reversed_at = now(), reversed_by = $3, reversal_reason = $10,
                principal = 0, interest = 0, fees = 0, overpayment = 0,
                updated_at = now(), updated_by = $3
            WHERE tenant_id = $1 AND loan_id = $2 AND id = $4
            RETURNING *
        )
        SELECT {_REPAYMENT_COLUMNS} FROM r, (SELECT $11::text AS currency) l
        """,
        tenant_id,
        loan_id,
        actor,
        repayment_id,
        *summaries,
        reason,
        loan["currency"],
    )
    repayment = _repayment_model(row)
    await audit.record(
        conn,
        tenant_id,
        _loan_entry(
            actor,
            AuditAction.REPAYMENT_REVERSED,
            loan_id,
            loan["currency"],
            amounts={"amount": repayment.amount},
            related={"repayment_id": repayment_id},
        ),
    )
    await emit(
        conn,
        tenant_id=tenant_id,
        type="repayment.reversed",
        subject_id=repayment_id,
        data=repayment.model_dump(mode="json"),
    )
    if was_closed and not settled:
        await audit.record(
            conn,
            tenant_id,
            _loan_entry(
                actor,
                AuditAction.LOAN_REOPENED,
                loan_id,
                loan["currency"],
                from_state=LoanStatus.CLOSED,
                to_state=LoanStatus.ACTIVE,
            ),
        )
        await emit(
            conn,
            tenant_id=tenant_id,
            type="loan.reopened",
            subject_id=loan_id,
            data={"loan_id": str(loan_id)},
        )
    return repayment


def _summaries(
    repayments: Sequence[Mapping[str, Any]], allocations: Sequence[ledger.Allocation]
) -> list[list[Any]]:
    return [
        [r["id"] for r in repayments],
        [a.paid(AllocationTarget.PRINCIPAL) for a in allocations],
        [a.paid(AllocationTarget.INTEREST) for a in allocations],
        [a.paid(AllocationTarget.FEES) for a in allocations],
        [a.overpayment for a in allocations],
    ]


async def write_off(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    loan_id: uuid.UUID,
    reason: str,
) -> Loan:
    """Move everything outstanding to written-off (principal as a loss; interest and fees
    no longer expected) and end the loan."""
    locked = await _lock_loan(conn, tenant_id, loan_id)
    loan, unpaid = locked.loan, locked.unpaid
    _require_active(loan, "a write-off")
    postings = _Postings.empty()
    for due in unpaid:
        for target in AllocationTarget:
            postings.add(None, due.number, target.value, "write_off", due.part(target))
    await conn.execute(
        """
        WITH postings AS (
            INSERT INTO loan_postings (tenant_id, id, created_by, loan_id, repayment_id,
                                       installment, target, kind, amount)
            SELECT $1, gen_random_uuid(), $3, $2, NULL, n, t, 'write_off', a
            FROM unnest($4::int[], $5::text[], $6::bigint[]) AS p(n, t, a)
        )
        UPDATE loans
        SET status = 'written_off', written_off_on = $7, write_off_reason = $8,
            principal_written_off = $9, interest_written_off = $10, fees_written_off = $11,
            behind_since = NULL, updated_at = now(), updated_by = $3
        WHERE tenant_id = $1 AND id = $2
        """,
        tenant_id,
        loan_id,
        actor,
        postings.installments,
        postings.targets,
        postings.amounts,
        today(),
        reason,
        postings.totals["principal"],
        postings.totals["interest"],
        postings.totals["fees"],
    )
    result = await get_loan_in(conn, tenant_id=tenant_id, loan_id=loan_id)
    await audit.record(
        conn,
        tenant_id,
        _loan_entry(
            actor,
            AuditAction.LOAN_WRITTEN_OFF,
            loan_id,
            loan["currency"],
            amounts={
                target: postings.totals[target] for target in ("principal", "interest", "fees")
            },
            from_state=LoanStatus.ACTIVE,
            to_state=LoanStatus.WRITTEN_OFF,
        ),
    )
    await emit(
        conn,
        tenant_id=tenant_id,
        type="loan.written_off",
        subject_id=loan_id,
        data={
            "loan_id": str(loan_id),
            "principal_written_off": result.principal_written_off,
            "reason": reason,
        },
    )
    return result


async def list_repayments(
    db: Database, *, tenant_id: uuid.UUID, loan_id: uuid.UUID, page: PageParams
) -> Page[Repayment]:
    after, after_args = keyset_clause(page, 4, alias="r")
    rows = await db.fetch(
        tenant_id,
        f"SELECT l.id AS loan, {_REPAYMENT_COLUMNS} FROM loans l "
        "LEFT JOIN loan_repayments r ON r.tenant_id = l.tenant_id AND r.loan_id = l.id"
        f"{after} WHERE {TENANT_GATE} AND l.tenant_id = $1::uuid AND l.id = $2 "
        "ORDER BY r.created_at, r.id LIMIT $3",
        loan_id,
        page.limit + 1,
        *after_args,
    )
    if not rows:
        raise not_found("Loan")
    return build_page([r for r in rows if r["id"] is not None], page, _repayment_model)


async def get_repayment(
    db: Database, *, tenant_id: uuid.UUID, loan_id: uuid.UUID, repayment_id: uuid.UUID
) -> Repayment:
    row = await db.fetchrow(
        tenant_id,
        f"SELECT {_REPAYMENT_COLUMNS} FROM loan_repayments r JOIN loans l "
        "ON l.tenant_id = r.tenant_id AND l.id = r.loan_id "
        f"WHERE {TENANT_GATE} AND r.tenant_id = $1::uuid AND r.loan_id = $2 AND r.id = $3",
        loan_id,
        repayment_id,
    )
    if row is None:
        raise not_found("Repayment")
    return _repayment_model(row)


# --------------------------------------------------------------------------- arrears

# Read inside a tenant transaction rather than through TENANT_GATE: the gate's
# set_config() is volatile and parallel-unsafe, which would force a serial plan.
_ARREARS_SQL = f"""
SELECT currency, count(*) AS active_loans, sum(outstanding)::bigint AS principal_outstanding,
       count(*) FILTER (WHERE dpd > 0) AS loans_in_arrears,
       coalesce(sum(outstanding) FILTER (WHERE dpd > 0), 0)::bigint AS principal_in_arrears,
       coalesce(sum(outstanding) FILTER (WHERE dpd > 30), 0)::bigint AS par30_principal,
       {
    ", ".join(
        f"count(*) FILTER (WHERE dpd BETWEEN {low} AND {high or 2147483647}) AS b{n}_loans, "
        f"coalesce(sum(outstanding) FILTER (WHERE dpd BETWEEN {low} AND {high or 2147483647}),"
        f" 0)::bigint AS b{n}_principal"
        for n, (_, low, high) in enumerate(ledger.AGING_BUCKETS)
    )
}
FROM (
    SELECT currency, principal - principal_paid AS outstanding,
           CASE WHEN $2::date - behind_since > arrears_tolerance_days
                THEN $2::date - behind_since ELSE 0 END AS dpd
    FROM loans
    WHERE tenant_id = $1 AND status = 'active' AND disbursement_date <= $2::date
) AS aged
GROUP BY currency ORDER BY currency
"""


async def arrears_report(db: Database, *, tenant_id: uuid.UUID, as_of: date) -> ArrearsReport:
    """Aging and PAR30 of the active loans disbursed by `as_of`, with their current
    balances, per currency."""
    async with db.transaction(tenant_id) as conn:
        rows = await conn.fetch(_ARREARS_SQL, tenant_id, as_of)
    currencies = []
    for row in rows:
        outstanding = row["principal_outstanding"]
        par30 = (
            (Decimal(row["par30_principal"]) / Decimal(outstanding)).quantize(
                _PAR_QUANTUM, rounding=ROUND_HALF_EVEN
            )
            if outstanding
            else Decimal(0)
        )
        currencies.append(
            CurrencyArrears(
                currency=row["currency"],
                active_loans=row["active_loans"],
                principal_outstanding=outstanding,
                loans_in_arrears=row["loans_in_arrears"],
                principal_in_arrears=row["principal_in_arrears"],
                par30=par30,
                buckets=[
                    AgingBucket(
                        bucket=label,
                        loans=row[f"b{n}_loans"],
                        principal_outstanding=row[f"b{n}_principal"],
                    )
                    for n, (label, _, _) in enumerate(ledger.AGING_BUCKETS)
                ],
            )
        )
    return ArrearsReport(as_of=as_of, currencies=currencies)


# --------------------------------------------------------------------------- overdue events

_NEWLY_OVERDUE_SQL = f"""
SELECT l.id AS loan_id, l.currency, i.number, i.due_date, {_UNPAID} AS unpaid
FROM loans l
JOIN loan_installments i ON i.tenant_id = l.tenant_id AND i.loan_id = l.id
WHERE l.tenant_id = $1 AND l.status = 'active' AND i.due_date < $2
  AND i.number > l.overdue_announced_through AND {_UNPAID} > 0
ORDER BY l.id, i.number
FOR UPDATE OF l
"""


async def announce_overdue(conn: asyncpg.Connection, *, tenant_id: uuid.UUID, as_of: date) -> int:
    """Emit `installment.overdue` once for each installment that fell due before `as_of`
    with something unpaid; returns how many. Concurrent sweeps of one tenant take turns
    (a transaction-scoped advisory lock), so no event is emitted twice."""
    await conn.execute(
        "SELECT pg_advisory_xact_lock(hashtextextended('overdue:' || $1, 0))", str(tenant_id)
    )
    rows = await conn.fetch(_NEWLY_OVERDUE_SQL, tenant_id, as_of)
    await emit_many(
        conn,
        tenant_id=tenant_id,
        type="installment.overdue",
        events=[
            (
                row["loan_id"],
                {
                    "loan_id": str(row["loan_id"]),
                    "installment": row["number"],
                    "due_date": row["due_date"].isoformat(),
                    "unpaid": row["unpaid"],
                    "currency": row["currency"],
                },
            )
            for row in rows
        ],
    )
    latest: dict[uuid.UUID, int] = {}
    for row in rows:
        latest[row["loan_id"]] = row["number"]
    await conn.execute(
        "UPDATE loans l SET overdue_announced_through = d.n FROM "
        "unnest($2::uuid[], $3::int[]) AS d(id, n) WHERE l.tenant_id = $1 AND l.id = d.id",
        tenant_id,
        list(latest),
        list(latest.values()),
    )
    return len(rows)


async def sweep_overdue(db: Database, as_of: date | None = None) -> int:
    """Announce newly overdue installments of every active tenant, one transaction each."""
    total = 0
    for tenant_id in await tenants.active_tenant_ids(db):
        async with db.transaction(tenant_id) as conn:
            total += await announce_overdue(conn, tenant_id=tenant_id, as_of=as_of or today())
    return total
