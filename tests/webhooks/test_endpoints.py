"""Webhook endpoints and the event log over HTTP: the secret shown once, validation,
server-side request forgery refused at subscription, scopes, and tenant isolation."""

from __future__ import annotations

import uuid

import pytest

from platform_api.core.db import Database
from tests.conftest import Caller, Platform
from tests.webhooks.conftest import emit_events, subscribe

PUBLIC_URL = "https://93.184.215.14/hooks/platform"  # an IP literal: no DNS needed


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict = response.json()
    return body


async def test_create_shows_the_secret_once_then_list_get_delete(client, admin: Caller):
    created = await subscribe(
        client, admin, PUBLIC_URL, ["repayment.posted", "loan.disbursed", "repayment.posted"]
    )
    assert created["secret"].startswith("whsec_") and len(created["secret"]) > 40
    assert created["event_types"] == ["repayment.posted", "loan.disbursed"]
    assert created["status"] == "enabled" and created["failing_since"] is None
    path = f"/v1/webhook-endpoints/{created['id']}"
    fetched = (await client.get(path, headers=admin.headers)).json()
    assert "secret" not in fetched
    assert fetched == {k: v for k, v in created.items() if k != "secret"}
    listed = (await client.get("/v1/webhook-endpoints", headers=admin.headers)).json()
    assert [e["id"] for e in listed["data"]] == [created["id"]] and "secret" not in listed["data"][
        0
    ]

    assert (await client.delete(path, headers=admin.headers)).status_code == 204
    assert (await client.get(path, headers=admin.headers)).status_code == 404
    assert (await client.delete(path, headers=admin.headers)).status_code == 404


async def test_disable_then_enable_by_hand(client, admin: Caller):
    created = await subscribe(client, admin, PUBLIC_URL, ["repayment.posted"])
    path = f"/v1/webhook-endpoints/{created['id']}"
    disabled = (await client.post(f"{path}/disable", headers=admin.headers)).json()
    assert disabled["status"] == "disabled" and disabled["disabled_reason"] == "manual"
    again = (await client.post(f"{path}/disable", headers=admin.headers)).json()
    assert again == disabled
    enabled = (await client.post(f"{path}/enable", headers=admin.headers)).json()
    assert enabled["status"] == "enabled" and enabled["disabled_at"] is None
    told = await client.get("/v1/events?type=webhook_endpoint.disabled", headers=admin.headers)
    assert [e["subject_id"] for e in told.json()["data"]] == [created["id"]]


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://2130706433/hook",  # 127.0.0.1, spelled as one number
        "https://[::1]/hook",
        "https://[::ffff:10.0.0.1]/hook",
        "https://10.0.0.5/hook",
        "https://192.168.1.10/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://0.0.0.0/hook",
        "https://no-such-host.invalid/hook",
        "https://" + "a" * 300 + ".example/hook",  # no resolver can encode the name
        "http://93.184.215.14/hook",
        "https://user:pw@93.184.215.14/hook",
        "ftp://93.184.215.14/hook",
    ],
)
async def test_unsafe_urls_are_refused_at_subscription(client, admin: Caller, url: str):
    response = await client.post(
        "/v1/webhook-endpoints",
        json={"url": url, "event_types": ["repayment.posted"]},
        headers=admin.headers,
    )
    body = _problem(response, 422)
    assert body["errors"][0]["path"] == "body.url"
    assert body["errors"][0]["code"] == "unsafe_url"


async def test_loopback_is_allowed_in_development_only(client, dev_client, admin: Caller):
    url = "http://127.0.0.1:9/hook"
    refused = await client.post(
        "/v1/webhook-endpoints",
        json={"url": url, "event_types": ["loan.closed"]},
        headers=admin.headers,
    )
    _problem(refused, 422)
    await subscribe(dev_client, admin, url, ["loan.closed"])
    # Private addresses stay refused, development or not.
    private = await dev_client.post(
        "/v1/webhook-endpoints",
        json={"url": "http://10.0.0.1/", "event_types": ["loan.closed"]},
        headers=admin.headers,
    )
    _problem(private, 422)


@pytest.mark.parametrize(
    "payload",
    [
        {"url": PUBLIC_URL, "event_types": []},
        {"url": PUBLIC_URL, "event_types": ["loan.exploded"]},
        {"url": PUBLIC_URL},
        {"url": "", "event_types": ["loan.closed"]},
        {"url": PUBLIC_URL, "event_types": ["loan.closed"], "secret": "mine"},
    ],
)
async def test_invalid_subscriptions(client, admin: Caller, payload: dict):
    response = await client.post("/v1/webhook-endpoints", json=payload, headers=admin.headers)
    _problem(response, 422)


