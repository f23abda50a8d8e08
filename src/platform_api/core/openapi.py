"""The OpenAPI document as clients need it: every error documented as problem+json,
with the statuses each operation can really answer."""

from __future__ import annotations

import re
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
    429: "Rate limit reached (the client's, the tenant's, or the client id's at the token "
    "endpoint): wait `Retry-After` seconds",
    500: "Unexpected error (logged with the response's `X-Request-ID`)",
    503: "Temporarily unavailable; retry",
}


#: The token endpoint: rate-limited per client id, though it takes no bearer token.
_LIMITED_PER_CLIENT_ID = "auth_issue_token"
_RETRY_AFTER = {
    "Retry-After": {
        "description": "Whole seconds until a request would be admitted again.",
        "schema": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 86400},
    }
}


def _statuses(operation: dict[str, Any], path: str) -> set[int]:
    statuses = {422, 500, 503}
    if operation.get("security"):
        statuses |= {401, 403, 429}
    if operation.get("operationId") == _LIMITED_PER_CLIENT_ID:
        statuses.add(429)
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
                    **({"headers": _RETRY_AFTER} if status == 429 else {}),
                    "content": {PROBLEM_MEDIA_TYPE: {"schema": _PROBLEM_REF}},
                }
    _integer_formats(document)
    _enum_names(document)
    _parameters_not_nullable(document)
    schemas = document.get("components", {}).get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    return document


_INT32 = (-(2**31), 2**31 - 1)


def _integer_formats(node: Any) -> None:
    """Give every integer its width, so clients pick the right type: `int32` when its
    bounds fit, else `int64` (the widest column the database stores, `bigint`)."""
    if isinstance(node, dict):
        if node.get("type") == "integer" and "format" not in node:
            low = node.get("minimum", node.get("exclusiveMinimum"))
            high = node.get("maximum", node.get("exclusiveMaximum"))
            fits = low is not None and high is not None and _INT32[0] <= low <= high <= _INT32[1]
            node["format"] = "int32" if fits else "int64"
        for value in node.values():
            _integer_formats(value)
    elif isinstance(node, list):
        for item in node:
            _integer_formats(item)


def _enum_names(node: Any) -> None:
    """Readable constant names for string enums whose values are not identifiers
    (`loans:read` -> `LOANS_READ`, where generators would write `LOANSREAD`; `30/360` ->
    `VALUE_30_360`), given as
    `x-enum-varnames`, the extension client generators read."""
    if isinstance(node, dict):
        values = node.get("enum")
        if (
            node.get("type") == "string"
            and isinstance(values, list)
            and any(re.search(r"\W", str(value)) for value in values)
        ):
            names = [re.sub(r"\W+", "_", str(value)).upper() for value in values]
            node["x-enum-varnames"] = [f"VALUE_{n}" if n[0].isdigit() else n for n in names]
        for value in node.values():
            _enum_names(value)
    elif isinstance(node, list):
        for item in node:
            _enum_names(item)


def _parameters_not_nullable(document: dict[str, Any]) -> None:
    """An optional query or header parameter is absent or a value, never null (neither can
    say null): `X | None = None` is documented as an optional `X`, not `anyOf [X, null]`."""
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                options = schema.get("anyOf", [])
                values = [option for option in options if option.get("type") != "null"]
                if parameter.get("in") in ("query", "header") and len(values) == 1 < len(options):
                    rest = {key: value for key, value in schema.items() if key != "anyOf"}
                    parameter["schema"] = {**values[0], **rest}


def _page_names(document: dict[str, Any]) -> dict[str, Any]:
    """`Page[Loan]` is the schema `LoanPage` (title too), not pydantic's `Page_Loan_`
    titled `Page[Loan]`: client generators name their classes after them."""
    schemas = document.get("components", {}).get("schemas", {})
    renames = {
        f"#/components/schemas/{name}": f"{match.group(1)}Page"
        for name in schemas
        if (match := re.fullmatch(r"Page_(\w+)_", name))
    }

    def rewrite(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("$ref") in renames:
                node["$ref"] = f"#/components/schemas/{renames[node['$ref']]}"
            for value in node.values():
                rewrite(value)
        elif isinstance(node, list):
            for item in node:
                rewrite(item)

    rewrite(document)
    for ref, name in renames.items():
        schemas[name] = {**schemas.pop(ref.rsplit("/", 1)[1]), "title": name}
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
            app.openapi_schema = _page_names(_problem_responses(document))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
