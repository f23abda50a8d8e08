"""Cohort assignment of 2,000 entrepreneurs to 500 mentors with 4 free slots each:
seconds per run, and the optimality gap.

Run: .venv/bin/python benchmarks/bench_cohort.py [--entrepreneurs 2000] [--mentors 500]
                                                 [--capacity 4] [--runs 3]

Pure computation, no database: what a cohort run does between reading its inputs and
writing its result (`cohorts.compute` minus the rows), on generated profiles (seeded:
needs, topics, sectors, stages, languages, countries, regions, time zones) with the
default weights and rules: the score matrix (`scoring.mentor_points_matrix`), the hard
filters (`mentor_allowed_matrix`) and the exact solver (`assignment.solve`), in both
modes. Target: <= 5 s per run.

The gap is checked, not assumed: the same problem (slot columns, the same integer
objective) is solved independently by SciPy's `min_weight_full_bipartite_matching`
(LAPJVsp, a different exact algorithm); gap = (its objective - ours) / its objective,
0 for an exact method. It also prints the capacity-free bound (every entrepreneur with
their best eligible mentor), which no assignment can beat. Exits 1 if the gap is not 0
or a mentor is over capacity.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from platform_api.matching import scoring, vocabulary
from platform_api.matching.assignment import Mode, Solution, solve

TARGET_S = 5.0
SECTORS = ["agriculture", "food", "retail", "services", "manufacturing", "fashion", "beauty"]
STAGES = ["idea", "starting", "growing", "established"]
PLACES = [("KE", ["Nairobi", "Kisumu"], 180), ("UG", ["Kampala"], 180), ("NG", ["Lagos"], 60)]
LANGUAGES = {"KE": ["sw", "en"], "UG": ["en", "lg"], "NG": ["en", "yo"]}
LEAVES = [t for t in vocabulary.TOPICS if "." in t]


def cohort(rng: random.Random, entrepreneurs: int, mentors: int, capacity: int):
    people = []
    for _ in range(entrepreneurs):
        country, regions, offset = rng.choice(PLACES)
        people.append(
            scoring.Mentee(
                country=country,
                region=rng.choice(regions),
                utc_offset_minutes=offset,
                needs=tuple(rng.sample(LEAVES, rng.randint(1, 3))),
                languages=frozenset(rng.sample(LANGUAGES[country], 1)),
                sector=rng.choice(SECTORS),
                stage=rng.choice(STAGES),
                preferred_mentor_gender=rng.choice([None, None, "female"]),
            )
        )
    pool = []
    for _ in range(mentors):
        country, regions, offset = rng.choice(PLACES)
        pool.append(
            scoring.Mentor(
                country=country,
                region=rng.choice(regions),
                utc_offset_minutes=offset,
                topics=frozenset(rng.sample(vocabulary.TOPICS, rng.randint(2, 5))),
                sectors=frozenset(rng.sample(SECTORS, rng.randint(1, 3))),
                stages=frozenset(rng.sample(STAGES, 2)),
                languages=frozenset(LANGUAGES[country]),
                gender=rng.choice(["female", "male"]),
                open_slots=capacity,
            )
        )
    return people, pool


def independent_optimum(benefit: np.ndarray) -> float:
    """The best total of `benefit` (entrepreneurs x slots, 0 = not allowed) by another
    exact algorithm: a min-cost full matching where each entrepreneur may instead take
    a private "unassigned" column worth 0; costs are shifted to stay positive."""
    rows, cols = benefit.shape
    shift = float(benefit.max()) + 1.0
    allowed = benefit > 0
    r, c = np.nonzero(allowed)
    costs = np.concatenate([shift - benefit[r, c], np.full(rows, shift)])
    matrix = csr_matrix(
        (
            costs,
            (np.concatenate([r, np.arange(rows)]), np.concatenate([c, cols + np.arange(rows)])),
        ),
        shape=(rows, cols + rows),
    )
    chosen_rows, chosen_cols = min_weight_full_bipartite_matching(matrix)
    taken = chosen_cols < cols
    return float(benefit[chosen_rows[taken], chosen_cols[taken]].sum())


def objective_matrix(
    scores: np.ndarray, allowed: np.ndarray, capacities: list[int], mode: Mode
) -> np.ndarray:
    """The slot matrix `solve` optimises (same integers), for the independent check."""
    slots = np.repeat(np.arange(len(capacities)), capacities)
    most = min(scores.shape[0], len(slots))
    value = scores[:, slots].astype(np.float64)
    usable = allowed[:, slots]
    if mode is Mode.MAXIMISE_PARTICIPATION:
        return np.where(usable, value + float(scoring.SCORE_SCALE * most + 1), 0.0)
    return np.where(usable, value * float(most + 1) + 1.0, 0.0)


def ours(solution: Solution, scores: np.ndarray, mode: Mode, most: int) -> float:
    if mode is Mode.MAXIMISE_PARTICIPATION:
        return float(solution.total + len(solution.pairs) * (scoring.SCORE_SCALE * most + 1))
    return float(solution.total * (most + 1) + len(solution.pairs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--entrepreneurs", type=int, default=2000)
    parser.add_argument("--mentors", type=int, default=500)
    parser.add_argument("--capacity", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    people, pool = cohort(random.Random(11), args.entrepreneurs, args.mentors, args.capacity)
    weights, rules = scoring.MentorWeights(), scoring.Rules()
    capacities = [m.open_slots for m in pool]
    problems = []
    for mode in Mode:
        times, score_times = [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            plans = [scoring.mentor_plan(p, weights) for p in people]
            points = scoring.mentor_points_matrix(plans, pool)
            scores = scoring.scaled_matrix(points, np.array([p.max_points for p in plans]))
            allowed = scoring.mentor_allowed_matrix(people, pool, rules)
            t1 = time.perf_counter()
            solution = solve(scores, allowed, capacities, mode)
            t2 = time.perf_counter()
            score_times.append(t1 - t0)
            times.append(t2 - t0)
        load = np.bincount([j for _, j in solution.pairs], minlength=len(pool))
        if (load > capacities).any():
            problems.append(f"{mode}: a mentor is over capacity")
        t3 = time.perf_counter()
        benefit = objective_matrix(scores, allowed, capacities, mode)
        best = independent_optimum(benefit)
        check_s = time.perf_counter() - t3
        mine = ours(solution, scores, mode, min(len(people), sum(capacities)))
        gap = (best - mine) / best if best else 0.0
        if abs(gap) > 1e-12:
            problems.append(f"{mode}: gap {gap:.3e}")
        bound = int(np.where(allowed, scores, 0).max(axis=1).sum())
        seconds = statistics.median(times)
        scoring_s = statistics.median(score_times)
        met = "met" if seconds <= TARGET_S else "NOT met"
        print(
            f"{mode.value}: {seconds:.2f} s per run (scores and filters "
            f"{scoring_s:.2f} s, solver {seconds - scoring_s:.2f} s; "
            f"target <= {TARGET_S:.0f} s: {met}); assigned {len(solution.pairs):,} of "
            f"{len(people):,}; total score {solution.total / 100:,.2f} "
            f"(capacity-free bound {bound / 100:,.2f}); optimality gap {gap:.1e} against "
            f"min_weight_full_bipartite_matching ({check_s:.1f} s)",
            flush=True,
        )
    for problem in problems:
        print(f"CHECK FAILED: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
