"""Social underwriting and crowd-funding.

Trustees (named people or organisations) endorse applications; a product may require N
endorsements before approval (checked by loan origination, `social.gates`); each
trustee's track record is computed from the loans they endorsed (`track_record`, pure).

Lenders commit amounts to an application until it is fully funded; disbursement waits
for that, or for the tenant to fund the rest (`social.gates`). What each funder gets
back is derived from the loan when read (`shares`, pure): the repayment path writes
nothing for it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

import asyncpg

from platform_api.core.db import TENANT_GATE, Database, insert_tenant_row
from platform_api.core.errors import FieldError, conflict, invalid, not_found
from platform_api.core.pagination import Page, PageParams, build_page, keyset_clause
from platform_api.loans import ledger
from platform_api.loans.accounts import service as accounts
from platform_api.loans.balances import LOAN_OUTSTANDING_SQL
from platform_api.loans.social import gates, shares
from platform_api.loans.social.schemas import (
    Commitment,
    CommitmentCreate,
    Endorsement,
    EndorsementCreate,
    EndorsementRule,
    EndorsementRuleUpdate,
    FunderKind,
    LenderPortfolio,
    PortfolioLoan,
    PortfolioTotals,
    TrackRecord,
    Trustee,
    TrusteeCreate,
)
from platform_api.loans.social.track_record import EndorsedLoan, track_record
from platform_api.matching import service as matching

# --------------------------------------------------------------------------- trustees

#: Trustees (chosen by the caller's WHERE on `t`) with each loan they endorsed.
_TRUSTEE_SQL = f"""
SELECT t.id, t.name, t.kind, t.external_ref, t.created_at,
       (SELECT count(*) FROM loan_endorsements c
        WHERE c.tenant_id = t.tenant_id AND c.trustee_id = t.id) AS endorsements,
       l.status, l.principal, l.principal_paid, l.principal_written_off, l.behind_since,
       l.arrears_tolerance_days
FROM trustees t
LEFT JOIN (loan_endorsements e
           JOIN loans l ON l.tenant_id = e.tenant_id AND l.application_id = e.application_id)
  ON e.tenant_id = t.tenant_id AND e.trustee_id = t.id
