"""Reading a tenant's audit log in the audit tests."""

from __future__ import annotations

from typing import Any

from tests.loans.lending import Desk


async def audit_log(desk: Desk, **filters: str) -> list[dict[str, Any]]:
    """Every entry of the desk's tenant matching `filters`, oldest first, page by page."""
    entries: list[dict[str, Any]] = []
    params: dict[str, str] = {"limit": "200", **filters}
    while True:
        page = await desk.client.get(
            "/v1/audit-events", params=params, headers=desk.checker.headers
        )
        assert page.status_code == 200, page.text
        entries.extend(page.json()["data"])
        if page.json()["next_cursor"] is None:
            return entries
        params["cursor"] = page.json()["next_cursor"]


def actions(entries: list[dict[str, Any]]) -> list[str]:
    return [entry["action"] for entry in entries]
