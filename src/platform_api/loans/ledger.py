"""Repayment allocation and arrears of a loan: pure functions, integers in minor units.

Allocation
    A repayment pays the oldest installment that still has something unpaid first, and
    within an installment the components in the product's allocation order (default:
    fees, interest, principal); then the next installment, overdue ones before those
    not yet due. What is left once everything is paid is an overpayment. Payments
    apply in posting order, so reversing one and replaying the rest moves the later
    payments onto what the reversed one had paid ("re-applies later payments").

    The schedule is the one frozen at disbursement: paying early or late does not
    change the interest due (no penalty, no rebate).

Arrears
    An installment is overdue the day after its due date. The loan is behind from the
    due date of its oldest installment whose unpaid part exceeds the product's
    arrears tolerance amount (``behind_since``); days past due count from then, and
    a loan within the tolerance days is not (yet) in arrears: its days past due are 0.
    ``behind_since`` depends only on what is unpaid, never on the date asked about,
    so the database keeps it on the loan row and ages a whole portfolio in one scan.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class AllocationTarget(StrEnum):
    FEES = "fees"
    INTEREST = "interest"
    PRINCIPAL = "principal"


DEFAULT_ALLOCATION = (AllocationTarget.FEES, AllocationTarget.INTEREST, AllocationTarget.PRINCIPAL)

#: Aging buckets by days past due, PAR-style: (label, first day, last day or None).
AGING_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("1-30", 1, 30),
    ("31-60", 31, 60),
    ("61-90", 61, 90),
    ("90+", 91, None),
)


@dataclass(frozen=True, slots=True)
class Due:
    """What is still unpaid of one installment."""

    number: int
    due_date: date
    principal: int
    interest: int
    fees: int

    @property
    def total(self) -> int:
        return self.principal + self.interest + self.fees

    def part(self, target: AllocationTarget) -> int:
        value: int = getattr(self, target.value)
        return value


@dataclass(frozen=True, slots=True)
class Part:
    """One slice of a payment: an amount paid against one component of one installment."""

    installment: int
    target: AllocationTarget
    amount: int


@dataclass(frozen=True, slots=True)
class Allocation:
    """Where one payment went."""

    parts: tuple[Part, ...]
    overpayment: int

    def paid(self, target: AllocationTarget) -> int:
        return sum(part.amount for part in self.parts if part.target is target)


def allocate(
    unpaid: Sequence[Due], amount: int, order: Sequence[AllocationTarget] = DEFAULT_ALLOCATION
) -> tuple[Allocation, list[Due]]:
    """Apply one payment of `amount` (> 0) to `unpaid` (in installment order): where it
    went, and what is unpaid afterwards."""
    if amount <= 0:
        raise ValueError("a payment must be positive")
    left = amount
    parts: list[Part] = []
    after: list[Due] = []
    for due in unpaid:
        if left == 0 or due.total == 0:
            after.append(due)
            continue
        remaining = {target: due.part(target) for target in AllocationTarget}
        for target in order:
            paid = min(remaining[target], left)
            if paid:
                parts.append(Part(due.number, target, paid))
                remaining[target] -= paid
                left -= paid
        after.append(
            Due(
                due.number,
                due.due_date,
                remaining[AllocationTarget.PRINCIPAL],
                remaining[AllocationTarget.INTEREST],
                remaining[AllocationTarget.FEES],
            )
        )
    return Allocation(tuple(parts), left), after


def replay(
    scheduled: Sequence[Due],
    amounts: Iterable[int],
    order: Sequence[AllocationTarget] = DEFAULT_ALLOCATION,
) -> tuple[list[Allocation], list[Due]]:
    """Apply payments in order to the full schedule: each one's allocation, and what is
    unpaid at the end."""
    unpaid = list(scheduled)
    allocations = []
    for amount in amounts:
        allocation, unpaid = allocate(unpaid, amount, order)
        allocations.append(allocation)
    return allocations, unpaid


def unpaid_after(
    scheduled: Sequence[Due], paid: int, order: Sequence[AllocationTarget] = DEFAULT_ALLOCATION
) -> list[Due]:
    """What is unpaid once `paid` in total (overpayments excluded) has been allocated.
    Allocation fills installments strictly in order, so applying payments one by one
    ends where applying their sum does: the total alone determines the state."""
    if paid <= 0:
        return list(scheduled)
    return allocate(scheduled, paid, order)[1]


def is_settled(unpaid: Iterable[Due]) -> bool:
    return all(due.total == 0 for due in unpaid)


def behind_since(unpaid: Iterable[Due], tolerance_amount: int = 0) -> date | None:
    """Due date of the oldest installment whose unpaid part exceeds the tolerance."""
    for due in unpaid:
        if due.total > tolerance_amount:
            return due.due_date
    return None


def days_past_due(since: date | None, as_of: date, tolerance_days: int = 0) -> int:
    """Days the loan is past due on `as_of`: 0 while within the tolerance days."""
    if since is None:
        return 0
    days = (as_of - since).days
    return days if days > tolerance_days else 0


def aging_bucket(days: int) -> str | None:
    for label, first, last in AGING_BUCKETS:
        if days >= first and (last is None or days <= last):
            return label
    return None
