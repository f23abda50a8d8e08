"""Funder reports: who may read which tenants, the per-tenant aggregates, and the rows.

Every tenant is read in its own transaction (row-level security holds: no query ever
sees two tenants), several tenants at once on the pool. The database returns sums per
period and (gender, age band); `metrics` turns them into rows and hides small cells.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, TypeVar

import asyncpg

from platform_api.auth import scopes as scope_names
from platform_api.auth.principals import Principal, PrincipalKind
from platform_api.core.db import Database
from platform_api.core.errors import Problem, not_found
from platform_api.core.metering import BUCKETS, percentile_ms
from platform_api.funders import service as funders
from platform_api.reporting import metrics, portfolio
from platform_api.reporting.metrics import ALL, Category, Period
from platform_api.reporting.schemas import (
    GroupBy,
    ImpactReport,
    ImpactRow,
    PortfolioReport,
    PortfolioRow,
    UsagePeriod,
    UsageReport,
    UsageRow,
)
from platform_api.reporting.suppression import DEFAULT_K, MIN_K

T = TypeVar("T")

#: Tenants read at once by one report (each holds a pool connection meanwhile).
_CONCURRENT_TENANTS = 4
#: The tenant setting that raises k.
K_SETTING = "report_suppression_k"

_GENDER = metrics.gender_sql("en.gender")
#: The age band of the entrepreneur `en`; every report query passes the year as $5.
_BAND = metrics.age_band_sql("en.birth_year", "$5::int")


# --------------------------------------------------------------------------- audience


async def readable_tenants(
    db: Database, principal: Principal, requested: Sequence[uuid.UUID] | None
) -> list[uuid.UUID]:
    """The tenants this caller may read, narrowed to `requested`: a tenant's client with
    `reports:read` reads itself, a funder the tenants whose grant is live now, the
    operator every tenant. A tenant outside that set is 404 (not revealed)."""
    if principal.kind is PrincipalKind.OPERATOR:
        rows = await db.pool.fetch("SELECT id FROM tenants ORDER BY id")
        allowed = [row["id"] for row in rows]
    elif principal.kind is PrincipalKind.FUNDER and principal.funder_id is not None:
        _require(principal, scope_names.FUNDER)
        allowed = await funders.granted_tenants(db, funder_id=principal.funder_id)
    elif principal.kind is PrincipalKind.TENANT and principal.tenant_id is not None:
        _require(principal, "reports:read")
        allowed = [principal.tenant_id]
    else:
        raise Problem(403, "This token cannot read reports.", slug="forbidden")
    if not requested:
        return allowed
    permitted = set(allowed)
    for tenant_id in requested:
        if tenant_id not in permitted:
            raise not_found("Tenant")
    return sorted(set(requested))


def _require(principal: Principal, scope: str) -> None:
    if scope not in principal.scopes:
        raise Problem(403, f"This token lacks the scope(s): {scope}.", slug="insufficient-scope")


async def thresholds(db: Database, tenant_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Each tenant's k: its `report_suppression_k` setting if it is a whole number, else
    the default, and never below the minimum."""
    rows = await db.pool.fetch(
        f"SELECT id, settings->'{K_SETTING}' AS k FROM tenants WHERE id = ANY($1::uuid[])",
        list(tenant_ids),
    )
    result = {}
    for row in rows:
        configured = row["k"]
        k = configured if isinstance(configured, int) and not isinstance(configured, bool) else 0
        result[row["id"]] = max(MIN_K, k or DEFAULT_K)
    return result


async def _each_tenant(
    db: Database,
    tenant_ids: Sequence[uuid.UUID],
    read: Callable[[asyncpg.Connection, uuid.UUID], Awaitable[T]],
) -> list[tuple[uuid.UUID, T]]:
    """`read` in a transaction of each tenant, a few tenants at a time."""
    gate = asyncio.Semaphore(_CONCURRENT_TENANTS)

    async def one(tenant_id: uuid.UUID) -> tuple[uuid.UUID, T]:
        async with gate, db.transaction(tenant_id) as conn:
            return tenant_id, await read(conn, tenant_id)

    return list(await asyncio.gather(*(one(t) for t in tenant_ids)))


