"""Iterate over every item of any list operation: follows `next_cursor` page by page
(keyset pagination: items added meanwhile never shift the pages)."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from types import ModuleType
from typing import Any

from .calls import acall, call


def _check(operation: ModuleType) -> None:
    if "cursor" not in inspect.signature(operation.sync_detailed).parameters:
        raise TypeError(f"{operation.__name__} is not a paginated list operation")


def _next(page: Any) -> str | None:
    cursor = page.next_cursor
    return cursor if isinstance(cursor, str) and cursor else None


def paginate(operation: ModuleType, /, **kwargs: Any) -> Iterator[Any]:
    """Every item of `operation` (e.g. `loans_list`) with these filters, `client=` included;
    `limit=` sets the page size."""
    _check(operation)
    cursor = kwargs.pop("cursor", None)
    while True:
        page = call(operation, **kwargs, **({"cursor": cursor} if cursor else {}))
        yield from page.data
        cursor = _next(page)
        if cursor is None:
            return


async def apaginate(operation: ModuleType, /, **kwargs: Any) -> AsyncIterator[Any]:
    """`paginate` for asyncio."""
    _check(operation)
    cursor = kwargs.pop("cursor", None)
    while True:
        page = await acall(operation, **kwargs, **({"cursor": cursor} if cursor else {}))
        for item in page.data:
            yield item
        cursor = _next(page)
        if cursor is None:
            return
