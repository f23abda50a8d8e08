"""create_app(): routers, middleware, error handlers — nothing else."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.routing import APIRoute

from platform_api.audit.router import router as audit_router
from platform_api.auth.keys import load_or_create_key
from platform_api.auth.revocation import RevocationListener
from platform_api.auth.router import router as auth_router
from platform_api.auth.tokens import TokenService
from platform_api.core.db import Database, create_pool, serving_url
from platform_api.core.errors import install_error_handlers
from platform_api.core.health import router as health_router
from platform_api.core.jobs import run_every
from platform_api.core.keyring import install_keyring
from platform_api.core.metering import Meter, flush_logged
from platform_api.core.middleware import RequestContextMiddleware
from platform_api.core.openapi import install_openapi
from platform_api.core.ratelimit import RateLimiter
from platform_api.entrepreneurs.router import router as entrepreneurs_router
from platform_api.entrepreneurs.surveys.router import router as outcome_surveys_router
from platform_api.funders.router import router as funders_router
from platform_api.loans.accounts.router import router as loan_accounts_router
from platform_api.loans.accounts.service import sweep_overdue
from platform_api.loans.circles.router import router as lending_circles_router
from platform_api.loans.groups.router import router as group_loans_router
from platform_api.loans.origination.router import router as loan_applications_router
from platform_api.loans.router import router as loans_router
from platform_api.loans.social.router import router as social_lending_router
from platform_api.matching.router import router as matching_router
from platform_api.reporting.router import router as reports_router
from platform_api.reporting.service import refresh_report_facts
from platform_api.settings import Settings, get_settings
from platform_api.tenants.router import router as tenants_router
from platform_api.webhooks.dispatcher import DispatchConfig, Dispatcher
from platform_api.webhooks.router import router as webhooks_router

DESCRIPTION = """Shared services for microenterprise support organisations: matching,
social loan products, loan origination and funder reporting, with every organisation's
data isolated from every other's.

* **Auth**: OAuth 2.0 client credentials — `POST /v1/oauth/token`, then
  `Authorization: Bearer <token>`.
