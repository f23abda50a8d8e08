"""Loan accounts over HTTP: repayments, allocation, reversal, arrears, write-off,
idempotency under concurrency, isolation; balances always reconcile with postings."""

from __future__ import annotations

import asyncio
import json
import random
import uuid
from datetime import date, timedelta

import asyncpg

from platform_api.core.db import DatabaseUrls
from platform_api.loans.accounts.service import sweep_overdue
from tests.conftest import Caller, Platform
from tests.loans.lending import Desk, key, today


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict = response.json()
    return body


async def assert_reconciles(database: DatabaseUrls, tenant_id: str, loan_id: str) -> None:
    """Balances on the loan, its installments and its repayments equal its postings."""
    conn = await asyncpg.connect(database.owner)
    try:
        await conn.execute("SELECT set_config('app.tenant_id', $1, false)", tenant_id)
        loan = await conn.fetchrow("SELECT * FROM loans WHERE id = $1", uuid.UUID(loan_id))
        sums = {
            (r["kind"] == "write_off", r["target"]): r["amount"]
            for r in await conn.fetch(
                "SELECT kind = 'write_off' AS w, target, sum(amount)::bigint AS amount, "
                "min(kind) AS kind FROM loan_postings WHERE loan_id = $1 GROUP BY 1, 2",
                loan["id"],
            )
        }
        for target in ("principal", "interest", "fees"):
            assert loan[f"{target}_paid"] == sums.get((False, target), 0), target
            assert loan[f"{target}_written_off"] == sums.get((True, target), 0), target
        assert loan["overpaid"] == sums.get((False, "overpayment"), 0)
        mismatched = await conn.fetch(
            """
            SELECT i.number FROM loan_installments i
            LEFT JOIN (
                SELECT installment,
                       sum(amount) FILTER (WHERE target = 'principal') AS p,
                       sum(amount) FILTER (WHERE target = 'interest') AS i,
                       sum(amount) FILTER (WHERE target = 'fees') AS f
                FROM loan_postings WHERE loan_id = $1 AND kind <> 'write_off'
                GROUP BY installment
            ) s ON s.installment = i.number
            WHERE i.loan_id = $1 AND (i.principal_paid, i.interest_paid, i.fees_paid)
                  <> (coalesce(s.p, 0), coalesce(s.i, 0), coalesce(s.f, 0))
            """,
            loan["id"],
        )
        assert mismatched == []
        repayments = await conn.fetch(
            """
            SELECT r.id FROM loan_repayments r
            LEFT JOIN (
                SELECT repayment_id,
                       sum(amount) FILTER (WHERE target = 'principal') AS p,
                       sum(amount) FILTER (WHERE target = 'interest') AS i,
                       sum(amount) FILTER (WHERE target = 'fees') AS f,
                       sum(amount) FILTER (WHERE target = 'overpayment') AS o
                FROM loan_postings WHERE loan_id = $1 GROUP BY repayment_id
            ) s ON s.repayment_id = r.id
            WHERE r.loan_id = $1 AND (r.principal, r.interest, r.fees, r.overpayment)
                  <> (coalesce(s.p, 0), coalesce(s.i, 0), coalesce(s.f, 0), coalesce(s.o, 0))
            """,
            loan["id"],
        )
        assert repayments == []
        negative = await conn.fetchval(
            "SELECT count(*) FROM loan_installments WHERE loan_id = $1 AND "
            "(principal_paid > principal OR interest_paid > interest OR fees_paid > fees)",
            loan["id"],
        )
        assert negative == 0
    finally:
        await conn.close()


