"""Who reads reports: a tenant its own, a funder only the tenants whose grant is live
(revocation takes effect at once), the operator all; a funder token reads nothing else."""

from __future__ import annotations

import uuid

from tests.conftest import Caller, Platform, fetch_token

REPORTS = ("/v1/reports/impact", "/v1/reports/portfolio", "/v1/reports/usage")


async def _funder(client, platform: Platform) -> tuple[dict, Caller]:
    created = await client.post(
        "/v1/funders", json={"name": "Foundation"}, headers=platform.operator.headers
    )
    assert created.status_code == 201, created.text
    funder = created.json()
    secret = funder["client"]["client_secret"]
    token = await fetch_token(client, funder["client"]["id"], secret)
    return funder, Caller(funder["client"]["id"], secret, token)


async def test_funder_reads_only_granted_tenants_and_revocation_is_immediate(
    client, platform: Platform, tenant_a: Caller, tenant_b: Caller
):
    funder, reader = await _funder(client, platform)
    for path in REPORTS:
        nothing = await client.get(path, headers=reader.headers)
        assert nothing.status_code == 200, nothing.text
        assert nothing.json()["tenant_ids"] == [] and nothing.json()["data"] == []
    grant = await client.post(
        "/v1/funder-grants", json={"funder_id": funder["id"]}, headers=tenant_a.headers
    )
    assert grant.status_code == 201, grant.text
    assert grant.json()["funder_name"] == "Foundation"
    again = await client.post(
        "/v1/funder-grants", json={"funder_id": funder["id"]}, headers=tenant_a.headers
    )
    assert again.status_code == 409
    for path in REPORTS:
        granted = await client.get(path, headers=reader.headers)
        assert granted.json()["tenant_ids"] == [tenant_a.tenant_id]
        only_a = await client.get(f"{path}?tenant_id={tenant_a.tenant_id}", headers=reader.headers)
        assert only_a.status_code == 200
        not_b = await client.get(f"{path}?tenant_id={tenant_b.tenant_id}", headers=reader.headers)
        assert not_b.status_code == 404, path
    # Tenant B cannot see or revoke A's grant.
    listed_b = await client.get("/v1/funder-grants", headers=tenant_b.headers)
    assert listed_b.json()["data"] == []
    path = f"/v1/funder-grants/{grant.json()['id']}"
    assert (await client.delete(path, headers=tenant_b.headers)).status_code == 404
    assert (await client.delete(path, headers=tenant_a.headers)).status_code == 204
    for path in REPORTS:  # the very next request
        revoked = await client.get(path, headers=reader.headers)
        assert revoked.json()["tenant_ids"] == []
        gone = await client.get(f"{path}?tenant_id={tenant_a.tenant_id}", headers=reader.headers)
        assert gone.status_code == 404
    history = await client.get("/v1/funder-grants?include_revoked=true", headers=tenant_a.headers)
    assert history.json()["data"][0]["revoked_at"] is not None
    assert (await client.get("/v1/funder-grants", headers=tenant_a.headers)).json()["data"] == []


async def test_a_funder_token_reads_nothing_but_reports(client, platform, tenant_a: Caller):
    _, reader = await _funder(client, platform)
    someone = str(uuid.uuid4())
    for method, path in [
        ("GET", "/v1/entrepreneurs"),
        ("GET", f"/v1/entrepreneurs/{someone}/outcome-surveys"),
        ("GET", "/v1/loans"),
        ("GET", "/v1/loan-applications"),
        ("GET", "/v1/tenants"),
        ("GET", f"/v1/tenants/{tenant_a.tenant_id}"),
        ("GET", f"/v1/tenants/{tenant_a.tenant_id}/clients"),
        ("GET", "/v1/funders"),
        ("GET", "/v1/funder-grants"),
        ("POST", "/v1/funder-grants"),
        ("POST", "/v1/entrepreneurs"),
    ]:
        response = await client.request(method, path, json={}, headers=reader.headers)
        assert response.status_code in (403, 404), (path, response.status_code)


async def test_tenants_read_only_themselves_and_need_the_scope(
    client, platform: Platform, tenant_a: Caller, tenant_b: Caller
):
    for path in REPORTS:
        own = await client.get(path, headers=tenant_a.headers)
        assert own.status_code == 200 and own.json()["tenant_ids"] == [tenant_a.tenant_id]
        other = await client.get(f"{path}?tenant_id={tenant_b.tenant_id}", headers=tenant_a.headers)
        assert other.status_code == 404
    no_scope = await platform.caller(tenant_a.tenant_id, ["entrepreneurs:read"])
    assert (await client.get(REPORTS[0], headers=no_scope.headers)).status_code == 403
    not_admin = await platform.caller(tenant_a.tenant_id, ["reports:read"])
    assert (await client.get("/v1/funder-grants", headers=not_admin.headers)).status_code == 403
    operator = await client.get(
        f"/v1/reports/impact?tenant_id={tenant_a.tenant_id}&tenant_id={tenant_b.tenant_id}",
        headers=platform.operator.headers,
    )
    assert operator.status_code == 200
    assert sorted(operator.json()["tenant_ids"]) == sorted([tenant_a.tenant_id, tenant_b.tenant_id])


async def test_funders_are_the_operators_to_create(client, platform: Platform, tenant_a: Caller):
    denied = await client.post("/v1/funders", json={"name": "X"}, headers=tenant_a.headers)
    assert denied.status_code == 403
    funder, _ = await _funder(client, platform)
    listed = await client.get("/v1/funders?limit=200", headers=platform.operator.headers)
    assert funder["id"] in {f["id"] for f in listed.json()["data"]}
    second = await client.post(
        f"/v1/funders/{funder['id']}/clients",
        json={"name": "rotated"},
        headers=platform.operator.headers,
    )
    assert second.status_code == 201 and second.json()["scopes"] == ["funder:reports"]
    unknown = await client.post(
        f"/v1/funders/{uuid.uuid4()}/clients", json={"name": "x"}, headers=platform.operator.headers
    )
    assert unknown.status_code == 404
    bad_grant = await client.post(
        "/v1/funder-grants", json={"funder_id": str(uuid.uuid4())}, headers=tenant_a.headers
    )
    assert bad_grant.status_code == 422


async def test_invalid_ranges_are_422(client, tenant_a: Caller):
    backwards = await client.get(
        "/v1/reports/impact?from=2025-02-01&to=2025-01-01", headers=tenant_a.headers
    )
    assert backwards.status_code == 422
    too_long = await client.get(
        "/v1/reports/portfolio?from=2000-01-01&to=2025-01-01", headers=tenant_a.headers
    )
    assert too_long.status_code == 422
