"""Delivery to a real local HTTP receiver: signed, in order per resource, retried, never
lost, never attempted twice at once, and never sent where it must not go."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections import defaultdict

import asyncpg
import httpx

from platform_api.app import create_app
from platform_api.core.db import Database, DatabaseUrls
from platform_api.core.outbox import emit
from platform_api.settings import Settings
from platform_api.webhooks import signing
from platform_api.webhooks.dispatcher import DispatchConfig
from platform_api.webhooks.retry import RetryPolicy
from tests.conftest import Caller
from tests.webhooks.conftest import FAST, dispatching, emit_events, eventually, subscribe
from tests.webhooks.receiver import Receiver


def _verifies(secret: str, request) -> bool:
    return signing.verify(
        secret,
        body=request.body,
        timestamp=request.headers["platform-timestamp"],
        signature=request.headers["platform-signature"],
    )


async def _deliveries(client, caller: Caller, endpoint_id: str) -> list[dict]:
    response = await client.get(
        f"/v1/webhook-endpoints/{endpoint_id}/deliveries?limit=200", headers=caller.headers
    )
    assert response.status_code == 200, response.text
    data: list[dict] = response.json()["data"]
    return data


async def _all_recorded(client, caller: Caller, endpoint_id: str, count: int) -> None:
    """Wait until `count` deliveries are recorded as delivered (sent is not enough)."""

    async def recorded() -> bool:
        rows = await _deliveries(client, caller, endpoint_id)
        return len(rows) == count and all(d["status"] == "delivered" for d in rows)

    await eventually(recorded, what=f"{count} deliveries recorded")


def _in_order_per_subject(receiver: Receiver, emitted: list[tuple[uuid.UUID, str]]) -> None:
    """Each subject's events arrived (first time) in the order they were emitted."""
    first_seen: list[str] = list(dict.fromkeys(receiver.event_ids()))
    subject_of = {event_id: subject for subject, event_id in emitted}
    arrived: dict[uuid.UUID, list[str]] = defaultdict(list)
    for event_id in first_seen:
        arrived[subject_of[event_id]].append(event_id)
    expected: dict[uuid.UUID, list[str]] = defaultdict(list)
    for subject, event_id in emitted:
        expected[subject].append(event_id)
    assert arrived == expected


async def _event_ids(app_db: Database, caller: Caller) -> list[tuple[uuid.UUID, str]]:
    """(subject, event id) of the tenant's events, in emission order."""
    rows = await app_db.fetch(
        uuid.UUID(caller.tenant_id),
        "SELECT subject_id, id FROM outbox_events WHERE "
        "(SELECT set_config('app.tenant_id', $1::text, true)) IS NOT NULL "
        "AND tenant_id = $1::uuid ORDER BY sequence",
    )
    return [(row["subject_id"], str(row["id"])) for row in rows]


async def test_delivered_signed_and_verified(
    dev_client,
    admin: Caller,
    receiver: Receiver,
    app_db: Database,
    settings: Settings,
    database: DatabaseUrls,
):
    endpoint = await subscribe(dev_client, admin, receiver.url)
    secret = endpoint["secret"]
    loan = uuid.uuid4()
    await emit_events(app_db, admin, [(loan, {"amount": 1500, "n": 1})])
    await emit_events(app_db, admin, [(loan, {"amount": 700, "n": 2})], type_="loan.closed")

    async with dispatching(settings, database):
        await _all_recorded(dev_client, admin, endpoint["id"], 1)
    [request] = receiver.requests  # loan.closed is not subscribed to
    assert _verifies(secret, request)
    assert request.headers["platform-event-type"] == "repayment.posted"
    assert request.headers["content-type"] == "application/json"
    body = json.loads(request.body)
    event = await dev_client.get(f"/v1/events/{body['id']}", headers=admin.headers)
    assert event.status_code == 200
    assert body == event.json() and body["id"] == request.event_id
    assert body["data"] == {"amount": 1500, "n": 1} and body["subject_id"] == str(loan)

    [delivery] = await _deliveries(dev_client, admin, endpoint["id"])
    assert delivery["status"] == "delivered" and delivery["attempts"] == 1
    assert delivery["response_status"] == 200 and delivery["response_excerpt"] == "ok"
    assert delivery["response_latency_ms"] >= 0 and delivery["next_attempt_at"] is None
    assert delivery["event_id"] == body["id"] and delivery["event_type"] == "repayment.posted"
    assert request.headers["platform-delivery-id"] == delivery["id"]


