"""Check that a webhook request comes from the platform, before trusting its body.

The platform signs each delivery with the endpoint's secret (`whsec_...`):

    Platform-Timestamp: Unix seconds when this attempt was signed
    Platform-Signature: v1=<hex>[,v1=<hex>...]   (several while a rotated secret overlaps)
    Platform-Event-Id:  the event's id, the same on every retry: drop duplicates by it

`<hex>` is the lowercase hex HMAC-SHA256 of `<timestamp>.<raw body>` keyed with the
secret. Verify the raw bytes as received, never re-serialised JSON."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from typing import Any

TIMESTAMP_HEADER = "Platform-Timestamp"
SIGNATURE_HEADER = "Platform-Signature"
EVENT_ID_HEADER = "Platform-Event-Id"
SCHEME = "v1"
DEFAULT_TOLERANCE_SECONDS = 300


class WebhookVerificationError(Exception):
    """The request is not a genuine, fresh delivery: answer 400 and ignore it."""


def sign(secret: str, timestamp: int, payload: bytes) -> str:
    """The `v1` signature of `payload` at `timestamp` (what the platform sends)."""
    message = str(timestamp).encode() + b"." + payload
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify_signature(
    payload: bytes | str,
    headers: Mapping[str, str],
    secret: str,
    tolerance: int = DEFAULT_TOLERANCE_SECONDS,
    *,
    now: float | None = None,
) -> dict[str, Any]:
    """The event (decoded JSON body) if `headers` carry a valid signature of `payload`
    made with `secret` within `tolerance` seconds of `now` (default: this clock);
    otherwise `WebhookVerificationError`."""
    body = payload.encode() if isinstance(payload, str) else payload
    lowered = {name.lower(): value for name, value in headers.items()}
    timestamp = lowered.get(TIMESTAMP_HEADER.lower(), "")
    signature = lowered.get(SIGNATURE_HEADER.lower(), "")
    if not (timestamp.isascii() and timestamp.isdigit()) or len(timestamp) > 12:
        raise WebhookVerificationError(f"missing or malformed {TIMESTAMP_HEADER} header")
    if abs((time.time() if now is None else now) - int(timestamp)) > tolerance:
        raise WebhookVerificationError("timestamp outside the tolerance (a replay?)")
    expected = sign(secret, int(timestamp), body).encode()
    entries = (entry.strip().partition("=") for entry in signature.split(","))
    if not any(
        scheme == SCHEME and hmac.compare_digest(value.encode(), expected)
        for scheme, _, value in entries
    ):
        raise WebhookVerificationError("no valid signature for this secret")
    try:
        event: dict[str, Any] = json.loads(body)
    except ValueError as exc:
        raise WebhookVerificationError("signed body is not JSON") from exc
    return event
