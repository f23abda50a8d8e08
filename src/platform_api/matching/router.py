"""HTTP for matching: mentors, lenders, settings, recommendations, matches, sessions and
cohort assignments."""

from __future__ import annotations

import asyncio
import uuid
from typing import Annotated

import asyncpg
from fastapi import APIRouter, Depends, Query, Request, Response, Security

from platform_api.auth.dependencies import TenantContext, tenant_context
from platform_api.core.errors import error_responses
from platform_api.core.idempotency import IdempotencyKey
from platform_api.core.pagination import Page, PageParams, page_params
from platform_api.core.responses import respond, respond_json
from platform_api.core.routing import DirectRoute
from platform_api.core.types import CountryCode, CurrencyCode
from platform_api.entrepreneurs.schemas import Language, Sector
from platform_api.matching import cohorts, service
from platform_api.matching.schemas import (
    CohortAssignment,
    CohortAssignmentCreate,
    ExpertiseTopic,
    Lender,
    LenderCreate,
    LenderRecommendationRequest,
    LenderRecommendations,
    LenderStatus,
    LenderUpdate,
    Match,
    MatchCreate,
    MatchDecline,
    MatchingSettings,
    MatchStatus,
    Mentor,
    MentorCreate,
    MentorRecommendationRequest,
    MentorRecommendations,
    MentorStatus,
    MentorUpdate,
    Session,
    SessionCreate,
    Side,
    TopicArea,
)
from platform_api.matching.scoring import LenderProduct

router = APIRouter(tags=["matching"], route_class=DirectRoute)

Reader = Annotated[TenantContext, Security(tenant_context, scopes=["matching:read"])]
Writer = Annotated[TenantContext, Security(tenant_context, scopes=["matching:write"])]
Page_ = Annotated[PageParams, Depends(page_params)]

# --------------------------------------------------------------------------- mentors


@router.post(
    "/v1/mentors",
    operation_id="mentors_create",
    status_code=201,
    response_model=Mentor,
    responses=error_responses(409),
)
async def create_mentor(
    payload: MentorCreate, request: Request, caller: Writer, idempotency_key: IdempotencyKey = None
) -> Response:
    """Register a mentor: expertise from the topic vocabulary, sectors and stages they
    like to work with, languages, location, how many mentees at once, and whether other
    organisations may match them."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.create_mentor(
            conn, tenant_id=caller.tenant_id, actor=caller.client_id, data=payload
        ),
    )


async def _mentor_filters(
    topic: Annotated[ExpertiseTopic | None, Query()] = None,
    sector: Sector | None = None,
    language: Annotated[Language | None, Query()] = None,
    country: Annotated[CountryCode | None, Query()] = None,
    status: MentorStatus | None = None,
    shared_to_network: bool | None = None,
    with_open_slots: bool | None = None,
) -> service.MentorFilters:
    return service.MentorFilters(
        topic=topic,
        sector=sector,
        language=language,
        country=country,
        status=status,
        shared_to_network=shared_to_network,
        with_open_slots=with_open_slots,
    )


@router.get("/v1/mentors", operation_id="mentors_list", response_model=Page[Mentor])
async def list_mentors(
    caller: Reader,
    page: Page_,
    filters: Annotated[service.MentorFilters, Depends(_mentor_filters)],
) -> Response:
    """This tenant's mentors, oldest first, filtered by topic, sector, language, country,
    status, sharing and free slots."""
    return respond(
        await service.list_mentors(
            caller.db, tenant_id=caller.tenant_id, page=page, filters=filters
        )
    )


@router.get("/v1/mentors/{mentor_id}", operation_id="mentors_get", response_model=Mentor)
async def get_mentor(mentor_id: uuid.UUID, caller: Reader) -> Response:
    """One of this tenant's mentors, with capacity left and availability."""
    return respond(
        await service.get_mentor(caller.db, tenant_id=caller.tenant_id, mentor_id=mentor_id)
    )


