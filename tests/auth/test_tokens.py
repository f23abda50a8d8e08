"""Tokens: only correctly signed, current, addressed-to-us tokens work."""

from __future__ import annotations

import base64
import json
import time
import uuid

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from jose import jwt

from tests.conftest import Caller, fetch_token


def _claims(caller: Caller, **overrides) -> dict:
    now = int(time.time())
    claims = {
        "iss": "platform-api",
        "aud": "platform-api",
        "sub": caller.client_id,
        "iat": now,
        "exp": now + 600,
        "kind": "tenant",
        "tid": caller.tenant_id,
        "scope": "entrepreneurs:read",
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _sign(app, claims: dict, **header) -> str:
    key = app.state.tokens.key
    return jwt.encode(
        claims, key.private_pem, algorithm="ES256", headers={"kid": key.kid, **header}
    )


async def _status(client, token: str) -> int:
    response = await client.get("/v1/entrepreneurs", headers={"Authorization": f"Bearer {token}"})
    if response.status_code == 401:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"].startswith("Bearer")
    return response.status_code


async def test_a_well_formed_token_works(client, app, tenant_a: Caller):
    assert await _status(client, _sign(app, _claims(tenant_a))) == 200


@pytest.mark.parametrize(
    "overrides",
    [
        {"exp": int(time.time()) - 10},
        {"exp": None},
        {"aud": "someone-else"},
        {"aud": None},
        {"iss": "https://evil.example"},
        {"iss": None},
    ],
    ids=["expired", "no-exp", "wrong-aud", "no-aud", "wrong-iss", "no-iss"],
)
async def test_bad_claims_are_401(client, app, tenant_a: Caller, overrides):
    assert await _status(client, _sign(app, _claims(tenant_a, **overrides))) == 401


async def test_unsigned_alg_none_is_401(client, app, tenant_a: Caller):
    header = {"alg": "none", "typ": "JWT", "kid": app.state.tokens.key.kid}
    token = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(_claims(tenant_a)).encode())}."
    assert await _status(client, token) == 401


async def test_hs256_signed_with_the_public_key_is_401(client, app, tenant_a: Caller):
    public_jwk = app.state.tokens.key.public_jwk
    public_pem = app.state.tokens.key.verifier.public_key().to_pem()
    header = {"alg": "HS256", "typ": "JWT", "kid": public_jwk["kid"]}
    import hashlib
    import hmac

    signing_input = (
        f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(_claims(tenant_a)).encode())}"
    )
    signature = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
    assert await _status(client, f"{signing_input}.{_b64(signature)}") == 401


async def test_unknown_kid_and_foreign_key_are_401(client, app, tenant_a: Caller):
    assert await _status(client, _sign(app, _claims(tenant_a), kid="unknown")) == 401
    foreign = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    forged = jwt.encode(
        _claims(tenant_a),
        foreign.decode(),
        algorithm="ES256",
        headers={"kid": app.state.tokens.key.kid},
    )
    assert await _status(client, forged) == 401


async def test_garbage_and_missing_tokens_are_401(client):
    assert await _status(client, "not-a-jwt") == 401
    missing = await client.get("/v1/entrepreneurs")
    assert missing.status_code == 401
    assert missing.json()["type"] == "/problems/unauthenticated"


async def test_token_without_the_scope_is_403(client, platform):
    tenant_id = await platform.tenant()
    reader = await platform.caller(tenant_id, ["entrepreneurs:read"])
    response = await client.post(
        "/v1/entrepreneurs", json={"full_name": "X", "country": "KE"}, headers=reader.headers
    )
    assert response.status_code == 403
    assert "entrepreneurs:write" in response.json()["detail"]


async def test_operator_and_tenant_cannot_cross_roles(client, operator: Caller, tenant_a: Caller):
    assert (await client.get("/v1/entrepreneurs", headers=operator.headers)).status_code == 403
    assert (await client.get("/v1/tenants", headers=tenant_a.headers)).status_code == 403


async def test_token_endpoint_checks_secret_scope_and_accepts_basic(client, tenant_a: Caller):
    wrong = await client.post(
        "/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": tenant_a.client_id,
            "client_secret": "wrong",
        },
    )
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    unknown = await client.post(
        "/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": str(uuid.uuid4()),
            "client_secret": "x",
        },
    )
    assert unknown.status_code == 401
    bad_grant = await client.post(
        "/v1/oauth/token", data={"grant_type": "password", "client_id": "a", "client_secret": "b"}
    )
    assert bad_grant.status_code == 422
    narrowed = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials", "scope": "entrepreneurs:read"},
        auth=(tenant_a.client_id, tenant_a.client_secret),
    )
    assert narrowed.status_code == 200, narrowed.text
    body = narrowed.json()
    assert body["scope"] == "entrepreneurs:read" and body["token_type"] == "Bearer"
    assert narrowed.headers["cache-control"] == "no-store"
    narrow_headers = {"Authorization": f"Bearer {body['access_token']}"}
    denied = await client.post(
        "/v1/entrepreneurs", json={"full_name": "X", "country": "KE"}, headers=narrow_headers
    )
    assert denied.status_code == 403
    escalate = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials", "scope": "platform:operator"},
        auth=(tenant_a.client_id, tenant_a.client_secret),
    )
    assert escalate.status_code == 400 and escalate.json()["error"] == "invalid_scope"


async def test_jwks_publishes_the_signing_key_by_kid(client, app):
    keys = (await client.get("/.well-known/jwks.json")).json()["keys"]
    assert [k["kid"] for k in keys] == [app.state.tokens.key.kid]
    assert keys[0]["kty"] == "EC" and keys[0]["alg"] == "ES256" and "d" not in keys[0]


async def test_me_describes_the_caller(client, tenant_a: Caller):
    me = (await client.get("/v1/me", headers=tenant_a.headers)).json()
    assert me["kind"] == "tenant"
    assert me["tenant_id"] == tenant_a.tenant_id and me["client_id"] == tenant_a.client_id
    assert "entrepreneurs:read" in me["scopes"]


async def test_suspending_a_tenant_stops_its_tokens_at_once(client, operator, platform):
    tenant_id = await platform.tenant()
    caller = await platform.caller(tenant_id)
    assert (await client.get("/v1/entrepreneurs", headers=caller.headers)).status_code == 200
    suspended = await client.patch(
        f"/v1/tenants/{tenant_id}", json={"status": "suspended"}, headers=operator.headers
    )
    assert suspended.status_code == 200 and suspended.json()["status"] == "suspended"
    assert (await client.get("/v1/entrepreneurs", headers=caller.headers)).status_code == 401
    refused = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(caller.client_id, caller.client_secret),
    )
    assert refused.status_code == 401
    await client.patch(
        f"/v1/tenants/{tenant_id}", json={"status": "active"}, headers=operator.headers
    )
    assert (await client.get("/v1/entrepreneurs", headers=caller.headers)).status_code == 200


async def test_revoking_a_client_stops_its_tokens(client, platform):
    tenant_id = await platform.tenant()
    admin = await platform.caller(tenant_id, ["tenant:admin"])
    worker = await platform.caller(tenant_id, ["entrepreneurs:read"])
    revoked = await client.delete(
        f"/v1/tenants/{tenant_id}/clients/{worker.client_id}", headers=admin.headers
    )
    assert revoked.status_code == 204
    assert (await client.get("/v1/entrepreneurs", headers=worker.headers)).status_code == 401
    with pytest.raises(AssertionError):
        await fetch_token(client, worker.client_id, worker.client_secret)
