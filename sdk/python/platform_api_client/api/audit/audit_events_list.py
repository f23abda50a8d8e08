import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_action import AuditAction
from ...models.audit_event_page import AuditEventPage
from ...models.audit_resource_type import AuditResourceType
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    action: AuditAction | Unset = UNSET,
    resource_type: AuditResourceType | Unset = UNSET,
    resource_id: UUID | Unset = UNSET,
    occurred_from: datetime.datetime | Unset = UNSET,
    occurred_to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_action: str | Unset = UNSET
    if not isinstance(action, Unset):
        json_action = action.value

    params["action"] = json_action

    json_resource_type: str | Unset = UNSET
    if not isinstance(resource_type, Unset):
        json_resource_type = resource_type.value

    params["resource_type"] = json_resource_type

    json_resource_id: str | Unset = UNSET
    if not isinstance(resource_id, Unset):
        json_resource_id = str(resource_id)
    params["resource_id"] = json_resource_id

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
        "url": "/v1/audit-events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditEventPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = AuditEventPage.from_dict(response.json())

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
) -> Response[AuditEventPage | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    action: AuditAction | Unset = UNSET,
    resource_type: AuditResourceType | Unset = UNSET,
    resource_id: UUID | Unset = UNSET,
    occurred_from: datetime.datetime | Unset = UNSET,
    occurred_to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[AuditEventPage | ProblemDetail]:
    """List Audit Events

     Every money write and decision of this tenant, oldest first: who (the API client),
    what, on which resource, when, in which request, with the amounts and states. The
    log is append-only: nobody, the platform included, can change or delete an entry.

    Args:
        action (AuditAction | Unset): Every action the log records (`<resource>[.<part>].<past-
            tense verb>`).
        resource_type (AuditResourceType | Unset): What an action is about: the aggregate whose
            trail it belongs to (a repayment is
            part of its loan's trail; its own id is in `details.related`).
        resource_id (UUID | Unset): Only actions on this resource (its trail).
        occurred_from (datetime.datetime | Unset): At or after (RFC 3339).
        occurred_to (datetime.datetime | Unset): Before (RFC 3339).
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        action=action,
        resource_type=resource_type,
        resource_id=resource_id,
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
    action: AuditAction | Unset = UNSET,
    resource_type: AuditResourceType | Unset = UNSET,
    resource_id: UUID | Unset = UNSET,
    occurred_from: datetime.datetime | Unset = UNSET,
    occurred_to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> AuditEventPage | ProblemDetail | None:
    """List Audit Events

     Every money write and decision of this tenant, oldest first: who (the API client),
    what, on which resource, when, in which request, with the amounts and states. The
    log is append-only: nobody, the platform included, can change or delete an entry.

    Args:
        action (AuditAction | Unset): Every action the log records (`<resource>[.<part>].<past-
            tense verb>`).
        resource_type (AuditResourceType | Unset): What an action is about: the aggregate whose
            trail it belongs to (a repayment is
            part of its loan's trail; its own id is in `details.related`).
        resource_id (UUID | Unset): Only actions on this resource (its trail).
        occurred_from (datetime.datetime | Unset): At or after (RFC 3339).
        occurred_to (datetime.datetime | Unset): Before (RFC 3339).
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        action=action,
        resource_type=resource_type,
        resource_id=resource_id,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    action: AuditAction | Unset = UNSET,
    resource_type: AuditResourceType | Unset = UNSET,
    resource_id: UUID | Unset = UNSET,
    occurred_from: datetime.datetime | Unset = UNSET,
    occurred_to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[AuditEventPage | ProblemDetail]:
    """List Audit Events

     Every money write and decision of this tenant, oldest first: who (the API client),
    what, on which resource, when, in which request, with the amounts and states. The
    log is append-only: nobody, the platform included, can change or delete an entry.

    Args:
        action (AuditAction | Unset): Every action the log records (`<resource>[.<part>].<past-
            tense verb>`).
        resource_type (AuditResourceType | Unset): What an action is about: the aggregate whose
            trail it belongs to (a repayment is
            part of its loan's trail; its own id is in `details.related`).
        resource_id (UUID | Unset): Only actions on this resource (its trail).
        occurred_from (datetime.datetime | Unset): At or after (RFC 3339).
        occurred_to (datetime.datetime | Unset): Before (RFC 3339).
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        action=action,
        resource_type=resource_type,
        resource_id=resource_id,
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
    action: AuditAction | Unset = UNSET,
    resource_type: AuditResourceType | Unset = UNSET,
    resource_id: UUID | Unset = UNSET,
    occurred_from: datetime.datetime | Unset = UNSET,
    occurred_to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> AuditEventPage | ProblemDetail | None:
    """List Audit Events

     Every money write and decision of this tenant, oldest first: who (the API client),
    what, on which resource, when, in which request, with the amounts and states. The
    log is append-only: nobody, the platform included, can change or delete an entry.

    Args:
        action (AuditAction | Unset): Every action the log records (`<resource>[.<part>].<past-
            tense verb>`).
        resource_type (AuditResourceType | Unset): What an action is about: the aggregate whose
            trail it belongs to (a repayment is
            part of its loan's trail; its own id is in `details.related`).
        resource_id (UUID | Unset): Only actions on this resource (its trail).
        occurred_from (datetime.datetime | Unset): At or after (RFC 3339).
        occurred_to (datetime.datetime | Unset): Before (RFC 3339).
        limit (int | Unset): Items per page (max 200). Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            action=action,
            resource_type=resource_type,
            resource_id=resource_id,
            occurred_from=occurred_from,
            occurred_to=occurred_to,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
