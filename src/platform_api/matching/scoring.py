"""How well a mentor or a lender fits an entrepreneur: pure arithmetic, no I/O.

A pair first passes hard filters ("must": a shared language, a free slot, ...); a pair
failing one is never recommended. It is then scored on weighted soft criteria, each worth
0 to 1, into a score of 0-100 with one line of explanation per criterion. A criterion the
entrepreneur gives nothing to judge by (no sector, no needs, no gender preference) is left
out and the others share its weight, so scores of one entrepreneur stay comparable.

Everything is integer arithmetic: `points` ranks mentors exactly (the recommendation SQL
computes the same integer, see `MentorPlan`), and a score is `points / max_points` in
hundredths of a point, rounded half up. `mentor_points_matrix` is the same formula over
whole arrays for cohort assignment; tests hold the three equal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from platform_api.matching import vocabulary

#: A score in hundredths: 10000 is 100.00.
SCORE_SCALE = 10_000


class Criterion(StrEnum):
    EXPERTISE = "expertise"
    SECTOR = "sector"
    STAGE = "stage"
    LOCATION = "location"
    GENDER = "gender"
    REGION = "region"
    PRODUCT = "product"
    FUNDS = "funds"
    FOCUS = "focus"


class Filter(StrEnum):
    """Why a pair was excluded before scoring."""

    PAUSED = "paused"
    NO_CAPACITY = "no_capacity"
    NO_SHARED_LANGUAGE = "no_shared_language"
    DIFFERENT_COUNTRY = "different_country"
    NO_NETWORK_CONSENT = "no_network_consent"
    DECLINED_BEFORE = "declined_before"
    INACTIVE = "inactive"
    CURRENCY = "currency"
    AMOUNT_OUT_OF_RANGE = "amount_out_of_range"
    NO_FUNDS = "no_funds"


@dataclass(frozen=True)
class MentorWeights:
    expertise: int = 40
    sector: int = 20
    stage: int = 10
    location: int = 20
    gender: int = 10


@dataclass(frozen=True)
class LenderWeights:
    sector: int = 25
    region: int = 25
    product: int = 15
    funds: int = 20
    focus: int = 15


@dataclass(frozen=True)
class Rules:
    """Hard filters a tenant can switch on or off (capacity and pauses always apply)."""

    shared_language: bool = True
    same_country: bool = False


@dataclass(frozen=True)
class Mentee:
    """The entrepreneur's side of a mentor match."""

    country: str
    needs: tuple[str, ...] = ()
    languages: frozenset[str] = frozenset()
    sector: str | None = None
    stage: str | None = None
    region: str | None = None
    utc_offset_minutes: int | None = None
    preferred_mentor_gender: str | None = None
    network_consent: bool = False


@dataclass(frozen=True)
class Mentor:
    country: str
    topics: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    stages: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    region: str | None = None
    utc_offset_minutes: int | None = None
    gender: str | None = None
    available: bool = True
    open_slots: int = 1
    other_tenant: bool = False
    related: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "related", frozenset(vocabulary.related_topics(self.topics)))


@dataclass(frozen=True)
class Part:
    """One criterion of a score: its share of the 100 points and why."""

    criterion: Criterion
    weight: int
    value: float
    points: float
    reason: str


@dataclass(frozen=True)
class Score:
    points: int
    max_points: int
    score: float
    parts: tuple[Part, ...]


def scaled(points: int, max_points: int) -> int:
    """`points / max_points` in hundredths of a 0-100 score, rounded half up."""
    if max_points <= 0:
        return 0
    return (2 * SCORE_SCALE * points + max_points) // (2 * max_points)


def _score(
    points: int, max_points: int, parts: list[tuple[Criterion, int, int, int, str]]
) -> Score:
    """parts: (criterion, weight, term points, term maximum, reason)."""
    return Score(
        points=points,
        max_points=max_points,
        score=scaled(points, max_points) / 100,
        parts=tuple(
            Part(
                criterion=criterion,
                weight=weight,
                value=round(term / term_max, 4) if term_max else 0.0,
                points=round(100 * term / max_points, 2) if max_points else 0.0,
                reason=reason,
            )
            for criterion, weight, term, term_max, reason in parts
        ),
    )


# --------------------------------------------------------------------------- mentors


