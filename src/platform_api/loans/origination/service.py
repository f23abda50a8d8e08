"""Loan applications: intake, underwriting on submit, maker-checker decisions and
disbursement into a loan account.

Every transition locks the application row, checks the state machine

    draft -> submitted -> approved | declined | withdrawn;  approved -> disbursed
    (draft and approved may also be withdrawn)

and writes, in the same transaction, the new state, a transition record (who, when,
from, to, why), an entry in the tenant's audit log and an outbox event.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

import asyncpg

from platform_api.audit import service as audit
from platform_api.audit.schemas import AuditAction, AuditResourceType
from platform_api.core.db import TENANT_GATE, Database, insert_tenant_row, update_tenant_row
from platform_api.core.errors import FieldError, Problem, conflict, invalid, not_found
from platform_api.core.outbox import emit
from platform_api.core.pagination import Page, PageParams, Where, build_page, keyset_clause
from platform_api.loans import service as products
from platform_api.loans.accounts import service as accounts
from platform_api.loans.accounts.schemas import Loan
from platform_api.loans.groups.gates import require_not_grouped
from platform_api.loans.origination.schemas import (
    ApplicationStatus,
    Approval,
    Decline,
    Disbursement,
    LoanApplication,
    LoanApplicationCreate,
    LoanApplicationUpdate,
    Transition,
)
from platform_api.loans.schedule import Schedule, ScheduleError, build_schedule
from platform_api.loans.schemas import LoanProductCreate
from platform_api.loans.social.gates import require_endorsements, require_funding
from platform_api.loans.underwriting import (
    MIN_DSCR,
    Financials,
    assess,
    max_affordable_amount,
    monthly_equivalent,
)

_COLUMNS = (
    "id, entrepreneur_id, product_id, currency, requested_amount, requested_term, purpose, "
    "monthly_revenue, monthly_expenses, existing_debt_payments, documents, status, "
    "underwriting, submitted_at, submitted_by, approved_amount, approved_term, decided_at, "
    "decided_by, decline_reason, decision_note, loan_id, created_at, updated_at, created_by, "
    "updated_by"
)
_PRODUCT_SQL = (
    "SELECT * FROM loan_products WHERE tenant_id = $1 AND id = $2"  # inside a transaction
)


def _model(row: Mapping[str, Any]) -> LoanApplication:
    return LoanApplication.model_validate(dict(row))


def _wrong_state(status: str, action: str, allowed: tuple[ApplicationStatus, ...]) -> Problem:
    names = " or ".join(s.value for s in allowed)
    return conflict(
        f"This application is {status}; only a {names} application can be {action}.",
        current_status=status,
    )


async def _lock(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, application_id: uuid.UUID
) -> asyncpg.Record:
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS}, approved_terms FROM loan_applications "
        "WHERE tenant_id = $1 AND id = $2 FOR UPDATE",
        tenant_id,
        application_id,
    )
    if row is None:
        raise not_found("Loan application")
    return row


async def _lock_to_move(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, application_id: uuid.UUID, via_group: bool
) -> asyncpg.Record:
    """Lock an application about to change state: a member's application in a group
    application only moves with its group (one approval for the whole group)."""
    row = await _lock(conn, tenant_id, application_id)
    if not via_group:
        await require_not_grouped(conn, tenant_id, application_id)
    return row


def _require(row: Mapping[str, Any], action: str, *allowed: ApplicationStatus) -> None:
    if row["status"] not in allowed:
        raise _wrong_state(row["status"], action, allowed)


async def _record(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    application_id: uuid.UUID,
    from_status: ApplicationStatus | None,
    to_status: ApplicationStatus,
    reason: str | None = None,
    note: str | None = None,
) -> None:
    await conn.execute(
        "INSERT INTO loan_application_transitions (tenant_id, id, created_by, application_id, "
        "from_status, to_status, reason, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        tenant_id,
        uuid.uuid4(),
        actor,
        application_id,
        from_status,
        to_status,
        reason,
        note,
    )


async def _transition(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    row: Mapping[str, Any],
    to_status: ApplicationStatus,
    values: dict[str, Any],
    event: str | None,
    reason: str | None = None,
    note: str | None = None,
) -> LoanApplication:
    """Move to `to_status` with `values`, recording the transition; with `event`, also
    the audit entry and the outbox event of that name (a disbursement has its own,
    about the loan)."""
    updated = await update_tenant_row(
        conn,
        "loan_applications",
        tenant_id=tenant_id,
        row_id=row["id"],
        actor=actor,
        values={"status": to_status.value, **values},
        returning=_COLUMNS,
    )
    assert updated is not None  # locked by the caller
    await _record(
        conn,
        tenant_id=tenant_id,
        actor=actor,
        application_id=row["id"],
        from_status=ApplicationStatus(row["status"]),
        to_status=to_status,
        reason=reason,
        note=note,
    )
    application = _model(updated)
    if event:
        await audit.record(
            conn,
            tenant_id,
            audit.Entry(
                actor=actor,
                action=AuditAction(event),
                resource_type=AuditResourceType.LOAN_APPLICATION,
                resource_id=application.id,
                currency=application.currency,
                amounts={
                    "requested": application.requested_amount,
                    "approved": application.approved_amount,
                },
                from_state=row["status"],
                to_state=to_status.value,
                reason=reason,
            ),
        )
        await emit(
            conn,
            tenant_id=tenant_id,
            type=event,
            subject_id=application.id,
            data=application.model_dump(mode="json", exclude={"documents", "purpose"}),
        )
    return application


# --------------------------------------------------------------------------- intake


async def _product(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, product_id: uuid.UUID, *, path: str
) -> asyncpg.Record:
    product = await conn.fetchrow(_PRODUCT_SQL, tenant_id, product_id)
    if product is None:
        raise invalid(FieldError(path=path, message="no such loan product", code="not_found"))
    return product


def _require_active_product(product: Mapping[str, Any]) -> None:
    if not product["active"]:
        raise conflict("The loan product is inactive.", product_id=str(product["id"]))


def _check_limits(
    product: Mapping[str, Any], amount: int, term: int, *, amount_field: str, term_field: str
) -> None:
    errors = products.limit_violations(
        product, amount, term, amount_field=amount_field, term_field=term_field
    )
    if errors:
        raise invalid(*errors)


async def create_application(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    data: LoanApplicationCreate,
) -> LoanApplication:
    product = await _product(conn, tenant_id, data.product_id, path="body.product_id")
    entrepreneur = await conn.fetchrow(
        "SELECT status FROM entrepreneurs WHERE tenant_id = $1 AND id = $2",
        tenant_id,
        data.entrepreneur_id,
    )
    if entrepreneur is None or entrepreneur["status"] != "active":
        raise invalid(
            FieldError(
                path="body.entrepreneur_id",
                message="no such entrepreneur" if entrepreneur is None else "was anonymised",
                code="not_found",
            )
        )
    _require_active_product(product)
    _check_limits(
        product,
        data.requested_amount,
        data.requested_term,
        amount_field="requested_amount",
        term_field="requested_term",
    )
    row = await insert_tenant_row(
        conn,
        "loan_applications",
        tenant_id=tenant_id,
        actor=actor,
        values={
            **data.model_dump(),
            "documents": [d.model_dump() for d in data.documents],
            "currency": product["currency"],
            "status": ApplicationStatus.DRAFT.value,
        },
        returning=_COLUMNS,
    )
    await _record(
        conn,
        tenant_id=tenant_id,
        actor=actor,
        application_id=row["id"],
        from_status=None,
        to_status=ApplicationStatus.DRAFT,
    )
    return _model(row)


async def update_application(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    application_id: uuid.UUID,
    data: LoanApplicationUpdate,
) -> LoanApplication:
    row = await _lock(conn, tenant_id, application_id)
    _require(row, "changed", ApplicationStatus.DRAFT)
    changes = data.changes()
    if "documents" in changes:
        changes["documents"] = [d.model_dump() for d in data.documents or []]
    if {"requested_amount", "requested_term"} & set(changes):
        product = await _product(conn, tenant_id, row["product_id"], path="body")
        _check_limits(
            product,
            row["requested_amount"] if data.requested_amount is None else data.requested_amount,
            row["requested_term"] if data.requested_term is None else data.requested_term,
            amount_field="requested_amount",
            term_field="requested_term",
        )
    if not changes:
        return _model(row)
    updated = await update_tenant_row(
        conn,
        "loan_applications",
        tenant_id=tenant_id,
        row_id=application_id,
        actor=actor,
        values=changes,
        returning=_COLUMNS,
    )
    assert updated is not None
    return _model(updated)


# --------------------------------------------------------------------------- underwriting


def _schedule(
    terms: Mapping[str, Any],
    *,
    amount: int,
    term: int,
    disbursement_date: date,
    first_repayment_date: date | None = None,
    path: str = "body",
) -> Schedule:
    try:
        return build_schedule(
            products.loan_terms(
                terms,
                amount=amount,
                term=term,
                disbursement_date=disbursement_date,
                first_repayment_date=first_repayment_date,
            )
        )
    except ScheduleError as exc:
        raise invalid(FieldError(path=path, message=str(exc), code="schedule")) from None


def _largest_installment(schedule: Schedule) -> int:
    return max(item.total for item in schedule.installments)


def underwrite(
    application: Mapping[str, Any], product: Mapping[str, Any], on: date
) -> dict[str, Any]:
    """Affordability of the requested loan (JSON-ready, as stored with the application)."""
    amount, term = application["requested_amount"], application["requested_term"]
    schedule = _schedule(product, amount=amount, term=term, disbursement_date=on)
    per_year = schedule.periods_per_year

    def monthly_installment_of(principal: int) -> int:
        quote = _schedule(product, amount=principal, term=term, disbursement_date=on)
        return monthly_equivalent(_largest_installment(quote), per_year)

    financials = Financials(
        monthly_revenue=application["monthly_revenue"],
        monthly_expenses=application["monthly_expenses"],
        existing_debt_payments=application["existing_debt_payments"],
    )
    recommended = max_affordable_amount(
        financials.monthly_revenue - financials.monthly_expenses,
        financials.existing_debt_payments,
        monthly_installment_of,
        min_amount=product["min_principal"],
        max_amount=product["max_principal"],
    )
    assessment = assess(
        financials,
        installment=_largest_installment(schedule),
        periods_per_year=per_year,
        requested_amount=amount,
        recommended_max_amount=recommended,
        missing_documents=[d["name"] for d in application["documents"] if not d["received"]],
    )
    result = dataclasses.asdict(assessment)
    result["dscr"] = None if assessment.dscr is None else str(assessment.dscr)
    result["minimum_dscr"] = str(MIN_DSCR)
    result["risk_band"] = assessment.risk_band.value
    result["assessed_at"] = datetime.now(UTC).isoformat()
    return result


# --------------------------------------------------------------------------- transitions


async def submit(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    application_id: uuid.UUID,
    via_group: bool = False,
) -> LoanApplication:
    """Submit a draft for a decision, computing its affordability."""
    row = await _lock_to_move(conn, tenant_id, application_id, via_group)
    _require(row, "submitted", ApplicationStatus.DRAFT)
    product = await _product(conn, tenant_id, row["product_id"], path="body")
    _require_active_product(product)
    _check_limits(
        product,
        row["requested_amount"],
        row["requested_term"],
        amount_field="requested_amount",
        term_field="requested_term",
    )
    return await _transition(
        conn,
        tenant_id=tenant_id,
        actor=actor,
        row=row,
        to_status=ApplicationStatus.SUBMITTED,
        values={
            "underwriting": underwrite(row, product, accounts.today()),
            "submitted_at": datetime.now(UTC),
            "submitted_by": actor,
        },
        event="loan_application.submitted",
    )


def _check_maker(row: Mapping[str, Any], actor: uuid.UUID) -> None:
    if row["submitted_by"] == actor:
        raise Problem(
            403,
            "Maker-checker: the API client that submitted this application cannot decide "
            "it; another client with the loans:approve scope must.",
            slug="maker-checker",
        )


async def approve(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    application_id: uuid.UUID,
    data: Approval,
    via_group: bool = False,
) -> LoanApplication:
    """Approve, possibly for another amount or term within the product's limits; the
    product's terms are frozen into the application for disbursement."""
    row = await _lock_to_move(conn, tenant_id, application_id, via_group)
    _require(row, "approved", ApplicationStatus.SUBMITTED)
    _check_maker(row, actor)
    await require_endorsements(conn, tenant_id, row)
    product = await _product(conn, tenant_id, row["product_id"], path="body")
    _require_active_product(product)
    amount = row["requested_amount"] if data.amount is None else data.amount
    term = row["requested_term"] if data.term is None else data.term
    _check_limits(product, amount, term, amount_field="amount", term_field="term")
    frozen = LoanProductCreate.model_validate(
        {field: product[field] for field in LoanProductCreate.model_fields}
    ).model_dump(mode="json")
    _schedule(frozen_terms(frozen), amount=amount, term=term, disbursement_date=accounts.today())
    return await _transition(
        conn,
        tenant_id=tenant_id,
        actor=actor,
        row=row,
        to_status=ApplicationStatus.APPROVED,
        values={
            "approved_amount": amount,
            "approved_term": term,
            "approved_terms": frozen,
            "decided_at": datetime.now(UTC),
            "decided_by": actor,
            "decision_note": data.note,
        },
        event="loan_application.approved",
        note=data.note,
    )


