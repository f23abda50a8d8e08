"""Small-cell suppression: nothing hidden can be derived from what is shown.

The oracle is independent of the implementation: for every hidden cell, a linear
program finds the smallest and the largest value it can take given every shown value,
every line (total = sum of parts) and non-negativity. A hidden value is protected when
the two differ. Tables are breakdowns as reports publish them (a total with its gender
and age-band lines) and random line systems."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from platform_api.reporting import metrics
from platform_api.reporting.suppression import Line, suppress


def _range_of(cell, values, lines, hidden) -> tuple[float, float]:
    """(min, max) of a hidden cell over all non-negative solutions consistent with the
    shown cells and the lines (LP relaxation; lines of 0/±1 with one shared total are
    network-like, so their vertices are integral)."""
    unknowns = sorted(hidden, key=repr)
    index = {c: i for i, c in enumerate(unknowns)}
    rows, rhs = [], []
    for line in lines:
        row = np.zeros(len(unknowns))
        known = 0.0
        for c in line.cells():
            sign = 1.0 if c == line.total else -1.0
            if c in index:
                row[index[c]] += sign
            else:
                known += sign * values[c]
        if row.any():
            rows.append(row)
            rhs.append(-known)
    bounds = [(0, None)] * len(unknowns)
    objective = np.zeros(len(unknowns))
    objective[index[cell]] = 1.0
    a_eq = np.array(rows) if rows else None
    b_eq = np.array(rhs) if rows else None
    low = linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
    high = linprog(-objective, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
    assert low.status == 0, low.message
    if high.status == 3:  # unbounded above
        return low.fun, float("inf")
    assert high.status == 0, high.message
    return low.fun, -high.fun


def _assert_protected(values, lines, k) -> frozenset:
    hidden = suppress(values, lines, k)
    assert all(c in hidden for c, v in values.items() if v < k)  # primary suppression
    for cell in hidden:
        low, high = _range_of(cell, values, lines, hidden)
        assert high - low > 0.5, f"{cell} = {values[cell]} is derivable ({low}..{high})"
    return hidden


def _breakdown_lines() -> list[Line]:
    genders = tuple(("gender", g) for g in metrics.GENDERS)
    bands = tuple(("age_band", b) for b in metrics.BAND_LABELS)
    return [Line(("all", "all"), genders), Line(("all", "all"), bands)]


@st.composite
def breakdowns(draw):
    """A population split by gender and age band, as the database would count it."""
    cube = {}
    for gender in metrics.GENDERS:
        for band in metrics.BAND_LABELS:
            weight = draw(st.sampled_from([0, 0, 1, 3, 8, 15, 40]))
            cube[(gender, band)] = draw(st.integers(0, weight))
    table = metrics.breakdown({key: {"n": value} for key, value in cube.items()}, ["n"])
    return {key: row["n"] for key, row in table.items()}


@settings(max_examples=60, deadline=None)
@given(values=breakdowns(), k=st.integers(5, 12))
def test_no_hidden_breakdown_cell_is_derivable(values, k):
    hidden = _assert_protected(values, _breakdown_lines(), k)
    if values[("all", "all")] >= k:
        assert ("all", "all") not in hidden  # the total is never a complement


@st.composite
def line_systems(draw):
    """Random tables: a 2-D grid with its row and column totals and grand total (each
    row and column a line), the shape a month-by-category table would have."""
    n_rows, n_cols = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    grid = [[draw(st.integers(0, 30)) for _ in range(n_cols)] for _ in range(n_rows)]
    values = {("c", r, c): grid[r][c] for r in range(n_rows) for c in range(n_cols)}
    for r in range(n_rows):
        values[("row", r)] = sum(grid[r])
    for c in range(n_cols):
        values[("col", c)] = sum(grid[r][c] for r in range(n_rows))
    values[("all",)] = sum(map(sum, grid))
    lines = [Line(("row", r), tuple(("c", r, c) for c in range(n_cols))) for r in range(n_rows)]
    lines += [Line(("col", c), tuple(("c", r, c) for r in range(n_rows))) for c in range(n_cols)]
    lines.append(Line(("all",), tuple(("row", r) for r in range(n_rows))))
    lines.append(Line(("all",), tuple(("col", c) for c in range(n_cols))))
    return values, lines


@settings(max_examples=60, deadline=None)
@given(system=line_systems(), k=st.integers(5, 10))
def test_no_hidden_cell_of_a_two_way_table_is_derivable(system, k):
    values, lines = system
    _assert_protected(values, lines, k)


def test_a_lone_small_cell_gets_a_complement_and_the_smallest_one():
    values = {"total": 60, "a": 30, "b": 12, "c": 11, "d": 3, "e": 4}
    lines = [Line("total", ("a", "b", "c", "d", "e"))]
    # d and e are primary (below 10) and already protect each other.
    assert suppress(values, lines, 10) == {"d", "e"}
    values = {"total": 56, "a": 30, "b": 12, "c": 11, "d": 3}
    lines = [Line("total", ("a", "b", "c", "d"))]
    assert suppress(values, lines, 10) == {"d", "c"}  # c is the smallest shown part


def test_hidden_zeros_under_a_shown_total_are_not_left_alone():
    values = {"total": 40, "a": 40, "b": 0, "c": 0}
    hidden = suppress(values, [Line("total", ("a", "b", "c"))], 10)
    assert hidden == {"a", "b", "c"}  # else b and c would be known to be 0


def test_a_cell_fixed_by_lines_together_is_protected():
    # Each line has two hidden cells, so no single subtraction reveals anything, but the
    # three lines together fix a, b and c (an odd cycle): the exact linear check must
    # hide a total as well.
    values = {"t1": 8, "t2": 8, "t3": 8, "a": 4, "b": 4, "c": 4}
    lines = [Line("t1", ("a", "b")), Line("t2", ("b", "c")), Line("t3", ("a", "c"))]
    hidden = _assert_protected(values, lines, 5)
    assert {"a", "b", "c"} < hidden


def test_nothing_hidden_when_every_count_reaches_k():
    values = {"total": 30, "a": 10, "b": 20}
    assert suppress(values, [Line("total", ("a", "b"))], 10) == frozenset()
