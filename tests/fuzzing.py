"""What the schemathesis fuzzers (tests/test_api_fuzz.py, tests/test_api_stateful.py) share:
the contract as schemathesis reads it, who calls each operation, and the few hooks that
adjust generation where a JSON schema cannot say what the API accepts. Each says why;
none of them changes a check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import schemathesis
from hypothesis import strategies as st
from pydantic_core.core_schema import ErrorType

from platform_api.app import create_app
from platform_api.auth.scopes import OPERATOR
from platform_api.core.money import CURRENCY_EXPONENTS
from platform_api.core.types import COUNTRY_CODES, COUNTRY_FORMAT, CURRENCY_FORMAT
from platform_api.settings import Settings
from tests.conftest import Caller

APPROVE = "loans:approve"

schemathesis.openapi.format(COUNTRY_FORMAT, st.sampled_from(sorted(COUNTRY_CODES)))
schemathesis.openapi.format(CURRENCY_FORMAT, st.sampled_from(sorted(CURRENCY_EXPONENTS)))


def contract() -> dict[str, Any]:
    """The app's OpenAPI document, with its OAuth2 scheme described as what it is on the
    wire, an `Authorization: Bearer` token (RFC 6750): schemathesis's `ignored_auth` only
    probes `http` and `apiKey` schemes, so against `oauth2` it would check nothing."""
    document = create_app(Settings()).openapi()
    for scheme in document["components"]["securitySchemes"].values():
        scheme.clear()
        scheme.update({"type": "http", "scheme": "bearer", "bearerFormat": "JWT"})
    return document


def required_scopes(operation: Any) -> set[str]:
    return {
        scope
        for requirement in operation.definition.raw.get("security") or []
        for scopes in requirement.values()
        for scope in scopes
    }


@dataclass
class Callers:
    """Who sends each operation: the operator for operator work, a second client of the
    same tenant for `loans:approve` (maker-checker: the client that made an application may
    not decide it), else the tenant's client holding every tenant scope."""

    base_url: str = ""
    operator: Caller | None = field(default=None, repr=False)  # no secrets in reports
    maker: Caller | None = field(default=None, repr=False)
    checker: Caller | None = field(default=None, repr=False)

    def for_operation(self, operation: Any) -> Caller:
        scopes = required_scopes(operation)
        caller = self.maker
        if OPERATOR in scopes:
            caller = self.operator
        elif APPROVE in scopes:
            caller = self.checker
        assert caller is not None, "the fixture has not filled the callers yet"
        return caller


def drop_invented_cursors(case: schemathesis.Case) -> schemathesis.Case:
    """A list's `cursor` is an opaque value the API issued (`next_cursor`); no client can
    make a valid one up, so valid (positive) requests leave it out. Invalid ones keep any."""
    if case.meta is not None and case.meta.generation.mode.is_positive and case.query:
        case.query = {name: value for name, value in case.query.items() if name != "cursor"}
    return case


#: Error codes of request validation that are the API's own validators, not the schema's
#: constraints: a rule across fields (`min_amount <= max_amount`), against today
#: (`must not be in the future`) or a vocabulary served at run time (`GET /v1/event-types`).
_RULE_CODES = frozenset({"value_error"})
#: Every other code pydantic gives is a constraint the document states (length, range,
#: type, format, decimal places ...): a schema-valid request refused with it is a gap in
#: the contract.
_SCHEMA_CODES = frozenset(ErrorType.__args__) - _RULE_CODES  # type: ignore[attr-defined]
VALIDATION_PROBLEM = "/problems/validation-error"


def is_rule_refusal(response: Any) -> bool:
    """A 422 for one of the API's rules rather than a broken schema constraint: the state
    of earlier requests (an Idempotency-Key used with another body), or a validation error
    whose every error comes from the API's own validators (`value_error`) or services
    (`not_found` for a referenced object that does not exist, `range` between two
    fields, ...). No JSON schema states those, so a schema-valid request can meet them and
    be refused correctly; `positive_data_acceptance` should not count that, and does count
    every 422 that names a constraint the document states."""
    if response.status_code != 422:
        return False
    try:
        problem = response.json()
    except ValueError:
        return False
    if problem.get("type") != VALIDATION_PROBLEM:
        return True
    codes = {error.get("code") for error in problem.get("errors") or []}
    return bool(codes) and not codes & _SCHEMA_CODES
