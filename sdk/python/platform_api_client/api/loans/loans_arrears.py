import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.arrears_report import ArrearsReport
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_of: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/loans/arrears",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ArrearsReport | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = ArrearsReport.from_dict(response.json())

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
) -> Response[ArrearsReport | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
) -> Response[ArrearsReport | ProblemDetail]:
    """Loans Arrears

     Aging buckets (1-30, 31-60, 61-90, 90+ days past due) and PAR30 of the active
    loans, per currency. Balances are current, so `as_of` may be today or a later date
    (what will be late then if nothing is paid); past dates are refused.

    Args:
        as_of (datetime.date | Unset): Aging date; today (UTC) if omitted, never in the past.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArrearsReport | ProblemDetail]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
) -> ArrearsReport | ProblemDetail | None:
    """Loans Arrears

     Aging buckets (1-30, 31-60, 61-90, 90+ days past due) and PAR30 of the active
    loans, per currency. Balances are current, so `as_of` may be today or a later date
    (what will be late then if nothing is paid); past dates are refused.

    Args:
        as_of (datetime.date | Unset): Aging date; today (UTC) if omitted, never in the past.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArrearsReport | ProblemDetail
    """

    return sync_detailed(
        client=client,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
) -> Response[ArrearsReport | ProblemDetail]:
    """Loans Arrears

     Aging buckets (1-30, 31-60, 61-90, 90+ days past due) and PAR30 of the active
    loans, per currency. Balances are current, so `as_of` may be today or a later date
    (what will be late then if nothing is paid); past dates are refused.

    Args:
        as_of (datetime.date | Unset): Aging date; today (UTC) if omitted, never in the past.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArrearsReport | ProblemDetail]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
) -> ArrearsReport | ProblemDetail | None:
    """Loans Arrears

     Aging buckets (1-30, 31-60, 61-90, 90+ days past due) and PAR30 of the active
    loans, per currency. Balances are current, so `as_of` may be today or a later date
    (what will be late then if nothing is paid); past dates are refused.

    Args:
        as_of (datetime.date | Unset): Aging date; today (UTC) if omitted, never in the past.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArrearsReport | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            as_of=as_of,
        )
    ).parsed
