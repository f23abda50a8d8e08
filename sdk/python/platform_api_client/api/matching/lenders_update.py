from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.lender import Lender
from ...models.lender_update import LenderUpdate
from ...models.problem_detail import ProblemDetail
from ...types import Response


def _get_kwargs(
    lender_id: UUID,
    *,
    body: LenderUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/lenders/{lender_id}".format(
            lender_id=quote(str(lender_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Lender | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = Lender.from_dict(response.json())

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
) -> Response[Lender | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    lender_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LenderUpdate,
) -> Response[Lender | ProblemDetail]:
    """Update Lender

     Change a lender's criteria or available funds; fields left out stay as they are.

    Args:
        lender_id (UUID):
        body (LenderUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Lender | ProblemDetail]
    """

    kwargs = _get_kwargs(
        lender_id=lender_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    lender_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LenderUpdate,
) -> Lender | ProblemDetail | None:
    """Update Lender

     Change a lender's criteria or available funds; fields left out stay as they are.

    Args:
        lender_id (UUID):
        body (LenderUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Lender | ProblemDetail
    """

    return sync_detailed(
        lender_id=lender_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    lender_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LenderUpdate,
) -> Response[Lender | ProblemDetail]:
    """Update Lender

     Change a lender's criteria or available funds; fields left out stay as they are.

    Args:
        lender_id (UUID):
        body (LenderUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Lender | ProblemDetail]
    """

    kwargs = _get_kwargs(
        lender_id=lender_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    lender_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LenderUpdate,
) -> Lender | ProblemDetail | None:
    """Update Lender

     Change a lender's criteria or available funds; fields left out stay as they are.

    Args:
        lender_id (UUID):
        body (LenderUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Lender | ProblemDetail
    """

    return (
        await asyncio_detailed(
            lender_id=lender_id,
            client=client,
            body=body,
        )
    ).parsed
