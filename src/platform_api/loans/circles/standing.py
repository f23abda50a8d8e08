"""Where each member of a lending circle stands: pure functions over the calendar and
the contributions, no I/O.

Each member owes one contribution per round. A contribution is

    paid        fully paid by its due date;
    paid_late   fully paid after its due date (days late = completing payment - due date);
    missed      short when its round's pot was paid out (the tenant's guarantee covered
                the gap), and still not made up;
    overdue     past its due date, not fully paid, its round not yet paid out;
    due         not yet due and not fully paid.

After a member has received the pot, the contributions they still owe are a zero-interest
loan-like obligation; missed and overdue contributions are its arrears.

Credit reporting uses one line per member and calendar month (what a bureau furnisher
file needs): the amount scheduled in the month, paid in the month, the balance still
owed for the whole circle at the month's end, the amount past due then (contributions
whose due date has passed), days late (of the oldest past-due contribution, else of the
latest-paid contribution made in the month) and a status.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from platform_api.loans.ledger import aging_bucket


class ContributionStatus(StrEnum):
    PAID = "paid"
    PAID_LATE = "paid_late"
    MISSED = "missed"
    OVERDUE = "overdue"
    DUE = "due"


class ReportStatus(StrEnum):
    CURRENT = "current"
    LATE = "late"
    DELINQUENT = "delinquent"
    PAID_IN_FULL = "paid_in_full"


@dataclass(frozen=True, slots=True)
class Round:
    number: int
    due_date: date
    recipient: uuid.UUID
    paid_out_on: date | None


@dataclass(frozen=True, slots=True)
class Payment:
    member_id: uuid.UUID
    round: int
    amount: int
    paid_on: date
    after_payout: bool = False


@dataclass(frozen=True, slots=True)
class Obligation:
    """One member's contribution to one round."""

    round: int
    due_date: date
    amount_due: int
    paid: int
    paid_off_on: date | None
    covered_by_guarantee: int
    days_late: int
    status: ContributionStatus

    @property
    def unpaid(self) -> int:
        return self.amount_due - self.paid


@dataclass(frozen=True, slots=True)
class Standing:
    """A member's position as of a date."""

    paid: int
    received_round: int | None
    received_on: date | None
    arrears: int
    days_late: int
    missed: int
    paid_late: int


def obligation(
    round_: Round, amount_due: int, payments: Iterable[Payment], as_of: date
) -> Obligation:
    """One contribution as it stood on `as_of` (payments made later are not counted)."""
    paid = 0
    paid_off_on = None
    before_payout = 0
    for payment in sorted(payments, key=lambda p: p.paid_on):
        if payment.paid_on > as_of:
            continue
        paid += payment.amount
        if not payment.after_payout:
            before_payout += payment.amount
        if paid_off_on is None and paid >= amount_due:
            paid_off_on = payment.paid_on
    paid_out = round_.paid_out_on is not None and round_.paid_out_on <= as_of
    covered = amount_due - before_payout if paid_out else 0
    if paid_off_on is not None:
        days_late = max(0, (paid_off_on - round_.due_date).days)
        status = ContributionStatus.PAID_LATE if days_late else ContributionStatus.PAID
    else:
        days_late = max(0, (as_of - round_.due_date).days)
        if covered:
            status = ContributionStatus.MISSED
        elif days_late:
            status = ContributionStatus.OVERDUE
        else:
            status = ContributionStatus.DUE
    return Obligation(
        round_.number,
        round_.due_date,
        amount_due,
        paid,
        paid_off_on,
        covered,
        days_late,
        status,
    )


def obligations(
    member_id: uuid.UUID,
    rounds: Sequence[Round],
    contribution: int,
    payments: Iterable[Payment],
    as_of: date,
) -> list[Obligation]:
    by_round: dict[int, list[Payment]] = {}
    for payment in payments:
        if payment.member_id == member_id:
            by_round.setdefault(payment.round, []).append(payment)
    return [obligation(r, contribution, by_round.get(r.number, ()), as_of) for r in rounds]


