"""Group loans over HTTP: one decision for every member, per-member and whole-group
repayments, one member's arrears on the group, idempotency and isolation."""

from __future__ import annotations

from typing import Any

from tests.conftest import Caller, Platform
from tests.loans.lending import INTAKE, Desk, key, today
from tests.loans.social.helpers import entrepreneurs, problem


async def _group(desk: Desk, **changes: Any) -> tuple[dict[str, Any], list[str]]:
    others = [p["id"] for p in await entrepreneurs(desk, 2)]
    response = await desk.client.post(
        "/v1/loan-groups",
        json={
            "name": "Wanawake Pamoja",
            "leader_entrepreneur_id": desk.entrepreneur["id"],
            "member_entrepreneur_ids": others,
            **changes,
        },
        headers=desk.maker.headers,
    )
    assert response.status_code == 201, response.text
    group: dict[str, Any] = response.json()
    return group, [desk.entrepreneur["id"], *others]


async def _application(desk: Desk, group: dict[str, Any], members: list[str], **changes: Any):
    amounts = [6_000_000, 3_000_000, 3_000_000]
    return await desk.client.post(
        "/v1/group-loan-applications",
        json={
            "group_id": group["id"],
            "product_id": desk.product["id"],
            "members": [
                {**INTAKE, "entrepreneur_id": member, "requested_amount": amount}
                for member, amount in zip(members, amounts, strict=True)
            ],
            **changes,
        },
        headers=desk.maker.headers,
    )


async def _act(desk: Desk, application: dict[str, Any], action: str, caller: Caller, **body: Any):
    return await desk.client.post(
        f"/v1/group-loan-applications/{application['id']}/{action}",
        json=body or None,
        headers={**caller.headers, **(key() if action == "disburse" else {})},
    )


async def _disbursed(desk: Desk, days_ago: int) -> tuple[dict[str, Any], dict[str, Any]]:
    group, members = await _group(desk)
    created = await _application(desk, group, members)
    assert created.status_code == 201, created.text
    application = created.json()
    assert (await _act(desk, application, "submit", desk.maker)).status_code == 200
    assert (await _act(desk, application, "approve", desk.checker)).status_code == 200
    disbursed = await _act(
        desk,
        application,
        "disburse",
        desk.maker,
        disbursement_date=(today().fromordinal(today().toordinal() - days_ago)).isoformat(),
    )
    assert disbursed.status_code == 200, disbursed.text
    return group, disbursed.json()


async def test_one_decision_for_every_member_of_a_group_product(client, platform: Platform):
    desk = await Desk.open(client, platform, kind="group")
    group, members = await _group(desk)
    assert group["leader_entrepreneur_id"] == members[0]
    assert [m["entrepreneur_id"] for m in group["members"]] == members
    assert [m["is_leader"] for m in group["members"]] == [True, False, False]
    assert group["repayment_split"] == "pro_rata_due" and group["status"] == "current"

    created = await _application(desk, group, members)
    assert created.status_code == 201, created.text
    application = created.json()
    assert application["status"] == "draft" and application["total_requested"] == 12_000_000
    member_apps = application["applications"]
    assert [a["entrepreneur_id"] for a in member_apps] == members
    assert {a["status"] for a in member_apps} == {"draft"}

    # A member application moves only with its group.
    alone = await desk.client.post(
        f"/v1/loan-applications/{member_apps[0]['id']}/submit", headers=desk.maker.headers
    )
    assert problem(alone, 409)["group_application_id"] == application["id"]

    assert problem(await _act(desk, application, "approve", desk.checker), 409)[
        "current_status"
    ] == ("draft")
    submitted = await _act(desk, application, "submit", desk.maker)
    assert submitted.status_code == 200, submitted.text
    assert {a["status"] for a in submitted.json()["applications"]} == {"submitted"}
    assert all(a["underwriting"] for a in submitted.json()["applications"])
    # Only an approver decides, once for every member.
    assert (await _act(desk, application, "approve", desk.maker)).status_code == 403
    declined = await _act(desk, application, "decline", desk.checker, reason="over_indebted")
    assert declined.status_code == 200, declined.text
    assert declined.json()["status"] == "declined"
    assert {a["decline_reason"] for a in declined.json()["applications"]} == {"over_indebted"}


async def test_group_application_rules(client, platform: Platform):
    desk = await Desk.open(client, platform, kind="group")
    group, members = await _group(desk)
    individual = await client.post(
        "/v1/loan-products",
        json={
            "name": "Individual",
            "currency": "KES",
            "annual_rate": "0.2",
            "min_principal": 1_000_000,
            "max_principal": 20_000_000,
            "default_principal": 5_000_000,
            "min_term": 3,
            "max_term": 12,
            "default_term": 6,
        },
        headers=desk.maker.headers,
    )
    wrong_kind = await _application(desk, group, members, product_id=individual.json()["id"])
    assert problem(wrong_kind, 422)["errors"][0]["code"] == "product_kind"
    stranger = (await entrepreneurs(desk, 1))[0]["id"]
    not_member = await _application(desk, group, [members[0], members[1], stranger])
    assert problem(not_member, 422)["errors"][0]["path"] == "body.members.2.entrepreneur_id"
    twice = await _application(desk, group, [members[0], members[0], members[1]])
    assert problem(twice, 422)


