"""Imports every domain's tables so the shared metadata is complete (for Alembic)."""

from __future__ import annotations


def load_all_models() -> None:
    import platform_api.core.idempotency
    import platform_api.core.outbox
    import platform_api.entrepreneurs.models
    import platform_api.loans.models
    import platform_api.tenants.models  # noqa: F401
