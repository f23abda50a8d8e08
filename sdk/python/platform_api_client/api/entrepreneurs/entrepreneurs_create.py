from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.entrepreneur import Entrepreneur
from ...models.entrepreneur_create import EntrepreneurCreate
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: EntrepreneurCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/entrepreneurs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Entrepreneur | ProblemDetail | None:
    if response.status_code == 201:
        response_201 = Entrepreneur.from_dict(response.json())

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
) -> Response[Entrepreneur | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EntrepreneurCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Entrepreneur | ProblemDetail]:
    """Create Entrepreneur

     Register an entrepreneur and their business.

    Args:
        idempotency_key (str | Unset): Unique key (e.g. a UUID) making this POST safe to retry:
            the same key and body replay the first response; a different body with the key is 422;
            while the first request is in progress, 409.
        body (EntrepreneurCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Entrepreneur | ProblemDetail]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: EntrepreneurCreate,
    idempotency_key: str | Unset = UNSET,
) -> Entrepreneur | ProblemDetail | None:
    """Create Entrepreneur

     Register an entrepreneur and their business.

    Args:
        idempotency_key (str | Unset): Unique key (e.g. a UUID) making this POST safe to retry:
            the same key and body replay the first response; a different body with the key is 422;
            while the first request is in progress, 409.
        body (EntrepreneurCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Entrepreneur | ProblemDetail
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EntrepreneurCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Entrepreneur | ProblemDetail]:
    """Create Entrepreneur

     Register an entrepreneur and their business.

    Args:
        idempotency_key (str | Unset): Unique key (e.g. a UUID) making this POST safe to retry:
            the same key and body replay the first response; a different body with the key is 422;
            while the first request is in progress, 409.
        body (EntrepreneurCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Entrepreneur | ProblemDetail]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EntrepreneurCreate,
    idempotency_key: str | Unset = UNSET,
) -> Entrepreneur | ProblemDetail | None:
    """Create Entrepreneur

     Register an entrepreneur and their business.

    Args:
        idempotency_key (str | Unset): Unique key (e.g. a UUID) making this POST safe to retry:
            the same key and body replay the first response; a different body with the key is 422;
            while the first request is in progress, 409.
        body (EntrepreneurCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Entrepreneur | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
