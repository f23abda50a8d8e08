"""Scoring: unit cases, and properties over generated profiles."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from platform_api.matching import scoring, vocabulary
from platform_api.matching.scoring import Criterion, Filter, Mentee, Mentor, MentorWeights, Rules

DEFAULT = MentorWeights()

topics = st.sampled_from(vocabulary.TOPICS)
sectors = st.sampled_from(["food", "retail", "agriculture", "fashion"])
stages = st.sampled_from(["idea", "starting", "growing", "established"])
languages = st.sampled_from(["en", "sw", "fr", "lg"])
countries = st.sampled_from(["KE", "UG", "TZ"])
regions = st.sampled_from([None, "Nairobi", "Kisumu"])
offsets = st.sampled_from([None, 0, 60, 120, 180, 240, 330])
genders = st.sampled_from([None, "female", "male"])
needs = st.lists(
    st.one_of(topics, st.sampled_from(["bookkeeping", "digital", "unknown-need"])), max_size=4
)

mentees = st.builds(
    Mentee,
    country=countries,
    needs=needs.map(tuple),
    languages=st.frozensets(languages, max_size=2),
    sector=st.one_of(st.none(), sectors),
    stage=st.one_of(st.none(), stages),
    region=regions,
    utc_offset_minutes=offsets,
    preferred_mentor_gender=genders,
    network_consent=st.booleans(),
)
mentors = st.builds(
    Mentor,
    country=countries,
    topics=st.frozensets(topics, min_size=1, max_size=4),
    sectors=st.frozensets(sectors, max_size=2),
    stages=st.frozensets(stages, max_size=2),
    languages=st.frozensets(languages, min_size=1, max_size=2),
    region=regions,
    utc_offset_minutes=offsets,
    gender=genders,
    available=st.booleans(),
    open_slots=st.integers(0, 2),
    other_tenant=st.booleans(),
)
weights = st.builds(
    MentorWeights,
    expertise=st.integers(0, 100),
    sector=st.integers(0, 100),
    stage=st.integers(0, 100),
    location=st.integers(0, 100),
    gender=st.integers(0, 100),
)
rules = st.builds(Rules, shared_language=st.booleans(), same_country=st.booleans())


def _plan(mentee: Mentee, w: MentorWeights = DEFAULT) -> scoring.MentorPlan:
    return scoring.mentor_plan(mentee, w)


def test_a_perfect_mentor_scores_100_with_a_reason_per_criterion():
    mentee = Mentee(
        country="KE",
        region="Nairobi",
        needs=("bookkeeping", "marketing.digital"),
        sector="food",
        stage="growing",
        languages=frozenset({"sw"}),
        preferred_mentor_gender="female",
    )
    mentor = Mentor(
        country="KE",
        region="Nairobi",
        topics=frozenset({"finance.bookkeeping", "marketing.digital"}),
        sectors=frozenset({"food"}),
        stages=frozenset({"growing"}),
        languages=frozenset({"sw"}),
        gender="female",
    )
    score = scoring.score_mentor(_plan(mentee), mentor)
    assert score.score == 100.0
    assert [p.criterion for p in score.parts] == [
        Criterion.EXPERTISE,
        Criterion.SECTOR,
        Criterion.STAGE,
        Criterion.LOCATION,
        Criterion.GENDER,
    ]
    assert "Covers 2 of 2 need(s)" in score.parts[0].reason
    assert score.parts[3].reason == "Same region (Nairobi, KE)."
    assert sum(p.points for p in score.parts) == 100.0


def test_related_topics_count_half_and_unknown_needs_are_named():
    mentee = Mentee(country="KE", needs=("finance.bookkeeping", "unknown-need"))
    generalist = Mentor(country="UG", topics=frozenset({"finance"}))
    score = scoring.score_mentor(_plan(mentee), generalist)
    expertise = score.parts[0]
    assert expertise.value == 0.5
    assert "related expertise for finance.bookkeeping" in expertise.reason
    assert "not in the vocabulary: unknown-need" in expertise.reason


def test_criteria_without_data_are_left_out_and_the_rest_share_the_weight():
    mentee = Mentee(country="KE")
    score = scoring.score_mentor(_plan(mentee), Mentor(country="KE", topics=frozenset({"legal"})))
    assert [p.criterion for p in score.parts] == [Criterion.LOCATION]
    assert score.score == 70.0  # same country, region unknown


def test_time_zone_distance_scores_mentors_abroad():
    mentee = Mentee(country="KE", utc_offset_minutes=180)
    near = Mentor(country="UG", topics=frozenset({"legal"}), utc_offset_minutes=180)
    middle = Mentor(country="GH", topics=frozenset({"legal"}), utc_offset_minutes=0)
    far = Mentor(country="SN", topics=frozenset({"legal"}), utc_offset_minutes=-60)
    assert scoring.score_mentor(_plan(mentee), near).score == 50.0
    assert scoring.score_mentor(_plan(mentee), middle).score == 30.0
    assert scoring.score_mentor(_plan(mentee), far).score == 0.0
    assert "4 h apart" in scoring.score_mentor(_plan(mentee), far).parts[0].reason


def test_hard_filters_name_every_failure():
    mentee = Mentee(country="KE", languages=frozenset({"sw"}))
    mentor = Mentor(
        country="UG",
        topics=frozenset({"legal"}),
        languages=frozenset({"fr"}),
        available=False,
        open_slots=0,
        other_tenant=True,
    )
    assert scoring.mentor_filters(mentee, mentor, Rules(same_country=True)) == [
        Filter.PAUSED,
        Filter.NO_CAPACITY,
        Filter.NO_SHARED_LANGUAGE,
        Filter.DIFFERENT_COUNTRY,
        Filter.NO_NETWORK_CONSENT,
    ]


@settings(max_examples=150)
@given(mentee=mentees, mentor=mentors, w=weights, extra=st.frozensets(topics, max_size=3))
def test_more_overlap_never_scores_lower(mentee, mentor, w, extra):
    plan = _plan(mentee, w)
    more = Mentor(**{**_fields(mentor), "topics": mentor.topics | extra})
    assert scoring.mentor_points(plan, more) >= scoring.mentor_points(plan, mentor)
    assert scoring.score_mentor(plan, more).score >= scoring.score_mentor(plan, mentor).score


@settings(max_examples=150)
@given(mentee=mentees, mentor=mentors, w=weights)
def test_score_is_0_to_100_and_explained_by_its_parts(mentee, mentor, w):
    plan = _plan(mentee, w)
    score = scoring.score_mentor(plan, mentor)
    assert score.points == scoring.mentor_points(plan, mentor)
    assert 0 <= score.points <= plan.max_points
    assert 0 <= score.score <= 100
    assert abs(sum(p.points for p in score.parts) - score.score) < 0.05
    assert all(p.reason for p in score.parts)


@settings(max_examples=60)
@given(
    people=st.lists(mentees, min_size=1, max_size=5),
    pool=st.lists(mentors, min_size=1, max_size=6),
    w=weights,
    r=rules,
)
def test_the_matrices_equal_the_pairwise_functions(people, pool, w, r):
    plans = [_plan(m, w) for m in people]
    points = scoring.mentor_points_matrix(plans, pool)
    allowed = scoring.mentor_allowed_matrix(people, pool, r)
    scaled = scoring.scaled_matrix(points, np.array([p.max_points for p in plans]))
    for i, plan in enumerate(plans):
        for j, mentor in enumerate(pool):
            assert points[i, j] == scoring.mentor_points(plan, mentor)
            assert allowed[i, j] == (not scoring.mentor_filters(plan.mentee, mentor, r))
            assert scaled[i, j] / 100 == scoring.score_mentor(plan, mentor).score


#: Two areas only, so that needs and expertise overlap often.
near_topics = st.sampled_from(
    [t for t in vocabulary.TOPICS if t.split(".")[0] in ("finance", "legal")]
)


@settings(max_examples=1500)
@given(
    mentee=mentees,
    mentor=mentors,
    w=weights,
    wanted=st.lists(near_topics, max_size=4),
    held=st.frozensets(near_topics, min_size=1, max_size=4),
)
def test_no_mentor_beats_the_bound_its_search_keys_give(mentee, mentor, w, wanted, held):
    """Outside the tier: the tier's bound; inside: the bound of the key groups it
    carries, its stages and location. The recommendation stops on these bounds."""
    mentee = replace(mentee, needs=tuple(wanted))
    mentor = Mentor(**{**_fields(mentor), "topics": held})
    plan = _plan(mentee, w)
    keys = set(scoring.mentor_search_keys(sorted(mentor.topics), sorted(mentor.sectors)))
    points = scoring.mentor_points(plan, mentor)
    for tier in scoring.search_tiers(plan):
        assert tier.bound < plan.max_points
        if not keys & set(tier.keys):
            assert points <= tier.bound
            continue
        bound = scoring.candidate_bound(
            plan,
            tier,
            exact=[bool(keys & set(group)) for group in tier.exact],
            related=[bool(keys & set(group)) for group in tier.related],
            sector=bool(keys & set(tier.sector_keys)),
            stage=mentee.stage in mentor.stages,
            location=scoring.location_tenths(plan.mentee, mentor)[0],
        )
        assert points <= bound <= plan.max_points


def test_search_keys_pair_topics_once_in_code_point_order():
    keys = scoring.mentor_search_keys(["marketing.sales", "finance", "finance.tax"], ["food"])
    assert [k for k in keys if k.startswith("tt:")] == [
        "tt:finance.tax|marketing.sales",
        "tt:finance|finance.tax",
        "tt:finance|marketing.sales",
    ]


def _fields(mentor: Mentor) -> dict:
    return {
        name: getattr(mentor, name)
        for name in (
            "country",
            "topics",
            "sectors",
            "stages",
            "languages",
            "region",
            "utc_offset_minutes",
            "gender",
            "available",
            "open_slots",
            "other_tenant",
        )
    }


def test_lender_score_explains_each_criterion():
    need = scoring.FundingNeed(
        amount=100_000, currency="KES", country="KE", sector="food", product="group", woman=True
    )
    lender = scoring.Lender(
        funds={"KES": scoring.Funds(available=50_000, min_amount=1, max_amount=500_000)},
        sectors=frozenset({"food"}),
        countries=frozenset({"KE"}),
        products=frozenset(),
        gender_focus="female",
    )
    assert scoring.lender_filters(need, lender) == []
    score = scoring.score_lender(need, lender, scoring.LenderWeights())
    reasons = {p.criterion: p.reason for p in score.parts}
    assert reasons[Criterion.FUNDS] == "Available funds cover 50% of the need."
    assert reasons[Criterion.PRODUCT] == "Funds any kind of loan."
    assert reasons[Criterion.FOCUS] == "Focuses on women."
    # 25 + 25 + 15 * 0.5 + 20 * 0.5 + 15 of 100
    assert score.score == 82.5
    small = scoring.FundingNeed(amount=600_000, currency="KES", country="KE")
    assert scoring.lender_filters(small, lender) == [Filter.AMOUNT_OUT_OF_RANGE]
