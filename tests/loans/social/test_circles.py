"""Lending circles over HTTP: a full rotation, payout orders, money conservation,
credit reporting, idempotency and isolation."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, timedelta
from typing import Any

from platform_api.core.db import DatabaseUrls
from tests.conftest import Caller, Platform
from tests.loans.lending import Desk, key, today
from tests.loans.social.helpers import entrepreneurs, events, problem

CONTRIBUTION = 100_000


async def _circle(desk: Desk, size: int, **changes: Any) -> dict[str, Any]:
    response = await desk.client.post(
        "/v1/lending-circles",
        json={
            "name": f"Circle {uuid.uuid4().hex[:6]}",
            "currency": "KES",
            "contribution_amount": CONTRIBUTION,
            "frequency_unit": "weeks",
            "size": size,
            **changes,
        },
        headers=desk.maker.headers,
    )
    assert response.status_code == 201, response.text
    circle: dict[str, Any] = response.json()
    assert circle["status"] == "forming" and circle["pot_amount"] == CONTRIBUTION * size
    return circle


async def _full_circle(
    desk: Desk, size: int, bids: list[int] | None = None, **changes: Any
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    circle = await _circle(desk, size, **changes)
    members = []
    for n, person in enumerate(await entrepreneurs(desk, size)):
        body: dict[str, Any] = {"entrepreneur_id": person["id"]}
        if bids is not None:
            body["bid"] = bids[n]
        added = await desk.client.post(
            f"/v1/lending-circles/{circle['id']}/members", json=body, headers=desk.maker.headers
        )
        assert added.status_code == 201, added.text
        members.append(added.json())
    return circle, members


async def _start(desk: Desk, circle: dict[str, Any], **body: Any) -> dict[str, Any]:
    started = await desk.client.post(
        f"/v1/lending-circles/{circle['id']}/start", json=body or None, headers=desk.maker.headers
    )
    assert started.status_code == 200, started.text
    result: dict[str, Any] = started.json()
    return result


async def _contribute(
    desk: Desk, circle: dict[str, Any], member: dict[str, Any], paid_on: date, **body: Any
) -> dict[str, Any]:
    response = await desk.client.post(
        f"/v1/lending-circles/{circle['id']}/contributions",
        json={
            "member_id": member["id"],
            "amount": CONTRIBUTION,
            "paid_on": paid_on.isoformat(),
            **body,
        },
        headers={**desk.maker.headers, **key()},
    )
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


async def _payout(desk: Desk, circle: dict[str, Any], **body: Any):
    return await desk.client.post(
        f"/v1/lending-circles/{circle['id']}/payouts",
        json=body or None,
        headers={**desk.maker.headers, **key()},
    )


async def _all(desk: Desk, path: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = await desk.get(f"{path}?limit=7" + (f"&cursor={cursor}" if cursor else ""))
        items.extend(page["data"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items


async def test_ten_member_circle_to_completion_with_a_late_and_a_missed_contribution(
    client, platform: Platform, database: DatabaseUrls
):
    desk = await Desk.open(client, platform)
    circle, members = await _full_circle(desk, 10)
    base = f"/v1/lending-circles/{circle['id']}"
    extra = (await entrepreneurs(desk, 1))[0]
    full = await client.post(
        f"{base}/members", json={"entrepreneur_id": extra["id"]}, headers=desk.maker.headers
    )
    assert problem(full, 409)["size"] == 10

    first_due = today() - timedelta(days=70)
    started = await _start(desk, circle, first_due_date=first_due.isoformat())
    assert started["status"] == "active" and started["payout_order_seed"] is None
    rounds = await desk.get(f"{base}/rounds")
    assert [r["due_date"] for r in rounds] == [
        (first_due + timedelta(weeks=k)).isoformat() for k in range(10)
    ]
    # Fixed order: as the members joined.
    assert [r["recipient_member_id"] for r in rounds] == [m["id"] for m in members]

    late, missed_before_pot, missed_after_pot = members[4], members[6], members[0]
    for number, round_ in enumerate(rounds, start=1):
        due = date.fromisoformat(round_["due_date"])
        for member in members:
            if number == 2 and member is late:
                await _contribute(desk, circle, member, due + timedelta(days=3), round=number)
            elif (number, member) not in ((3, missed_before_pot), (4, missed_after_pot)):
                await _contribute(desk, circle, member, due, round=number)
        if number in (3, 4):
            short = problem(await _payout(desk, circle, paid_on=due.isoformat()), 409)
            assert short["shortfall"] == CONTRIBUTION and short["round"] == number
            paid = await _payout(desk, circle, paid_on=due.isoformat(), cover_shortfall=True)
        else:
            paid = await _payout(desk, circle, paid_on=due.isoformat())
        assert paid.status_code == 201, paid.text
        payout = paid.json()
        assert payout["round"] == number and payout["amount"] == 10 * CONTRIBUTION
        assert payout["recipient_member_id"] == members[number - 1]["id"]
        assert payout["guarantee_draw"] == (CONTRIBUTION if number in (3, 4) else 0)
        if number == 5:
            # The member who missed round 3 before receiving the pot makes it up.
            recovered = await _contribute(desk, circle, missed_before_pot, due)
            assert recovered["round"] == 3 and recovered["after_payout"] is True
            assert recovered["days_late"] == 14

    done = await desk.get(base)
    assert done["status"] == "completed" and done["rounds_paid_out"] == 10
    assert done["completed_on"] == rounds[-1]["due_date"]
    assert problem(await _payout(desk, circle), 409)["current_status"] == "completed"

    # Money is conserved: paid in (contributions, and the tenant's guarantee) equals paid
    # out (pots, and what the late contributions repaid to the tenant).
    contributions = await _all(desk, f"{base}/contributions")
    payouts = await _all(desk, f"{base}/payouts")
    paid_in = sum(c["amount"] for c in contributions)
    paid_out = sum(p["amount"] for p in payouts)
    drawn = sum(p["guarantee_draw"] for p in payouts)
    recovered_total = sum(c["amount"] for c in contributions if c["after_payout"])
    assert len(contributions) == 99 and paid_in == 99 * CONTRIBUTION
    assert paid_out == 10 * 10 * CONTRIBUTION and drawn == 2 * CONTRIBUTION
    assert recovered_total == CONTRIBUTION
    assert paid_in + drawn == paid_out + recovered_total
    assert done["money"] == {
        "contributions_received": paid_in,
        "payouts_released": paid_out,
        "guarantee_drawn": drawn,
        "guarantee_recovered": recovered_total,
        "guarantee_outstanding": drawn - recovered_total,
        "held": 0,
    }

    standing = {m["id"]: m for m in await desk.get(f"{base}/members")}
    assert standing[late["id"]]["late_contributions"] == 1
    assert standing[late["id"]]["status"] == "current"
    assert standing[missed_before_pot["id"]]["missed_contributions"] == 1
    assert standing[missed_before_pot["id"]]["late_contributions"] == 1
    assert standing[missed_before_pot["id"]]["owed"] == 0
    debtor = standing[missed_after_pot["id"]]
    assert debtor["status"] == "in_arrears" and debtor["missed_contributions"] == 1
    assert debtor["arrears_amount"] == debtor["obligation_outstanding"] == CONTRIBUTION
    assert debtor["received_on"] == rounds[0]["due_date"]
    assert debtor["days_late"] == (today() - date.fromisoformat(rounds[3]["due_date"])).days
    assert sum(m["owed"] for m in standing.values()) == CONTRIBUTION

    # Events: started, ten payouts, two missed contributions, one member in arrears (the
    # one who had already received the pot), completed.
    tenant = desk.maker.tenant_id
    assert len(await events(database, tenant, "lending_circle.started")) == 1
    assert len(await events(database, tenant, "lending_circle.payout_released")) == 10
    assert len(await events(database, tenant, "lending_circle.contribution_received")) == 99
    missed_events = await events(database, tenant, "lending_circle.contribution_missed")
    assert {(e["member_id"], e["round"]) for e in missed_events} == {
        (missed_before_pot["id"], 3),
        (missed_after_pot["id"], 4),
    }
    arrears_events = await events(database, tenant, "lending_circle.member_in_arrears")
    assert [e["member_id"] for e in arrears_events] == [missed_after_pot["id"]]
    assert len(await events(database, tenant, "lending_circle.completed")) == 1

    # Credit reporting: per member and month, what a furnisher file needs.
    report = await desk.get(f"{base}/credit-report")
    accounts = {a["member_id"]: a for a in report["accounts"]}
    assert len(accounts) == 10
    debtor_months = accounts[missed_after_pot["id"]]["months"]
    assert debtor_months[-1]["status"] == "delinquent"
    assert debtor_months[-1]["past_due_amount"] == debtor_months[-1]["balance"] == CONTRIBUTION
    assert sum(m["scheduled_amount"] for m in debtor_months) == 10 * CONTRIBUTION
    assert sum(m["paid_amount"] for m in debtor_months) == 9 * CONTRIBUTION
    late_months = accounts[late["id"]]["months"]
    assert max(m["days_late"] for m in late_months) == 3
    assert late_months[-1]["status"] == "paid_in_full" and late_months[-1]["balance"] == 0
    assert accounts[missed_before_pot["id"]]["months"][-1]["status"] == "paid_in_full"

    exported = await desk.get(
        f"/v1/lending-circles/credit-report?period_start={today().replace(day=1).isoformat()}"
        f"&period_end={today().isoformat()}"
    )
    (only,) = exported["data"]
    # Members paid in full before this month have nothing to report in it.
    assert missed_after_pot["id"] in {a["member_id"] for a in only["accounts"]}


async def test_random_order_is_reproducible_from_its_recorded_seed(client, platform: Platform):
    desk = await Desk.open(client, platform)

    def lottery(seed: str, members: list[dict[str, Any]]) -> list[str]:
        # What a member would run to verify the draw (documented on the circle).
        return sorted(
            (m["id"] for m in members),
            key=lambda i: hashlib.sha256(f"{seed}:{i}".encode()).hexdigest(),
        )

    circle, members = await _full_circle(desk, 8, payout_order="random")
    started = await _start(desk, circle)
    seed = started["payout_order_seed"]
    assert seed and len(seed) == 32
    rounds = await desk.get(f"/v1/lending-circles/{circle['id']}/rounds")
    drawn = [r["recipient_member_id"] for r in rounds]
    assert drawn == lottery(seed, members)
    assert drawn != [m["id"] for m in members] or len(set(drawn)) == 8

    # A seed drawn in the members' meeting is recorded as given.
    other, others = await _full_circle(desk, 5, payout_order="random")
    chosen = await _start(desk, other, seed="meeting-2026-03-01:4711")
    assert chosen["payout_order_seed"] == "meeting-2026-03-01:4711"
    listed = await desk.get(f"/v1/lending-circles/{other['id']}/members")
    by_round = sorted(listed, key=lambda m: m["payout_round"])
    assert [m["id"] for m in by_round] == lottery("meeting-2026-03-01:4711", others)

    # A seed only makes sense for a random order.
    fixed, _ = await _full_circle(desk, 2)
    refused = await client.post(
        f"/v1/lending-circles/{fixed['id']}/start", json={"seed": "x"}, headers=desk.maker.headers
    )
    assert problem(refused, 422)["errors"][0]["path"] == "body.seed"


async def test_bid_order_pays_the_highest_bid_first(client, platform: Platform):
    desk = await Desk.open(client, platform)
    circle, members = await _full_circle(desk, 4, bids=[500, 2_000, 0, 2_000], payout_order="bid")
    await _start(desk, circle)
    rounds = await desk.get(f"/v1/lending-circles/{circle['id']}/rounds")
    assert [r["recipient_member_id"] for r in rounds] == [
        members[1]["id"],
        members[3]["id"],
        members[0]["id"],
        members[2]["id"],
    ]
    other = await _circle(desk, 3, payout_order="bid")
    person = (await entrepreneurs(desk, 1))[0]
    no_bid = await client.post(
        f"/v1/lending-circles/{other['id']}/members",
        json={"entrepreneur_id": person["id"]},
        headers=desk.maker.headers,
    )
    assert problem(no_bid, 422)["errors"][0]["path"] == "body.bid"


async def test_rules_of_the_rotation(client, platform: Platform):
    desk = await Desk.open(client, platform)
    circle, members = await _full_circle(desk, 3, frequency_unit="months")
    base = f"/v1/lending-circles/{circle['id']}"
    # Not started: no contributions, no payouts.
    forming = await client.post(
        f"{base}/contributions",
        json={"member_id": members[0]["id"], "amount": CONTRIBUTION},
        headers={**desk.maker.headers, **key()},
    )
    assert problem(forming, 409)["current_status"] == "forming"

    small = await _circle(desk, 3)
    assert (
        problem(
            await client.post(
                f"/v1/lending-circles/{small['id']}/start", headers=desk.maker.headers
            ),
            409,
        )["members_joined"]
        == 0
    )

    first_due = today() - timedelta(days=40)
    await _start(desk, circle, first_due_date=first_due.isoformat())
    rounds = await desk.get(f"{base}/rounds")
    assert date.fromisoformat(rounds[1]["due_date"]).month == first_due.month % 12 + 1
    assert rounds[0]["status"] == "short" and rounds[2]["status"] == "upcoming"

    # More than owed, a future date, a wrong currency, a stranger: 422.
    for body, path in (
        ({"member_id": members[0]["id"], "amount": CONTRIBUTION + 1}, "body.amount"),
        (
            {"member_id": members[0]["id"], "amount": 1, "paid_on": "2999-01-01"},
            "body.paid_on",
        ),
        ({"member_id": members[0]["id"], "amount": 1, "currency": "UGX"}, "body.currency"),
        ({"member_id": str(uuid.uuid4()), "amount": 1}, "body.member_id"),
        ({"member_id": members[0]["id"], "amount": 1, "round": 4}, "body.round"),
    ):
        response = await client.post(
            f"{base}/contributions", json=body, headers={**desk.maker.headers, **key()}
        )
        assert problem(response, 422)["errors"][0]["path"] == path, body

    # Partial contributions add up; the default round is the oldest not fully paid.
    part = await _contribute(desk, circle, members[0], today(), amount=40_000)
    assert part["round"] == 1 and part["days_late"] == 40
    rest = await _contribute(desk, circle, members[0], today(), amount=60_000)
    assert rest["round"] == 1
    assert (await _contribute(desk, circle, members[0], today(), amount=1))["round"] == 2
    again = await client.post(
        f"{base}/contributions",
        json={"member_id": members[0]["id"], "amount": 1, "round": 1},
        headers={**desk.maker.headers, **key()},
    )
    assert problem(again, 409)["round"] == 1

    # Rounds pay out in order; a gap is covered only from the due date on.
    assert problem(await _payout(desk, circle, round=2), 409)["next_round"] == 1
    early = await _payout(
        desk, circle, cover_shortfall=True, paid_on=(first_due - timedelta(days=1)).isoformat()
    )
    assert problem(early, 409)["round"] == 1
    # Money moved: too late to cancel.
    cancelled = await client.post(
        f"{base}/cancel", json={"reason": "changed our minds"}, headers=desk.maker.headers
    )
    assert problem(cancelled, 409)["detail"].startswith("Contributions were received")

    # A forming circle can be cancelled.
    other = await _circle(desk, 2)
    cancel = await client.post(
        f"/v1/lending-circles/{other['id']}/cancel",
        json={"reason": "not enough members"},
        headers=desk.maker.headers,
    )
    assert cancel.status_code == 200 and cancel.json()["status"] == "cancelled"
    listed = await desk.get("/v1/lending-circles?status=cancelled")
    assert [c["id"] for c in listed["data"]] == [other["id"]]

    # An entrepreneur joins a circle once.
    third = await _circle(desk, 3)
    twice = [
        await client.post(
            f"/v1/lending-circles/{third['id']}/members",
            json={"entrepreneur_id": desk.entrepreneur["id"]},
            headers=desk.maker.headers,
        )
        for _ in range(2)
    ]
    assert twice[0].status_code == 201 and problem(twice[1], 409)


async def test_money_movements_need_an_idempotency_key_and_replay(client, platform: Platform):
    desk = await Desk.open(client, platform)
    circle, members = await _full_circle(desk, 2)
    await _start(desk, circle)
    base = f"/v1/lending-circles/{circle['id']}"
    body = {"member_id": members[0]["id"], "amount": CONTRIBUTION}
    missing = await client.post(f"{base}/contributions", json=body, headers=desk.maker.headers)
    assert problem(missing, 422)["errors"][0]["path"] == "header.Idempotency-Key"
    no_key_payout = await client.post(f"{base}/payouts", headers=desk.maker.headers)
    assert problem(no_key_payout, 422)["errors"][0]["path"] == "header.Idempotency-Key"

    headers = {**desk.maker.headers, **key()}
    first = await client.post(f"{base}/contributions", json=body, headers=headers)
    replay = await client.post(f"{base}/contributions", json=body, headers=headers)
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json() and replay.headers["Idempotent-Replayed"] == "true"
    assert len((await desk.get(f"{base}/contributions"))["data"]) == 1

    await _contribute(desk, circle, members[1], today())
    payout_headers = {**desk.maker.headers, **key()}
    paid = await client.post(f"{base}/payouts", headers=payout_headers)
    again = await client.post(f"{base}/payouts", headers=payout_headers)
    assert paid.status_code == again.status_code == 201 and again.json() == paid.json()
    assert (await desk.get(base))["rounds_paid_out"] == 1


async def test_another_tenant_gets_404_on_every_circle_endpoint(
    client, platform: Platform, tenant_b: Caller
):
    desk = await Desk.open(client, platform)
    circle, members = await _full_circle(desk, 2)
    await _start(desk, circle)
    await _contribute(desk, circle, members[0], today())
    base = f"/v1/lending-circles/{circle['id']}"
    headers = {**tenant_b.headers, **key()}
    for path in ("", "/members", "/rounds", "/contributions", "/payouts", "/credit-report"):
        assert problem(await client.get(base + path, headers=tenant_b.headers), 404), path
    for path, body in (
        ("/members", {"entrepreneur_id": desk.entrepreneur["id"]}),
        ("/start", {}),
        ("/cancel", {"reason": "x"}),
        ("/contributions", {"member_id": members[1]["id"], "amount": 1}),
        ("/payouts", {"cover_shortfall": True}),
    ):
        response = await client.post(base + path, json=body, headers=headers)
        assert problem(response, 404)["detail"] == "Lending circle not found.", path
    assert (await client.get("/v1/lending-circles", headers=tenant_b.headers)).json()["data"] == []
    export = await client.get(
        f"/v1/lending-circles/credit-report?period_start={today().isoformat()}"
        f"&period_end={today().isoformat()}",
        headers=tenant_b.headers,
    )
    assert export.status_code == 200 and export.json()["data"] == []
    # Nothing changed for the owner.
    assert (await desk.get(base))["money"]["contributions_received"] == CONTRIBUTION