@router.patch(
    "/v1/mentors/{mentor_id}",
    operation_id="mentors_update",
    response_model=Mentor,
    responses=error_responses(409),
)
async def update_mentor(mentor_id: uuid.UUID, payload: MentorUpdate, caller: Writer) -> Response:
    """Change some fields (pause, capacity, sharing, expertise...); the rest stay."""
    async with caller.db.transaction(caller.tenant_id) as conn:
        mentor = await service.update_mentor(
            conn,
            tenant_id=caller.tenant_id,
            mentor_id=mentor_id,
            actor=caller.client_id,
            data=payload,
        )
    return respond(mentor)


# --------------------------------------------------------------------------- lenders


@router.post(
    "/v1/lenders",
    operation_id="lenders_create",
    status_code=201,
    response_model=Lender,
    responses=error_responses(409),
)
async def create_lender(
    payload: LenderCreate, request: Request, caller: Writer, idempotency_key: IdempotencyKey = None
) -> Response:
    """Register a lender and its criteria: sectors, countries and regions, loan kinds,
    and per currency the loan sizes it funds and the funds it has available."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.create_lender(
            conn, tenant_id=caller.tenant_id, actor=caller.client_id, data=payload
        ),
    )


async def _lender_filters(
    sector: Sector | None = None,
    country: Annotated[CountryCode | None, Query()] = None,
    currency: Annotated[CurrencyCode | None, Query()] = None,
    product: LenderProduct | None = None,
    status: LenderStatus | None = None,
) -> service.LenderFilters:
    return service.LenderFilters(
        sector=sector, country=country, currency=currency, product=product, status=status
    )


@router.get("/v1/lenders", operation_id="lenders_list", response_model=Page[Lender])
async def list_lenders(
    caller: Reader,
    page: Page_,
    filters: Annotated[service.LenderFilters, Depends(_lender_filters)],
) -> Response:
    """This tenant's lenders, oldest first, filtered by sector, country, currency, loan
    kind and status."""
    return respond(
        await service.list_lenders(
            caller.db, tenant_id=caller.tenant_id, page=page, filters=filters
        )
    )


@router.get("/v1/lenders/{lender_id}", operation_id="lenders_get", response_model=Lender)
async def get_lender(lender_id: uuid.UUID, caller: Reader) -> Response:
    """One of this tenant's lenders and its lending criteria."""
    return respond(
        await service.get_lender(caller.db, tenant_id=caller.tenant_id, lender_id=lender_id)
    )


@router.patch(
    "/v1/lenders/{lender_id}",
    operation_id="lenders_update",
    response_model=Lender,
    responses=error_responses(409),
)
async def update_lender(lender_id: uuid.UUID, payload: LenderUpdate, caller: Writer) -> Response:
    """Change a lender's criteria or available funds; fields left out stay as they are."""
    async with caller.db.transaction(caller.tenant_id) as conn:
        lender = await service.update_lender(
            conn,
            tenant_id=caller.tenant_id,
            lender_id=lender_id,
            actor=caller.client_id,
            data=payload,
        )
    return respond(lender)


# --------------------------------------------------------------------------- settings, topics


@router.get(
    "/v1/matching/settings", operation_id="matching_get_settings", response_model=MatchingSettings
)
async def get_settings(caller: Reader) -> Response:
    """Scoring weights and hard rules (the defaults until changed)."""
    return respond(await service.get_settings(caller.db, tenant_id=caller.tenant_id))


@router.put(
    "/v1/matching/settings", operation_id="matching_put_settings", response_model=MatchingSettings
)
async def put_settings(payload: MatchingSettings, caller: Writer) -> Response:
    """Replace the scoring weights and hard rules. Weights are relative: each criterion's
    share is its weight over the sum of those that apply to the entrepreneur."""
    async with caller.db.transaction(caller.tenant_id) as conn:
        settings = await service.put_settings(
            conn, tenant_id=caller.tenant_id, actor=caller.client_id, data=payload
        )
    return respond(settings)


