"""Loan products and quotes. Reads are one round trip (TENANT_GATE); writes run in a
tenant transaction; the schedule math is `loans.schedule`, pure."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import asyncpg
from pydantic import ValidationError

from platform_api.core.db import (
    TENANT_GATE,
    Database,
    insert_tenant_row,
    update_tenant_row,
)
from platform_api.core.errors import FieldError, conflict, invalid, not_found
from platform_api.core.money import div_round_half_even
from platform_api.core.pagination import Page, PageParams, Where, build_page, keyset_clause
from platform_api.core.types import plain_decimal
from platform_api.loans.schedule import (
    FrequencyUnit,
    LoanTerms,
    ScheduleError,
    UpfrontFeeMode,
    build_schedule,
)
from platform_api.loans.schemas import (
    LoanProduct,
    LoanProductCreate,
    LoanProductUpdate,
    ProductKind,
    QuoteRequest,
)

_FIELDS = tuple(LoanProductCreate.model_fields)
_COLUMNS = ", ".join(("id", *_FIELDS, "created_at", "updated_at"))
_GET_SQL = (
    f"SELECT {_COLUMNS} FROM loan_products WHERE {TENANT_GATE} AND tenant_id = $1::uuid AND id = $2"
)
#: The longest loan a product may allow: beyond this a term is a typo, not a product.
MAX_LOAN_YEARS = 30
_ENGINE_TO_QUOTE_FIELD = {
    "principal": "amount",
    "number_of_installments": "term",
    "disbursement_date": "disbursement_date",
    "first_repayment_date": "first_repayment_date",
}


@dataclass(frozen=True)
class ProductFilters:
    active: bool | None = None
    kind: ProductKind | None = None
    currency: str | None = None


def _model(row: asyncpg.Record) -> LoanProduct:
    return LoanProduct.model_validate(dict(row))


def _duplicate_name() -> Exception:
    return conflict("Another loan product of this tenant already has this name.")


def _loan_years(product: LoanProductCreate, term: int) -> float:
    per_year = {FrequencyUnit.DAYS: 365, FrequencyUnit.WEEKS: 52, FrequencyUnit.MONTHS: 12}
    return term * product.repayment_every / per_year[product.repayment_unit]


def loan_terms(
    product: Mapping[str, Any],
    *,
    amount: int,
    term: int,
    disbursement_date: date,
    first_repayment_date: date | None = None,
) -> LoanTerms:
    """The engine's input for one loan of a product (its fields, from a validated model or
    a stored row). Raises ScheduleError."""
    return LoanTerms(
        principal=amount,
        currency=product["currency"],
        annual_rate=product["annual_rate"],
        number_of_installments=term,
        disbursement_date=disbursement_date,
        first_repayment_date=first_repayment_date,
        interest_method=product["interest_method"],
        repayment_every=product["repayment_every"],
        repayment_unit=product["repayment_unit"],
        day_count=product["day_count"],
        interest_calculation=product["interest_calculation"],
        grace_on_principal=product["grace_on_principal"],
        grace_on_interest_payment=product["grace_on_interest_payment"],
        grace_interest_free=product["grace_interest_free"],
        upfront_fee_flat=product["upfront_fee_flat"],
        upfront_fee_percent=product["upfront_fee_rate"],
        upfront_fee_mode=product["upfront_fee_mode"],
        installment_fee=product["installment_fee"],
        installment_multiple_of=product["installment_multiple_of"],
    )


def product_violations(product: LoanProductCreate) -> list[FieldError]:
    """Rules across fields that make a product impossible, each naming its field."""
    errors: list[FieldError] = []

    def require(ok: bool, field: str, message: str) -> None:
        if not ok:
            errors.append(FieldError(path=f"body.{field}", message=message, code="product_rule"))

    for kind in ("principal", "term"):
        low, high, default = (getattr(product, f"{b}_{kind}") for b in ("min", "max", "default"))
        require(low <= high, f"max_{kind}", f"must be at least min_{kind} ({low})")
        require(
            low <= default <= high,
            f"default_{kind}",
            f"must be between min_{kind} ({low}) and max_{kind} ({high})",
        )
    for grace in ("grace_on_principal", "grace_on_interest_payment", "grace_interest_free"):
        require(
            getattr(product, grace) < product.min_term,
            grace,
            f"must be smaller than min_term ({product.min_term})",
        )
    require(
        _loan_years(product, product.max_term) <= MAX_LOAN_YEARS,
        "max_term",
        f"the longest loan must end within {MAX_LOAN_YEARS} years",
    )
    if product.upfront_fee_mode is UpfrontFeeMode.DEDUCTED:
        smallest = product.min_principal
        numerator, denominator = product.upfront_fee_rate.as_integer_ratio()
        fee = product.upfront_fee_flat + div_round_half_even(smallest * numerator, denominator)
        require(
            fee < smallest,
            "upfront_fee_flat" if product.upfront_fee_flat else "upfront_fee_rate",
            f"a deducted upfront fee must be smaller than min_principal ({smallest})",
        )
    if not errors:
        # Anything else the engine refuses, at both ends of the limits.
        fields = product.model_dump()
        for amount in (product.min_principal, product.max_principal):
            try:
                loan_terms(
                    fields, amount=amount, term=product.max_term, disbursement_date=date.today()
                )
            except ScheduleError as exc:
                errors.append(FieldError(path="body", message=str(exc), code="product_rule"))
                break
    return errors


def _validated(product: LoanProductCreate) -> LoanProductCreate:
    errors = product_violations(product)
    if errors:
        raise invalid(*errors)
    return product


async def create_product(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, actor: uuid.UUID, data: LoanProductCreate
) -> LoanProduct:
    try:
        row = await insert_tenant_row(
            conn,
            "loan_products",
            tenant_id=tenant_id,
            actor=actor,
            values=_validated(data).model_dump(),
            returning=_COLUMNS,
        )
    except asyncpg.UniqueViolationError:
        raise _duplicate_name() from None
    return _model(row)


async def get_product(db: Database, *, tenant_id: uuid.UUID, product_id: uuid.UUID) -> LoanProduct:
    row = await db.fetchrow(tenant_id, _GET_SQL, product_id)
    if row is None:
        raise not_found("Loan product")
    return _model(row)


async def list_products(
    db: Database, *, tenant_id: uuid.UUID, page: PageParams, filters: ProductFilters
) -> Page[LoanProduct]:
    where = Where(fixed=2)
    where.add_set(
        ("active = {}", filters.active),
        ("kind = {}", filters.kind),
        ("currency = {}", filters.currency),
    )
    after, after_args = keyset_clause(page, where.next)
    rows = await db.fetch(
        tenant_id,
        f"SELECT {_COLUMNS} FROM loan_products WHERE {TENANT_GATE} AND tenant_id = $1::uuid"
        f"{where.sql()}{after} ORDER BY created_at, id LIMIT $2",
        page.limit + 1,
        *where.args,
        *after_args,
    )
    return build_page(rows, page, _model)


async def update_product(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    product_id: uuid.UUID,
    actor: uuid.UUID,
    data: LoanProductUpdate,
) -> LoanProduct:
    """Apply the changes, then validate the whole product as if it were new."""
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS} FROM loan_products WHERE tenant_id = $1 AND id = $2 FOR UPDATE",
        tenant_id,
        product_id,
    )
    if row is None:
        raise not_found("Loan product")
    changes = data.changes()
    merged = {field: row[field] for field in _FIELDS} | changes
    try:
        product = _validated(LoanProductCreate.model_validate(merged))
    except ValidationError as exc:  # pragma: no cover - each field was validated already
        raise invalid(
            *(FieldError(path="body", message=e["msg"], code=e["type"]) for e in exc.errors())
        ) from None
    try:
        updated = await update_tenant_row(
            conn,
            "loan_products",
            tenant_id=tenant_id,
            row_id=product_id,
            actor=actor,
            values=product.model_dump(include=set(changes)),
            returning=_COLUMNS,
        )
    except asyncpg.UniqueViolationError:
        raise _duplicate_name() from None
    return _model(updated)


def limit_violations(
    product: Mapping[str, Any],
    amount: int,
    term: int,
    *,
    amount_field: str = "amount",
    term_field: str = "term",
) -> list[FieldError]:
    """An amount or term outside the product's limits, each naming the limit it breaks."""
    errors = []
    for field, value, limit in ((amount_field, amount, "principal"), (term_field, term, "term")):
        low, high = product[f"min_{limit}"], product[f"max_{limit}"]
        if value < low:
            message, code = f"must be at least min_{limit} ({low})", "greater_than_equal"
        elif value > high:
            message, code = f"must be at most max_{limit} ({high})", "less_than_equal"
        else:
            continue
        errors.append(FieldError(path=f"body.{field}", message=message, code=code))
    return errors


