import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.group_by import GroupBy
from ...models.impact_report import ImpactReport
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: list[GroupBy] | Unset = UNSET,
    tenant_id: list[UUID] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_group_by: list[str] | Unset = UNSET
    if not isinstance(group_by, Unset):
        json_group_by = []
        for group_by_item_data in group_by:
            group_by_item = group_by_item_data.value
            json_group_by.append(group_by_item)

    params["group_by"] = json_group_by

    json_tenant_id: list[str] | Unset = UNSET
    if not isinstance(tenant_id, Unset):
        json_tenant_id = []
        for tenant_id_item_data in tenant_id:
            tenant_id_item = str(tenant_id_item_data)
            json_tenant_id.append(tenant_id_item)

    params["tenant_id"] = json_tenant_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/impact",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImpactReport | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = ImpactReport.from_dict(response.json())

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
) -> Response[ImpactReport | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: list[GroupBy] | Unset = UNSET,
    tenant_id: list[UUID] | Unset = UNSET,
) -> Response[ImpactReport | ProblemDetail]:
    """Impact

     Reach, engagement and outcomes (earning rate before vs now), broken down by gender
    and age band, small cells suppressed.

    Args:
        from_ (datetime.date | Unset): First day (inclusive). Default: the first day of the month
            eleven months before `to`'s.
        to (datetime.date | Unset): Last day (inclusive). Default: today (UTC).
        group_by (list[GroupBy] | Unset): `month` and/or `tenant` (repeatable); none: one group
            for the range.
        tenant_id (list[UUID] | Unset): Only these tenants (repeatable); each must be readable by
            the caller.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImpactReport | ProblemDetail]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        group_by=group_by,
        tenant_id=tenant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: list[GroupBy] | Unset = UNSET,
    tenant_id: list[UUID] | Unset = UNSET,
) -> ImpactReport | ProblemDetail | None:
    """Impact

     Reach, engagement and outcomes (earning rate before vs now), broken down by gender
    and age band, small cells suppressed.

    Args:
        from_ (datetime.date | Unset): First day (inclusive). Default: the first day of the month
            eleven months before `to`'s.
        to (datetime.date | Unset): Last day (inclusive). Default: today (UTC).
        group_by (list[GroupBy] | Unset): `month` and/or `tenant` (repeatable); none: one group
            for the range.
        tenant_id (list[UUID] | Unset): Only these tenants (repeatable); each must be readable by
            the caller.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImpactReport | ProblemDetail
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        group_by=group_by,
        tenant_id=tenant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: list[GroupBy] | Unset = UNSET,
    tenant_id: list[UUID] | Unset = UNSET,
) -> Response[ImpactReport | ProblemDetail]:
    """Impact

     Reach, engagement and outcomes (earning rate before vs now), broken down by gender
    and age band, small cells suppressed.

    Args:
        from_ (datetime.date | Unset): First day (inclusive). Default: the first day of the month
            eleven months before `to`'s.
        to (datetime.date | Unset): Last day (inclusive). Default: today (UTC).
        group_by (list[GroupBy] | Unset): `month` and/or `tenant` (repeatable); none: one group
            for the range.
        tenant_id (list[UUID] | Unset): Only these tenants (repeatable); each must be readable by
            the caller.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImpactReport | ProblemDetail]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        group_by=group_by,
        tenant_id=tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: list[GroupBy] | Unset = UNSET,
    tenant_id: list[UUID] | Unset = UNSET,
) -> ImpactReport | ProblemDetail | None:
    """Impact

     Reach, engagement and outcomes (earning rate before vs now), broken down by gender
    and age band, small cells suppressed.

    Args:
        from_ (datetime.date | Unset): First day (inclusive). Default: the first day of the month
            eleven months before `to`'s.
        to (datetime.date | Unset): Last day (inclusive). Default: today (UTC).
        group_by (list[GroupBy] | Unset): `month` and/or `tenant` (repeatable); none: one group
            for the range.
        tenant_id (list[UUID] | Unset): Only these tenants (repeatable); each must be readable by
            the caller.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImpactReport | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            group_by=group_by,
            tenant_id=tenant_id,
        )
    ).parsed
