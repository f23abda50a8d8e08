"""The OpenAPI document as clients need it: every error documented as problem+json,
with the statuses each operation can really answer."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from platform_api.core.errors import PROBLEM_MEDIA_TYPE

_PROBLEM_REF = {"$ref": "#/components/schemas/ProblemDetail"}
_DESCRIPTIONS = {
    400: "Malformed request (e.g. invalid JSON)",
    401: "Missing or invalid token",
    403: "The token lacks the required scope",
    404: "Not found (another tenant's objects are not found either)",
    409: "Conflicts with the current state, or the Idempotency-Key is in use",
    413: "Request body too large",
    422: "Validation failed (see `errors`)",
    503: "Temporarily unavailable; retry",
}


def _statuses(operation: dict[str, Any], path: str) -> set[int]:
    statuses = {422, 503}
    if operation.get("security"):
        statuses |= {401, 403}
    if "{" in path:
        statuses.add(404)
    if "requestBody" in operation:
        statuses |= {400, 413}
    if any(p.get("name") == "Idempotency-Key" for p in operation.get("parameters", [])):
        statuses.add(409)
    return statuses


def _problem_responses(document: dict[str, Any]) -> dict[str, Any]:
    for path, operations in document.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            wanted = _statuses(operation, path) | {int(s) for s in responses if s[0] in "45"}
            for status in sorted(wanted):
                existing = responses.get(str(status), {})
                responses[str(status)] = {
                    "description": existing.get("description")
                    if status not in (422,) and existing.get("description")
                    else _DESCRIPTIONS.get(status, "Error"),
                    "content": {PROBLEM_MEDIA_TYPE: {"schema": _PROBLEM_REF}},
                }
    schemas = document.get("components", {}).get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    return document


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
                tags=app.openapi_tags,
                separate_input_output_schemas=app.separate_input_output_schemas,
            )
            app.openapi_schema = _problem_responses(document)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