def frozen_terms(stored: Mapping[str, Any]) -> dict[str, Any]:
    """Product terms frozen at approval (JSON), back to the engine's typed values."""
    return LoanProductCreate.model_validate(stored).model_dump()


async def decline(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    application_id: uuid.UUID,
    data: Decline,
    via_group: bool = False,
) -> LoanApplication:
    row = await _lock_to_move(conn, tenant_id, application_id, via_group)
    _require(row, "declined", ApplicationStatus.SUBMITTED)
    _check_maker(row, actor)
    return await _transition(
        conn,
        tenant_id=tenant_id,
        actor=actor,
        row=row,
        to_status=ApplicationStatus.DECLINED,
        values={
            "decided_at": datetime.now(UTC),
            "decided_by": actor,
            "decline_reason": data.reason.value,
            "decision_note": data.note,
        },
        event="loan_application.declined",
        reason=data.reason.value,
        note=data.note,
    )


async def withdraw(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    application_id: uuid.UUID,
    note: str | None,
    via_group: bool = False,
) -> LoanApplication:
    row = await _lock_to_move(conn, tenant_id, application_id, via_group)
    _require(
        row,
        "withdrawn",
        ApplicationStatus.DRAFT,
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.APPROVED,
    )
    return await _transition(
        conn,
        tenant_id=tenant_id,
        actor=actor,
        row=row,
        to_status=ApplicationStatus.WITHDRAWN,
        values={},
        event="loan_application.withdrawn",
        note=note,
    )


