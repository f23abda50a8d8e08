import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.entrepreneur_page import EntrepreneurPage
from ...models.problem_detail import ProblemDetail
from ...models.sector import Sector
from ...models.stage import Stage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sector: Sector | Unset = UNSET,
    stage: Stage | Unset = UNSET,
    country: str | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_to: datetime.datetime | Unset = UNSET,
    include_anonymised: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_sector: str | Unset = UNSET
    if not isinstance(sector, Unset):
        json_sector = sector.value

    params["sector"] = json_sector

    json_stage: str | Unset = UNSET
    if not isinstance(stage, Unset):
        json_stage = stage.value

    params["stage"] = json_stage

    params["country"] = country

    json_created_from: str | Unset = UNSET
    if not isinstance(created_from, Unset):
        json_created_from = created_from.isoformat()
    params["created_from"] = json_created_from

    json_created_to: str | Unset = UNSET
    if not isinstance(created_to, Unset):
        json_created_to = created_to.isoformat()
    params["created_to"] = json_created_to

    params["include_anonymised"] = include_anonymised

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/entrepreneurs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EntrepreneurPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = EntrepreneurPage.from_dict(response.json())

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
) -> Response[EntrepreneurPage | ProblemDetail]:
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
    sector: Sector | Unset = UNSET,
    stage: Stage | Unset = UNSET,
    country: str | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_to: datetime.datetime | Unset = UNSET,
    include_anonymised: bool | Unset = False,
) -> Response[EntrepreneurPage | ProblemDetail]:
    """List Entrepreneurs

     Entrepreneurs, oldest first, filtered by sector, stage, country and creation time.

    Args:
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.
        sector (Sector | Unset):
        stage (Stage | Unset):
        country (str | Unset): ISO 3166-1 alpha-2 country code, e.g. `KE`.
        created_from (datetime.datetime | Unset): Created at or after (RFC 3339).
        created_to (datetime.datetime | Unset): Created before (RFC 3339).
        include_anonymised (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EntrepreneurPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sector=sector,
        stage=stage,
        country=country,
        created_from=created_from,
        created_to=created_to,
        include_anonymised=include_anonymised,
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
    sector: Sector | Unset = UNSET,
    stage: Stage | Unset = UNSET,
    country: str | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_to: datetime.datetime | Unset = UNSET,
    include_anonymised: bool | Unset = False,
) -> EntrepreneurPage | ProblemDetail | None:
    """List Entrepreneurs

     Entrepreneurs, oldest first, filtered by sector, stage, country and creation time.

    Args:
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.
        sector (Sector | Unset):
        stage (Stage | Unset):
        country (str | Unset): ISO 3166-1 alpha-2 country code, e.g. `KE`.
        created_from (datetime.datetime | Unset): Created at or after (RFC 3339).
        created_to (datetime.datetime | Unset): Created before (RFC 3339).
        include_anonymised (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EntrepreneurPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        sector=sector,
        stage=stage,
        country=country,
        created_from=created_from,
        created_to=created_to,
        include_anonymised=include_anonymised,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sector: Sector | Unset = UNSET,
    stage: Stage | Unset = UNSET,
    country: str | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_to: datetime.datetime | Unset = UNSET,
    include_anonymised: bool | Unset = False,
) -> Response[EntrepreneurPage | ProblemDetail]:
    """List Entrepreneurs

     Entrepreneurs, oldest first, filtered by sector, stage, country and creation time.

    Args:
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.
        sector (Sector | Unset):
        stage (Stage | Unset):
        country (str | Unset): ISO 3166-1 alpha-2 country code, e.g. `KE`.
        created_from (datetime.datetime | Unset): Created at or after (RFC 3339).
        created_to (datetime.datetime | Unset): Created before (RFC 3339).
        include_anonymised (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EntrepreneurPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sector=sector,
        stage=stage,
        country=country,
        created_from=created_from,
        created_to=created_to,
        include_anonymised=include_anonymised,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sector: Sector | Unset = UNSET,
    stage: Stage | Unset = UNSET,
    country: str | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_to: datetime.datetime | Unset = UNSET,
    include_anonymised: bool | Unset = False,
) -> EntrepreneurPage | ProblemDetail | None:
    """List Entrepreneurs

     Entrepreneurs, oldest first, filtered by sector, stage, country and creation time.

    Args:
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.
        sector (Sector | Unset):
        stage (Stage | Unset):
        country (str | Unset): ISO 3166-1 alpha-2 country code, e.g. `KE`.
        created_from (datetime.datetime | Unset): Created at or after (RFC 3339).
        created_to (datetime.datetime | Unset): Created before (RFC 3339).
        include_anonymised (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EntrepreneurPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            sector=sector,
            stage=stage,
            country=country,
            created_from=created_from,
            created_to=created_to,
            include_anonymised=include_anonymised,
        )
    ).parsed