# --------------------------------------------------------------------------- grouping


@dataclass(frozen=True)
class Scope:
    """What one report covers."""

    start: date
    end: date
    group_by: frozenset[GroupBy]
    tenant_ids: list[uuid.UUID]

    @property
    def periods(self) -> list[Period]:
        return metrics.periods(self.start, self.end, monthly=GroupBy.MONTH in self.group_by)

    def tenant_key(self, tenant_id: uuid.UUID) -> uuid.UUID | None:
        return tenant_id if GroupBy.TENANT in self.group_by else None


#: Measure sums per (period, currency, gender, band) of one tenant.
PortfolioCells = dict[tuple[int, str, str, str], dict[str, int]]
GroupKey = tuple[int, uuid.UUID | None, str]  # (period index, tenant or None, currency or "")


class Cubes:
    """Measure sums per group and (gender, age band), summed over tenants when the report
    is not grouped by tenant; k per group is the largest of its tenants'."""

    def __init__(self, scope: Scope, ks: dict[uuid.UUID, int]) -> None:
        self.scope = scope
        self.ks = ks
        self.sums: dict[GroupKey, dict[tuple[str, str], dict[str, int]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(int))
        )
        self.k: dict[GroupKey, int] = {}

    def add(
        self,
        tenant_id: uuid.UUID,
        period: int,
        currency: str,
        gender: str,
        band: str,
        values: Mapping[str, int],
    ) -> None:
        key = (period, self.scope.tenant_key(tenant_id), currency)
        k = self.ks.get(tenant_id, DEFAULT_K)
        if self.k.get(key, 0) < k:
            self.k[key] = k
        cell = self.sums[key][(gender, band)]
        for name, value in values.items():
            if value:
                cell[name] += value

    def groups(self) -> list[tuple[GroupKey, dict[tuple[str, str], dict[str, int]]]]:
        return sorted(self.sums.items(), key=lambda item: (item[0][0], str(item[0][1]), item[0][2]))


def _rows(
    cubes: Cubes,
    *,
    counts: Sequence[str],
    amounts: dict[str, str],
    derived: Callable[[Category, dict[Category, dict[str, int]]], dict[str, Any]],
    needs: dict[str, Callable[[Category], list[tuple[Category, str]]]],
    measures: Iterable[str],
) -> list[tuple[GroupKey, Category, dict[str, Any]]]:
    """Rows of every group with suppression applied: counts as they are (or hidden),
    `amounts` shown with the count they rest on, derived values (rates) shown only if
    every count they `need` is shown."""
    result = []
    names = list(measures)
    for key, cube in cubes.groups():
        table = metrics.breakdown(cube, names)
        hidden = metrics.hidden_counts(table, counts, cubes.k[key])
        for category in metrics.categories():
            row = table[category]
            cells: list[tuple[str, Any, bool]] = [
                (name, row[name], (category, name) in hidden) for name in counts
            ]
            cells += [
                (name, row[name], (category, basis) in hidden) for name, basis in amounts.items()
            ]
            cells += [
                (name, value, any(cell in hidden for cell in needs[name](category)))
                for name, value in derived(category, table).items()
            ]
            values: dict[str, Any] = {name: None if hide else value for name, value, hide in cells}
            suppressed = [name for name, _, hide in cells if hide]
            values["suppressed"] = suppressed
            result.append((key, category, values))
    return result


def _placed(periods: Sequence[Period], key: GroupKey, category: Category) -> dict[str, Any]:
    """Where a report row sits: its period, tenant (or None) and breakdown."""
    period = periods[key[0] - 1]
    return {
        "period_start": period.start,
        "period_end": period.end,
        "tenant_id": key[1],
        "dimension": category[0],
        "category": category[1],
    }


def _same_row(*measures: str) -> Callable[[Category], list[tuple[Category, str]]]:
    return lambda category: [(category, measure) for measure in measures]


# --------------------------------------------------------------------------- impact

