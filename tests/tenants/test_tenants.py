"""Tenants and their API clients."""

from __future__ import annotations

import uuid

from tests.conftest import Caller


async def test_operator_creates_lists_reads_and_updates_tenants(client, operator: Caller):
    created = await client.post(
        "/v1/tenants",
        json={
            "name": "  Boost  ",
            "country": "NG",
            "default_currency": "NGN",
            "settings": {"region": "Lagos"},
        },
        headers=operator.headers,
    )
    assert created.status_code == 201, created.text
    tenant = created.json()
    assert tenant["name"] == "Boost" and tenant["status"] == "active"
    read = await client.get(f"/v1/tenants/{tenant['id']}", headers=operator.headers)
    assert read.json() == tenant
    renamed = await client.patch(
        f"/v1/tenants/{tenant['id']}", json={"name": "Boost Technology"}, headers=operator.headers
    )
    assert renamed.json()["name"] == "Boost Technology"
    assert renamed.json()["updated_at"] > tenant["updated_at"]

    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/v1/tenants", params=params, headers=operator.headers)).json()
        seen += [t["id"] for t in page["data"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert tenant["id"] in seen and len(seen) == len(set(seen))


async def test_invalid_tenants_are_422(client, operator: Caller):
    for body in (
        {"name": "X", "country": "XX", "default_currency": "KES"},
        {"name": "X", "country": "KE", "default_currency": "ABC"},
        {"name": "", "country": "KE", "default_currency": "KES"},
        {"name": "X", "country": "KE", "default_currency": "KES", "extra": 1},
    ):
        response = await client.post("/v1/tenants", json=body, headers=operator.headers)
        assert response.status_code == 422, body
        assert response.json()["errors"]


async def test_unknown_tenant_is_404(client, operator: Caller):
    missing = await client.get(f"/v1/tenants/{uuid.uuid4()}", headers=operator.headers)
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


async def test_tenant_admin_manages_own_clients_only(client, platform):
    tenant_a = await platform.tenant()
    tenant_b = await platform.tenant()
    admin_a = await platform.caller(tenant_a, ["tenant:admin"])
    made = await client.post(
        f"/v1/tenants/{tenant_a}/clients",
        json={"name": "field app", "scopes": ["entrepreneurs:read"]},
        headers=admin_a.headers,
    )
    assert made.status_code == 201
    assert "client_secret" in made.json()
    listed = (await client.get(f"/v1/tenants/{tenant_a}/clients", headers=admin_a.headers)).json()
    assert made.json()["id"] in {c["id"] for c in listed["data"]}
    assert all("client_secret" not in c for c in listed["data"])
    assert (await client.get(f"/v1/tenants/{tenant_a}", headers=admin_a.headers)).status_code == 200

    # Tenant B's objects do not exist for tenant A's admin.
    for method, path, body in (
        ("GET", f"/v1/tenants/{tenant_b}", None),
        ("GET", f"/v1/tenants/{tenant_b}/clients", None),
        ("POST", f"/v1/tenants/{tenant_b}/clients", {"name": "x", "scopes": ["loans:read"]}),
    ):
        response = await client.request(method, path, json=body, headers=admin_a.headers)
        assert response.status_code == 404, (method, path)
    admin_b = await platform.caller(tenant_b, ["tenant:admin"])
    cross = await client.delete(
        f"/v1/tenants/{tenant_a}/clients/{made.json()['id']}", headers=admin_b.headers
    )
    assert cross.status_code == 404
    also_cross = await client.delete(
        f"/v1/tenants/{tenant_b}/clients/{made.json()['id']}", headers=admin_b.headers
    )
    assert also_cross.status_code == 404


async def test_non_admin_tenant_client_cannot_manage_clients(client, platform):
    tenant_id = await platform.tenant()
    reader = await platform.caller(tenant_id, ["entrepreneurs:read"])
    response = await client.post(
        f"/v1/tenants/{tenant_id}/clients",
        json={"name": "x", "scopes": ["loans:read"]},
        headers=reader.headers,
    )
    assert response.status_code == 403


async def test_clients_cannot_be_given_operator_scope(client, operator: Caller, platform):
    tenant_id = await platform.tenant()
    response = await client.post(
        f"/v1/tenants/{tenant_id}/clients",
        json={"name": "x", "scopes": ["platform:operator"]},
        headers=operator.headers,
    )
    assert response.status_code == 422
