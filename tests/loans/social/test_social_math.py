"""The pure modules of social lending: pro-rata splits, the rotation, circle standing and
credit lines, endorsers' track records, funders' shares."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from platform_api.loans.circles.rotation import (
    Entrant,
    PayoutOrder,
    contribution_dates,
    lottery_key,
    payout_order,
)
from platform_api.loans.circles.standing import (
    ContributionStatus,
    Payment,
    ReportStatus,
    Round,
    monthly_lines,
    obligation,
    standing,
)
from platform_api.loans.prorata import split_pro_rata
from platform_api.loans.schedule import FrequencyUnit
from platform_api.loans.social.shares import distribute
from platform_api.loans.social.track_record import EndorsedLoan, track_record


@settings(max_examples=200)
@given(
    total=st.integers(min_value=0, max_value=10**13),
    weights=st.lists(st.integers(min_value=0, max_value=10**12), min_size=1, max_size=30).filter(
        any
    ),
)
def test_pro_rata_splits_sum_exactly_and_stay_within_a_unit(total: int, weights: list[int]):
    shares = split_pro_rata(total, weights)
    assert sum(shares) == total
    whole = sum(weights)
    for share, weight in zip(shares, weights, strict=True):
        assert share >= 0 and abs(share * whole - total * weight) < whole
        if weight == 0:
            assert share == 0
    assert split_pro_rata(total, weights) == shares


def test_pro_rata_tie_rule_larger_weight_then_earlier_position():
    assert split_pro_rata(10, [1, 1, 1]) == [4, 3, 3]
    assert split_pro_rata(1, [1, 2]) == [0, 1]  # larger remainder
    assert split_pro_rata(2, [1, 3]) == [0, 2]  # equal remainders: the larger weight
    assert split_pro_rata(1, [2, 2]) == [1, 0]  # then the earlier one
    for total, weights in ((-1, [1]), (1, [0, 0]), (1, [-1, 2])):
        with pytest.raises(ValueError):
            split_pro_rata(total, weights)


def test_payout_orders():
    ids = [uuid.UUID(int=n) for n in range(1, 7)]
    entrants = [Entrant(member, position) for position, member in enumerate(ids, start=1)]
    assert payout_order(PayoutOrder.FIXED, list(reversed(entrants))) == ids
    drawn = payout_order(PayoutOrder.RANDOM, entrants, "seed-1")
    assert drawn == sorted(ids, key=lambda i: lottery_key("seed-1", i))
    assert payout_order(PayoutOrder.RANDOM, list(reversed(entrants)), "seed-1") == drawn
    assert payout_order(PayoutOrder.RANDOM, entrants, "seed-2") != drawn
    with pytest.raises(ValueError):
        payout_order(PayoutOrder.RANDOM, entrants)
    bids = [Entrant(ids[0], 1, 10), Entrant(ids[1], 2, 50), Entrant(ids[2], 3, 50)]
    assert payout_order(PayoutOrder.BID, bids) == [ids[1], ids[2], ids[0]]


def test_monthly_calendar_keeps_the_day_clamped_to_the_month_end():
    assert contribution_dates(date(2024, 1, 31), 1, FrequencyUnit.MONTHS, 3) == [
        date(2024, 1, 31),
        date(2024, 2, 29),
        date(2024, 3, 31),
    ]
    assert contribution_dates(date(2024, 1, 1), 2, FrequencyUnit.WEEKS, 2) == [
        date(2024, 1, 1),
        date(2024, 1, 15),
    ]


A, B = uuid.UUID(int=1), uuid.UUID(int=2)
ROUNDS = [
    Round(1, date(2024, 1, 10), A, date(2024, 1, 10)),
    Round(2, date(2024, 2, 10), B, date(2024, 2, 11)),
]


def test_contribution_statuses():
    due = ROUNDS[0]
    on_time = obligation(due, 100, [Payment(A, 1, 100, date(2024, 1, 10))], date(2024, 3, 1))
    assert on_time.status is ContributionStatus.PAID and on_time.days_late == 0
    late = obligation(
        due,
        100,
        [Payment(A, 1, 60, date(2024, 1, 9)), Payment(A, 1, 40, date(2024, 1, 14))],
        date(2024, 3, 1),
    )
    assert late.status is ContributionStatus.PAID_LATE and late.days_late == 4
    missed = obligation(due, 100, [Payment(A, 1, 30, date(2024, 1, 9))], date(2024, 1, 20))
    assert missed.status is ContributionStatus.MISSED and missed.covered_by_guarantee == 70
    overdue = obligation(Round(1, date(2024, 1, 10), A, None), 100, [], date(2024, 1, 12))
    assert overdue.status is ContributionStatus.OVERDUE and overdue.days_late == 2
    assert obligation(due, 100, [], date(2024, 1, 1)).status is ContributionStatus.DUE


def test_standing_and_credit_lines():
    payments = [
        Payment(A, 1, 100, date(2024, 1, 10)),
        Payment(B, 1, 100, date(2024, 1, 10)),
        Payment(B, 2, 100, date(2024, 2, 15)),
    ]
    a = standing(A, ROUNDS, 100, payments, date(2024, 3, 5))
    assert a.received_round == 1 and a.arrears == 100 and a.missed == 1 and a.days_late == 24
    b = standing(B, ROUNDS, 100, payments, date(2024, 3, 5))
    assert b.arrears == 0 and b.paid_late == 1 and b.received_on == date(2024, 2, 11)

    lines = monthly_lines(
        A, ROUNDS, 100, payments, period_start=date(2024, 1, 1), period_end=date(2024, 3, 5)
    )
    assert [(line.month, line.status) for line in lines] == [
        ("2024-01", ReportStatus.CURRENT),
        ("2024-02", ReportStatus.DELINQUENT),
        ("2024-03", ReportStatus.DELINQUENT),
    ]
    assert lines[1].past_due == 100 and lines[1].days_late == 19 and lines[1].balance == 100
    assert lines[2].period_end == date(2024, 3, 5) and lines[2].payment_rating == "1-30"
    b_lines = monthly_lines(
        B, ROUNDS, 100, payments, period_start=date(2024, 1, 1), period_end=date(2024, 6, 30)
    )
    assert [(line.month, line.status, line.days_late) for line in b_lines] == [
        ("2024-01", ReportStatus.CURRENT, 0),
        ("2024-02", ReportStatus.PAID_IN_FULL, 5),
    ]


def test_track_record_rate():
    loans = [
        EndorsedLoan("closed", 1000, 1000, 0, 0),
        EndorsedLoan("written_off", 1000, 200, 800, 0),
        EndorsedLoan("active", 2000, 500, 0, 40),
    ]
    record = track_record(4, loans)
    assert record.loans_in_arrears == 1 and record.principal_in_arrears == 1500
    assert record.repayment_rate == Decimal("0.4250")
    assert track_record(1, []).repayment_rate is None


def test_funders_shares_sum_to_each_figure():
    result = distribute([5, 3, 2], [7, 1, 10], outstanding=9, lost=1)
    assert [sum(split) for split in result.repayment_splits] == [7, 1, 10]
    assert sum(f.repaid for f in result.funders) == 18
    assert sum(f.outstanding for f in result.funders) == 9
    assert [f.lost for f in result.funders] == [1, 0, 0]
