"""Access tokens: JWTs signed with the platform key, verified with explicit algorithms,
required `exp`/`aud`/`iss`, and the key chosen by `kid`. Verified claims are cached until
the token expires, because verifying a signature costs more than serving a read."""

from __future__ import annotations

import time
import uuid
from collections import OrderedDict

from jose import JWTError, jwt

from platform_api.auth import revocation
from platform_api.auth.keys import SigningKey
from platform_api.auth.principals import Principal, PrincipalKind

_CACHE_SIZE = 10_000


class InvalidToken(Exception):
    """The token cannot be trusted; the message says why (safe to show)."""


class TokenService:
    def __init__(
        self, key: SigningKey, *, issuer: str, audience: str, lifetime_seconds: int
    ) -> None:
        self.key = key
        self.issuer = issuer
        self.audience = audience
        self.lifetime_seconds = lifetime_seconds
        self._verified: OrderedDict[str, Principal] = OrderedDict()

    def jwks(self) -> dict[str, list[dict[str, str]]]:
        return {"keys": [self.key.public_jwk]}

    def issue(self, principal: Principal) -> tuple[str, int]:
        now = int(time.time())
        claims: dict[str, object] = {
            "iss": self.issuer,
            "aud": self.audience,
            "sub": str(principal.client_id),
            "iat": now,
            "nbf": now,
            "exp": now + self.lifetime_seconds,
            "jti": uuid.uuid4().hex,
            "kind": principal.kind.value,
            "scope": " ".join(sorted(principal.scopes)),
        }
        if principal.tenant_id:
            claims["tid"] = str(principal.tenant_id)
        if principal.funder_id:
            claims["fid"] = str(principal.funder_id)
        token = jwt.encode(
            claims,
            self.key.private_pem,
            algorithm=self.key.algorithm,
            headers={"kid": self.key.kid},
        )
        return token, self.lifetime_seconds

    def verify(self, token: str) -> Principal:
        principal = self._verified.get(token)
        if principal is None or principal.expires_at <= time.time():
            principal = self._decode(token)
            self._verified[token] = principal
            if len(self._verified) > _CACHE_SIZE:
                self._verified.popitem(last=False)
        if principal.client_id in revocation.revoked_clients:
            raise InvalidToken("The client has been revoked.")
        if principal.tenant_id is not None and principal.tenant_id in revocation.suspended_tenants:
            raise InvalidToken("The tenant is suspended.")
        return principal

    def _decode(self, token: str) -> Principal:
        try:
            header = jwt.get_unverified_header(token)
        except JWTError as exc:
            raise InvalidToken("The token is malformed.") from exc
        if header.get("kid") != self.key.kid:
            raise InvalidToken("The token was not signed by a current key.")
        try:
            claims = jwt.decode(
                token,
                self.key.verifier,
                algorithms=[self.key.algorithm],
                audience=self.audience,
                issuer=self.issuer,
                options={"require_exp": True, "require_aud": True, "require_iss": True},
            )
            return Principal(
                kind=PrincipalKind(claims["kind"]),
                client_id=uuid.UUID(claims["sub"]),
                scopes=frozenset(str(claims.get("scope", "")).split()),
                tenant_id=uuid.UUID(claims["tid"]) if "tid" in claims else None,
                funder_id=uuid.UUID(claims["fid"]) if "fid" in claims else None,
                expires_at=float(claims["exp"]),
            )
        except (JWTError, KeyError, ValueError) as exc:
            raise InvalidToken("The token is invalid or expired.") from exc