@dataclass(frozen=True)
class MentorPlan:
    """The integer formula for one entrepreneur and a tenant's weights:

        points = expertise_unit * credit
               + unit * 10 * (w_sector * [sector listed] + w_stage * [stage listed]
                              + w_gender * [preferred gender])
               + unit * w_location * location_tenths

    where `credit` sums over the needs 2 for a mentor topic equal to the need, 1 for a
    neighbouring topic; `unit` is twice the number of needs (1 without needs), so every
    term is an integer. A criterion without data has weight 0 here."""

    mentee: Mentee
    needs: tuple[str, ...]
    unknown_needs: tuple[str, ...]
    expertise_unit: int
    unit: int
    w_sector: int
    w_stage: int
    w_location: int
    w_gender: int
    max_points: int
    weights: MentorWeights


def mentor_plan(mentee: Mentee, weights: MentorWeights) -> MentorPlan:
    resolved = [vocabulary.resolve(need) for need in mentee.needs]
    needs = tuple(dict.fromkeys(t for t in resolved if t is not None))
    unknown = tuple(n for n, t in zip(mentee.needs, resolved, strict=True) if t is None)
    unit = 2 * len(needs) if needs else 1
    w_expertise = weights.expertise if needs else 0
    w_sector = weights.sector if mentee.sector else 0
    w_stage = weights.stage if mentee.stage else 0
    w_gender = weights.gender if mentee.preferred_mentor_gender else 0
    total = w_expertise + w_sector + w_stage + weights.location + w_gender
    return MentorPlan(
        mentee=mentee,
        needs=needs,
        unknown_needs=unknown,
        expertise_unit=10 * w_expertise,
        unit=unit,
        w_sector=w_sector,
        w_stage=w_stage,
        w_location=weights.location,
        w_gender=w_gender,
        max_points=unit * 10 * total,
        weights=weights,
    )


def mentor_filters(mentee: Mentee, mentor: Mentor, rules: Rules) -> list[Filter]:
    """The hard filters the pair fails (empty: it may be recommended). Declined pairs are
    known to the caller, not to the profiles."""
    failed = []
    if not mentor.available:
        failed.append(Filter.PAUSED)
    if mentor.open_slots <= 0:
        failed.append(Filter.NO_CAPACITY)
    if rules.shared_language and mentee.languages and not mentee.languages & mentor.languages:
        failed.append(Filter.NO_SHARED_LANGUAGE)
    if rules.same_country and mentee.country != mentor.country:
        failed.append(Filter.DIFFERENT_COUNTRY)
    if mentor.other_tenant and not mentee.network_consent:
        failed.append(Filter.NO_NETWORK_CONSENT)
    return failed


def _credit(need: str, mentor: Mentor) -> int:
    return 2 if need in mentor.topics else 1 if need in mentor.related else 0


def location_tenths(mentee: Mentee, mentor: Mentor) -> tuple[int, str]:
    if mentee.country == mentor.country:
        if mentee.region is not None and mentee.region == mentor.region:
            return 10, f"Same region ({mentor.region}, {mentor.country})."
        return 7, f"Same country ({mentor.country})."
    if mentee.utc_offset_minutes is None or mentor.utc_offset_minutes is None:
        return 0, f"Different country ({mentor.country}); time zones not comparable."
    apart = abs(mentee.utc_offset_minutes - mentor.utc_offset_minutes)
    hours = f"{apart / 60:g} h apart"
    if apart <= 60:
        return 5, f"Different country ({mentor.country}); time zones {hours}."
    if apart <= 180:
        return 3, f"Different country ({mentor.country}); time zones {hours}."
    return 0, f"Different country ({mentor.country}); time zones {hours}."


def mentor_points(plan: MentorPlan, mentor: Mentor) -> int:
    """The ranking integer alone (what the SQL computes)."""
    mentee = plan.mentee
    credit = sum(_credit(need, mentor) for need in plan.needs)
    flags = (
        plan.w_sector * (mentee.sector in mentor.sectors)
        + plan.w_stage * (mentee.stage in mentor.stages)
        + plan.w_gender
        * (mentor.gender is not None and mentor.gender == mentee.preferred_mentor_gender)
    )
    return (
        plan.expertise_unit * credit
        + plan.unit * 10 * flags
        + plan.unit * plan.w_location * location_tenths(mentee, mentor)[0]
    )


