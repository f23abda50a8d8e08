"""Social underwriting over HTTP: trustees endorse applications, the product rule blocks
approval until met (409 naming the rule), and endorsers' track records."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.conftest import Caller, Platform
from tests.loans.lending import Desk, key
from tests.loans.social.helpers import problem


async def _trustee(desk: Desk, name: str, kind: str = "person") -> dict[str, Any]:
    response = await desk.client.post(
        "/v1/trustees", json={"name": name, "kind": kind}, headers=desk.maker.headers
    )
    assert response.status_code == 201, response.text
    trustee: dict[str, Any] = response.json()
    return trustee


async def _endorse(desk: Desk, application: dict[str, Any], trustee: dict[str, Any]):
    return await desk.client.post(
        f"/v1/loan-applications/{application['id']}/endorsements",
        json={
            "trustee_id": trustee["id"],
            "relationship": "supplier",
            "years_known": 6,
            "statement": "She has paid every invoice on time since 2019.",
        },
        headers=desk.maker.headers,
    )


async def test_endorsement_rule_blocks_approval_until_met(client, platform: Platform):
    desk = await Desk.open(client, platform)
    rule_path = f"/v1/loan-products/{desk.product['id']}/endorsement-rule"
    assert (await desk.get(rule_path))["required_endorsements"] == 0
    set_rule = await client.put(
        rule_path, json={"required_endorsements": 2}, headers=desk.maker.headers
    )
    assert set_rule.status_code == 200, set_rule.text
    assert (await desk.get(rule_path))["required_endorsements"] == 2

    pastor = await _trustee(desk, "Pastor Wanjiru")
    sacco = await _trustee(desk, "Umoja SACCO", "organisation")
    application = await desk.draft()
    first = await _endorse(desk, application, pastor)
    assert first.status_code == 201, first.text
    assert first.json()["trustee_name"] == "Pastor Wanjiru"
    assert problem(await _endorse(desk, application, pastor), 409)["trustee_id"] == pastor["id"]
    assert (await desk.act(application, "submit", desk.maker)).status_code == 200

    blocked = problem(await desk.act(application, "approve", desk.checker), 409)
    assert blocked["rule"] == "requires_endorsements"
    assert blocked["required_endorsements"] == 2 and blocked["endorsements"] == 1
    assert "requires 2 endorsements before approval" in blocked["detail"]
    assert (await desk.get(f"/v1/loan-applications/{application['id']}"))["status"] == "submitted"

    assert (await _endorse(desk, application, sacco)).status_code == 201
    approved = await desk.act(application, "approve", desk.checker)
    assert approved.status_code == 200, approved.text
    # Decided: no more endorsements.
    late = await _endorse(desk, application, await _trustee(desk, "Late"))
    assert problem(late, 409)["current_status"] == "approved"
    listed = await desk.get(f"/v1/loan-applications/{application['id']}/endorsements")
    assert [e["trustee_id"] for e in listed["data"]] == [pastor["id"], sacco["id"]]

    # Lowering the rule to 0 lifts it.
    await client.put(rule_path, json={"required_endorsements": 0}, headers=desk.maker.headers)
    assert (await desk.approved())["status"] == "approved"


async def test_track_record_follows_the_endorsed_loans(client, platform: Platform):
    desk = await Desk.open(client, platform)
    trustee = await _trustee(desk, "Mama Mboga Association", "organisation")
    empty = await desk.get(f"/v1/trustees/{trustee['id']}")
    assert empty["track_record"]["endorsements"] == 0
    assert empty["track_record"]["repayment_rate"] is None

    loans = []
    for _ in range(2):
        application = await desk.draft(requested_amount=5_000_000)
        assert (await _endorse(desk, application, trustee)).status_code == 201
        await desk.act(application, "submit", desk.maker)
        await desk.act(application, "approve", desk.checker)
        disbursed = await desk.act(application, "disburse", desk.maker)
        loans.append(disbursed.json())
    record = (await desk.get(f"/v1/trustees/{trustee['id']}"))["track_record"]
    assert record["endorsements"] == record["loans_disbursed"] == record["loans_active"] == 2
    assert record["repayment_rate"] == "1" and record["principal_disbursed"] == 10_000_000

    # One endorsed loan repaid a little, then written off: a loss in the record.
    assert (await desk.pay(loans[0], 1_000_000)).status_code == 201
    written_off = await client.post(
        f"/v1/loans/{loans[0]['id']}/write-off",
        json={"reason": "Business closed"},
        headers=desk.checker.headers,
    )
    assert written_off.status_code == 200, written_off.text
    lost = written_off.json()["principal_written_off"]
    record = (await desk.get(f"/v1/trustees/{trustee['id']}"))["track_record"]
    assert record["loans_written_off"] == 1 and record["loans_active"] == 1
    assert record["principal_written_off"] == lost
    assert Decimal(record["repayment_rate"]) == (1 - Decimal(lost) / 10_000_000).quantize(
        Decimal("0.0001")
    )
    listed = await desk.get("/v1/trustees")
    assert [t["id"] for t in listed["data"]] == [trustee["id"]]


async def test_another_tenant_gets_404_on_every_endorsement_endpoint(
    client, platform: Platform, tenant_b: Caller
):
    desk = await Desk.open(client, platform)
    trustee = await _trustee(desk, "Elder Otieno")
    application = await desk.draft()
    assert (await _endorse(desk, application, trustee)).status_code == 201
    rule_path = f"/v1/loan-products/{desk.product['id']}/endorsement-rule"
    endorsements = f"/v1/loan-applications/{application['id']}/endorsements"
    for path in (f"/v1/trustees/{trustee['id']}", endorsements, rule_path):
        assert problem(await client.get(path, headers=tenant_b.headers), 404), path
    foreign = await client.post(
        endorsements,
        json={"trustee_id": trustee["id"], "relationship": "x", "years_known": 1, "statement": "y"},
        headers={**tenant_b.headers, **key()},
    )
    assert problem(foreign, 404)["detail"] == "Loan application not found."
    put = await client.put(rule_path, json={"required_endorsements": 5}, headers=tenant_b.headers)
    assert problem(put, 404)
    assert (await client.get("/v1/trustees", headers=tenant_b.headers)).json()["data"] == []
    assert (await desk.get(rule_path))["required_endorsements"] == 0