async def test_rotation_overlap_is_bounded(client, admin: Caller):
    created = await subscribe(client, admin, PUBLIC_URL)
    path = f"/v1/webhook-endpoints/{created['id']}/rotate-secret"
    too_long = await client.post(path, json={"overlap_seconds": 8 * 86_400}, headers=admin.headers)
    _problem(too_long, 422)
    default = await client.post(path, json={}, headers=admin.headers)
    assert default.status_code == 200 and default.json()["previous_secret_expires_at"]


async def test_endpoints_and_events_need_tenant_admin(client, platform: Platform, admin: Caller):
    reader = await platform.caller(admin.tenant_id, ["loans:read", "entrepreneurs:read"])
    for method, path in [
        ("GET", "/v1/webhook-endpoints"),
        ("POST", "/v1/webhook-endpoints"),
        ("GET", "/v1/events"),
        ("GET", "/v1/event-types"),
    ]:
        response = await client.request(
            method,
            path,
            json={"url": PUBLIC_URL, "event_types": ["loan.closed"]},
            headers=reader.headers,
        )
        _problem(response, 403)


async def test_event_types_catalogue(client, admin: Caller):
    types = (await client.get("/v1/event-types", headers=admin.headers)).json()
    names = [t["type"] for t in types]
    assert "webhook_endpoint.disabled" in names and "repayment.posted" in names


async def test_events_list_filters_and_pages(client, admin: Caller, app_db: Database):
    loan, other = uuid.uuid4(), uuid.uuid4()
    await emit_events(app_db, admin, [(loan, {"n": 1}), (other, {"n": 2})])
    await emit_events(app_db, admin, [(loan, {"n": 3})], type_="loan.closed")
    everything = (await client.get("/v1/events", headers=admin.headers)).json()["data"]
    assert len(everything) == 3
    about_loan = await client.get(f"/v1/events?subject_id={loan}", headers=admin.headers)
    assert [e["data"]["n"] for e in about_loan.json()["data"]] in ([1, 3], [3, 1])
    closed = await client.get("/v1/events?type=loan.closed", headers=admin.headers)
    assert [e["data"] for e in closed.json()["data"]] == [{"n": 3}]
    first = (await client.get("/v1/events?limit=2", headers=admin.headers)).json()
    assert len(first["data"]) == 2 and first["next_cursor"]
    rest = await client.get(
        f"/v1/events?limit=2&cursor={first['next_cursor']}", headers=admin.headers
    )
    ids = [e["id"] for e in first["data"] + rest.json()["data"]]
    assert sorted(ids) == sorted(e["id"] for e in everything) and rest.json()["next_cursor"] is None
    future = await client.get(
        "/v1/events?occurred_from=2999-01-01T00:00:00Z", headers=admin.headers
    )
    assert future.json()["data"] == []
    _problem(await client.get("/v1/events?cursor=nope", headers=admin.headers), 422)


async def test_another_tenant_gets_404_on_every_endpoint(
    client, platform: Platform, admin: Caller, app_db: Database
):
    other = await platform.tenant_caller()
    mine = await subscribe(client, admin, PUBLIC_URL)
    await emit_events(app_db, admin, [(uuid.uuid4(), {"n": 1})])
    [event] = (await client.get("/v1/events", headers=admin.headers)).json()["data"]
    delivery_id = uuid.uuid4()
    path = f"/v1/webhook-endpoints/{mine['id']}"
    for method, url, body in [
        ("GET", path, None),
        ("DELETE", path, None),
        ("POST", f"{path}/rotate-secret", {}),
        ("POST", f"{path}/disable", None),
        ("POST", f"{path}/enable", None),
        ("POST", f"{path}/replay", {"since": "2020-01-01T00:00:00Z"}),
        ("GET", f"{path}/deliveries", None),
        ("POST", f"{path}/deliveries/{delivery_id}/retry", None),
        ("GET", f"/v1/events/{event['id']}", None),
    ]:
        response = await client.request(method, url, json=body, headers=other.headers)
        _problem(response, 404)
    assert (await client.get("/v1/webhook-endpoints", headers=other.headers)).json()["data"] == []
    assert (await client.get("/v1/events", headers=other.headers)).json()["data"] == []
    # ... and changed nothing.
    unchanged = (await client.get(path, headers=admin.headers)).json()
    assert unchanged == {k: v for k, v in mine.items() if k != "secret"}
