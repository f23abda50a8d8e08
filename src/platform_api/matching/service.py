"""Mentors, lenders, a tenant's matching settings, recommendations, matches and sessions.

Own-tenant rows are always read with `tenant_id = $1`; mentors of other tenants only
with `shared_to_network` (row-level security allows nothing else, see models.py), and
only their card (`MentorCard`) leaves this module. A match belongs to the entrepreneur's
tenant; the mentor's tenant sees it too, shaped by `Side`.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from fractions import Fraction
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg

from platform_api.core.db import TENANT_GATE, Database, insert_tenant_row, update_tenant_row
from platform_api.core.errors import FieldError, Problem, conflict, invalid, not_found
from platform_api.core.outbox import emit
from platform_api.core.pagination import Page, PageParams, Where, build_page, keyset_clause
from platform_api.entrepreneurs import service as entrepreneurs
from platform_api.entrepreneurs.schemas import Entrepreneur
from platform_api.matching import scoring, vocabulary
from platform_api.matching.schemas import (
    FILTER_TEXT,
    CriterionScore,
    Lender,
    LenderCreate,
    LenderRecommendation,
    LenderRecommendationRequest,
    LenderRecommendations,
    LenderUpdate,
    Match,
    MatchCreate,
    MatchDecline,
    MatchingSettings,
    MatchStatus,
    MenteeSummary,
    Mentor,
    MentorCard,
    MentorCreate,
    MentorRecommendation,
    MentorRecommendationRequest,
    MentorRecommendations,
    MentorUpdate,
    Session,
    SessionCreate,
    Side,
)

#: Youth, for a lender's youth focus: 35 or younger this year.
YOUTH_MAX_AGE = 35

# --------------------------------------------------------------------------- settings

_SETTINGS_SQL = (
    "SELECT mentor_weights, lender_weights, require_shared_language, require_same_country "
    f"FROM matching_settings WHERE {TENANT_GATE} AND tenant_id = $1::uuid"
)


async def get_settings(db: Database, *, tenant_id: uuid.UUID) -> MatchingSettings:
    """The tenant's settings, or the defaults if it never set any."""
    row = await db.fetchrow(tenant_id, _SETTINGS_SQL)
    return MatchingSettings() if row is None else MatchingSettings.model_validate(dict(row))


async def put_settings(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, actor: uuid.UUID, data: MatchingSettings
) -> MatchingSettings:
    await conn.execute(
        "INSERT INTO matching_settings (tenant_id, id, created_by, updated_by, mentor_weights, "
        "lender_weights, require_shared_language, require_same_country) "
        "VALUES ($1, $2, $3, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id) DO UPDATE SET "
        "mentor_weights = excluded.mentor_weights, lender_weights = excluded.lender_weights, "
        "require_shared_language = excluded.require_shared_language, "
        "require_same_country = excluded.require_same_country, "
        "updated_at = now(), updated_by = excluded.updated_by",
        tenant_id,
        uuid.uuid4(),
        actor,
        data.mentor_weights.model_dump(),
        data.lender_weights.model_dump(),
        data.require_shared_language,
        data.require_same_country,
    )
    return data


def _mentor_weights(settings: MatchingSettings) -> scoring.MentorWeights:
    return scoring.MentorWeights(**settings.mentor_weights.model_dump())


def _rules(settings: MatchingSettings) -> scoring.Rules:
    return scoring.Rules(
        shared_language=settings.require_shared_language,
        same_country=settings.require_same_country,
    )


# --------------------------------------------------------------------------- mentors

CARD_COLUMNS = (
    "id, tenant_id, display_name, gender, topics, sectors, stages, languages, country, "
    "region, time_zone, utc_offset_minutes, max_mentees, active_mentees, status"
)
_MENTOR_COLUMNS = f"{CARD_COLUMNS}, related_topics, shared_to_network, created_at, updated_at"


