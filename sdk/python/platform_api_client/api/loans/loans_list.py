from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.loan_page import LoanPage
from ...models.loan_status import LoanStatus
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    status: LoanStatus | Unset = UNSET,
    entrepreneur_id: UUID | Unset = UNSET,
    product_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_entrepreneur_id: str | Unset = UNSET
    if not isinstance(entrepreneur_id, Unset):
        json_entrepreneur_id = str(entrepreneur_id)
    params["entrepreneur_id"] = json_entrepreneur_id

    json_product_id: str | Unset = UNSET
    if not isinstance(product_id, Unset):
        json_product_id = str(product_id)
    params["product_id"] = json_product_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/loans",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LoanPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = LoanPage.from_dict(response.json())

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
) -> Response[LoanPage | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    status: LoanStatus | Unset = UNSET,
    entrepreneur_id: UUID | Unset = UNSET,
    product_id: UUID | Unset = UNSET,
) -> Response[LoanPage | ProblemDetail]:
    """List Loans

     Loan accounts, oldest first, with balances and arrears as of today.

    Args:
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.
        status (LoanStatus | Unset):
        entrepreneur_id (UUID | Unset):
        product_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoanPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
        entrepreneur_id=entrepreneur_id,
        product_id=product_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    status: LoanStatus | Unset = UNSET,
    entrepreneur_id: UUID | Unset = UNSET,
    product_id: UUID | Unset = UNSET,
) -> LoanPage | ProblemDetail | None:
    """List Loans

     Loan accounts, oldest first, with balances and arrears as of today.

    Args:
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.
        status (LoanStatus | Unset):
        entrepreneur_id (UUID | Unset):
        product_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoanPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        status=status,
        entrepreneur_id=entrepreneur_id,
        product_id=product_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    status: LoanStatus | Unset = UNSET,
    entrepreneur_id: UUID | Unset = UNSET,
    product_id: UUID | Unset = UNSET,
) -> Response[LoanPage | ProblemDetail]:
    """List Loans

     Loan accounts, oldest first, with balances and arrears as of today.

    Args:
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.
        status (LoanStatus | Unset):
        entrepreneur_id (UUID | Unset):
        product_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoanPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
        entrepreneur_id=entrepreneur_id,
        product_id=product_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    status: LoanStatus | Unset = UNSET,
    entrepreneur_id: UUID | Unset = UNSET,
    product_id: UUID | Unset = UNSET,
) -> LoanPage | ProblemDetail | None:
    """List Loans

     Loan accounts, oldest first, with balances and arrears as of today.

    Args:
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.
        status (LoanStatus | Unset):
        entrepreneur_id (UUID | Unset):
        product_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoanPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            status=status,
            entrepreneur_id=entrepreneur_id,
            product_id=product_id,
        )
    ).parsed
