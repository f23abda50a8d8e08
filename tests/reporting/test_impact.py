"""Impact report: reach, shares and the earning rate before vs now, on a cohort whose
answers are known."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tests.conftest import Platform
from tests.reporting.seed import MatchSpec, Person, in_tenant, matches, noon, people, surveys

BASELINE, FIRST, LATEST = date(2025, 1, 10), date(2025, 3, 1), date(2025, 6, 10)


async def test_cohort_of_100_reports_44_then_72_percent_earning(
    client, platform: Platform, database
):
    caller = await platform.tenant_caller()
    year = datetime.now(UTC).year
    # 60 women and 40 men; 70 aged 25 and 30 aged 40 (at the report's end year).
    persons = [
        Person("female" if i < 60 else "male", year - (25 if i < 70 else 40)) for i in range(100)
    ]
    conn = await in_tenant(database.owner, caller.tenant_id)
    ids = await people(conn, caller.tenant_id, persons)
    answers = []
    for i, person in enumerate(ids):
        # Baseline: 44 earn, 22 women and 22 men (some from a business, some from gigs).
        earns = i < 22 or 60 <= i < 82
        answers.append((person, "baseline", BASELINE, earns and i % 2 == 0, earns and i % 2 == 1))
        # Latest follow-up: 72 earn. Ten had an earlier follow-up that said otherwise,
        # which must not count: only the latest in the period does.
        answers.append((person, "follow_up", LATEST, i < 72, False))
        if i >= 90:
            answers.append((person, "follow_up", FIRST, True, True))
    await surveys(conn, caller.tenant_id, answers)
    await conn.execute("COMMIT")
    await conn.close()

    response = await client.get("/v1/reports/impact?from=2025-01-01", headers=caller.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["tenant_ids"] == [caller.tenant_id] and body["k"] == 10
    row = next(r for r in body["data"] if r["dimension"] == "all")
    assert row["entrepreneurs_reached"] == 100
    assert row["earning_cohort"] == 100
    assert (row["earning_at_baseline"], row["earning_at_follow_up"]) == (44, 72)
    assert row["earning_rate_at_baseline"] == "0.44"
    assert row["earning_rate_at_follow_up"] == "0.72"
    assert row["share_women"] == "0.6" and row["share_aged_18_34"] == "0.7"
    assert row["entrepreneurs_engaged"] is None and "entrepreneurs_engaged" in row["suppressed"]
    assert row["matches_proposed"] is None and "matches_proposed" in row["suppressed"]  # 0 < k
    women = next(r for r in body["data"] if r["category"] == "female")
    assert "share_women" not in women  # only on `all` rows
    assert women["earning_cohort"] == 60
    # The empty genders (non-binary, undisclosed, unknown: 0 < k) are hidden; hidden
    # zeros under a shown total would be known to be 0, so the smaller of the other two
    # is hidden with them: the 40 men.
    men = next(r for r in body["data"] if r["category"] == "male")
    assert men["earning_cohort"] is None and "earning_cohort" in men["suppressed"]
    assert men["earning_rate_at_baseline"] is None
    older = next(r for r in body["data"] if r["category"] == "35_54")
    assert older["earning_at_follow_up"] is None  # 2 < k, and its rate with it
    assert {"earning_at_follow_up", "earning_rate_at_follow_up"} <= set(older["suppressed"])


async def test_monthly_groups_and_a_tenants_raised_k(client, platform: Platform, database):
    tenant = await platform.tenant()
    caller = await platform.caller(tenant)
    patched = await client.patch(
        f"/v1/tenants/{tenant}",
        json={"settings": {"report_suppression_k": 20}},
        headers=platform.operator.headers,
    )
    assert patched.status_code == 200
    conn = await in_tenant(database.owner, tenant)
    ids = await people(conn, tenant, [Person() for _ in range(15)])
    await surveys(conn, tenant, [(p, "baseline", date(2025, 2, 3), True, False) for p in ids])
    await conn.execute("COMMIT")
    await conn.close()
    body = (
        await client.get(
            "/v1/reports/impact?from=2025-01-01&to=2025-03-31&group_by=month",
            headers=caller.headers,
        )
    ).json()
    assert body["k"] == 20
    february = [r for r in body["data"] if r["period_start"] == "2025-02-01"]
    assert february and february[0]["period_end"] == "2025-02-28"
    assert february[0]["entrepreneurs_reached"] is None  # 15 < 20
    lowered = await client.patch(
        f"/v1/tenants/{tenant}",
        json={"settings": {"report_suppression_k": 2}},
        headers=platform.operator.headers,
    )
    assert lowered.status_code == 200
    body = (
        await client.get("/v1/reports/impact?from=2025-02-01&to=2025-02-28", headers=caller.headers)
    ).json()
    assert body["k"] == 5  # never below 5
    assert body["data"][0]["entrepreneurs_reached"] == 15


async def test_mentoring_counts_days_to_first_match_and_session_hours(
    client, platform: Platform, database
):
    caller = await platform.tenant_caller()
    conn = await in_tenant(database.owner, caller.tenant_id)
    ids = await people(conn, caller.tenant_id, [Person() for _ in range(22)])
    registered = date(2025, 1, 1)
    await conn.execute(
        "UPDATE entrepreneurs SET created_at = $1 WHERE id = ANY($2)", noon(registered), ids
    )
    days = [3, 5, 7, 9, 10, 11, 14, 20, 21, 30, 40, 60]  # to each first match: median 12.5
    specs = [
        MatchSpec(
            ids[i],
            proposed=date(2025, 1, 2),
            accepted=registered + timedelta(days=d),
            completed=date(2025, 6, 1) if i < 10 else None,
            sessions=[(date(2025, 3, 1), 45)] + ([(date(2025, 3, 8), 90)] if i < 3 else []),
        )
        for i, d in enumerate(days)
    ]
    specs += [
        # A second match: counted as proposed and accepted, not as a first match.
        MatchSpec(ids[0], date(2025, 5, 1), date(2025, 5, 2), sessions=[(date(2025, 7, 10), 60)]),
        *(MatchSpec(ids[i], date(2025, 2, 1)) for i in range(12, 20)),  # never accepted
        # First matched before the period, completed in it.
        MatchSpec(ids[20], date(2024, 11, 1), date(2024, 11, 5), date(2025, 2, 1)),
        MatchSpec(ids[21], date(2025, 6, 20), date(2025, 7, 5)),  # accepted after it
    ]
    await matches(conn, caller.tenant_id, specs)
    await conn.execute("COMMIT")
    await conn.close()

    response = await client.get(
        "/v1/reports/impact?from=2025-01-01&to=2025-06-30", headers=caller.headers
    )
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    row = next(r for r in data if r["dimension"] == "all")
    assert (row["matches_proposed"], row["matches_accepted"], row["matches_completed"]) == (
        12 + 1 + 8 + 1,
        12 + 1,
        10 + 1,
    )
    assert row["entrepreneurs_first_matched"] == 12
    assert row["median_days_to_match"] == "12.5"
    assert row["sessions"] == 15  # the July session is outside the period
    assert row["session_hours"] == "13.50"  # (12 x 45 + 3 x 90) minutes
    assert row["entrepreneurs_engaged"] == 21  # everyone with a match event in the period
    # Everyone is a woman: the empty genders are hidden, and so is the female row (it
    # would equal the total), the median with its count.
    women = next(r for r in data if r["category"] == "female")
    assert women["entrepreneurs_first_matched"] is None and women["median_days_to_match"] is None
    assert {"entrepreneurs_first_matched", "median_days_to_match"} <= set(women["suppressed"])
    assert women["session_hours"] is None and "session_hours" in women["suppressed"]

    monthly = (
        await client.get(
            "/v1/reports/impact?from=2025-01-01&to=2025-06-30&group_by=month",
            headers=caller.headers,
        )
    ).json()["data"]
    totals = {r["period_start"]: r for r in monthly if r["dimension"] == "all"}
    january = totals["2025-01-01"]
    assert january["entrepreneurs_first_matched"] == 10  # accepted by day 30: January
    assert january["median_days_to_match"] == "10.5"
    february = totals["2025-02-01"]
    assert february["median_days_to_match"] is None  # one person: hidden with its count
    assert "median_days_to_match" in february["suppressed"]