async def test_tampering_fails_verification(
    dev_client,
    admin: Caller,
    receiver: Receiver,
    app_db: Database,
    settings: Settings,
    database: DatabaseUrls,
):
    endpoint = await subscribe(dev_client, admin, receiver.url)
    await emit_events(app_db, admin, [(uuid.uuid4(), {"amount": 1500})])
    async with dispatching(settings, database):
        await eventually(lambda: receiver.requests, what="delivery")
    [request] = receiver.requests
    secret = endpoint["secret"]
    timestamp = request.headers["platform-timestamp"]
    signature = request.headers["platform-signature"]
    assert _verifies(secret, request)
    tampered = request.body.replace(b"1500", b"9500")
    assert tampered != request.body
    assert not signing.verify(secret, body=tampered, timestamp=timestamp, signature=signature)
    later = str(int(timestamp) + 1)
    assert not signing.verify(secret, body=request.body, timestamp=later, signature=signature)
    assert not signing.verify(
        signing.new_secret(), body=request.body, timestamp=timestamp, signature=signature
    )


async def test_receiver_down_then_up_every_event_delivered_in_order(
    dev_client,
    admin: Caller,
    receiver: Receiver,
    app_db: Database,
    settings: Settings,
    database: DatabaseUrls,
):
    endpoint = await subscribe(dev_client, admin, receiver.url)
    await receiver.stop()
    subjects = [uuid.uuid4() for _ in range(8)]
    for round_ in range(4):
        await emit_events(app_db, admin, [(s, {"round": round_}) for s in subjects])
    emitted = await _event_ids(app_db, admin)
    assert len(emitted) == 32

    async with dispatching(settings, database):
        # Down: attempts fail and are retried; only each subject's first event is tried.
        async def failing() -> bool:
            rows = await _deliveries(dev_client, admin, endpoint["id"])
            return sum(1 for d in rows if d["attempts"] >= 2) >= len(subjects)

        await eventually(failing, what="retries while down")
        rows = await _deliveries(dev_client, admin, endpoint["id"])
        assert all(d["status"] == "pending" for d in rows)
        tried = [d for d in rows if d["attempts"]]
        assert len(tried) == len(subjects)  # later events wait behind their subject's first
        assert all(d["error"] and d["response_status"] is None for d in tried)
        current = await dev_client.get(
            f"/v1/webhook-endpoints/{endpoint['id']}", headers=admin.headers
        )
        assert current.json()["failing_since"] is not None

        await receiver.start()
        await _all_recorded(dev_client, admin, endpoint["id"], 32)
    assert set(receiver.event_ids()) == {e for _, e in emitted}
    _in_order_per_subject(receiver, emitted)
    current = await dev_client.get(f"/v1/webhook-endpoints/{endpoint['id']}", headers=admin.headers)
    assert current.json()["failing_since"] is None


async def test_two_dispatchers_never_attempt_a_delivery_twice(
    dev_client,
    admin: Caller,
    receiver: Receiver,
    app_db: Database,
    settings: Settings,
    database: DatabaseUrls,
):
    endpoint = await subscribe(dev_client, admin, receiver.url)
    subjects = [uuid.uuid4() for _ in range(40)]
    async with dispatching(settings, database, count=2):
        # Events keep arriving while both dispatchers run.
        for round_ in range(5):
            await emit_events(app_db, admin, [(s, {"round": round_}) for s in subjects])
            await asyncio.sleep(0.01)
        emitted = await _event_ids(app_db, admin)
        await _all_recorded(dev_client, admin, endpoint["id"], 200)
        await asyncio.sleep(0.1)
    assert len(emitted) == 200
    ids = receiver.event_ids()
    assert len(ids) == len(set(ids)) == 200  # every event once: no duplicate attempt
    _in_order_per_subject(receiver, emitted)
    rows = await _deliveries(dev_client, admin, endpoint["id"])
    assert all(d["attempts"] == 1 and d["status"] == "delivered" for d in rows)


async def test_an_event_committed_late_is_not_skipped(
    dev_client,
    admin: Caller,
    receiver: Receiver,
    app_db: Database,
    settings: Settings,
    database: DatabaseUrls,
):
    """A transaction that began first but commits last: its event must still go out."""
    await subscribe(dev_client, admin, receiver.url)
    tenant_id = uuid.UUID(admin.tenant_id)
    async with dispatching(settings, database):
        async with app_db.transaction(tenant_id) as slow:
            late = await emit(
                slow,
                tenant_id=tenant_id,
                type="repayment.posted",
                subject_id=uuid.uuid4(),
                data={"late": True},
            )
            await emit_events(app_db, admin, [(uuid.uuid4(), {"late": False})])
            await eventually(lambda: len(receiver.requests) == 1, what="the quick event")
            await asyncio.sleep(0.2)
            assert str(late) not in receiver.event_ids()
        await eventually(lambda: str(late) in receiver.event_ids(), what="the late event")
    assert len(receiver.requests) == 2


