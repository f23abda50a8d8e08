"""FastAPI security dependencies: they appear in the OpenAPI document with their scopes."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.openapi.models import OAuthFlowClientCredentials, OAuthFlows
from fastapi.security import OAuth2, SecurityScopes

from platform_api.auth import scopes as scope_names
from platform_api.auth.principals import Principal, PrincipalKind, TenantPrincipal
from platform_api.auth.tokens import InvalidToken, TokenService
from platform_api.core.errors import Problem, not_found


class _ClientCredentialsBearer(OAuth2):
    """Bearer token from the client-credentials flow; 401 problem+json when absent."""

    async def __call__(self, request: Request) -> str:
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


oauth2_scheme = _ClientCredentialsBearer(
    flows=OAuthFlows(
        clientCredentials=OAuthFlowClientCredentials(
            tokenUrl="/v1/oauth/token", scopes=scope_names.ALL_SCOPES
        )
    ),
    scheme_name="OAuth2ClientCredentials",
    description="OAuth 2.0 client credentials (RFC 6749 §4.4).",
)


def get_token_service(request: Request) -> TokenService:
    tokens: TokenService = request.app.state.tokens
    return tokens


async def current_principal(
    request: Request,
    security_scopes: SecurityScopes,
    token: Annotated[str, Depends(oauth2_scheme)],
) -> Principal:
    """The verified caller, holding every scope the endpoint asks for."""
    try:
        principal = get_token_service(request).verify(token)
    except InvalidToken as exc:
        raise Problem(
            401,
            str(exc),
            slug="invalid-token",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        ) from exc
    request.scope["state"]["principal"] = principal
    missing = [s for s in security_scopes.scopes if s not in principal.scopes]
    if missing:
        raise Problem(
            403,
            f"This token lacks the scope(s): {' '.join(missing)}.",
            slug="insufficient-scope",
            headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{" ".join(missing)}"'},
        )
    return principal


async def tenant_principal(
    principal: Annotated[Principal, Security(current_principal)],
) -> TenantPrincipal:
    """Only a tenant's own clients reach tenant-owned data."""
    if principal.kind is not PrincipalKind.TENANT or principal.tenant_id is None:
        raise Problem(403, "This endpoint is for tenant clients.", slug="forbidden")
    return TenantPrincipal(principal.tenant_id, principal.client_id, principal.scopes)


async def operator_principal(
    principal: Annotated[Principal, Security(current_principal, scopes=[scope_names.OPERATOR])],
) -> Principal:
    if principal.kind is not PrincipalKind.OPERATOR:
        raise Problem(403, "This endpoint is for the platform operator.", slug="forbidden")
    return principal


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


def tenant_scopes(*required: str) -> type[TenantPrincipal]:
    """`Annotated[TenantPrincipal, Security(...)]` requiring `required` scopes."""
    return Annotated[TenantPrincipal, Security(tenant_principal, scopes=list(required))]  # type: ignore[return-value]


AnyPrincipal = Annotated[Principal, Security(current_principal)]
Operator = Annotated[Principal, Security(operator_principal)]
