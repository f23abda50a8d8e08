"""Serialise a response model once (FastAPI would validate it a second time)."""

from __future__ import annotations

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
