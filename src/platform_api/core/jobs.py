"""Periodic background jobs inside a worker (no scheduler to deploy). Jobs must be safe
to run concurrently from several workers; a failure is logged and retried next time."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

logger = logging.getLogger(__name__)


async def run_every(seconds: float, job: Callable[[], Awaitable[object]], name: str) -> None:
    """Run `job` every `seconds` until cancelled."""
    while True:
        await asyncio.sleep(seconds)
        try:
            await job()
        except Exception:
            logger.exception("background job %s failed", name)
