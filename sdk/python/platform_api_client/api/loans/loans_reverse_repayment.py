from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_detail import ProblemDetail
from ...models.repayment import Repayment
from ...models.reversal import Reversal
from ...types import UNSET, Response, Unset


def _get_kwargs(
    loan_id: UUID,
    repayment_id: UUID,
    *,
    body: Reversal,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/loans/{loan_id}/repayments/{repayment_id}/reverse".format(
            loan_id=quote(str(loan_id), safe=""),
            repayment_id=quote(str(repayment_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | Repayment | None:
    if response.status_code == 200:
        response_200 = Repayment.from_dict(response.json())

        return response_200

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
    repayment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Reversal,
    idempotency_key: str | Unset = UNSET,
) -> Response[ProblemDetail | Repayment]:
    """Reverse Repayment

     Reverse a repayment (e.g. a bounced transfer): its postings are negated and the
    later repayments re-applied to what it had paid. A closed loan reopens if something
    is unpaid again.

    Args:
        loan_id (UUID):
        repayment_id (UUID):
        idempotency_key (str | Unset): Unique key (e.g. a UUID) making this POST safe to retry:
            the same key and body replay the first response; a different body with the key is 422;
            while the first request is in progress, 409.
        body (Reversal):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | Repayment]
    """

    kwargs = _get_kwargs(
        loan_id=loan_id,
        repayment_id=repayment_id,
        body=body,
        idempotency_key=idempotency_key,
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
    body: Reversal,
    idempotency_key: str | Unset = UNSET,
) -> ProblemDetail | Repayment | None:
    """Reverse Repayment

     Reverse a repayment (e.g. a bounced transfer): its postings are negated and the
    later repayments re-applied to what it had paid. A closed loan reopens if something
    is unpaid again.

    Args:
        loan_id (UUID):
        repayment_id (UUID):
        idempotency_key (str | Unset): Unique key (e.g. a UUID) making this POST safe to retry:
            the same key and body replay the first response; a different body with the key is 422;
            while the first request is in progress, 409.
        body (Reversal):

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
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    loan_id: UUID,
    repayment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Reversal,
    idempotency_key: str | Unset = UNSET,
) -> Response[ProblemDetail | Repayment]:
    """Reverse Repayment

     Reverse a repayment (e.g. a bounced transfer): its postings are negated and the
    later repayments re-applied to what it had paid. A closed loan reopens if something
    is unpaid again.

    Args:
        loan_id (UUID):
        repayment_id (UUID):
        idempotency_key (str | Unset): Unique key (e.g. a UUID) making this POST safe to retry:
            the same key and body replay the first response; a different body with the key is 422;
            while the first request is in progress, 409.
        body (Reversal):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | Repayment]
    """

    kwargs = _get_kwargs(
        loan_id=loan_id,
        repayment_id=repayment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    loan_id: UUID,
    repayment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Reversal,
    idempotency_key: str | Unset = UNSET,
) -> ProblemDetail | Repayment | None:
    """Reverse Repayment

     Reverse a repayment (e.g. a bounced transfer): its postings are negated and the
    later repayments re-applied to what it had paid. A closed loan reopens if something
    is unpaid again.

    Args:
        loan_id (UUID):
        repayment_id (UUID):
        idempotency_key (str | Unset): Unique key (e.g. a UUID) making this POST safe to retry:
            the same key and body replay the first response; a different body with the key is 422;
            while the first request is in progress, 409.
        body (Reversal):

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
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
