"""Retries that never do anything twice: a request is retried only when repeating it is
safe - a read, or a write that carries an Idempotency-Key, which the retry re-sends
unchanged, so the server replays the first outcome instead of acting again.

Retried: connection errors and timeouts, 503, 429 (a rate limit: the server did nothing),
and 409 `idempotency-key-in-use` (the first attempt is still running on the server), with
exponential backoff and jitter, honouring `Retry-After` (up to `max_backoff`). Everything
else is returned to the caller as it came."""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from .auth import RETRY_SAFE

IDEMPOTENCY_HEADER = "Idempotency-Key"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_KEY_IN_USE = "/idempotency-key-in-use"


def new_idempotency_key() -> str:
    """A fresh key: one per logical operation, reused by every retry of it."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class RetryPolicy:
    """`attempts` in all (1 = no retry); delays grow from `backoff` by `multiplier` up to
    `max_backoff` seconds, each randomised by up to +-`jitter` of itself."""

    attempts: int = 5
    backoff: float = 0.25
    multiplier: float = 2.0
    max_backoff: float = 8.0
    jitter: float = 0.25
    statuses: frozenset[int] = field(default_factory=lambda: frozenset({429, 503}))

    def delay(self, retry: int, response: httpx.Response | None = None) -> float:
        """Seconds to wait before retry number `retry` (1-based)."""
        base = min(self.max_backoff, self.backoff * self.multiplier ** (retry - 1))
        base *= 1 + random.uniform(-self.jitter, self.jitter)
        retry_after = response.headers.get("Retry-After", "") if response is not None else ""
        if retry_after.isdigit():
            base = max(base, min(float(retry_after), self.max_backoff))
        return max(base, 0.0)

    def retryable_request(self, request: httpx.Request) -> bool:
        return (
            request.method in _SAFE_METHODS
            or IDEMPOTENCY_HEADER in request.headers
            or bool(request.extensions.get(RETRY_SAFE))
        )

    def retryable_response(self, response: httpx.Response) -> bool:
        if response.status_code in self.statuses:
            return True
        if response.status_code == 409 and "problem+json" in response.headers.get(
            "content-type", ""
        ):
            try:
                problem_type = str(response.json().get("type", ""))
            except ValueError:
                return False
            return problem_type.endswith(_KEY_IN_USE)
        return False


#: What a retry may follow: the request may not have reached the server, or its answer
#: was lost. (Not `UnsupportedProtocol`, `ProxyError`, ... : retrying cannot help those.)
RETRYABLE_ERRORS: tuple[type[Exception], ...] = (
    httpx.TimeoutException,
    httpx.NetworkError,
    httpx.RemoteProtocolError,
)


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport (default: `httpx.HTTPTransport()`) with a `RetryPolicy`."""

    def __init__(
        self,
        inner: httpx.BaseTransport | None = None,
        policy: RetryPolicy | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.inner = inner or httpx.HTTPTransport()
        self.policy = policy or RetryPolicy()
        self._sleep = sleep
        #: Retries made so far (for logs and tests).
        self.retries = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempt = 1
        while True:
            may_retry = attempt < self.policy.attempts and self.policy.retryable_request(request)
            response: httpx.Response | None = None
            try:
                response = self.inner.handle_request(request)
            except RETRYABLE_ERRORS:
                if not may_retry:
                    raise
            if response is not None:
                if not may_retry or response.status_code not in (409, *self.policy.statuses):
                    return response
                response.read()
                if not self.policy.retryable_response(response):
                    return response
                response.close()
            self._sleep(self.policy.delay(attempt, response))
            self.retries += 1
            attempt += 1

    def close(self) -> None:
        self.inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """`RetryTransport` for `httpx.AsyncClient` (the generated `asyncio` functions)."""

    def __init__(
        self, inner: httpx.AsyncBaseTransport | None = None, policy: RetryPolicy | None = None
    ) -> None:
        self.inner = inner or httpx.AsyncHTTPTransport()
        self.policy = policy or RetryPolicy()
        self.retries = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempt = 1
        while True:
            may_retry = attempt < self.policy.attempts and self.policy.retryable_request(request)
            response: httpx.Response | None = None
            try:
                response = await self.inner.handle_async_request(request)
            except RETRYABLE_ERRORS:
                if not may_retry:
                    raise
            if response is not None:
                if not may_retry or response.status_code not in (409, *self.policy.statuses):
                    return response
                await response.aread()
                if not self.policy.retryable_response(response):
                    return response
                await response.aclose()
            await asyncio.sleep(self.policy.delay(attempt, response))
            self.retries += 1
            attempt += 1

    async def aclose(self) -> None:
        await self.inner.aclose()
