from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.match_page import MatchPage
from ...models.match_status import MatchStatus
from ...models.problem_detail import ProblemDetail
from ...models.side import Side
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: MatchStatus | Unset = UNSET,
    side: Side | Unset = UNSET,
    entrepreneur_id: UUID | Unset = UNSET,
    mentor_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_side: str | Unset = UNSET
    if not isinstance(side, Unset):
        json_side = side.value

    params["side"] = json_side

    json_entrepreneur_id: str | Unset = UNSET
    if not isinstance(entrepreneur_id, Unset):
        json_entrepreneur_id = str(entrepreneur_id)
    params["entrepreneur_id"] = json_entrepreneur_id

    json_mentor_id: str | Unset = UNSET
    if not isinstance(mentor_id, Unset):
        json_mentor_id = str(mentor_id)
    params["mentor_id"] = json_mentor_id

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/matches",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MatchPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = MatchPage.from_dict(response.json())

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
) -> Response[MatchPage | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: MatchStatus | Unset = UNSET,
    side: Side | Unset = UNSET,
    entrepreneur_id: UUID | Unset = UNSET,
    mentor_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[MatchPage | ProblemDetail]:
    """List Matches

     Matches of your entrepreneurs and of your mentors, oldest first.

    Args:
        status (MatchStatus | Unset):
        side (Side | Unset):
        entrepreneur_id (UUID | Unset):
        mentor_id (UUID | Unset):
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MatchPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        status=status,
        side=side,
        entrepreneur_id=entrepreneur_id,
        mentor_id=mentor_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: MatchStatus | Unset = UNSET,
    side: Side | Unset = UNSET,
    entrepreneur_id: UUID | Unset = UNSET,
    mentor_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> MatchPage | ProblemDetail | None:
    """List Matches

     Matches of your entrepreneurs and of your mentors, oldest first.

    Args:
        status (MatchStatus | Unset):
        side (Side | Unset):
        entrepreneur_id (UUID | Unset):
        mentor_id (UUID | Unset):
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MatchPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        status=status,
        side=side,
        entrepreneur_id=entrepreneur_id,
        mentor_id=mentor_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: MatchStatus | Unset = UNSET,
    side: Side | Unset = UNSET,
    entrepreneur_id: UUID | Unset = UNSET,
    mentor_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[MatchPage | ProblemDetail]:
    """List Matches

     Matches of your entrepreneurs and of your mentors, oldest first.

    Args:
        status (MatchStatus | Unset):
        side (Side | Unset):
        entrepreneur_id (UUID | Unset):
        mentor_id (UUID | Unset):
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MatchPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        status=status,
        side=side,
        entrepreneur_id=entrepreneur_id,
        mentor_id=mentor_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: MatchStatus | Unset = UNSET,
    side: Side | Unset = UNSET,
    entrepreneur_id: UUID | Unset = UNSET,
    mentor_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> MatchPage | ProblemDetail | None:
    """List Matches

     Matches of your entrepreneurs and of your mentors, oldest first.

    Args:
        status (MatchStatus | Unset):
        side (Side | Unset):
        entrepreneur_id (UUID | Unset):
        mentor_id (UUID | Unset):
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MatchPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            side=side,
            entrepreneur_id=entrepreneur_id,
            mentor_id=mentor_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