_IMPACT_SQL = f"""
WITH touch AS (
    SELECT id AS entrepreneur_id, (created_at AT TIME ZONE 'UTC')::date AS day, false AS engaged
    FROM entrepreneurs WHERE tenant_id = $1 AND created_at >= $3::date - 1
    UNION ALL
    SELECT entrepreneur_id, surveyed_on, false FROM outcome_surveys
    WHERE tenant_id = $1 AND surveyed_on BETWEEN $3 AND $4
    UNION ALL
    SELECT entrepreneur_id, (created_at AT TIME ZONE 'UTC')::date, true FROM loan_applications
    WHERE tenant_id = $1 AND created_at >= $3::date - 1
    UNION ALL
    SELECT entrepreneur_id, disbursement_date, false FROM loans
    WHERE tenant_id = $1 AND disbursement_date BETWEEN $3 AND $4
    UNION ALL
    SELECT entrepreneur_id, (proposed_at AT TIME ZONE 'UTC')::date, true FROM matches
    WHERE tenant_id = $1 AND proposed_at >= $3::date - 1
    UNION ALL
    SELECT m.entrepreneur_id, s.held_on, true
    FROM mentoring_sessions s JOIN matches m ON m.tenant_id = s.tenant_id AND m.id = s.match_id
    WHERE s.tenant_id = $1 AND s.held_on BETWEEN $3 AND $4
    UNION ALL
    SELECT m.entrepreneur_id, c.paid_on, true
    FROM lending_circle_contributions c
    JOIN lending_circle_members m ON m.tenant_id = c.tenant_id AND m.id = c.member_id
    WHERE c.tenant_id = $1 AND c.paid_on BETWEEN $3 AND $4
), reached AS (
    SELECT width_bucket(day, $2::date[]) AS n, entrepreneur_id, bool_or(engaged) AS engaged
    FROM touch WHERE day BETWEEN $3 AND $4 GROUP BY 1, 2
), latest_follow_up AS (
    SELECT DISTINCT ON (n, entrepreneur_id) width_bucket(surveyed_on, $2::date[]) AS n,
           entrepreneur_id, earns_from_own_business OR earns_from_gigs AS earning
    FROM outcome_surveys
    WHERE tenant_id = $1 AND kind = 'follow_up' AND surveyed_on BETWEEN $3 AND $4
    ORDER BY n, entrepreneur_id, surveyed_on DESC, created_at DESC
), cohort AS (
    SELECT f.n, f.entrepreneur_id, f.earning AS at_follow_up,
           b.earns_from_own_business OR b.earns_from_gigs AS at_baseline
    FROM latest_follow_up f
    JOIN outcome_surveys b ON b.tenant_id = $1 AND b.entrepreneur_id = f.entrepreneur_id
                          AND b.kind = 'baseline'
)
SELECT r.n, {_GENDER} AS gender, {_BAND} AS band,
       count(*) AS entrepreneurs_reached,
       count(*) FILTER (WHERE r.engaged) AS entrepreneurs_engaged,
       count(c.entrepreneur_id) AS earning_cohort,
       count(*) FILTER (WHERE c.at_baseline) AS earning_at_baseline,
       count(*) FILTER (WHERE c.at_follow_up) AS earning_at_follow_up
FROM reached r
JOIN entrepreneurs en ON en.tenant_id = $1 AND en.id = r.entrepreneur_id
LEFT JOIN cohort c ON c.n = r.n AND c.entrepreneur_id = r.entrepreneur_id
GROUP BY 1, 2, 3
"""

