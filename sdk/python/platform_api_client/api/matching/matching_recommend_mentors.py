from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.mentor_recommendation_request import MentorRecommendationRequest
from ...models.mentor_recommendations import MentorRecommendations
from ...models.problem_detail import ProblemDetail
from ...types import Response


def _get_kwargs(
    *,
    body: MentorRecommendationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/matching/mentor-recommendations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MentorRecommendations | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = MentorRecommendations.from_dict(response.json())

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
) -> Response[MentorRecommendations | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MentorRecommendationRequest,
) -> Response[MentorRecommendations | ProblemDetail]:
    """Recommend Mentors

     The best mentors for an entrepreneur, best first, each with its 0-100 score and a
    reason per criterion. Mentors failing a hard filter (no free slot, paused, no shared
    language, the tenant's rules) or with an earlier match with this entrepreneur (other
    than a completed one, e.g. declined) are left out. With `include_network`, mentors
    other organisations share are included if the entrepreneur consented.

    Args:
        body (MentorRecommendationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MentorRecommendations | ProblemDetail]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: MentorRecommendationRequest,
) -> MentorRecommendations | ProblemDetail | None:
    """Recommend Mentors

     The best mentors for an entrepreneur, best first, each with its 0-100 score and a
    reason per criterion. Mentors failing a hard filter (no free slot, paused, no shared
    language, the tenant's rules) or with an earlier match with this entrepreneur (other
    than a completed one, e.g. declined) are left out. With `include_network`, mentors
    other organisations share are included if the entrepreneur consented.

    Args:
        body (MentorRecommendationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MentorRecommendations | ProblemDetail
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MentorRecommendationRequest,
) -> Response[MentorRecommendations | ProblemDetail]:
    """Recommend Mentors

     The best mentors for an entrepreneur, best first, each with its 0-100 score and a
    reason per criterion. Mentors failing a hard filter (no free slot, paused, no shared
    language, the tenant's rules) or with an earlier match with this entrepreneur (other
    than a completed one, e.g. declined) are left out. With `include_network`, mentors
    other organisations share are included if the entrepreneur consented.

    Args:
        body (MentorRecommendationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MentorRecommendations | ProblemDetail]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MentorRecommendationRequest,
) -> MentorRecommendations | ProblemDetail | None:
    """Recommend Mentors

     The best mentors for an entrepreneur, best first, each with its 0-100 score and a
    reason per criterion. Mentors failing a hard filter (no free slot, paused, no shared
    language, the tenant's rules) or with an earlier match with this entrepreneur (other
    than a completed one, e.g. declined) are left out. With `include_network`, mentors
    other organisations share are included if the entrepreneur consented.

    Args:
        body (MentorRecommendationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MentorRecommendations | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