async def disburse(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    application_id: uuid.UUID,
    data: Disbursement,
    via_group: bool = False,
) -> Loan:
    """Pay out an approved application: the loan account opens with the schedule built
    from the terms frozen at approval."""
    row = await _lock_to_move(conn, tenant_id, application_id, via_group)
    _require(row, "disbursed", ApplicationStatus.APPROVED)
    on = data.disbursement_date or accounts.today()
    if on > accounts.today():
        raise invalid(
            FieldError(
                path="body.disbursement_date", message="must not be in the future", code="future"
            )
        )
    terms = frozen_terms(row["approved_terms"])
    schedule = _schedule(
        terms,
        amount=row["approved_amount"],
        term=row["approved_term"],
        disbursement_date=on,
        first_repayment_date=data.first_repayment_date,
        path="body.first_repayment_date" if data.first_repayment_date else "body",
    )
    await require_funding(
        conn, tenant_id=tenant_id, actor=actor, application=row, top_up=data.tenant_top_up
    )
    loan = await accounts.open_loan(
        conn, tenant_id=tenant_id, actor=actor, application=row, terms=terms, schedule=schedule
    )
    await _transition(
        conn,
        tenant_id=tenant_id,
        actor=actor,
        row=row,
        to_status=ApplicationStatus.DISBURSED,
        values={"loan_id": loan.id},
        event=None,
    )
    await audit.record(
        conn,
        tenant_id,
        audit.Entry(
            actor=actor,
            action=AuditAction.LOAN_DISBURSED,
            resource_type=AuditResourceType.LOAN,
            resource_id=loan.id,
            currency=loan.currency,
            amounts={
                "principal": loan.principal,
                "upfront_fee": loan.upfront_fee,
                "net_disbursed": loan.net_disbursed,
            },
            to_state=loan.status.value,
            related={"application_id": row["id"]},
        ),
    )
    await emit(
        conn,
        tenant_id=tenant_id,
        type="loan.disbursed",
        subject_id=loan.id,
        data=loan.model_dump(mode="json"),
    )
    return loan


