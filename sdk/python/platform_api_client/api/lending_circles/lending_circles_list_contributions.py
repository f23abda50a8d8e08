from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contribution_page import ContributionPage
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    circle_id: UUID,
    *,
    member_id: UUID | Unset = UNSET,
    round_: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_member_id: str | Unset = UNSET
    if not isinstance(member_id, Unset):
        json_member_id = str(member_id)
    params["member_id"] = json_member_id

    params["round"] = round_

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/lending-circles/{circle_id}/contributions".format(
            circle_id=quote(str(circle_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContributionPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = ContributionPage.from_dict(response.json())

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
) -> Response[ContributionPage | ProblemDetail]:
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
    member_id: UUID | Unset = UNSET,
    round_: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[ContributionPage | ProblemDetail]:
    """List Contributions

     Contributions in the order they were recorded, filtered by member and round.

    Args:
        circle_id (UUID):
        member_id (UUID | Unset):
        round_ (int | Unset):
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContributionPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        circle_id=circle_id,
        member_id=member_id,
        round_=round_,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    circle_id: UUID,
    *,
    client: AuthenticatedClient,
    member_id: UUID | Unset = UNSET,
    round_: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> ContributionPage | ProblemDetail | None:
    """List Contributions

     Contributions in the order they were recorded, filtered by member and round.

    Args:
        circle_id (UUID):
        member_id (UUID | Unset):
        round_ (int | Unset):
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContributionPage | ProblemDetail
    """

    return sync_detailed(
        circle_id=circle_id,
        client=client,
        member_id=member_id,
        round_=round_,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    circle_id: UUID,
    *,
    client: AuthenticatedClient,
    member_id: UUID | Unset = UNSET,
    round_: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[ContributionPage | ProblemDetail]:
    """List Contributions

     Contributions in the order they were recorded, filtered by member and round.

    Args:
        circle_id (UUID):
        member_id (UUID | Unset):
        round_ (int | Unset):
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContributionPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        circle_id=circle_id,
        member_id=member_id,
        round_=round_,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    circle_id: UUID,
    *,
    client: AuthenticatedClient,
    member_id: UUID | Unset = UNSET,
    round_: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> ContributionPage | ProblemDetail | None:
    """List Contributions

     Contributions in the order they were recorded, filtered by member and round.

    Args:
        circle_id (UUID):
        member_id (UUID | Unset):
        round_ (int | Unset):
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContributionPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            circle_id=circle_id,
            client=client,
            member_id=member_id,
            round_=round_,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
