from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decline import Decline
from ...models.loan_application import LoanApplication
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    application_id: UUID,
    *,
    body: Decline,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/loan-applications/{application_id}/decline".format(
            application_id=quote(str(application_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LoanApplication | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = LoanApplication.from_dict(response.json())

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
) -> Response[LoanApplication | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Decline,
    idempotency_key: str | Unset = UNSET,
) -> Response[LoanApplication | ProblemDetail]:
    """Decline Loan Application

     Decline a submitted application with a reason code and note (maker-checker as for
    approval).

    Args:
        application_id (UUID):
        idempotency_key (str | Unset): Unique key (e.g. a UUID) making this POST safe to retry:
            the same key and body replay the first response; a different body with the key is 422;
            while the first request is in progress, 409.
        body (Decline):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoanApplication | ProblemDetail]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Decline,
    idempotency_key: str | Unset = UNSET,
) -> LoanApplication | ProblemDetail | None:
    """Decline Loan Application

     Decline a submitted application with a reason code and note (maker-checker as for
    approval).

    Args:
        application_id (UUID):
        idempotency_key (str | Unset): Unique key (e.g. a UUID) making this POST safe to retry:
            the same key and body replay the first response; a different body with the key is 422;
            while the first request is in progress, 409.
        body (Decline):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoanApplication | ProblemDetail
    """

    return sync_detailed(
        application_id=application_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Decline,
    idempotency_key: str | Unset = UNSET,
) -> Response[LoanApplication | ProblemDetail]:
    """Decline Loan Application

     Decline a submitted application with a reason code and note (maker-checker as for
    approval).

    Args:
        application_id (UUID):
        idempotency_key (str | Unset): Unique key (e.g. a UUID) making this POST safe to retry:
            the same key and body replay the first response; a different body with the key is 422;
            while the first request is in progress, 409.
        body (Decline):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoanApplication | ProblemDetail]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Decline,
    idempotency_key: str | Unset = UNSET,
) -> LoanApplication | ProblemDetail | None:
    """Decline Loan Application

     Decline a submitted application with a reason code and note (maker-checker as for
    approval).

    Args:
        application_id (UUID):
        idempotency_key (str | Unset): Unique key (e.g. a UUID) making this POST safe to retry:
            the same key and body replay the first response; a different body with the key is 422;
            while the first request is in progress, 409.
        body (Decline):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoanApplication | ProblemDetail
    """

    return (
        await asyncio_detailed(
            application_id=application_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
