"""HTTP for reports: JSON, or CSV with `Accept: text/csv`.

Readers: a tenant's client with `reports:read` (its own tenant), a funder's client with
`funder:reports` (tenants whose grant is live at the time of the request), the operator
(every tenant). A tenant outside the caller's reach is 404."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel

from platform_api.auth.dependencies import AnyPrincipal
from platform_api.auth.principals import PrincipalKind
from platform_api.core.db import DbDep, ReportDbDep
from platform_api.core.errors import FieldError, error_responses, invalid
from platform_api.reporting import service
from platform_api.reporting.schemas import (
    GroupBy,
    ImpactReport,
    PortfolioReport,
    UsagePeriod,
    UsageReport,
)

router = APIRouter(prefix="/v1/reports", tags=["reports"])

#: The longest range one report may span (its cost grows with it).
MAX_RANGE_DAYS = 366 * 5
_CSV = "text/csv"

From = Annotated[
    date | None,
    Query(
        alias="from",
        description="First day (inclusive). Default: the first day of the month eleven "
        "months before `to`'s.",
    ),
]
To = Annotated[
    date | None, Query(alias="to", description="Last day (inclusive). Default: today (UTC).")
]
Tenants = Annotated[
    list[uuid.UUID] | None,
    Query(
        alias="tenant_id",
        max_length=100,
        description="Only these tenants (repeatable); each must be readable by the caller.",
    ),
]
_RESPONSES: dict[int | str, dict[str, Any]] = {
    **error_responses(401, 403, 404, 422),
    200: {"content": {_CSV: {"schema": {"type": "string"}}}},
}


def _range(start: date | None, end: date | None) -> tuple[date, date]:
    end = end or datetime.now(UTC).date()
    if start is None:
        month = end.year * 12 + end.month - 1 - 11
        start = date(month // 12, month % 12 + 1, 1)
    if start > end:
        raise invalid(FieldError(path="query.from", message="must not be after `to`", code="range"))
    if end - start > timedelta(days=MAX_RANGE_DAYS):
        raise invalid(
            FieldError(
                path="query.from",
                message=f"at most {MAX_RANGE_DAYS} days before `to`",
                code="range",
            )
        )
    return start, end


def _wants_csv(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return any(part.split(";", 1)[0].strip() == _CSV for part in accept.split(","))


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _answer(request: Request, report: BaseModel, rows: list[BaseModel]) -> Response:
    """The report as JSON (absent fields left out), or its rows as CSV: one column per
    field present in any row, empty cells for nulls."""
    if not _wants_csv(request):
        return Response(report.model_dump_json(exclude_unset=True), media_type="application/json")
    dumped = [row.model_dump(exclude_unset=True) for row in rows]
    present = {name for row in dumped for name in row}
    columns = [name for name in type(rows[0]).model_fields if name in present] if rows else []
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in dumped:
        writer.writerow([_csv_cell(row.get(name)) for name in columns])
    return Response(buffer.getvalue(), media_type=f"{_CSV}; charset=utf-8")


async def _scope(
    db: DbDep,
    principal: AnyPrincipal,
    start: date | None,
    end: date | None,
    group_by: list[GroupBy] | None,
    tenant_ids: list[uuid.UUID] | None,
) -> service.Scope:
    first, last = _range(start, end)
    readable = await service.readable_tenants(db, principal, tenant_ids)
    return service.Scope(first, last, frozenset(group_by or ()), readable)


GroupByQuery = Annotated[
    list[GroupBy] | None,
    Query(
        max_length=2,
        description="`month` and/or `tenant` (repeatable); none: one group for the range.",
    ),
]


@router.get(
    "/impact",
    operation_id="reports_impact",
    response_model=ImpactReport,
    response_model_exclude_unset=True,
    responses=_RESPONSES,
)
async def impact(
    request: Request,
    db: DbDep,
    report_db: ReportDbDep,
    principal: AnyPrincipal,
    start: From = None,
    end: To = None,
    group_by: GroupByQuery = None,
    tenant_ids: Tenants = None,
) -> Response:
    """Reach, engagement and outcomes (earning rate before vs now), broken down by gender
    and age band, small cells suppressed."""
    scope = await _scope(db, principal, start, end, group_by, tenant_ids)
    report = await service.impact_report(report_db, scope)
    return _answer(request, report, list(report.data))


@router.get(
    "/portfolio",
    operation_id="reports_portfolio",
    response_model=PortfolioReport,
    response_model_exclude_unset=True,
    responses=_RESPONSES,
)
async def portfolio(
    request: Request,
    db: DbDep,
    report_db: ReportDbDep,
    principal: AnyPrincipal,
    start: From = None,
    end: To = None,
    group_by: GroupByQuery = None,
    tenant_ids: Tenants = None,
) -> Response:
    """Loans disbursed and outstanding, repayment rate, PAR30 and write-offs per currency,
    broken down by gender and age band, small cells suppressed."""
    scope = await _scope(db, principal, start, end, group_by, tenant_ids)
    report = await service.portfolio_report(report_db, scope)
    return _answer(request, report, list(report.data))


@router.get(
    "/usage",
    operation_id="reports_usage",
    response_model=UsageReport,
    responses=_RESPONSES,
)
async def usage(
    request: Request,
    db: DbDep,
    report_db: ReportDbDep,
    principal: AnyPrincipal,
    start: From = None,
    end: To = None,
    group_by: Annotated[UsagePeriod, Query(description="`day` or `month`.")] = UsagePeriod.DAY,
    tenant_ids: Tenants = None,
) -> Response:
    """API requests and latency per period, tenant, client, operation and status class."""
    first, last = _range(start, end)
    readable: list[uuid.UUID] | None = await service.readable_tenants(db, principal, tenant_ids)
    if principal.kind is PrincipalKind.OPERATOR and not tenant_ids:
        readable = None  # everything, platform requests included
    report = await service.usage_report(
        report_db, start=first, end=last, group_by=group_by, tenant_ids=readable
    )
    return _answer(request, report, list(report.data))
