from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.mentor_page import MentorPage
from ...models.mentor_status import MentorStatus
from ...models.problem_detail import ProblemDetail
from ...models.sector import Sector
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    topic: str | Unset = UNSET,
    sector: Sector | Unset = UNSET,
    language: str | Unset = UNSET,
    country: str | Unset = UNSET,
    status: MentorStatus | Unset = UNSET,
    shared_to_network: bool | Unset = UNSET,
    with_open_slots: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["topic"] = topic

    json_sector: str | Unset = UNSET
    if not isinstance(sector, Unset):
        json_sector = sector.value

    params["sector"] = json_sector

    params["language"] = language

    params["country"] = country

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["shared_to_network"] = shared_to_network

    params["with_open_slots"] = with_open_slots

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/mentors",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MentorPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = MentorPage.from_dict(response.json())

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
) -> Response[MentorPage | ProblemDetail]:
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
    topic: str | Unset = UNSET,
    sector: Sector | Unset = UNSET,
    language: str | Unset = UNSET,
    country: str | Unset = UNSET,
    status: MentorStatus | Unset = UNSET,
    shared_to_network: bool | Unset = UNSET,
    with_open_slots: bool | Unset = UNSET,
) -> Response[MentorPage | ProblemDetail]:
    """List Mentors

     This tenant's mentors, oldest first, filtered by topic, sector, language, country,
    status, sharing and free slots.

    Args:
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.
        topic (str | Unset):
        sector (Sector | Unset):
        language (str | Unset): ISO 639 code, e.g. `sw`.
        country (str | Unset): ISO 3166-1 alpha-2 country code, e.g. `KE`.
        status (MentorStatus | Unset):
        shared_to_network (bool | Unset):
        with_open_slots (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MentorPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        topic=topic,
        sector=sector,
        language=language,
        country=country,
        status=status,
        shared_to_network=shared_to_network,
        with_open_slots=with_open_slots,
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
    topic: str | Unset = UNSET,
    sector: Sector | Unset = UNSET,
    language: str | Unset = UNSET,
    country: str | Unset = UNSET,
    status: MentorStatus | Unset = UNSET,
    shared_to_network: bool | Unset = UNSET,
    with_open_slots: bool | Unset = UNSET,
) -> MentorPage | ProblemDetail | None:
    """List Mentors

     This tenant's mentors, oldest first, filtered by topic, sector, language, country,
    status, sharing and free slots.

    Args:
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.
        topic (str | Unset):
        sector (Sector | Unset):
        language (str | Unset): ISO 639 code, e.g. `sw`.
        country (str | Unset): ISO 3166-1 alpha-2 country code, e.g. `KE`.
        status (MentorStatus | Unset):
        shared_to_network (bool | Unset):
        with_open_slots (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MentorPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        topic=topic,
        sector=sector,
        language=language,
        country=country,
        status=status,
        shared_to_network=shared_to_network,
        with_open_slots=with_open_slots,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    topic: str | Unset = UNSET,
    sector: Sector | Unset = UNSET,
    language: str | Unset = UNSET,
    country: str | Unset = UNSET,
    status: MentorStatus | Unset = UNSET,
    shared_to_network: bool | Unset = UNSET,
    with_open_slots: bool | Unset = UNSET,
) -> Response[MentorPage | ProblemDetail]:
    """List Mentors

     This tenant's mentors, oldest first, filtered by topic, sector, language, country,
    status, sharing and free slots.

    Args:
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.
        topic (str | Unset):
        sector (Sector | Unset):
        language (str | Unset): ISO 639 code, e.g. `sw`.
        country (str | Unset): ISO 3166-1 alpha-2 country code, e.g. `KE`.
        status (MentorStatus | Unset):
        shared_to_network (bool | Unset):
        with_open_slots (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MentorPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        topic=topic,
        sector=sector,
        language=language,
        country=country,
        status=status,
        shared_to_network=shared_to_network,
        with_open_slots=with_open_slots,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    topic: str | Unset = UNSET,
    sector: Sector | Unset = UNSET,
    language: str | Unset = UNSET,
    country: str | Unset = UNSET,
    status: MentorStatus | Unset = UNSET,
    shared_to_network: bool | Unset = UNSET,
    with_open_slots: bool | Unset = UNSET,
) -> MentorPage | ProblemDetail | None:
    """List Mentors

     This tenant's mentors, oldest first, filtered by topic, sector, language, country,
    status, sharing and free slots.

    Args:
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.
        topic (str | Unset):
        sector (Sector | Unset):
        language (str | Unset): ISO 639 code, e.g. `sw`.
        country (str | Unset): ISO 3166-1 alpha-2 country code, e.g. `KE`.
        status (MentorStatus | Unset):
        shared_to_network (bool | Unset):
        with_open_slots (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MentorPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            topic=topic,
            sector=sector,
            language=language,
            country=country,
            status=status,
            shared_to_network=shared_to_network,
            with_open_slots=with_open_slots,
        )
    ).parsed
