import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credit_report import CreditReport
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    circle_id: UUID,
    *,
    period_end: datetime.date | Unset = UNSET,
    period_start: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_period_end: str | Unset = UNSET
    if not isinstance(period_end, Unset):
        json_period_end = period_end.isoformat()
    params["period_end"] = json_period_end

    json_period_start: str | Unset = UNSET
    if not isinstance(period_start, Unset):
        json_period_start = period_start.isoformat()
    params["period_start"] = json_period_start

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/lending-circles/{circle_id}/credit-report".format(
            circle_id=quote(str(circle_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreditReport | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = CreditReport.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ProblemDetail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetail.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemDetail.from_dict(response.json())

        return response_404

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
) -> Response[CreditReport | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    circle_id: UUID,
    *,
    client: AuthenticatedClient,
    period_end: datetime.date | Unset = UNSET,
    period_start: datetime.date | Unset = UNSET,
) -> Response[CreditReport | ProblemDetail]:
    """Get Credit Report

     The credit-reporting feed: per member and calendar month, the amount scheduled,
    paid, the balance, the amount past due, days late and a status — the fields a
    credit bureau furnisher file needs.

    Args:
        circle_id (UUID):
        period_end (datetime.date | Unset): Last day reported; today (UTC) if omitted, never
            later.
        period_start (datetime.date | Unset): First day reported; the first due date if omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditReport | ProblemDetail]
    """

    kwargs = _get_kwargs(
        circle_id=circle_id,
        period_end=period_end,
        period_start=period_start,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    circle_id: UUID,
    *,
    client: AuthenticatedClient,
    period_end: datetime.date | Unset = UNSET,
    period_start: datetime.date | Unset = UNSET,
) -> CreditReport | ProblemDetail | None:
    """Get Credit Report

     The credit-reporting feed: per member and calendar month, the amount scheduled,
    paid, the balance, the amount past due, days late and a status — the fields a
    credit bureau furnisher file needs.

    Args:
        circle_id (UUID):
        period_end (datetime.date | Unset): Last day reported; today (UTC) if omitted, never
            later.
        period_start (datetime.date | Unset): First day reported; the first due date if omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditReport | ProblemDetail
    """

    return sync_detailed(
        circle_id=circle_id,
        client=client,
        period_end=period_end,
        period_start=period_start,
    ).parsed


async def asyncio_detailed(
    circle_id: UUID,
    *,
    client: AuthenticatedClient,
    period_end: datetime.date | Unset = UNSET,
    period_start: datetime.date | Unset = UNSET,
) -> Response[CreditReport | ProblemDetail]:
    """Get Credit Report

     The credit-reporting feed: per member and calendar month, the amount scheduled,
    paid, the balance, the amount past due, days late and a status — the fields a
    credit bureau furnisher file needs.

    Args:
        circle_id (UUID):
        period_end (datetime.date | Unset): Last day reported; today (UTC) if omitted, never
            later.
        period_start (datetime.date | Unset): First day reported; the first due date if omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditReport | ProblemDetail]
    """

    kwargs = _get_kwargs(
        circle_id=circle_id,
        period_end=period_end,
        period_start=period_start,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    circle_id: UUID,
    *,
    client: AuthenticatedClient,
    period_end: datetime.date | Unset = UNSET,
    period_start: datetime.date | Unset = UNSET,
) -> CreditReport | ProblemDetail | None:
    """Get Credit Report

     The credit-reporting feed: per member and calendar month, the amount scheduled,
    paid, the balance, the amount past due, days late and a status — the fields a
    credit bureau furnisher file needs.

    Args:
        circle_id (UUID):
        period_end (datetime.date | Unset): Last day reported; today (UTC) if omitted, never
            later.
        period_start (datetime.date | Unset): First day reported; the first due date if omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditReport | ProblemDetail
    """

    return (
        await asyncio_detailed(
            circle_id=circle_id,
            client=client,
            period_end=period_end,
            period_start=period_start,
        )
    ).parsed
