"""Token signing keys: an asymmetric key (ES256 or RS256) whose public half is published
as a JWK with a `kid` (its RFC 7638 thumbprint)."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jose import jwk
from jose.backends.base import Key

from platform_api.core.files import create_once


def _b64url_uint(value: int, length: int | None = None) -> str:
    size = length or (value.bit_length() + 7) // 8
    return base64.urlsafe_b64encode(value.to_bytes(size, "big")).decode().rstrip("=")


@dataclass(frozen=True)
class SigningKey:
    kid: str
    algorithm: str
    private_pem: str
    public_jwk: dict[str, str]
    verifier: Key  # built once: python-jose would otherwise parse the PEM on every verify


def _public_jwk(private_key: Any, algorithm: str) -> dict[str, str]:
    numbers = private_key.public_key().public_numbers()
    if isinstance(private_key, ec.EllipticCurvePrivateKey):
        members = {
            "crv": "P-256",
            "kty": "EC",
            "x": _b64url_uint(numbers.x, 32),
            "y": _b64url_uint(numbers.y, 32),
        }
    else:
        members = {"e": _b64url_uint(numbers.e), "kty": "RSA", "n": _b64url_uint(numbers.n)}
    thumbprint = hashlib.sha256(orjson.dumps(members, option=orjson.OPT_SORT_KEYS)).digest()
    kid = base64.urlsafe_b64encode(thumbprint).decode().rstrip("=")
    return {**members, "kid": kid, "use": "sig", "alg": algorithm}


def _generate(algorithm: str) -> bytes:
    key: Any = (
        ec.generate_private_key(ec.SECP256R1())
        if algorithm == "ES256"
        else rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )
    pem: bytes = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return pem


def load_or_create_key(path: Path, algorithm: str, *, create: bool) -> SigningKey:
    """Read the PEM at `path`; with `create`, generate it first if missing (atomically, so
    several workers starting together agree on one key)."""
    if not path.exists():
        if not create:
            raise FileNotFoundError(f"signing key {path} does not exist")
        create_once(path, _generate(algorithm))
    pem = path.read_bytes()
    private_key = serialization.load_pem_private_key(pem, password=None)
    expected = ec.EllipticCurvePrivateKey if algorithm == "ES256" else rsa.RSAPrivateKey
    if not isinstance(private_key, expected):
        raise ValueError(f"{path} does not hold a key for {algorithm}")
    public_jwk = _public_jwk(private_key, algorithm)
    public_pem = private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return SigningKey(
        kid=public_jwk["kid"],
        algorithm=algorithm,
        private_pem=pem.decode(),
        public_jwk=public_jwk,
        verifier=jwk.construct(public_pem.decode(), algorithm),
    )
