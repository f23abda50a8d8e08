"""Outcome surveys: one baseline, follow-ups after it, per tenant."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from tests.conftest import Caller

ANSWERS = {"earns_from_own_business": False, "earns_from_gigs": True, "employees": 0}


async def _person(client, caller: Caller) -> str:
    created = await client.post(
        "/v1/entrepreneurs", json={"full_name": "Amina", "country": "KE"}, headers=caller.headers
    )
    assert created.status_code == 201
    person: str = created.json()["id"]
    return person


async def test_baseline_then_follow_ups(client, tenant_a: Caller, tenant_b: Caller):
    person = await _person(client, tenant_a)
    path = f"/v1/entrepreneurs/{person}/outcome-surveys"
    baseline = await client.post(
        path,
        json={"kind": "baseline", "surveyed_on": "2025-01-10", "revenue_band": "none", **ANSWERS},
        headers={**tenant_a.headers, "Idempotency-Key": "b1"},
    )
    assert baseline.status_code == 201, baseline.text
    assert baseline.json()["revenue_band"] == "none"
    replay = await client.post(
        path,
        json={"kind": "baseline", "surveyed_on": "2025-01-10", "revenue_band": "none", **ANSWERS},
        headers={**tenant_a.headers, "Idempotency-Key": "b1"},
    )
    assert replay.json() == baseline.json()
    second = {"kind": "baseline", "surveyed_on": "2025-01-11", **ANSWERS}
    assert (await client.post(path, json=second, headers=tenant_a.headers)).status_code == 409
    early = {"kind": "follow_up", "surveyed_on": "2025-01-01", **ANSWERS}
    refused = await client.post(path, json=early, headers=tenant_a.headers)
    assert refused.status_code == 422 and refused.json()["errors"][0]["code"] == "before_baseline"
    future = (datetime.now(UTC).date() + timedelta(days=2)).isoformat()
    ahead = {"kind": "follow_up", "surveyed_on": future, **ANSWERS}
    assert (await client.post(path, json=ahead, headers=tenant_a.headers)).status_code == 422
    follow_up = {"kind": "follow_up", "surveyed_on": "2025-07-01", **ANSWERS, "employees": 2}
    assert (await client.post(path, json=follow_up, headers=tenant_a.headers)).status_code == 201
    listed = (await client.get(f"{path}?limit=1", headers=tenant_a.headers)).json()
    assert listed["data"][0]["kind"] == "baseline" and listed["next_cursor"]
    rest = await client.get(f"{path}?cursor={listed['next_cursor']}", headers=tenant_a.headers)
    assert [s["employees"] for s in rest.json()["data"]] == [2]

    # Another tenant: 404 for reading and writing.
    assert (await client.get(path, headers=tenant_b.headers)).status_code == 404
    assert (await client.post(path, json=follow_up, headers=tenant_b.headers)).status_code == 404
    missing = f"/v1/entrepreneurs/{uuid.uuid4()}/outcome-surveys"
    assert (await client.get(missing, headers=tenant_a.headers)).status_code == 404


async def test_no_surveys_for_an_anonymised_person(client, tenant_a: Caller):
    person = await _person(client, tenant_a)
    await client.delete(f"/v1/entrepreneurs/{person}", headers=tenant_a.headers)
    answer = {"kind": "baseline", "surveyed_on": "2025-01-10", **ANSWERS}
    refused = await client.post(
        f"/v1/entrepreneurs/{person}/outcome-surveys", json=answer, headers=tenant_a.headers
    )
    assert refused.status_code == 409
