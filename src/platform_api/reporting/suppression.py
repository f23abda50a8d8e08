"""Small-cell suppression with complementary suppression, as a pure function.

A report shows counts that add up: a total and its breakdown by gender, the same total
and its breakdown by age band. Each such relation is a `Line` (total = sum of parts).
Hiding a count below k is not enough: if it is the only hidden cell of a line, it is the
total minus the shown parts. So after the primary suppression (every count below k),
complementary cells are hidden until no hidden value is determined by what is shown:

1. no line has exactly one hidden cell (the subtraction attack);
2. no line whose total is shown hides only zeros (they would be known to be 0, since
   counts are not negative);
3. no hidden value is fixed by any combination of the lines (exact linear algebra: a
   hidden cell is determined iff its unit vector lies in the row space of the lines
   restricted to the hidden cells).

Complements are the smallest shown cells (least information lost), parts before totals.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)

#: k may be configured per tenant, never below this.
MIN_K = 5
DEFAULT_K = 10


@dataclass(frozen=True)
class Line(Generic[K]):
    """A relation a reader can use: the value of `total` is the sum of those of `parts`."""

    total: K
    parts: tuple[K, ...]

    def cells(self) -> tuple[K, ...]:
        return (self.total, *self.parts)


def suppress(values: Mapping[K, int], lines: Sequence[Line[K]], k: int) -> frozenset[K]:
    """The cells to hide: every count below `k`, and complements so that none of them can
    be derived from the shown counts and the lines. Every cell of every line must be in
    `values`; cells in no line are suppressed on their own value alone."""
    if k < 1:
        raise ValueError("k must be positive")
    hidden = {cell for cell, value in values.items() if value < k}
    while True:
        complement = _next_complement(values, lines, hidden)
        if complement is None:
            return frozenset(hidden)
        hidden.add(complement)


def _next_complement(values: Mapping[K, int], lines: Sequence[Line[K]], hidden: set[K]) -> K | None:
    """One more cell to hide, or None once nothing hidden can be derived."""
    for line in lines:
        in_line = [cell for cell in line.cells() if cell in hidden]
        if len(in_line) == 1:
            return _smallest_shown(values, line, hidden)
        if in_line and line.total not in hidden and all(values[c] == 0 for c in in_line):
            return _smallest_shown(values, line, hidden, positive=True)
    for cell in _determined(lines, hidden):
        # Prefer a line through the exposed cell; else any line touching a hidden cell.
        nearby = [line for line in lines if cell in line.cells()]
        touching = [line for line in lines if any(c in hidden for c in line.cells())]
        for line in (*nearby, *touching):
            candidate = _smallest_shown(values, line, hidden)
            if candidate is not None:
                return candidate
    return None


def _smallest_shown(
    values: Mapping[K, int], line: Line[K], hidden: set[K], *, positive: bool = False
) -> K | None:
    """The shown cell of `line` with the smallest value (parts before the total)."""
    shown = [
        (index == 0, values[cell], index, cell)
        for index, cell in enumerate(line.cells())
        if cell not in hidden and (values[cell] > 0 or not positive)
    ]
    if not shown:
        return None
    return min(shown, key=lambda item: item[:3])[3]


def _determined(lines: Sequence[Line[K]], hidden: set[K]) -> list[K]:
    """Hidden cells whose value follows from the lines and the shown cells: their unit
    vector (up to a factor) is a row of the reduced row echelon form of the lines'
    coefficients on the hidden cells (total +1, parts -1), computed exactly."""
    involved = [line for line in lines if any(cell in hidden for cell in line.cells())]
    shared = Counter(cell for line in involved for cell in set(line.cells()) if cell in hidden)
    if all(count == 1 for count in shared.values()):
        # No hidden cell is in two lines: each line is an equation of its own, with none
        # or at least two unknowns (rule 1), so none is fixed.
        return []
    columns = sorted(
        {cell for line in involved for cell in line.cells() if cell in hidden}, key=repr
    )
    index = {cell: i for i, cell in enumerate(columns)}
    rows: list[list[int]] = []
    for line in involved:
        row = [0] * len(columns)
        for cell in line.cells():
            if cell in index:
                row[index[cell]] += 1 if cell == line.total else -1
        rows.append(row)
    return [
        columns[nonzero[0]]
        for row in _reduced(rows)
        if len(nonzero := [i for i, value in enumerate(row) if value]) == 1
    ]


def _reduced(rows: list[list[int]]) -> list[list[int]]:
    """The rows in reduced row echelon form up to a factor per row (Gauss-Jordan over
    the integers: exact, and no fractions needed to see which entries are zero)."""
    rows = [list(row) for row in rows]
    pivot_row = 0
    width = len(rows[0]) if rows else 0
    for column in range(width):
        pivot = next((r for r in range(pivot_row, len(rows)) if rows[r][column]), None)
        if pivot is None:
            continue
        rows[pivot_row], rows[pivot] = rows[pivot], rows[pivot_row]
        lead = rows[pivot_row]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][column]:
                factor, scale = rows[r][column], lead[column]
                combined = [scale * a - factor * b for a, b in zip(rows[r], lead, strict=True)]
                divisor = math.gcd(*combined)
                rows[r] = [value // divisor for value in combined] if divisor else combined
        pivot_row += 1
        if pivot_row == len(rows):
            break
    return rows[:pivot_row]
