"""Entrepreneurs: the CRUD every later resource copies."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from tests.conftest import Caller

FULL = {
    "full_name": "Wanjiru Kamau",
    "country": "KE",
    "external_ref": "MESH-0001",
    "phone": "+254712345678",
    "email": "wanjiru@example.org",
    "gender": "female",
    "birth_year": 1999,
    "region": "Nairobi",
    "languages": ["sw", "en", "sw"],
    "business_name": "Mama Wanjiru's Kitchen",
    "sector": "food",
    "stage": "growing",
    "needs": ["bookkeeping", "marketing.digital", "bookkeeping"],
    "consent_data_processing": True,
}


async def test_create_read_update_and_anonymise(client, tenant_a: Caller):
    created = await client.post("/v1/entrepreneurs", json=FULL, headers=tenant_a.headers)
    assert created.status_code == 201, created.text
    person = created.json()
    assert person["languages"] == ["sw", "en"]  # de-duplicated
    assert person["needs"] == ["bookkeeping", "marketing.digital"]  # de-duplicated
    assert person["status"] == "active" and person["consent_network_sharing"] is False
    path = f"/v1/entrepreneurs/{person['id']}"
    assert (await client.get(path, headers=tenant_a.headers)).json() == person

    patched = await client.patch(
        path, json={"stage": "established", "region": None}, headers=tenant_a.headers
    )
    assert patched.status_code == 200
    after = patched.json()
    assert after["stage"] == "established" and after["region"] is None
    assert after["full_name"] == FULL["full_name"]  # untouched
    assert after["updated_at"] > person["updated_at"]

    cannot_clear = await client.patch(path, json={"full_name": None}, headers=tenant_a.headers)
    assert cannot_clear.status_code == 422

    assert (await client.delete(path, headers=tenant_a.headers)).status_code == 204
    gone = (await client.get(path, headers=tenant_a.headers)).json()
    assert gone["status"] == "anonymised" and gone["anonymised_at"]
    for field in ("full_name", "phone", "email", "external_ref", "region", "business_name"):
        assert gone[field] is None, field
    assert gone["gender"] == "female" and gone["birth_year"] == 1999  # kept for aggregates
    assert (await client.delete(path, headers=tenant_a.headers)).status_code == 204  # repeatable
    frozen = await client.patch(path, json={"stage": "idea"}, headers=tenant_a.headers)
    assert frozen.status_code == 409
    listed = (await client.get("/v1/entrepreneurs", headers=tenant_a.headers)).json()["data"]
    assert person["id"] not in {p["id"] for p in listed}
    with_anon = await client.get(
        "/v1/entrepreneurs?include_anonymised=true", headers=tenant_a.headers
    )
    assert person["id"] in {p["id"] for p in with_anon.json()["data"]}


async def test_external_ref_is_unique_per_tenant(client, tenant_a: Caller, tenant_b: Caller):
    body = {"full_name": "A", "country": "KE", "external_ref": "REF-1"}
    assert (
        await client.post("/v1/entrepreneurs", json=body, headers=tenant_a.headers)
    ).status_code == 201
    duplicate = await client.post("/v1/entrepreneurs", json=body, headers=tenant_a.headers)
    assert duplicate.status_code == 409
    other_tenant = await client.post("/v1/entrepreneurs", json=body, headers=tenant_b.headers)
    assert other_tenant.status_code == 201


async def test_cursor_pagination_walks_every_row_once_in_order(client, tenant_a: Caller):
    ids = []
    for i in range(7):
        response = await client.post(
            "/v1/entrepreneurs",
            json={"full_name": f"P{i}", "country": "KE"},
            headers=tenant_a.headers,
        )
        ids.append(response.json()["id"])
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = (
            await client.get("/v1/entrepreneurs", params=params, headers=tenant_a.headers)
        ).json()
        seen += [p["id"] for p in page["data"]]
        pages += 1
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == ids and pages == 3


async def test_filters(client, tenant_a: Caller):
    rows = [
        {"full_name": "Farmer", "country": "KE", "sector": "agriculture"},
        {"full_name": "Tailor", "country": "UG", "sector": "fashion", "stage": "idea"},
        {"full_name": "Cook", "country": "KE", "sector": "food"},
    ]
    for row in rows:
        await client.post("/v1/entrepreneurs", json=row, headers=tenant_a.headers)

    async def names(**params) -> set[str]:
        page = await client.get("/v1/entrepreneurs", params=params, headers=tenant_a.headers)
        assert page.status_code == 200, page.text
        return {p["full_name"] for p in page.json()["data"]}

    assert await names(sector="fashion") == {"Tailor"}
    assert await names(country="KE") == {"Farmer", "Cook"}
    assert await names(stage="idea") == {"Tailor"}
    assert await names(country="KE", sector="food") == {"Cook"}
    assert await names(created_from=datetime.now(UTC).isoformat()) == set()
    assert await names(created_to="2000-01-01T00:00:00Z") == set()
    invalid = await client.get("/v1/entrepreneurs?sector=mining", headers=tenant_a.headers)
    assert invalid.status_code == 422


async def test_unknown_entrepreneur_is_404(client, tenant_a: Caller):
    response = await client.get(f"/v1/entrepreneurs/{uuid.uuid4()}", headers=tenant_a.headers)
    assert response.status_code == 404
    assert response.json()["type"] == "/problems/not-found"
