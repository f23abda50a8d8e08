"""Usage metering: counts equal the requests made, across workers, without a write per
request; histograms merge; a failed flush loses nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import httpx
import pytest

from platform_api.app import create_app
from platform_api.core.metering import BUCKETS, LATENCY_BOUNDS_MS, Meter, percentile_ms
from platform_api.settings import Settings
from tests.conftest import Caller


async def test_counts_equal_requests_made_across_two_workers(
    client, settings: Settings, tenant_a: Caller
):
    """Two app instances (two workers: separate meters) against one database."""
    quiet = settings.model_copy(update={"metering_flush_seconds": 3600})
    sent = {"2xx": 0, "4xx": 0}
    for requests_ok, requests_missing in ((7, 2), (5, 3)):
        worker = create_app(quiet)
        async with worker.router.lifespan_context(worker):
            transport = httpx.ASGITransport(app=worker)
            async with httpx.AsyncClient(transport=transport, base_url="http://w") as http:
                for _ in range(requests_ok):
                    ok = await http.get("/v1/entrepreneurs", headers=tenant_a.headers)
                    assert ok.status_code == 200
                for _ in range(requests_missing):
                    missing = await http.get(
                        f"/v1/entrepreneurs/{uuid.uuid4()}", headers=tenant_a.headers
                    )
                    assert missing.status_code == 404
            assert worker.state.meter.pending == requests_ok + requests_missing
            sent["2xx"] += requests_ok
            sent["4xx"] += requests_missing
        # Leaving the lifespan flushed this worker's counts (nothing was written before).
    today = datetime.now(UTC).date().isoformat()
    report = await client.get(f"/v1/reports/usage?from={today}", headers=tenant_a.headers)
    assert report.status_code == 200, report.text
    rows = {
        (r["operation"], r["status_class"]): r
        for r in report.json()["data"]
        if r["client_id"] == tenant_a.client_id
    }
    assert rows[("entrepreneurs_list", "2xx")]["requests"] == sent["2xx"] == 12
    assert rows[("entrepreneurs_get", "4xx")]["requests"] == sent["4xx"] == 5
    row = rows[("entrepreneurs_list", "2xx")]
    assert row["tenant_id"] == tenant_a.tenant_id and row["period_start"] == today
    assert 0 < row["latency_p50_ms"] <= row["latency_p95_ms"] <= row["latency_p99_ms"]
    monthly = await client.get(
        f"/v1/reports/usage?from={today}&group_by=month", headers=tenant_a.headers
    )
    months = [r for r in monthly.json()["data"] if r["operation"] == "entrepreneurs_list"]
    assert months[0]["period_start"].endswith("-01") and months[0]["requests"] == 12


def test_histograms_merge_by_adding_and_percentiles_read_the_bucket_bound():
    meter = Meter()
    now = 1_700_000_000.0
    tenant, client = uuid.uuid4(), uuid.uuid4()
    for ms in [0.5] * 50 + [4] * 45 + [120] * 5:
        meter.record(tenant, client, "op", 200, ms / 1000, now=now)
    (tally,) = meter._tallies.values()
    assert tally.requests == 100 and sum(tally.buckets) == 100 and len(tally.buckets) == BUCKETS
    assert percentile_ms(tally.buckets, 0.50) == 1  # 50th request is in the <= 1 ms bucket
    assert percentile_ms(tally.buckets, 0.95) == 5  # the 95th in <= 5 ms
    assert percentile_ms(tally.buckets, 0.99) == 150
    assert percentile_ms([0] * BUCKETS, 0.5) is None
    overflow = [0] * BUCKETS
    overflow[-1] = 3
    assert percentile_ms(overflow, 0.5) == LATENCY_BOUNDS_MS[-1]
    # Two workers' histograms of the same traffic merge into the histogram of all of it.
    other = Meter()
    for ms in [0.5] * 50 + [4] * 45 + [120] * 5:
        other.record(tenant, client, "op", 200, ms / 1000, now=now)
    (second,) = other._tallies.values()
    merged = [a + b for a, b in zip(tally.buckets, second.buckets, strict=True)]
    assert percentile_ms(merged, 0.95) == 5


class _FailingPool:
    async def execute(self, *args: object) -> None:
        raise OSError("database down")


async def test_a_failed_flush_keeps_its_counts_for_the_next():
    meter = Meter()
    meter.record(None, None, "healthz", 200, 0.001)
    with pytest.raises(OSError):
        await meter.flush(_FailingPool())  # type: ignore[arg-type]
    meter.record(None, None, "healthz", 200, 0.001)
    assert meter.pending == 2


async def test_metering_can_be_turned_off(settings: Settings):
    app = create_app(settings.model_copy(update={"metering_enabled": False}))
    assert app.state.meter is None
