"""Report arithmetic without a database: the median of counted values."""

from __future__ import annotations

import statistics
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from platform_api.reporting import metrics


@given(st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=60))
def test_median_of_counts_is_the_median_of_the_values(values):
    counts: dict[int, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    assert metrics.median(counts) == Decimal(str(statistics.median(values)))


def test_no_values_have_no_median():
    assert metrics.median({}) is None
    assert metrics.median({7: 0}) is None


def test_medians_per_row_merge_the_cells_each_row_counts():
    cells = {("female", "18_34"): {3: 1, 9: 1}, ("male", "18_34"): {20: 1}}
    rows = metrics.medians(cells)
    assert rows[(metrics.ALL, metrics.ALL)] == 9
    assert rows[("gender", "female")] == 6
    assert rows[("age_band", "18_34")] == 9
    assert rows[("gender", "male")] == 20
    assert rows[("gender", "unknown")] is None