WHERE {TENANT_GATE} AND t.tenant_id = $1::uuid AND {{where}}
ORDER BY t.created_at, t.id
"""


def _trustees(rows: Sequence[Mapping[str, Any]]) -> list[Trustee]:
    as_of = accounts.today()
    grouped: dict[uuid.UUID, list[Mapping[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row["id"], []).append(row)
    result = []
    for loans in grouped.values():
        first = loans[0]
        endorsed = [
            EndorsedLoan(
                status=row["status"],
                principal=row["principal"],
                principal_paid=row["principal_paid"],
                principal_written_off=row["principal_written_off"],
                days_past_due=ledger.days_past_due(
                    row["behind_since"], as_of, row["arrears_tolerance_days"]
                )
                if row["status"] == "active"
                else 0,
            )
            for row in loans
            if row["status"] is not None
        ]
        record = track_record(first["endorsements"], endorsed)
        result.append(
            Trustee(
                id=first["id"],
                name=first["name"],
                kind=first["kind"],
                external_ref=first["external_ref"],
                track_record=TrackRecord.model_validate(record, from_attributes=True),
                as_of=as_of,
                created_at=first["created_at"],
            )
        )
    return result


async def create_trustee(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, actor: uuid.UUID, data: TrusteeCreate
) -> Trustee:
    try:
        row = await insert_tenant_row(
            conn,
            "trustees",
            tenant_id=tenant_id,
            actor=actor,
            values=data.model_dump(),
            returning="id",
        )
    except asyncpg.UniqueViolationError:
        raise conflict("Another trustee of this tenant already has this external_ref.") from None
    rows = await conn.fetch(_TRUSTEE_SQL.format(where="t.id = $2"), str(tenant_id), row["id"])
    return _trustees(rows)[0]


async def get_trustee(db: Database, *, tenant_id: uuid.UUID, trustee_id: uuid.UUID) -> Trustee:
    trustees = _trustees(
        await db.fetch(tenant_id, _TRUSTEE_SQL.format(where="t.id = $2"), trustee_id)
    )
    if not trustees:
        raise not_found("Trustee")
    return trustees[0]


async def list_trustees(db: Database, *, tenant_id: uuid.UUID, page: PageParams) -> Page[Trustee]:
    after, after_args = keyset_clause(page, 3)
    rows = await db.fetch(
        tenant_id,
        f"SELECT id, created_at FROM trustees WHERE {TENANT_GATE} AND tenant_id = $1::uuid"
        f"{after} ORDER BY created_at, id LIMIT $2",
        page.limit + 1,
        *after_args,
    )
    ids = [row["id"] for row in rows[: page.limit]]
    trustees = {
        t.id: t
        for t in _trustees(
            await db.fetch(tenant_id, _TRUSTEE_SQL.format(where="t.id = ANY($2::uuid[])"), ids)
        )
    }
    return build_page(rows, page, lambda row: trustees[row["id"]])


# --------------------------------------------------------------------------- endorsements

_ENDORSEMENT_COLUMNS = (
    "e.id, e.application_id, e.trustee_id, t.name AS trustee_name, e.relationship, "
    "e.years_known, e.statement, e.created_at, e.created_by"
)


async def _application(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, application_id: uuid.UUID
) -> asyncpg.Record:
    """The application, locked against a concurrent decision or disbursement."""
    row = await conn.fetchrow(
        "SELECT id, status, currency, requested_amount, approved_amount FROM loan_applications "
        "WHERE tenant_id = $1 AND id = $2 FOR UPDATE",
        tenant_id,
        application_id,
    )
    if row is None:
        raise not_found("Loan application")
    return row


def _require_open(application: Mapping[str, Any], action: str, *allowed: str) -> None:
    if application["status"] not in allowed:
        raise conflict(
            f"This application is {application['status']}; {action} needs a "
            f"{' or '.join(allowed)} application.",
            current_status=application["status"],
        )


async def endorse(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    application_id: uuid.UUID,
    data: EndorsementCreate,
) -> Endorsement:
    """A trustee vouches for an application before it is decided."""
    application = await _application(conn, tenant_id, application_id)
    _require_open(application, "an endorsement", "draft", "submitted")
    trustee = await conn.fetchval(
        "SELECT name FROM trustees WHERE tenant_id = $1 AND id = $2", tenant_id, data.trustee_id
    )
    if trustee is None:
        raise invalid(
            FieldError(path="body.trustee_id", message="no such trustee", code="not_found")
        )
    try:
        row = await conn.fetchrow(
            "INSERT INTO loan_endorsements (tenant_id, id, created_by, application_id, "
            "trustee_id, relationship, years_known, statement) "
            "VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7) "
            "RETURNING id, application_id, trustee_id, relationship, years_known, statement, "
            "created_at, created_by",
            tenant_id,
            actor,
            application_id,
            data.trustee_id,
            data.relationship,
            data.years_known,
            data.statement,
        )
    except asyncpg.UniqueViolationError:
        raise conflict(
            "This trustee already endorsed this application.", trustee_id=str(data.trustee_id)
        ) from None
    return Endorsement(**dict(row), trustee_name=trustee)


async def list_endorsements(
    db: Database, *, tenant_id: uuid.UUID, application_id: uuid.UUID, page: PageParams
) -> Page[Endorsement]:
    after, after_args = keyset_clause(page, 4, alias="e")
    rows = await db.fetch(
        tenant_id,
        f"SELECT a.id AS application, {_ENDORSEMENT_COLUMNS} FROM loan_applications a "
        "LEFT JOIN (loan_endorsements e JOIN trustees t "
        "ON t.tenant_id = e.tenant_id AND t.id = e.trustee_id) "
        f"ON e.tenant_id = a.tenant_id AND e.application_id = a.id{after} "
        f"WHERE {TENANT_GATE} AND a.tenant_id = $1::uuid AND a.id = $2 "
        "ORDER BY e.created_at, e.id LIMIT $3",
        application_id,
        page.limit + 1,
        *after_args,
    )
    if not rows:
        raise not_found("Loan application")
    return build_page(
        [r for r in rows if r["id"] is not None],
        page,
        lambda r: Endorsement.model_validate({k: v for k, v in r.items() if k != "application"}),
    )


async def get_rule(db: Database, *, tenant_id: uuid.UUID, product_id: uuid.UUID) -> EndorsementRule:
    row = await db.fetchrow(
        tenant_id,
        "SELECT p.id, r.required_endorsements, r.updated_at FROM loan_products p "
        "LEFT JOIN endorsement_rules r ON r.tenant_id = p.tenant_id AND r.product_id = p.id "
        f"WHERE {TENANT_GATE} AND p.tenant_id = $1::uuid AND p.id = $2",
        product_id,
    )
    if row is None:
        raise not_found("Loan product")
    return EndorsementRule(
        product_id=row["id"],
        required_endorsements=row["required_endorsements"] or 0,
        updated_at=row["updated_at"],
    )


async def set_rule(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    product_id: uuid.UUID,
    data: EndorsementRuleUpdate,
) -> EndorsementRule:
    exists = await conn.fetchval(
        "SELECT true FROM loan_products WHERE tenant_id = $1 AND id = $2", tenant_id, product_id
    )
    if not exists:
        raise not_found("Loan product")
    row = await conn.fetchrow(
        "INSERT INTO endorsement_rules (tenant_id, id, created_by, updated_by, product_id, "
        "required_endorsements) VALUES ($1, gen_random_uuid(), $2, $2, $3, $4) "
        "ON CONFLICT (tenant_id, product_id) DO UPDATE SET "
        "required_endorsements = excluded.required_endorsements, updated_at = now(), "
        "updated_by = excluded.updated_by RETURNING required_endorsements, updated_at",
        tenant_id,
        actor,
        product_id,
        data.required_endorsements,
    )
    return EndorsementRule(
        product_id=product_id,
        required_endorsements=row["required_endorsements"],
        updated_at=row["updated_at"],
    )


# --------------------------------------------------------------------------- crowd-funding

_COMMITMENT_COLUMNS = (
    "c.id, c.application_id, c.lender_id, c.amount, c.currency, c.created_at, c.created_by"
)


#: Looked up once: `model_fields` is a property that costs a microsecond a call.
_COMMITMENT_FIELDS = frozenset(Commitment.model_fields)


def _commitment(row: Mapping[str, Any]) -> Commitment:
    values = {k: v for k, v in row.items() if k in _COMMITMENT_FIELDS}
    funder = FunderKind.TENANT if row["lender_id"] is None else FunderKind.LENDER
    return Commitment(**values, funder=funder)


async def commit(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    application_id: uuid.UUID,
    data: CommitmentCreate,
) -> Commitment:
    """A lender funds part of an application, up to what remains to be funded (the
    approved amount once approved, else the requested one)."""
    application = await _application(conn, tenant_id, application_id)
    _require_open(application, "a funding commitment", "draft", "submitted", "approved")
    lender = await conn.fetchrow(
        "SELECT status, currencies FROM lenders WHERE tenant_id = $1 AND id = $2",
        tenant_id,
        data.lender_id,
    )
    currency = application["currency"]
    if lender is None or lender["status"] != "active" or currency not in lender["currencies"]:
        message = (
            "no such lender"
            if lender is None
            else "is inactive"
            if lender["status"] != "active"
            else f"has no funds in {currency}"
        )
        raise invalid(FieldError(path="body.lender_id", message=message, code="lender"))
    target = application["approved_amount"] or application["requested_amount"]
    remaining = target - await gates.committed(conn, tenant_id, application_id)
    if remaining <= 0:
        raise conflict("This application is fully funded.", committed=target)
    if data.amount > remaining:
        raise invalid(
            FieldError(
                path="body.amount",
                message=f"exceeds what remains to be funded ({remaining})",
                code="exceeds_remaining",
            )
        )
    try:
        row = await conn.fetchrow(
            "INSERT INTO loan_funding_commitments AS c (tenant_id, id, created_by, application_id, "
            "lender_id, amount, currency) VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6) "
            f"RETURNING {_COMMITMENT_COLUMNS}",
            tenant_id,
            actor,
            application_id,
            data.lender_id,
            data.amount,
            currency,
        )
    except asyncpg.UniqueViolationError:
        raise conflict(
            "This lender already committed to this application.", lender_id=str(data.lender_id)
        ) from None
    await gates.audit_commitment(
        conn,
        tenant_id=tenant_id,
        actor=actor,
        application=application,
        commitment_id=row["id"],
        lender_id=data.lender_id,
        amount=data.amount,
    )
    if data.amount == remaining:
        await gates.announce_fully_funded(conn, tenant_id, application, target)
    return _commitment(row)


async def list_commitments(
    db: Database, *, tenant_id: uuid.UUID, application_id: uuid.UUID, page: PageParams
) -> Page[Commitment]:
    after, after_args = keyset_clause(page, 4, alias="c")
    rows = await db.fetch(
        tenant_id,
        f"SELECT a.id AS application, {_COMMITMENT_COLUMNS} FROM loan_applications a "
        "LEFT JOIN loan_funding_commitments c "
        f"ON c.tenant_id = a.tenant_id AND c.application_id = a.id{after} "
        f"WHERE {TENANT_GATE} AND a.tenant_id = $1::uuid AND a.id = $2 "
        "ORDER BY c.created_at, c.id LIMIT $3",
        application_id,
        page.limit + 1,
        *after_args,
    )
    if not rows:
        raise not_found("Loan application")
    return build_page([r for r in rows if r["id"] is not None], page, _commitment)


_FUNDING_SQL = """
SELECT c.application_id, c.lender_id, c.amount
FROM loan_funding_commitments c
WHERE c.tenant_id = $1 AND c.application_id = ANY($2::uuid[])
ORDER BY c.application_id, c.created_at, c.id
"""
_POSTED_SQL = """
SELECT r.loan_id, r.id, r.amount, r.paid_on FROM loan_repayments r
WHERE r.tenant_id = $1 AND r.loan_id = ANY($2::uuid[]) AND r.status = 'posted'
ORDER BY r.loan_id, r.sequence
"""


def _by(rows: Sequence[Mapping[str, Any]], key: str) -> dict[Any, list[Mapping[str, Any]]]:
    grouped: dict[Any, list[Mapping[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row)
    return grouped


_LOAN_FUNDING_SQL = f"""
SELECT l.application_id, l.currency, l.status, l.principal_written_off,
       {LOAN_OUTSTANDING_SQL} AS outstanding,
       ARRAY(SELECT c.lender_id FROM loan_funding_commitments c WHERE c.tenant_id = l.tenant_id
             AND c.application_id = l.application_id ORDER BY c.created_at, c.id) AS lenders,
       ARRAY(SELECT c.amount FROM loan_funding_commitments c WHERE c.tenant_id = l.tenant_id
             AND c.application_id = l.application_id ORDER BY c.created_at, c.id) AS committed,
       ARRAY(SELECT r.id FROM loan_repayments r WHERE r.tenant_id = l.tenant_id
             AND r.loan_id = l.id AND r.status = 'posted' ORDER BY r.sequence) AS repayments,
       ARRAY(SELECT r.amount FROM loan_repayments r WHERE r.tenant_id = l.tenant_id
             AND r.loan_id = l.id AND r.status = 'posted' ORDER BY r.sequence) AS amounts,
       ARRAY(SELECT r.paid_on FROM loan_repayments r WHERE r.tenant_id = l.tenant_id
             AND r.loan_id = l.id AND r.status = 'posted' ORDER BY r.sequence) AS paid_on