# Mentoring in the period, by the entrepreneur's gender and age band: match events by
# their own dates, sessions by the day held, and (rows with days_to_match) the people whose
# first accepted match ever fell in the period, by days from registration to it.
_MENTORING_SQL = f"""
WITH event AS (
    SELECT entrepreneur_id, (proposed_at AT TIME ZONE 'UTC')::date AS day, 1 AS proposed,
           0 AS accepted, 0 AS completed, 0 AS sessions, 0 AS minutes
    FROM matches WHERE tenant_id = $1 AND proposed_at >= $3::date - 1
    UNION ALL
    SELECT entrepreneur_id, (accepted_at AT TIME ZONE 'UTC')::date, 0, 1, 0, 0, 0
    FROM matches WHERE tenant_id = $1 AND accepted_at >= $3::date - 1
    UNION ALL
    SELECT entrepreneur_id, (completed_at AT TIME ZONE 'UTC')::date, 0, 0, 1, 0, 0
    FROM matches WHERE tenant_id = $1 AND completed_at >= $3::date - 1
    UNION ALL
    SELECT m.entrepreneur_id, s.held_on, 0, 0, 0, 1, s.minutes
    FROM mentoring_sessions s JOIN matches m ON m.tenant_id = s.tenant_id AND m.id = s.match_id
    WHERE s.tenant_id = $1 AND s.held_on BETWEEN $3 AND $4
), first_match AS (
    SELECT entrepreneur_id, min(accepted_at AT TIME ZONE 'UTC')::date AS day
    FROM matches WHERE tenant_id = $1 AND accepted_at IS NOT NULL
    GROUP BY 1
)
SELECT width_bucket(e.day, $2::date[]) AS n, {_GENDER} AS gender, {_BAND} AS band,
       NULL::int AS days_to_match, sum(e.proposed) AS matches_proposed,
       sum(e.accepted) AS matches_accepted, sum(e.completed) AS matches_completed,
       sum(e.sessions) AS sessions, sum(e.minutes) AS session_minutes,
       0 AS entrepreneurs_first_matched
FROM event e JOIN entrepreneurs en ON en.tenant_id = $1 AND en.id = e.entrepreneur_id
WHERE e.day BETWEEN $3 AND $4
GROUP BY 1, 2, 3
UNION ALL
SELECT width_bucket(f.day, $2::date[]), {_GENDER}, {_BAND},
       greatest(0, f.day - (en.created_at AT TIME ZONE 'UTC')::date), 0, 0, 0, 0, 0, count(*)
FROM first_match f JOIN entrepreneurs en ON en.tenant_id = $1 AND en.id = f.entrepreneur_id
WHERE f.day BETWEEN $3 AND $4
GROUP BY 1, 2, 3, 4
"""

_IMPACT_COUNTS = (
    "entrepreneurs_reached",
    "entrepreneurs_engaged",
    "earning_cohort",
    "earning_at_baseline",
    "earning_at_follow_up",
)
_MENTORING_COUNTS = (
    "matches_proposed",
    "matches_accepted",
    "matches_completed",
    "entrepreneurs_first_matched",
    "sessions",
)
_HOUR = Decimal("0.01")


def _arguments(scope: Scope, dates: list[date]) -> list[Any]:
    """$2-$5 of a report query: `dates` (ascending), the range, and the age year."""
    return [dates, scope.start, scope.end, scope.end.year]


