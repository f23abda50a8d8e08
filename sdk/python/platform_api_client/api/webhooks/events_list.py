import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_page import EventPage
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    type_: str | Unset = UNSET,
    subject_id: UUID | Unset = UNSET,
    occurred_from: datetime.datetime | Unset = UNSET,
    occurred_to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["type"] = type_

    json_subject_id: str | Unset = UNSET
    if not isinstance(subject_id, Unset):
        json_subject_id = str(subject_id)
    params["subject_id"] = json_subject_id

    json_occurred_from: str | Unset = UNSET
    if not isinstance(occurred_from, Unset):
        json_occurred_from = occurred_from.isoformat()
    params["occurred_from"] = json_occurred_from

    json_occurred_to: str | Unset = UNSET
    if not isinstance(occurred_to, Unset):
        json_occurred_to = occurred_to.isoformat()
    params["occurred_to"] = json_occurred_to

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EventPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = EventPage.from_dict(response.json())

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
) -> Response[EventPage | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    type_: str | Unset = UNSET,
    subject_id: UUID | Unset = UNSET,
    occurred_from: datetime.datetime | Unset = UNSET,
    occurred_to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[EventPage | ProblemDetail]:
    """List Events

     The tenant's events, oldest first, with the payload webhooks carry.

    Args:
        type_ (str | Unset): e.g. `loan.disbursed`
        subject_id (UUID | Unset): Only events about this resource.
        occurred_from (datetime.datetime | Unset): At or after (RFC 3339).
        occurred_to (datetime.datetime | Unset): Before (RFC 3339).
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        type_=type_,
        subject_id=subject_id,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
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
    type_: str | Unset = UNSET,
    subject_id: UUID | Unset = UNSET,
    occurred_from: datetime.datetime | Unset = UNSET,
    occurred_to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> EventPage | ProblemDetail | None:
    """List Events

     The tenant's events, oldest first, with the payload webhooks carry.

    Args:
        type_ (str | Unset): e.g. `loan.disbursed`
        subject_id (UUID | Unset): Only events about this resource.
        occurred_from (datetime.datetime | Unset): At or after (RFC 3339).
        occurred_to (datetime.datetime | Unset): Before (RFC 3339).
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        type_=type_,
        subject_id=subject_id,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    type_: str | Unset = UNSET,
    subject_id: UUID | Unset = UNSET,
    occurred_from: datetime.datetime | Unset = UNSET,
    occurred_to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[EventPage | ProblemDetail]:
    """List Events

     The tenant's events, oldest first, with the payload webhooks carry.

    Args:
        type_ (str | Unset): e.g. `loan.disbursed`
        subject_id (UUID | Unset): Only events about this resource.
        occurred_from (datetime.datetime | Unset): At or after (RFC 3339).
        occurred_to (datetime.datetime | Unset): Before (RFC 3339).
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        type_=type_,
        subject_id=subject_id,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    type_: str | Unset = UNSET,
    subject_id: UUID | Unset = UNSET,
    occurred_from: datetime.datetime | Unset = UNSET,
    occurred_to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> EventPage | ProblemDetail | None:
    """List Events

     The tenant's events, oldest first, with the payload webhooks carry.

    Args:
        type_ (str | Unset): e.g. `loan.disbursed`
        subject_id (UUID | Unset): Only events about this resource.
        occurred_from (datetime.datetime | Unset): At or after (RFC 3339).
        occurred_to (datetime.datetime | Unset): Before (RFC 3339).
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            type_=type_,
            subject_id=subject_id,
            occurred_from=occurred_from,
            occurred_to=occurred_to,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
