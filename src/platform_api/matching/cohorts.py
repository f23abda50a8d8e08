"""Cohort assignment: the best assignment of a whole cohort of entrepreneurs to mentors,
instead of first come, first served.

Scores for every pair come from `scoring` (vectorised), the hard filters and the
tenant's rules decide which pairs are allowed, and `assignment.solve` finds the exact
optimum for the chosen mode. Small cohorts are solved during the request; large ones
(or on request) in a background task of the worker that took the request: the row is
`queued`, then `running`, then `succeeded` or `failed`, with the result stored in it, so
any worker answers GET. A task lost with its worker leaves its row `running` (the row
says since when); post the request again.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import asyncpg
import numpy as np
import numpy.typing as npt

from platform_api.core.db import TENANT_GATE, Database
from platform_api.core.errors import FieldError, Problem, invalid, not_found
from platform_api.core.outbox import emit
from platform_api.entrepreneurs import service as entrepreneurs
from platform_api.entrepreneurs.schemas import Entrepreneur
from platform_api.matching import scoring, service
from platform_api.matching.assignment import Mode, OverCapacity, solve
from platform_api.matching.schemas import (
    AssignedPair,
    CohortAssignment,
    CohortAssignmentCreate,
    CohortStatus,
    MatchingSettings,
    Unassigned,
    UnassignedReason,
)

logger = logging.getLogger(__name__)

#: Cohorts of more entrepreneur x mentor pairs than this run in the background.
SYNC_PAIRS = 50_000
#: Background runs in this worker (kept referenced until they finish).
_RUNNING: set[asyncio.Task[None]] = set()

_COLUMNS = (
    "id, status, mode, entrepreneurs, mentors, total_score, assigned, result, error, "
    "created_at, started_at, finished_at"
)


@dataclass(frozen=True)
class Inputs:
    """Everything a run reads, in the request's order."""

    people: list[Entrepreneur]
    mentors: list[asyncpg.Record]
    settings: MatchingSettings
    #: (entrepreneur, mentor tenant, mentor) with a match other than a completed one.
    earlier: set[tuple[uuid.UUID, uuid.UUID, uuid.UUID]]


async def load_inputs(
    db: Database, *, tenant_id: uuid.UUID, request: CohortAssignmentCreate
) -> Inputs:
    """422 naming every id that is not an active entrepreneur of this tenant or a mentor
    it may match (its own, or shared to the network)."""
    found = await entrepreneurs.get_entrepreneurs(
        db, tenant_id=tenant_id, entrepreneur_ids=request.entrepreneur_ids
    )
    people = {p.id: p for p in found if p.status == "active"}
    rows = await db.fetch(
        tenant_id,
        f"SELECT {service.CARD_COLUMNS} FROM mentors m WHERE {TENANT_GATE} "
        "AND (m.tenant_id = $1::uuid OR m.shared_to_network) AND m.id = ANY($2::uuid[])",
        request.mentor_ids,
    )
    mentors = {row["id"]: row for row in rows}
    errors = [
        FieldError(
            path=f"body.entrepreneur_ids.{i}",
            message="no such active entrepreneur",
            code="not_found",
        )
        for i, e in enumerate(request.entrepreneur_ids)
        if e not in people
    ] + [
        FieldError(path=f"body.mentor_ids.{i}", message="no such mentor", code="not_found")
        for i, m in enumerate(request.mentor_ids)
        if m not in mentors
    ]
    for name in ("required_pairs", "banned_pairs"):
        for i, pair in enumerate(getattr(request, name)):
            if pair.entrepreneur_id not in people or pair.mentor_id not in mentors:
                errors.append(
                    FieldError(
                        path=f"body.{name}.{i}",
                        message="entrepreneur and mentor must be in the cohort",
                        code="not_in_cohort",
                    )
                )
    if errors:
        raise invalid(*errors)
    earlier = await db.fetch(
        tenant_id,
        f"SELECT entrepreneur_id, mentor_tenant_id, mentor_id FROM matches WHERE {TENANT_GATE} "
        "AND tenant_id = $1::uuid AND entrepreneur_id = ANY($2::uuid[]) AND status <> 'completed'",
        request.entrepreneur_ids,
    )
    return Inputs(
        people=[people[e] for e in request.entrepreneur_ids],
        mentors=[mentors[m] for m in request.mentor_ids],
        settings=await service.get_settings(db, tenant_id=tenant_id),
        earlier={(r["entrepreneur_id"], r["mentor_tenant_id"], r["mentor_id"]) for r in earlier},
    )


