"""Recommendations, matches, capacity under concurrency, the network across tenants,
sessions, cohort assignment, and tenant isolation on every endpoint."""

from __future__ import annotations

import asyncio
import json
import uuid

import asyncpg

from platform_api.core.db import DatabaseUrls
from tests.conftest import Caller
from tests.matching.helpers import act, entrepreneur, mentor, propose, recommend


async def test_recommendations_rank_explain_and_leave_out_hard_filter_failures(
    client, tenant_a: Caller
):
    person = await entrepreneur(client, tenant_a)
    best = await mentor(client, tenant_a)
    partial = await mentor(client, tenant_a, topics=["finance", "marketing"], region="Kisumu")
    await mentor(client, tenant_a, status="paused")
    await mentor(client, tenant_a, max_mentees=0)
    await mentor(client, tenant_a, languages=["fr"])
    response = await recommend(client, tenant_a, person)
    assert response.status_code == 200, response.text
    ranked = response.json()["data"]
    assert [r["mentor"]["id"] for r in ranked] == [best["id"], partial["id"]]
    assert ranked[0]["score"] == 100.0
    parts = {p["criterion"]: p for p in ranked[1]["breakdown"]}
    assert parts["expertise"]["value"] == 0.5
    assert "related expertise for finance.bookkeeping" in parts["expertise"]["reason"]
    assert parts["location"]["reason"] == "Same country (KE)."
    assert abs(sum(p["points"] for p in ranked[1]["breakdown"]) - ranked[1]["score"]) < 0.05


async def test_a_declined_pair_is_never_recommended_again(client, tenant_a: Caller):
    person = await entrepreneur(client, tenant_a)
    chosen = await mentor(client, tenant_a)
    match = await propose(client, tenant_a, person, chosen)
    assert [
        r["mentor"]["id"] for r in (await recommend(client, tenant_a, person)).json()["data"]
    ] == []
    declined = await act(client, tenant_a, match, "decline", reason="not_a_fit", note="Busy")
    assert declined.status_code == 200, declined.text
    assert declined.json()["decline_reason"] == "not_a_fit"
    assert declined.json()["declined_by"] == "both"
    assert (await recommend(client, tenant_a, person)).json()["data"] == []
    again = await client.post(
        "/v1/matches",
        json={"entrepreneur_id": person["id"], "mentor_id": chosen["id"]},
        headers=tenant_a.headers,
    )
    assert again.status_code == 201  # a human may still re-propose


async def test_match_lifecycle_frees_the_slot_and_rejects_wrong_transitions(
    client, tenant_a: Caller
):
    person = await entrepreneur(client, tenant_a)
    one_slot = await mentor(client, tenant_a, max_mentees=1)
    match = await propose(client, tenant_a, person, one_slot)
    assert match["status"] == "proposed" and match["side"] == "both"
    assert match["score"] == 100.0 and match["breakdown"]
    assert (await act(client, tenant_a, match, "complete")).status_code == 409
    accepted = await act(client, tenant_a, match, "accept")
    assert accepted.status_code == 200 and accepted.json()["accepted_at"]
    mentor_path = f"/v1/mentors/{one_slot['id']}"
    assert (await client.get(mentor_path, headers=tenant_a.headers)).json()["open_slots"] == 0
    assert (await act(client, tenant_a, match, "accept")).status_code == 409
    other = await entrepreneur(client, tenant_a)
    full = await client.post(
        "/v1/matches",
        json={"entrepreneur_id": other["id"], "mentor_id": one_slot["id"]},
        headers=tenant_a.headers,
    )
    assert full.status_code == 409 and full.json()["failed_filters"] == ["no_capacity"]
    completed = await act(client, tenant_a, match, "complete")
    assert completed.json()["status"] == "completed" and completed.json()["completed_at"]
    assert (await client.get(mentor_path, headers=tenant_a.headers)).json()["open_slots"] == 1