async def test_per_member_and_whole_group_repayments_with_one_member_in_arrears(
    client, platform: Platform
):
    desk = await Desk.open(client, platform, kind="group")
    group, application = await _disbursed(desk, days_ago=40)
    loans = [a["loan_id"] for a in application["applications"]]
    assert application["status"] == "disbursed" and all(loans)
    base = f"/v1/loan-groups/{group['id']}"

    # Everyone's first installment is overdue; two members pay theirs.
    before = await desk.get(base)
    assert before["members_in_arrears"] == 3 and before["status"] == "in_arrears"
    first_due = [m["loans"][0]["arrears_amount"] for m in before["members"]]
    for loan_id, amount in zip(loans[:2], first_due[:2], strict=True):
        paid = await desk.pay({"id": loan_id}, amount)
        assert paid.status_code == 201, paid.text

    # One member in arrears shows on the group.
    after = await desk.get(base)
    assert after["members_in_arrears"] == 1 and after["status"] == "in_arrears"
    assert after["arrears_amount"] == first_due[2]
    behind = after["members"][2]
    assert behind["status"] == "in_arrears" and behind["loans"][0]["days_past_due"] > 0
    assert [m["status"] for m in after["members"][:2]] == ["current", "current"]

    # A whole-group payment goes, pro rata to what is due, to the member behind.
    response = await client.post(
        f"{base}/repayments",
        json={"amount": first_due[2], "channel": "mobile_money"},
        headers={**desk.maker.headers, **key()},
    )
    assert response.status_code == 201, response.text
    catch_up = response.json()
    assert [(p["loan_id"], p["amount"]) for p in catch_up["parts"]] == [(loans[2], first_due[2])]
    assert (await desk.get(base))["status"] == "current"

    # Nothing is due now: a payment is split by what each member still owes, exactly.
    owed = {
        m["loans"][0]["loan_id"]: m["loans"][0]["total_outstanding"]
        for m in (await desk.get(base))["members"]
    }
    amount = 1_000_001
    split = await client.post(
        f"{base}/repayments", json={"amount": amount}, headers={**desk.maker.headers, **key()}
    )
    assert split.status_code == 201, split.text
    parts = split.json()["parts"]
    assert sum(p["amount"] for p in parts) == amount and {p["loan_id"] for p in parts} == set(owed)
    for part in parts:
        assert abs(part["amount"] - amount * owed[part["loan_id"]] / sum(owed.values())) < 1
        repayment = await desk.get(f"/v1/loans/{part['loan_id']}/repayments/{part['repayment_id']}")
        assert repayment["amount"] == part["amount"]
    listed = await desk.get(f"{base}/repayments")
    assert [r["id"] for r in listed["data"]] == [catch_up["id"], split.json()["id"]]

    # Money moves only with an Idempotency-Key.
    missing = await client.post(
        f"{base}/repayments", json={"amount": 1}, headers=desk.maker.headers
    )
    assert problem(missing, 422)["errors"][0]["path"] == "header.Idempotency-Key"


async def test_equal_split_rule(client, platform: Platform):
    desk = await Desk.open(client, platform, kind="group")
    group, members = await _group(desk, repayment_split="equal")
    created = (await _application(desk, group, members)).json()
    await _act(desk, created, "submit", desk.maker)
    await _act(desk, created, "approve", desk.checker)
    assert (await _act(desk, created, "disburse", desk.maker)).status_code == 200
    paid = await client.post(
        f"/v1/loan-groups/{group['id']}/repayments",
        json={"amount": 100},
        headers={**desk.maker.headers, **key()},
    )
    assert [p["amount"] for p in paid.json()["parts"]] == [34, 33, 33]


async def test_another_tenant_gets_404_on_every_group_endpoint(
    client, platform: Platform, tenant_b: Caller
):
    desk = await Desk.open(client, platform, kind="group")
    group, application = await _disbursed(desk, days_ago=0)
    base = f"/v1/loan-groups/{group['id']}"
    app_base = f"/v1/group-loan-applications/{application['id']}"
    for path in (base, f"{base}/repayments", app_base):
        assert problem(await client.get(path, headers=tenant_b.headers), 404), path
    headers = {**tenant_b.headers, **key()}
    for path, body in (
        (f"{base}/repayments", {"amount": 100}),
        (f"{app_base}/submit", None),
        (f"{app_base}/approve", None),
        (f"{app_base}/decline", {"reason": "other"}),
        (f"{app_base}/disburse", None),
    ):
        assert problem(await client.post(path, json=body, headers=headers), 404), path
    for path in ("/v1/loan-groups", "/v1/group-loan-applications"):
        assert (await client.get(path, headers=tenant_b.headers)).json()["data"] == []
    members = [m["entrepreneur_id"] for m in group["members"]]
    foreign = await client.post(
        "/v1/group-loan-applications",
        json={
            "group_id": group["id"],
            "product_id": desk.product["id"],
            "members": [{**INTAKE, "entrepreneur_id": m} for m in members],
        },
        headers=tenant_b.headers,
    )
    assert problem(foreign, 422)["errors"][0]["path"] == "body.group_id"