@dataclass(frozen=True)
class Outcome:
    assignment: list[AssignedPair]
    unassigned: list[Unassigned]
    total: int

    @property
    def total_score(self) -> float:
        return self.total / 100


def _index(values: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    return {v: i for i, v in enumerate(values)}


def compute(inputs: Inputs, request: CohortAssignmentCreate, tenant_id: uuid.UUID) -> Outcome:
    """The optimal assignment (CPU only: run it off the event loop)."""
    mentees = [service.mentee(p) for p in inputs.people]
    weights = scoring.MentorWeights(**inputs.settings.mentor_weights.model_dump())
    rules = scoring.Rules(
        shared_language=inputs.settings.require_shared_language,
        same_country=inputs.settings.require_same_country,
    )
    plans = [scoring.mentor_plan(m, weights) for m in mentees]
    profiles = [service.mentor_profile(row, tenant_id) for row in inputs.mentors]
    points = scoring.mentor_points_matrix(plans, profiles)
    scores = scoring.scaled_matrix(points, np.array([p.max_points for p in plans]))
    passes = scoring.mentor_allowed_matrix(mentees, profiles, rules)
    e_index = _index(request.entrepreneur_ids)
    m_index = _index(request.mentor_ids)
    earlier = np.zeros_like(passes)
    for e, mentor_tenant, m in inputs.earlier:
        j = m_index.get(m)
        if j is not None and inputs.mentors[j]["tenant_id"] == mentor_tenant:
            earlier[e_index[e], j] = True
    banned = np.zeros_like(passes)
    for pair in request.banned_pairs:
        banned[e_index[pair.entrepreneur_id], m_index[pair.mentor_id]] = True
    eligible = passes & ~earlier & ~banned
    allowed: npt.NDArray[np.bool_] = eligible & (scores >= round(request.min_score * 100))
    required = [(e_index[p.entrepreneur_id], m_index[p.mentor_id]) for p in request.required_pairs]
    try:
        solution = solve(
            scores, allowed, [p.open_slots for p in profiles], Mode(request.mode), required
        )
    except OverCapacity as exc:
        raise invalid(
            FieldError(
                path="body.required_pairs",
                message=f"more required pairs than free slots of mentor "
                f"{request.mentor_ids[exc.mentor]}",
                code="over_capacity",
            )
        ) from None
    fixed = set(required)
    assignment = [
        AssignedPair(
            entrepreneur_id=request.entrepreneur_ids[i],
            mentor_id=request.mentor_ids[j],
            score=int(scores[i, j]) / 100,
            required=(i, j) in fixed,
        )
        for i, j in solution.pairs
    ]
    placed = {i for i, _ in solution.pairs}
    unassigned = []
    for i, entrepreneur_id in enumerate(request.entrepreneur_ids):
        if i in placed:
            continue
        if not eligible[i].any():
            reason = UnassignedReason.NO_ELIGIBLE_MENTOR
            detail = (
                f"Of {len(profiles)} mentor(s): {int((~passes[i]).sum())} fail a hard filter "
                "(paused, no free slot, no shared language, country rule, network consent), "
                f"{int(earlier[i].sum())} were matched or declined before, "
                f"{int(banned[i].sum())} banned."
            )
        elif not allowed[i].any():
            reason = UnassignedReason.BELOW_MIN_SCORE
            detail = (
                f"{int(eligible[i].sum())} eligible mentor(s), none scoring at least "
                f"{request.min_score:g}."
            )
        else:
            reason = UnassignedReason.MENTORS_FULL
            detail = (
                f"All free slots of the {int(allowed[i].sum())} eligible mentor(s) went to "
                "others in the optimal assignment."
            )
        unassigned.append(Unassigned(entrepreneur_id=entrepreneur_id, reason=reason, detail=detail))
    return Outcome(assignment=assignment, unassigned=unassigned, total=solution.total)


def _model(row: Mapping[str, Any]) -> CohortAssignment:
    result = row["result"] or {}
    return CohortAssignment(
        id=row["id"],
        status=row["status"],
        mode=row["mode"],
        entrepreneurs=row["entrepreneurs"],
        mentors=row["mentors"],
        total_score=None if row["total_score"] is None else float(row["total_score"]),
        assigned=row["assigned"],
        assignment=result.get("assignment"),
        unassigned=result.get("unassigned"),
        error=row["error"],
        created_at=row["created_at"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
    )


def _result(outcome: Outcome) -> dict[str, Any]:
    return {
        "assignment": [p.model_dump(mode="json") for p in outcome.assignment],
        "unassigned": [u.model_dump(mode="json") for u in outcome.unassigned],
    }


def runs_in_background(request: CohortAssignmentCreate) -> bool:
    if request.run_async is not None:
        return request.run_async
    return len(request.entrepreneur_ids) * len(request.mentor_ids) > SYNC_PAIRS


async def _finished(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, row: Mapping[str, Any]
) -> CohortAssignment:
    model = _model(row)
    await emit(
        conn,
        tenant_id=tenant_id,
        type="cohort_assignment.finished",
        subject_id=model.id,
        data=model.model_dump(mode="json", exclude={"assignment", "unassigned"}),
    )
    return model


async def record(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    request: CohortAssignmentCreate,
    outcome: Outcome | None,
) -> CohortAssignment:
    """The run's row: finished with `outcome`, or queued for the background."""
    values: dict[str, Any] = {
        "status": CohortStatus.QUEUED.value,
        "mode": request.mode.value,
        "request": request.model_dump(mode="json"),
        "entrepreneurs": len(request.entrepreneur_ids),
        "mentors": len(request.mentor_ids),
    }
    done = ""
    if outcome is not None:
        values |= {
            "status": CohortStatus.SUCCEEDED.value,
            "result": _result(outcome),
            "total_score": outcome.total_score,
            "assigned": len(outcome.assignment),
        }
        done = ", started_at, finished_at"
    placeholders = ", ".join(f"${i}" for i in range(4, len(values) + 4))
    row = await conn.fetchrow(
        f"INSERT INTO cohort_assignments (tenant_id, id, created_by, updated_by, "
        f"{', '.join(values)}{done}) VALUES ($1, $2, $3, $3, {placeholders}"
        f"{', now(), now()' if done else ''}) RETURNING {_COLUMNS}",
        tenant_id,
        uuid.uuid4(),
        actor,
        *values.values(),
    )
    return await _finished(conn, tenant_id, row) if outcome is not None else _model(row)


async def run(db: Database, *, tenant_id: uuid.UUID, assignment_id: uuid.UUID) -> None:
    """A queued run, to its end: inputs read afresh, solved off the event loop."""
    async with db.transaction(tenant_id) as conn:
        stored = await conn.fetchval(
            "UPDATE cohort_assignments SET status = 'running', started_at = now(), "
            "updated_at = now() WHERE tenant_id = $1 AND id = $2 AND status = 'queued' "
            "RETURNING request",
            tenant_id,
            assignment_id,
        )
    if stored is None:
        return
    request = CohortAssignmentCreate.model_validate(stored)
    outcome: Outcome | None = None
    error: str | None = None
    try:
        inputs = await load_inputs(db, tenant_id=tenant_id, request=request)
        outcome = await asyncio.to_thread(compute, inputs, request, tenant_id)
    except Problem as exc:
        error = exc.detail or exc.title
        if exc.errors:
            error += " " + "; ".join(f"{e.path}: {e.message}" for e in exc.errors)
    except Exception:
        logger.exception("cohort assignment %s failed", assignment_id)
        error = "The assignment failed unexpectedly; it has been logged."
    async with db.transaction(tenant_id) as conn:
        row = await conn.fetchrow(
            "UPDATE cohort_assignments SET status = $3, result = $4, total_score = $5, "
            "assigned = $6, error = $7, finished_at = now(), updated_at = now() "
            f"WHERE tenant_id = $1 AND id = $2 RETURNING {_COLUMNS}",
            tenant_id,
            assignment_id,
            CohortStatus.FAILED.value if outcome is None else CohortStatus.SUCCEEDED.value,
            None if outcome is None else _result(outcome),
            None if outcome is None else outcome.total_score,
            None if outcome is None else len(outcome.assignment),
            error,
        )
        await _finished(conn, tenant_id, row)


def start(db: Database, *, tenant_id: uuid.UUID, assignment_id: uuid.UUID) -> None:
    """Run a queued assignment in the background of this worker."""
    task = asyncio.create_task(run(db, tenant_id=tenant_id, assignment_id=assignment_id))
    _RUNNING.add(task)
    task.add_done_callback(_RUNNING.discard)


async def get(db: Database, *, tenant_id: uuid.UUID, assignment_id: uuid.UUID) -> CohortAssignment:
    row = await db.fetchrow(
        tenant_id,
        f"SELECT {_COLUMNS} FROM cohort_assignments WHERE {TENANT_GATE} "
        "AND tenant_id = $1::uuid AND id = $2",
        assignment_id,
    )
    if row is None:
        raise not_found("Cohort assignment")
    return _model(row)