async def test_concurrent_accepts_on_the_last_slot_one_wins_the_rest_409(
    client, tenant_a: Caller, database: DatabaseUrls
):
    last_slot = await mentor(client, tenant_a, max_mentees=1)
    people = await asyncio.gather(*(entrepreneur(client, tenant_a) for _ in range(10)))
    matches = await asyncio.gather(*(propose(client, tenant_a, p, last_slot) for p in people))
    answers = await asyncio.gather(*(act(client, tenant_a, m, "accept") for m in matches))
    statuses = sorted(r.status_code for r in answers)
    assert statuses == [200] + [409] * 9, [r.text for r in answers if r.status_code != 409]
    assert all("no free slot" in r.json()["detail"] for r in answers if r.status_code == 409)
    conn = await asyncpg.connect(database.owner)
    try:
        await conn.execute("SELECT set_config('app.tenant_id', $1, false)", tenant_a.tenant_id)
        active = await conn.fetchval(
            "SELECT count(*) FROM matches WHERE mentor_id = $1 AND status = 'active'",
            uuid.UUID(last_slot["id"]),
        )
        counter = await conn.fetchval(
            "SELECT active_mentees FROM mentors WHERE id = $1", uuid.UUID(last_slot["id"])
        )
    finally:
        await conn.close()
    assert active == counter == 1


async def test_network_mentor_recommended_across_tenants_nothing_else_crosses(
    client, tenant_a: Caller, tenant_b: Caller
):
    a_person = await entrepreneur(client, tenant_a)
    shared = await mentor(client, tenant_a, shared_to_network=True, display_name="Shared S.")
    unshared = await mentor(client, tenant_a, display_name="Private P.")
    b_person = await entrepreneur(client, tenant_b, full_name="Zawadi B")
    b_own = await mentor(client, tenant_b, topics=["legal"])

    ranked = (await recommend(client, tenant_b, b_person, include_network=True)).json()["data"]
    ids = [r["mentor"]["id"] for r in ranked]
    assert ids[0] == shared["id"] and ranked[0]["mentor"]["network"] is True
    assert unshared["id"] not in ids and b_own["id"] in ids
    assert set(ranked[0]["mentor"]) == {
        "id",
        "network",
        "display_name",
        "gender",
        "topics",
        "sectors",
        "stages",
        "languages",
        "country",
        "region",
        "time_zone",
        "open_slots",
    }
    without = (await recommend(client, tenant_b, b_person)).json()["data"]
    assert [r["mentor"]["id"] for r in without] == [b_own["id"]]
    no_consent = await entrepreneur(client, tenant_b, consent_network_sharing=False)
    local = (await recommend(client, tenant_b, no_consent, include_network=True)).json()["data"]
    assert [r["mentor"]["id"] for r in local] == [b_own["id"]]

    # B reads none of A's own objects, shared or not.
    for path in (
        f"/v1/entrepreneurs/{a_person['id']}",
        f"/v1/mentors/{shared['id']}",
        f"/v1/mentors/{unshared['id']}",
    ):
        assert (await client.get(path, headers=tenant_b.headers)).status_code == 404
    listed = (await client.get("/v1/mentors?limit=200", headers=tenant_b.headers)).json()
    assert {m["id"] for m in listed["data"]} == {b_own["id"]}
    private = await client.post(
        "/v1/matches",
        json={"entrepreneur_id": b_person["id"], "mentor_id": unshared["id"]},
        headers=tenant_b.headers,
    )
    assert private.status_code == 422
    refused = await client.post(
        "/v1/matches",
        json={"entrepreneur_id": no_consent["id"], "mentor_id": shared["id"]},
        headers=tenant_b.headers,
    )
    assert refused.status_code == 409
    assert refused.json()["failed_filters"] == ["no_network_consent"]


