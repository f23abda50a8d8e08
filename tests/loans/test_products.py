"""Loan products and quotes over HTTP, against real PostgreSQL."""

from __future__ import annotations

import uuid
from decimal import Decimal

import numpy_financial as npf
import pytest

from platform_api.loans.schemas import Quote, QuoteInstallment
from tests.conftest import Caller, Platform

PRODUCT = {
    "name": "Biashara monthly",
    "currency": "KES",
    "interest_method": "declining_balance_annuity",
    "annual_rate": "0.18",
    "repayment_every": 1,
    "repayment_unit": "months",
    "min_principal": 500_000,
    "max_principal": 50_000_000,
    "default_principal": 10_000_000,
    "min_term": 3,
    "max_term": 24,
    "default_term": 12,
}


async def _create(client, caller: Caller, **changes) -> dict:
    body = {**PRODUCT, "name": f"product {uuid.uuid4().hex[:8]}", **changes}
    response = await client.post("/v1/loan-products", json=body, headers=caller.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def _quote(client, caller: Caller, product: dict, **body):
    return await client.post(
        f"/v1/loan-products/{product['id']}/quote",
        json={"disbursement_date": "2026-01-15", **body},
        headers=caller.headers,
    )


def _error_paths(response) -> dict[str, str]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return {e["path"]: e["message"] for e in response.json()["errors"]}


async def test_create_read_list_and_update(client, tenant_a: Caller):
    product = await _create(client, tenant_a, description="For market traders")
    assert product["annual_rate"] == "0.18"
    assert product["allocation_order"] == ["fees", "interest", "principal"]
    assert product["kind"] == "individual" and product["active"] is True
    path = f"/v1/loan-products/{product['id']}"
    assert (await client.get(path, headers=tenant_a.headers)).json() == product

    patched = await client.patch(
        path,
        json={
            "annual_rate": "0.2",
            "description": None,
            "allocation_order": ["interest", "fees", "principal"],
        },
        headers=tenant_a.headers,
    )
    assert patched.status_code == 200, patched.text
    after = patched.json()
    assert after["annual_rate"] == "0.2"
    assert after["description"] is None
    assert after["allocation_order"] == ["interest", "fees", "principal"]
    assert after["name"] == product["name"] and after["updated_at"] > product["updated_at"]


async def test_list_filters_and_pages(client, platform: Platform):
    caller = await platform.tenant_caller()
    group = await _create(client, caller, kind="group")
    retired = await _create(client, caller, active=False)
    ugx = await _create(
        client,
        caller,
        currency="UGX",
        min_principal=100_000,
        max_principal=5_000_000,
        default_principal=1_000_000,
    )

    async def ids(query: str) -> list[str]:
        response = await client.get(f"/v1/loan-products?{query}", headers=caller.headers)
        assert response.status_code == 200, response.text
        return [p["id"] for p in response.json()["data"]]

    assert await ids("kind=group") == [group["id"]]
    assert await ids("active=false") == [retired["id"]]
    assert await ids("currency=UGX") == [ugx["id"]]
    first = (await client.get("/v1/loan-products?limit=2", headers=caller.headers)).json()
    rest = await ids(f"limit=2&cursor={first['next_cursor']}")
    assert [p["id"] for p in first["data"]] + rest == [group["id"], retired["id"], ugx["id"]]


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"min_principal": 60_000_000}, "body.max_principal"),
        ({"default_principal": 100}, "body.default_principal"),
        ({"min_term": 30}, "body.max_term"),
        ({"default_term": 36}, "body.default_term"),
        ({"annual_rate": "10.5"}, "body.annual_rate"),
        ({"annual_rate": "-0.01"}, "body.annual_rate"),
        ({"currency": "XYZ"}, "body.currency"),
        ({"currency": "kes"}, "body.currency"),
        ({"grace_on_principal": 3}, "body.grace_on_principal"),
        ({"upfront_fee_flat": 500_000}, "body.upfront_fee_flat"),
        ({"upfront_fee_rate": "1"}, "body.upfront_fee_rate"),
        ({"allocation_order": ["fees", "fees", "principal"]}, "body.allocation_order"),
        ({"repayment_unit": "days", "max_term": 2000, "repayment_every": 30}, "body.max_term"),
        ({"annual_rate": 0.18, "min_principal": 1.5}, "body.min_principal"),
        ({"surprise": True}, "body.surprise"),
    ],
)
async def test_impossible_products_are_422_naming_the_field(client, tenant_a, changes, path):
    body = {**PRODUCT, "name": f"bad {uuid.uuid4().hex[:6]}", **changes}
    response = await client.post("/v1/loan-products", json=body, headers=tenant_a.headers)
    assert path in _error_paths(response)
    listed = await client.get("/v1/loan-products?limit=200", headers=tenant_a.headers)
    assert body["name"] not in {p["name"] for p in listed.json()["data"]}


async def test_duplicate_name_is_409(client, tenant_a: Caller):
    product = await _create(client, tenant_a)
    again = await client.post(
        "/v1/loan-products", json={**PRODUCT, "name": product["name"]}, headers=tenant_a.headers
    )
    assert again.status_code == 409


async def test_patch_that_makes_the_product_impossible_changes_nothing(client, tenant_a):
    product = await _create(client, tenant_a)
    path = f"/v1/loan-products/{product['id']}"
    crossed = await client.patch(path, json={"max_principal": 1_000}, headers=tenant_a.headers)
    assert "body.max_principal" in _error_paths(crossed)
    for body in ({"currency": "USD"}, {"name": None}, {"min_term": None}):
        assert (await client.patch(path, json=body, headers=tenant_a.headers)).status_code == 422
    assert (await client.get(path, headers=tenant_a.headers)).json() == product


