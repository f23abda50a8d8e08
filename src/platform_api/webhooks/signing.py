"""How a webhook request is signed, and how a receiver checks it. Pure: no I/O.

Every delivery is an HTTP POST whose body is the event as `GET /v1/events/{id}` shows
it, with these headers:

    Platform-Event-Id:     the event's id (the same on every retry and replay: use it
                           to drop duplicates, delivery is at-least-once)
    Platform-Event-Type:   e.g. `repayment.posted`
    Platform-Delivery-Id:  this delivery (changes on replay)
    Platform-Timestamp:    when this attempt was signed, in Unix seconds
    Platform-Signature:    `v1=<hex>`, or `v1=<hex>,v1=<hex>` while a rotated secret's
                           overlap lasts (one per valid secret)

`<hex>` is the lowercase hex HMAC-SHA256 of `<timestamp>.<body>` (the header's decimal
digits, a full stop, then the raw body bytes), keyed with the endpoint's secret string
(`whsec_...`, UTF-8). To verify: recompute it over the raw body as received (not
re-serialised JSON) with your secret, compare in constant time with each `v1=` value,
accept if any matches, and refuse timestamps too far from your clock (replays).
`verify()` below does exactly that; the SDK ships the same function.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Iterable

SECRET_PREFIX = "whsec_"  # noqa: S105 (a prefix, not a secret)
SCHEME = "v1"
#: How far a timestamp may be from the receiver's clock, by default.
DEFAULT_TOLERANCE_SECONDS = 300

EVENT_ID_HEADER = "Platform-Event-Id"
EVENT_TYPE_HEADER = "Platform-Event-Type"
DELIVERY_ID_HEADER = "Platform-Delivery-Id"
TIMESTAMP_HEADER = "Platform-Timestamp"
SIGNATURE_HEADER = "Platform-Signature"


def new_secret() -> str:
    """A fresh signing secret: 256 random bits, URL-safe, with a recognisable prefix."""
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of `<timestamp>.<body>` keyed with `secret`."""
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secrets_: Iterable[str], timestamp: int, body: bytes) -> str:
    """The `Platform-Signature` value: one `v1=` entry per secret."""
    return ",".join(f"{SCHEME}={sign(secret, timestamp, body)}" for secret in secrets_)


def verify(
    secret: str,
    *,
    body: bytes,
    timestamp: str,
    signature: str,
    tolerance_seconds: int = DEFAULT_TOLERANCE_SECONDS,
    now: float | None = None,
) -> bool:
    """Whether `signature` (the `Platform-Signature` header) holds a `v1=` entry made with
    `secret` over `timestamp` (the `Platform-Timestamp` header) and `body`, and the
    timestamp is within `tolerance_seconds` of `now` (default: this machine's clock)."""
    if not (timestamp.isascii() and timestamp.isdigit()) or len(timestamp) > 12:
        return False
    signed_at = int(timestamp)
    if abs((time.time() if now is None else now) - signed_at) > tolerance_seconds:
        return False
    expected = sign(secret, signed_at, body).encode()
    candidates = (entry.strip().partition("=") for entry in signature.split(","))
    return any(
        scheme == SCHEME and hmac.compare_digest(value.encode(), expected)
        for scheme, _, value in candidates
    )
