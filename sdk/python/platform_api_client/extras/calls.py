"""Call any generated operation and get its result, or an `ApiError`; POSTs that take an
Idempotency-Key get a fresh one unless you pass your own (pass your own to retry a call
yourself later: the same key never acts twice).

    loan = call(loans_get, client=client, loan_id=loan_id)
    repayment = call(loans_create_repayment, client=client, loan_id=..., body=...)
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from types import ModuleType
from typing import Any

from ..models.problem_detail import ProblemDetail
from ..types import UNSET, Response
from .errors import ApiError
from .retry import new_idempotency_key


def call(operation: ModuleType, /, **kwargs: Any) -> Any:
    """`operation` is a module from `platform_api_client.api.<tag>`; `kwargs` are its
    `sync_detailed` arguments (`client=` included). Returns the parsed 2xx body."""
    function = operation.sync_detailed
    return result(function(**with_idempotency_key(function, kwargs)))


async def acall(operation: ModuleType, /, **kwargs: Any) -> Any:
    """`call` for asyncio (uses the client's `httpx.AsyncClient`)."""
    function = operation.asyncio_detailed
    return result(await function(**with_idempotency_key(function, kwargs)))


def with_idempotency_key(function: Callable[..., Any], kwargs: dict[str, Any]) -> dict[str, Any]:
    """`kwargs` plus a fresh `idempotency_key` if `function` takes one and none was given."""
    takes_key = "idempotency_key" in inspect.signature(function).parameters
    if takes_key and kwargs.get("idempotency_key", UNSET) in (UNSET, None):
        return {**kwargs, "idempotency_key": new_idempotency_key()}
    return kwargs


def result(response: Response[Any]) -> Any:
    """The parsed body of a 2xx answer; `ApiError` for any other."""
    if 200 <= response.status_code < 300:
        return response.parsed
    problem = response.parsed if isinstance(response.parsed, ProblemDetail) else None
    raise ApiError(response.status_code, problem, response.content)