async def test_partial_exact_and_overpayment_close_the_loan(
    client, platform: Platform, database: DatabaseUrls
):
    desk = await Desk.open(client, platform)
    loan = await desk.loan()
    schedule = await desk.get(f"/v1/loans/{loan['id']}/schedule")
    lines = schedule["installments"]
    assert [line["status"] for line in lines] == ["due"] * 6
    assert sum(line["principal"] for line in lines) == loan["principal"] == 6_000_000
    first = lines[0]

    partial = await desk.pay(loan, 1_000, channel="mobile_money", external_reference="QK71AB")
    assert partial.status_code == 201, partial.text
    body = partial.json()
    assert (body["interest"], body["principal"], body["fees"], body["overpayment"]) == (
        1_000,
        0,
        0,
        0,
    )
    assert body["sequence"] == 1 and body["currency"] == "KES" and body["status"] == "posted"
    assert body["paid_on"] == today().isoformat()

    exact = await desk.pay(loan, first["total"] - 1_000)
    assert exact.status_code == 201
    after = await desk.get(f"/v1/loans/{loan['id']}")
    assert after["principal_paid"] == first["principal"]
    assert after["interest_paid"] == first["interest"]
    assert after["principal_outstanding"] == 6_000_000 - first["principal"]
    assert after["next_due_date"] == lines[1]["due_date"]
    assert after["next_due_amount"] == lines[1]["total"]
    schedule = await desk.get(f"/v1/loans/{loan['id']}/schedule")
    assert schedule["installments"][0]["status"] == "paid"
    assert schedule["installments"][0]["outstanding"] == 0

    remaining = after["total_outstanding"]
    over = await desk.pay(loan, remaining + 12_345)
    assert over.status_code == 201, over.text
    assert over.json()["overpayment"] == 12_345
    closed = await desk.get(f"/v1/loans/{loan['id']}")
    assert closed["status"] == "closed" and closed["closed_on"] == today().isoformat()
    assert closed["total_outstanding"] == 0 and closed["overpaid"] == 12_345
    assert closed["next_due_date"] is None
    refused = await desk.pay(loan, 100)
    assert _problem(refused, 409)["current_status"] == "closed"
    await assert_reconciles(database, desk.maker.tenant_id or "", loan["id"])

    listed = await desk.get(f"/v1/loans/{loan['id']}/repayments")
    assert [r["sequence"] for r in listed["data"]] == [1, 2, 3]
    one = await desk.get(f"/v1/loans/{loan['id']}/repayments/{body['id']}")
    assert one["external_reference"] == "QK71AB"


async def test_arrears_aging_and_par30(client, platform: Platform, database: DatabaseUrls):
    desk = await Desk.open(client, platform)
    # Disbursed 100 days ago, monthly: three installments have fallen due.
    late = await desk.loan(days_ago=100)
    schedule = (await desk.get(f"/v1/loans/{late['id']}/schedule"))["installments"]
    oldest = date.fromisoformat(schedule[0]["due_date"])
    overdue = [line for line in schedule if date.fromisoformat(line["due_date"]) < today()]
    assert late["days_past_due"] == (today() - oldest).days > 30
    assert late["aging_bucket"] == ("61-90" if late["days_past_due"] > 60 else "31-60")
    assert late["arrears_amount"] == sum(line["total"] for line in overdue)
    assert [line["status"] for line in schedule[: len(overdue)]] == ["overdue"] * len(overdue)

    current = await desk.loan()
    report = await desk.get("/v1/loans/arrears")
    (kes,) = report["currencies"]
    assert kes["currency"] == "KES" and kes["active_loans"] == 2
    assert kes["principal_outstanding"] == 12_000_000
    assert kes["loans_in_arrears"] == 1 and kes["principal_in_arrears"] == 6_000_000
    assert kes["par30"] == "0.5"
    buckets = {b["bucket"]: b["loans"] for b in kes["buckets"]}
    assert sum(buckets.values()) == 1 and buckets[late["aging_bucket"]] == 1

    # Paying the oldest installment moves the arrears to the next one.
    await desk.pay(late, schedule[0]["total"], paid_on=(today() - timedelta(days=5)).isoformat())
    moved = await desk.get(f"/v1/loans/{late['id']}")
    assert moved["days_past_due"] == (today() - date.fromisoformat(schedule[1]["due_date"])).days
    # A date ahead: the current loan's first installment will be late by then.
    ahead = (date.fromisoformat(current["maturity_date"]) + timedelta(days=45)).isoformat()
    future = await desk.get(f"/v1/loans/arrears?as_of={ahead}")
    assert future["currencies"][0]["loans_in_arrears"] == 2
    assert future["currencies"][0]["par30"] == "1"
    past = await client.get("/v1/loans/arrears?as_of=2020-01-01", headers=desk.maker.headers)
    assert _problem(past, 422)["errors"][0]["path"] == "query.as_of"
    await assert_reconciles(database, desk.maker.tenant_id or "", late["id"])


