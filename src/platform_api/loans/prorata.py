"""Splitting an amount of minor units in proportion to weights, exactly: pure functions.

Used wherever one payment is shared out: a group repayment across its members' loans,
a crowd-funded loan's repayments and losses across its funders.

Rule (largest remainder, also called Hamilton's method)
    Each share starts as ``floor(total * weight / sum(weights))``. The units left over
    (always fewer than the number of weights) go one each to the shares with the
    largest remainders ``total * weight mod sum(weights)``. Ties between equal
    remainders go to the larger weight, then to the earlier position in the input.
    Callers pass weights in a stable, documented order (e.g. commitments by creation
    time, then id), so the same inputs always give the same split.

The shares always sum to the total exactly, never go negative, a zero weight gets
nothing, and no share differs from its exact proportion by a whole unit or more.
"""

from __future__ import annotations

from collections.abc import Sequence


def split_pro_rata(total: int, weights: Sequence[int]) -> list[int]:
    """`total` (>= 0) shared in proportion to `weights` (>= 0, not all zero)."""
    if total < 0:
        raise ValueError("the total to split must not be negative")
    if any(weight < 0 for weight in weights):
        raise ValueError("weights must not be negative")
    whole = sum(weights)
    if whole == 0:
        raise ValueError("at least one weight must be positive")
    shares: list[int] = []
    remainders: list[int] = []
    for weight in weights:
        share, remainder = divmod(total * weight, whole)
        shares.append(share)
        remainders.append(remainder)
    left = total - sum(shares)
    by_claim = sorted(range(len(weights)), key=lambda i: (-remainders[i], -weights[i], i))
    for index in by_claim[:left]:
        shares[index] += 1
    return shares