def _engine_error(exc: ScheduleError) -> FieldError:
    field = _ENGINE_TO_QUOTE_FIELD.get(str(exc).split(" ", 1)[0])
    return FieldError(path=f"body.{field}" if field else "body", message=str(exc), code="schedule")


async def quote(
    db: Database, *, tenant_id: uuid.UUID, product_id: uuid.UUID, request: QuoteRequest
) -> dict[str, Any]:
    """The `Quote` for one amount and term, JSON-ready. Built from the stored row and the
    engine's dataclasses directly (orjson writes them), not through pydantic models: a
    quote is the hot path of every loan officer's screen, and the row was validated
    when it was written."""
    product = await db.fetchrow(tenant_id, _GET_SQL, product_id)
    if product is None:
        raise not_found("Loan product")
    if not product["active"]:
        raise conflict("This loan product is inactive and cannot be quoted.", active=False)
    amount = product["default_principal"] if request.amount is None else request.amount
    term = product["default_term"] if request.term is None else request.term
    errors = limit_violations(product, amount, term)
    if errors:
        raise invalid(*errors)
    try:
        schedule = build_schedule(
            loan_terms(
                product,
                amount=amount,
                term=term,
                disbursement_date=request.disbursement_date,
                first_repayment_date=request.first_repayment_date,
            )
        )
    except ScheduleError as exc:
        raise invalid(_engine_error(exc)) from None
    return {
        "product_id": product_id,
        "currency": product["currency"],
        "amount": amount,
        "term": term,
        "disbursement_date": request.disbursement_date,
        "first_repayment_date": schedule.installments[0].due_date,
        "interest_method": product["interest_method"],
        "annual_rate": format(plain_decimal(product["annual_rate"]), "f"),
        "upfront_fee": schedule.upfront_fee,
        "net_disbursed": schedule.net_disbursed,
        "total_principal": schedule.total_principal,
        "total_interest": schedule.total_interest,
        "total_fees": schedule.total_fees,
        "total_repayable": schedule.total_repayable,
        "finance_charge": schedule.finance_charge,
        "apr": format(schedule.true_cost.apr, "f"),
        "eir": format(schedule.true_cost.eir, "f"),
        "installments": schedule.installments,
    }