async def test_cross_tenant_match_both_sides_see_only_what_they_need(
    client, tenant_a: Caller, tenant_b: Caller, database: DatabaseUrls
):
    shared = await mentor(client, tenant_a, shared_to_network=True, max_mentees=1)
    b_person = await entrepreneur(client, tenant_b, full_name="Zawadi B", phone="+254700000009")
    match = await propose(client, tenant_b, b_person, shared)
    assert match["side"] == "entrepreneur_side" and match["cross_tenant"] is True
    assert match["entrepreneur_id"] == b_person["id"]
    assert match["mentor"]["display_name"] == shared["display_name"]

    seen_by_a = await client.get(f"/v1/matches/{match['id']}", headers=tenant_a.headers)
    assert seen_by_a.status_code == 200
    a_view = seen_by_a.json()
    assert a_view["side"] == "mentor_side" and a_view["entrepreneur_id"] is None
    assert a_view["mentee"] == {
        "country": "KE",
        "sector": "food",
        "stage": "growing",
        "languages": ["sw", "en"],
        "needs": ["bookkeeping", "marketing.digital"],
    }
    assert "Zawadi" not in seen_by_a.text and "254700000009" not in seen_by_a.text
    a_list = (await client.get("/v1/matches?side=mentor_side", headers=tenant_a.headers)).json()
    assert [m["id"] for m in a_list["data"]] == [match["id"]]

    # Only the mentor's organisation accepts; either side logs sessions and completes.
    assert (await act(client, tenant_b, match, "accept")).status_code == 409
    assert (await act(client, tenant_a, match, "accept")).status_code == 200
    assert (await client.get(f"/v1/mentors/{shared['id']}", headers=tenant_a.headers)).json()[
        "active_mentees"
    ] == 1
    for caller, rating in (
        (tenant_a, {"mentor_rating": 4}),
        (tenant_b, {"entrepreneur_rating": 5}),
    ):
        logged = await client.post(
            f"/v1/matches/{match['id']}/sessions",
            json={
                "held_on": "2026-01-10",
                "minutes": 45,
                "channel": "whatsapp",
                "topics": ["bookkeeping"],
                **rating,
            },
            headers=caller.headers,
        )
        assert logged.status_code == 201, logged.text
    sessions_a = (
        await client.get(f"/v1/matches/{match['id']}/sessions", headers=tenant_a.headers)
    ).json()["data"]
    assert [s["logged_by"] for s in sessions_a] == ["mentor_side", "entrepreneur_side"]
    assert (await act(client, tenant_b, match, "complete")).status_code == 200
    # The entrepreneur's tenant completed it; the trigger freed the other tenant's slot.
    assert (await client.get(f"/v1/mentors/{shared['id']}", headers=tenant_a.headers)).json()[
        "active_mentees"
    ] == 0

    events = []
    conn = await asyncpg.connect(database.owner)
    try:
        for tenant in (tenant_a, tenant_b):  # outbox rows are tenant rows
            await conn.execute("SELECT set_config('app.tenant_id', $1, false)", tenant.tenant_id)
            events += await conn.fetch(
                "SELECT tenant_id::text, type, data FROM outbox_events WHERE subject_id = $1",
                uuid.UUID(match["id"]),
            )
    finally:
        await conn.close()
    by_tenant = {(e["tenant_id"], e["type"]) for e in events}
    for kind in ("match.proposed", "match.accepted", "match.completed"):
        assert {(tenant_a.tenant_id, kind), (tenant_b.tenant_id, kind)} <= by_tenant
    assert all(
        json.loads(e["data"])["entrepreneur_id"] is None
        for e in events
        if e["tenant_id"] == tenant_a.tenant_id
    )


async def test_other_tenant_gets_404_on_every_matching_endpoint(
    client, tenant_a: Caller, tenant_b: Caller
):
    person = await entrepreneur(client, tenant_a)
    own = await mentor(client, tenant_a)
    match = await propose(client, tenant_a, person, own)
    assert (await act(client, tenant_a, match, "accept")).status_code == 200
    lender = (
        await client.post(
            "/v1/lenders",
            json={
                "display_name": "L",
                "funds": [{"currency": "KES", "available": 1, "min_amount": 1, "max_amount": 1}],
            },
            headers=tenant_a.headers,
        )
    ).json()
    cohort = (
        await client.post(
            "/v1/matching/cohort-assignments",
            json={"entrepreneur_ids": [person["id"]], "mentor_ids": [own["id"]]},
            headers=tenant_a.headers,
        )
    ).json()
    b = tenant_b.headers
    for method, path, body in (
        ("GET", f"/v1/mentors/{own['id']}", None),
        ("PATCH", f"/v1/mentors/{own['id']}", {"status": "paused"}),
        ("GET", f"/v1/lenders/{lender['id']}", None),
        ("PATCH", f"/v1/lenders/{lender['id']}", {"status": "inactive"}),
        ("GET", f"/v1/matches/{match['id']}", None),
        ("POST", f"/v1/matches/{match['id']}/accept", None),
        ("POST", f"/v1/matches/{match['id']}/decline", {"reason": "other"}),
        ("POST", f"/v1/matches/{match['id']}/complete", None),
        ("GET", f"/v1/matches/{match['id']}/sessions", None),
        (
            "POST",
            f"/v1/matches/{match['id']}/sessions",
            {"held_on": "2026-01-10", "minutes": 30, "channel": "phone"},
        ),
        ("GET", f"/v1/matching/cohort-assignments/{cohort['id']}", None),
    ):
        response = await client.request(method, path, json=body, headers=b)
        assert response.status_code == 404, (method, path, response.text)
    for path, body in (
        ("/v1/matching/mentor-recommendations", {"entrepreneur_id": person["id"]}),
        (
            "/v1/matching/lender-recommendations",
            {"entrepreneur_id": person["id"], "amount": 1, "currency": "KES"},
        ),
        ("/v1/matches", {"entrepreneur_id": person["id"], "mentor_id": own["id"]}),
        (
            "/v1/matching/cohort-assignments",
            {"entrepreneur_ids": [person["id"]], "mentor_ids": [own["id"]]},
        ),
    ):
        response = await client.post(path, json=body, headers=b)
        assert response.status_code == 422, (path, response.text)
    for path in ("/v1/matches", "/v1/lenders", "/v1/mentors"):
        assert (await client.get(path, headers=b)).json()["data"] == []
    unchanged = (await client.get(f"/v1/matches/{match['id']}", headers=tenant_a.headers)).json()
    assert unchanged["status"] == "active"


