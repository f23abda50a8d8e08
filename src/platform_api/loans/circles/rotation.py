"""A lending circle's rotation: the contribution calendar and who receives the pot in
which round. Pure functions, no I/O.

Payout order policies
    fixed   Members receive the pot in the order they joined the circle.
    random  A lottery anyone can re-run: members are sorted by the SHA-256 hex digest of
            ``"<seed>:<member id>"`` (member ids in their canonical lowercase form),
            smallest first. The seed is recorded on the circle when it starts, so every
            member can verify the order with any SHA-256 tool.
    bid     Members bid for an early payout: the highest bid receives first, equal bids
            in the order they joined. Bids are recorded with the members; the pot itself
            stays zero-interest (what a bid costs is settled outside the circle).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from platform_api.loans.schedule import FrequencyUnit, repayment_dates

MIN_SIZE = 2
MAX_SIZE = 50


class PayoutOrder(StrEnum):
    FIXED = "fixed"
    RANDOM = "random"
    BID = "bid"


@dataclass(frozen=True, slots=True)
class Entrant:
    """A member as the rotation sees them: joined `position`-th, with an optional bid."""

    member_id: uuid.UUID
    position: int
    bid: int | None = None


def lottery_key(seed: str, member_id: uuid.UUID) -> str:
    """What the random order sorts a member by (documented above, so it is verifiable)."""
    return hashlib.sha256(f"{seed}:{member_id}".encode()).hexdigest()


def payout_order(
    policy: PayoutOrder, entrants: Sequence[Entrant], seed: str | None = None
) -> list[uuid.UUID]:
    """Member ids in the order they receive the pot (round 1 first)."""
    joined = sorted(entrants, key=lambda e: e.position)
    if policy is PayoutOrder.FIXED:
        ordered = joined
    elif policy is PayoutOrder.RANDOM:
        if not seed:
            raise ValueError("a random payout order needs a seed")
        ordered = sorted(joined, key=lambda e: (lottery_key(seed, e.member_id), e.position))
    else:
        ordered = sorted(joined, key=lambda e: (-(e.bid or 0), e.position))
    return [entrant.member_id for entrant in ordered]


def contribution_dates(
    first_due_date: date, every: int, unit: FrequencyUnit, rounds: int
) -> list[date]:
    """Due date of each round's contributions: the first, then one every period (months
    keep the first date's day, clamped to the month end)."""
    return repayment_dates(
        first_repayment_date=first_due_date,
        number_of_installments=rounds,
        repayment_every=every,
        repayment_unit=unit,
    )
