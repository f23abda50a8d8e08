"""The portfolio report from facts derived once per loan version, not from the ledger on
every request.

Every measure of the report is a sum over days of per-loan changes: a balance on day D
(loans and principal outstanding, PAR30) is the sum of the changes dated on or before D,
a flow over a period (disbursed, written off, due, paid on time) the sum of those dated
in it. So each loan is turned into its changes by day (`report_loan_events`), and those
are summed per month (`report_portfolio_months`). With F(x) the sum of the changes dated
before day x, a report needs F at each period's first day and the day after its last:
the months before x from the monthly sums, the days of x's own month before x from the
events.

Loans paid "on time" and loans due are counted once per loan and period, which sums do
not do across months: each loan's first due day (and first day paid on time) in a month
carries the count, which is exact for periods that start on a month's first day and end
in that month; any other period counts distinct loans among its events.

Freshness: a loan's facts record the `xmin` of the loan row they came from, and its
borrower's stamp the gender and birth year all of its loans were derived with. Every
write that changes what the report reads (a repayment, a reversal, a write-off, a
closing) updates the loan row in the same transaction, so a stale loan is one whose row
no longer matches, or whose borrower's gender or birth year changed. Each report first
finds a tenant's stale loans (hash joins over its loans and its people) and derives
them again (under a per-tenant advisory lock), so it is as exact as reading the ledger;
the write paths carry no cost.
"""

from __future__ import annotations

import uuid
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import asyncpg

from platform_api.reporting import metrics
from platform_api.reporting.metrics import Period
from platform_api.reporting.models import MEASURES

#: Loans derived per statement: a first report over a large book stays within the API's
#: statement timeout (a few hundred ms per thousand loans).
_CHUNK = 2_000
#: The advisory lock class of the refresh (the two-key form: no clash with other locks).
_LOCK_CLASS = 7_007


def _select(source: str, day: str, where: str = "", **values: str) -> str:
    """One branch of the loans' changes: (loan, day, every measure, 0 unless given)."""
    unknown = set(values) - set(MEASURES)
    if unknown:
        raise ValueError(f"unknown measures {unknown}")
    columns = ", ".join(f"{values.get(name, '0')} AS {name}" for name in MEASURES)
    return f"SELECT loan_id, {day} AS day, {columns} FROM {source} {where}"


_SUMS = ", ".join(f"sum({name})::bigint AS {name}" for name in MEASURES)
_NONZERO = " OR ".join(f"{name} <> 0" for name in MEASURES)
_NAMES = ", ".join(MEASURES)
#: `marked`'s columns stored as MEASURES: the loan counts are the first-in-month marks.
_MARKED = [
    {"loans_due": "first_due", "loans_paid_on_time": "first_paid"}.get(name, name)
    for name in MEASURES
]
_MARKED_COLUMNS = ", ".join(
    f"m.{column} AS {name}" for column, name in zip(_MARKED, MEASURES, strict=True)
)
_CELL_AND_MEASURES = ("currency", "gender", "birth_year", *MEASURES)
_MARKED_NONZERO = " OR ".join(f"m.{column} <> 0" for column in _MARKED)

# A loan lives on days a <= D < e (e: closed or written off, else infinity). Repayments
# fill installments oldest first, so an installment is paid on time up to the part of
# the running total of repayments at its due date that falls in its slice of the
# schedule's running total, and is at risk from 31 days (or the tolerance days) after
# its due date until that running total covers its slice (less the tolerance amount).
# Overlapping risk spells of one loan are merged, so a loan counts once.
#: The tenant's loans whose facts are missing or come from another version of the loan
#: row, and all loans of borrowers whose gender or birth year changed since their loans
#: were derived; with the borrower's gender and birth year now.
_STALE_SQL = """
WITH moved AS (
    SELECT p.id FROM entrepreneurs p
    JOIN report_borrower_stamps b ON b.tenant_id = $1 AND b.entrepreneur_id = p.id
    WHERE p.tenant_id = $1
      AND (b.gender IS DISTINCT FROM p.gender OR b.birth_year IS DISTINCT FROM p.birth_year)
), stale AS MATERIALIZED (  -- filtered before its borrowers are looked up
    SELECT l.id, l.entrepreneur_id FROM loans l
    LEFT JOIN report_loan_stamps k ON k.tenant_id = $1 AND k.loan_id = l.id
    WHERE l.tenant_id = $1
      AND (k.loan_id IS NULL OR k.stamp <> l.xmin::text::bigint
           OR l.entrepreneur_id IN (SELECT id FROM moved))
)
SELECT s.id, p.gender, p.birth_year
FROM stale s JOIN entrepreneurs p ON p.tenant_id = $1 AND p.id = s.entrepreneur_id
"""

