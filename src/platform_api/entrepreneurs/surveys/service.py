"""Outcome surveys of a tenant's entrepreneurs: one baseline, then follow-ups."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import asyncpg

from platform_api.core.db import TENANT_GATE, Database, insert_tenant_row
from platform_api.core.errors import FieldError, conflict, invalid, not_found
from platform_api.core.pagination import Page, PageParams, build_page, keyset_clause
from platform_api.entrepreneurs.surveys.schemas import (
    OutcomeSurvey,
    OutcomeSurveyCreate,
    SurveyKind,
)

_COLUMNS = (
    "id, entrepreneur_id, kind, surveyed_on, earns_from_own_business, earns_from_gigs, "
    "revenue_band, employees, created_at"
)


def _model(row: asyncpg.Record) -> OutcomeSurvey:
    return OutcomeSurvey.model_validate(dict(row))


async def record_survey(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    entrepreneur_id: uuid.UUID,
    actor: uuid.UUID,
    data: OutcomeSurveyCreate,
) -> OutcomeSurvey:
    """Record answers. The baseline comes first in time: a follow-up may not predate it,
    nor a baseline its follow-ups. Surveys of one person are serialised by a row lock."""
    person = await conn.fetchrow(
        "SELECT e.status, "
        "(SELECT surveyed_on FROM outcome_surveys s WHERE s.tenant_id = e.tenant_id "
        " AND s.entrepreneur_id = e.id AND s.kind = 'baseline') AS baseline_on, "
        "(SELECT min(surveyed_on) FROM outcome_surveys s WHERE s.tenant_id = e.tenant_id "
        " AND s.entrepreneur_id = e.id AND s.kind = 'follow_up') AS first_follow_up_on "
        "FROM entrepreneurs e WHERE e.tenant_id = $1 AND e.id = $2 FOR NO KEY UPDATE",
        tenant_id,
        entrepreneur_id,
    )
    if person is None:
        raise not_found("Entrepreneur")
    if person["status"] == "anonymised":
        raise conflict("This entrepreneur was anonymised; no surveys can be added.")
    if data.kind is SurveyKind.BASELINE and person["baseline_on"] is not None:
        raise conflict("This entrepreneur already has a baseline survey.")
    errors = []
    if data.surveyed_on > datetime.now(UTC).date():
        errors.append(
            FieldError(path="body.surveyed_on", message="is in the future", code="future")
        )
    elif data.kind is SurveyKind.FOLLOW_UP and (
        person["baseline_on"] is not None and data.surveyed_on < person["baseline_on"]
    ):
        errors.append(
            FieldError(
                path="body.surveyed_on",
                message=f"must not be before the baseline ({person['baseline_on']})",
                code="before_baseline",
            )
        )
    elif data.kind is SurveyKind.BASELINE and (
        person["first_follow_up_on"] is not None and data.surveyed_on > person["first_follow_up_on"]
    ):
        errors.append(
            FieldError(
                path="body.surveyed_on",
                message=f"must not be after the first follow-up ({person['first_follow_up_on']})",
                code="after_follow_up",
            )
        )
    if errors:
        raise invalid(*errors)
    row = await insert_tenant_row(
        conn,
        "outcome_surveys",
        tenant_id=tenant_id,
        actor=actor,
        values={"entrepreneur_id": entrepreneur_id, **data.model_dump()},
        returning=_COLUMNS,
    )
    return _model(row)


async def list_surveys(
    db: Database, *, tenant_id: uuid.UUID, entrepreneur_id: uuid.UUID, page: PageParams
) -> Page[OutcomeSurvey]:
    after, after_args = keyset_clause(page, 4, alias="s")
    columns = ", ".join(f"s.{c.strip()}" for c in _COLUMNS.split(","))
    rows = await db.fetch(
        tenant_id,
        f"SELECT {columns} FROM entrepreneurs e LEFT JOIN outcome_surveys s "
        f"ON s.tenant_id = e.tenant_id AND s.entrepreneur_id = e.id{after} "
        f"WHERE {TENANT_GATE} AND e.tenant_id = $1::uuid AND e.id = $2 "
        "ORDER BY s.created_at, s.id LIMIT $3",
        entrepreneur_id,
        page.limit + 1,
        *after_args,
    )
    if not rows:
        raise not_found("Entrepreneur")
    return build_page([r for r in rows if r["id"] is not None], page, _model)
