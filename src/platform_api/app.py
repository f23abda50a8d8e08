"""create_app(): routers, middleware, error handlers — nothing else."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from platform_api.auth.keys import load_or_create_key
from platform_api.auth.revocation import RevocationListener
from platform_api.auth.router import router as auth_router
from platform_api.auth.tokens import TokenService
from platform_api.core.db import Database, create_pool, resolve_urls
from platform_api.core.errors import install_error_handlers
from platform_api.core.health import router as health_router
from platform_api.core.middleware import RequestContextMiddleware
from platform_api.entrepreneurs.router import router as entrepreneurs_router
from platform_api.settings import Settings, get_settings
from platform_api.tenants.router import router as tenants_router

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


def signing_key_path(settings: Settings) -> tuple[Path, bool]:
    """The configured key, or one generated on first start under `var_dir`."""
    if settings.jwt_private_key_file:
        return settings.jwt_private_key_file, False
    return settings.var_dir / "keys" / f"signing-{settings.jwt_algorithm}.pem", True


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        urls = resolve_urls(settings)
        path, create = signing_key_path(settings)
        key = load_or_create_key(path, settings.jwt_algorithm, create=create)
        app.state.tokens = TokenService(
            key,
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            lifetime_seconds=settings.token_lifetime_seconds,
        )
        pool = await create_pool(urls.app, settings)
        app.state.db = Database(pool)
        listener = RevocationListener(urls.app, settings.token_lifetime_seconds)
        await listener.start()
        try:
            yield
        finally:
            await listener.stop()
            await pool.close()

    app = FastAPI(
        title="Platform API",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        separate_input_output_schemas=False,
    )
    install_error_handlers(app)
    app.add_middleware(RequestContextMiddleware, max_body_bytes=settings.max_body_bytes)
    for router in (health_router, auth_router, tenants_router, entrepreneurs_router):
        app.include_router(router)
    return app