def standing(
    member_id: uuid.UUID,
    rounds: Sequence[Round],
    contribution: int,
    payments: Iterable[Payment],
    as_of: date,
) -> Standing:
    lines = obligations(member_id, rounds, contribution, payments, as_of)
    received = next((r for r in rounds if r.recipient == member_id and r.paid_out_on), None)
    behind = [
        line
        for line in lines
        if line.status in (ContributionStatus.MISSED, ContributionStatus.OVERDUE)
    ]
    return Standing(
        paid=sum(line.paid for line in lines),
        received_round=None if received is None else received.number,
        received_on=None if received is None else received.paid_out_on,
        arrears=sum(line.unpaid for line in behind),
        days_late=max((line.days_late for line in behind), default=0),
        missed=sum(1 for line in lines if line.covered_by_guarantee),
        paid_late=sum(1 for line in lines if line.status is ContributionStatus.PAID_LATE),
    )


# --------------------------------------------------------------------------- credit report


@dataclass(frozen=True, slots=True)
class MonthLine:
    month: str
    period_end: date
    scheduled: int
    paid: int
    balance: int
    past_due: int
    days_late: int
    status: ReportStatus
    payment_rating: str | None


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def months(first: date, last: date) -> list[date]:
    """First days of the calendar months from `first`'s through `last`'s."""
    result = []
    month = _month_start(first)
    while month <= last:
        result.append(month)
        month = _next_month(month)
    return result


def monthly_lines(
    member_id: uuid.UUID,
    rounds: Sequence[Round],
    contribution: int,
    payments: Iterable[Payment],
    *,
    period_start: date,
    period_end: date,
) -> list[MonthLine]:
    """The member's lines for the months overlapping [period_start, period_end], from the
    month of the first due date until the month the whole circle was paid in full."""
    if not rounds:
        return []
    own = sorted((p for p in payments if p.member_id == member_id), key=lambda p: p.paid_on)
    due_on = {r.number: r.due_date for r in rounds}
    total_due = contribution * len(rounds)
    last = period_end
    running = 0
    for payment in own:
        running += payment.amount
        if running >= total_due:  # paid in full: no lines after that month
            last = min(last, _next_month(payment.paid_on) - timedelta(days=1))
            break
    lines: list[MonthLine] = []
    start = max(_month_start(period_start), _month_start(rounds[0].due_date))
    for month in months(start, last):
        end = min(_next_month(month) - timedelta(days=1), period_end)
        to_date = [p for p in own if p.paid_on <= end]
        in_month = [p for p in to_date if p.paid_on >= month]
        paid_to_date = sum(p.amount for p in to_date)
        paid_per_round: dict[int, int] = {}
        for payment in to_date:
            paid_per_round[payment.round] = paid_per_round.get(payment.round, 0) + payment.amount
        behind = [
            r for r in rounds if r.due_date < end and paid_per_round.get(r.number, 0) < contribution
        ]
        past_due = sum(contribution - paid_per_round.get(r.number, 0) for r in behind)
        if behind:
            days_late = (end - behind[0].due_date).days
        else:
            days_late = max(
                (max(0, (p.paid_on - due_on[p.round]).days) for p in in_month), default=0
            )
        if paid_to_date >= total_due:
            status = ReportStatus.PAID_IN_FULL
        elif behind:
            status = ReportStatus.DELINQUENT
        elif days_late:
            status = ReportStatus.LATE
        else:
            status = ReportStatus.CURRENT
        lines.append(
            MonthLine(
                month=month.strftime("%Y-%m"),
                period_end=end,
                scheduled=sum(contribution for r in rounds if month <= r.due_date <= end),
                paid=sum(p.amount for p in in_month),
                balance=total_due - paid_to_date,
                past_due=past_due,
                days_late=days_late,
                status=status,
                payment_rating=aging_bucket(days_late) if behind else None,
            )
        )
    return lines
