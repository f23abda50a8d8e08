from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_detail import ProblemDetail
from ...models.repayment import Repayment
from ...models.repayment_create import RepaymentCreate
from ...types import Response


def _get_kwargs(
    loan_id: UUID,
    *,
    body: RepaymentCreate,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/loans/{loan_id}/repayments".format(
            loan_id=quote(str(loan_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | Repayment | None:
    if response.status_code == 201:
        response_201 = Repayment.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ProblemDetail.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemDetail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetail.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemDetail.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ProblemDetail.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ProblemDetail.from_dict(response.json())

        return response_413

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
    *,
    client: AuthenticatedClient,
    body: RepaymentCreate,
    idempotency_key: str,
) -> Response[ProblemDetail | Repayment]:
    """Create Repayment

     Post a repayment: allocated in the product's order (default fees, interest,
    principal) to the oldest unpaid installment first, overdue before due. More than
    everything owed closes the loan and records the excess as overpayment. Backdating
    is allowed (never the future). Idempotency-Key required: a retry over a flaky
    connection never posts twice.

    Args:
        loan_id (UUID):
        idempotency_key (str): Unique key (e.g. a UUID) making this POST safe to retry: the same
            key and body replay the first response; a different body with the key is 422; while the
            first request is in progress, 409. Required: this request moves money.
        body (RepaymentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | Repayment]
    """

    kwargs = _get_kwargs(
        loan_id=loan_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    loan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RepaymentCreate,
    idempotency_key: str,
) -> ProblemDetail | Repayment | None:
    """Create Repayment

     Post a repayment: allocated in the product's order (default fees, interest,
    principal) to the oldest unpaid installment first, overdue before due. More than
    everything owed closes the loan and records the excess as overpayment. Backdating
    is allowed (never the future). Idempotency-Key required: a retry over a flaky
    connection never posts twice.

    Args:
        loan_id (UUID):
        idempotency_key (str): Unique key (e.g. a UUID) making this POST safe to retry: the same
            key and body replay the first response; a different body with the key is 422; while the
            first request is in progress, 409. Required: this request moves money.
        body (RepaymentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | Repayment
    """

    return sync_detailed(
        loan_id=loan_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    loan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RepaymentCreate,
    idempotency_key: str,
) -> Response[ProblemDetail | Repayment]:
    """Create Repayment

     Post a repayment: allocated in the product's order (default fees, interest,
    principal) to the oldest unpaid installment first, overdue before due. More than
    everything owed closes the loan and records the excess as overpayment. Backdating
    is allowed (never the future). Idempotency-Key required: a retry over a flaky
    connection never posts twice.

    Args:
        loan_id (UUID):
        idempotency_key (str): Unique key (e.g. a UUID) making this POST safe to retry: the same
            key and body replay the first response; a different body with the key is 422; while the
            first request is in progress, 409. Required: this request moves money.
        body (RepaymentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | Repayment]
    """

    kwargs = _get_kwargs(
        loan_id=loan_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    loan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RepaymentCreate,
    idempotency_key: str,
) -> ProblemDetail | Repayment | None:
    """Create Repayment

     Post a repayment: allocated in the product's order (default fees, interest,
    principal) to the oldest unpaid installment first, overdue before due. More than
    everything owed closes the loan and records the excess as overpayment. Backdating
    is allowed (never the future). Idempotency-Key required: a retry over a flaky
    connection never posts twice.

    Args:
        loan_id (UUID):
        idempotency_key (str): Unique key (e.g. a UUID) making this POST safe to retry: the same
            key and body replay the first response; a different body with the key is 422; while the
            first request is in progress, 409. Required: this request moves money.
        body (RepaymentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | Repayment
    """

    return (
        await asyncio_detailed(
            loan_id=loan_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