# $2-$4: the stale loans and their borrowers' gender and birth year as the check saw
# them (so a borrower's loans all carry the values of its stamp); each loan's stamp is
# the version of its row read here.
_REFRESH_SQL = f"""
WITH stale AS (
    SELECT * FROM unnest($2::uuid[], $3::text[], $4::smallint[])
        AS s(loan_id, gender, birth_year)
), loan AS MATERIALIZED (
    SELECT l.id AS loan_id, l.xmin::text::bigint AS stamp, l.entrepreneur_id, l.currency,
           s.gender, s.birth_year, l.principal,
           l.principal_written_off, l.written_off_on, l.disbursement_date AS a,
           coalesce(least(l.closed_on, l.written_off_on), 'infinity') AS e,
           l.arrears_tolerance_amount AS tolerance, greatest(30, l.arrears_tolerance_days) AS grace
    FROM stale s JOIN loans l ON l.tenant_id = $1 AND l.id = s.loan_id
), rep AS MATERIALIZED (
    SELECT r.loan_id, r.paid_on, r.principal, r.principal + r.interest + r.fees AS paid
    FROM loan_repayments r
    WHERE r.tenant_id = $1 AND r.status = 'posted' AND r.loan_id = ANY($2::uuid[])
), inst AS MATERIALIZED (
    SELECT i.loan_id, i.due_date, i.principal + i.interest + i.fees AS total,
           sum(i.principal + i.interest + i.fees)
               OVER (PARTITION BY i.loan_id ORDER BY i.number) AS cum
    FROM loan_installments i
    WHERE i.tenant_id = $1 AND i.loan_id = ANY($2::uuid[])
), timeline AS (
    SELECT loan_id, paid_on AS day, 0 AS kind, paid AS amount, 0::bigint AS total,
           0::bigint AS cum
    FROM rep
    UNION ALL
    SELECT loan_id, due_date, 1, 0, total, cum FROM inst
), on_time AS (
    SELECT loan_id, day, kind, total,
           greatest(0, least(total, sum(amount) OVER (PARTITION BY loan_id ORDER BY day, kind
                                                      ROWS UNBOUNDED PRECEDING)
                                    - (cum - total))) AS paid
    FROM timeline
), clearing AS (
    SELECT i.loan_id, 0 AS kind, i.cum - l.tolerance AS level, NULL::date AS day,
           i.due_date + l.grace + 1 AS risky_from
    FROM inst i JOIN loan l ON l.loan_id = i.loan_id
    WHERE i.total > l.tolerance
    UNION ALL
    SELECT loan_id, 1, sum(paid) OVER (PARTITION BY loan_id ORDER BY paid_on
                                       ROWS UNBOUNDED PRECEDING), paid_on, NULL
    FROM rep
), risk AS (
    SELECT loan_id, kind, risky_from AS f,
           coalesce(min(day) OVER (PARTITION BY loan_id ORDER BY level, kind
                                   ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING),
                    'infinity') AS c
    FROM clearing
), islands AS (
    SELECT loan_id, f, c,
           count(*) FILTER (WHERE starts) OVER (PARTITION BY loan_id ORDER BY f, c
                                               ROWS UNBOUNDED PRECEDING) AS island
    FROM (
        SELECT loan_id, f, c,
               coalesce(f > max(c) OVER (PARTITION BY loan_id ORDER BY f, c
                                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
                        true) AS starts
        FROM risk WHERE kind = 0 AND f < c
    ) r
), spell AS (  -- merged risk spells, within the loan's life
    SELECT i.loan_id, l.principal, greatest(min(i.f), l.a) AS f, least(max(i.c), l.e) AS c
    FROM islands i JOIN loan l ON l.loan_id = i.loan_id
    GROUP BY i.loan_id, i.island, l.principal, l.a, l.e
    HAVING greatest(min(i.f), l.a) < least(max(i.c), l.e)
), repaid AS (  -- each repayment's principal leaves the balance from its day
    SELECT r.loan_id, greatest(l.a, r.paid_on) AS s, l.e, r.principal
    FROM rep r JOIN loan l ON l.loan_id = r.loan_id
    WHERE greatest(l.a, r.paid_on) < l.e
), repaid_at_risk AS (
    SELECT r.loan_id, greatest(p.f, r.paid_on) AS s, p.c, r.principal
    FROM rep r JOIN spell p ON p.loan_id = r.loan_id
    WHERE greatest(p.f, r.paid_on) < p.c
), change AS (
    {
    " UNION ALL ".join(
        (
            _select(
                "loan",
                "a",
                loans_disbursed="1",
                amount_disbursed="principal",
                loans_outstanding="(a < e)::int",
                principal_outstanding="CASE WHEN a < e THEN principal ELSE 0 END",
            ),
            _select(
                "loan",
                "e",
                "WHERE a < e AND e < 'infinity'",
                loans_outstanding="-1",
                principal_outstanding="-principal",
            ),
            _select(
                "loan",
                "written_off_on",
                "WHERE written_off_on IS NOT NULL",
                loans_written_off="1",
                principal_written_off="principal_written_off",
            ),
            _select("repaid", "s", principal_outstanding="-principal"),
            _select("repaid", "e", "WHERE e < 'infinity'", principal_outstanding="principal"),
            _select("spell", "f", loans_par30="1", principal_par30="principal"),
            _select(
                "spell",
                "c",
                "WHERE c < 'infinity'",
                loans_par30="-1",
                principal_par30="-principal",
            ),
            _select("repaid_at_risk", "s", principal_par30="-principal"),
            _select("repaid_at_risk", "c", "WHERE c < 'infinity'", principal_par30="principal"),
            _select(
                "on_time",
                "day",
                "WHERE kind = 1",
                installments_due="1",
                amount_due="total",
                amount_paid_on_time="paid",
            ),
        )
    )
}
), daily AS (
    SELECT loan_id, day, {_SUMS} FROM change GROUP BY 1, 2
), marked AS (  -- a loan's first due day, and first day paid on time, in each month
    SELECT d.*,
           (installments_due > 0 AND NOT coalesce(bool_or(installments_due > 0) OVER w, false)
           )::int AS first_due,
           (amount_paid_on_time > 0
            AND NOT coalesce(bool_or(amount_paid_on_time > 0) OVER w, false))::int AS first_paid
    FROM daily d
    WINDOW w AS (PARTITION BY loan_id, date_trunc('month', day) ORDER BY day
                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), old AS (  -- read before this statement's writes (one snapshot for all of it)
    SELECT e.* FROM report_loan_events e
    WHERE e.tenant_id = $1 AND e.loan_id = ANY($2::uuid[])
), fresh AS MATERIALIZED (
    SELECT m.loan_id, m.day, l.currency, l.gender, l.birth_year, {_MARKED_COLUMNS}
    FROM marked m JOIN loan l ON l.loan_id = m.loan_id
    WHERE {_MARKED_NONZERO}
), dropped AS (  -- the sub-statements run in no set order: they touch disjoint rows
    DELETE FROM report_loan_events e
    WHERE e.tenant_id = $1 AND e.loan_id = ANY($2::uuid[])
      AND (e.loan_id, e.day) NOT IN (SELECT loan_id, day FROM fresh)  -- a hashed subplan
), added AS (
    INSERT INTO report_loan_events (tenant_id, loan_id, day, currency, gender, birth_year,
                                    {_NAMES})
    SELECT $1, * FROM fresh
    ON CONFLICT (tenant_id, loan_id, day) DO UPDATE SET
    {", ".join(f"{name} = excluded.{name}" for name in _CELL_AND_MEASURES)}
), moved AS (
    SELECT date_trunc('month', day)::date AS month, currency, gender, birth_year, {_SUMS}
    FROM (
        SELECT day, currency, gender, birth_year, {_NAMES} FROM fresh
        UNION ALL
        SELECT day, currency, gender, birth_year,
               {", ".join(f"-{name}" for name in MEASURES)}
        FROM old
    ) x
    GROUP BY 1, 2, 3, 4
), rolled AS (
    INSERT INTO report_portfolio_months (tenant_id, month, currency, gender, birth_year,
                                         {_NAMES})
    SELECT $1, month, currency, gender, birth_year, {_NAMES} FROM moved
    WHERE {_NONZERO}
    ON CONFLICT (tenant_id, month, currency, gender, birth_year) DO UPDATE SET
    {", ".join(f"{name} = report_portfolio_months.{name} + excluded.{name}" for name in MEASURES)}
), stamped AS (
    INSERT INTO report_loan_stamps (tenant_id, loan_id, stamp)
    SELECT $1, loan_id, stamp FROM loan
    ON CONFLICT (tenant_id, loan_id) DO UPDATE SET stamp = excluded.stamp
), borrowers AS (
    INSERT INTO report_borrower_stamps (tenant_id, entrepreneur_id, gender, birth_year)
    SELECT DISTINCT $1::uuid, entrepreneur_id, gender, birth_year FROM loan
    ON CONFLICT (tenant_id, entrepreneur_id) DO UPDATE
    SET gender = excluded.gender, birth_year = excluded.birth_year
)
SELECT count(*) FROM stale
"""

