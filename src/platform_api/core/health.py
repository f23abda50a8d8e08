"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel

from platform_api.core.errors import problem_response
from platform_api.core.responses import respond

router = APIRouter(tags=["platform"])


class Health(BaseModel):
    status: str


@router.get("/healthz", operation_id="platform_liveness", response_model=Health)
async def healthz() -> Response:
    """The process is up (it does not touch the database)."""
    return respond(Health(status="ok"))


@router.get(
    "/readyz",
    operation_id="platform_readiness",
    response_model=Health,
    responses={503: {"description": "Not ready", "content": {"application/problem+json": {}}}},
)
async def readyz(request: Request) -> Response:
    """Ready to serve: the database answers within two seconds."""
    try:
        await asyncio.wait_for(request.app.state.db.pool.fetchval("SELECT 1"), timeout=2)
    except Exception:  # any failure means not ready
        return problem_response(
            503, detail="The database is not reachable.", slug="not-ready", request=request
        )
    return respond(Health(status="ready"))


@router.get("/metrics", operation_id="platform_metrics", include_in_schema=False)
async def metrics() -> Response:
    """Prometheus text format (expose only on the operator network)."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
