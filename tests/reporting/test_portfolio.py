"""Portfolio report: each metric on a fixture computed by hand, and against the loan
accounts' own figures for loans made through the API."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

from platform_api.core.db import DatabaseUrls
from tests.conftest import Platform
from tests.loans.lending import Desk, today
from tests.reporting.seed import CircleSpec, LoanSpec, Person, circles, in_tenant, loans, people

JAN = date(2025, 1, 1)


def _all_row(body: dict, **match: object) -> dict:
    rows = [
        r
        for r in body["data"]
        if r["dimension"] == "all" and all(r.get(k) == v for k, v in match.items())
    ]
    assert len(rows) == 1, rows
    return rows[0]


async def _seed(database: DatabaseUrls, tenant_id: str, specs: list[LoanSpec]) -> None:
    conn = await in_tenant(database.owner, tenant_id)
    try:
        await loans(conn, tenant_id, specs)
        await conn.execute("COMMIT")
    finally:
        await conn.close()


async def test_repayment_rate_100_due_96_paid_on_time(client, platform: Platform, database):
    caller = await platform.tenant_caller()
    due = date(2025, 3, 10)
    # 25 loans with 4 due on 10 March each (100 in all): 24 paid on time (one of them in
    # two parts, the second on the due date itself), one paid 2 days late.
    specs = [LoanSpec(JAN, [(due, 4)], [(date(2025, 3, 1), 4)]) for _ in range(23)] + [
        LoanSpec(JAN, [(due, 4)], [(date(2025, 3, 5), 1), (due, 3)]),
        LoanSpec(JAN, [(due, 4)], [(due + timedelta(days=2), 4)]),
    ]
    await _seed(database, caller.tenant_id, specs)
    response = await client.get(
        "/v1/reports/portfolio?from=2025-03-01&to=2025-03-31", headers=caller.headers
    )
    assert response.status_code == 200, response.text
    row = _all_row(response.json())
    assert (row["amount_due"], row["amount_paid_on_time"]) == (100, 96)
    assert row["repayment_rate"] == "0.96"
    assert row["loans_due"] == 25 and row["loans_paid_on_time"] == 24


def _june_book() -> list[LoanSpec]:
    """Six kinds of loan, ten or twelve of each, as of 30 June 2025."""
    end = date(2025, 6, 30)
    thirty_one_days_before = end - timedelta(days=31)
    return (
        # 12 current loans of 1,000 (two installments of 500), nothing due yet: 12,000.
        [LoanSpec(JAN, [(date(2025, 8, 1), 500), (date(2025, 9, 1), 500)]) for _ in range(12)]
        # 10 loans of 1,000 with 500 due 31 days before the end, unpaid: at risk, 10,000.
        + [
            LoanSpec(JAN, [(thirty_one_days_before, 500), (date(2025, 9, 1), 500)])
            for _ in range(10)
        ]
        # 10 loans 30 days late on 500 (not yet PAR30), 200 of principal repaid: 8,000.
        + [
            LoanSpec(
                JAN,
                [(end - timedelta(days=30), 500), (date(2025, 9, 1), 500)],
                [(date(2025, 2, 1), 200)],
            )
            for _ in range(10)
        ]
        # 10 loans 31+ days late but within 40 tolerance days: not PAR30, 10,000.
        + [
            LoanSpec(
                JAN,
                [(thirty_one_days_before, 500), (date(2025, 9, 1), 500)],
                tolerance_days=40,
            )
            for _ in range(10)
        ]
        # 10 loans that paid their overdue installment late but by the end: current.
        + [
            LoanSpec(
                JAN,
                [(date(2025, 3, 1), 500), (date(2025, 9, 1), 500)],
                [(date(2025, 5, 1), 500)],
            )
            for _ in range(10)
        ]
        # 10 written off in June after repaying 100 of 1,000: 900 written off each.
        + [
            LoanSpec(
                JAN,
                [(date(2025, 2, 1), 500), (date(2025, 3, 1), 500)],
                [(date(2025, 2, 1), 100)],
                written_off_on=date(2025, 6, 15),
            )
            for _ in range(10)
        ]
    )


async def test_outstanding_par30_and_write_off_on_a_hand_computed_book(
    client, platform: Platform, database
):
    caller = await platform.tenant_caller()
    specs = _june_book()
    await _seed(database, caller.tenant_id, specs)
    body = (
        await client.get(
            "/v1/reports/portfolio?from=2025-06-01&to=2025-06-30", headers=caller.headers
        )
    ).json()
    row = _all_row(body)
    # Active at the end: all but the written-off loans.
    assert row["loans_outstanding"] == 52
    assert row["principal_outstanding"] == 12_000 + 10_000 + 8_000 + 10_000 + 5_000
    assert row["average_outstanding_principal"] == round(45_000 / 52)
    assert (row["loans_par30"], row["principal_par30"]) == (10, 10_000)
    assert row["par30"] == "0.2222"  # 10,000 / 45,000
    # Opening book (31 May) adds the 10 loans later written off, 900 each.
    assert (row["loans_written_off"], row["principal_written_off"]) == (10, 9_000)
    assert row["write_off_ratio"] == str(round(9_000 / ((45_000 + 9_000 + 45_000) / 2), 4))
    assert row["loans_disbursed"] is None and "loans_disbursed" in row["suppressed"]  # 0 < k

    january = (
        await client.get(
            "/v1/reports/portfolio?from=2025-01-01&to=2025-01-31", headers=caller.headers
        )
    ).json()
    jan = _all_row(january)
    assert (jan["loans_disbursed"], jan["amount_disbursed"]) == (62, 62_000)


async def test_month_by_tenant_groups_and_csv(client, platform: Platform, database):
    callers = [await platform.tenant_caller() for _ in range(2)]
    for caller in callers:
        await _seed(
            database,
            caller.tenant_id,
            [LoanSpec(date(2025, 2, 3), [(date(2025, 3, 3), 100)]) for _ in range(12)],
        )
    operator = platform.operator
    query = (
        "/v1/reports/portfolio?from=2025-01-15&to=2025-03-31&group_by=month&group_by=tenant"
        + "".join(f"&tenant_id={c.tenant_id}" for c in callers)
    )
    body = (await client.get(query, headers=operator.headers)).json()
    alls = [r for r in body["data"] if r["dimension"] == "all"]
    assert {(r["period_start"], r["tenant_id"]) for r in alls} == {
        (start, c.tenant_id) for start in ("2025-02-01", "2025-03-01") for c in callers
    }
    feb = [r for r in alls if r["period_start"] == "2025-02-01"]
    assert all(r["loans_disbursed"] == 12 and r["period_end"] == "2025-02-28" for r in feb)
    assert all(r["circle_completion_rate"] is None for r in body["data"])  # no circles

    csv_response = await client.get(query, headers={**operator.headers, "Accept": "text/csv"})
    assert csv_response.status_code == 200
    assert csv_response.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(csv_response.text)))
    assert len(table) == len(body["data"])
    first = table[0]
    assert first["tenant_id"] and first["currency"] == "KES"
    hidden = [r for r in table if "loans_par30" in r["suppressed"].split()]
    assert hidden and all(r["loans_par30"] == "" for r in hidden)


async def test_matches_the_loan_accounts_for_loans_made_through_the_api(
    client, platform: Platform, database
):
    desk = await Desk.open(client, platform)
    made = [await desk.loan(days_ago=100) for _ in range(10)]
    for loan in made[:4]:
        assert (await desk.pay(loan, 1_500_000)).status_code == 201
    arrears = await desk.get(f"/v1/loans/arrears?as_of={today().isoformat()}", desk.checker)
    kes = arrears["currencies"][0]
    body = (
        await client.get(
            f"/v1/reports/portfolio?from={(today() - timedelta(days=120)).isoformat()}",
            headers=desk.checker.headers,
        )
    ).json()
    row = _all_row(body)
    assert row["loans_outstanding"] == kes["active_loans"] == 10
    assert row["principal_outstanding"] == kes["principal_outstanding"]
    assert Decimal(row["par30"]) == Decimal(kes["par30"])
    assert row["loans_disbursed"] == 10
    assert row["amount_disbursed"] == sum(loan["principal"] for loan in made)


async def test_gender_and_age_breakdown_with_complementary_suppression(
    client, platform: Platform, database
):
    caller = await platform.tenant_caller()
    mix = [("female", 1995, 15), ("male", 1995, 12), ("non_binary", 1960, 11)]
    mix += [("undisclosed", 1960, 10), (None, 1960, 3)]
    specs = [
        LoanSpec(JAN, [(date(2025, 9, 1), 100)], person=Person(gender, year))
        for gender, year, count in mix
        for _ in range(count)
    ]
    await _seed(database, caller.tenant_id, specs)
    body = (
        await client.get(
            "/v1/reports/portfolio?from=2025-01-01&to=2025-01-31", headers=caller.headers
        )
    ).json()
    by = {(r["dimension"], r["category"]): r for r in body["data"]}
    assert by[("all", "all")]["loans_disbursed"] == 51
    # 3 of unknown gender are below k. Alone among the genders they would be 51 minus the
    # others, so the smallest other gender (10 undisclosed) is hidden with them.
    shown = {g: by[("gender", g)]["loans_disbursed"] for g in ("female", "male", "non_binary")}
    assert shown == {"female": 15, "male": 12, "non_binary": 11}
    for gender in ("unknown", "undisclosed"):
        row = by[("gender", gender)]
        assert row["loans_disbursed"] is None and row["amount_disbursed"] is None
        assert {"loans_disbursed", "amount_disbursed"} <= set(row["suppressed"])
    # Ages: 27 aged 18-34 (born 1995) and 24 aged 55+ (born 1960); empty bands are hidden
    # (0 < k) and, since hidden zeros under a shown total would be known to be zeros, so
    # is the smaller of the two other bands.
    assert by[("age_band", "18_34")]["loans_disbursed"] == 27
    assert by[("age_band", "55_plus")]["loans_disbursed"] is None
    assert by[("age_band", "under_18")]["loans_disbursed"] is None


async def test_a_month_reads_the_same_alone_and_within_a_longer_report(
    client, platform: Platform, database
):
    caller = await platform.tenant_caller()
    # 12 loans repaid in full on 30 May, two days before their last installment is due.
    june_first = date(2025, 6, 1)
    specs = [
        LoanSpec(
            JAN,
            [(date(2025, 5, 1), 500), (june_first, 500)],
            [(date(2025, 5, 1), 500), (date(2025, 5, 30), 500)],
        )
        for _ in range(12)
    ]
    await _seed(database, caller.tenant_id, specs)
    alone = (
        await client.get(
            "/v1/reports/portfolio?from=2025-06-01&to=2025-06-30", headers=caller.headers
        )
    ).json()
    year = (
        await client.get(
            "/v1/reports/portfolio?from=2025-01-01&to=2025-12-31&group_by=month",
            headers=caller.headers,
        )
    ).json()
    june = _all_row(alone)
    assert (june["loans_due"], june["amount_due"], june["amount_paid_on_time"]) == (12, 6000, 6000)
    in_year = _all_row(year, period_start="2025-06-01")
    assert {k: v for k, v in in_year.items() if k != "period_start"} == {
        k: v for k, v in june.items() if k != "period_start"
    }


def _monthly(first: date, n: int) -> list[date]:
    """`n` due dates a month apart from `first` (its day exists in every month)."""
    months = [first.month - 1 + i for i in range(n)]
    return [date(first.year + m // 12, m % 12 + 1, first.day) for m in months]


async def test_circle_completion_and_on_time_contribution_rates(
    client, platform: Platform, database
):
    caller = await platform.tenant_caller()
    conn = await in_tenant(database.owner, caller.tenant_id)
    people_ids = await people(conn, caller.tenant_id, [Person() for _ in range(24)])
    group = [people_ids[i : i + 6] for i in range(0, 24, 6)]
    a_due = _monthly(date(2025, 1, 10), 6)  # all six rounds in the period
    b_due = _monthly(date(2024, 12, 20), 6)  # five of six in it
    c_due = _monthly(date(2025, 2, 1), 6)  # cancelled on 5 March: two rounds count
    d_due = _monthly(date(2025, 4, 15), 6)  # active: April, May and June count

    def on_time(due: list[date], late=frozenset(), partial=frozenset()):
        paid: dict[tuple[int, int], list[tuple[date, int]]] = {}
        for number, day in enumerate(due, start=1):
            for member in range(6):
                if (member, number) in late:
                    paid[(member, number)] = [(day + timedelta(days=3), 1000)]
                elif (member, number) in partial:
                    paid[(member, number)] = [(day, 500), (day + timedelta(days=1), 500)]
                else:
                    paid[(member, number)] = [(day - timedelta(days=1), 1000)]
        return paid

    await circles(
        conn,
        caller.tenant_id,
        [
            CircleSpec("completed", a_due, group[0], ended_on=a_due[-1],
                       paid=on_time(a_due, late={(0, 1), (1, 2), (2, 3)})),
            CircleSpec("completed", b_due, group[1], ended_on=b_due[-1],
                       paid=on_time(b_due, partial={(3, 4), (4, 5)})),
            CircleSpec("cancelled", c_due, group[2], ended_on=date(2025, 3, 5)),
            CircleSpec("active", d_due, group[3], paid=on_time(d_due[:3])),
        ],
    )  # fmt: skip
    await conn.execute("COMMIT")
    await conn.close()

    response = await client.get(
        "/v1/reports/portfolio?from=2025-01-01&to=2025-06-30", headers=caller.headers
    )
    assert response.status_code == 200, response.text
    row = next(r for r in response.json()["data"] if r["dimension"] == "all")
    assert (row["circle_members_ended"], row["circle_members_completed"]) == (18, 12)
    assert row["circle_completion_rate"] == "0.6667"
    # Due: 6 x 6 + 5 x 6 + 2 x 6 + 3 x 6; on time: all but A's 3 late, B's 2 paid in
    # halves the second after the due date, and C's 12 never paid.
    assert row["circle_contributions_due"] == 36 + 30 + 12 + 18
    assert row["circle_contributions_on_time"] == 96 - 3 - 2 - 12
    assert row["circle_on_time_contribution_rate"] == "0.8229"  # 79 / 96
