"""Repayment allocation and arrears (pure), with property tests over random schedules,
payments and reversals."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from platform_api.loans import ledger
from platform_api.loans.ledger import AllocationTarget, Due

START = date(2026, 1, 31)


def _schedule(rows: list[tuple[int, int, int]]) -> list[Due]:
    return [
        Due(n + 1, START + timedelta(days=30 * n), principal, interest, fees)
        for n, (principal, interest, fees) in enumerate(rows)
    ]


SCHEDULE = _schedule([(1000, 150, 10), (1000, 100, 10), (1000, 50, 10)])


def test_allocation_pays_oldest_installment_first_in_product_order():
    allocation, after = ledger.allocate(SCHEDULE, 1200)
    assert [(p.installment, p.target, p.amount) for p in allocation.parts] == [
        (1, AllocationTarget.FEES, 10),
        (1, AllocationTarget.INTEREST, 150),
        (1, AllocationTarget.PRINCIPAL, 1000),
        (2, AllocationTarget.FEES, 10),
        (2, AllocationTarget.INTEREST, 30),
    ]
    assert allocation.overpayment == 0
    assert after[0].total == 0 and after[1] == Due(2, SCHEDULE[1].due_date, 1000, 70, 0)


def test_custom_order_and_overpayment():
    order = (AllocationTarget.PRINCIPAL, AllocationTarget.INTEREST, AllocationTarget.FEES)
    allocation, after = ledger.allocate(SCHEDULE[:1], 1005, order)
    assert [(p.target, p.amount) for p in allocation.parts] == [
        (AllocationTarget.PRINCIPAL, 1000),
        (AllocationTarget.INTEREST, 5),
    ]
    allocation, after = ledger.allocate(after, 500, order)
    assert allocation.overpayment == 500 - 145 - 10
    assert ledger.is_settled(after)


def test_arrears_tolerance_and_buckets():
    _, after = ledger.allocate(SCHEDULE, 1160 - 5)  # installment 1 short by 5
    assert ledger.behind_since(after, tolerance_amount=0) == SCHEDULE[0].due_date
    assert ledger.behind_since(after, tolerance_amount=5) == SCHEDULE[1].due_date
    since = SCHEDULE[0].due_date
    assert ledger.days_past_due(since, since, 0) == 0
    assert ledger.days_past_due(since, since + timedelta(days=1), 0) == 1
    assert ledger.days_past_due(since, since + timedelta(days=3), tolerance_days=3) == 0
    assert ledger.days_past_due(since, since + timedelta(days=4), tolerance_days=3) == 4
    assert [ledger.aging_bucket(d) for d in (0, 1, 30, 31, 60, 61, 90, 91, 400)] == [
        None,
        "1-30",
        "1-30",
        "31-60",
        "31-60",
        "61-90",
        "61-90",
        "90+",
        "90+",
    ]


schedules = st.lists(
    st.tuples(st.integers(0, 10_000), st.integers(0, 2_000), st.integers(0, 500)).filter(
        lambda t: sum(t) > 0
    ),
    min_size=1,
    max_size=12,
).map(_schedule)
orders = st.permutations(list(AllocationTarget))
# A history: payments (positive amounts) and reversals (index of an earlier payment).
histories = st.lists(
    st.one_of(
        st.tuples(st.just("pay"), st.integers(1, 8_000)),
        st.tuples(st.just("reverse"), st.integers(0, 50)),
    ),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(scheduled=schedules, order=orders, history=histories)
def test_balances_equal_postings_through_payments_and_reversals(scheduled, order, history):
    """Postings as the service writes them (new payment: its allocation; reversal: replay
    the rest and post differences) always sum to the replayed state; nothing goes
    negative; the loan is settled exactly when everything due is paid."""
    postings: dict[tuple[int, int | None, str], int] = {}
    active: list[tuple[int, int]] = []  # (payment id, amount)
    unpaid = list(scheduled)
    for n, (action, value) in enumerate(history):
        if action == "pay":
            allocation, unpaid = ledger.allocate(unpaid, value, order)
            for part in allocation.parts:
                key = (n, part.installment, part.target.value)
                postings[key] = postings.get(key, 0) + part.amount
            postings[(n, None, "overpayment")] = allocation.overpayment
            active.append((n, value))
        elif active:
            active.pop(value % len(active))
            allocations, unpaid = ledger.replay(scheduled, [a for _, a in active], order)
            wanted: dict[tuple[int, int | None, str], int] = {}
            for (pid, _), allocation in zip(active, allocations, strict=True):
                for part in allocation.parts:
                    key = (pid, part.installment, part.target.value)
                    wanted[key] = wanted.get(key, 0) + part.amount
                wanted[(pid, None, "overpayment")] = allocation.overpayment
            for key in set(postings) | set(wanted):
                postings[key] = postings.get(key, 0) + wanted.get(key, 0) - postings.get(key, 0)

        # Balances equal the sum of postings, per installment and component.
        for due, original in zip(unpaid, scheduled, strict=True):
            for target in AllocationTarget:
                paid = sum(
                    v
                    for (_, inst, t), v in postings.items()
                    if inst == due.number and t == target.value
                )
                assert paid == original.part(target) - due.part(target)
                assert 0 <= due.part(target) <= original.part(target)
        total_paid = sum(a for _, a in active)
        overpaid = sum(v for (_, _, t), v in postings.items() if t == "overpayment")
        owed = sum(d.total for d in scheduled)
        assert overpaid == max(0, total_paid - owed)
        assert all(v >= 0 for v in postings.values())
        # Settled exactly when everything due is paid.
        assert ledger.is_settled(unpaid) == (total_paid >= owed)
        # The paid total alone determines the state (the service relies on it).
        assert ledger.unpaid_after(scheduled, min(total_paid, owed), order) == unpaid