async def test_tolerance_days_and_amount(client, platform: Platform):
    desk = await Desk.open(client, platform, arrears_tolerance_days=40)
    loan = await desk.loan(days_ago=65)  # first due ~35 days ago: within 40 days
    assert loan["days_past_due"] == 0 and loan["arrears_amount"] > 0
    lenient = await Desk.open(client, platform, arrears_tolerance_amount=50_000)
    small = await lenient.loan(days_ago=40)
    first = (await lenient.get(f"/v1/loans/{small['id']}/schedule"))["installments"][0]
    await lenient.pay(small, first["total"] - 50_000)
    assert (await lenient.get(f"/v1/loans/{small['id']}"))["days_past_due"] == 0
    await lenient.pay(small, 1)  # nothing else is due yet; still within tolerance
    assert (await lenient.get(f"/v1/loans/{small['id']}"))["days_past_due"] == 0


async def test_reversal_reapplies_later_payments_and_reopens(
    client, platform: Platform, database: DatabaseUrls
):
    desk = await Desk.open(client, platform)
    loan = await desk.loan()
    lines = (await desk.get(f"/v1/loans/{loan['id']}/schedule"))["installments"]
    first = (await desk.pay(loan, lines[0]["total"])).json()
    second = (await desk.pay(loan, 50_000)).json()
    assert second["interest"] == 50_000  # installment 2's interest
    reversed_ = await client.post(
        f"/v1/loans/{loan['id']}/repayments/{first['id']}/reverse",
        json={"reason": "Bounced transfer"},
        headers=desk.maker.headers,
    )
    assert reversed_.status_code == 200, reversed_.text
    body = reversed_.json()
    assert body["status"] == "reversed" and body["reversal_reason"] == "Bounced transfer"
    assert (body["principal"], body["interest"], body["fees"]) == (0, 0, 0)
    moved = await desk.get(f"/v1/loans/{loan['id']}/repayments/{second['id']}")
    # The later payment now pays installment 1 (fees first, then interest).
    assert moved["interest"] == 50_000 and moved["principal"] == 0
    schedule = (await desk.get(f"/v1/loans/{loan['id']}/schedule"))["installments"]
    assert schedule[0]["interest_paid"] == 50_000 and schedule[1]["paid"] == 0
    again = await client.post(
        f"/v1/loans/{loan['id']}/repayments/{first['id']}/reverse",
        json={"reason": "again"},
        headers=desk.maker.headers,
    )
    assert _problem(again, 409)["current_status"] == "reversed"
    await assert_reconciles(database, desk.maker.tenant_id or "", loan["id"])

    # Closing and reopening.
    everything = (await desk.get(f"/v1/loans/{loan['id']}"))["total_outstanding"]
    closing = (await desk.pay(loan, everything)).json()
    assert (await desk.get(f"/v1/loans/{loan['id']}"))["status"] == "closed"
    await client.post(
        f"/v1/loans/{loan['id']}/repayments/{closing['id']}/reverse",
        json={"reason": "Wrong account"},
        headers=desk.maker.headers,
    )
    reopened = await desk.get(f"/v1/loans/{loan['id']}")
    assert reopened["status"] == "active" and reopened["closed_on"] is None
    assert reopened["total_outstanding"] == everything
    await assert_reconciles(database, desk.maker.tenant_id or "", loan["id"])


async def test_write_off_needs_approver_and_ends_the_loan(
    client, platform: Platform, database: DatabaseUrls
):
    desk = await Desk.open(client, platform)
    loan = await desk.loan(days_ago=200)
    payment = (await desk.pay(loan, 700_000)).json()
    path = f"/v1/loans/{loan['id']}/write-off"
    denied = await client.post(path, json={"reason": "Business closed"}, headers=desk.maker.headers)
    assert denied.status_code == 403
    done = await client.post(path, json={"reason": "Business closed"}, headers=desk.checker.headers)
    assert done.status_code == 200, done.text
    written = done.json()
    assert written["status"] == "written_off" and written["written_off_on"] == today().isoformat()
    assert written["principal_written_off"] == 6_000_000 - written["principal_paid"]
    assert written["principal_outstanding"] == written["total_outstanding"] == 0
    assert written["days_past_due"] == 0 and written["write_off_reason"] == "Business closed"
    lines = (await desk.get(f"/v1/loans/{loan['id']}/schedule"))["installments"]
    assert lines[-1]["status"] == "written_off"
    assert _problem(await desk.pay(loan, 100), 409)["current_status"] == "written_off"
    again = await client.post(path, json={"reason": "x"}, headers=desk.checker.headers)
    assert _problem(again, 409)["current_status"] == "written_off"
    reverse = await client.post(
        f"/v1/loans/{loan['id']}/repayments/{payment['id']}/reverse",
        json={"reason": "x"},
        headers=desk.maker.headers,
    )
    assert reverse.status_code == 409
    report = await desk.get("/v1/loans/arrears")
    assert report["currencies"] == []
    await assert_reconciles(database, desk.maker.tenant_id or "", loan["id"])


