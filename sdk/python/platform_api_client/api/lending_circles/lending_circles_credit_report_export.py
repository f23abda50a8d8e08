import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credit_report_page import CreditReportPage
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    period_start: datetime.date,
    period_end: datetime.date,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_period_start = period_start.isoformat()
    params["period_start"] = json_period_start

    json_period_end = period_end.isoformat()
    params["period_end"] = json_period_end

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/lending-circles/credit-report",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreditReportPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = CreditReportPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ProblemDetail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetail.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = ProblemDetail.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ProblemDetail.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ProblemDetail.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ProblemDetail.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreditReportPage | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    period_start: datetime.date,
    period_end: datetime.date,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[CreditReportPage | ProblemDetail]:
    """Export Credit Reports

     Tenant-wide credit-reporting export for a period: the report of every circle that
    ran during it (members paid in full before the period are left out), a page of
    circles at a time.

    Args:
        period_start (datetime.date): First day of the period.
        period_end (datetime.date): Last day of the period; not in the future.
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditReportPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        period_start=period_start,
        period_end=period_end,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    period_start: datetime.date,
    period_end: datetime.date,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> CreditReportPage | ProblemDetail | None:
    """Export Credit Reports

     Tenant-wide credit-reporting export for a period: the report of every circle that
    ran during it (members paid in full before the period are left out), a page of
    circles at a time.

    Args:
        period_start (datetime.date): First day of the period.
        period_end (datetime.date): Last day of the period; not in the future.
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditReportPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        period_start=period_start,
        period_end=period_end,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    period_start: datetime.date,
    period_end: datetime.date,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[CreditReportPage | ProblemDetail]:
    """Export Credit Reports

     Tenant-wide credit-reporting export for a period: the report of every circle that
    ran during it (members paid in full before the period are left out), a page of
    circles at a time.

    Args:
        period_start (datetime.date): First day of the period.
        period_end (datetime.date): Last day of the period; not in the future.
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditReportPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        period_start=period_start,
        period_end=period_end,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    period_start: datetime.date,
    period_end: datetime.date,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> CreditReportPage | ProblemDetail | None:
    """Export Credit Reports

     Tenant-wide credit-reporting export for a period: the report of every circle that
    ran during it (members paid in full before the period are left out), a page of
    circles at a time.

    Args:
        period_start (datetime.date): First day of the period.
        period_end (datetime.date): Last day of the period; not in the future.
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditReportPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            period_start=period_start,
            period_end=period_end,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