# --------------------------------------------------------------------------- reads


async def get_application(
    db: Database, *, tenant_id: uuid.UUID, application_id: uuid.UUID
) -> LoanApplication:
    row = await db.fetchrow(
        tenant_id,
        f"SELECT {_COLUMNS} FROM loan_applications "
        f"WHERE {TENANT_GATE} AND tenant_id = $1::uuid AND id = $2",
        application_id,
    )
    if row is None:
        raise not_found("Loan application")
    return _model(row)


async def list_applications(
    db: Database,
    *,
    tenant_id: uuid.UUID,
    page: PageParams,
    status: ApplicationStatus | None,
    entrepreneur_id: uuid.UUID | None,
) -> Page[LoanApplication]:
    where = Where(fixed=2)
    where.add_set(("status = {}", status), ("entrepreneur_id = {}", entrepreneur_id))
    after, after_args = keyset_clause(page, where.next)
    rows = await db.fetch(
        tenant_id,
        f"SELECT {_COLUMNS} FROM loan_applications WHERE {TENANT_GATE} "
        f"AND tenant_id = $1::uuid{where.sql()}{after} ORDER BY created_at, id LIMIT $2",
        page.limit + 1,
        *where.args,
        *after_args,
    )
    return build_page(rows, page, _model)


async def list_transitions(
    db: Database, *, tenant_id: uuid.UUID, application_id: uuid.UUID
) -> list[Transition]:
    rows = await db.fetch(
        tenant_id,
        "SELECT t.id, a.id AS application_id, t.from_status, t.to_status, t.reason, t.note, "
        "t.created_by AS actor, t.created_at AS at FROM loan_applications a "
        "LEFT JOIN loan_application_transitions t ON t.tenant_id = a.tenant_id "
        f"AND t.application_id = a.id WHERE {TENANT_GATE} AND a.tenant_id = $1::uuid "
        "AND a.id = $2 ORDER BY t.created_at, t.id",
        application_id,
    )
    if not rows:
        raise not_found("Loan application")
    return [Transition.model_validate(dict(r)) for r in rows if r["id"] is not None]