async def test_repayment_validation(client, platform: Platform):
    desk = await Desk.open(client, platform)
    loan = await desk.loan(days_ago=10)
    cases = {
        "body.paid_on": {"paid_on": (today() + timedelta(days=1)).isoformat()},
        "body.currency": {"currency": "UGX"},
        "body.amount": {"amount": 0},
    }
    for path, body in cases.items():
        response = await desk.pay(loan, **{"amount": 100, **body})
        assert path in [e["path"] for e in _problem(response, 422)["errors"]], path
    early = await desk.pay(loan, 100, paid_on=(today() - timedelta(days=11)).isoformat())
    assert _problem(early, 422)["errors"][0]["code"] == "before_disbursement"
    no_key = await client.post(
        f"/v1/loans/{loan['id']}/repayments", json={"amount": 100}, headers=desk.maker.headers
    )
    assert _problem(no_key, 422)["errors"][0]["path"] == "header.Idempotency-Key"
    assert (await desk.pay(loan, 100, external_reference="RCPT-1")).status_code == 201
    duplicate = await desk.pay(loan, 100, external_reference="RCPT-1")
    assert _problem(duplicate, 409)["external_reference"] == "RCPT-1"
    listed = await desk.get(f"/v1/loans/{loan['id']}/repayments")
    assert len(listed["data"]) == 1  # nothing half-written by the refusals


async def test_concurrent_repayments_post_once_per_key_and_serialise(
    client, platform: Platform, database: DatabaseUrls
):
    desk = await Desk.open(client, platform)
    loan = await desk.loan()
    path = f"/v1/loans/{loan['id']}/repayments"
    same = {**desk.maker.headers, **key()}
    responses = await asyncio.gather(
        *(client.post(path, json={"amount": 10_000}, headers=same) for _ in range(20))
    )
    statuses = sorted(r.status_code for r in responses)
    assert set(statuses) <= {201, 409}, statuses
    created = {r.json()["id"] for r in responses if r.status_code == 201}
    assert len(created) == 1
    after_same = await desk.get(f"/v1/loans/{loan['id']}")
    assert after_same["interest_paid"] + after_same["principal_paid"] == 10_000

    distinct = await asyncio.gather(
        *(
            client.post(path, json={"amount": 10_000 + n}, headers={**desk.maker.headers, **key()})
            for n in range(20)
        )
    )
    assert [r.status_code for r in distinct] == [201] * 20, [r.text for r in distinct][:3]
    sequences = sorted(r.json()["sequence"] for r in distinct)
    assert sequences == list(range(2, 22))
    final = await desk.get(f"/v1/loans/{loan['id']}")
    paid = final["principal_paid"] + final["interest_paid"] + final["fees_paid"]
    assert paid == 10_000 + sum(10_000 + n for n in range(20))
    await assert_reconciles(database, desk.maker.tenant_id or "", loan["id"])


async def test_list_loans_filters(client, platform: Platform):
    desk = await Desk.open(client, platform)
    first = await desk.loan()
    second = await desk.loan()
    everything = (await desk.get(f"/v1/loans/{second['id']}"))["total_outstanding"]
    await desk.pay(second, everything)
    active = await desk.get("/v1/loans?status=active")
    assert [loan["id"] for loan in active["data"]] == [first["id"]]
    page = await desk.get("/v1/loans?limit=1")
    assert page["data"][0]["id"] == first["id"] and page["next_cursor"]
    rest = await desk.get(f"/v1/loans?limit=1&cursor={page['next_cursor']}")
    assert [loan["id"] for loan in rest["data"]] == [second["id"]]
    mine = await desk.get(f"/v1/loans?entrepreneur_id={desk.entrepreneur['id']}")
    assert len(mine["data"]) == 2


