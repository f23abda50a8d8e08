"""One exception for every error answer: the RFC 9457 problem, readable."""

from __future__ import annotations

from typing import Any

import httpx

from ..models.problem_detail import ProblemDetail
from ..types import Unset


class ApiError(Exception):
    """The API answered an error (`application/problem+json`).

    `status`, `type` (e.g. `/problems/validation-error`), `title`, `detail`, the field
    `errors` (`path` + `message`) and the `request_id` to quote to the operator."""

    def __init__(self, status: int, problem: ProblemDetail | None, body: bytes = b"") -> None:
        self.status = status
        self.problem = problem
        self.type = problem.type_ if problem else "about:blank"
        self.title = problem.title if problem else httpx.codes.get_reason_phrase(status)
        self.detail = _value(problem.detail) if problem else body.decode(errors="replace")
        self.request_id = _value(problem.request_id) if problem else None
        self.errors = [(e.path, e.message) for e in _value(problem.errors) or []] if problem else []
        super().__init__(f"{status} {self.title}: {self.detail or ''}".rstrip(": "))

    @classmethod
    def from_response(cls, response: httpx.Response) -> ApiError:
        try:
            problem = ProblemDetail.from_dict(response.json())
        except (ValueError, KeyError, TypeError):
            problem = None
        return cls(response.status_code, problem, response.content)


def _value(value: Any) -> Any:
    return None if isinstance(value, Unset) else value
