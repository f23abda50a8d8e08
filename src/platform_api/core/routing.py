"""A leaner request handler for hot JSON endpoints.

FastAPI's generic handler (dependency solver, body sniffing, response validation) costs
more CPU than the database round trip on a busy endpoint. `DirectRoute` handles the
common shape directly: path, query and header parameters (validated by FastAPI's own
functions, so values and errors are identical), one JSON body model (validated by
pydantic straight from the bytes), security dependencies that take `(request,
security_scopes)`, and an endpoint that returns a `Response`. Security runs first, then
validation, as in FastAPI. Any other shape falls back to FastAPI's handler. The OpenAPI
document is unchanged: the route is declared as usual.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import request_params_to_args
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from fastapi.security import SecurityScopes
from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import Response

_JSON_TYPES = ("application/json", "application/problem+json")


@dataclass(frozen=True)
class _Security:
    name: str
    call: Callable[[Request, SecurityScopes], Awaitable[Any]]
    scopes: SecurityScopes


@dataclass(frozen=True)
class _Plan:
    securities: tuple[_Security, ...]
    body_name: str | None
    body_model: type[BaseModel] | None
    body_required: bool


def _security(dependency: Dependant) -> _Security | None:
    """A dependency of exactly the `(request, security_scopes)` shape, or None."""
    own = (
        dependency.path_params
        or dependency.query_params
        or dependency.header_params
        or dependency.cookie_params
        or dependency.body_params
        or dependency.dependencies
    )
    if own or dependency.call is None or dependency.name is None:
        return None
    call = dependency.call
    if not (inspect.iscoroutinefunction(call) or inspect.iscoroutinefunction(type(call).__call__)):
        return None
    if dependency.request_param_name is None or dependency.security_scopes_param_name is None:
        return None
    scopes = SecurityScopes(scopes=list(dependency.own_oauth_scopes or []))
    return _Security(dependency.name, dependency.call, scopes)


def _plan(dependant: Dependant) -> _Plan | None:
    """How to handle this endpoint directly, or None for FastAPI's handler."""
    if (
        dependant.cookie_params
        or dependant.response_param_name
        or dependant.background_tasks_param_name
        or dependant.websocket_param_name
        or dependant.http_connection_param_name
        or dependant.security_scopes_param_name
        or len(dependant.body_params) > 1
        or not inspect.iscoroutinefunction(dependant.call)
    ):
        return None
    securities = []
    for dependency in dependant.dependencies:
        security = _security(dependency)
        if security is None:
            return None
        securities.append(security)
    body_name = body_model = None
    body_required = False
    if dependant.body_params:
        (field,) = dependant.body_params
        annotation = field.field_info.annotation
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None
        body_name, body_model, body_required = (
            field.name,
            annotation,
            field.field_info.is_required(),
        )
    return _Plan(tuple(securities), body_name, body_model, body_required)


def _body_errors(exc: ValidationError) -> list[dict[str, Any]]:
    return [{**error, "loc": ("body", *error["loc"])} for error in exc.errors()]


class DirectRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        plan = _plan(self.dependant)
        if plan is None:
            return super().get_route_handler()
        dependant = self.dependant
        endpoint = dependant.call
        assert endpoint is not None
        request_name = dependant.request_param_name
        generic = super().get_route_handler()

        async def handle(request: Request) -> Response:
            values: dict[str, Any] = {}
            for security in plan.securities:
                values[security.name] = await security.call(request, security.scopes)
            errors: list[Any] = []
            for fields, source in (
                (dependant.path_params, request.path_params),
                (dependant.query_params, request.query_params),
                (dependant.header_params, request.headers),
            ):
                if fields:
                    found, problems = request_params_to_args(fields, source)
                    values.update(found)
                    errors.extend(problems)
            if plan.body_model is not None and plan.body_name is not None:
                content_type = request.headers.get("content-type", "application/json")
                if not content_type.split(";", 1)[0].strip().lower().endswith(_JSON_TYPES):
                    return await generic(request)  # FastAPI's own handling of odd bodies
                raw = await request.body()
                if not raw:
                    if plan.body_required:
                        errors.append(
                            {"type": "missing", "loc": ("body",), "msg": "Field required"}
                        )
                    values[plan.body_name] = None
                else:
                    try:
                        values[plan.body_name] = plan.body_model.model_validate_json(raw)
                    except ValidationError as exc:
                        errors.extend(_body_errors(exc))
            if errors:
                raise RequestValidationError(errors)
            if request_name:
                values[request_name] = request
            response: Response = await endpoint(**values)
            return response

        return handle
