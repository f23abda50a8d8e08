"""Token endpoint (OAuth 2.0 client credentials), JWKS and `/v1/me`."""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request, Response
from pydantic import BaseModel, Field

from platform_api.auth.dependencies import AnyPrincipal, get_token_service
from platform_api.core.db import DbDep
from platform_api.core.errors import Problem
from platform_api.core.ratelimit import RateLimiter
from platform_api.core.responses import respond
from platform_api.tenants import service as tenants
from platform_api.tenants.schemas import Me

router = APIRouter(tags=["auth"])


class TokenRequest(BaseModel):
    """Form fields of the client-credentials grant (RFC 6749 §4.4)."""

    grant_type: Literal["client_credentials"]
    client_id: str | None = Field(default=None, max_length=64)
    client_secret: str | None = Field(default=None, max_length=256)
    scope: str | None = Field(
        default=None, max_length=1000, description="Space-separated subset of the client's scopes."
    )


class TokenResponse(BaseModel):
    access_token: str
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 (a token type, not a secret)
    expires_in: int
    scope: str


class JsonWebKey(BaseModel):
    kty: str
    kid: str
    use: str
    alg: str
    crv: str | None = None
    x: str | None = None
    y: str | None = None
    n: str | None = None
    e: str | None = None


class JsonWebKeySet(BaseModel):
    keys: list[JsonWebKey]


def _basic_credentials(request: Request) -> tuple[str, str] | None:
    """RFC 6749 §2.3.1: credentials may come as HTTP Basic instead of form fields."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic" or not value:
        return None
    try:
        client_id, _, secret = base64.b64decode(value, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return client_id, secret


@router.post(
    "/v1/oauth/token",
    operation_id="auth_issue_token",
    response_model=TokenResponse,
    responses={
        400: {"description": "Malformed request, or a scope the client lacks (`invalid_scope`)"},
        401: {
            "description": "Missing or wrong client credentials, a revoked client or a "
            "suspended tenant (`invalid_client`)"
        },
    },
)
async def issue_token(
    request: Request, db: DbDep, form: Annotated[TokenRequest, Form()]
) -> Response:
    """Exchange a client id and secret for a short-lived access token (RFC 6749 §4.4).
    Credentials go in the form or as HTTP Basic. Errors carry the RFC 6749 `error` code."""
    credentials = _basic_credentials(request) or (
        (form.client_id, form.client_secret) if form.client_id and form.client_secret else None
    )
    if credentials is None:
        raise Problem(
            401,
            "Send client_id and client_secret (form fields or HTTP Basic).",
            slug="invalid-client",
            extra={"error": "invalid_client"},
        )
    limiter: RateLimiter | None = request.app.state.limiter
    if limiter is not None:
        await limiter.admit_token_request(credentials[0])
    principal = await tenants.authenticate_client(
        db,
        client_id=credentials[0],
        client_secret=credentials[1],
        requested_scopes=form.scope.split() if form.scope else None,
    )
    token, lifetime = get_token_service(request).issue(principal)
    return respond(
        TokenResponse(
            access_token=token, expires_in=lifetime, scope=" ".join(sorted(principal.scopes))
        ),
        headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
    )


@router.get("/.well-known/jwks.json", operation_id="auth_jwks", response_model=JsonWebKeySet)
async def jwks(request: Request) -> Response:
    """Public keys that verify access tokens, chosen by the token's `kid`."""
    return respond(
        JsonWebKeySet.model_validate(get_token_service(request).jwks()),
        headers={"Cache-Control": "public, max-age=300"},
    )


@router.get(
    "/v1/me",
    operation_id="auth_me",
    response_model=Me,
)
async def me(principal: AnyPrincipal) -> Response:
    """Who this token is: kind, client, tenant or funder, scopes, expiry."""
    return respond(
        Me(
            kind=principal.kind.value,
            client_id=principal.client_id,
            tenant_id=principal.tenant_id,
            funder_id=principal.funder_id,
            scopes=sorted(principal.scopes),
            expires_at=datetime.fromtimestamp(principal.expires_at, UTC),
        )
    )