_GENDER = metrics.gender_sql("gender")
_BAND = metrics.age_band_sql("birth_year", "$2::int")

# $3: first days of the months F is needed at; the monthly sums before $3[k] are the sum
# of buckets 0 .. k-1. $4: the bounds of the day buckets of the events read, $5/$6 the
# ranges [from, to) they are read from (parts of a month). $7-$9: periods counted by
# distinct loans (index, first day, last day).
_READ_SQL = f"""
SELECT 0 AS part, width_bucket(month, $3::date[]) AS b, currency, {_GENDER} AS gender,
       {_BAND} AS band, {_SUMS}
FROM report_portfolio_months
WHERE tenant_id = $1 AND month < $3[cardinality($3::date[])]
GROUP BY 2, 3, 4, 5
UNION ALL
SELECT 1, width_bucket(e.day, $4::date[]), currency, {_GENDER}, {_BAND}, {_SUMS}
FROM report_loan_events e JOIN unnest($5::date[], $6::date[]) AS r(s, x)
  ON e.day >= r.s AND e.day < r.x
WHERE e.tenant_id = $1
GROUP BY 2, 3, 4, 5
UNION ALL
SELECT 2, p.n, currency, {_GENDER}, {_BAND},
       {
    ", ".join(
        "count(DISTINCT loan_id)"
        if name == "loans_due"
        else "count(DISTINCT loan_id) FILTER (WHERE amount_paid_on_time > 0)"
        if name == "loans_paid_on_time"
        else "0"
        for name in MEASURES
    )
}
FROM report_loan_events e JOIN unnest($7::int[], $8::date[], $9::date[]) AS p(n, s, x)
  ON e.day BETWEEN p.s AND p.x
WHERE e.tenant_id = $1 AND e.installments_due > 0
GROUP BY 2, 3, 4, 5
"""

