"""Pure-ASGI middleware (cheaper than BaseHTTPMiddleware): request id, body limit,
access log, Prometheus metrics and usage metering."""

from __future__ import annotations

import functools
import logging
import re
import time
import uuid
from typing import Any

from prometheus_client import Counter, Histogram
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from platform_api.core.errors import problem_response
from platform_api.core.logging import request_id_var
from platform_api.core.metering import Meter

access_log = logging.getLogger("platform_api.access")

REQUESTS = Counter("http_requests_total", "HTTP requests", ["method", "operation", "status"])
LATENCY = Histogram(
    "http_request_duration_seconds",
    "HTTP request latency",
    ["operation"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)


@functools.cache
def _counter(method: str, operation: str, status: int) -> Any:
    """The labelled child, looked up once per label set (`labels()` locks and hashes on
    every call). Label sets are bounded: the parser admits a fixed set of methods, and
    operations are route ids or `unmatched`."""
    return REQUESTS.labels(method, operation, str(status))


@functools.cache
def _latency(operation: str) -> Any:
    return LATENCY.labels(operation)


_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def operation_of(scope: Scope) -> str:
    """The matched route's operation id (low-cardinality label), or `unmatched`."""
    route = scope.get("route")
    return getattr(route, "operation_id", None) or getattr(route, "path", None) or "unmatched"


class RequestContextMiddleware:
    """Assigns X-Request-ID, refuses oversize bodies with 413, logs and measures."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, meter: Meter | None = None) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.meter = meter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        incoming = None
        content_length = None
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                incoming = value.decode("latin-1")
            elif name == b"content-length":
                content_length = value
        request_id = (
            incoming if incoming and _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        )
        scope.setdefault("state", {})["request_id"] = request_id
        token = request_id_var.set(request_id)
        header = (b"x-request-id", request_id.encode())
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), header]
            await send(message)

        try:
            if content_length is not None and int(content_length) > self.max_body_bytes:
                await self._too_large(scope, send_with_id)
                return
            await self.app(scope, self._limited(receive), send_with_id)
        except _BodyTooLarge:
            await self._too_large(scope, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            operation = operation_of(scope)
            _counter(scope["method"], operation, status).inc()
            _latency(operation).observe(elapsed)
            if self.meter is not None:
                principal = scope["state"].get("principal")
                if principal is None:
                    self.meter.record(None, None, operation, status, elapsed)
                else:
                    self.meter.record(
                        principal.tenant_id, principal.client_id, operation, status, elapsed
                    )
            if access_log.isEnabledFor(logging.INFO):
                access_log.info("request", extra=_access_fields(scope, operation, status, elapsed))
            request_id_var.reset(token)

    def _limited(self, receive: Receive) -> Receive:
        received = 0
        limit = self.max_body_bytes

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge(limit)
            return message

        return limited_receive

    async def _too_large(self, scope: Scope, send: Send) -> None:
        error = _BodyTooLarge(self.max_body_bytes)
        response = problem_response(413, detail=error.detail, slug=error.slug)
        await response(scope, _no_receive, send)


class _BodyTooLarge(StarletteHTTPException):
    """An HTTPException, so FastAPI's body parsing re-raises it instead of calling it a 400.
    Raised while the app reads a streamed body, it reaches the app's HTTP error handler:
    the slug keeps its problem type the same as a declared oversize body's."""

    slug = "payload-too-large"

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body exceeds {limit} bytes.")


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


def _access_fields(scope: Scope, operation: str, status: int, elapsed: float) -> dict[str, Any]:
    # The route's template, never the path sent: a path (and a query string) may carry
    # whatever a caller typed, personal data included; the request id finds the rest.
    route = scope.get("route")
    fields: dict[str, Any] = {
        "method": scope["method"],
        "path": getattr(route, "path", None) or "unmatched",
        "operation": operation,
        "status": status,
        "duration_ms": round(elapsed * 1000, 2),
    }
    principal = scope.get("state", {}).get("principal")
    if principal is not None:
        fields["client_id"] = str(principal.client_id)
        if principal.tenant_id:
            fields["tenant_id"] = str(principal.tenant_id)
    return fields