async def test_ssrf_refused_at_delivery(
    dev_client,
    admin: Caller,
    receiver: Receiver,
    app_db: Database,
    settings: Settings,
    database: DatabaseUrls,
):
    """Subscribed while loopback was allowed; the dispatcher no longer allows it (as if
    the host now resolved to a private address): nothing is sent, the attempt says why."""
    url = f"https://localhost:{receiver.port}/hooks"
    endpoint = await subscribe(dev_client, admin, url)
    await emit_events(app_db, admin, [(uuid.uuid4(), {"n": 1})])
    strict = DispatchConfig(
        retry=FAST.retry,
        timeout_seconds=2,
        poll_seconds=0.02,
        max_in_flight=4,
        allow_loopback=False,
    )
    async with dispatching(settings, database, config=strict):

        async def refused() -> bool:
            rows = await _deliveries(dev_client, admin, endpoint["id"])
            return bool(rows and rows[0]["attempts"] >= 1 and rows[0]["error"])

        await eventually(refused, what="a refused attempt")
    [delivery] = await _deliveries(dev_client, admin, endpoint["id"])
    assert delivery["error"].startswith("refused:") and "loopback" in delivery["error"]
    assert delivery["status"] == "pending" and delivery["response_status"] is None
    assert receiver.requests == []


async def test_failing_endpoint_is_given_up_disabled_and_the_tenant_told(
    dev_client,
    admin: Caller,
    receiver: Receiver,
    app_db: Database,
    settings: Settings,
    database: DatabaseUrls,
):
    receiver.answer = lambda _: (503, b"x" * 10_000)
    endpoint = await subscribe(
        dev_client, admin, receiver.url, ["repayment.posted", "webhook_endpoint.disabled"]
    )
    await emit_events(app_db, admin, [(uuid.uuid4(), {"n": 1})])
    short = DispatchConfig(
        retry=RetryPolicy(base_seconds=0.02, cap_seconds=0.05, window_seconds=0.4),
        timeout_seconds=2,
        poll_seconds=0.02,
        max_in_flight=4,
        allow_loopback=True,
    )
    path = f"/v1/webhook-endpoints/{endpoint['id']}"
    async with dispatching(settings, database, config=short):

        async def disabled() -> bool:
            current = await dev_client.get(path, headers=admin.headers)
            return bool(current.json()["status"] == "disabled")

        await eventually(disabled, what="the endpoint disabled")
    current = (await dev_client.get(path, headers=admin.headers)).json()
    assert current["disabled_reason"] == "failing" and current["disabled_at"]
    [delivery] = await _deliveries(dev_client, admin, endpoint["id"])
    assert delivery["status"] == "failed" and delivery["attempts"] >= 2
    assert delivery["response_status"] == 503 and delivery["next_attempt_at"] is None
    assert delivery["response_excerpt"] == "x" * 512  # only an excerpt is kept
    told = await dev_client.get(
        f"/v1/events?type=webhook_endpoint.disabled&subject_id={endpoint['id']}",
        headers=admin.headers,
    )
    [event] = told.json()["data"]
    assert event["data"]["id"] == endpoint["id"] and event["data"]["status"] == "disabled"
    assert "secret" not in event["data"]

    # Fixed and enabled again: a manual retry of the failed delivery goes through.
    receiver.answer = lambda _: (200, b"ok")
    retry_path = f"{path}/deliveries/{delivery['id']}/retry"
    refused = await dev_client.post(retry_path, headers=admin.headers)
    assert refused.status_code == 409  # disabled: enable first
    enabled = await dev_client.post(f"{path}/enable", headers=admin.headers)
    assert enabled.status_code == 200 and enabled.json()["status"] == "enabled"
    retried = await dev_client.post(retry_path, headers=admin.headers)
    assert retried.status_code == 200, retried.text
    assert retried.json()["status"] == "pending"
    again = await dev_client.post(retry_path, headers=admin.headers)
    assert again.status_code == 409  # already scheduled
    attempts_before = len(receiver.requests)
    async with dispatching(settings, database):

        async def redelivered() -> bool:
            rows = await _deliveries(dev_client, admin, endpoint["id"])
            return any(d["id"] == delivery["id"] and d["status"] == "delivered" for d in rows)

        await eventually(redelivered, what="the retried delivery")
    retried_requests = [
        r
        for r in receiver.requests[attempts_before:]
        if r.headers["platform-delivery-id"] == delivery["id"]
    ]
    assert len(retried_requests) == 1


