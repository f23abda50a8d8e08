"""One error shape for the whole API: RFC 9457 `application/problem+json`."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

import asyncpg
import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"


class FieldError(BaseModel):
    """One invalid input: where it is and what is wrong with it."""

    path: str = Field(description="Dotted location, e.g. `body.phone` or `query.limit`.")
    message: str
    code: str = Field(description="Machine-readable reason, e.g. `missing`, `string_too_long`.")


class ProblemDetail(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(description="URI reference identifying the problem type.")
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldError] | None = None


#: Members an extension may not replace (`status` must stay the HTTP status, ...).
_STANDARD_MEMBERS = frozenset(ProblemDetail.model_fields)


class Problem(Exception):
    """Raise anywhere below the routers to answer with problem+json."""

    def __init__(
        self,
        status: int,
        detail: str | None = None,
        *,
        slug: str | None = None,
        title: str | None = None,
        errors: Sequence[FieldError] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or title or str(status))
        self.status = status
        self.detail = detail
        self.title = title or HTTPStatus(status).phrase
        self.slug = slug or self.title.lower().replace(" ", "-").replace("'", "")
        self.errors = list(errors) if errors else None
        self.headers = headers
        self.extra = extra or {}
        clash = self.extra.keys() & _STANDARD_MEMBERS
        if clash:  # a programming error, caught by the first test that raises it
            raise ValueError(f"extension members {sorted(clash)} would replace RFC 9457's")


def not_found(resource: str) -> Problem:
    """Missing and other tenants' objects look the same (existence is not revealed)."""
    return Problem(404, f"{resource} not found.", slug="not-found")


def conflict(detail: str, **extra: Any) -> Problem:
    return Problem(409, detail, slug="conflict", extra=extra)


def problem_response(
    status: int,
    *,
    title: str | None = None,
    detail: str | None = None,
    slug: str | None = None,
    request: Request | None = None,
    errors: Sequence[FieldError] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> Response:
    title = title or HTTPStatus(status).phrase
    body: dict[str, Any] = {
        "type": f"/problems/{slug or title.lower().replace(' ', '-')}",
        "title": title,
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if request is not None:
        body["instance"] = request.url.path
        request_id = request.scope.get("state", {}).get("request_id")
        if request_id:
            body["request_id"] = request_id
    if errors:
        body["errors"] = [e.model_dump() for e in errors]
    if extra:
        body.update(extra)
    return Response(
        orjson.dumps(body), status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers
    )


def _location(loc: Sequence[int | str]) -> str:
    return ".".join(str(part) for part in loc)


def validation_errors(exc: RequestValidationError) -> list[FieldError]:
    return [
        FieldError(path=_location(err.get("loc", ())), message=err["msg"], code=err["type"])
        for err in exc.errors()
    ]


async def _problem_handler(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Problem)
    return problem_response(
        exc.status,
        title=exc.title,
        detail=exc.detail,
        slug=exc.slug,
        request=request,
        errors=exc.errors,
        headers=exc.headers,
        extra=exc.extra,
    )


async def _validation_handler(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = validation_errors(exc)
    if any(e.code == "json_invalid" for e in errors):
        return problem_response(
            400,
            title="Malformed JSON",
            detail="The request body is not valid JSON.",
            slug="malformed-json",
            request=request,
            errors=errors,
        )
    return problem_response(
        422,
        title="Validation failed",
        detail=f"{len(errors)} invalid field(s); see `errors`.",
        slug="validation-error",
        request=request,
        errors=errors,
    )


async def _http_handler(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else None
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"No route matches {request.url.path}."
    elif exc.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}."
    return problem_response(
        exc.status_code,
        detail=detail,
        slug=getattr(exc, "slug", None),
        request=request,
        headers=getattr(exc, "headers", None),
    )


_UNAVAILABLE = (
    OSError,
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.TooManyConnectionsError,
    asyncpg.exceptions.AdminShutdownError,
    asyncpg.exceptions.InterfaceError,
)


async def _unexpected_handler(request: Request, exc: Exception) -> Response:
    if isinstance(exc, _UNAVAILABLE):
        log.warning("database unavailable: %s", exc.__class__.__name__)
        return problem_response(
            503,
            detail="The service is temporarily unavailable; retry shortly.",
            slug="service-unavailable",
            request=request,
            headers={"Retry-After": "2"},
        )
    if isinstance(exc, asyncpg.exceptions.QueryCanceledError):
        return problem_response(
            503, detail="The request took too long.", slug="timeout", request=request
        )
    log.exception("unhandled error")
    return problem_response(
        500,
        detail="An unexpected error occurred; it has been logged with this request's id.",
        slug="internal-error",
        request=request,
    )


#: PostgreSQL refusing text it cannot store (U+0000 in text or jsonb). Shared types reject
#: it during validation; this catches any field that still lets it through.
_UNSTORABLE_TEXT = (
    asyncpg.exceptions.CharacterNotInRepertoireError,
    asyncpg.exceptions.UntranslatableCharacterError,
)


async def _unstorable_text_handler(request: Request, exc: Exception) -> Response:
    return problem_response(
        422,
        title="Validation failed",
        detail="Text values must not contain the NUL character (U+0000).",
        slug="validation-error",
        request=request,
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Problem, _problem_handler)
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(StarletteHTTPException, _http_handler)
    for exc_class in _UNSTORABLE_TEXT:
        app.add_exception_handler(exc_class, _unstorable_text_handler)
    # Database outages are handled inside the middleware stack (so the response still
    # carries X-Request-ID); anything else reaches the outermost server-error handler.
    for exc_class in (*_UNAVAILABLE, asyncpg.exceptions.QueryCanceledError):
        app.add_exception_handler(exc_class, _unexpected_handler)
    app.add_exception_handler(Exception, _unexpected_handler)


_STANDARD_RESPONSES = {
    400: "Malformed request",
    401: "Missing or invalid token",
    403: "The token lacks the required scope",
    404: "Not found (another tenant's objects are not found either)",
    409: "Conflicts with the resource's current state, or a request in progress",
    413: "Request body too large",
    422: "Validation failed (see `errors`)",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI `responses` entries documenting problem+json errors."""
    chosen = statuses or (401, 403, 404, 422)
    return {
        status: {
            "model": ProblemDetail,
            "description": _STANDARD_RESPONSES[status],
            "content": {PROBLEM_MEDIA_TYPE: {}},
        }
        for status in chosen
    }


def invalid(*errors: FieldError) -> Problem:
    """422 for input that is well-formed but breaks a rule only the service can check
    (limits of a product, a cursor we never issued): same shape as schema validation."""
    return Problem(
        422,
        f"{len(errors)} invalid field(s); see `errors`.",
        slug="validation-error",
        title="Validation failed",
        errors=errors,
    )
