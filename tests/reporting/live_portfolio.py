"""The portfolio report computed straight from the ledger, as the API did before its
facts were kept (`reporting.portfolio`): the reference the fast path is compared with.

One change from the SQL the API ran: an installment counts as due in its period whatever
became of its loan since (closed early, written off). The API used to drop the
installments of loans that ended before the report's first day, so a month's figures
depended on where the report started (a loan closed on 30 May two days ahead of its last
installment, due 1 June, counted in June of a January-December report but not in a
report of June alone). `rep`, `inst` and the `due` rows now take every loan.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import asyncpg

from platform_api.reporting import metrics
from platform_api.reporting.metrics import Period
from platform_api.reporting.service import PortfolioCells, Scope

_GENDER = metrics.gender_sql("en.gender")
_BAND = metrics.age_band_sql("en.birth_year", "$5::int")

# $2 is the ascending list of days balances are taken on (each period's last day and the
# day before it starts); a loan is active on day $2[j] for a <= j < e. $6 are the
# periods' first days, for flows. Amounts paid count by `paid_on` and fill installments
# oldest first (the ledger's rule), so what was paid by a day follows from the running
# total of repayments: an installment is paid on time up to the part of the running total
# at its due date that falls in its slice of the schedule's running total, and is behind
# (beyond the tolerance amount) until the running total reaches its slice's end.
_PORTFOLIO_SQL = f"""
WITH loan AS MATERIALIZED (
    SELECT l.id, l.currency, l.principal, l.principal_written_off, l.disbursement_date,
           l.written_off_on, l.arrears_tolerance_amount AS tolerance,
           greatest(30, l.arrears_tolerance_days) AS grace,
           width_bucket(l.disbursement_date - 1, $2::date[]) + 1 AS a,
           width_bucket(coalesce(least(l.closed_on, l.written_off_on), 'infinity') - 1,
                        $2::date[]) + 1 AS e,
           {_GENDER} AS gender, {_BAND} AS band
    FROM loans l
    JOIN entrepreneurs en ON en.tenant_id = l.tenant_id AND en.id = l.entrepreneur_id
    WHERE l.tenant_id = $1 AND l.disbursement_date <= $4
      AND coalesce(least(l.closed_on, l.written_off_on), 'infinity') >= $3
), rep AS MATERIALIZED (
    SELECT r.loan_id, r.paid_on, r.principal, r.principal + r.interest + r.fees AS paid,
           width_bucket(r.paid_on - 1, $2::date[]) + 1 AS b
    FROM loan_repayments r
    WHERE r.tenant_id = $1 AND r.status = 'posted' AND r.paid_on <= $4
), inst AS MATERIALIZED (
    SELECT i.loan_id, i.due_date, i.principal + i.interest + i.fees AS total,
           sum(i.principal + i.interest + i.fees)
               OVER (PARTITION BY i.loan_id ORDER BY i.number) AS cum
    FROM loan_installments i
    WHERE i.tenant_id = $1 AND i.due_date <= $4
), timeline AS (
    SELECT loan_id, paid_on AS day, 0 AS kind, paid AS amount, 0::bigint AS total,
           0::bigint AS cum
    FROM rep
    UNION ALL
    SELECT loan_id, due_date, 1, 0, total, cum FROM inst WHERE due_date >= $3
), on_time AS (
    SELECT loan_id, day, kind, total,
           greatest(0, least(total, sum(amount) OVER (PARTITION BY loan_id ORDER BY day, kind
                                                      ROWS UNBOUNDED PRECEDING)
                                    - (cum - total))) AS paid
    FROM timeline
), due AS (
    SELECT loan_id, width_bucket(day, $6::date[]) AS n, sum(total) AS amount,
           sum(paid) AS paid
    FROM on_time WHERE kind = 1 GROUP BY 1, 2
), clearing AS (
    SELECT i.loan_id, 0 AS kind, i.cum - l.tolerance AS level, NULL::date AS day,
           i.due_date + l.grace + 1 AS risky_from
    FROM inst i JOIN loan l ON l.id = i.loan_id
    WHERE i.total > l.tolerance AND i.due_date + l.grace + 1 <= $4
    UNION ALL
    SELECT loan_id, 1, sum(paid) OVER (PARTITION BY loan_id ORDER BY paid_on
                                       ROWS UNBOUNDED PRECEDING), paid_on, NULL
    FROM rep
), risk AS (
    SELECT loan_id, kind, risky_from,
           min(day) OVER (PARTITION BY loan_id ORDER BY level, kind
                          ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS cleared_on
    FROM clearing
), at_risk AS (  -- the days $2[j] with risky_from <= day < cleared_on
    SELECT DISTINCT r.loan_id, j
    FROM risk r,
         generate_series(width_bucket(r.risky_from - 1, $2::date[]) + 1,
                         width_bucket(coalesce(r.cleared_on, 'infinity') - 1, $2::date[])) AS j
    WHERE r.kind = 0
), at_risk_principal AS (
    SELECT p.loan_id, p.j, coalesce(sum(r.principal) FILTER (WHERE r.b <= p.j), 0) AS repaid
    FROM at_risk p LEFT JOIN rep r ON r.loan_id = p.loan_id
    GROUP BY 1, 2
), borrower AS (
    SELECT l.id, l.currency, {_GENDER} AS gender, {_BAND} AS band
    FROM loans l
    JOIN entrepreneurs en ON en.tenant_id = l.tenant_id AND en.id = l.entrepreneur_id
    WHERE l.tenant_id = $1
), days AS (
    SELECT j FROM generate_series(1, cardinality($2::date[])) AS j
), loan_spans AS (
    SELECT currency, gender, band, a, e, count(*) AS loans, sum(principal) AS principal
    FROM loan GROUP BY 1, 2, 3, 4, 5
), repaid_spans AS (
    SELECT l.currency, l.gender, l.band, greatest(l.a, r.b) AS a, l.e,
           sum(r.principal) AS principal
    FROM rep r JOIN loan l ON l.id = r.loan_id
    GROUP BY 1, 2, 3, 4, 5
)
SELECT 'stock' AS kind, d.j, s.currency, s.gender, s.band, sum(s.loans)::bigint AS c1,
       sum(s.principal)::bigint AS c2, 0 AS c3, 0 AS c4
FROM loan_spans s JOIN days d ON s.a <= d.j AND d.j < s.e
GROUP BY 2, 3, 4, 5
UNION ALL
SELECT 'repaid', d.j, s.currency, s.gender, s.band, 0, sum(s.principal)::bigint, 0, 0
FROM repaid_spans s JOIN days d ON s.a <= d.j AND d.j < s.e
GROUP BY 2, 3, 4, 5
UNION ALL
SELECT 'par', p.j, l.currency, l.gender, l.band, count(*),
       sum(l.principal - p.repaid)::bigint, 0, 0
FROM at_risk_principal p JOIN loan l ON l.id = p.loan_id AND l.a <= p.j AND p.j < l.e
GROUP BY 2, 3, 4, 5
UNION ALL
SELECT 'disbursed', width_bucket(disbursement_date, $6::date[]), currency, gender, band,
       count(*), sum(principal)::bigint, 0, 0
FROM loan WHERE disbursement_date >= $3
GROUP BY 2, 3, 4, 5
UNION ALL
SELECT 'written_off', width_bucket(written_off_on, $6::date[]), currency, gender, band,
       count(*), sum(principal_written_off)::bigint, 0, 0
FROM loan WHERE written_off_on BETWEEN $3 AND $4
GROUP BY 2, 3, 4, 5
UNION ALL
SELECT 'due', d.n, l.currency, l.gender, l.band, count(*), sum(d.amount)::bigint,
       count(*) FILTER (WHERE d.paid > 0), sum(d.paid)::bigint
FROM due d JOIN borrower l ON l.id = d.loan_id
GROUP BY 2, 3, 4, 5
"""

#: Where each kind of row of _PORTFOLIO_SQL goes: (measure of c1, c2, c3, c4).
_FLOWS = {
    "disbursed": ("loans_disbursed", "amount_disbursed", None, None),
    "written_off": ("loans_written_off", "principal_written_off", None, None),
    "due": ("loans_due", "amount_due", "loans_paid_on_time", "amount_paid_on_time"),
}


def _balance_days(periods: Sequence[Period]) -> list[date]:
    """The days balances are needed on: each period's last day and the day before it."""
    return sorted({day for p in periods for day in (p.start - timedelta(days=1), p.end)})


def _portfolio_cells(
    rows: Iterable[asyncpg.Record], periods: Sequence[Period], days: list[date]
) -> dict[tuple[int, str, str, str], dict[str, int]]:
    """One tenant's rows as measure sums per (period, currency, gender, band)."""
    on_day: dict[tuple[str, int, str, str, str], tuple[int, int]] = {}
    cells: dict[tuple[int, str, str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        kind, cell = row["kind"], (row["currency"], row["gender"], row["band"])
        if kind in _FLOWS:
            sums = cells[(row["j"], *cell)]
            for name, column in zip(_FLOWS[kind], ("c1", "c2", "c3", "c4"), strict=True):
                if name is not None:
                    sums[name] += row[column]
        else:
            on_day[(kind, row["j"], *cell)] = (row["c1"], row["c2"])
    index = {day: j for j, day in enumerate(days, start=1)}
    currencies_cells = {key[2:] for key in on_day}
    for n, period in enumerate(periods, start=1):
        end, before = index[period.end], index[period.start - timedelta(days=1)]
        for cell in currencies_cells:
            loans, principal = on_day.get(("stock", end, *cell), (0, 0))
            repaid = on_day.get(("repaid", end, *cell), (0, 0))[1]
            opening = on_day.get(("stock", before, *cell), (0, 0))[1]
            opening -= on_day.get(("repaid", before, *cell), (0, 0))[1]
            par_loans, par_principal = on_day.get(("par", end, *cell), (0, 0))
            if not (loans or opening or par_loans):
                continue
            sums = cells[(n, *cell)]
            sums["loans_outstanding"] += loans
            sums["principal_outstanding"] += principal - repaid
            sums["opening_principal"] += opening
            sums["loans_par30"] += par_loans
            sums["principal_par30"] += par_principal
    return cells


async def live_cells(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, scope: Scope
) -> PortfolioCells:
    """One tenant's cells from the ledger, in the caller's tenant transaction."""
    periods = scope.periods
    days = _balance_days(periods)
    rows = await conn.fetch(
        _PORTFOLIO_SQL,
        tenant_id,
        days,
        scope.start,
        scope.end,
        scope.end.year,
        [p.start for p in periods],
    )
    return _portfolio_cells(rows, periods, days)