async def impact_report(db: Database, scope: Scope) -> ImpactReport:
    ks = await thresholds(db, scope.tenant_ids)
    arguments = _arguments(scope, [p.start for p in scope.periods])

    async def read(
        conn: asyncpg.Connection, tenant_id: uuid.UUID
    ) -> tuple[list[asyncpg.Record], list[asyncpg.Record]]:
        reach = await conn.fetch(_IMPACT_SQL, tenant_id, *arguments)
        mentoring = await conn.fetch(_MENTORING_SQL, tenant_id, *arguments)
        return reach, mentoring

    cubes = Cubes(scope, ks)
    #: Days to a first match: per group, per (gender, band), how many took each number.
    days_to_match: dict[GroupKey, dict[tuple[str, str], Counter[int]]] = defaultdict(
        lambda: defaultdict(Counter)
    )
    for tenant_id, (reach, mentoring) in await _each_tenant(db, scope.tenant_ids, read):
        for row in reach:
            cubes.add(
                tenant_id,
                row["n"],
                "",
                row["gender"],
                row["band"],
                {name: row[name] for name in _IMPACT_COUNTS},
            )
        for row in mentoring:
            cell = (row["gender"], row["band"])
            cubes.add(
                tenant_id,
                row["n"],
                "",
                *cell,
                {
                    "session_minutes": row["session_minutes"],
                    **{name: row[name] for name in _MENTORING_COUNTS},
                },
            )
            if row["days_to_match"] is not None:
                key = (row["n"], scope.tenant_key(tenant_id), "")
                days_to_match[key][cell][row["days_to_match"]] += row["entrepreneurs_first_matched"]

    def derived(category: Category, table: dict[Category, dict[str, int]]) -> dict[str, Any]:
        row = table[category]
        values = {
            "session_hours": (Decimal(row["session_minutes"]) / 60).quantize(_HOUR),
            "earning_rate_at_baseline": metrics.ratio(
                row["earning_at_baseline"], row["earning_cohort"]
            ),
            "earning_rate_at_follow_up": metrics.ratio(
                row["earning_at_follow_up"], row["earning_cohort"]
            ),
        }
        if category == (ALL, ALL):
            reached = row["entrepreneurs_reached"]
            values["share_women"] = metrics.ratio(
                table[("gender", "female")]["entrepreneurs_reached"], reached
            )
            values["share_aged_18_34"] = metrics.ratio(
                table[("age_band", "18_34")]["entrepreneurs_reached"], reached
            )
        return values

    def shares(category: Category) -> Callable[[Category], list[tuple[Category, str]]]:
        return lambda all_row: [
            (all_row, "entrepreneurs_reached"),
            (category, "entrepreneurs_reached"),
        ]

    needs = {
        "earning_rate_at_baseline": _same_row("earning_at_baseline", "earning_cohort"),
        "earning_rate_at_follow_up": _same_row("earning_at_follow_up", "earning_cohort"),
        "share_women": shares(("gender", "female")),
        "share_aged_18_34": shares(("age_band", "18_34")),
        "session_hours": _same_row("sessions"),
    }
    periods = scope.periods
    rows = _rows(
        cubes,
        counts=(*_IMPACT_COUNTS, *_MENTORING_COUNTS),
        amounts={},
        derived=derived,
        needs=needs,
        measures=(*_IMPACT_COUNTS, *_MENTORING_COUNTS, "session_minutes"),
    )
    medians = {key: metrics.medians(cells) for key, cells in days_to_match.items()}
    data = []
    for key, category, values in rows:
        # A median is not additive: it rests only on its count being shown.
        hidden = "entrepreneurs_first_matched" in values["suppressed"]
        values["median_days_to_match"] = None if hidden else medians.get(key, {}).get(category)
        if hidden:
            values["suppressed"].append("median_days_to_match")
        data.append(ImpactRow(**_placed(periods, key, category), **values))
    return ImpactReport(**_meta(scope, cubes), data=data)


def _meta(scope: Scope, cubes: Cubes) -> dict[str, Any]:
    return {
        "start": scope.start,
        "end": scope.end,
        "group_by": sorted(scope.group_by),
        "tenant_ids": scope.tenant_ids,
        "k": max(cubes.ks.values(), default=DEFAULT_K),
        "generated_at": datetime.now(UTC),
    }


# --------------------------------------------------------------------------- portfolio

# Lending circles, by member (their gender and age band): members of circles that ended
# in the period, completed or cancelled, and each member's contributions due in it (a
# round's due date; a cancelled circle's rounds only up to its cancellation), on time when
# the member had paid the whole contribution by the due date. Read live: circles are few
# beside loans.
_CIRCLES_SQL = f"""
WITH member AS (
    SELECT m.id AS member_id, c.id AS circle_id, c.currency, c.status, c.contribution_amount,
           CASE c.status WHEN 'completed' THEN c.completed_on
                         WHEN 'cancelled' THEN (c.cancelled_at AT TIME ZONE 'UTC')::date
           END AS ended_on,
           (c.cancelled_at AT TIME ZONE 'UTC')::date AS cancelled_on,
           {_GENDER} AS gender, {_BAND} AS band
    FROM lending_circles c
    JOIN lending_circle_members m ON m.tenant_id = c.tenant_id AND m.circle_id = c.id
    JOIN entrepreneurs en ON en.tenant_id = m.tenant_id AND en.id = m.entrepreneur_id
    WHERE c.tenant_id = $1 AND c.status IN ('active', 'completed', 'cancelled')
), paid_by_due AS (
    SELECT k.member_id, k.round, sum(k.amount) AS amount
    FROM lending_circle_contributions k
    JOIN lending_circle_rounds r
      ON r.tenant_id = k.tenant_id AND r.circle_id = k.circle_id AND r.number = k.round
    WHERE k.tenant_id = $1 AND r.due_date BETWEEN $3 AND $4 AND k.paid_on <= r.due_date
    GROUP BY 1, 2
), due AS (
    SELECT mb.currency, mb.gender, mb.band, r.due_date,
           coalesce(p.amount, 0) >= mb.contribution_amount AS on_time
    FROM member mb
    JOIN lending_circle_rounds r ON r.tenant_id = $1 AND r.circle_id = mb.circle_id
    LEFT JOIN paid_by_due p ON p.member_id = mb.member_id AND p.round = r.number
    WHERE r.due_date BETWEEN $3 AND $4
      AND (mb.cancelled_on IS NULL OR r.due_date <= mb.cancelled_on)
)
SELECT width_bucket(ended_on, $2::date[]) AS n, currency, gender, band,
       count(*) AS circle_members_ended,
       count(*) FILTER (WHERE status = 'completed') AS circle_members_completed,
       0 AS circle_contributions_due, 0 AS circle_contributions_on_time
FROM member WHERE ended_on BETWEEN $3 AND $4
GROUP BY 1, 2, 3, 4
UNION ALL
SELECT width_bucket(due_date, $2::date[]), currency, gender, band, 0, 0, count(*),
       count(*) FILTER (WHERE on_time)
FROM due
GROUP BY 1, 2, 3, 4
"""
_CIRCLE_COUNTS = (
    "circle_members_ended",
    "circle_members_completed",
    "circle_contributions_due",
    "circle_contributions_on_time",
)

