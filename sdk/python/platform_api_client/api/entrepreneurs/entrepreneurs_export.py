from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.entrepreneur_export import EntrepreneurExport
from ...models.problem_detail import ProblemDetail
from ...types import Response


def _get_kwargs(
    entrepreneur_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/entrepreneurs/{entrepreneur_id}/export".format(
            entrepreneur_id=quote(str(entrepreneur_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EntrepreneurExport | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = EntrepreneurExport.from_dict(response.json())

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
) -> Response[EntrepreneurExport | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    entrepreneur_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[EntrepreneurExport | ProblemDetail]:
    """Export Entrepreneur

     Everything your organisation holds about this person, in one document (their
    right of access): the record, outcome surveys, loan applications with transitions,
    endorsements and funding, loans with schedules and repayments, lending-circle and
    loan-group memberships, matches with sessions, and the events about them. After
    DELETE it says `anonymised` and holds no personal data.

    Args:
        entrepreneur_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EntrepreneurExport | ProblemDetail]
    """

    kwargs = _get_kwargs(
        entrepreneur_id=entrepreneur_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    entrepreneur_id: UUID,
    *,
    client: AuthenticatedClient,
) -> EntrepreneurExport | ProblemDetail | None:
    """Export Entrepreneur

     Everything your organisation holds about this person, in one document (their
    right of access): the record, outcome surveys, loan applications with transitions,
    endorsements and funding, loans with schedules and repayments, lending-circle and
    loan-group memberships, matches with sessions, and the events about them. After
    DELETE it says `anonymised` and holds no personal data.

    Args:
        entrepreneur_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EntrepreneurExport | ProblemDetail
    """

    return sync_detailed(
        entrepreneur_id=entrepreneur_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    entrepreneur_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[EntrepreneurExport | ProblemDetail]:
    """Export Entrepreneur

     Everything your organisation holds about this person, in one document (their
    right of access): the record, outcome surveys, loan applications with transitions,
    endorsements and funding, loans with schedules and repayments, lending-circle and
    loan-group memberships, matches with sessions, and the events about them. After
    DELETE it says `anonymised` and holds no personal data.

    Args:
        entrepreneur_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EntrepreneurExport | ProblemDetail]
    """

    kwargs = _get_kwargs(
        entrepreneur_id=entrepreneur_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    entrepreneur_id: UUID,
    *,
    client: AuthenticatedClient,
) -> EntrepreneurExport | ProblemDetail | None:
    """Export Entrepreneur

     Everything your organisation holds about this person, in one document (their
    right of access): the record, outcome surveys, loan applications with transitions,
    endorsements and funding, loans with schedules and repayments, lending-circle and
    loan-group memberships, matches with sessions, and the events about them. After
    DELETE it says `anonymised` and holds no personal data.

    Args:
        entrepreneur_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EntrepreneurExport | ProblemDetail
    """

    return (
        await asyncio_detailed(
            entrepreneur_id=entrepreneur_id,
            client=client,
        )
    ).parsed
