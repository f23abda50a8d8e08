from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_event import AuditEvent
from ...models.problem_detail import ProblemDetail
from ...types import Response


def _get_kwargs(
    audit_event_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit-events/{audit_event_id}".format(
            audit_event_id=quote(str(audit_event_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditEvent | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = AuditEvent.from_dict(response.json())

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
) -> Response[AuditEvent | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    audit_event_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AuditEvent | ProblemDetail]:
    """Get Audit Event

     One entry of this tenant's audit log.

    Args:
        audit_event_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEvent | ProblemDetail]
    """

    kwargs = _get_kwargs(
        audit_event_id=audit_event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    audit_event_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AuditEvent | ProblemDetail | None:
    """Get Audit Event

     One entry of this tenant's audit log.

    Args:
        audit_event_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEvent | ProblemDetail
    """

    return sync_detailed(
        audit_event_id=audit_event_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    audit_event_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AuditEvent | ProblemDetail]:
    """Get Audit Event

     One entry of this tenant's audit log.

    Args:
        audit_event_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEvent | ProblemDetail]
    """

    kwargs = _get_kwargs(
        audit_event_id=audit_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    audit_event_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AuditEvent | ProblemDetail | None:
    """Get Audit Event

     One entry of this tenant's audit log.

    Args:
        audit_event_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEvent | ProblemDetail
    """

    return (
        await asyncio_detailed(
            audit_event_id=audit_event_id,
            client=client,
        )
    ).parsed