@router.get("/v1/matching/topics", operation_id="matching_topics", response_model=list[TopicArea])
async def list_topics(caller: Reader) -> Response:
    """The expertise vocabulary: areas and their topics. A mentor's topic counts fully for
    the same need, and half for its area or, for an area, its topics."""
    return respond_json(service.topic_areas())


# --------------------------------------------------------------------------- recommendations


@router.post(
    "/v1/matching/mentor-recommendations",
    operation_id="matching_recommend_mentors",
    response_model=MentorRecommendations,
    responses=error_responses(409),
)
async def recommend_mentors(payload: MentorRecommendationRequest, caller: Reader) -> Response:
    """The best mentors for an entrepreneur, best first, each with its 0-100 score and a
    reason per criterion. Mentors failing a hard filter (no free slot, paused, no shared
    language, the tenant's rules) or with an earlier match with this entrepreneur (other
    than a completed one, e.g. declined) are left out. With `include_network`, mentors
    other organisations share are included if the entrepreneur consented."""
    return respond(
        await service.recommend_mentors(caller.db, tenant_id=caller.tenant_id, request=payload)
    )


@router.post(
    "/v1/matching/lender-recommendations",
    operation_id="matching_recommend_lenders",
    response_model=LenderRecommendations,
    responses=error_responses(409),
)
async def recommend_lenders(payload: LenderRecommendationRequest, caller: Reader) -> Response:
    """The best lenders for an entrepreneur's funding need (amount, currency, loan kind):
    only active lenders funding that currency and amount with funds available."""
    return respond(
        await service.recommend_lenders(caller.db, tenant_id=caller.tenant_id, request=payload)
    )


# --------------------------------------------------------------------------- matches


@router.post(
    "/v1/matches",
    operation_id="matches_create",
    status_code=201,
    response_model=Match,
    responses=error_responses(409),
)
async def create_match(
    payload: MatchCreate, request: Request, caller: Writer, idempotency_key: IdempotencyKey = None
) -> Response:
    """Propose a mentor (own, or shared by another organisation) to one of your
    entrepreneurs. The mentor's organisation accepts or declines."""
    entrepreneur = await service.active_entrepreneur(
        caller.db,
        tenant_id=caller.tenant_id,
        entrepreneur_id=payload.entrepreneur_id,
        path="body.entrepreneur_id",
    )
    settings = await service.get_settings(caller.db, tenant_id=caller.tenant_id)
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.propose_match(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            data=payload,
            entrepreneur=entrepreneur,
            settings=settings,
        ),
    )


@router.get("/v1/matches", operation_id="matches_list", response_model=Page[Match])
async def list_matches(
    caller: Reader,
    page: Page_,
    status: MatchStatus | None = None,
    side: Side | None = None,
    entrepreneur_id: uuid.UUID | None = None,
    mentor_id: uuid.UUID | None = None,
) -> Response:
    """Matches of your entrepreneurs and of your mentors, oldest first."""
    return respond(
        await service.list_matches(
            caller.db,
            tenant_id=caller.tenant_id,
            page=page,
            filters=service.MatchFilters(
                status=status, side=side, entrepreneur_id=entrepreneur_id, mentor_id=mentor_id
            ),
        )
    )


@router.get("/v1/matches/{match_id}", operation_id="matches_get", response_model=Match)
async def get_match(match_id: uuid.UUID, caller: Reader) -> Response:
    """A match, as your side of it sees it."""
    return respond(
        await service.get_match(caller.db, tenant_id=caller.tenant_id, match_id=match_id)
    )


@router.post(
    "/v1/matches/{match_id}/accept",
    operation_id="matches_accept",
    response_model=Match,
    responses=error_responses(409),
)
async def accept_match(
    match_id: uuid.UUID, request: Request, caller: Writer, idempotency_key: IdempotencyKey = None
) -> Response:
    """The mentor's organisation accepts; 409 if the mentor has no free slot (also when
    another accept took the last one at the same moment)."""
    return await caller.write(
        request,
        idempotency_key,
        None,
        lambda conn: service.accept_match(
            conn, tenant_id=caller.tenant_id, actor=caller.client_id, match_id=match_id
        ),
        status_code=200,
    )


