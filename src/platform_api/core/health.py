"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

import asyncio
import hmac

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel

from platform_api.core.errors import Problem, problem_response
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
async def metrics(request: Request) -> Response:
    """Prometheus text format. With `METRICS_TOKEN` set, only for its bearer: operation
    names and latencies tell an outsider what the platform is used for and when."""
    token = request.app.state.settings.metrics_token
    if token is not None:
        given = request.headers.get("authorization", "").encode()
        if not hmac.compare_digest(given, b"Bearer " + token.get_secret_value().encode()):
            raise Problem(
                401,
                "Send `Authorization: Bearer <METRICS_TOKEN>`.",
                slug="unauthenticated",
                headers={"WWW-Authenticate": "Bearer"},
            )
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