FROM loans l WHERE {TENANT_GATE} AND l.tenant_id = $1::uuid AND l.id = $2
"""


async def loan_funding(db: Database, *, tenant_id: uuid.UUID, loan_id: uuid.UUID) -> dict[str, Any]:
    """Each funder's share of every posted repayment, of the outstanding balance and of
    what was written off, in one read; JSON-ready in the shape of `LoanFunding` (asyncpg's
    UUIDs as text: orjson only knows the standard ones)."""
    row = await db.fetchrow(tenant_id, _LOAN_FUNDING_SQL, loan_id)
    if row is None:
        raise not_found("Loan")
    if not row["committed"]:
        raise not_found("Crowd-funding of this loan")
    distribution = shares.distribute(
        row["committed"],
        row["amounts"],
        outstanding=row["outstanding"],
        lost=row["principal_written_off"],
    )
    return {
        "loan_id": loan_id,
        "application_id": str(row["application_id"]),
        "currency": row["currency"],
        "status": row["status"],
        "funders": [
            {
                "funder": FunderKind.LENDER if lender else FunderKind.TENANT,
                "lender_id": lender and str(lender),
                "committed": committed,
                "repaid": share.repaid,
                "outstanding": share.outstanding,
                "lost": share.lost,
            }
            for lender, committed, share in zip(
                row["lenders"], row["committed"], distribution.funders, strict=True
            )
        ],
        "repayments": [
            {"repayment_id": str(rid), "amount": amount, "paid_on": paid_on, "parts": parts}
            for rid, amount, paid_on, parts in zip(
                row["repayments"],
                row["amounts"],
                row["paid_on"],
                distribution.repayment_splits,
                strict=True,
            )
        ],
        "as_of": accounts.today(),
    }


async def lender_portfolio(
    db: Database, *, tenant_id: uuid.UUID, lender_id: uuid.UUID
) -> LenderPortfolio:
    """The lender's share of every application it committed to: repaid, outstanding and
    lost, per loan and per currency."""
    await matching.get_lender(db, tenant_id=tenant_id, lender_id=lender_id)
    async with db.transaction(tenant_id) as conn:
        own = await conn.fetch(
            "SELECT c.application_id, c.amount, a.status, a.currency, a.loan_id "
            "FROM loan_funding_commitments c JOIN loan_applications a "
            "ON a.tenant_id = c.tenant_id AND a.id = c.application_id "
            "WHERE c.tenant_id = $1 AND c.lender_id = $2 ORDER BY c.created_at, c.id",
            tenant_id,
            lender_id,
        )
        applications = [row["application_id"] for row in own]
        loan_ids = [row["loan_id"] for row in own if row["loan_id"] is not None]
        commitments = _by(await conn.fetch(_FUNDING_SQL, tenant_id, applications), "application_id")
        repayments = _by(await conn.fetch(_POSTED_SQL, tenant_id, loan_ids), "loan_id")
        loans = {
            row["id"]: row
            for row in await conn.fetch(
                f"SELECT l.id, l.status, l.principal_written_off, {LOAN_OUTSTANDING_SQL} "
                "AS outstanding FROM loans l WHERE l.tenant_id = $1 AND l.id = ANY($2::uuid[])",
                tenant_id,
                loan_ids,
            )
        }
    items = []
    totals: dict[str, PortfolioTotals] = {}
    for row in own:
        funders = commitments[row["application_id"]]
        mine = next(n for n, c in enumerate(funders) if c["lender_id"] == lender_id)
        loan = loans.get(row["loan_id"])
        share = shares.distribute(
            [c["amount"] for c in funders],
            [r["amount"] for r in repayments.get(row["loan_id"], [])],
            outstanding=0 if loan is None else loan["outstanding"],
            lost=0 if loan is None else loan["principal_written_off"],
        ).funders[mine]
        outstanding = share.outstanding
        items.append(
            PortfolioLoan(
                application_id=row["application_id"],
                application_status=row["status"],
                loan_id=row["loan_id"],
                loan_status=None if loan is None else loan["status"],
                currency=row["currency"],
                committed=row["amount"],
                total_funded=sum(c["amount"] for c in funders),
                repaid=share.repaid,
                outstanding=outstanding,
                lost=share.lost,
            )
        )
        total = totals.setdefault(
            row["currency"],
            PortfolioTotals(currency=row["currency"], committed=0, repaid=0, outstanding=0, lost=0),
        )
        total.committed += row["amount"]
        total.repaid += share.repaid
        total.outstanding += outstanding
        total.lost += share.lost
    return LenderPortfolio(
        lender_id=lender_id,
        as_of=accounts.today(),
        totals=[totals[c] for c in sorted(totals)],
        loans=items,
    )