async def test_idempotent_create_replays(client, tenant_a: Caller):
    headers = {**tenant_a.headers, "Idempotency-Key": uuid.uuid4().hex}
    body = {**PRODUCT, "name": "Replayed product"}
    first = await client.post("/v1/loan-products", json=body, headers=headers)
    second = await client.post("/v1/loan-products", json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers["Idempotent-Replayed"] == "true"


async def test_quote_of_an_annuity_matches_numpy_financial(client, tenant_a: Caller):
    product = await _create(client, tenant_a)
    response = await _quote(client, tenant_a, product, amount=10_000_000, term=12)
    assert response.status_code == 200, response.text
    quote = response.json()
    # The quote is written without pydantic on the hot path: it must still be the
    # documented `Quote`, field for field.
    Quote.model_validate(quote)
    assert set(quote) == set(Quote.model_fields)
    assert set(quote["installments"][0]) == set(QuoteInstallment.model_fields)
    payment = -npf.pmt(0.18 / 12, 12, 10_000_000)
    installments = quote["installments"]
    assert len(installments) == 12 and quote["currency"] == "KES"
    for item in installments[:-1]:
        assert item["total"] == round(payment)
    for number, item in enumerate(installments, start=1):
        expected_interest = -npf.ipmt(0.18 / 12, number, 12, 10_000_000)
        assert (
            abs(item["interest"] - expected_interest) <= 1
        )  # one minor unit (cumulative rounding)
    assert [i["due_date"] for i in installments[:3]] == ["2026-02-15", "2026-03-15", "2026-04-15"]
    assert quote["first_repayment_date"] == "2026-02-15"
    assert sum(i["principal"] for i in installments) == quote["total_principal"] == 10_000_000
    assert installments[-1]["balance_after"] == 0
    assert quote["total_repayable"] == sum(i["total"] for i in installments)
    assert quote["finance_charge"] == quote["total_repayable"] - quote["net_disbursed"]
    assert Decimal(quote["apr"]) == Decimal("0.18")  # no fees: APR is the nominal rate
    assert Decimal(quote["eir"]) == Decimal("0.195618")  # (1 + 0.015)^12 - 1


async def test_quote_discloses_the_true_cost_of_a_flat_rate_with_fees(client, tenant_a):
    product = await _create(
        client,
        tenant_a,
        interest_method="flat",
        annual_rate="0.12",
        repayment_unit="weeks",
        min_term=4,
        max_term=52,
        default_term=26,
        upfront_fee_rate="0.02",
    )
    quote = (await _quote(client, tenant_a, product, amount=5_200_000, term=26)).json()
    assert quote["total_interest"] == 5_200_000 * 12 * 26 // (100 * 52)  # principal x rate x term
    assert quote["upfront_fee"] == 104_000 and quote["net_disbursed"] == 5_096_000
    assert Decimal(quote["apr"]) > Decimal("0.25")  # a "12%" flat loan costs over twice that


async def test_quote_in_a_zero_decimal_currency_uses_whole_units(client, tenant_a):
    product = await _create(
        client,
        tenant_a,
        currency="VND",
        interest_method="declining_balance_equal_principal",
        min_principal=1_000_000,
        max_principal=100_000_000,
        default_principal=10_000_000,
    )
    quote = (await _quote(client, tenant_a, product, amount=10_000_001, term=3)).json()
    assert [i["principal"] for i in quote["installments"]] == [3_333_334, 3_333_334, 3_333_333]
    assert quote["currency"] == "VND"


async def test_quote_defaults_limits_and_bad_dates(client, tenant_a: Caller):
    product = await _create(client, tenant_a)
    defaulted = (await _quote(client, tenant_a, product)).json()
    assert defaulted["amount"] == 10_000_000 and defaulted["term"] == 12

    too_small = await _quote(client, tenant_a, product, amount=499_999)
    assert "min_principal (500000)" in _error_paths(too_small)["body.amount"]
    too_long = await _quote(client, tenant_a, product, term=25)
    assert "max_term (24)" in _error_paths(too_long)["body.term"]
    backwards = await _quote(client, tenant_a, product, first_repayment_date="2026-01-01")
    assert "body.first_repayment_date" in _error_paths(backwards)
    assert (
        await _quote(client, tenant_a, product, disbursement_date="15/01/2026")
    ).status_code == 422


async def test_inactive_product_cannot_be_quoted(client, tenant_a: Caller):
    product = await _create(client, tenant_a, active=False)
    response = await _quote(client, tenant_a, product)
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"


async def test_other_tenant_gets_404_on_every_product_endpoint(client, tenant_a, tenant_b):
    mine = await _create(client, tenant_a)
    path = f"/v1/loan-products/{mine['id']}"
    assert (await client.get(path, headers=tenant_b.headers)).status_code == 404
    hijack = await client.patch(path, json={"annual_rate": "0.99"}, headers=tenant_b.headers)
    assert hijack.status_code == 404
    assert (await _quote(client, tenant_b, mine)).status_code == 404
    listed = (await client.get("/v1/loan-products?limit=200", headers=tenant_b.headers)).json()
    assert mine["id"] not in {p["id"] for p in listed["data"]}
    assert (await client.get(path, headers=tenant_a.headers)).json() == mine


async def test_scopes(client, platform: Platform, tenant_a: Caller):
    product = await _create(client, tenant_a)
    reader = await platform.caller(tenant_a.tenant_id, ["loans:read"])
    assert (await _quote(client, reader, product)).status_code == 200
    denied = await client.post("/v1/loan-products", json=PRODUCT, headers=reader.headers)
    assert denied.status_code == 403
    outsider = await platform.caller(tenant_a.tenant_id, ["entrepreneurs:read"])
    assert (await client.get("/v1/loan-products", headers=outsider.headers)).status_code == 403
