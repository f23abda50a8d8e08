"""Every money write and decision leaves exactly one audit entry, written in its own
transaction: with the right actor, request id, resource, amounts and states; none when
the write rolls back; none twice when an Idempotency-Key replays it; nothing personal."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from typing import Any

from tests.audit.helpers import actions, audit_log
from tests.conftest import Platform
from tests.loans.lending import INTAKE, Desk, key, today
from tests.loans.social.helpers import problem
from tests.loans.social.test_circles import _full_circle, _payout, _start
from tests.loans.social.test_crowdfunding import _commit, _lender
from tests.loans.social.test_groups import _act, _application, _group

DECLINE_NOTE = "Achieng's neighbour Wanjiru says she moved to Kisumu (+254711000111)"
WRITE_OFF_REASON = "Borrower Achieng Otieno left for Kampala"


def _one(entries: list[dict[str, Any]], action: str) -> dict[str, Any]:
    found = [entry for entry in entries if entry["action"] == action]
    assert len(found) == 1, (action, actions(entries))
    return found[0]


async def _post(desk: Desk, path: str, caller: Any, body: Any = None, **headers: str):
    return await desk.client.post(path, json=body, headers={**caller.headers, **headers})


async def test_a_loan_from_submission_to_write_off(client, platform: Platform):
    desk = await Desk.open(client, platform)
    application = await desk.draft()
    assert (await desk.act(application, "submit", desk.maker)).status_code == 200
    approved = await desk.act(application, "approve", desk.checker, amount=5_000_000)
    assert approved.status_code == 200, approved.text
    disbursed = await desk.act(approved.json(), "disburse", desk.maker)
    assert disbursed.status_code == 201, disbursed.text
    loan = disbursed.json()
    request_id = f"audit-{uuid.uuid4().hex}"
    first = await desk.pay(loan, 300_000)
    assert first.status_code == 201, first.text
    paid = await _post(
        desk,
        f"/v1/loans/{loan['id']}/repayments",
        desk.maker,
        {"amount": 200_000},
        **key(),
        **{"X-Request-ID": request_id},
    )
    assert paid.status_code == 201, paid.text

    async def reverse(repayment: dict[str, Any], reason: str) -> None:
        path = f"/v1/loans/{loan['id']}/repayments/{repayment['id']}/reverse"
        reversal = await _post(desk, path, desk.maker, {"reason": reason})
        assert reversal.status_code == 200, reversal.text

    await reverse(paid.json(), "Keyed twice by Achieng Otieno")
    settled = await desk.pay(loan, 10**9)  # everything: closes the loan
    assert settled.status_code == 201, settled.text
    await reverse(settled.json(), "Bounced")  # reopens it
    written = await _post(
        desk, f"/v1/loans/{loan['id']}/write-off", desk.checker, {"reason": WRITE_OFF_REASON}
    )
    assert written.status_code == 200, written.text
    declined = await desk.draft()
    assert (await desk.act(declined, "submit", desk.maker)).status_code == 200
    assert (
        await desk.act(declined, "decline", desk.checker, reason="over_indebted", note=DECLINE_NOTE)
    ).status_code == 200
    withdrawn = await desk.draft()
    assert (await desk.act(withdrawn, "withdraw", desk.maker)).status_code == 200

    entries = await audit_log(desk)
    assert Counter(actions(entries)) == Counter(
        {
            "loan_application.submitted": 2,
            "loan_application.approved": 1,
            "loan_application.declined": 1,
            "loan_application.withdrawn": 1,
            "loan.disbursed": 1,
            "loan.repayment.posted": 3,
            "loan.repayment.reversed": 2,
            "loan.closed": 1,
            "loan.reopened": 1,
            "loan.written_off": 1,
        }
    )
    for entry in entries:
        assert entry["actor_kind"] == "tenant"
        assert entry["actor_id"] in (desk.maker.client_id, desk.checker.client_id)
        assert entry["request_id"]

    approval = _one(entries, "loan_application.approved")
    assert approval["actor_id"] == desk.checker.client_id
    assert (approval["resource_type"], approval["resource_id"]) == (
        "loan_application",
        application["id"],
    )
    assert approval["details"] == {
        "currency": "KES",
        "amounts": {"requested": INTAKE["requested_amount"], "approved": 5_000_000},
        "from_state": "submitted",
        "to_state": "approved",
        "reason": None,
        "related": {},
    }
    disbursal = _one(entries, "loan.disbursed")
    assert (disbursal["resource_type"], disbursal["resource_id"]) == ("loan", loan["id"])
    assert disbursal["details"]["amounts"] == {
        "principal": 5_000_000,
        "upfront_fee": loan["upfront_fee"],
        "net_disbursed": loan["net_disbursed"],
    }
    assert disbursal["details"]["related"] == {"application_id": application["id"]}

    posted = [e for e in entries if e["request_id"] == request_id]
    assert actions(posted) == ["loan.repayment.posted"]
    repayment = paid.json()
    assert posted[0]["actor_id"] == desk.maker.client_id
    assert posted[0]["resource_id"] == loan["id"]
    assert posted[0]["details"]["related"] == {"repayment_id": repayment["id"]}
    assert posted[0]["details"]["amounts"] == {
        part: repayment[part] for part in ("amount", "principal", "interest", "fees", "overpayment")
    }
    closed = _one(entries, "loan.closed")
    assert (
        closed["request_id"]
        == _one(
            [
                e
                for e in entries
                if e["details"]["related"].get("repayment_id") == settled.json()["id"]
            ],
            "loan.repayment.posted",
        )["request_id"]
    )
    assert (closed["details"]["from_state"], closed["details"]["to_state"]) == ("active", "closed")
    write_off = _one(entries, "loan.written_off")
    assert write_off["actor_id"] == desk.checker.client_id
    assert write_off["details"]["amounts"]["principal"] == written.json()["principal_written_off"]
    assert write_off["details"]["reason"] is None  # free text stays on the loan
    decline = _one(entries, "loan_application.declined")
    assert decline["details"]["reason"] == "over_indebted"

    # Nothing personal in a log that can never be erased: no name, phone or free text.
    text = json.dumps(entries)
    for personal in ("Achieng", "Otieno", "Wanjiru", "+254", "Keyed twice", "Bounced"):
        assert personal not in text


async def test_a_write_that_rolls_back_or_replays_leaves_no_entry(client, platform: Platform):
    desk = await Desk.open(client, platform)
    loan = await desk.loan()
    before = await audit_log(desk)
    reference = {"channel": "mobile_money", "external_reference": "QK7" + uuid.uuid4().hex[:6]}
    same_key = key()
    paid = await _post(
        desk,
        f"/v1/loans/{loan['id']}/repayments",
        desk.maker,
        {"amount": 1, **reference},
        **same_key,
    )
    assert paid.status_code == 201, paid.text
    replayed = await _post(
        desk,
        f"/v1/loans/{loan['id']}/repayments",
        desk.maker,
        {"amount": 1, **reference},
        **same_key,
    )
    assert replayed.headers.get("Idempotent-Replayed") == "true"
    # The duplicate reference fails inside the statement that also writes the entry.
    duplicate = await _post(
        desk, f"/v1/loans/{loan['id']}/repayments", desk.maker, {"amount": 1, **reference}, **key()
    )
    problem(duplicate, 409)
    # Validation failing after the first statement (the loan's lock): nothing either.
    problem(await desk.pay(loan, 1, paid_on="2000-01-01"), 422)
    after = await audit_log(desk)
    assert actions(after[len(before) :]) == ["loan.repayment.posted"]


async def test_a_group_moves_with_one_entry_each_or_rolls_back_whole(client, platform: Platform):
    """The group's entry and each member application's; a disbursal refused at the second
    member (awaiting funding) takes back the first member's loan and its entry."""
    desk = await Desk.open(client, platform, kind="group")
    group, members = await _group(desk)
    created = await _application(desk, group, members)
    assert created.status_code == 201, created.text
    application = created.json()
    assert (await _act(desk, application, "submit", desk.maker)).status_code == 200
    assert (await _act(desk, application, "approve", desk.checker)).status_code == 200
    lender = await _lender(desk, "Partial Funds")
    second = application["applications"][1]
    assert (await _commit(desk, second, lender, 1_000_000)).status_code == 201
    problem(await _act(desk, application, "disburse", desk.maker), 409)
    entries = await audit_log(desk)
    assert Counter(actions(entries)) == Counter(
        {
            "group_loan_application.submitted": 1,
            "group_loan_application.approved": 1,
            "loan_application.submitted": 3,
            "loan_application.approved": 3,
            "loan_application.funding.committed": 1,
        }
    )
    approval = _one(entries, "group_loan_application.approved")
    assert approval["resource_id"] == application["id"]
    assert approval["details"]["amounts"] == {"requested": 12_000_000, "approved": 12_000_000}
    assert approval["details"]["related"] == {"group_id": group["id"]}
    commitment = _one(entries, "loan_application.funding.committed")
    assert commitment["resource_id"] == second["id"]
    assert commitment["details"]["amounts"] == {"amount": 1_000_000}
    assert commitment["details"]["related"]["lender_id"] == lender["id"]

    disbursed = await _act(desk, application, "disburse", desk.maker, tenant_top_up=True)
    assert disbursed.status_code == 200, disbursed.text
    repaid = await _post(
        desk, f"/v1/loan-groups/{group['id']}/repayments", desk.maker, {"amount": 90_000}, **key()
    )
    assert repaid.status_code == 201, repaid.text
    entries = (await audit_log(desk))[len(entries) :]
    assert Counter(actions(entries)) == Counter(
        {
            "loan_application.funding.committed": 1,  # the tenant's top-up
            "loan.disbursed": 3,
            "group_loan_application.disbursed": 1,
            "loan_group.repayment.posted": 1,
            "loan.repayment.posted": 3,
        }
    )
    top_up = _one(entries, "loan_application.funding.committed")
    assert top_up["details"]["amounts"] == {"amount": 3_000_000 - 1_000_000}
    assert "lender_id" not in top_up["details"]["related"]
    group_repayment = _one(entries, "loan_group.repayment.posted")
    assert (group_repayment["resource_type"], group_repayment["resource_id"]) == (
        "loan_group",
        group["id"],
    )
    assert group_repayment["details"]["related"] == {"group_repayment_id": repaid.json()["id"]}


