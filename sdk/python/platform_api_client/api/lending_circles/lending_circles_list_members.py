from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.circle_member import CircleMember
from ...models.problem_detail import ProblemDetail
from ...types import Response


def _get_kwargs(
    circle_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/lending-circles/{circle_id}/members".format(
            circle_id=quote(str(circle_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | list[CircleMember] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = CircleMember.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[ProblemDetail | list[CircleMember]]:
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
) -> Response[ProblemDetail | list[CircleMember]]:
    """List Lending Circle Members

     Members in the order they joined, each with their payout round and standing:
    paid, owed, obligation outstanding once they received the pot, arrears.

    Args:
        circle_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | list[CircleMember]]
    """

    kwargs = _get_kwargs(
        circle_id=circle_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    circle_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ProblemDetail | list[CircleMember] | None:
    """List Lending Circle Members

     Members in the order they joined, each with their payout round and standing:
    paid, owed, obligation outstanding once they received the pot, arrears.

    Args:
        circle_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | list[CircleMember]
    """

    return sync_detailed(
        circle_id=circle_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    circle_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemDetail | list[CircleMember]]:
    """List Lending Circle Members

     Members in the order they joined, each with their payout round and standing:
    paid, owed, obligation outstanding once they received the pot, arrears.

    Args:
        circle_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | list[CircleMember]]
    """

    kwargs = _get_kwargs(
        circle_id=circle_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    circle_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ProblemDetail | list[CircleMember] | None:
    """List Lending Circle Members

     Members in the order they joined, each with their payout round and standing:
    paid, owed, obligation outstanding once they received the pot, arrears.

    Args:
        circle_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | list[CircleMember]
    """

    return (
        await asyncio_detailed(
            circle_id=circle_id,
            client=client,
        )
    ).parsed
