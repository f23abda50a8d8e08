"""Whole-cohort assignment, exactly: each entrepreneur gets at most one mentor, no mentor
more than its free slots, pairs a rule bans never, pairs a rule requires always.

A mentor with c free slots becomes c identical columns, and SciPy's
`linear_sum_assignment` (a shortest augmenting path method; exact) picks the best
matching of entrepreneurs to slots. Modes, as one integer objective each:

* maximise participation: as many entrepreneurs assigned as possible, and among those
  assignments the highest total score (each pair is worth a constant larger than any
  total score, plus its score);
* maximise total score: the highest total score, and among equal totals the most
  entrepreneurs assigned.

A banned or ineligible pair is worth 0, the same as leaving the entrepreneur out, so a
solution that uses one simply leaves that entrepreneur unassigned. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt
from scipy.optimize import linear_sum_assignment

from platform_api.matching.scoring import SCORE_SCALE


class Mode(StrEnum):
    MAXIMISE_PARTICIPATION = "maximise_participation"
    MAXIMISE_TOTAL_SCORE = "maximise_total_score"


class OverCapacity(ValueError):
    """Required pairs need more slots of a mentor than it has."""

    def __init__(self, mentor: int) -> None:
        super().__init__(f"required pairs exceed the free slots of mentor {mentor}")
        self.mentor = mentor


@dataclass(frozen=True)
class Solution:
    #: (entrepreneur index, mentor index), sorted by entrepreneur.
    pairs: tuple[tuple[int, int], ...]
    #: Sum of the pairs' scores (hundredths, as given).
    total: int


def solve(
    scores: npt.NDArray[np.int64],
    allowed: npt.NDArray[np.bool_],
    capacities: Sequence[int],
    mode: Mode,
    required: Sequence[tuple[int, int]] = (),
) -> Solution:
    """`scores` and `allowed` are entrepreneurs x mentors (scores within 0..SCORE_SCALE);
    `required` pairs are fixed first (an entrepreneur appears in at most one) and use up
    slots; the rest is optimised."""
    entrepreneurs, mentors = scores.shape
    free = np.array(capacities, dtype=np.int64).reshape(mentors)
    free = np.maximum(free, 0)
    fixed = dict(required)
    for j in fixed.values():
        free[j] -= 1
        if free[j] < 0:
            raise OverCapacity(j)
    rows = np.array([i for i in range(entrepreneurs) if i not in fixed], dtype=np.int64)
    slots = np.repeat(np.arange(mentors), free)
    pairs = list(fixed.items())
    if len(rows) and len(slots):
        usable = allowed[np.ix_(rows, slots)]
        value = scores[np.ix_(rows, slots)].astype(np.float64)
        most = min(len(rows), len(slots))
        if mode is Mode.MAXIMISE_PARTICIPATION:
            benefit = np.where(usable, value + float(SCORE_SCALE * most + 1), 0.0)
        else:
            benefit = np.where(usable, value * float(most + 1) + 1.0, 0.0)
        chosen_rows, chosen_slots = linear_sum_assignment(benefit, maximize=True)
        for r, s in zip(chosen_rows, chosen_slots, strict=True):
            if usable[r, s]:
                pairs.append((int(rows[r]), int(slots[s])))
    pairs.sort()
    return Solution(pairs=tuple(pairs), total=int(sum(int(scores[i, j]) for i, j in pairs)))