def score_mentor(plan: MentorPlan, mentor: Mentor) -> Score:
    """The score with its per-criterion breakdown and reasons."""
    mentee = plan.mentee
    parts: list[tuple[Criterion, int, int, int, str]] = []
    if plan.expertise_unit:
        exact = [n for n in plan.needs if _credit(n, mentor) == 2]
        near = [n for n in plan.needs if _credit(n, mentor) == 1]
        covered = len(exact) + len(near)
        reason = f"Covers {covered} of {len(plan.needs)} need(s)"
        if exact:
            reason += f"; expert in {', '.join(exact)}"
        if near:
            reason += f"; related expertise for {', '.join(near)}"
        if plan.unknown_needs:
            reason += f"; not in the vocabulary: {', '.join(plan.unknown_needs)}"
        credit = 2 * len(exact) + len(near)
        parts.append(
            (
                Criterion.EXPERTISE,
                plan.weights.expertise,
                plan.expertise_unit * credit,
                plan.expertise_unit * 2 * len(plan.needs),
                reason + ".",
            )
        )
    full = plan.unit * 10
    if plan.w_sector:
        hit = mentee.sector in mentor.sectors
        parts.append(
            (
                Criterion.SECTOR,
                plan.w_sector,
                full * plan.w_sector * hit,
                full * plan.w_sector,
                f"Mentors in {mentee.sector}."
                if hit
                else f"Does not list {mentee.sector} among their sectors.",
            )
        )
    if plan.w_stage:
        hit = mentee.stage in mentor.stages
        parts.append(
            (
                Criterion.STAGE,
                plan.w_stage,
                full * plan.w_stage * hit,
                full * plan.w_stage,
                f"Works with {mentee.stage} businesses."
                if hit
                else f"Does not list the {mentee.stage} stage.",
            )
        )
    if plan.w_location:
        tenths, reason = location_tenths(mentee, mentor)
        parts.append(
            (
                Criterion.LOCATION,
                plan.w_location,
                plan.unit * plan.w_location * tenths,
                full * plan.w_location,
                reason,
            )
        )
    if plan.w_gender:
        wanted = mentee.preferred_mentor_gender
        hit = mentor.gender is not None and mentor.gender == wanted
        parts.append(
            (
                Criterion.GENDER,
                plan.w_gender,
                full * plan.w_gender * hit,
                full * plan.w_gender,
                f"Matches the preferred mentor gender ({wanted})."
                if hit
                else f"Does not match the preferred mentor gender ({wanted}).",
            )
        )
    points = sum(term for _, _, term, _, _ in parts)
    return _score(points, plan.max_points, parts)


def mentor_search_keys(topics: Sequence[str], sectors: Sequence[str]) -> list[str]:
    """Index keys of a mentor: `t:<topic>`, `s:<sector>`, `ts:<topic>|<sector>` and
    `tt:<topic>|<topic>` (each pair once, in code-point order), so candidates sharing a
    topic and a sector, or two topics, are found by B-tree equality, which row-level
    security lets the planner use (array operators it does not)."""
    ordered = sorted(set(topics))
    keys = {f"t:{t}" for t in ordered} | {f"s:{s}" for s in sectors}
    keys |= {f"ts:{t}|{s}" for t in ordered for s in sectors}
    keys |= {f"tt:{a}|{b}" for i, a in enumerate(ordered) for b in ordered[i + 1 :]}
    return sorted(keys)


@dataclass(frozen=True)
class Tier:
    """Candidates carrying any of `keys`; every mentor without one scores at most
    `bound`, so the top k of the tier are the top k overall when the k-th of them scores
    more than `bound`. Which keys a candidate carries also bounds its own points
    (`candidate_bound`), so only the most promising are scored: per need, one of
    `exact[i]` means the need is among its topics, one of `related[i]` a neighbouring
    topic; one of `sector_keys` that it lists the mentee's sector, and then its
    `related` flags are complete (else a neighbouring topic is assumed)."""

    keys: tuple[str, ...]
    bound: int
    exact: tuple[tuple[str, ...], ...]
    related: tuple[tuple[str, ...], ...]
    sector_keys: tuple[str, ...]


def unkeyed_max(plan: MentorPlan) -> int:
    """The most points gender can add: search key rows do not carry it."""
    return plan.unit * 10 * plan.w_gender


def rest_max(plan: MentorPlan) -> int:
    """The most points criteria other than expertise and sector can add."""
    return unkeyed_max(plan) + plan.unit * 10 * plan.w_stage + plan.unit * plan.w_location * 10


