"""The arithmetic of reports, with no I/O: periods, age bands, breakdowns, rates and
which cells a breakdown must hide.

A report group (a period, a tenant or all of them, a currency) is aggregated by the
database into a *cube*: measure sums per (gender, age band). Here the cube becomes the
rows a reader sees, one for everyone and one per gender and per age band, and the
counts of each measure form two additive lines (total = sum over genders = sum over
age bands) that small-cell suppression protects together.
"""

from __future__ import annotations

import calendar
import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from platform_api.reporting.suppression import Line, suppress

UNKNOWN = "unknown"
ALL = "all"
GENDERS: tuple[str, ...] = ("female", "male", "non_binary", "undisclosed", UNKNOWN)
#: (label, first age, last age or None); age = the report's end year minus birth year.
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("under_18", 0, 17),
    ("18_34", 18, 34),
    ("35_54", 35, 54),
    ("55_plus", 55, None),
)
BAND_LABELS: tuple[str, ...] = (*(label for label, _, _ in AGE_BANDS), UNKNOWN)

RATE_QUANTUM = Decimal("0.0001")

Category = tuple[str, str]  # (dimension, category): ("all", "all"), ("gender", "female") ...
Cube = Mapping[tuple[str, str], Mapping[str, int]]  # (gender, band) -> measure -> sum


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive


def periods(start: date, end: date, *, monthly: bool) -> list[Period]:
    """The whole range as one period, or its calendar months (the first and last clipped
    to the range)."""
    if not monthly:
        return [Period(start, end)]
    result = []
    first = start
    while first <= end:
        last_day = calendar.monthrange(first.year, first.month)[1]
        last = min(end, first.replace(day=last_day))
        result.append(Period(first, last))
        first = last + timedelta(days=1)
    return result


def age_band(birth_year: int | None, reference_year: int) -> str:
    """The band of someone born in `birth_year`, aged `reference_year - birth_year`."""
    if birth_year is None or reference_year < birth_year:
        return UNKNOWN
    age = reference_year - birth_year
    return next(label for label, _, last in AGE_BANDS if last is None or age <= last)


def age_band_sql(birth_year: str, reference_year: str) -> str:
    """`age_band` as a SQL expression over a birth-year column and a year parameter."""
    age = f"({reference_year} - {birth_year})"
    whens = " ".join(
        f"WHEN {age} <= {last} THEN '{label}'" for label, _, last in AGE_BANDS if last is not None
    )
    return (
        f"CASE WHEN {birth_year} IS NULL OR {age} < 0 THEN '{UNKNOWN}' {whens} "
        f"ELSE '{AGE_BANDS[-1][0]}' END"
    )


def gender_sql(gender: str) -> str:
    return f"coalesce({gender}, '{UNKNOWN}')"


def ratio(numerator: int, denominator: int) -> Decimal | None:
    """numerator / denominator to four places (half-even); None when undefined."""
    if denominator == 0:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(RATE_QUANTUM, ROUND_HALF_EVEN)


def categories() -> list[Category]:
    """The rows of one group: everyone, then each gender, then each age band."""
    return [
        (ALL, ALL),
        *(("gender", gender) for gender in GENDERS),
        *(("age_band", band) for band in BAND_LABELS),
    ]


def _rows_of(gender: str, band: str) -> tuple[Category, Category, Category]:
    """The rows a (gender, age band) cell counts in."""
    return (ALL, ALL), ("gender", gender), ("age_band", band)


def breakdown(cube: Cube, measures: Iterable[str]) -> dict[Category, dict[str, int]]:
    """Sums of each measure for everyone, per gender and per age band."""
    names = list(measures)
    table: dict[Category, dict[str, int]] = {key: dict.fromkeys(names, 0) for key in categories()}
    everyone = table[(ALL, ALL)]
    for (gender, band), sums in cube.items():
        rows = [table[key] for key in _rows_of(gender, band)]
        for name, value in sums.items():
            if value and name in everyone:
                for row in rows:
                    row[name] += value
    return table


def median(counts: Mapping[int, int]) -> Decimal | None:
    """The median of values given as value -> how many times (the mean of the two middle
    values when their number is even); None for no values."""
    total = sum(counts.values())
    if total == 0:
        return None
    wanted = {(total - 1) // 2, total // 2}  # 0-based ranks of the middle value(s)
    middle: list[int] = []
    seen = 0
    for value, times in sorted(counts.items()):
        middle += [value] * sum(1 for rank in wanted if seen <= rank < seen + times)
        seen += times
    return Decimal(sum(middle)) / len(middle)


def medians(cells: Mapping[tuple[str, str], Mapping[int, int]]) -> dict[Category, Decimal | None]:
    """The median of each row (everyone, each gender, each age band) of values counted per
    (gender, age band) cell."""
    merged: dict[Category, Counter[int]] = {key: Counter() for key in categories()}
    for (gender, band), counts in cells.items():
        for key in _rows_of(gender, band):
            merged[key].update(counts)
    return {key: median(counts) for key, counts in merged.items()}


_GENDER_ROWS = tuple(("gender", g) for g in GENDERS)
_BAND_ROWS = tuple(("age_band", b) for b in BAND_LABELS)
_LINES = (Line((ALL, ALL), _GENDER_ROWS), Line((ALL, ALL), _BAND_ROWS))
_LINE_CELLS = ((ALL, ALL), *_GENDER_ROWS, *_BAND_ROWS)


def hidden_counts(
    table: Mapping[Category, Mapping[str, int]], counts: Sequence[str], k: int
) -> set[tuple[Category, str]]:
    """The (row, count measure) cells to hide: below k, or complementary so that none of
    them follows from the total and the gender or age-band rows."""
    hidden: set[tuple[Category, str]] = set()
    for measure in counts:  # measures share no line: each is protected on its own
        values = tuple(table[key][measure] for key in _LINE_CELLS)
        hidden.update((key, measure) for key in _hidden(values, k))
    return hidden


@functools.lru_cache(maxsize=4096)
def _hidden(values: tuple[int, ...], k: int) -> frozenset[Category]:
    """`suppress` on one measure's line cells (pure, so the same counts, frequent in a
    report's groups, are worked out once)."""
    return suppress(dict(zip(_LINE_CELLS, values, strict=True)), _LINES, k)