@cache
def standard_offset_minutes(time_zone: str) -> int:
    """The zone's offset from UTC outside daylight saving time (the smaller of January's
    and July's, so either hemisphere's summer is skipped)."""
    zone = ZoneInfo(time_zone)
    offsets = [datetime(2025, month, 15, 12, tzinfo=zone).utcoffset() for month in (1, 7)]
    return min(int(o.total_seconds()) // 60 for o in offsets if o is not None)


def _open_slots(row: Mapping[str, Any]) -> int:
    if row["status"] != "available":
        return 0
    free: int = row["max_mentees"] - row["active_mentees"]
    return max(0, free)


def mentor_card(row: Mapping[str, Any], viewer: uuid.UUID) -> MentorCard:
    return MentorCard(
        id=row["id"],
        network=row["tenant_id"] != viewer,
        display_name=row["display_name"],
        gender=row["gender"],
        topics=row["topics"],
        sectors=row["sectors"],
        stages=row["stages"],
        languages=row["languages"],
        country=row["country"],
        region=row["region"],
        time_zone=row["time_zone"],
        open_slots=_open_slots(row),
    )


def _mentor(row: Mapping[str, Any]) -> Mentor:
    return Mentor.model_validate({**row, "network": False, "open_slots": _open_slots(row)})


def mentor_profile(row: Mapping[str, Any], viewer: uuid.UUID) -> scoring.Mentor:
    return scoring.Mentor(
        country=row["country"],
        topics=frozenset(row["topics"]),
        sectors=frozenset(row["sectors"]),
        stages=frozenset(row["stages"]),
        languages=frozenset(row["languages"]),
        region=row["region"],
        utc_offset_minutes=row["utc_offset_minutes"],
        gender=row["gender"],
        available=row["status"] == "available",
        open_slots=_open_slots(row),
        other_tenant=row["tenant_id"] != viewer,
    )


def _derived(values: dict[str, Any]) -> dict[str, Any]:
    """Columns kept from others: neighbouring topics, the time zone's offset."""
    derived = dict(values)
    if "topics" in values:
        derived["related_topics"] = vocabulary.related_topics(values["topics"])
    if "time_zone" in values:
        zone = values["time_zone"]
        derived["utc_offset_minutes"] = None if zone is None else standard_offset_minutes(zone)
    return derived


#: What a mentor's search key rows hold (see `_write_search_keys`).
_SEARCH_KEY_COLUMNS = frozenset(
    {"topics", "sectors", "shared_to_network", "stages", "country", "region", "utc_offset_minutes"}
)


async def _write_search_keys(conn: asyncpg.Connection, tenant_id: uuid.UUID, row: Any) -> None:
    await conn.execute(
        "DELETE FROM mentor_search_keys WHERE tenant_id = $1 AND mentor_id = $2",
        tenant_id,
        row["id"],
    )
    await conn.execute(
        "INSERT INTO mentor_search_keys (tenant_id, mentor_id, key, shared_to_network, "
        "stages, country, region, utc_offset_minutes) "
        "SELECT $1, $2, unnest($3::text[]), $4, $5, $6, $7, $8",
        tenant_id,
        row["id"],
        scoring.mentor_search_keys(row["topics"], row["sectors"]),
        row["shared_to_network"],
        row["stages"],
        row["country"],
        row["region"],
        row["utc_offset_minutes"],
    )


async def create_mentor(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, actor: uuid.UUID, data: MentorCreate
) -> Mentor:
    row = await insert_tenant_row(
        conn,
        "mentors",
        tenant_id=tenant_id,
        actor=actor,
        values=_derived(data.model_dump(mode="json")),
        returning=_MENTOR_COLUMNS,
    )
    await _write_search_keys(conn, tenant_id, row)
    return _mentor(row)


async def get_mentor(db: Database, *, tenant_id: uuid.UUID, mentor_id: uuid.UUID) -> Mentor:
    """One of the tenant's own mentors (a shared mentor of another tenant is not found
    here: others see it only as a card, in recommendations and matches)."""
    row = await db.fetchrow(
        tenant_id,
        f"SELECT {_MENTOR_COLUMNS} FROM mentors WHERE {TENANT_GATE} AND tenant_id = $1::uuid "
        "AND id = $2",
        mentor_id,
    )
    if row is None:
        raise not_found("Mentor")
    return _mentor(row)


@dataclass(frozen=True)
class MentorFilters:
    topic: str | None = None
    sector: str | None = None
    language: str | None = None
    country: str | None = None
    status: str | None = None
    shared_to_network: bool | None = None
    with_open_slots: bool | None = None


async def list_mentors(
    db: Database, *, tenant_id: uuid.UUID, page: PageParams, filters: MentorFilters
) -> Page[Mentor]:
    where = Where(fixed=2)
    if filters.topic:
        where.add("topics @> ARRAY[{}]::text[]", filters.topic)
    if filters.sector:
        where.add("sectors @> ARRAY[{}]::text[]", filters.sector)
    if filters.language:
        where.add("languages @> ARRAY[{}]::text[]", filters.language)
    if filters.country:
        where.add("country = {}", filters.country)
    if filters.status:
        where.add("status = {}", filters.status)
    if filters.shared_to_network is not None:
        where.add("shared_to_network = {}", filters.shared_to_network)
    if filters.with_open_slots is not None:
        where.add(
            "(status = 'available' AND active_mentees < max_mentees) = {}",
            filters.with_open_slots,
        )
    after, after_args = keyset_clause(page, where.next)
    rows = await db.fetch(
        tenant_id,
        f"SELECT {_MENTOR_COLUMNS} FROM mentors WHERE {TENANT_GATE} AND tenant_id = $1::uuid"
        f"{where.sql()}{after} ORDER BY created_at, id LIMIT $2",
        page.limit + 1,
        *where.args,
        *after_args,
    )
    return build_page(rows, page, _mentor)


async def update_mentor(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    mentor_id: uuid.UUID,
    actor: uuid.UUID,
    data: MentorUpdate,
) -> Mentor:
    """Lowering `max_mentees` below the active matches ends none of them; the mentor just
    takes no new mentee until below it. Un-sharing keeps existing network matches."""
    changes = _derived(data.model_dump(mode="json", exclude_unset=True))
    row = await update_tenant_row(
        conn,
        "mentors",
        tenant_id=tenant_id,
        row_id=mentor_id,
        actor=actor,
        values=changes,
        returning=_MENTOR_COLUMNS,
    )
    if row is None:
        raise not_found("Mentor")
    if changes.keys() & _SEARCH_KEY_COLUMNS:
        await _write_search_keys(conn, tenant_id, row)
    return _mentor(row)


# --------------------------------------------------------------------------- lenders

_LENDER_COLUMNS = (
    "id, display_name, external_ref, funds, sectors, countries, regions, products, "
    "gender_focus, youth_focus, status, created_at, updated_at"
)


def _lender(row: Mapping[str, Any]) -> Lender:
    return Lender.model_validate(dict(row))


def _lender_values(values: dict[str, Any]) -> dict[str, Any]:
    if "funds" in values:
        return {**values, "currencies": [f["currency"] for f in values["funds"]]}
    return values


def _duplicate_lender_ref() -> Problem:
    return conflict("Another lender of this tenant already has this external_ref.")


async def create_lender(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, actor: uuid.UUID, data: LenderCreate
) -> Lender:
    try:
        row = await insert_tenant_row(
            conn,
            "lenders",
            tenant_id=tenant_id,
            actor=actor,
            values=_lender_values(data.model_dump(mode="json")),
            returning=_LENDER_COLUMNS,
        )
    except asyncpg.UniqueViolationError:
        raise _duplicate_lender_ref() from None
    return _lender(row)


async def get_lender(db: Database, *, tenant_id: uuid.UUID, lender_id: uuid.UUID) -> Lender:
    row = await db.fetchrow(
        tenant_id,
        f"SELECT {_LENDER_COLUMNS} FROM lenders WHERE {TENANT_GATE} AND tenant_id = $1::uuid "
        "AND id = $2",
        lender_id,
    )
    if row is None:
        raise not_found("Lender")
    return _lender(row)


@dataclass(frozen=True)
class LenderFilters:
    sector: str | None = None
    country: str | None = None
    currency: str | None = None
    product: str | None = None
    status: str | None = None


async def list_lenders(
    db: Database, *, tenant_id: uuid.UUID, page: PageParams, filters: LenderFilters
) -> Page[Lender]:
    where = Where(fixed=2)
    for column, value in (
        ("sectors", filters.sector),
        ("countries", filters.country),
        ("currencies", filters.currency),
        ("products", filters.product),
    ):
        if value:
            where.add(f"{column} @> ARRAY[{{}}]::text[]", value)
    if filters.status:
        where.add("status = {}", filters.status)
    after, after_args = keyset_clause(page, where.next)
    rows = await db.fetch(
        tenant_id,
        f"SELECT {_LENDER_COLUMNS} FROM lenders WHERE {TENANT_GATE} AND tenant_id = $1::uuid"
        f"{where.sql()}{after} ORDER BY created_at, id LIMIT $2",
        page.limit + 1,
        *where.args,
        *after_args,
    )
    return build_page(rows, page, _lender)


async def update_lender(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    lender_id: uuid.UUID,
    actor: uuid.UUID,
    data: LenderUpdate,
) -> Lender:
    try:
        row = await update_tenant_row(
            conn,
            "lenders",
            tenant_id=tenant_id,
            row_id=lender_id,
            actor=actor,
            values=_lender_values(data.model_dump(mode="json", exclude_unset=True)),
            returning=_LENDER_COLUMNS,
        )
    except asyncpg.UniqueViolationError:
        raise _duplicate_lender_ref() from None
    if row is None:
        raise not_found("Lender")
    return _lender(row)


# --------------------------------------------------------------------------- recommendations


async def active_entrepreneur(
    db: Database, *, tenant_id: uuid.UUID, entrepreneur_id: uuid.UUID, path: str
) -> Entrepreneur:
    """The entrepreneur named in a request body: 422 if unknown, 409 if anonymised."""
    found = await entrepreneurs.get_entrepreneurs(
        db, tenant_id=tenant_id, entrepreneur_ids=[entrepreneur_id]
    )
    if not found:
        raise invalid(FieldError(path=path, message="no such entrepreneur", code="not_found"))
    if found[0].status != "active":
        raise conflict("This entrepreneur was anonymised.", entrepreneur_id=str(entrepreneur_id))
    return found[0]


def mentee(
    entrepreneur: Entrepreneur,
    *,
    time_zone: str | None = None,
    preferred_mentor_gender: str | None = None,
) -> scoring.Mentee:
    return scoring.Mentee(
        country=entrepreneur.country,
        needs=tuple(entrepreneur.needs),
        languages=frozenset(entrepreneur.languages),
        sector=entrepreneur.sector,
        stage=entrepreneur.stage,
        region=entrepreneur.region,
        utc_offset_minutes=None if time_zone is None else standard_offset_minutes(time_zone),
        preferred_mentor_gender=preferred_mentor_gender,
        network_consent=entrepreneur.consent_network_sharing,
    )


def _breakdown(score: scoring.Score) -> list[CriterionScore]:
    return [
        CriterionScore(
            criterion=p.criterion, weight=p.weight, value=p.value, points=p.points, reason=p.reason
        )
        for p in score.parts
    ]


class _Query:
    """A statement's parameters, numbered in order ($1 is the tenant, for TENANT_GATE)."""

    def __init__(self) -> None:
        self.args: list[Any] = []

    def __call__(self, value: Any) -> str:
        self.args.append(value)
        return f"${len(self.args) + 1}"


def points_sql(plan: scoring.MentorPlan, q: _Query) -> str:
    """`scoring.mentor_points` as SQL over `m` (mentors): the same integer. Coefficients
    are integers computed here; values are parameters."""
    mentee = plan.mentee
    terms = []
    if plan.needs:
        credit = " + ".join(
            f"CASE WHEN m.topics @> ARRAY[{q(n)}::text] THEN 2 "
            f"WHEN m.related_topics @> ARRAY[{q(n)}::text] THEN 1 ELSE 0 END"
            for n in plan.needs
        )
        terms.append(f"{plan.expertise_unit} * ({credit})")
    full = plan.unit * 10
    if plan.w_sector:
        terms.append(
            f"{full * plan.w_sector} * (m.sectors @> ARRAY[{q(mentee.sector)}::text])::int"
        )
    if plan.w_stage:
        terms.append(f"{full * plan.w_stage} * (m.stages @> ARRAY[{q(mentee.stage)}::text])::int")
    if plan.w_gender:
        wanted = q(mentee.preferred_mentor_gender)
        terms.append(f"{full * plan.w_gender} * coalesce(m.gender = {wanted}::text, false)::int")
    if plan.w_location:
        terms.append(f"{plan.unit * plan.w_location} * {location_sql(mentee, q, 'm')}")
    return "(" + (" + ".join(terms) or "0") + ")::bigint"


def location_sql(mentee: scoring.Mentee, q: _Query, alias: str) -> str:
    """`scoring.location_tenths` in SQL over `alias`'s country, region and offset."""
    country, region = q(mentee.country), q(mentee.region)
    apart = f"abs({alias}.utc_offset_minutes - {q(mentee.utc_offset_minutes)}::int)"
    # The column's own type: comparing as text would convert every row's code.
    return (
        f"CASE WHEN {alias}.country = {country}::char(2) THEN "
        f"CASE WHEN {alias}.region = {region}::text THEN 10 ELSE 7 END "
        f"WHEN {apart} <= 60 THEN 5 WHEN {apart} <= 180 THEN 3 ELSE 0 END"
    )


def _visible(alias: str, network: bool) -> str:
    """The tenant's own mentors, and with `network` those others share. Two texts, not a
    boolean parameter: a plan cached for one must not scan every tenant's mentors for
    the other."""
    if network:
        return f"({alias}.tenant_id = $1::uuid OR {alias}.shared_to_network)"
    return f"{alias}.tenant_id = $1::uuid"


def _eligible_sql(
    mentee_: scoring.Mentee,
    rules: scoring.Rules,
    entrepreneur_id: uuid.UUID,
    network: bool,
    q: _Query,
) -> str:
    """The hard filters (scoring.mentor_filters) over `m`, plus: no earlier match of the
    pair other than a completed one."""
    conditions = [
        "m.status = 'available'",
        "m.active_mentees < m.max_mentees",
        _visible("m", network),
        "NOT EXISTS (SELECT 1 FROM matches x WHERE x.tenant_id = $1::uuid "
        f"AND x.entrepreneur_id = {q(entrepreneur_id)}::uuid AND x.mentor_tenant_id = m.tenant_id "
        "AND x.mentor_id = m.id AND x.status <> 'completed')",
    ]
    if rules.shared_language and mentee_.languages:
        conditions.append(f"m.languages && {q(sorted(mentee_.languages))}::text[]")
    if rules.same_country:
        conditions.append(f"m.country = {q(mentee_.country)}::text")
    return " AND ".join(conditions)


def _key_masks(tier: scoring.Tier) -> dict[str, int]:
    """Each key of the tier as bits: 1 a sector key, 2 << 2i an exact key of need i,
    4 << 2i a related one (a key may be several)."""
    masks = dict.fromkeys(tier.keys, 0)
    for key in tier.sector_keys:
        masks[key] |= 1
    for i, (exact, related) in enumerate(zip(tier.exact, tier.related, strict=True)):
        for key in exact:
            masks[key] |= 2 << 2 * i
        for key in related:
            masks[key] |= 4 << 2 * i
    return masks


def candidates_sql(plan: scoring.MentorPlan, tier: scoring.Tier, network: bool, q: _Query) -> str:
    """The tier's candidates with `scoring.candidate_bound`, from the search keys' index
    alone: the bits of the keys a mentor carries, OR-ed, are its flags, and every key
    row carries the mentor's stages and location."""
    masks = _key_masks(tier)
    complete = "mask & 1 = 1" if tier.sector_keys else "false"
    credit = (
        " + ".join(
            f"CASE WHEN mask & {2 << 2 * i} <> 0 THEN 2 "
            f"WHEN mask & {4 << 2 * i} <> 0 OR NOT ({complete}) THEN 1 ELSE 0 END"
            for i in range(len(tier.exact))
        )
        or "0"
    )
    sector = f"{plan.unit * 10 * plan.w_sector}"
    if tier.sector_keys:
        sector += " * (mask & 1)"
    stage = f"coalesce({q(plan.mentee.stage)}::text = ANY(f.stages), false)::int"
    location = location_sql(plan.mentee, q, "f")
    bound = (
        f"{plan.expertise_unit} * ({credit}) + {sector} "
        f"+ {plan.unit * 10 * plan.w_stage} * {stage} + {scoring.unkeyed_max(plan)} "
        f"+ {plan.unit * plan.w_location} * {location}"
    )
    # Every key row of a mentor carries the same copies: any one will do.
    copied = ", ".join(
        f"min(k.{c}) AS {c}" for c in ("stages", "country", "region", "utc_offset_minutes")
    )
    return (
        f"SELECT f.tenant_id, f.mentor_id, ({bound})::bigint AS bound FROM ("
        f"SELECT k.tenant_id, k.mentor_id, {copied}, bit_or(w.mask) AS mask "
        f"FROM unnest({q(list(masks))}::text[], {q(list(masks.values()))}::bigint[]) "
        f"w(key, mask) JOIN mentor_search_keys k ON k.key = w.key WHERE {TENANT_GATE} AND "
        f"{_visible('k', network)} "
        "GROUP BY k.tenant_id, k.mentor_id) f"
    )


async def _top_mentors(
    db: Database,
    tenant_id: uuid.UUID,
    plan: scoring.MentorPlan,
    eligible: tuple[str, list[Any]],
    network: bool,
    limit: int,
    tier: scoring.Tier | None,
    cut: tuple[str, int] | None = None,
) -> tuple[list[asyncpg.Record], int]:
    """One tier's top, and the most points a candidate left unscored can have (-1 if
    none). Candidates come from the search keys' index with their bounds, only those
    that may score more than the tier's bound (no other can be part of an answer the
    tier proves); by levels of bound, best first, they are looked up by primary key
    (LATERAL keeps the planner from scanning every mentor to join them) and scored: with
    `cut` ("count", n) while at most n are (the best level always), with ("floor", p)
    every one that may reach p points, else all. Without a tier, every mentor is
    scanned."""
    q = _Query()
    q.args.extend(eligible[1])
    points = points_sql(plan, q)
    select = f"SELECT {CARD_COLUMNS}, {points} AS points FROM mentors m"
    if tier is None:
        sql = f"{select} WHERE {TENANT_GATE} AND {eligible[0]}"
        rows = await db.fetch(
            tenant_id, f"{sql} ORDER BY points DESC, id LIMIT {q(limit)}", *q.args
        )
        return rows, -1
    candidates = candidates_sql(plan, tier, network, q)
    # `at`: the best level of bound left unscored (-1: none).
    at = "SELECT -1 AS at"
    if cut is not None and cut[0] == "count":
        at = (
            f"SELECT coalesce(max(bound) FILTER (WHERE upto > {q(cut[1])} AND rank > 1), -1) "
            "AS at FROM (SELECT bound, sum(count(*)) OVER w AS upto, row_number() OVER w AS rank "
            "FROM c GROUP BY bound WINDOW w AS (ORDER BY bound DESC)) levels"
        )
    elif cut is not None:
        at = f"SELECT coalesce(max(bound) FILTER (WHERE bound < {q(cut[1])}), -1) AS at FROM c"
    sql = (
        f"WITH c AS MATERIALIZED (SELECT * FROM ({candidates}) k WHERE k.bound > "
        f"{q(tier.bound)}), cut AS MATERIALIZED ({at}) "
        "SELECT r.*, cut.at AS unscored FROM cut CROSS JOIN ("
        "SELECT r.* FROM cut, c CROSS JOIN LATERAL "
        f"({select} WHERE m.tenant_id = c.tenant_id AND m.id = c.mentor_id AND {eligible[0]}) r "
        f"WHERE c.bound > cut.at ORDER BY points DESC, id LIMIT {q(limit)}) r"
    )
    rows = await db.fetch(tenant_id, sql, *q.args)
    return rows, rows[0]["unscored"] if rows else 0


#: How many candidates of a tier the first query scores at most (the best level of
#: bound always): enough for most answers.
FIRST_SCORED = 300

#: Pools of at most this many visible mentors are scored whole: scanning a few hundred
#: costs less than planning one tier's statement (about 2 ms), and a tier rarely proves
#: an answer over so few (a tenant's own mentors without the network: 4-5 statements).
WHOLE_POOL = 500


async def _pool_is_small(db: Database, tenant_id: uuid.UUID, network: bool, most: int) -> bool:
    sql = (
        f"SELECT count(*) FROM (SELECT 1 FROM mentors m WHERE {TENANT_GATE} AND "
        f"{_visible('m', network)} LIMIT $2) pool"
    )
    rows = await db.fetch(tenant_id, sql, most + 1)
    return int(rows[0][0]) <= most


class PoolSizes:
    """Whether a tenant's visible pool is small, remembered per worker for `ttl` seconds.
    It only chooses how the exact answer is found (scored whole, or tier by tier), never
    what the answer is, so a stale value costs time, not correctness; remembering it
    saves each recommendation a round trip that under load cost more than the check."""

    #: Entries kept at most (two per tenant: with and without the network).
    LIMIT = 20_000

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self.known: dict[tuple[uuid.UUID, bool, int], tuple[bool, float]] = {}

    async def is_small(self, db: Database, tenant_id: uuid.UUID, network: bool, most: int) -> bool:
        key, now = (tenant_id, network, most), time.monotonic()
        known = self.known.get(key)
        if known is not None and known[1] > now:
            return known[0]
        small = await _pool_is_small(db, tenant_id, network, most)
        if len(self.known) >= self.LIMIT:
            self.known.clear()
        self.known[key] = (small, now + self.ttl)
        return small


pool_sizes = PoolSizes(ttl=60.0)


async def top_mentor_rows(
    db: Database,
    *,
    tenant_id: uuid.UUID,
    entrepreneur_id: uuid.UUID,
    plan: scoring.MentorPlan,
    rules: scoring.Rules,
    network: bool,
    limit: int,
    exhaustive: bool = False,
    first_scored: int = FIRST_SCORED,
    whole_pool: int = WHOLE_POOL,
) -> tuple[list[asyncpg.Record], int]:
    """The `limit` eligible mentors with the most points (ties: lower id first), and how
    many scoring queries it took. A pool of at most `whole_pool` visible mentors (as
    counted at most `pool_sizes.ttl` seconds ago) is scored whole. Else it starts from
    the narrowest tier of candidates found through the search keys, scoring first the
    `first_scored` most promising; the answer is proven when its k-th score beats every
    mentor outside the tier and every candidate left unscored. Else every candidate that
    may reach that k-th score is scored (which proves it unless the tier's own bound is
    too high), then the next tier is tried, and failing all, every eligible mentor is
    scored (at once if `exhaustive`: the baseline the tiers are measured and tested against)."""
    q = _Query()
    eligible = (_eligible_sql(plan.mentee, rules, entrepreneur_id, network, q), q.args)
    queries = 0
    if whole_pool > 0 and not exhaustive:
        exhaustive = await pool_sizes.is_small(db, tenant_id, network, whole_pool)
    for tier in [] if exhaustive else scoring.search_tiers(plan):
        cut: tuple[str, int] | None = ("count", first_scored)
        while cut is not None:
            queries += 1
            rows, unscored = await _top_mentors(
                db, tenant_id, plan, eligible, network, limit, tier, cut
            )
            if len(rows) == limit and rows[-1]["points"] > max(tier.bound, unscored):
                return rows, queries
            # Next, every candidate that may reach the k-th found (all if none was).
            floor = rows[-1]["points"] if len(rows) == limit else 0
            cut = ("floor", floor) if unscored >= 0 and cut[0] == "count" else None
    rows, _ = await _top_mentors(db, tenant_id, plan, eligible, network, limit, None)
    return rows, queries + 1


async def recommend_mentors(
    db: Database, *, tenant_id: uuid.UUID, request: MentorRecommendationRequest
) -> MentorRecommendations:
    # Independent reads: on two of the pool's connections at once, one wait, not two.
    entrepreneur, settings = await asyncio.gather(
        active_entrepreneur(
            db,
            tenant_id=tenant_id,
            entrepreneur_id=request.entrepreneur_id,
            path="body.entrepreneur_id",
        ),
        get_settings(db, tenant_id=tenant_id),
    )
    who = mentee(
        entrepreneur,
        time_zone=request.time_zone,
        preferred_mentor_gender=request.preferred_mentor_gender,
    )
    plan = scoring.mentor_plan(who, _mentor_weights(settings))
    rows, _ = await top_mentor_rows(
        db,
        tenant_id=tenant_id,
        entrepreneur_id=entrepreneur.id,
        plan=plan,
        rules=_rules(settings),
        network=request.include_network and who.network_consent,
        limit=request.limit,
    )
    data = []
    for row in rows:
        score = scoring.score_mentor(plan, mentor_profile(row, tenant_id))
        data.append(
            MentorRecommendation(
                mentor=mentor_card(row, tenant_id), score=score.score, breakdown=_breakdown(score)
            )
        )
    return MentorRecommendations(entrepreneur_id=entrepreneur.id, data=data)


def _age(birth_year: int | None) -> int | None:
    return None if birth_year is None else datetime.now(UTC).year - birth_year


async def recommend_lenders(
    db: Database, *, tenant_id: uuid.UUID, request: LenderRecommendationRequest
) -> LenderRecommendations:
    """Lenders are few per tenant: the hard filters run in SQL, the scoring over what is
    left in Python."""
    entrepreneur = await active_entrepreneur(
        db,
        tenant_id=tenant_id,
        entrepreneur_id=request.entrepreneur_id,
        path="body.entrepreneur_id",
    )
    settings = await get_settings(db, tenant_id=tenant_id)
    rows = await db.fetch(
        tenant_id,
        f"SELECT {_LENDER_COLUMNS} FROM lenders WHERE {TENANT_GATE} AND tenant_id = $1::uuid "
        "AND status = 'active' AND EXISTS (SELECT 1 FROM jsonb_array_elements(funds) f "
        "WHERE f->>'currency' = $2 AND (f->>'available')::bigint > 0 "
        "AND (f->>'min_amount')::bigint <= $3 AND (f->>'max_amount')::bigint >= $3)",
        request.currency,
        request.amount,
    )
    age = _age(entrepreneur.birth_year)
    need = scoring.FundingNeed(
        amount=request.amount,
        currency=request.currency,
        country=entrepreneur.country,
        region=entrepreneur.region,
        sector=entrepreneur.sector,
        product=request.product,
        woman=entrepreneur.gender == "female",
        youth=age is not None and age <= YOUTH_MAX_AGE,
    )
    weights = scoring.LenderWeights(**settings.lender_weights.model_dump())
    ranked = []
    for row in rows:
        lender = _lender(row)
        profile = scoring.Lender(
            funds={
                f.currency: scoring.Funds(f.available, f.min_amount, f.max_amount)
                for f in lender.funds
            },
            sectors=frozenset(lender.sectors),
            countries=frozenset(lender.countries),
            regions=frozenset(lender.regions),
            products=frozenset(lender.products),
            gender_focus=lender.gender_focus,
            youth_focus=lender.youth_focus,
        )
        assert not scoring.lender_filters(need, profile), "the SQL filters must match"
        score = scoring.score_lender(need, profile, weights)
        ranked.append(
            (-Fraction(score.points, max(score.max_points, 1)), str(lender.id), score, lender)
        )
    ranked.sort(key=lambda item: (item[0], item[1]))
    return LenderRecommendations(
        entrepreneur_id=entrepreneur.id,
        data=[
            LenderRecommendation(lender=lender, score=score.score, breakdown=_breakdown(score))
            for _, _, score, lender in ranked[: request.limit]
        ],
    )


# --------------------------------------------------------------------------- matches

_MATCH_COLUMNS = (
    "x.id, x.tenant_id, x.entrepreneur_id, x.mentor_tenant_id, x.mentor_id, x.status, x.score, "
    "x.breakdown, x.topics, x.mentee_summary, x.proposed_at, x.accepted_at, x.declined_at, "
    "x.completed_at, x.decline_reason, x.decline_note, x.declined_by, x.created_at, "
    "x.updated_at"
)
_MENTOR_JOIN = (
    "LEFT JOIN mentors m ON m.tenant_id = x.mentor_tenant_id AND m.id = x.mentor_id "
    "AND (m.tenant_id = $1::uuid OR m.shared_to_network)"
)
_CARD_SELECT = ", ".join(f"m.{c.strip()} AS m_{c.strip()}" for c in CARD_COLUMNS.split(","))
_VISIBLE = "(x.tenant_id = $1::uuid OR x.mentor_tenant_id = $1::uuid)"


def side_of(row: Mapping[str, Any], viewer: uuid.UUID) -> Side:
    if row["tenant_id"] == row["mentor_tenant_id"]:
        return Side.BOTH
    return Side.ENTREPRENEUR_SIDE if row["tenant_id"] == viewer else Side.MENTOR_SIDE


def _match(row: Mapping[str, Any], viewer: uuid.UUID) -> Match:
    side = side_of(row, viewer)
    card = None
    if row["m_id"] is not None:
        card = mentor_card({c: row[f"m_{c}"] for c in _card_keys()}, viewer)
    return Match(
        id=row["id"],
        side=side,
        cross_tenant=side is not Side.BOTH,
        entrepreneur_id=None if side is Side.MENTOR_SIDE else row["entrepreneur_id"],
        mentor_id=row["mentor_id"],
        mentor=card,
        mentee=MenteeSummary.model_validate(row["mentee_summary"]),
        status=row["status"],
        score=None if row["score"] is None else float(row["score"]),
        breakdown=row["breakdown"],
        topics=row["topics"],
        proposed_at=row["proposed_at"],
        accepted_at=row["accepted_at"],
        declined_at=row["declined_at"],
        completed_at=row["completed_at"],
        decline_reason=row["decline_reason"],
        decline_note=row["decline_note"],
        declined_by=row["declined_by"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


@cache
def _card_keys() -> tuple[str, ...]:
    return tuple(c.strip() for c in CARD_COLUMNS.split(","))


async def _read_match(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, match_id: uuid.UUID
) -> asyncpg.Record:
    """The match with its mentor card, inside a transaction (tenant already set)."""
    row = await conn.fetchrow(
        f"SELECT {_MATCH_COLUMNS}, {_CARD_SELECT} FROM matches x {_MENTOR_JOIN} "
        f"WHERE {_VISIBLE} AND x.id = $2",
        tenant_id,
        match_id,
    )
    if row is None:
        raise not_found("Match")
    return row


async def _announce(
    conn: asyncpg.Connection, row: Mapping[str, Any], event: str, actor_tenant: uuid.UUID
) -> Match:
    """The match as the caller sees it, and its event to both tenants, each shaped for
    its side. The other tenant's event is written under that tenant (outbox rows are
    tenant rows) and the caller's tenant is set back at once."""
    match = _match(row, actor_tenant)
    await emit(
        conn,
        tenant_id=actor_tenant,
        type=event,
        subject_id=match.id,
        data=match.model_dump(mode="json"),
    )
    if match.cross_tenant:
        other = row["mentor_tenant_id"] if row["tenant_id"] == actor_tenant else row["tenant_id"]
        await conn.execute("SELECT set_config('app.tenant_id', $1, true)", str(other))
        await emit(
            conn,
            tenant_id=other,
            type=event,
            subject_id=match.id,
            data=_match(row, other).model_dump(mode="json"),
        )
        await conn.execute("SELECT set_config('app.tenant_id', $1, true)", str(actor_tenant))
    return match


async def propose_match(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    data: MatchCreate,
    entrepreneur: Entrepreneur,
    settings: MatchingSettings,
) -> Match:
    """Propose a mentor (own, or shared by another organisation) to an entrepreneur of
    this tenant. Hard filters apply (409 with the ones failed); the score and its
    breakdown at this moment are kept with the match."""
    mentor = await conn.fetchrow(
        f"SELECT {CARD_COLUMNS} FROM mentors "
        "WHERE (tenant_id = $1 OR shared_to_network) AND id = $2",
        tenant_id,
        data.mentor_id,
    )
    if mentor is None:
        raise invalid(FieldError(path="body.mentor_id", message="no such mentor", code="not_found"))
    who = mentee(entrepreneur)
    profile = mentor_profile(mentor, tenant_id)
    failed = scoring.mentor_filters(who, profile, _rules(settings))
    if failed:
        raise conflict(
            "This mentor cannot be matched: " + ", ".join(FILTER_TEXT[f] for f in failed) + ".",
            failed_filters=[f.value for f in failed],
        )
    score = scoring.score_mentor(scoring.mentor_plan(who, _mentor_weights(settings)), profile)
    summary = MenteeSummary(
        country=entrepreneur.country,
        sector=entrepreneur.sector,
        stage=entrepreneur.stage,
        languages=entrepreneur.languages,
        needs=entrepreneur.needs,
    )
    try:
        created = await insert_tenant_row(
            conn,
            "matches",
            tenant_id=tenant_id,
            actor=actor,
            values={
                "entrepreneur_id": entrepreneur.id,
                "mentor_tenant_id": mentor["tenant_id"],
                "mentor_id": mentor["id"],
                "score": score.score,
                "breakdown": [b.model_dump(mode="json") for b in _breakdown(score)],
                "topics": data.topics,
                "mentee_summary": summary.model_dump(mode="json"),
            },
            returning="id",
        )
    except asyncpg.UniqueViolationError:
        raise conflict("This entrepreneur and mentor already have an open match.") from None
    except asyncpg.ForeignKeyViolationError:
        raise invalid(
            FieldError(
                path="body.entrepreneur_id", message="no such entrepreneur", code="not_found"
            )
        ) from None
    row = await _read_match(conn, tenant_id, created["id"])
    return await _announce(conn, row, "match.proposed", tenant_id)


async def _lock_match(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, match_id: uuid.UUID
) -> asyncpg.Record:
    row = await conn.fetchrow(
        "SELECT x.id, x.tenant_id, x.mentor_tenant_id, x.mentor_id, x.status FROM matches x "
        f"WHERE {_VISIBLE} AND x.id = $2 FOR UPDATE",
        tenant_id,
        match_id,
    )
    if row is None:
        raise not_found("Match")
    return row


def _require(row: Mapping[str, Any], action: str, *allowed: MatchStatus) -> None:
    if row["status"] not in allowed:
        names = " or ".join(s.value for s in allowed)
        raise conflict(
            f"This match is {row['status']}; only a {names} match can be {action}.",
            current_status=row["status"],
        )


async def _set_status(
    conn: asyncpg.Connection,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    match_id: uuid.UUID,
    assignments: str,
    *args: Any,
) -> None:
    await conn.execute(
        f"UPDATE matches x SET {assignments}, updated_at = now(), updated_by = $3 "
        f"WHERE {_VISIBLE} AND x.id = $2",
        tenant_id,
        match_id,
        actor,
        *args,
    )


async def accept_match(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, actor: uuid.UUID, match_id: uuid.UUID
) -> Match:
    """The mentor's organisation accepts. The mentor row is locked first, so concurrent
    accepts for its last free slot are serialised: one wins, the others get 409."""
    locked = await _lock_match(conn, tenant_id, match_id)
    _require(locked, "accepted", MatchStatus.PROPOSED)
    if locked["mentor_tenant_id"] != tenant_id:
        raise conflict("The mentor's organisation accepts this match.", current_status="proposed")
    mentor = await conn.fetchrow(
        "SELECT status, max_mentees, active_mentees FROM mentors "
        "WHERE tenant_id = $1 AND id = $2 FOR UPDATE",
        tenant_id,
        locked["mentor_id"],
    )
    assert mentor is not None  # the foreign key holds it
    if mentor["status"] != "available":
        raise conflict("The mentor is paused.", mentor_status=mentor["status"])
    if mentor["active_mentees"] >= mentor["max_mentees"]:
        raise conflict(
            "The mentor has no free slot.",
            max_mentees=mentor["max_mentees"],
            active_mentees=mentor["active_mentees"],
        )
    await _set_status(conn, tenant_id, actor, match_id, "status = 'active', accepted_at = now()")
    return await _announce(
        conn, await _read_match(conn, tenant_id, match_id), "match.accepted", tenant_id
    )


async def decline_match(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    match_id: uuid.UUID,
    data: MatchDecline,
) -> Match:
    """Either side declines a proposal; the pair is then never recommended again."""
    locked = await _lock_match(conn, tenant_id, match_id)
    _require(locked, "declined", MatchStatus.PROPOSED)
    side = side_of(locked, tenant_id)
    by = Side.MENTOR_SIDE if side is Side.MENTOR_SIDE else Side.ENTREPRENEUR_SIDE
    if side is Side.BOTH:
        by = Side.BOTH
    await _set_status(
        conn,
        tenant_id,
        actor,
        match_id,
        "status = 'declined', declined_at = now(), decline_reason = $4, decline_note = $5, "
        "declined_by = $6",
        data.reason.value,
        data.note,
        by.value,
    )
    return await _announce(
        conn, await _read_match(conn, tenant_id, match_id), "match.declined", tenant_id
    )


async def complete_match(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, actor: uuid.UUID, match_id: uuid.UUID
) -> Match:
    """Either side ends an active match; the mentor's slot frees at once (trigger)."""
    locked = await _lock_match(conn, tenant_id, match_id)
    _require(locked, "completed", MatchStatus.ACTIVE)
    await _set_status(
        conn, tenant_id, actor, match_id, "status = 'completed', completed_at = now()"
    )
    return await _announce(
        conn, await _read_match(conn, tenant_id, match_id), "match.completed", tenant_id
    )


async def get_match(db: Database, *, tenant_id: uuid.UUID, match_id: uuid.UUID) -> Match:
    row = await db.fetchrow(
        tenant_id,
        f"SELECT {_MATCH_COLUMNS}, {_CARD_SELECT} FROM matches x {_MENTOR_JOIN} "
        f"WHERE {TENANT_GATE} AND {_VISIBLE} AND x.id = $2",
        match_id,
    )
    if row is None:
        raise not_found("Match")
    return _match(row, tenant_id)


@dataclass(frozen=True)
class MatchFilters:
    status: MatchStatus | None = None
    side: Side | None = None
    entrepreneur_id: uuid.UUID | None = None
    mentor_id: uuid.UUID | None = None


async def list_matches(
    db: Database, *, tenant_id: uuid.UUID, page: PageParams, filters: MatchFilters
) -> Page[Match]:
    """Matches of this tenant's entrepreneurs and of its mentors, oldest first."""
    where = Where(fixed=2)
    if filters.status:
        where.add("x.status = {}", filters.status.value)
    if filters.side is Side.ENTREPRENEUR_SIDE:
        where.add("x.tenant_id = {}::uuid", tenant_id)
    elif filters.side is Side.MENTOR_SIDE:
        where.add("x.mentor_tenant_id = {}::uuid", tenant_id)
    elif filters.side is Side.BOTH:
        where.add("x.tenant_id = {0}::uuid AND x.mentor_tenant_id = {0}::uuid", tenant_id)
    if filters.entrepreneur_id:
        where.add("x.tenant_id = $1::uuid AND x.entrepreneur_id = {}", filters.entrepreneur_id)
    if filters.mentor_id:
        where.add("x.mentor_id = {}", filters.mentor_id)
    after, after_args = keyset_clause(page, where.next, alias="x")
    rows = await db.fetch(
        tenant_id,
        f"SELECT {_MATCH_COLUMNS}, {_CARD_SELECT} FROM matches x {_MENTOR_JOIN} "
        f"WHERE {TENANT_GATE} AND {_VISIBLE}{where.sql()}{after} "
        "ORDER BY x.created_at, x.id LIMIT $2",
        page.limit + 1,
        *where.args,
        *after_args,
    )
    return build_page(rows, page, lambda row: _match(row, tenant_id))


# --------------------------------------------------------------------------- sessions

_SESSION_COLUMNS = (
    "id, match_id, held_on, minutes, channel, topics, entrepreneur_rating, mentor_rating, "
    "logged_by, created_at"
)


async def log_session(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    match_id: uuid.UUID,
    data: SessionCreate,
) -> Session:
    """Either side logs a session of an active or completed match. The row belongs to
    the match's tenant (the entrepreneur's); the mentor's tenant may add to it."""
    match = await conn.fetchrow(
        f"SELECT x.tenant_id, x.mentor_tenant_id, x.status FROM matches x "
        f"WHERE {_VISIBLE} AND x.id = $2",
        tenant_id,
        match_id,
    )
    if match is None:
        raise not_found("Match")
    _require(match, "given sessions", MatchStatus.ACTIVE, MatchStatus.COMPLETED)
    row = await conn.fetchrow(
        "INSERT INTO mentoring_sessions (tenant_id, id, created_by, match_id, mentor_tenant_id, "
        "held_on, minutes, channel, topics, entrepreneur_rating, mentor_rating, logged_by) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
        f"RETURNING {_SESSION_COLUMNS}",
        match["tenant_id"],
        uuid.uuid4(),
        actor,
        match_id,
        match["mentor_tenant_id"],
        data.held_on,
        data.minutes,
        data.channel.value,
        data.topics,
        data.entrepreneur_rating,
        data.mentor_rating,
        side_of(match, tenant_id).value,
    )
    return Session.model_validate(dict(row))


async def list_sessions(
    db: Database, *, tenant_id: uuid.UUID, match_id: uuid.UUID, page: PageParams
) -> Page[Session]:
    visible = await db.fetchrow(
        tenant_id,
        f"SELECT x.tenant_id FROM matches x WHERE {TENANT_GATE} AND {_VISIBLE} AND x.id = $2",
        match_id,
    )
    if visible is None:
        raise not_found("Match")
    after, after_args = keyset_clause(page, 5)
    rows = await db.fetch(
        tenant_id,
        f"SELECT {_SESSION_COLUMNS} FROM mentoring_sessions WHERE {TENANT_GATE} "
        f"AND tenant_id = $3 AND match_id = $4{after} ORDER BY created_at, id LIMIT $2",
        page.limit + 1,
        visible["tenant_id"],
        match_id,
        *after_args,
    )
    return build_page(rows, page, lambda row: Session.model_validate(dict(row)))


def topic_areas() -> list[dict[str, Any]]:
    return [
        {"area": area, "topics": [area, *(f"{area}.{c}" for c in children)]}
        for area, children in vocabulary.AREAS.items()
    ]