async def test_rotation_signs_with_both_secrets_during_the_overlap(
    dev_client,
    admin: Caller,
    receiver: Receiver,
    app_db: Database,
    settings: Settings,
    database: DatabaseUrls,
):
    endpoint = await subscribe(dev_client, admin, receiver.url)
    path = f"/v1/webhook-endpoints/{endpoint['id']}/rotate-secret"
    rotated = await dev_client.post(path, json={"overlap_seconds": 3600}, headers=admin.headers)
    assert rotated.status_code == 200, rotated.text
    new_secret = rotated.json()["secret"]
    assert new_secret != endpoint["secret"] and rotated.json()["previous_secret_expires_at"]
    await emit_events(app_db, admin, [(uuid.uuid4(), {"n": 1})])
    async with dispatching(settings, database):
        await eventually(lambda: len(receiver.requests) == 1, what="delivery")
    [overlapping] = receiver.requests
    assert overlapping.headers["platform-signature"].count("v1=") == 2
    assert _verifies(new_secret, overlapping) and _verifies(endpoint["secret"], overlapping)

    # Rotated again without overlap: only the newest secret signs.
    newest = await dev_client.post(path, json={"overlap_seconds": 0}, headers=admin.headers)
    newest_secret = newest.json()["secret"]
    assert newest.json()["previous_secret_expires_at"] is None
    await emit_events(app_db, admin, [(uuid.uuid4(), {"n": 2})])
    async with dispatching(settings, database):
        await eventually(lambda: len(receiver.requests) == 2, what="delivery")
    last = receiver.requests[-1]
    assert last.headers["platform-signature"].count("v1=") == 1
    assert _verifies(newest_secret, last) and not _verifies(new_secret, last)


async def test_replay_since_a_time_sends_the_events_again_in_order(
    dev_client,
    admin: Caller,
    receiver: Receiver,
    app_db: Database,
    settings: Settings,
    database: DatabaseUrls,
):
    endpoint = await subscribe(dev_client, admin, receiver.url)
    subject = uuid.uuid4()
    await emit_events(app_db, admin, [(subject, {"n": 0})])
    await asyncio.sleep(0.05)
    since = await app_db.pool.fetchval("SELECT now()")
    await emit_events(app_db, admin, [(subject, {"n": n}) for n in (1, 2, 3)])
    async with dispatching(settings, database):
        await eventually(lambda: len(receiver.requests) == 4, what="first deliveries")
        replay = await dev_client.post(
            f"/v1/webhook-endpoints/{endpoint['id']}/replay",
            json={"since": since.isoformat()},
            headers=admin.headers,
        )
        assert replay.status_code == 202, replay.text
        assert replay.json() == {"deliveries_created": 3}
        await eventually(lambda: len(receiver.requests) == 7, what="replayed deliveries")
    ns = [json.loads(r.body)["data"]["n"] for r in receiver.requests]
    assert ns == [0, 1, 2, 3, 1, 2, 3]
    ids = receiver.event_ids()
    assert ids[4:] == ids[1:4]  # the same events (same ids: receivers de-duplicate)


async def test_deleted_endpoint_gets_nothing_more(
    dev_client,
    admin: Caller,
    receiver: Receiver,
    app_db: Database,
    settings: Settings,
    database: DatabaseUrls,
):
    endpoint = await subscribe(dev_client, admin, receiver.url)
    deleted = await dev_client.delete(
        f"/v1/webhook-endpoints/{endpoint['id']}", headers=admin.headers
    )
    assert deleted.status_code == 204
    await emit_events(app_db, admin, [(uuid.uuid4(), {"n": 1})])
    async with dispatching(settings, database):
        await asyncio.sleep(0.3)
    assert receiver.requests == []
    events = await dev_client.get("/v1/events", headers=admin.headers)
    assert len(events.json()["data"]) == 1  # the event itself stays


async def test_app_role_cannot_read_another_tenants_deliveries(
    database: DatabaseUrls, admin: Caller, dev_client, receiver: Receiver
):
    await subscribe(dev_client, admin, receiver.url)
    conn = await asyncpg.connect(database.app)
    try:
        assert await conn.fetchval("SELECT count(*) FROM webhook_endpoints") == 0
    finally:
        await conn.close()


async def test_in_process_dispatcher_of_the_api_delivers(
    admin: Caller,
    receiver: Receiver,
    app_db: Database,
    settings: Settings,
    database: DatabaseUrls,
):
    """`webhook_dispatcher_in_process` (for `make run`): the API worker delivers too."""
    application = create_app(
        settings.model_copy(
            update={
                "webhook_dispatcher_in_process": True,
                "webhook_allow_loopback": True,
                "webhook_poll_seconds": 0.02,
            }
        )
    )
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as api:
            endpoint = await subscribe(api, admin, receiver.url)
            await emit_events(app_db, admin, [(uuid.uuid4(), {"n": 1})])
            await _all_recorded(api, admin, endpoint["id"], 1)
    assert _verifies(endpoint["secret"], receiver.requests[0])