def search_tiers(plan: MentorPlan) -> list[Tier]:
    """The candidate tiers for the plan, narrowest first (empty: every eligible mentor
    is scored).

    With a sector to match, the first tier's candidates list it together with a need's
    topic or a neighbouring one (`ts:` keys), or hold two needs' topics (`tt:` keys). A
    mentor without such a key either lists the sector but no topic near a need (at most
    the sector's points) or holds at most one need's topic, the others at best related
    (credit n + 1 of 2n). The second tier adds whoever holds a need's topic (`t:` keys):
    a mentor outside it holds none, so has credit n at most, or 0 if it lists the
    sector (a topic near a need would have given it a `ts:` key). The first proves the
    answer when the sector and the needs go together; the second when they do not
    (a manufacturer in need of intellectual property law), for less than scoring every
    mentor. Without a sector, the candidates hold a need's topic; without needs (or
    expertise weight), they list the sector."""
    n = len(plan.needs)
    sector_points = plan.unit * 10 * plan.w_sector
    rest = rest_max(plan)
    if not plan.expertise_unit or not n:
        if not sector_points:
            return []
        key = f"s:{plan.mentee.sector}"
        return [Tier((key,), rest, (), (), (key,))]
    if not sector_points:
        exact: tuple[tuple[str, ...], ...] = tuple((f"t:{need}",) for need in plan.needs)
        keys = tuple(group[0] for group in exact)
        bound = rest + plan.expertise_unit * n
        return [Tier(keys, bound, exact, tuple(() for _ in exact), ())]
    sector = plan.mentee.sector
    pairs = [
        tuple(f"tt:{min(need, other)}|{max(need, other)}" for other in plan.needs if other != need)
        for need in plan.needs
    ]
    exact = tuple(
        (f"ts:{need}|{sector}", *pair) for need, pair in zip(plan.needs, pairs, strict=True)
    )
    related = tuple(
        tuple(f"ts:{t}|{sector}" for t in sorted(vocabulary.neighbours(need)))
        for need in plan.needs
    )
    topic_keys = [group[0] for group in exact] + [key for group in related for key in group]
    sector_keys = tuple(dict.fromkeys(topic_keys))
    keys = tuple(dict.fromkeys([*sector_keys, *(key for pair in pairs for key in pair)]))
    bound = rest + max(sector_points, plan.expertise_unit * (n + 1))
    narrow = Tier(keys, bound, exact, related, sector_keys)
    held = tuple((*group, f"t:{need}") for group, need in zip(exact, plan.needs, strict=True))
    wide_keys = tuple(dict.fromkeys([*keys, *(f"t:{need}" for need in plan.needs)]))
    wide_bound = rest + max(sector_points, plan.expertise_unit * n)
    return [narrow, Tier(wide_keys, wide_bound, held, related, sector_keys)]


def candidate_bound(
    plan: MentorPlan,
    tier: Tier,
    exact: Sequence[bool],
    related: Sequence[bool],
    sector: bool,
    stage: bool,
    location: int,
) -> int:
    """The most points a candidate of `tier` can score, given which of the tier's key
    groups it carries (see `Tier`), whether it lists the mentee's stage, and its
    `location_tenths` (key rows carry the mentor's stages and location)."""
    complete = sector and bool(tier.sector_keys)
    credit = sum(
        2 if e else 1 if r or not complete else 0 for e, r in zip(exact, related, strict=True)
    )
    sector_points = plan.unit * 10 * plan.w_sector * (sector or not tier.sector_keys)
    return (
        plan.expertise_unit * credit
        + sector_points
        + plan.unit * 10 * plan.w_stage * stage
        + unkeyed_max(plan)
        + plan.unit * plan.w_location * location
    )


class _Codes:
    """Dense integer codes for values (None stays -1)."""

    def __init__(self) -> None:
        self.index: dict[object, int] = {}

    def __call__(self, value: object) -> int:
        if value is None:
            return -1
        return self.index.setdefault(value, len(self.index))


def _membership(sets: Sequence[frozenset[str]], codes: _Codes) -> npt.NDArray[np.bool_]:
    rows = [[codes(v) for v in s] for s in sets]
    matrix = np.zeros((len(sets), max(len(codes.index), 1)), dtype=bool)
    for i, row in enumerate(rows):
        matrix[i, row] = True
    return matrix


def _offsets(values: Sequence[int | None]) -> npt.NDArray[np.float64]:
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


