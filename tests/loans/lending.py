"""A loan desk for tests: one tenant with a maker (loans:read/write) and a checker
(loans:approve), a product, an entrepreneur, and shortcuts through the lifecycle."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx

from tests.conftest import ALL_TENANT_SCOPES, Caller, Platform

PRODUCT = {
    "name": "Biashara monthly",
    "currency": "KES",
    "interest_method": "declining_balance_annuity",
    "annual_rate": "0.24",
    "min_principal": 1_000_000,
    "max_principal": 20_000_000,
    "default_principal": 5_000_000,
    "min_term": 3,
    "max_term": 12,
    "default_term": 6,
    "upfront_fee_rate": "0.02",
}
INTAKE = {
    "requested_amount": 6_000_000,
    "requested_term": 6,
    "purpose": "Stock for the dry season",
    "monthly_revenue": 12_000_000,
    "monthly_expenses": 7_000_000,
    "existing_debt_payments": 500_000,
    "documents": [{"name": "National ID", "received": True}, {"name": "M-Pesa statement"}],
}


def today() -> date:
    return datetime.now(UTC).date()


def key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}


@dataclass
class Desk:
    client: httpx.AsyncClient
    maker: Caller
    checker: Caller
    product: dict[str, Any]
    entrepreneur: dict[str, Any]

    @classmethod
    async def open(cls, client: httpx.AsyncClient, platform: Platform, **product: Any) -> Desk:
        tenant = await platform.tenant()
        maker = await platform.caller(tenant, ["loans:read", "loans:write", "entrepreneurs:write"])
        checker = await platform.caller(tenant, ALL_TENANT_SCOPES)
        created = await client.post(
            "/v1/loan-products",
            json={**PRODUCT, "name": f"p-{uuid.uuid4().hex[:6]}", **product},
            headers=maker.headers,
        )
        assert created.status_code == 201, created.text
        person = await client.post(
            "/v1/entrepreneurs",
            json={"full_name": "Achieng Otieno", "country": "KE"},
            headers=maker.headers,
        )
        assert person.status_code == 201, person.text
        return cls(client, maker, checker, created.json(), person.json())

    async def draft(self, **changes: Any) -> dict[str, Any]:
        body = {
            "entrepreneur_id": self.entrepreneur["id"],
            "product_id": self.product["id"],
            **INTAKE,
            **changes,
        }
        response = await self.client.post(
            "/v1/loan-applications", json=body, headers=self.maker.headers
        )
        assert response.status_code == 201, response.text
        return response.json()

    async def act(
        self, application: dict[str, Any], action: str, caller: Caller, **body: Any
    ) -> httpx.Response:
        return await self.client.post(
            f"/v1/loan-applications/{application['id']}/{action}",
            json=body or None,
            headers={**caller.headers, **(key() if action == "disburse" else {})},
        )

    async def approved(self, **changes: Any) -> dict[str, Any]:
        application = await self.draft(**changes)
        assert (await self.act(application, "submit", self.maker)).status_code == 200
        approved = await self.act(application, "approve", self.checker)
        assert approved.status_code == 200, approved.text
        result: dict[str, Any] = approved.json()
        return result

    async def loan(self, *, days_ago: int = 0, **changes: Any) -> dict[str, Any]:
        application = await self.approved(**changes)
        disbursed = await self.act(
            application,
            "disburse",
            self.maker,
            disbursement_date=(today() - timedelta(days=days_ago)).isoformat(),
        )
        assert disbursed.status_code == 201, disbursed.text
        result: dict[str, Any] = disbursed.json()
        return result

    async def pay(self, loan: dict[str, Any], amount: int, **body: Any) -> httpx.Response:
        return await self.client.post(
            f"/v1/loans/{loan['id']}/repayments",
            json={"amount": amount, **body},
            headers={**self.maker.headers, **key()},
        )

    async def get(self, path: str, caller: Caller | None = None) -> dict[str, Any]:
        response = await self.client.get(path, headers=(caller or self.maker).headers)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result
