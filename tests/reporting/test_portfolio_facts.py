"""The portfolio report from kept facts equals the report computed from the ledger
(`live_portfolio`), on random books with backdated repayments, reversals, write-offs and
closings, for monthly and whole-range periods cut anywhere, before and after the ledger
changes (through the API too)."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

import asyncpg
import pytest

from platform_api.core.db import DatabaseUrls
from platform_api.reporting import portfolio
from platform_api.reporting.schemas import GroupBy
from platform_api.reporting.service import (
    PortfolioCells,
    Scope,
    portfolio_from_cells,
    refresh_report_facts,
)
from tests.conftest import Platform
from tests.loans.lending import Desk, today
from tests.reporting.live_portfolio import live_cells
from tests.reporting.seed import LoanSpec, Person, in_tenant, loans

FIRST = date(2024, 1, 1)
GENDERS = ["female", "male", "non_binary", "undisclosed", None]


def _random_loan(rng: random.Random) -> LoanSpec:
    disbursed = FIRST + timedelta(days=rng.randrange(0, 500))
    step = rng.choice([7, 14, 30, 31, 45, 90])
    count = rng.randint(1, 6)
    schedule = [
        (disbursed + timedelta(days=step * (n + 1)), rng.choice([0, 50, 100, 250, 1000]))
        for n in range(count)
    ]
    if not any(amount for _, amount in schedule):
        schedule[-1] = (schedule[-1][0], 500)
    principal = sum(amount for _, amount in schedule)
    repayments: list[tuple[date, int]] = []
    paid = 0
    behaviour = rng.random()
    for due, amount in schedule:
        if paid >= principal or behaviour < 0.1:
            break
        share = amount if behaviour > 0.5 else rng.randint(0, amount)
        share = min(share, principal - paid)
        if share:
            late = rng.choice([-20, -3, 0, 0, 1, 15, 40, 120])
            day = max(disbursed, due + timedelta(days=late))
            repayments.append((day, share))
            paid += share
    repayments.sort()
    written_off = None
    if paid < principal and rng.random() < 0.25:
        last = max([disbursed, *(day for day, _ in repayments)])
        written_off = last + timedelta(days=rng.randint(0, 200))
    return LoanSpec(
        disbursed,
        schedule,
        repayments,
        person=Person(rng.choice(GENDERS), rng.choice([None, 1950, 1970, 1990, 2000, 2008])),
        currency=rng.choice(["KES", "KES", "UGX"]),
        written_off_on=written_off,
        tolerance_amount=rng.choice([0, 0, 30]),
        tolerance_days=rng.choice([0, 0, 45]),
    )


def _scopes(rng: random.Random, tenant_id: uuid.UUID) -> list[Scope]:
    fixed = [
        (date(2024, 1, 1), date(2024, 12, 31)),
        (date(2024, 3, 15), date(2025, 2, 10)),
        (date(2024, 6, 1), date(2024, 6, 30)),
        (date(2024, 6, 10), date(2024, 6, 20)),
        (date(2025, 1, 31), date(2025, 3, 1)),
        (date(2023, 12, 1), date(2026, 1, 31)),
    ]
    for _ in range(6):
        start = FIRST + timedelta(days=rng.randrange(-30, 700))
        fixed.append((start, start + timedelta(days=rng.randrange(0, 500))))
    return [
        Scope(start, end, group_by, [tenant_id])
        for start, end in fixed
        for group_by in (frozenset({GroupBy.MONTH}), frozenset())
    ]


async def _fast_cells(
    url: str, tenant_id: uuid.UUID, scope: Scope, *, refreshed: bool = True
) -> tuple[PortfolioCells, int]:
    conn = await in_tenant(url, str(tenant_id))
    try:
        stale = await portfolio.refresh(conn, tenant_id) if refreshed else 0
        plan = portfolio.Plan.of(scope.periods)
        rows = await portfolio.read(conn, tenant_id, plan, scope.end.year)
        await conn.execute("COMMIT")
        return portfolio.cells(rows, plan, scope.periods), stale
    finally:
        await conn.close()


async def _live(url: str, tenant_id: uuid.UUID, scope: Scope) -> PortfolioCells:
    conn = await in_tenant(url, str(tenant_id))
    try:
        return await live_cells(conn, tenant_id, scope)
    finally:
        await conn.close()


async def _compare(url: str, tenant_id: uuid.UUID, scopes: list[Scope]) -> None:
    for scope in scopes:
        fast, _ = await _fast_cells(url, tenant_id, scope)
        live = await _live(url, tenant_id, scope)
        assert fast == live, (scope.start, scope.end, sorted(scope.group_by))
        ks = {tenant_id: 10}
        fast_rows = portfolio_from_cells(scope, ks, [(tenant_id, fast)]).data
        live_rows = portfolio_from_cells(scope, ks, [(tenant_id, live)]).data
        assert fast_rows == live_rows


async def _change_the_ledger(url: str, tenant_id: uuid.UUID, rng: random.Random) -> None:
    """Reverse some repayments, post backdated ones, write loans off and close others,
    each with the loan row updated in the same transaction (as every write path does)."""
    conn = await in_tenant(url, str(tenant_id))
    try:
        ids = [r["id"] for r in await conn.fetch("SELECT id FROM loans ORDER BY id")]
        for loan_id in rng.sample(ids, len(ids) // 3):
            loan = await conn.fetchrow("SELECT * FROM loans WHERE id = $1", loan_id)
            posted = await conn.fetch(
                "SELECT id, paid_on FROM loan_repayments WHERE loan_id = $1 "
                "AND status = 'posted' ORDER BY sequence",
                loan_id,
            )
            action = rng.choice(["reverse", "backdate", "write_off", "close"])
            if action == "reverse" and posted:
                await conn.execute(
                    "UPDATE loan_repayments SET status = 'reversed', principal = 0 WHERE id = $1",
                    rng.choice(posted)["id"],
                )
            elif action == "backdate":
                day = loan["disbursement_date"] + timedelta(days=rng.randrange(0, 200))
                sequence = await conn.fetchval(
                    "SELECT coalesce(max(sequence), 0) + 1 FROM loan_repayments WHERE loan_id = $1",
                    loan_id,
                )
                amount = rng.choice([10, 100, 400])
                await conn.execute(
                    "INSERT INTO loan_repayments (tenant_id, id, loan_id, sequence, amount, "
                    "paid_on, channel, principal, interest, fees, overpayment) VALUES "
                    "($1, $2, $3, $4, $5, $6, 'cash', $5, 0, 0, 0)",
                    tenant_id, uuid.uuid4(), loan_id, sequence, amount, day,
                )  # fmt: skip
            elif action == "write_off" and loan["status"] == "active":
                await conn.execute(
                    "UPDATE loans SET status = 'written_off', written_off_on = $2, "
                    "principal_written_off = principal - principal_paid WHERE id = $1",
                    loan_id,
                    loan["disbursement_date"] + timedelta(days=rng.randrange(10, 400)),
                )
            elif action == "close" and loan["status"] == "active":
                await conn.execute(
                    "UPDATE loans SET status = 'closed', closed_on = $2 WHERE id = $1",
                    loan_id,
                    loan["disbursement_date"] + timedelta(days=rng.randrange(10, 400)),
                )
            await conn.execute("UPDATE loans SET updated_at = now() WHERE id = $1", loan_id)
        # A borrower's gender and birth year change: every loan of theirs moves cell.
        await conn.execute(
            "UPDATE entrepreneurs SET gender = 'male', birth_year = 1985 WHERE id = "
            "(SELECT entrepreneur_id FROM loans ORDER BY id LIMIT 1)"
        )
        await conn.execute("COMMIT")
    finally:
        await conn.close()


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_kept_facts_equal_the_ledger_on_random_books(
    platform: Platform, database: DatabaseUrls, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(portfolio, "_CHUNK", 7)  # stale loans derived over several statements
    rng = random.Random(seed)
    caller = await platform.tenant_caller()
    tenant_id = uuid.UUID(caller.tenant_id)
    conn = await in_tenant(database.owner, caller.tenant_id)
    try:
        await loans(conn, caller.tenant_id, [_random_loan(rng) for _ in range(60)])
        # One borrower with eight loans (its gender changes below).
        await conn.execute(
            "UPDATE loans SET entrepreneur_id = (SELECT entrepreneur_id FROM loans ORDER BY id "
            "LIMIT 1) WHERE id IN (SELECT id FROM loans ORDER BY id LIMIT 8)"
        )
        await conn.execute("COMMIT")
    finally:
        await conn.close()
    scopes = _scopes(rng, tenant_id)

    _, stale = await _fast_cells(database.owner, tenant_id, scopes[0])
    assert stale == 60  # the first report derives every loan
    await _compare(database.owner, tenant_id, scopes)
    assert (await _fast_cells(database.owner, tenant_id, scopes[0]))[1] == 0

    await _change_the_ledger(database.owner, tenant_id, rng)
    _, stale = await _fast_cells(database.owner, tenant_id, scopes[0])
    assert 20 <= stale < 60  # only the changed loans are derived again
    await _compare(database.owner, tenant_id, scopes)

    # Kept incrementally, the monthly sums equal those of the events they came from.
    admin = await asyncpg.connect(database.owner)
    try:
        await admin.execute("SELECT set_config('app.tenant_id', $1, false)", caller.tenant_id)
        differ = await admin.fetchval(
            "SELECT count(*) FROM ((SELECT date_trunc('month', day)::date, currency, gender, "
            "birth_year, sum(amount_due), sum(principal_outstanding), sum(loans_par30), "
            "sum(loans_due) FROM report_loan_events GROUP BY 1, 2, 3, 4) EXCEPT "
            "(SELECT month, currency, gender, birth_year, sum(amount_due), "
            "sum(principal_outstanding), sum(loans_par30), sum(loans_due) "
            "FROM report_portfolio_months GROUP BY 1, 2, 3, 4)) d"
        )
    finally:
        await admin.close()
    assert differ == 0


async def test_writes_through_the_api_reach_the_next_report(
    client, platform: Platform, database: DatabaseUrls
) -> None:
    desk = await Desk.open(client, platform)
    made = [await desk.loan(days_ago=150) for _ in range(12)]
    path = (
        f"/v1/reports/portfolio?from={(today() - timedelta(days=160)).isoformat()}"
        f"&to={today().isoformat()}&group_by=month"
    )
    scope = Scope(
        today() - timedelta(days=160),
        today(),
        frozenset({GroupBy.MONTH}),
        [uuid.UUID(desk.checker.tenant_id)],
    )

    tenant_id = scope.tenant_ids[0]
    seen: list[PortfolioCells] = []

    async def same_as_the_ledger() -> None:
        """The report refreshed the facts the write made stale: what is kept now (read
        without refreshing) and the response equal the ledger's figures."""
        body = await desk.get(path, desk.checker)
        live = await _live(database.owner, tenant_id, scope)
        assert (await _fast_cells(database.owner, tenant_id, scope, refreshed=False))[0] == live
        expected = portfolio_from_cells(scope, {tenant_id: body["k"]}, [(tenant_id, live)])
        assert body["data"] == expected.model_dump(mode="json", exclude_unset=True)["data"]
        assert live not in seen  # each step changed the figures
        seen.append(live)

    await same_as_the_ledger()
    backdated = (today() - timedelta(days=100)).isoformat()
    paid = [await desk.pay(loan, 1_500_000, paid_on=backdated) for loan in made[:6]]
    assert all(response.status_code == 201 for response in paid)
    await same_as_the_ledger()
    reversed_ = await client.post(
        f"/v1/loans/{made[0]['id']}/repayments/{paid[0].json()['id']}/reverse",
        json={"reason": "bounced"},
        headers={**desk.checker.headers, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert reversed_.status_code in (200, 201), reversed_.text
    written_off = await client.post(
        f"/v1/loans/{made[7]['id']}/write-off",
        json={"reason": "absconded"},
        headers={**desk.checker.headers, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert written_off.status_code in (200, 201), written_off.text
    closed = await desk.pay(made[8], 100_000_000)
    assert closed.status_code == 201, closed.text
    await same_as_the_ledger()


async def test_the_background_job_derives_every_tenants_stale_loans(
    platform: Platform, database: DatabaseUrls, app
) -> None:
    caller = await platform.tenant_caller()
    conn = await in_tenant(database.owner, caller.tenant_id)
    try:
        await loans(conn, caller.tenant_id, [_random_loan(random.Random(9)) for _ in range(5)])
        await conn.execute("COMMIT")
    finally:
        await conn.close()
    assert await refresh_report_facts(app.state.db) >= 5
    scope = _scopes(random.Random(9), uuid.UUID(caller.tenant_id))[0]
    assert (await _fast_cells(database.owner, uuid.UUID(caller.tenant_id), scope))[1] == 0
