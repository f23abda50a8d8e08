"""HTTP for loan products and quotes."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from platform_api.core.errors import error_responses
from platform_api.core.idempotency import IdempotencyKey
from platform_api.core.pagination import Page, PageParams, page_params
from platform_api.core.responses import respond, respond_json
from platform_api.core.routing import DirectRoute
from platform_api.core.types import CurrencyCode
from platform_api.loans import service
from platform_api.loans.access import Reader, Writer
from platform_api.loans.schemas import (
    LoanProduct,
    LoanProductCreate,
    LoanProductUpdate,
    ProductKind,
    Quote,
    QuoteRequest,
)

router = APIRouter(prefix="/v1/loan-products", tags=["loan products"], route_class=DirectRoute)


async def _filters(
    active: bool | None = None,
    kind: ProductKind | None = None,
    currency: CurrencyCode | None = None,
) -> service.ProductFilters:
    return service.ProductFilters(active=active, kind=kind, currency=currency)


@router.post(
    "",
    operation_id="loan_products_create",
    status_code=201,
    response_model=LoanProduct,
    responses=error_responses(409),
)
async def create_loan_product(
    payload: LoanProductCreate,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Define a loan product: its currency, interest, repayment frequency, limits, grace
    and fees. An impossible product (limits that cross, a grace as long as the shortest
    term, a deducted fee that eats the principal) is refused with the field named."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.create_product(
            conn, tenant_id=caller.tenant_id, actor=caller.client_id, data=payload
        ),
    )


@router.get("", operation_id="loan_products_list", response_model=Page[LoanProduct])
async def list_loan_products(
    caller: Reader,
    page: Annotated[PageParams, Depends(page_params)],
    filters: Annotated[service.ProductFilters, Depends(_filters)],
) -> Response:
    """Loan products, oldest first, filtered by active flag, kind and currency."""
    return respond(
        await service.list_products(
            caller.db, tenant_id=caller.tenant_id, page=page, filters=filters
        )
    )


@router.get("/{product_id}", operation_id="loan_products_get", response_model=LoanProduct)
async def get_loan_product(product_id: uuid.UUID, caller: Reader) -> Response:
    """One loan product."""
    return respond(
        await service.get_product(caller.db, tenant_id=caller.tenant_id, product_id=product_id)
    )


@router.patch(
    "/{product_id}",
    operation_id="loan_products_update",
    response_model=LoanProduct,
    responses=error_responses(409),
)
async def update_loan_product(
    product_id: uuid.UUID, payload: LoanProductUpdate, caller: Writer
) -> Response:
    """Change some terms (or set `active: false` to retire the product); the product as a
    whole must stay valid. Quotes already given are not affected."""
    async with caller.db.transaction(caller.tenant_id) as conn:
        product = await service.update_product(
            conn,
            tenant_id=caller.tenant_id,
            product_id=product_id,
            actor=caller.client_id,
            data=payload,
        )
    return respond(product)


@router.post(
    "/{product_id}/quote",
    operation_id="loan_products_quote",
    response_model=Quote,
    responses=error_responses(409),
)
async def quote_loan_product(
    product_id: uuid.UUID, payload: QuoteRequest, caller: Reader
) -> Response:
    """The full repayment schedule for an amount and term, with totals and the true cost
    (APR and effective annual rate from the actual cash flows, fees included). Nothing
    is stored; an amount or term outside the product's limits is 422 naming the limit;
    an inactive product is 409."""
    return respond_json(
        await service.quote(
            caller.db, tenant_id=caller.tenant_id, product_id=product_id, request=payload
        )
    )
