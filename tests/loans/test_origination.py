"""Loan applications over HTTP: lifecycle, underwriting, maker-checker, audit, isolation."""

from __future__ import annotations

import uuid

import asyncpg

from platform_api.core.db import DatabaseUrls
from tests.conftest import Caller, Platform
from tests.loans.lending import INTAKE, Desk, key, today


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict = response.json()
    return body


async def test_lifecycle_draft_to_disbursed_with_underwriting_and_audit(
    client, platform: Platform, database: DatabaseUrls
):
    desk = await Desk.open(client, platform)
    draft = await desk.draft()
    assert draft["status"] == "draft" and draft["currency"] == "KES"
    assert draft["underwriting"] is None and draft["created_by"] == desk.maker.client_id

    path = f"/v1/loan-applications/{draft['id']}"
    patched = await client.patch(
        path,
        json={"documents": [{"name": "National ID", "received": True}], "purpose": None},
        headers=desk.maker.headers,
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["purpose"] is None

    submitted = await desk.act(draft, "submit", desk.maker)
    assert submitted.status_code == 200, submitted.text
    body = submitted.json()
    assert body["status"] == "submitted" and body["submitted_by"] == desk.maker.client_id
    uw = body["underwriting"]
    quote = await client.post(
        f"/v1/loan-products/{desk.product['id']}/quote",
        json={"amount": 6_000_000, "term": 6, "disbursement_date": today().isoformat()},
        headers=desk.maker.headers,
    )
    largest = max(i["total"] for i in quote.json()["installments"])
    assert uw["installment"] == uw["monthly_installment"] == largest
    assert uw["net_monthly_cash_flow"] == 5_000_000
    assert uw["monthly_debt_service"] == 500_000 + largest
    assert uw["dscr"] == str((5_000_000 * 100 // (500_000 + largest)) / 100).rstrip("0")
    assert uw["risk_band"] in {"A", "B", "C", "D"} and uw["reasons"]
    assert uw["minimum_dscr"] == "1.25"
    assert 0 < uw["recommended_max_amount"] <= 20_000_000

    # Maker-checker: the submitting client cannot decide, even holding loans:approve.
    both = await platform.caller(draft_tenant(desk), ["loans:read", "loans:write", "loans:approve"])
    own = await desk.draft()
    assert (await desk.act(own, "submit", both)).status_code == 200
    assert _problem(await desk.act(own, "approve", both), 403)["type"].endswith("maker-checker")
    assert (await desk.act(own, "decline", both, reason="other")).status_code == 403
    # ... and a client without loans:approve cannot decide at all.
    assert (await desk.act(draft, "approve", desk.maker)).status_code == 403

    approved = await desk.act(draft, "approve", desk.checker, amount=5_000_000, note="Reduced")
    assert approved.status_code == 200, approved.text
    decided = approved.json()
    assert decided["status"] == "approved" and decided["approved_amount"] == 5_000_000
    assert decided["approved_term"] == 6 and decided["decided_by"] == desk.checker.client_id

    # The product changes after approval; the loan keeps the frozen terms.
    await client.patch(
        f"/v1/loan-products/{desk.product['id']}",
        json={"annual_rate": "0.36"},
        headers=desk.maker.headers,
    )
    headers = {**desk.maker.headers, **key()}
    disburse_path = f"{path}/disburse"
    disbursed = await client.post(disburse_path, json={}, headers=headers)
    assert disbursed.status_code == 201, disbursed.text
    loan = disbursed.json()
    assert loan["annual_rate"] == "0.24" and loan["principal"] == 5_000_000
    assert loan["upfront_fee"] == 100_000 and loan["net_disbursed"] == 4_900_000
    assert loan["status"] == "active" and loan["term"] == 6
    assert loan["disbursement_date"] == today().isoformat()
    assert loan["principal_outstanding"] == 5_000_000 and loan["days_past_due"] == 0
    replay = await client.post(disburse_path, json={}, headers=headers)
    assert replay.status_code == 201 and replay.json()["id"] == loan["id"]
    assert replay.headers["Idempotent-Replayed"] == "true"

    final = await desk.get(path)
    assert final["status"] == "disbursed" and final["loan_id"] == loan["id"]
    trail = await desk.get(f"{path}/transitions")
    assert [(t["from_status"], t["to_status"]) for t in trail] == [
        (None, "draft"),
        ("draft", "submitted"),
        ("submitted", "approved"),
        ("approved", "disbursed"),
    ]
    maker, checker = desk.maker.client_id, desk.checker.client_id
    assert [t["actor"] for t in trail] == [maker, maker, checker, maker]
    assert trail[2]["note"] == "Reduced"

    conn = await asyncpg.connect(database.owner)
    try:
        await conn.execute("SELECT set_config('app.tenant_id', $1, false)", desk.maker.tenant_id)
        events = await conn.fetch(
            "SELECT type FROM outbox_events WHERE tenant_id = $1 ORDER BY created_at, type",
            uuid.UUID(desk.maker.tenant_id),
        )
    finally:
        await conn.close()
    types = [e["type"] for e in events]
    for expected in (
        "loan_application.submitted",
        "loan_application.approved",
        "loan.disbursed",
    ):
        assert types.count(expected) == 1 + (expected == "loan_application.submitted"), types


def draft_tenant(desk: Desk) -> str:
    assert desk.maker.tenant_id is not None
    return desk.maker.tenant_id


async def test_illegal_transitions_are_409_naming_the_state(client, platform: Platform):
    desk = await Desk.open(client, platform)
    draft = await desk.draft()
    for action, caller, body in (
        ("approve", desk.checker, {}),
        ("decline", desk.checker, {"reason": "other"}),
        ("disburse", desk.maker, {}),
    ):
        problem = _problem(await desk.act(draft, action, caller, **body), 409)
        assert (
            problem["current_status"] == "draft"
            and "This application is draft" in problem["detail"]
        )

    declined = await desk.draft()
    await desk.act(declined, "submit", desk.maker)
    response = await desk.act(
        declined, "decline", desk.checker, reason="insufficient_cash_flow", note="Thin margins"
    )
    assert response.status_code == 200, response.text
    assert response.json()["decline_reason"] == "insufficient_cash_flow"
    for action, caller, body in (
        ("submit", desk.maker, {}),
        ("approve", desk.checker, {}),
        ("withdraw", desk.maker, {}),
        ("disburse", desk.maker, {}),
    ):
        problem = _problem(await desk.act(declined, action, caller, **body), 409)
        assert problem["current_status"] == "declined"
    changed = await client.patch(
        f"/v1/loan-applications/{declined['id']}",
        json={"requested_amount": 2_000_000},
        headers=desk.maker.headers,
    )
    assert _problem(changed, 409)["current_status"] == "declined"

    approved = await desk.approved()
    assert (
        _problem(await desk.act(approved, "submit", desk.maker), 409)["current_status"]
        == "approved"
    )
    withdrawn = await desk.act(approved, "withdraw", desk.maker, note="Found a grant")
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"
    assert (
        _problem(await desk.act(approved, "disburse", desk.maker), 409)["current_status"]
        == "withdrawn"
    )

    loan_app = await desk.approved()
    await desk.act(loan_app, "disburse", desk.maker)
    assert (
        _problem(await desk.act(loan_app, "withdraw", desk.maker), 409)["current_status"]
        == "disbursed"
    )
    assert (
        _problem(await desk.act(loan_app, "disburse", desk.maker), 409)["current_status"]
        == "disbursed"
    )


async def test_validation_names_fields_and_writes_nothing(client, platform: Platform):
    desk = await Desk.open(client, platform)
    base = {"entrepreneur_id": desk.entrepreneur["id"], "product_id": desk.product["id"]}
    too_big = await client.post(
        "/v1/loan-applications",
        json={**base, **INTAKE, "requested_amount": 20_000_001, "requested_term": 2},
        headers=desk.maker.headers,
    )
    errors = {e["path"]: e["message"] for e in _problem(too_big, 422)["errors"]}
    assert errors == {
        "body.requested_amount": "must be at most max_principal (20000000)",
        "body.requested_term": "must be at least min_term (3)",
    }
    unknown = await client.post(
        "/v1/loan-applications",
        json={**INTAKE, "entrepreneur_id": str(uuid.uuid4()), "product_id": str(uuid.uuid4())},
        headers=desk.maker.headers,
    )
    assert _problem(unknown, 422)["errors"][0]["path"] == "body.product_id"
    duplicate_docs = await client.post(
        "/v1/loan-applications",
        json={**base, **INTAKE, "documents": [{"name": "ID"}, {"name": "ID"}]},
        headers=desk.maker.headers,
    )
    assert _problem(duplicate_docs, 422)["errors"][0]["path"].startswith("body.documents")
    missing_key = await client.post(
        f"/v1/loan-applications/{(await desk.approved())['id']}/disburse",
        json={},
        headers=desk.maker.headers,
    )
    assert _problem(missing_key, 422)["errors"][0]["path"] == "header.Idempotency-Key"
    approved = await desk.approved()
    future = await client.post(
        f"/v1/loan-applications/{approved['id']}/disburse",
        json={"disbursement_date": "2999-01-01"},
        headers={**desk.maker.headers, **key()},
    )
    assert _problem(future, 422)["errors"][0]["path"] == "body.disbursement_date"
    over_limit = await desk.act(approved, "approve", desk.checker, amount=1)
    assert _problem(over_limit, 409)["current_status"] == "approved"
    listed = await desk.get("/v1/loan-applications?status=draft")
    assert listed["data"] == []  # the refused creations wrote nothing


async def test_approve_within_limits_and_inactive_product(client, platform: Platform):
    desk = await Desk.open(client, platform)
    application = await desk.draft()
    await desk.act(application, "submit", desk.maker)
    below = await desk.act(application, "approve", desk.checker, amount=999, term=13)
    paths = {e["path"]: e["message"] for e in _problem(below, 422)["errors"]}
    assert paths == {
        "body.amount": "must be at least min_principal (1000000)",
        "body.term": "must be at most max_term (12)",
    }
    await client.patch(
        f"/v1/loan-products/{desk.product['id']}",
        json={"active": False},
        headers=desk.maker.headers,
    )
    assert (await desk.act(application, "approve", desk.checker)).status_code == 409
    refused = await client.post(
        "/v1/loan-applications",
        json={
            **INTAKE,
            "entrepreneur_id": desk.entrepreneur["id"],
            "product_id": desk.product["id"],
        },
        headers=desk.maker.headers,
    )
    assert _problem(refused, 409)["product_id"] == desk.product["id"]


async def test_list_filters_and_pages(client, platform: Platform):
    desk = await Desk.open(client, platform)
    first = await desk.draft()
    second = await desk.draft()
    await desk.act(second, "submit", desk.maker)
    drafts = await desk.get("/v1/loan-applications?status=draft")
    assert [a["id"] for a in drafts["data"]] == [first["id"]]
    page = await desk.get("/v1/loan-applications?limit=1")
    assert page["data"][0]["id"] == first["id"] and page["next_cursor"]
    rest = await desk.get(f"/v1/loan-applications?limit=1&cursor={page['next_cursor']}")
    assert [a["id"] for a in rest["data"]] == [second["id"]]
    by_person = await desk.get(f"/v1/loan-applications?entrepreneur_id={desk.entrepreneur['id']}")
    assert len(by_person["data"]) == 2


async def test_other_tenants_applications_are_404(client, platform: Platform, tenant_b: Caller):
    desk = await Desk.open(client, platform)
    application = await desk.approved()
    path = f"/v1/loan-applications/{application['id']}"
    assert (await client.get(path, headers=tenant_b.headers)).status_code == 404
    assert (await client.get(f"{path}/transitions", headers=tenant_b.headers)).status_code == 404
    patched = await client.patch(path, json={"purpose": "x"}, headers=tenant_b.headers)
    assert patched.status_code == 404
    for action in ("submit", "approve", "withdraw"):
        response = await client.post(f"{path}/{action}", headers=tenant_b.headers)
        assert response.status_code == 404, (action, response.text)
    declined = await client.post(
        f"{path}/decline", json={"reason": "other"}, headers=tenant_b.headers
    )
    assert declined.status_code == 404
    disbursed = await client.post(
        f"{path}/disburse", json={}, headers={**tenant_b.headers, **key()}
    )
    assert disbursed.status_code == 404
    listed = await client.get("/v1/loan-applications", headers=tenant_b.headers)
    assert listed.json()["data"] == []
    # Tenant B cannot apply with tenant A's product or entrepreneur either.
    foreign = await client.post(
        "/v1/loan-applications",
        json={
            **INTAKE,
            "entrepreneur_id": desk.entrepreneur["id"],
            "product_id": desk.product["id"],
        },
        headers=tenant_b.headers,
    )
    assert _problem(foreign, 422)["errors"][0]["path"] == "body.product_id"
    assert (await desk.get(path))["status"] == "approved"
