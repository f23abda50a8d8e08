"""Serialise a response model once (FastAPI would validate it a second time)."""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import BaseModel
from starlette.responses import Response


def respond(
    model: BaseModel, status_code: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return Response(
        model.model_dump_json(),
        status_code=status_code,
        media_type="application/json",
        headers=headers,
    )


def respond_json(data: Any, status_code: int = 200) -> Response:
    """For hot paths that build plain data (dicts, dataclasses, dates, UUIDs) instead of
    models; the route's `response_model` still documents it, and tests validate it."""
    return Response(orjson.dumps(data), status_code=status_code, media_type="application/json")