async def test_other_tenants_loans_are_404(client, platform: Platform, tenant_b: Caller):
    desk = await Desk.open(client, platform)
    loan = await desk.loan()
    payment = (await desk.pay(loan, 5_000)).json()
    base = f"/v1/loans/{loan['id']}"
    for path in (
        base,
        f"{base}/schedule",
        f"{base}/repayments",
        f"{base}/repayments/{payment['id']}",
    ):
        assert (await client.get(path, headers=tenant_b.headers)).status_code == 404, path
    posted = await client.post(
        f"{base}/repayments", json={"amount": 1}, headers={**tenant_b.headers, **key()}
    )
    assert posted.status_code == 404
    reversed_ = await client.post(
        f"{base}/repayments/{payment['id']}/reverse", json={"reason": "x"}, headers=tenant_b.headers
    )
    assert reversed_.status_code == 404
    written = await client.post(f"{base}/write-off", json={"reason": "x"}, headers=tenant_b.headers)
    assert written.status_code == 404
    assert (await client.get("/v1/loans", headers=tenant_b.headers)).json()["data"] == []
    assert (await client.get("/v1/loans/arrears", headers=tenant_b.headers)).json()[
        "currencies"
    ] == []
    assert (await desk.get(base))["status"] == "active"


async def _events(database: DatabaseUrls, tenant_id: str, type_: str) -> list[dict]:
    conn = await asyncpg.connect(database.owner)
    try:
        await conn.execute("SELECT set_config('app.tenant_id', $1, false)", tenant_id)
        rows = await conn.fetch(
            "SELECT data FROM outbox_events WHERE type = $1 ORDER BY created_at", type_
        )
    finally:
        await conn.close()
    return [json.loads(row["data"]) for row in rows]


async def test_overdue_installments_are_announced_once(
    app, client, platform: Platform, database: DatabaseUrls
):
    desk = await Desk.open(client, platform)
    tenant = desk.maker.tenant_id or ""
    late = await desk.loan(days_ago=70)  # two monthly installments have fallen due
    current = await desk.loan()
    first = (await desk.get(f"/v1/loans/{late['id']}/schedule"))["installments"][0]
    await desk.pay(late, first["total"])  # the first is paid: only the second is overdue
    assert await sweep_overdue(app.state.db) >= 1
    events = await _events(database, tenant, "installment.overdue")
    assert [(e["loan_id"], e["installment"]) for e in events] == [(late["id"], 2)]
    assert events[0]["unpaid"] > 0 and events[0]["currency"] == "KES"
    await sweep_overdue(app.state.db)
    assert len(await _events(database, tenant, "installment.overdue")) == 1
    # The day after the new loan's first due date, the next installments are overdue too,
    # and only they are announced (the old loan's third falls due about ten days earlier).
    schedule = (await desk.get(f"/v1/loans/{current['id']}/schedule"))["installments"]
    await sweep_overdue(
        app.state.db, date.fromisoformat(schedule[0]["due_date"]) + timedelta(days=1)
    )
    announced = {
        (e["loan_id"], e["installment"])
        for e in await _events(database, tenant, "installment.overdue")
    }
    assert announced == {(late["id"], 2), (late["id"], 3), (current["id"], 1)}


async def test_random_repayments_and_reversals_keep_balances_exact(
    client, platform: Platform, database: DatabaseUrls
):
    """Random sequences of repayments and reversals through the API: balances equal the
    sum of postings after every step, and the loan is closed exactly when nothing is
    owed."""
    desk = await Desk.open(client, platform)
    rng = random.Random(20261123)
    for _ in range(3):
        loan = await desk.loan(days_ago=rng.randint(0, 120))
        owed = (await desk.get(f"/v1/loans/{loan['id']}"))["total_outstanding"]
        posted: list[str] = []
        for _ in range(8):
            if posted and rng.random() < 0.3:
                victim = posted.pop(rng.randrange(len(posted)))
                response = await client.post(
                    f"/v1/loans/{loan['id']}/repayments/{victim}/reverse",
                    json={"reason": "test"},
                    headers=desk.maker.headers,
                )
            else:
                response = await desk.pay(loan, rng.randint(1, owed // 3))
                if response.status_code == 201:
                    posted.append(response.json()["id"])
            assert response.status_code in (200, 201, 409), response.text
            state = await desk.get(f"/v1/loans/{loan['id']}")
            paid = state["principal_paid"] + state["interest_paid"] + state["fees_paid"]
            assert state["total_outstanding"] == owed - paid >= 0
            assert (state["status"] == "closed") == (paid == owed)
            if response.status_code == 409:
                assert state["status"] == "closed"
            await assert_reconciles(database, desk.maker.tenant_id or "", loan["id"])
