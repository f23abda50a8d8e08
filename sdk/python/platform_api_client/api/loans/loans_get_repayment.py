from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_detail import ProblemDetail
from ...models.repayment import Repayment
from ...types import Response


def _get_kwargs(
    loan_id: UUID,
    repayment_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/loans/{loan_id}/repayments/{repayment_id}".format(
            loan_id=quote(str(loan_id), safe=""),
            repayment_id=quote(str(repayment_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | Repayment | None:
    if response.status_code == 200:
        response_200 = Repayment.from_dict(response.json())

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
) -> Response[ProblemDetail | Repayment]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    loan_id: UUID,
    repayment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemDetail | Repayment]:
    """Get Repayment

     One repayment and where it is allocated now.

    Args:
        loan_id (UUID):
        repayment_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | Repayment]
    """

    kwargs = _get_kwargs(
        loan_id=loan_id,
        repayment_id=repayment_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    loan_id: UUID,
    repayment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ProblemDetail | Repayment | None:
    """Get Repayment

     One repayment and where it is allocated now.

    Args:
        loan_id (UUID):
        repayment_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | Repayment
    """

    return sync_detailed(
        loan_id=loan_id,
        repayment_id=repayment_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    loan_id: UUID,
    repayment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemDetail | Repayment]:
    """Get Repayment

     One repayment and where it is allocated now.

    Args:
        loan_id (UUID):
        repayment_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | Repayment]
    """

    kwargs = _get_kwargs(
        loan_id=loan_id,
        repayment_id=repayment_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    loan_id: UUID,
    repayment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ProblemDetail | Repayment | None:
    """Get Repayment

     One repayment and where it is allocated now.

    Args:
        loan_id (UUID):
        repayment_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | Repayment
    """

    return (
        await asyncio_detailed(
            loan_id=loan_id,
            repayment_id=repayment_id,
            client=client,
        )
    ).parsed
