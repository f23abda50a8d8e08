"""Crowd-funded loans over HTTP: lenders' commitments, disbursement waiting for full
funding or the tenant's top-up, repayments and losses split pro rata to the minor unit."""

from __future__ import annotations

from typing import Any

from platform_api.core.db import DatabaseUrls
from platform_api.loans.social.schemas import LoanFunding
from tests.conftest import Caller, Platform
from tests.loans.lending import Desk, key
from tests.loans.social.helpers import events, problem


async def _lender(desk: Desk, name: str) -> dict[str, Any]:
    response = await desk.client.post(
        "/v1/lenders",
        json={
            "display_name": name,
            "funds": [
                {"currency": "KES", "available": 50_000_000, "min_amount": 1, "max_amount": 10**8}
            ],
        },
        headers=desk.checker.headers,
    )
    assert response.status_code == 201, response.text
    lender: dict[str, Any] = response.json()
    return lender


async def _commit(desk: Desk, application: dict[str, Any], lender: dict[str, Any], amount: int):
    return await desk.client.post(
        f"/v1/loan-applications/{application['id']}/funding-commitments",
        json={"lender_id": lender["id"], "amount": amount},
        headers={**desk.maker.headers, **key()},
    )


async def test_three_lenders_fund_a_loan_and_share_every_repayment_exactly(
    client, platform: Platform, database: DatabaseUrls
):
    desk = await Desk.open(client, platform)
    lenders = [await _lender(desk, name) for name in ("Amani Fund", "Baraka", "Chama Yetu")]
    application = await desk.approved()
    amount = application["approved_amount"]
    commitments = [2_000_000, 2_999_999, amount - 4_999_999]

    no_key = await client.post(
        f"/v1/loan-applications/{application['id']}/funding-commitments",
        json={"lender_id": lenders[0]["id"], "amount": 1},
        headers=desk.maker.headers,
    )
    assert problem(no_key, 422)["errors"][0]["path"] == "header.Idempotency-Key"
    for lender, committed in zip(lenders[:2], commitments[:2], strict=True):
        assert (await _commit(desk, application, lender, committed)).status_code == 201
    assert problem(await _commit(desk, application, lenders[0], 1), 409)["lender_id"]
    too_much = await _commit(desk, application, lenders[2], commitments[2] + 1)
    assert problem(too_much, 422)["errors"][0]["path"] == "body.amount"

    # Disbursement waits for full funding.
    waiting = problem(await desk.act(application, "disburse", desk.maker), 409)
    assert waiting["type"].endswith("awaiting-funding")
    assert waiting["remaining"] == commitments[2]
    tenant = desk.maker.tenant_id or ""
    assert await events(database, tenant, "loan_application.fully_funded") == []
    assert (await _commit(desk, application, lenders[2], commitments[2])).status_code == 201
    (funded,) = await events(database, tenant, "loan_application.fully_funded")
    assert funded["application_id"] == application["id"] and funded["amount"] == amount
    assert problem(await _commit(desk, application, lenders[0], 1), 409)

    disbursed = await desk.act(application, "disburse", desk.maker)
    assert disbursed.status_code == 201, disbursed.text
    loan = disbursed.json()

    payments = [333_337, 1_000_003, 7, 250_001]
    posted = []
    for payment in payments:
        response = await desk.pay(loan, payment)
        assert response.status_code == 201, response.text
        posted.append(response.json())
    reversed_ = await client.post(
        f"/v1/loans/{loan['id']}/repayments/{posted[-1]['id']}/reverse",
        json={"reason": "Bounced"},
        headers=desk.maker.headers,
    )
    assert reversed_.status_code == 200, reversed_.text

    funding = await desk.get(f"/v1/loans/{loan['id']}/funding")
    LoanFunding.model_validate(funding)  # the documented shape (the route skips validation)
    assert [f["lender_id"] for f in funding["funders"]] == [lender["id"] for lender in lenders]
    assert [f["committed"] for f in funding["funders"]] == commitments
    # Every posted repayment (not the reversed one) is split pro rata, summing exactly.
    assert [r["amount"] for r in funding["repayments"]] == payments[:3]
    for split in funding["repayments"]:
        assert sum(split["parts"]) == split["amount"]
        for part, committed in zip(split["parts"], commitments, strict=True):
            assert abs(part - split["amount"] * committed / amount) < 1
    repaid = [f["repaid"] for f in funding["funders"]]
    assert sum(repaid) == sum(payments[:3])
    current = await desk.get(f"/v1/loans/{loan['id']}")
    assert sum(f["outstanding"] for f in funding["funders"]) == current["total_outstanding"]

    # Each lender sees its share in its portfolio.
    for lender, committed, share in zip(lenders, commitments, repaid, strict=True):
        portfolio = await desk.get(f"/v1/lenders/{lender['id']}/portfolio")
        (item,) = portfolio["loans"]
        assert item["loan_id"] == loan["id"] and item["committed"] == committed
        assert item["repaid"] == share and item["total_funded"] == amount
        assert portfolio["totals"] == [
            {
                "currency": "KES",
                "committed": committed,
                "repaid": share,
                "outstanding": item["outstanding"],
                "lost": 0,
            }
        ]

    # A write-off is a loss shared the same way.
    written_off = await client.post(
        f"/v1/loans/{loan['id']}/write-off", json={"reason": "Fled"}, headers=desk.checker.headers
    )
    lost = written_off.json()["principal_written_off"]
    after = await desk.get(f"/v1/loans/{loan['id']}/funding")
    assert sum(f["lost"] for f in after["funders"]) == lost > 0
    assert sum(f["outstanding"] for f in after["funders"]) == 0
    portfolio = await desk.get(f"/v1/lenders/{lenders[0]['id']}/portfolio")
    assert portfolio["loans"][0]["lost"] == after["funders"][0]["lost"]
    assert portfolio["loans"][0]["loan_status"] == "written_off"


