"""Cursor pagination: keyset on (created_at, id), never OFFSET."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

import orjson
from fastapi import Query
from pydantic import BaseModel, Field

from platform_api.core.errors import FieldError, invalid

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class Page(BaseModel, Generic[T]):
    """One page of a list; pass `next_cursor` back as `cursor` for the next one."""

    data: list[T]
    next_cursor: str | None = Field(description="Null on the last page.")


class PageParams(BaseModel):
    limit: int
    after: tuple[datetime, uuid.UUID] | None


def encode_cursor(created_at: datetime, id_: uuid.UUID) -> str:
    raw = orjson.dumps([created_at.isoformat(), str(id_)])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created_at, id_ = orjson.loads(base64.urlsafe_b64decode(padded))
        return datetime.fromisoformat(created_at), uuid.UUID(id_)
    except (ValueError, TypeError) as exc:
        raise invalid(
            FieldError(path="query.cursor", message="Not a cursor this API issued.", code="cursor")
        ) from exc


async def page_params(
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description="Items per page (max 200).")
    ] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None,
        Query(max_length=200, description="`next_cursor` from the previous page."),
    ] = None,
) -> PageParams:
    """FastAPI dependency: `?limit=&cursor=`."""
    return PageParams(limit=limit, after=decode_cursor(cursor) if cursor else None)


class Where:
    """A list's optional filters: conditions with their parameters, numbered after the
    statement's `fixed` ones. `add("status = {}", value)` puts the placeholder in `{}`;
    `sql()` is the conditions' `AND ...` text and `next` the first number after them
    (for `keyset_clause`)."""

    def __init__(self, fixed: int) -> None:
        self.fixed = fixed
        self.conditions: list[str] = []
        self.args: list[Any] = []

    def add(self, condition: str, *values: Any) -> None:
        places = [f"${self.fixed + len(self.args) + i + 1}" for i in range(len(values))]
        self.args.extend(values)
        self.conditions.append(condition.format(*places))

    def add_set(self, *pairs: tuple[str, Any]) -> None:
        """`add` each (condition, value) whose value is not None."""
        for condition, value in pairs:
            if value is not None:
                self.add(condition, value)

    @property
    def next(self) -> int:
        return self.fixed + len(self.args) + 1

    def sql(self) -> str:
        return "".join(f" AND {c}" for c in self.conditions)


def keyset_clause(params: PageParams, first_arg: int, alias: str = "") -> tuple[str, list[Any]]:
    """SQL fragment and arguments continuing after the cursor, numbered from `first_arg`."""
    if params.after is None:
        return "", []
    prefix = f"{alias}." if alias else ""
    return (
        f" AND ({prefix}created_at, {prefix}id) > (${first_arg}, ${first_arg + 1})",
        list(params.after),
    )


def build_page(rows: Sequence[Any], params: PageParams, to_item: Callable[[Any], T]) -> Page[T]:
    """Rows were fetched with `LIMIT limit + 1`; the extra row only says there is more."""
    more = len(rows) > params.limit
    items = rows[: params.limit]
    next_cursor = encode_cursor(items[-1]["created_at"], items[-1]["id"]) if more else None
    return Page[T](data=[to_item(row) for row in items], next_cursor=next_cursor)