Cell = tuple[str, str, str]  # (currency, gender, band)
#: The flows, each led by the count of loans it is shown with.
_FLOWS = (
    ("loans_disbursed", "amount_disbursed"),
    ("loans_written_off", "principal_written_off"),
    ("loans_due", "amount_due", "loans_paid_on_time", "amount_paid_on_time"),
)


async def refresh(conn: asyncpg.Connection, tenant_id: uuid.UUID) -> int:
    """Bring the tenant's loan facts up to date (in the caller's tenant transaction);
    returns how many loans were stale. Concurrent refreshes of a tenant wait for each
    other, so each sees the other's result. A loan written between the check and its
    derivation is derived from, and stamped with, the newer version of its row."""
    await conn.execute(
        "SELECT pg_advisory_xact_lock($1, $2)",
        _LOCK_CLASS,
        zlib.crc32(tenant_id.bytes) - 2**31,
    )
    stale = await conn.fetch(_STALE_SQL, tenant_id)
    for first in range(0, len(stale), _CHUNK):
        columns = zip(*stale[first : first + _CHUNK], strict=True)
        await conn.execute(_REFRESH_SQL, tenant_id, *(list(column) for column in columns))
    return len(stale)


def _month(day: date) -> date:
    return day.replace(day=1)


def _by_marker(period: Period) -> bool:
    """Whether a period's loans due and paid on time are the sums of the first-in-month
    markers: it starts on a month's first day and ends in that month."""
    return period.start.day == 1 and _month(period.end) == period.start