async def test_the_tenant_tops_up_a_partly_funded_loan(client, platform: Platform):
    desk = await Desk.open(client, platform)
    lender = await _lender(desk, "Only One")
    application = await desk.approved()
    assert (await _commit(desk, application, lender, 1_000_000)).status_code == 201
    portfolio = await desk.get(f"/v1/lenders/{lender['id']}/portfolio")
    assert portfolio["loans"][0]["loan_id"] is None
    assert portfolio["loans"][0]["application_status"] == "approved"
    disbursed = await client.post(
        f"/v1/loan-applications/{application['id']}/disburse",
        json={"tenant_top_up": True},
        headers={**desk.maker.headers, **key()},
    )
    assert disbursed.status_code == 201, disbursed.text
    listed = await desk.get(f"/v1/loan-applications/{application['id']}/funding-commitments")
    assert [(c["funder"], c["amount"]) for c in listed["data"]] == [
        ("lender", 1_000_000),
        ("tenant", application["approved_amount"] - 1_000_000),
    ]
    # An application nobody committed to is an ordinary loan.
    plain = await desk.loan()
    assert problem(
        await client.get(f"/v1/loans/{plain['id']}/funding", headers=desk.maker.headers), 404
    )


async def test_another_tenant_gets_404_on_every_crowdfunding_endpoint(
    client, platform: Platform, tenant_b: Caller
):
    desk = await Desk.open(client, platform)
    lender = await _lender(desk, "Private")
    application = await desk.approved()
    amount = application["approved_amount"]
    assert (await _commit(desk, application, lender, amount)).status_code == 201
    loan = (await desk.act(application, "disburse", desk.maker)).json()
    commitments = f"/v1/loan-applications/{application['id']}/funding-commitments"
    for path in (
        commitments,
        f"/v1/loans/{loan['id']}/funding",
        f"/v1/lenders/{lender['id']}/portfolio",
    ):
        assert problem(await client.get(path, headers=tenant_b.headers), 404), path
    foreign = await client.post(
        commitments,
        json={"lender_id": lender["id"], "amount": 1},
        headers={**tenant_b.headers, **key()},
    )
    assert problem(foreign, 404)