async def test_cohort_assignment_respects_rules_and_explains_the_unassigned(
    client, tenant_a: Caller
):
    people = [await entrepreneur(client, tenant_a) for _ in range(4)]
    french = await entrepreneur(client, tenant_a, languages=["fr"])
    m1 = await mentor(client, tenant_a, max_mentees=1)
    m2 = await mentor(client, tenant_a, max_mentees=2, topics=["legal"])
    body = {
        "entrepreneur_ids": [p["id"] for p in [*people, french]],
        "mentor_ids": [m1["id"], m2["id"]],
        "required_pairs": [{"entrepreneur_id": people[3]["id"], "mentor_id": m1["id"]}],
        "banned_pairs": [{"entrepreneur_id": people[0]["id"], "mentor_id": m2["id"]}],
    }
    response = await client.post(
        "/v1/matching/cohort-assignments", json=body, headers=tenant_a.headers
    )
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["status"] == "succeeded" and result["assigned"] == 3
    pairs = {(p["entrepreneur_id"], p["mentor_id"]) for p in result["assignment"]}
    assert (people[3]["id"], m1["id"]) in pairs
    assert (people[0]["id"], m2["id"]) not in pairs
    assert sum(1 for _, m in pairs if m == m1["id"]) <= 1
    assert sum(1 for _, m in pairs if m == m2["id"]) <= 2
    assert result["total_score"] == round(sum(p["score"] for p in result["assignment"]), 2)
    reasons = {u["entrepreneur_id"]: u["reason"] for u in result["unassigned"]}
    assert reasons[french["id"]] == "no_eligible_mentor"
    assert reasons[people[0]["id"]] == "mentors_full"
    fetched = await client.get(
        f"/v1/matching/cohort-assignments/{result['id']}", headers=tenant_a.headers
    )
    assert fetched.json() == result

    too_many = {
        **body,
        "required_pairs": [{"entrepreneur_id": p["id"], "mentor_id": m1["id"]} for p in people[:2]],
    }
    refused = await client.post(
        "/v1/matching/cohort-assignments", json=too_many, headers=tenant_a.headers
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["code"] == "over_capacity"


async def test_large_or_requested_cohorts_run_in_the_background_with_a_status(
    client, tenant_a: Caller
):
    people = [await entrepreneur(client, tenant_a) for _ in range(3)]
    m = await mentor(client, tenant_a, max_mentees=2)
    response = await client.post(
        "/v1/matching/cohort-assignments",
        json={
            "entrepreneur_ids": [p["id"] for p in people],
            "mentor_ids": [m["id"]],
            "mode": "maximise_total_score",
            "run_async": True,
        },
        headers={**tenant_a.headers, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert response.status_code == 202, response.text
    assert response.json()["status"] == "queued"
    path = f"/v1/matching/cohort-assignments/{response.json()['id']}"
    for _ in range(100):
        current = (await client.get(path, headers=tenant_a.headers)).json()
        if current["status"] in ("succeeded", "failed"):
            break
        await asyncio.sleep(0.05)
    assert current["status"] == "succeeded", current
    assert current["assigned"] == 2 and len(current["unassigned"]) == 1
    assert current["unassigned"][0]["reason"] == "mentors_full"
    assert current["started_at"] and current["finished_at"]