_PORTFOLIO_COUNTS = (
    "loans_disbursed",
    "loans_outstanding",
    "loans_due",
    "loans_paid_on_time",
    "loans_par30",
    "loans_written_off",
    *_CIRCLE_COUNTS,
)
#: Amounts, each shown only with the count of loans it sums over.
_PORTFOLIO_AMOUNTS = {
    "amount_disbursed": "loans_disbursed",
    "principal_outstanding": "loans_outstanding",
    "amount_due": "loans_due",
    "amount_paid_on_time": "loans_paid_on_time",
    "principal_par30": "loans_par30",
    "principal_written_off": "loans_written_off",
}


def _portfolio_derived(category: Category, table: dict[Category, dict[str, int]]) -> dict[str, Any]:
    row = table[category]
    loans, principal = row["loans_outstanding"], row["principal_outstanding"]
    average = (
        int((Decimal(principal) / loans).quantize(Decimal(1), ROUND_HALF_EVEN)) if loans else None
    )
    return {
        "average_outstanding_principal": average,
        "repayment_rate": metrics.ratio(row["amount_paid_on_time"], row["amount_due"]),
        "par30": metrics.ratio(row["principal_par30"], principal),
        "write_off_ratio": metrics.ratio(
            2 * row["principal_written_off"], row["opening_principal"] + principal
        ),
        "circle_completion_rate": metrics.ratio(
            row["circle_members_completed"], row["circle_members_ended"]
        ),
        "circle_on_time_contribution_rate": metrics.ratio(
            row["circle_contributions_on_time"], row["circle_contributions_due"]
        ),
    }


async def portfolio_report(db: Database, scope: Scope) -> PortfolioReport:
    ks = await thresholds(db, scope.tenant_ids)
    periods = scope.periods
    plan = portfolio.Plan.of(periods)

    async def read(conn: asyncpg.Connection, tenant_id: uuid.UUID) -> PortfolioCells:
        await portfolio.refresh(conn, tenant_id)
        rows = await portfolio.read(conn, tenant_id, plan, scope.end.year)
        cells = portfolio.cells(rows, plan, periods)
        circles = await conn.fetch(
            _CIRCLES_SQL, tenant_id, *_arguments(scope, [p.start for p in periods])
        )
        for row in circles:
            sums = cells.setdefault((row["n"], row["currency"], row["gender"], row["band"]), {})
            for name in _CIRCLE_COUNTS:
                sums[name] = sums.get(name, 0) + row[name]
        return cells

    return portfolio_from_cells(scope, ks, await _each_tenant(db, scope.tenant_ids, read))