def mentor_points_matrix(
    plans: Sequence[MentorPlan], mentors: Sequence[Mentor]
) -> npt.NDArray[np.int64]:
    """`mentor_points` for every (plan, mentor) pair at once: E x M."""
    E, M = len(plans), len(mentors)
    topic_codes = {t: i for i, t in enumerate(vocabulary.TOPICS)}
    needs = np.zeros((E, len(topic_codes)), dtype=np.int64)
    for i, plan in enumerate(plans):
        needs[i, [topic_codes[n] for n in plan.needs]] = 1
    exact = np.zeros((M, len(topic_codes)), dtype=np.int64)
    related = np.zeros((M, len(topic_codes)), dtype=np.int64)
    for j, mentor in enumerate(mentors):
        exact[j, [topic_codes[t] for t in mentor.topics]] = 1
        related[j, [topic_codes[t] for t in mentor.related]] = 1
    credit = needs @ (2 * exact + related).T

    def column(attr: str) -> npt.NDArray[np.int64]:
        return np.array([getattr(p, attr) for p in plans], dtype=np.int64)[:, None]

    def listed(mentee_attr: str, mentor_attr: str) -> npt.NDArray[np.bool_]:
        codes = _Codes()
        wanted = np.array([codes(getattr(p.mentee, mentee_attr)) for p in plans])
        have = _membership([getattr(m, mentor_attr) for m in mentors], codes)
        return np.where(wanted[:, None] >= 0, have[:, np.maximum(wanted, 0)].T, False)

    genders = _Codes()
    wanted_gender = np.array([genders(p.mentee.preferred_mentor_gender) for p in plans])
    mentor_gender = np.array([genders(m.gender) for m in mentors])
    gender_hit = (wanted_gender[:, None] == mentor_gender[None, :]) & (wanted_gender[:, None] >= 0)

    places = _Codes()
    e_country = np.array([places(p.mentee.country) for p in plans])
    m_country = np.array([places(m.country) for m in mentors])
    e_region = np.array(
        [places((p.mentee.country, p.mentee.region)) if p.mentee.region else -1 for p in plans]
    )
    m_region = np.array([places((m.country, m.region)) if m.region else -2 for m in mentors])
    same_country = e_country[:, None] == m_country[None, :]
    same_region = e_region[:, None] == m_region[None, :]
    with np.errstate(invalid="ignore"):
        apart = np.abs(
            _offsets([p.mentee.utc_offset_minutes for p in plans])[:, None]
            - _offsets([m.utc_offset_minutes for m in mentors])[None, :]
        )
        tenths = np.select(
            [same_region, same_country, apart <= 60, apart <= 180], [10, 7, 5, 3], default=0
        )
    flags = (
        column("w_sector") * listed("sector", "sectors")
        + column("w_stage") * listed("stage", "stages")
        + column("w_gender") * gender_hit
    )
    points: npt.NDArray[np.int64] = (
        column("expertise_unit") * credit
        + column("unit") * 10 * flags
        + column("unit") * column("w_location") * tenths
    ).astype(np.int64)
    assert points.shape == (E, M)
    return points


def mentor_allowed_matrix(
    mentees: Sequence[Mentee], mentors: Sequence[Mentor], rules: Rules
) -> npt.NDArray[np.bool_]:
    """`not mentor_filters(...)` for every pair at once: E x M."""
    allowed = np.ones((len(mentees), len(mentors)), dtype=bool)
    allowed &= np.array([m.available and m.open_slots > 0 for m in mentors])[None, :]
    if rules.shared_language:
        codes = _Codes()
        for m in mentors:
            for language in m.languages:
                codes(language)
        speaks = _membership([m.languages for m in mentors], codes).astype(np.int64)
        wants = np.zeros((len(mentees), speaks.shape[1]), dtype=np.int64)
        for i, mentee in enumerate(mentees):
            known = [codes.index[x] for x in mentee.languages if x in codes.index]
            wants[i, known] = 1
        silent = np.array([not mentee.languages for mentee in mentees])
        allowed &= ((wants @ speaks.T) > 0) | silent[:, None]
    if rules.same_country:
        allowed &= (
            np.array([e.country for e in mentees])[:, None]
            == np.array([m.country for m in mentors])[None, :]
        )
    foreign = np.array([m.other_tenant for m in mentors])
    consent = np.array([e.network_consent for e in mentees])
    allowed &= ~foreign[None, :] | consent[:, None]
    return allowed