@dataclass(frozen=True)
class Plan:
    """What to read for a list of periods: F at each period's first day and the day after
    its last (`cuts`), and the periods whose loan counts need distinct loans."""

    cuts: list[date]
    months: list[date]
    bounds: list[date]
    ranges: list[tuple[date, date]]
    distinct: list[tuple[int, date, date]]

    @classmethod
    def of(cls, periods: Sequence[Period]) -> Plan:
        cuts = sorted({day for p in periods for day in (p.start, p.end + timedelta(days=1))})
        partial = [x for x in cuts if x.day != 1]
        ranges: dict[date, date] = {}
        for x in partial:
            ranges[_month(x)] = max(x, ranges.get(_month(x), x))
        return cls(
            cuts=cuts,
            months=sorted({_month(x) for x in cuts}),
            bounds=sorted({*partial, *ranges}),
            ranges=sorted(ranges.items()),
            distinct=[
                (n, p.start, p.end) for n, p in enumerate(periods, start=1) if not _by_marker(p)
            ],
        )

    def arguments(self, reference_year: int) -> list[Any]:
        return [
            reference_year,
            self.months,
            self.bounds,
            [s for s, _ in self.ranges],
            [x for _, x in self.ranges],
            [n for n, _, _ in self.distinct],
            [s for _, s, _ in self.distinct],
            [x for _, _, x in self.distinct],
        ]


async def read(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, plan: Plan, reference_year: int
) -> list[asyncpg.Record]:
    """The tenant's sums for `plan`: monthly sums by bucket, the open months' events by
    bucket, distinct loans per period; gender and age band (in `reference_year`) cells."""
    rows: list[asyncpg.Record] = await conn.fetch(
        _READ_SQL, tenant_id, *plan.arguments(reference_year)
    )
    return rows


def _prefix(buckets: dict[int, list[int]], last: int) -> list[list[int]]:
    """Running sums of numbered buckets: item j is the sum of buckets 0 .. j - 1."""
    total = [0] * len(MEASURES)
    result = [total]
    for k in range(last + 1):
        total = [t + v for t, v in zip(total, buckets[k], strict=True)] if k in buckets else total
        result.append(total)
    return result


def cells(
    rows: Iterable[Any], plan: Plan, periods: Sequence[Period]
) -> dict[tuple[int, str, str, str], dict[str, int]]:
    """One tenant's rows as measure sums per (period, currency, gender, band), the
    report's cells: a flow only where a loan moved, the balances where any is not 0."""
    monthly: dict[Cell, dict[int, list[int]]] = defaultdict(dict)
    daily: dict[Cell, dict[int, list[int]]] = defaultdict(dict)
    distinct: dict[tuple[int, Cell], tuple[int, int]] = {}
    for row in rows:
        cell = (row["currency"], row["gender"], row["band"])
        values = [row[name] for name in MEASURES]
        if row["part"] == 0:
            monthly[cell][row["b"]] = values
        elif row["part"] == 1:
            daily[cell][row["b"]] = values
        else:
            distinct[(row["b"], cell)] = (row["loans_due"], row["loans_paid_on_time"])
    month_index = {m: k for k, m in enumerate(plan.months, start=1)}
    bound_index = {b: k for k, b in enumerate(plan.bounds, start=1)}

    def before(cell: Cell) -> dict[date, list[int]]:
        """F(x) at every cut x: the sum of the cell's changes dated before x."""
        months = _prefix(monthly.get(cell, {}), len(plan.months))
        days = _prefix(daily.get(cell, {}), len(plan.bounds))
        result = {}
        for x in plan.cuts:
            total = months[month_index[_month(x)]]
            if x.day != 1:
                since, until = days[bound_index[_month(x)]], days[bound_index[x]]
                total = [t + b - a for t, a, b in zip(total, since, until, strict=True)]
            result[x] = total
        return result

    index = {name: i for i, name in enumerate(MEASURES)}
    counted = {n for n, _, _ in plan.distinct}
    result: dict[tuple[int, str, str, str], dict[str, int]] = defaultdict(dict)
    for cell in {*monthly, *daily}:
        at = before(cell)
        for n, period in enumerate(periods, start=1):
            start, end = at[period.start], at[period.end + timedelta(days=1)]
            flow = [b - a for a, b in zip(start, end, strict=True)]
            if n in counted:
                due, paid = distinct.get((n, cell), (0, 0))
                flow[index["loans_due"]], flow[index["loans_paid_on_time"]] = due, paid
            key = (n, *cell)
            for names in _FLOWS:
                if flow[index[names[0]]]:  # a loan moved
                    result[key].update({name: flow[index[name]] for name in names})
            loans, opening = end[index["loans_outstanding"]], start[index["principal_outstanding"]]
            if loans or opening or end[index["loans_par30"]]:
                result[key].update(
                    loans_outstanding=loans,
                    principal_outstanding=end[index["principal_outstanding"]],
                    opening_principal=opening,
                    loans_par30=end[index["loans_par30"]],
                    principal_par30=end[index["principal_par30"]],
                )
    return result