async def refresh_report_facts(db: Database) -> int:
    """Derive the stale loans of every tenant (a background job: reports then find little
    to derive); returns how many were stale."""
    tenants = await db.pool.fetch("SELECT id FROM tenants ORDER BY id")
    stale = 0
    for row in tenants:
        async with db.transaction(row["id"]) as conn:
            stale += await portfolio.refresh(conn, row["id"])
    return stale


def portfolio_from_cells(
    scope: Scope, ks: dict[uuid.UUID, int], tenants: Iterable[tuple[uuid.UUID, PortfolioCells]]
) -> PortfolioReport:
    """The report from each tenant's cells: breakdowns, rates, suppression."""
    periods = scope.periods
    cubes = Cubes(scope, ks)
    for tenant_id, tenant_cells in tenants:
        for (n, currency, gender, band), sums in tenant_cells.items():
            cubes.add(tenant_id, n, currency, gender, band, sums)
    needs = {
        "average_outstanding_principal": _same_row("loans_outstanding"),
        "repayment_rate": _same_row("loans_due", "loans_paid_on_time"),
        "par30": _same_row("loans_par30", "loans_outstanding"),
        "write_off_ratio": _same_row("loans_written_off", "loans_outstanding"),
        "circle_completion_rate": _same_row("circle_members_ended", "circle_members_completed"),
        "circle_on_time_contribution_rate": _same_row(
            "circle_contributions_due", "circle_contributions_on_time"
        ),
    }
    data = [
        PortfolioRow(**_placed(periods, key, category), currency=key[2], **values)
        for key, category, values in _rows(
            cubes,
            counts=_PORTFOLIO_COUNTS,
            amounts=_PORTFOLIO_AMOUNTS,
            derived=_portfolio_derived,
            needs=needs,
            measures=(*_PORTFOLIO_COUNTS, *_PORTFOLIO_AMOUNTS, "opening_principal"),
        )
    ]
    return PortfolioReport(**_meta(scope, cubes), data=data)


# --------------------------------------------------------------------------- usage


async def usage_report(
    db: Database,
    *,
    start: date,
    end: date,
    group_by: UsagePeriod,
    tenant_ids: Sequence[uuid.UUID] | None,
) -> UsageReport:
    """Requests and latency percentiles per period, tenant, client, operation and status
    class. Histograms of the stored rows (one per worker flush key and day) are added
    before percentiles are read, so they are exact over all workers."""
    truncate = "day" if group_by is UsagePeriod.DAY else "date_trunc('month', day)::date"
    scoped = "" if tenant_ids is None else " AND tenant_id = ANY($3::uuid[])"
    rows = await db.pool.fetch(
        f"SELECT {truncate} AS period, tenant_id, client_id, operation, status_class, "
        "requests, latency_ms_sum, latency_buckets FROM api_usage "
        f"WHERE day BETWEEN $1 AND $2{scoped}",
        start,
        end,
        *([list(tenant_ids)] if tenant_ids is not None else []),
    )
    merged: dict[tuple[Any, ...], list[Any]] = {}
    for row in rows:
        key = (
            row["period"],
            row["tenant_id"],
            row["client_id"],
            row["operation"],
            row["status_class"],
        )
        total = merged.setdefault(key, [0, 0.0, [0] * BUCKETS])
        total[0] += row["requests"]
        total[1] += row["latency_ms_sum"]
        total[2] = [a + b for a, b in zip(total[2], row["latency_buckets"], strict=True)]
    data = []
    for key in sorted(merged, key=lambda k: (k[0], str(k[1]), str(k[2]), k[3], k[4])):
        requests, latency_sum, buckets = merged[key]
        data.append(
            UsageRow(
                period_start=key[0],
                tenant_id=key[1],
                client_id=key[2],
                operation=key[3],
                status_class=f"{key[4]}xx",
                requests=requests,
                latency_mean_ms=round(latency_sum / requests, 3),
                latency_p50_ms=percentile_ms(buckets, 0.50) or 0.0,
                latency_p95_ms=percentile_ms(buckets, 0.95) or 0.0,
                latency_p99_ms=percentile_ms(buckets, 0.99) or 0.0,
            )
        )
    return UsageReport(
        start=start,
        end=end,
        group_by=group_by,
        tenant_ids=None if tenant_ids is None else list(tenant_ids),
        data=data,
    )
