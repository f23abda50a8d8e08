"""Mentor and lender profiles, settings, and lender recommendations."""

from __future__ import annotations

from tests.conftest import Caller
from tests.matching.helpers import entrepreneur, mentor

LENDER = {
    "display_name": "Mama Mboga Fund",
    "funds": [
        {"currency": "KES", "available": 5_000_000, "min_amount": 100_000, "max_amount": 2_000_000}
    ],
    "sectors": ["food"],
    "countries": ["KE"],
    "products": ["individual"],
    "gender_focus": "female",
}


async def test_mentor_profile_crud_with_derived_fields_and_filters(client, tenant_a: Caller):
    created = await mentor(client, tenant_a, topics=["finance", "legal.licensing"])
    assert created["related_topics"][:2] == ["finance.bookkeeping", "finance.cash_flow"]
    assert "legal" in created["related_topics"]
    assert created["utc_offset_minutes"] == 180
    assert created["open_slots"] == 3 and created["network"] is False
    path = f"/v1/mentors/{created['id']}"
    assert (await client.get(path, headers=tenant_a.headers)).json() == created

    paused = await client.patch(path, json={"status": "paused"}, headers=tenant_a.headers)
    assert paused.status_code == 200 and paused.json()["open_slots"] == 0
    listed = await client.get(
        "/v1/mentors?topic=legal.licensing&with_open_slots=false", headers=tenant_a.headers
    )
    assert [m["id"] for m in listed.json()["data"]] == [created["id"]]
    none = await client.get(
        "/v1/mentors?topic=legal.licensing&status=available", headers=tenant_a.headers
    )
    assert none.json()["data"] == []

    bad = await client.post(
        "/v1/mentors",
        json={"display_name": "X", "topics": ["juggling"], "languages": ["en"], "country": "KE"},
        headers=tenant_a.headers,
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["path"] == "body.topics.0"
    cleared = await client.patch(path, json={"topics": None}, headers=tenant_a.headers)
    assert cleared.status_code == 422


async def test_topics_vocabulary_is_listed(client, tenant_a: Caller):
    response = await client.get("/v1/matching/topics", headers=tenant_a.headers)
    areas = {a["area"]: a["topics"] for a in response.json()}
    assert "finance.bookkeeping" in areas["finance"]


async def test_settings_default_then_replace_changes_scores(client, tenant_a: Caller):
    defaults = (await client.get("/v1/matching/settings", headers=tenant_a.headers)).json()
    assert defaults["mentor_weights"]["expertise"] == 40
    assert defaults["require_shared_language"] is True
    person = await entrepreneur(client, tenant_a)
    await mentor(client, tenant_a, topics=["legal"], sectors=["food"])
    before = (
        await client.post(
            "/v1/matching/mentor-recommendations",
            json={"entrepreneur_id": person["id"]},
            headers=tenant_a.headers,
        )
    ).json()
    changed = {
        **defaults,
        "mentor_weights": {"expertise": 0, "sector": 1, "stage": 0, "location": 0, "gender": 0},
    }
    put = await client.put("/v1/matching/settings", json=changed, headers=tenant_a.headers)
    assert put.status_code == 200, put.text
    assert (await client.get("/v1/matching/settings", headers=tenant_a.headers)).json() == changed
    after = (
        await client.post(
            "/v1/matching/mentor-recommendations",
            json={"entrepreneur_id": person["id"]},
            headers=tenant_a.headers,
        )
    ).json()
    assert before["data"][0]["score"] < 100
    assert after["data"][0]["score"] == 100.0
    assert [p["criterion"] for p in after["data"][0]["breakdown"]] == ["sector"]
    zero = {
        **changed,
        "mentor_weights": {"expertise": 0, "sector": 0, "stage": 0, "location": 0, "gender": 0},
    }
    assert (
        await client.put("/v1/matching/settings", json=zero, headers=tenant_a.headers)
    ).status_code == 422


async def test_lender_crud_and_recommendations_filter_then_rank(client, tenant_a: Caller):
    created = await client.post("/v1/lenders", json=LENDER, headers=tenant_a.headers)
    assert created.status_code == 201, created.text
    lender = created.json()
    generalist = (
        await client.post(
            "/v1/lenders",
            json={
                **LENDER,
                "display_name": "Any",
                "sectors": [],
                "countries": [],
                "gender_focus": None,
            },
            headers=tenant_a.headers,
        )
    ).json()
    usd_only = (
        await client.post(
            "/v1/lenders",
            json={
                **LENDER,
                "display_name": "USD",
                "funds": [{"currency": "USD", "available": 1, "min_amount": 1, "max_amount": 10}],
            },
            headers=tenant_a.headers,
        )
    ).json()
    path = f"/v1/lenders/{lender['id']}"
    assert (await client.get(path, headers=tenant_a.headers)).json() == lender
    patched = await client.patch(path, json={"youth_focus": True}, headers=tenant_a.headers)
    assert patched.json()["youth_focus"] is True
    listed = await client.get("/v1/lenders?currency=USD", headers=tenant_a.headers)
    assert [x["id"] for x in listed.json()["data"]] == [usd_only["id"]]
    bad = await client.post(
        "/v1/lenders",
        json={
            **LENDER,
            "funds": [{"currency": "KES", "available": 1, "min_amount": 10, "max_amount": 1}],
        },
        headers=tenant_a.headers,
    )
    assert bad.status_code == 422

    person = await entrepreneur(client, tenant_a, gender="female")
    response = await client.post(
        "/v1/matching/lender-recommendations",
        json={
            "entrepreneur_id": person["id"],
            "amount": 1_000_000,
            "currency": "KES",
            "product": "individual",
        },
        headers=tenant_a.headers,
    )
    assert response.status_code == 200, response.text
    ranked = response.json()["data"]
    assert [r["lender"]["id"] for r in ranked] == [lender["id"], generalist["id"]]
    assert ranked[0]["score"] == 100.0 and ranked[1]["score"] < 100
    reasons = [p["reason"] for p in ranked[0]["breakdown"]]
    assert "Focuses on women." in reasons and "Lends to food." in reasons
    too_big = await client.post(
        "/v1/matching/lender-recommendations",
        json={"entrepreneur_id": person["id"], "amount": 3_000_000, "currency": "KES"},
        headers=tenant_a.headers,
    )
    assert too_big.json()["data"] == []
