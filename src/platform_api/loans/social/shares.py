"""What each funder of a crowd-funded loan gets back: pure functions, integers in minor
units, no I/O.

Every repayment, the amount still outstanding and the amount written off are each split
among the funders in proportion to their commitments (`loans.prorata`: largest
remainder, ties to the larger commitment, then to the earlier one), so each split sums
exactly to what it splits. Nothing is stored: the same loan always gives the same
shares, computed when read, and posting a repayment writes nothing extra.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from platform_api.loans.prorata import split_pro_rata


@dataclass(frozen=True, slots=True)
class FunderShare:
    repaid: int
    outstanding: int
    lost: int


@dataclass(frozen=True, slots=True)
class Distribution:
    funders: list[FunderShare]
    repayment_splits: list[list[int]]


def distribute(
    commitments: Sequence[int], repayments: Sequence[int], *, outstanding: int, lost: int
) -> Distribution:
    """`commitments` in their documented order; `repayments` are the posted amounts."""
    splits = [split_pro_rata(amount, commitments) for amount in repayments]
    outstanding_parts = split_pro_rata(outstanding, commitments)
    lost_parts = split_pro_rata(lost, commitments)
    funders = [
        FunderShare(
            repaid=sum(split[n] for split in splits),
            outstanding=outstanding_parts[n],
            lost=lost_parts[n],
        )
        for n in range(len(commitments))
    ]
    return Distribution(funders, splits)