@router.post(
    "/v1/matches/{match_id}/decline",
    operation_id="matches_decline",
    response_model=Match,
    responses=error_responses(409),
)
async def decline_match(
    match_id: uuid.UUID,
    payload: MatchDecline,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Either side declines a proposal, with a reason; the pair is not recommended again."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.decline_match(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            match_id=match_id,
            data=payload,
        ),
        status_code=200,
    )


@router.post(
    "/v1/matches/{match_id}/complete",
    operation_id="matches_complete",
    response_model=Match,
    responses=error_responses(409),
)
async def complete_match(
    match_id: uuid.UUID, request: Request, caller: Writer, idempotency_key: IdempotencyKey = None
) -> Response:
    """Either side ends an active match; the mentor's slot is free again."""
    return await caller.write(
        request,
        idempotency_key,
        None,
        lambda conn: service.complete_match(
            conn, tenant_id=caller.tenant_id, actor=caller.client_id, match_id=match_id
        ),
        status_code=200,
    )


@router.post(
    "/v1/matches/{match_id}/sessions",
    operation_id="matches_create_session",
    status_code=201,
    response_model=Session,
    responses=error_responses(409),
)
async def create_session(
    match_id: uuid.UUID,
    payload: SessionCreate,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Log a mentoring session (either side): date, minutes, channel, topics, ratings."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.log_session(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            match_id=match_id,
            data=payload,
        ),
    )


@router.get(
    "/v1/matches/{match_id}/sessions",
    operation_id="matches_list_sessions",
    response_model=Page[Session],
)
async def list_sessions(match_id: uuid.UUID, caller: Reader, page: Page_) -> Response:
    """A match's sessions, in the order they were logged."""
    return respond(
        await service.list_sessions(
            caller.db, tenant_id=caller.tenant_id, match_id=match_id, page=page
        )
    )


# --------------------------------------------------------------------------- cohorts


@router.post(
    "/v1/matching/cohort-assignments",
    operation_id="matching_create_cohort_assignment",
    status_code=201,
    response_model=CohortAssignment,
    responses={
        202: {"model": CohortAssignment, "description": "Queued: poll GET until finished."},
        **error_responses(409),
    },
)
async def create_cohort_assignment(
    payload: CohortAssignmentCreate,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Assign a cohort of entrepreneurs to mentors optimally (exact), within the mentors'
    free slots, hard filters and the required and banned pairs. Small cohorts answer 201
    with the result; large ones (over 50,000 pairs, or `run_async`) answer 202 and run in
    the background."""
    inputs = await cohorts.load_inputs(caller.db, tenant_id=caller.tenant_id, request=payload)
    background = cohorts.runs_in_background(payload)
    outcome = (
        None
        if background
        else await asyncio.to_thread(cohorts.compute, inputs, payload, caller.tenant_id)
    )
    created: list[uuid.UUID] = []

    async def record(conn: asyncpg.Connection) -> CohortAssignment:
        model = await cohorts.record(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            request=payload,
            outcome=outcome,
        )
        created.append(model.id)
        return model

    response = await caller.write(
        request, idempotency_key, payload, record, status_code=202 if background else 201
    )
    if background and created:
        cohorts.start(caller.db, tenant_id=caller.tenant_id, assignment_id=created[0])
    return response


@router.get(
    "/v1/matching/cohort-assignments/{assignment_id}",
    operation_id="matching_get_cohort_assignment",
    response_model=CohortAssignment,
)
async def get_cohort_assignment(assignment_id: uuid.UUID, caller: Reader) -> Response:
    """A cohort assignment: its status and, once succeeded, the assignment, its total
    score and the unassigned with their reasons."""
    return respond(
        await cohorts.get(caller.db, tenant_id=caller.tenant_id, assignment_id=assignment_id)
    )
