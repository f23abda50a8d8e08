"""Imports every domain's tables so the shared metadata is complete (for Alembic)."""

from __future__ import annotations


def load_all_models() -> None:
    import platform_api.audit.models
    import platform_api.core.idempotency
    import platform_api.core.metering
    import platform_api.core.outbox
    import platform_api.core.ratelimit
    import platform_api.entrepreneurs.models
    import platform_api.entrepreneurs.surveys.models
    import platform_api.funders.models
    import platform_api.loans.circles.models
    import platform_api.loans.groups.models
    import platform_api.loans.models
    import platform_api.loans.social.models
    import platform_api.matching.models
    import platform_api.reporting.models
    import platform_api.tenants.models
    import platform_api.webhooks.models  # noqa: F401
