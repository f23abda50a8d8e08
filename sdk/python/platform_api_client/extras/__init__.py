"""The hand-written part of the SDK, for what generation cannot do: client-credentials
tokens, safe retries with Idempotency-Keys, pagination, webhook signatures.

Everything else in `platform_api_client` is generated from openapi/openapi.json
(`make sdk`); this package is kept as it is by regeneration."""

from .auth import ClientCredentials
from .calls import acall, call
from .errors import ApiError
from .pagination import apaginate, paginate
from .retry import (
    AsyncRetryTransport,
    RetryPolicy,
    RetryTransport,
    new_idempotency_key,
)
from .session import Session, connect
from .webhooks import WebhookVerificationError, verify_signature

__all__ = [
    "ApiError",
    "AsyncRetryTransport",
    "ClientCredentials",
    "RetryPolicy",
    "RetryTransport",
    "Session",
    "WebhookVerificationError",
    "acall",
    "apaginate",
    "call",
    "connect",
    "new_idempotency_key",
    "paginate",
    "verify_signature",
]