async def test_a_lending_circle_from_start_to_completion(client, platform: Platform):
    desk = await Desk.open(client, platform)
    circle, members = await _full_circle(desk, 2)
    await _start(desk, circle)
    for round_ in (1, 2):
        for member in members:
            contributed = await _post(
                desk,
                f"/v1/lending-circles/{circle['id']}/contributions",
                desk.maker,
                {"member_id": member["id"], "amount": 100_000, "paid_on": today().isoformat()},
                **key(),
            )
            assert contributed.status_code == 201, contributed.text
        assert (await _payout(desk, circle)).status_code == 201
    forming, _ = await _full_circle(desk, 3)
    cancelled = await _post(
        desk, f"/v1/lending-circles/{forming['id']}/cancel", desk.maker, {"reason": "Moved"}
    )
    assert cancelled.status_code == 200, cancelled.text
    entries = await audit_log(desk, resource_type="lending_circle")
    assert Counter(actions(entries)) == Counter(
        {
            "lending_circle.started": 1,
            "lending_circle.contribution.received": 4,
            "lending_circle.payout.released": 2,
            "lending_circle.completed": 1,
            "lending_circle.cancelled": 1,
        }
    )
    for payout in (e for e in entries if e["action"] == "lending_circle.payout.released"):
        assert payout["details"]["amounts"] == {
            "amount": 200_000,
            "from_contributions": 200_000,
            "guarantee_draw": 0,
        }
        assert set(payout["details"]["related"]) == {"payout_id", "recipient_member_id"}
    completed = _one(entries, "lending_circle.completed")
    assert (completed["details"]["from_state"], completed["details"]["to_state"]) == (
        "active",
        "completed",
    )
    cancel = _one(entries, "lending_circle.cancelled")
    assert (cancel["resource_id"], cancel["details"]["from_state"]) == (forming["id"], "forming")
    assert "Moved" not in json.dumps(entries)
