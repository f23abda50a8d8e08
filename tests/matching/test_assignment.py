"""Cohort assignment is exact: checked against brute force on small cases."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from platform_api.matching.assignment import Mode, OverCapacity, solve


@st.composite
def cases(draw):
    entrepreneurs = draw(st.integers(1, 5))
    mentors = draw(st.integers(1, 3))
    scores = np.array(
        draw(
            st.lists(
                st.integers(0, 10_000),
                min_size=entrepreneurs * mentors,
                max_size=entrepreneurs * mentors,
            )
        ),
        dtype=np.int64,
    ).reshape(entrepreneurs, mentors)
    allowed = np.array(
        draw(st.lists(st.booleans(), min_size=scores.size, max_size=scores.size))
    ).reshape(scores.shape)
    capacities = draw(st.lists(st.integers(0, 2), min_size=mentors, max_size=mentors))
    return scores, allowed, capacities


def _objective(mode: Mode, pairs, scores) -> tuple[int, int]:
    total = sum(int(scores[i, j]) for i, j in pairs)
    return (len(pairs), total) if mode is Mode.MAXIMISE_PARTICIPATION else (total, len(pairs))


def _brute_force(scores, allowed, capacities, mode: Mode) -> tuple[int, int]:
    """Every way to give each entrepreneur one allowed mentor or none, within capacity."""
    entrepreneurs, mentors = scores.shape
    best = (-1, -1)
    for choice in itertools.product(range(-1, mentors), repeat=entrepreneurs):
        pairs = [(i, j) for i, j in enumerate(choice) if j >= 0]
        if any(not allowed[i, j] for i, j in pairs):
            continue
        if any(sum(1 for _, j in pairs if j == m) > capacities[m] for m in range(mentors)):
            continue
        best = max(best, _objective(mode, pairs, scores))
    return best


def _check_feasible(solution, allowed, capacities, required=()):
    used = [j for _, j in solution.pairs]
    assert all(used.count(m) <= capacities[m] for m in range(len(capacities)))
    assert len({i for i, _ in solution.pairs}) == len(solution.pairs)
    fixed = set(required)
    assert all(allowed[i, j] or (i, j) in fixed for i, j in solution.pairs)
    assert fixed <= set(solution.pairs)


@settings(max_examples=120, deadline=None)
@given(case=cases(), mode=st.sampled_from(list(Mode)))
def test_solution_is_optimal_and_never_over_capacity(case, mode):
    scores, allowed, capacities = case
    solution = solve(scores, allowed, capacities, mode)
    _check_feasible(solution, allowed, capacities)
    assert solution.total == sum(int(scores[i, j]) for i, j in solution.pairs)
    assert _objective(mode, solution.pairs, scores) == _brute_force(
        scores, allowed, capacities, mode
    )


def test_participation_and_total_score_differ_where_they_should():
    # A: mentor 0 scores 100, mentor 1 scores 1; B can only take mentor 0 (score 1).
    scores = np.array([[10_000, 100], [100, 0]], dtype=np.int64)
    allowed = np.array([[True, True], [True, False]])
    total = solve(scores, allowed, [1, 1], Mode.MAXIMISE_TOTAL_SCORE)
    participation = solve(scores, allowed, [1, 1], Mode.MAXIMISE_PARTICIPATION)
    assert total.pairs == ((0, 0),) and total.total == 10_000
    assert participation.pairs == ((0, 1), (1, 0)) and participation.total == 200


def test_required_pairs_are_kept_and_use_slots():
    scores = np.array([[10, 9000], [8000, 10]], dtype=np.int64)
    allowed = np.ones((2, 2), dtype=bool)
    solution = solve(scores, allowed, [1, 1], Mode.MAXIMISE_TOTAL_SCORE, required=[(0, 0)])
    assert solution.pairs == ((0, 0), (1, 1))
    _check_feasible(solution, allowed, [1, 1], [(0, 0)])
    with pytest.raises(OverCapacity):
        solve(scores, allowed, [1, 1], Mode.MAXIMISE_TOTAL_SCORE, required=[(0, 0), (1, 0)])


def test_nobody_assigned_when_nothing_is_allowed():
    scores = np.full((3, 2), 5000, dtype=np.int64)
    solution = solve(scores, np.zeros((3, 2), dtype=bool), [2, 2], Mode.MAXIMISE_PARTICIPATION)
    assert solution.pairs == () and solution.total == 0