* **Errors**: RFC 9457 `application/problem+json` with `errors[]` for invalid fields.
* **Lists**: `?limit=` (max 200) and `?cursor=` from `next_cursor`.
* **Retries**: send `Idempotency-Key` on POSTs; required where money moves.
* **Money**: integer minor units with an ISO 4217 code. Another tenant's object is 404.
"""


#: The order the documentation shows the groups in (routes are registered busiest first).
OPENAPI_TAGS = [
    {"name": "auth", "description": "Tokens (OAuth 2.0 client credentials) and signing keys."},
    {"name": "tenants", "description": "Partner organisations and their API clients."},
    {"name": "entrepreneurs", "description": "The people and businesses a tenant serves."},
    {"name": "loan products", "description": "Loan terms, and quotes with their true cost."},
    {
        "name": "loan applications",
        "description": "Intake, underwriting, maker-checker decisions and disbursement.",
    },
    {
        "name": "loans",
        "description": "Loan accounts: balances, repayments and reversals, arrears, write-off.",
    },
    {
        "name": "lending circles",
        "description": "Rotating zero-interest circles: calendar, contributions, payouts, "
        "guarantee draws and the credit-reporting feed.",
    },
    {
        "name": "group loans",
        "description": "Joint-liability groups: one decision for every member's loan, "
        "whole-group repayments split by the group's rule, arrears shown on the group.",
    },
    {
        "name": "social lending",
        "description": "Endorsements by trustees and their track record, the endorsement "
        "rule, crowd-funding commitments and each lender's share of repayments and losses.",
    },
    {
        "name": "matching",
        "description": "Mentors and lenders matched to entrepreneurs: explained scores, "
        "capacity, whole-cohort optimal assignment, and the mentor network across "
        "organisations.",
    },
    {
        "name": "webhooks",
        "description": "Signed event deliveries to your URLs, their log, and the event log.",
    },
    {
        "name": "reports",
        "description": "Usage, impact and portfolio aggregates for tenant admins, granted "
        "funders and the operator; small cells suppressed, never a person's record.",
    },
    {"name": "funders", "description": "Funders, and the grants that let them read reports."},
    {
        "name": "audit",
        "description": "The tenant's append-only log of every money write and decision.",
    },
    {"name": "platform", "description": "Health, readiness and metrics."},
]


def signing_key_path(settings: Settings) -> tuple[Path, bool]:
    """The configured key, or one generated on first start under `var_dir`."""
    if settings.jwt_private_key_file:
        return settings.jwt_private_key_file, False
    return settings.var_dir / "keys" / f"signing-{settings.jwt_algorithm}.pem", True


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    meter = Meter() if settings.metering_enabled else None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app_url = serving_url(settings)
        install_keyring(settings)
        path, create = signing_key_path(settings)
        key = load_or_create_key(path, settings.jwt_algorithm, create=create)
        app.state.tokens = TokenService(
            key,
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            lifetime_seconds=settings.token_lifetime_seconds,
        )
        pool = await create_pool(app_url, settings)
        app.state.db = Database(pool)
        limiter = RateLimiter(app.state.db, settings) if settings.rate_limit_enabled else None
        app.state.limiter = limiter
        report_pool = (
            await create_pool(settings.database_report_url, settings, name="platform-api-reports")
            if settings.database_report_url
            else None
        )
        app.state.report_db = Database(report_pool) if report_pool else app.state.db
        listener = RevocationListener(app_url, settings.token_lifetime_seconds)
        await listener.start()
        # Everything built so far lives as long as the worker: move it out of the
        # collector's sight, so full collections under load take milliseconds, not 100.
        gc.collect()
        gc.freeze()
        # A request allocates a few thousand objects; collecting the young generation
        # every 700 allocations (the default) runs it several times per request.
        gc.set_threshold(20_000, 20, 20)
        jobs = []
        if settings.overdue_sweep_seconds:
            jobs.append(
                asyncio.create_task(
                    run_every(
                        settings.overdue_sweep_seconds,
                        lambda: sweep_overdue(app.state.db),
                        "overdue sweep",
                    )
                )
            )
        if settings.report_facts_seconds:
            jobs.append(
                asyncio.create_task(
                    run_every(
                        settings.report_facts_seconds,
                        lambda: refresh_report_facts(app.state.db),
                        "report facts",
                    )
                )
            )
        if meter is not None:
            jobs.append(
                asyncio.create_task(
                    run_every(
                        settings.metering_flush_seconds,
                        lambda: flush_logged(meter, pool),
                        "usage flush",
                    )
                )
            )
        if settings.webhook_dispatcher_in_process:
            dispatcher = Dispatcher(app.state.db, DispatchConfig.from_settings(settings))
            jobs.append(asyncio.create_task(dispatcher.run()))
        try:
            yield
        finally:
            for job in jobs:
                job.cancel()
            await asyncio.gather(*jobs, return_exceptions=True)
            if meter is not None:
                await flush_logged(meter, pool)
            await listener.stop()
            if report_pool is not None:
                await report_pool.close()
            await pool.close()

    app = FastAPI(
        title="Platform API",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_tags=OPENAPI_TAGS,
        # Metrics are Prometheus (core/middleware.py); FastAPI's own OpenTelemetry hooks
        # would otherwise look up the global providers on every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
        separate_input_output_schemas=False,
    )
    install_error_handlers(app)
    install_openapi(app)
    app.state.meter = meter
    app.state.settings = settings
    app.add_middleware(
        RequestContextMiddleware, max_body_bytes=settings.max_body_bytes, meter=meter
    )
    # Routes are added flat, busiest domains first. `include_router` keeps each router as
    # a nested matcher that FastAPI walks twice per request (match, then handle) across
    # every earlier router; flat APIRoutes (which already carry their prefix and tags)
    # are matched once. Measured in benchmarks/bench_read.py.
    for router in (
        loans_router,
        loan_accounts_router,
        entrepreneurs_router,
        loan_applications_router,
        lending_circles_router,
        group_loans_router,
        social_lending_router,
        matching_router,
        webhooks_router,
        outcome_surveys_router,
        reports_router,
        funders_router,
        audit_router,
        tenants_router,
        auth_router,
        health_router,
    ):
        app.router.routes.extend(router.routes)
    # The documentation pages FastAPI registered first go after the API's routes.
    app.router.routes.sort(key=lambda route: not isinstance(route, APIRoute))
    return app
