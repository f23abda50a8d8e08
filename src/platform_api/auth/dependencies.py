"""FastAPI security dependencies: they appear in the OpenAPI document with their scopes."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

import asyncpg
from fastapi import Request, Response, Security
from fastapi.openapi.models import OAuthFlowClientCredentials, OAuthFlows
from fastapi.security import OAuth2, SecurityScopes
from pydantic import BaseModel

from platform_api.auth import scopes as scope_names
from platform_api.auth.principals import Principal, PrincipalKind
from platform_api.auth.tokens import InvalidToken, TokenService
from platform_api.core.db import Database
from platform_api.core.errors import Problem, not_found
from platform_api.core.idempotency import fingerprint, run_write
from platform_api.core.ratelimit import RateLimiter

_FLOWS = OAuthFlows(
    clientCredentials=OAuthFlowClientCredentials(
        tokenUrl="/v1/oauth/token", scopes=scope_names.ALL_SCOPES
    )
)


def get_token_service(request: Request) -> TokenService:
    tokens: TokenService = request.app.state.tokens
    return tokens


def _bearer_token(request: Request) -> str:
    authorization = request.headers.get("authorization", "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Problem(
            401,
            "Send `Authorization: Bearer <token>` (from POST /v1/oauth/token).",
            slug="unauthenticated",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return token


def _verified(request: Request, required: list[str]) -> Principal:
    """The verified caller holding every scope in `required` (401/403 otherwise)."""
    try:
        principal = get_token_service(request).verify(_bearer_token(request))
    except InvalidToken as exc:
        raise Problem(
            401,
            str(exc),
            slug="invalid-token",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        ) from exc
    request.scope["state"]["principal"] = principal
    missing = [s for s in required if s not in principal.scopes]
    if missing:
        wanted = " ".join(missing)
        raise Problem(
            403,
            f"This token lacks the scope(s): {wanted}.",
            slug="insufficient-scope",
            headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{wanted}"'},
        )
    return principal


async def _admitted(request: Request, required: list[str]) -> Principal:
    """`_verified`, then within the caller's rate limits (429 otherwise)."""
    principal = _verified(request, required)
    limiter: RateLimiter | None = request.app.state.limiter
    if limiter is not None:
        await limiter.admit(principal)
    return principal


class _Scheme(OAuth2):
    """The OAuth 2.0 bearer scheme (so OpenAPI documents it, with each endpoint's scopes)
    and the check of the caller, in ONE dependency: FastAPI resolves dependencies on every
    request, and each extra level costs on the hot path."""

    def __init__(self) -> None:
        super().__init__(
            flows=_FLOWS,
            scheme_name="OAuth2ClientCredentials",
            description=(
                "OAuth 2.0 client credentials (RFC 6749 §4.4). The access token is a "
                "short-lived JWT following RFC8725: signed with ES256 or RS256 (never `none`), "
                "verified with an explicit algorithm list, `exp`, `aud` and `iss` required, "
                "the key chosen by `kid` from `/.well-known/jwks.json`. No refresh token: "
                "fetch a new token with the client's credentials before this one expires."
            ),
        )


class _AnyPrincipal(_Scheme):
    async def __call__(  # type: ignore[override]
        self, request: Request, security_scopes: SecurityScopes
    ) -> Principal:
        """Any verified caller holding the endpoint's scopes."""
        return await _admitted(request, security_scopes.scopes)


@dataclass(frozen=True, slots=True)
class TenantContext:
    """What a tenant endpoint acts with: its verified caller and the database. One
    dependency gives both, because FastAPI resolves every dependency level per request."""

    tenant_id: uuid.UUID
    client_id: uuid.UUID
    scopes: frozenset[str]
    db: Database

    async def write(
        self,
        request: Request,
        idempotency_key: str | None,
        payload: BaseModel | None,
        action: Callable[[asyncpg.Connection], Awaitable[BaseModel]],
        *,
        status_code: int = 201,
    ) -> Response:
        """Run `action` in one transaction of this tenant, replayable by the key."""
        return await run_write(
            self.db,
            scope=self.tenant_id,
            client_id=self.client_id,
            key=idempotency_key,
            request_fingerprint=fingerprint(request.method, request.url.path, payload),
            action=action,
            status_code=status_code,
        )


class _TenantContext(_Scheme):
    async def __call__(  # type: ignore[override]
        self, request: Request, security_scopes: SecurityScopes
    ) -> TenantContext:
        """Only a tenant's own clients reach tenant-owned data."""
        principal = await _admitted(request, security_scopes.scopes)
        if principal.kind is not PrincipalKind.TENANT or principal.tenant_id is None:
            raise Problem(403, "This endpoint is for tenant clients.", slug="forbidden")
        return TenantContext(
            principal.tenant_id, principal.client_id, principal.scopes, request.app.state.db
        )


class _OperatorPrincipal(_Scheme):
    async def __call__(  # type: ignore[override]
        self, request: Request, security_scopes: SecurityScopes
    ) -> Principal:
        principal = await _admitted(request, security_scopes.scopes)
        if principal.kind is not PrincipalKind.OPERATOR:
            raise Problem(403, "This endpoint is for the platform operator.", slug="forbidden")
        return principal


current_principal = _AnyPrincipal()
tenant_context = _TenantContext()
operator_principal = _OperatorPrincipal()


def authorize_tenant_admin(principal: Principal, tenant_id: uuid.UUID) -> None:
    """The operator, or the tenant's own admin client. Another tenant's id is 404."""
    if principal.kind is PrincipalKind.OPERATOR:
        return
    if principal.kind is PrincipalKind.TENANT and principal.tenant_id == tenant_id:
        if "tenant:admin" in principal.scopes:
            return
        raise Problem(
            403, "This token lacks the scope(s): tenant:admin.", slug="insufficient-scope"
        )
    raise not_found("Tenant")


AnyPrincipal = Annotated[Principal, Security(current_principal)]
Operator = Annotated[Principal, Security(operator_principal, scopes=[scope_names.OPERATOR])]