def scaled_matrix(
    points: npt.NDArray[np.int64], max_points: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """`scaled` element-wise, `max_points` per row."""
    top = np.maximum(max_points, 1)[:, None]
    result: npt.NDArray[np.int64] = np.where(
        max_points[:, None] > 0, (2 * SCORE_SCALE * points + top) // (2 * top), 0
    )
    return result


# --------------------------------------------------------------------------- lenders


class LenderProduct(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"
    CROWDFUNDED = "crowdfunded"


@dataclass(frozen=True)
class FundingNeed:
    """The entrepreneur's side of a lender match."""

    amount: int
    currency: str
    country: str
    region: str | None = None
    sector: str | None = None
    product: str | None = None
    woman: bool = False
    youth: bool = False


@dataclass(frozen=True)
class Funds:
    available: int
    min_amount: int
    max_amount: int


@dataclass(frozen=True)
class Lender:
    funds: dict[str, Funds]
    active: bool = True
    sectors: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    products: frozenset[str] = frozenset()
    gender_focus: str | None = None
    youth_focus: bool = False


def lender_filters(need: FundingNeed, lender: Lender) -> list[Filter]:
    failed = []
    if not lender.active:
        failed.append(Filter.INACTIVE)
    funds = lender.funds.get(need.currency)
    if funds is None:
        failed.append(Filter.CURRENCY)
    else:
        if not funds.min_amount <= need.amount <= funds.max_amount:
            failed.append(Filter.AMOUNT_OUT_OF_RANGE)
        if funds.available <= 0:
            failed.append(Filter.NO_FUNDS)
    return failed


def score_lender(need: FundingNeed, lender: Lender, weights: LenderWeights) -> Score:
    """Sector, region and product listed (a lender listing none is a generalist, worth
    half), the share of the need its available funds cover, and a women or youth focus
    met (judged only for a woman or a young entrepreneur)."""
    parts: list[tuple[Criterion, int, int, int, str]] = []

    def add(criterion: Criterion, weight: int, tenths: int, reason: str) -> None:
        parts.append((criterion, weight, weight * tenths, weight * 10, reason))

    if need.sector and weights.sector:
        if need.sector in lender.sectors:
            add(Criterion.SECTOR, weights.sector, 10, f"Lends to {need.sector}.")
        elif not lender.sectors:
            add(Criterion.SECTOR, weights.sector, 5, "Lends to any sector.")
        else:
            add(Criterion.SECTOR, weights.sector, 0, f"Does not lend to {need.sector}.")
    if weights.region:
        if need.country in lender.countries:
            if not lender.regions or need.region in lender.regions:
                add(Criterion.REGION, weights.region, 10, f"Lends in {need.country}.")
            else:
                add(Criterion.REGION, weights.region, 7, f"Lends in {need.country}, other regions.")
        elif not lender.countries:
            add(Criterion.REGION, weights.region, 5, "Lends in any country.")
        else:
            add(Criterion.REGION, weights.region, 0, f"Does not lend in {need.country}.")
    if need.product and weights.product:
        if need.product in lender.products:
            add(Criterion.PRODUCT, weights.product, 10, f"Funds {need.product} loans.")
        elif not lender.products:
            add(Criterion.PRODUCT, weights.product, 5, "Funds any kind of loan.")
        else:
            add(Criterion.PRODUCT, weights.product, 0, f"Does not fund {need.product} loans.")
    funds = lender.funds.get(need.currency)
    if weights.funds and funds is not None and need.amount > 0:
        tenths = min(10, 10 * funds.available // need.amount)
        share = "all" if tenths == 10 else f"{tenths * 10}%"
        add(Criterion.FUNDS, weights.funds, tenths, f"Available funds cover {share} of the need.")
    if (need.woman or need.youth) and weights.focus:
        women = need.woman and lender.gender_focus == "female"
        young = need.youth and lender.youth_focus
        if women or young:
            focus = "women" if women else "young entrepreneurs"
            add(Criterion.FOCUS, weights.focus, 10, f"Focuses on {focus}.")
        else:
            add(Criterion.FOCUS, weights.focus, 0, "No focus on women or young entrepreneurs.")
    points = sum(term for _, _, term, _, _ in parts)
    return _score(points, sum(top for _, _, _, top, _ in parts), parts)
