"""Lending circles: rotating, zero-interest savings-and-credit among a tenant's
entrepreneurs.

    forming -> active -> completed;  forming | active (nothing paid yet) -> cancelled

Members join while the circle forms; starting it fixes the payout order and writes the
calendar. Every change locks the circle row, so contributions and payouts of one
circle are serialised. Contributions and payouts are append-only; a payout releases the
whole pot, from the round's contributions plus, if the tenant chose to cover a gap, a
guarantee draw that the late contributions repay. The standing math is
`circles.standing`, the rotation `circles.rotation` (both pure).
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import asyncpg

from platform_api.audit import service as audit
from platform_api.audit.schemas import AuditAction, AuditResourceType
from platform_api.core.db import TENANT_GATE, Database, insert_tenant_row
from platform_api.core.errors import FieldError, Problem, conflict, invalid, not_found
from platform_api.core.outbox import emit, emit_many
from platform_api.core.pagination import Page, PageParams, Where, build_page, keyset_clause
from platform_api.loans.accounts.service import today
from platform_api.loans.circles import rotation, standing
from platform_api.loans.circles.rotation import Entrant, PayoutOrder
from platform_api.loans.circles.schemas import (
    CircleCancel,
    CircleMember,
    CircleMoney,
    CircleRound,
    CircleStart,
    CircleStatus,
    Contribution,
    ContributionCreate,
    CreditReport,
    LendingCircle,
    LendingCircleCreate,
    MemberCreate,
    MemberStatus,
    Payout,
    PayoutCreate,
    ReportAccount,
    ReportMonth,
    RoundStatus,
)
from platform_api.loans.schedule import FrequencyUnit, ScheduleError

_CIRCLE_COLUMNS = (
    "c.id, c.name, c.currency, c.contribution_amount, c.frequency_every, c.frequency_unit, "
    "c.size, c.payout_order, c.status, c.members_joined, c.first_due_date, "
    "c.payout_order_seed, c.rounds_paid_out, c.started_at, c.completed_on, c.cancelled_at, "
    "c.cancel_reason, c.created_at, c.updated_at"
)
#: The circle's money, summed from its contributions and payouts.
_MONEY = """
CROSS JOIN LATERAL (
    SELECT coalesce(sum(k.amount), 0)::bigint AS contributions_received,
           coalesce(sum(k.amount) FILTER (WHERE k.after_payout), 0)::bigint AS guarantee_recovered
    FROM lending_circle_contributions k WHERE k.tenant_id = c.tenant_id AND k.circle_id = c.id
) k
CROSS JOIN LATERAL (
    SELECT coalesce(sum(p.amount), 0)::bigint AS payouts_released,
           coalesce(sum(p.guarantee_draw), 0)::bigint AS guarantee_drawn
    FROM lending_circle_payouts p WHERE p.tenant_id = c.tenant_id AND p.circle_id = c.id
) p"""
_MONEY_COLUMNS = (
    "k.contributions_received, k.guarantee_recovered, p.payouts_released, p.guarantee_drawn"
)
_CONTRIBUTION_COLUMNS = (
    "k.id, k.circle_id, k.member_id, k.round, k.amount, k.paid_on, k.channel, "
    "k.external_reference, k.after_payout, k.created_at, k.created_by, r.due_date"
)
_PAYOUT_COLUMNS = (
    "p.id, p.circle_id, p.round, p.recipient_member_id, p.amount, p.from_contributions, "
    "p.guarantee_draw, p.paid_on, p.created_at, p.created_by"
)


#: Looked up once: `model_fields` is a property that costs a microsecond a call.
_CIRCLE_FIELDS = frozenset(LendingCircle.model_fields)


def _circle_model(row: Mapping[str, Any]) -> LendingCircle:
    received, recovered = row["contributions_received"], row["guarantee_recovered"]
    released, drawn = row["payouts_released"], row["guarantee_drawn"]
    money = CircleMoney(
        contributions_received=received,
        payouts_released=released,
        guarantee_drawn=drawn,
        guarantee_recovered=recovered,
        guarantee_outstanding=drawn - recovered,
        held=received + drawn - released - recovered,
    )
    values = {k: v for k, v in row.items() if k in _CIRCLE_FIELDS}
    return LendingCircle(**values, pot_amount=row["contribution_amount"] * row["size"], money=money)


def _future(path: str) -> Problem:
    return invalid(FieldError(path=path, message="must not be in the future", code="future"))


# --------------------------------------------------------------------------- circles


async def create_circle(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, actor: uuid.UUID, data: LendingCircleCreate
) -> LendingCircle:
    row = await insert_tenant_row(
        conn,
        "lending_circles",
        tenant_id=tenant_id,
        actor=actor,
        values={**data.model_dump(), "status": CircleStatus.FORMING.value},
        returning="id",
    )
    return await _circle_in(conn, tenant_id, row["id"])


async def _circle_in(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, circle_id: uuid.UUID
) -> LendingCircle:
    row = await conn.fetchrow(
        f"SELECT {_CIRCLE_COLUMNS}, {_MONEY_COLUMNS} FROM lending_circles c {_MONEY} "
        "WHERE c.tenant_id = $1 AND c.id = $2",
        tenant_id,
        circle_id,
    )
    if row is None:
        raise not_found("Lending circle")
    return _circle_model(row)


async def get_circle(db: Database, *, tenant_id: uuid.UUID, circle_id: uuid.UUID) -> LendingCircle:
    row = await db.fetchrow(
        tenant_id,
        f"SELECT {_CIRCLE_COLUMNS}, {_MONEY_COLUMNS} FROM lending_circles c {_MONEY} "
        f"WHERE {TENANT_GATE} AND c.tenant_id = $1::uuid AND c.id = $2",
        circle_id,
    )
    if row is None:
        raise not_found("Lending circle")
    return _circle_model(row)


async def list_circles(
    db: Database, *, tenant_id: uuid.UUID, page: PageParams, status: CircleStatus | None
) -> Page[LendingCircle]:
    args: list[Any] = []
    condition = ""
    if status is not None:
        args.append(status.value)
        condition = " AND c.status = $3"
    after, after_args = keyset_clause(page, len(args) + 3, alias="c")
    rows = await db.fetch(
        tenant_id,
        f"SELECT {_CIRCLE_COLUMNS}, {_MONEY_COLUMNS} FROM lending_circles c {_MONEY} "
        f"WHERE {TENANT_GATE} AND c.tenant_id = $1::uuid{condition}{after} "
        "ORDER BY c.created_at, c.id LIMIT $2",
        page.limit + 1,
        *args,
        *after_args,
    )
    return build_page(rows, page, _circle_model)


async def _lock(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, circle_id: uuid.UUID
) -> asyncpg.Record:
    row = await conn.fetchrow(
        f"SELECT {_CIRCLE_COLUMNS} FROM lending_circles c "
        "WHERE c.tenant_id = $1 AND c.id = $2 FOR UPDATE",
        tenant_id,
        circle_id,
    )
    if row is None:
        raise not_found("Lending circle")
    return row


async def _audit(
    conn: asyncpg.Connection,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    action: AuditAction,
    circle: Mapping[str, Any],
    *,
    to_state: CircleStatus | None = None,
    amounts: dict[str, int] | None = None,
    related: dict[str, uuid.UUID] | None = None,
) -> None:
    """Record a change to the locked `circle` (as it was before) in the audit log."""
    await audit.record(
        conn,
        tenant_id,
        audit.Entry(
            actor=actor,
            action=action,
            resource_type=AuditResourceType.LENDING_CIRCLE,
            resource_id=circle["id"],
            currency=circle["currency"],
            amounts=amounts or {},
            from_state=circle["status"] if to_state else None,
            to_state=to_state,
            related=related or {},
        ),
    )


def _require(circle: Mapping[str, Any], action: str, *allowed: CircleStatus) -> None:
    if circle["status"] not in allowed:
        names = " or ".join(s.value for s in allowed)
        raise conflict(
            f"This circle is {circle['status']}; {action} needs a {names} circle.",
            current_status=circle["status"],
        )


async def add_member(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    circle_id: uuid.UUID,
    data: MemberCreate,
) -> CircleMember:
    circle = await _lock(conn, tenant_id, circle_id)
    _require(circle, "adding a member", CircleStatus.FORMING)
    if circle["members_joined"] >= circle["size"]:
        raise conflict(f"This circle is full ({circle['size']} members).", size=circle["size"])
    bidding = circle["payout_order"] == PayoutOrder.BID
    if bidding != (data.bid is not None):
        raise invalid(
            FieldError(
                path="body.bid",
                message="required with the bid payout order"
                if bidding
                else "only with the bid payout order",
                code="bid",
            )
        )
    entrepreneur = await conn.fetchval(
        "SELECT status FROM entrepreneurs WHERE tenant_id = $1 AND id = $2",
        tenant_id,
        data.entrepreneur_id,
    )
    if entrepreneur != "active":
        raise invalid(
            FieldError(
                path="body.entrepreneur_id",
                message="no such entrepreneur" if entrepreneur is None else "was anonymised",
                code="not_found",
            )
        )
    try:
        row = await insert_tenant_row(
            conn,
            "lending_circle_members",
            tenant_id=tenant_id,
            actor=actor,
            values={
                "circle_id": circle_id,
                "entrepreneur_id": data.entrepreneur_id,
                "position": circle["members_joined"] + 1,
                "bid": data.bid,
            },
            returning="id, circle_id, entrepreneur_id, position, bid, payout_round, created_at",
        )
    except asyncpg.UniqueViolationError:
        raise conflict(
            "This entrepreneur is already a member of the circle.",
            entrepreneur_id=str(data.entrepreneur_id),
        ) from None
    await conn.execute(
        "UPDATE lending_circles SET members_joined = members_joined + 1, updated_at = now(), "
        "updated_by = $3 WHERE tenant_id = $1 AND id = $2",
        tenant_id,
        circle_id,
        actor,
    )
    return _member_model(row, circle, [], [], today())


# --------------------------------------------------------------------------- state


@dataclass(frozen=True)
class _Loaded:
    """A circle with its members, calendar and contributions, read in one snapshot."""

    circle: asyncpg.Record
    members: list[asyncpg.Record]
    rounds: list[standing.Round]
    payments: list[standing.Payment]
    draws: dict[int, int]


async def _load(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, circles: Sequence[asyncpg.Record]
) -> list[_Loaded]:
    ids = [c["id"] for c in circles]
    members = await conn.fetch(
        "SELECT id, circle_id, entrepreneur_id, position, bid, payout_round, created_at "
        "FROM lending_circle_members WHERE tenant_id = $1 AND circle_id = ANY($2::uuid[]) "
        "ORDER BY circle_id, position",
        tenant_id,
        ids,
    )
    rounds = await conn.fetch(
        "SELECT r.circle_id, r.number, r.due_date, r.recipient_member_id, p.paid_on, "
        "p.guarantee_draw FROM lending_circle_rounds r LEFT JOIN lending_circle_payouts p "
        "ON p.tenant_id = r.tenant_id AND p.circle_id = r.circle_id AND p.round = r.number "
        "WHERE r.tenant_id = $1 AND r.circle_id = ANY($2::uuid[]) ORDER BY r.circle_id, r.number",
        tenant_id,
        ids,
    )
    payments = await conn.fetch(
        "SELECT circle_id, member_id, round, amount, paid_on, after_payout "
        "FROM lending_circle_contributions WHERE tenant_id = $1 AND circle_id = ANY($2::uuid[])",
        tenant_id,
        ids,
    )
    loaded = []
    for circle in circles:
        own_rounds = [r for r in rounds if r["circle_id"] == circle["id"]]
        loaded.append(
            _Loaded(
                circle,
                [m for m in members if m["circle_id"] == circle["id"]],
                [
                    standing.Round(
                        r["number"], r["due_date"], r["recipient_member_id"], r["paid_on"]
                    )
                    for r in own_rounds
                ],
                [
                    standing.Payment(
                        p["member_id"], p["round"], p["amount"], p["paid_on"], p["after_payout"]
                    )
                    for p in payments
                    if p["circle_id"] == circle["id"]
                ],
                {r["number"]: r["guarantee_draw"] for r in own_rounds if r["paid_on"]},
            )
        )
    return loaded


async def _load_one(db: Database, tenant_id: uuid.UUID, circle_id: uuid.UUID) -> _Loaded:
    async with db.transaction(tenant_id) as conn:
        circle = await conn.fetchrow(
            f"SELECT {_CIRCLE_COLUMNS} FROM lending_circles c WHERE c.tenant_id = $1 AND c.id = $2",
            tenant_id,
            circle_id,
        )
        if circle is None:
            raise not_found("Lending circle")
        (loaded,) = await _load(conn, tenant_id, [circle])
    return loaded


def _member_model(
    member: Mapping[str, Any],
    circle: Mapping[str, Any],
    rounds: Sequence[standing.Round],
    payments: Sequence[standing.Payment],
    as_of: date,
) -> CircleMember:
    position = standing.standing(
        member["id"], rounds, circle["contribution_amount"], payments, as_of
    )
    total_due = circle["contribution_amount"] * circle["size"]
    owed = total_due - position.paid
    return CircleMember(
        id=member["id"],
        circle_id=member["circle_id"],
        entrepreneur_id=member["entrepreneur_id"],
        position=member["position"],
        bid=member["bid"],
        payout_round=member["payout_round"],
        total_due=total_due,
        paid=position.paid,
        owed=owed,
        received_on=position.received_on,
        obligation_outstanding=owed if position.received_on else 0,
        arrears_amount=position.arrears,
        days_late=position.days_late,
        missed_contributions=position.missed,
        late_contributions=position.paid_late,
        status=MemberStatus.IN_ARREARS if position.arrears else MemberStatus.CURRENT,
        as_of=as_of,
        created_at=member["created_at"],
    )


async def list_members(
    db: Database, *, tenant_id: uuid.UUID, circle_id: uuid.UUID
) -> list[CircleMember]:
    loaded = await _load_one(db, tenant_id, circle_id)
    as_of = today()
    return [
        _member_model(m, loaded.circle, loaded.rounds, loaded.payments, as_of)
        for m in loaded.members
    ]


async def list_rounds(
    db: Database, *, tenant_id: uuid.UUID, circle_id: uuid.UUID
) -> list[CircleRound]:
    """The calendar: each round's due date, recipient, funding and payout."""
    loaded = await _load_one(db, tenant_id, circle_id)
    pot = loaded.circle["contribution_amount"] * loaded.circle["size"]
    entrepreneurs = {m["id"]: m["entrepreneur_id"] for m in loaded.members}
    as_of = today()
    result = []
    for r in loaded.rounds:
        funded = sum(
            p.amount for p in loaded.payments if p.round == r.number and not p.after_payout
        )
        if r.paid_out_on is not None:
            status = RoundStatus.PAID_OUT
        elif funded == pot:
            status = RoundStatus.FUNDED
        elif r.due_date < as_of:
            status = RoundStatus.SHORT
        else:
            status = RoundStatus.UPCOMING
        result.append(
            CircleRound(
                number=r.number,
                due_date=r.due_date,
                recipient_member_id=r.recipient,
                recipient_entrepreneur_id=entrepreneurs[r.recipient],
                pot_amount=pot,
                funded=funded,
                status=status,
                paid_out_on=r.paid_out_on,
                guarantee_draw=loaded.draws.get(r.number, 0),
            )
        )
    return result


async def start(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    circle_id: uuid.UUID,
    data: CircleStart,
) -> LendingCircle:
    """Fix the payout order and write the calendar."""
    circle = await _lock(conn, tenant_id, circle_id)
    _require(circle, "starting", CircleStatus.FORMING)
    if circle["members_joined"] != circle["size"]:
        raise conflict(
            f"This circle needs {circle['size']} members to start; it has "
            f"{circle['members_joined']}.",
            size=circle["size"],
            members_joined=circle["members_joined"],
        )
    policy = PayoutOrder(circle["payout_order"])
    if data.seed is not None and policy is not PayoutOrder.RANDOM:
        raise invalid(
            FieldError(path="body.seed", message="only for a random payout order", code="seed")
        )
    seed = (data.seed or secrets.token_hex(16)) if policy is PayoutOrder.RANDOM else None
    first_due = data.first_due_date or today()
    try:
        dates = rotation.contribution_dates(
            first_due,
            circle["frequency_every"],
            FrequencyUnit(circle["frequency_unit"]),
            circle["size"],
        )
    except ScheduleError as exc:
        raise invalid(
            FieldError(path="body.first_due_date", message=str(exc), code="calendar")
        ) from None
    members = await conn.fetch(
        "SELECT id, position, bid FROM lending_circle_members "
        "WHERE tenant_id = $1 AND circle_id = $2 ORDER BY position",
        tenant_id,
        circle_id,
    )
    order = rotation.payout_order(
        policy, [Entrant(m["id"], m["position"], m["bid"]) for m in members], seed
    )
    numbers = list(range(1, len(order) + 1))
    await conn.execute(
        """
        WITH members AS (
            UPDATE lending_circle_members m SET payout_round = o.n, updated_at = now(),
                   updated_by = $3
            FROM unnest($4::uuid[], $5::int[]) AS o(id, n)
            WHERE m.tenant_id = $1 AND m.circle_id = $2 AND m.id = o.id
        ), rounds AS (
            INSERT INTO lending_circle_rounds (tenant_id, id, created_by, circle_id, number,
                                               due_date, recipient_member_id)
            SELECT $1, gen_random_uuid(), $3, $2, o.n, o.d, o.id
            FROM unnest($4::uuid[], $5::int[], $6::date[]) AS o(id, n, d)
        )
        UPDATE lending_circles SET status = 'active', first_due_date = $7,
               payout_order_seed = $8, started_at = now(), updated_at = now(), updated_by = $3
        WHERE tenant_id = $1 AND id = $2
        """,
        tenant_id,
        circle_id,
        actor,
        order,
        numbers,
        dates,
        first_due,
        seed,
    )
    result = await _circle_in(conn, tenant_id, circle_id)
    await _audit(
        conn,
        tenant_id,
        actor,
        AuditAction.CIRCLE_STARTED,
        circle,
        to_state=CircleStatus.ACTIVE,
        amounts={"contribution": circle["contribution_amount"]},
    )
    await emit(
        conn,
        tenant_id=tenant_id,
        type="lending_circle.started",
        subject_id=circle_id,
        data={
            **result.model_dump(mode="json", exclude={"money"}),
            "calendar": [
                {"round": n, "due_date": d.isoformat(), "recipient_member_id": str(m)}
                for n, d, m in zip(numbers, dates, order, strict=True)
            ],
        },
    )
    return result


async def cancel(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    circle_id: uuid.UUID,
    data: CircleCancel,
) -> LendingCircle:
    """Cancel a forming circle, or an active one before any money moved."""
    circle = await _lock(conn, tenant_id, circle_id)
    _require(circle, "cancelling", CircleStatus.FORMING, CircleStatus.ACTIVE)
    moved = await conn.fetchval(
        "SELECT EXISTS (SELECT 1 FROM lending_circle_contributions "
        "WHERE tenant_id = $1 AND circle_id = $2)",
        tenant_id,
        circle_id,
    )
    if moved:
        raise conflict("Contributions were received: this circle can no longer be cancelled.")
    await conn.execute(
        "UPDATE lending_circles SET status = 'cancelled', cancelled_at = now(), "
        "cancel_reason = $4, updated_at = now(), updated_by = $3 "
        "WHERE tenant_id = $1 AND id = $2",
        tenant_id,
        circle_id,
        actor,
        data.reason,
    )
    await _audit(
        conn,
        tenant_id,
        actor,
        AuditAction.CIRCLE_CANCELLED,
        circle,
        to_state=CircleStatus.CANCELLED,
    )
    return await _circle_in(conn, tenant_id, circle_id)


# --------------------------------------------------------------------------- money


#: Looked up once: `model_fields` is a property that costs a microsecond a call.
_CONTRIBUTION_FIELDS = frozenset(Contribution.model_fields)


def _contribution_model(row: Mapping[str, Any], currency: str) -> Contribution:
    values = {k: v for k, v in row.items() if k in _CONTRIBUTION_FIELDS and k != "currency"}
    return Contribution(
        **values,
        currency=currency,
        days_late=max(0, (row["paid_on"] - row["due_date"]).days),
    )


async def contribute(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    circle_id: uuid.UUID,
    data: ContributionCreate,
) -> Contribution:
    """Record a member's contribution to a round (by default their oldest one not fully
    paid). Made after the round's payout, it repays the tenant's guarantee draw."""
    circle = await _lock(conn, tenant_id, circle_id)
    _require(circle, "a contribution", CircleStatus.ACTIVE, CircleStatus.COMPLETED)
    errors = []
    if data.currency is not None and data.currency != circle["currency"]:
        errors.append(
            FieldError(
                path="body.currency",
                message=f"must be the circle's currency ({circle['currency']})",
                code="currency_mismatch",
            )
        )
    paid_on = data.paid_on or today()
    if paid_on > today():
        errors.append(
            FieldError(path="body.paid_on", message="must not be in the future", code="future")
        )
    rounds = await conn.fetch(
        "SELECT r.number, r.due_date, coalesce(sum(k.amount), 0)::bigint AS paid "
        "FROM lending_circle_rounds r JOIN lending_circle_members m "
        "ON m.tenant_id = r.tenant_id AND m.circle_id = r.circle_id AND m.id = $3 "
        "LEFT JOIN lending_circle_contributions k ON k.tenant_id = r.tenant_id "
        "AND k.circle_id = r.circle_id AND k.member_id = m.id AND k.round = r.number "
        "WHERE r.tenant_id = $1 AND r.circle_id = $2 GROUP BY r.number, r.due_date "
        "ORDER BY r.number",
        tenant_id,
        circle_id,
        data.member_id,
    )
    if not rounds:
        errors.append(
            FieldError(
                path="body.member_id", message="not a member of this circle", code="not_found"
            )
        )
    if errors:
        raise invalid(*errors)
    amount_due = circle["contribution_amount"]
    if data.round is None:
        target = next((r for r in rounds if r["paid"] < amount_due), None)
        if target is None:
            raise conflict("This member has paid every contribution of the circle.")
    else:
        target = next((r for r in rounds if r["number"] == data.round), None)
        if target is None:
            raise invalid(
                FieldError(
                    path="body.round", message=f"the circle has {len(rounds)} rounds", code="round"
                )
            )
        if target["paid"] >= amount_due:
            raise conflict(
                f"This member's contribution to round {data.round} is already paid.",
                round=data.round,
            )
    owed = amount_due - target["paid"]
    if data.amount > owed:
        raise invalid(
            FieldError(
                path="body.amount",
                message=f"exceeds what is still owed for round {target['number']} ({owed})",
                code="exceeds_owed",
            )
        )
    row = await conn.fetchrow(
        "INSERT INTO lending_circle_contributions (tenant_id, id, created_by, circle_id, "
        "member_id, round, amount, paid_on, channel, external_reference, after_payout) "
        "VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9, $10) "
        "RETURNING id, circle_id, member_id, round, amount, paid_on, channel, "
        "external_reference, after_payout, created_at, created_by",
        tenant_id,
        actor,
        circle_id,
        data.member_id,
        target["number"],
        data.amount,
        paid_on,
        data.channel.value,
        data.external_reference,
        target["number"] <= circle["rounds_paid_out"],
    )
    contribution = _contribution_model({**row, "due_date": target["due_date"]}, circle["currency"])
    await _audit(
        conn,
        tenant_id,
        actor,
        AuditAction.CONTRIBUTION_RECEIVED,
        circle,
        amounts={"amount": contribution.amount},
        related={"contribution_id": contribution.id, "member_id": contribution.member_id},
    )
    await emit(
        conn,
        tenant_id=tenant_id,
        type="lending_circle.contribution_received",
        subject_id=circle_id,
        data=contribution.model_dump(mode="json"),
    )
    return contribution


async def list_contributions(
    db: Database,
    *,
    tenant_id: uuid.UUID,
    circle_id: uuid.UUID,
    page: PageParams,
    member_id: uuid.UUID | None,
    round_number: int | None,
) -> Page[Contribution]:
    where = Where(fixed=3)
    where.add_set(("k.member_id = {}", member_id), ("k.round = {}", round_number))
    after, after_args = keyset_clause(page, where.next, alias="k")
    rows = await db.fetch(
        tenant_id,
        f"SELECT c.id AS circle, c.currency, {_CONTRIBUTION_COLUMNS} FROM lending_circles c "
        "LEFT JOIN (lending_circle_contributions k JOIN lending_circle_rounds r "
        "ON r.tenant_id = k.tenant_id AND r.circle_id = k.circle_id AND r.number = k.round) "
        f"ON k.tenant_id = c.tenant_id AND k.circle_id = c.id{where.sql()}{after} "
        f"WHERE {TENANT_GATE} AND c.tenant_id = $1::uuid AND c.id = $2 "
        "ORDER BY k.created_at, k.id LIMIT $3",
        circle_id,
        page.limit + 1,
        *where.args,
        *after_args,
    )
    if not rows:
        raise not_found("Lending circle")
    currency = rows[0]["currency"]
    return build_page(
        [r for r in rows if r["id"] is not None],
        page,
        lambda r: _contribution_model(r, currency),
    )


async def release_payout(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    circle_id: uuid.UUID,
    data: PayoutCreate,
) -> Payout:
    """Pay the next round's pot to its recipient: only when the round is fully funded,
    or when the tenant covers the gap (recorded as a guarantee draw). Members short on
    the round have missed their contribution; those who already received the pot are
    now in arrears on their obligation."""
    circle = await _lock(conn, tenant_id, circle_id)
    _require(circle, "a payout", CircleStatus.ACTIVE)
    number = circle["rounds_paid_out"] + 1
    if data.round is not None and data.round != number:
        raise conflict(f"Rounds are paid out in order: round {number} is next.", next_round=number)
    paid_on = data.paid_on or today()
    if paid_on > today():
        raise _future("body.paid_on")
    rows = await conn.fetch(
        "SELECT m.id, m.entrepreneur_id, m.payout_round, r.due_date, "
        "r.recipient_member_id = m.id AS recipient, coalesce(sum(k.amount), 0)::bigint AS paid "
        "FROM lending_circle_rounds r JOIN lending_circle_members m "
        "ON m.tenant_id = r.tenant_id AND m.circle_id = r.circle_id "
        "LEFT JOIN lending_circle_contributions k ON k.tenant_id = m.tenant_id "
        "AND k.circle_id = m.circle_id AND k.member_id = m.id AND k.round = r.number "
        "WHERE r.tenant_id = $1 AND r.circle_id = $2 AND r.number = $3 "
        "GROUP BY m.id, m.entrepreneur_id, m.payout_round, m.position, r.due_date, "
        "r.recipient_member_id "
        "ORDER BY m.position",
        tenant_id,
        circle_id,
        number,
    )
    amount_due = circle["contribution_amount"]
    pot = amount_due * circle["size"]
    funded = sum(r["paid"] for r in rows)
    shortfall = pot - funded
    due_date = rows[0]["due_date"]
    if shortfall and not data.cover_shortfall:
        raise conflict(
            f"Round {number} is not fully funded: {funded} of {pot} received. Send "
            "cover_shortfall: true for the tenant to cover the gap as a guarantee draw.",
            round=number,
            funded=funded,
            shortfall=shortfall,
        )
    if shortfall and paid_on < due_date:
        raise conflict(
            f"Round {number}'s contributions are due on {due_date}: a gap can only be "
            "covered from then on.",
            round=number,
            due_date=due_date.isoformat(),
        )
    recipient = next(r for r in rows if r["recipient"])
    completed = number == circle["size"]
    row = await conn.fetchrow(
        f"""
        WITH p AS (
            INSERT INTO lending_circle_payouts (tenant_id, id, created_by, circle_id, round,
                recipient_member_id, amount, from_contributions, guarantee_draw, paid_on)
            VALUES ($1, gen_random_uuid(), $3, $2, $4, $5, $6, $7, $8, $9)
            RETURNING *
        ), circle AS (
            UPDATE lending_circles SET rounds_paid_out = $4, status = $10, completed_on = $11,
                   updated_at = now(), updated_by = $3
            WHERE tenant_id = $1 AND id = $2
        )
        SELECT {_PAYOUT_COLUMNS} FROM p
        """,
        tenant_id,
        circle_id,
        actor,
        number,
        recipient["id"],
        pot,
        funded,
        shortfall,
        paid_on,
        CircleStatus.COMPLETED.value if completed else CircleStatus.ACTIVE.value,
        paid_on if completed else None,
    )
    payout = Payout(**dict(row), currency=circle["currency"])
    await _audit(
        conn,
        tenant_id,
        actor,
        AuditAction.PAYOUT_RELEASED,
        circle,
        amounts={
            "amount": payout.amount,
            "from_contributions": payout.from_contributions,
            "guarantee_draw": payout.guarantee_draw,
        },
        related={"payout_id": payout.id, "recipient_member_id": payout.recipient_member_id},
    )
    await emit(
        conn,
        tenant_id=tenant_id,
        type="lending_circle.payout_released",
        subject_id=circle_id,
        data=payout.model_dump(mode="json"),
    )
    short = [r for r in rows if r["paid"] < amount_due]
    missed = [
        {
            "circle_id": str(circle_id),
            "member_id": str(r["id"]),
            "entrepreneur_id": str(r["entrepreneur_id"]),
            "round": number,
            "due_date": due_date.isoformat(),
            "unpaid": amount_due - r["paid"],
            "currency": circle["currency"],
            "received_pot": r["payout_round"] <= number,
        }
        for r in short
    ]
    await emit_many(
        conn,
        tenant_id=tenant_id,
        type="lending_circle.contribution_missed",
        events=[(circle_id, event) for event in missed],
    )
    await emit_many(
        conn,
        tenant_id=tenant_id,
        type="lending_circle.member_in_arrears",
        events=[(circle_id, event) for event in missed if event["received_pot"]],
    )
    if completed:
        await _audit(
            conn,
            tenant_id,
            actor,
            AuditAction.CIRCLE_COMPLETED,
            circle,
            to_state=CircleStatus.COMPLETED,
        )
        await emit(
            conn,
            tenant_id=tenant_id,
            type="lending_circle.completed",
            subject_id=circle_id,
            data={"circle_id": str(circle_id), "completed_on": paid_on.isoformat()},
        )
    return payout


async def list_payouts(
    db: Database, *, tenant_id: uuid.UUID, circle_id: uuid.UUID, page: PageParams
) -> Page[Payout]:
    after, after_args = keyset_clause(page, 4, alias="p")
    rows = await db.fetch(
        tenant_id,
        f"SELECT c.id AS circle, c.currency, {_PAYOUT_COLUMNS} FROM lending_circles c "
        "LEFT JOIN lending_circle_payouts p ON p.tenant_id = c.tenant_id AND p.circle_id = c.id"
        f"{after} WHERE {TENANT_GATE} AND c.tenant_id = $1::uuid AND c.id = $2 "
        "ORDER BY p.created_at, p.id LIMIT $3",
        circle_id,
        page.limit + 1,
        *after_args,
    )
    if not rows:
        raise not_found("Lending circle")
    return build_page(
        [r for r in rows if r["id"] is not None],
        page,
        lambda r: Payout.model_validate({k: v for k, v in r.items() if k != "circle"}),
    )


# --------------------------------------------------------------------------- credit report


def _report(loaded: _Loaded, period_start: date, period_end: date) -> CreditReport:
    circle = loaded.circle
    contribution = circle["contribution_amount"]
    accounts = []
    for member in loaded.members:
        received = next((r.paid_out_on for r in loaded.rounds if r.recipient == member["id"]), None)
        lines = standing.monthly_lines(
            member["id"],
            loaded.rounds,
            contribution,
            loaded.payments,
            period_start=period_start,
            period_end=period_end,
        )
        accounts.append(
            ReportAccount(
                member_id=member["id"],
                entrepreneur_id=member["entrepreneur_id"],
                opened_on=circle["first_due_date"],
                original_amount=contribution * circle["size"],
                scheduled_payment=contribution,
                frequency_every=circle["frequency_every"],
                frequency_unit=circle["frequency_unit"],
                received_pot_on=received if received and received <= period_end else None,
                months=[
                    ReportMonth(
                        month=line.month,
                        period_end=line.period_end,
                        scheduled_amount=line.scheduled,
                        paid_amount=line.paid,
                        balance=line.balance,
                        past_due_amount=line.past_due,
                        days_late=line.days_late,
                        status=line.status,
                        payment_rating=line.payment_rating,
                    )
                    for line in lines
                ],
            )
        )
    return CreditReport(
        circle_id=circle["id"],
        currency=circle["currency"],
        period_start=period_start,
        period_end=period_end,
        accounts=accounts,
    )


def _check_period(period_start: date | None, period_end: date) -> None:
    if period_end > today():
        raise invalid(
            FieldError(path="query.period_end", message="must not be in the future", code="future")
        )
    if period_start is not None and period_start > period_end:
        raise invalid(
            FieldError(
                path="query.period_start", message="must not be after period_end", code="period"
            )
        )


async def credit_report(
    db: Database,
    *,
    tenant_id: uuid.UUID,
    circle_id: uuid.UUID,
    period_start: date | None,
    period_end: date | None,
) -> CreditReport:
    """Per member and month: due, paid, balance, past due, days late and status (empty
    until the circle starts)."""
    end = period_end or today()
    _check_period(period_start, end)
    loaded = await _load_one(db, tenant_id, circle_id)
    start_date = period_start or loaded.circle["first_due_date"] or end
    if loaded.circle["first_due_date"] is None:
        return CreditReport(
            circle_id=circle_id,
            currency=loaded.circle["currency"],
            period_start=start_date,
            period_end=end,
            accounts=[],
        )
    return _report(loaded, start_date, end)


async def credit_report_export(
    db: Database,
    *,
    tenant_id: uuid.UUID,
    period_start: date,
    period_end: date,
    page: PageParams,
) -> Page[CreditReport]:
    """The reports of every circle running during the period, a page of circles at a
    time, oldest circle first."""
    _check_period(period_start, period_end)
    after, after_args = keyset_clause(page, 4, alias="c")
    async with db.transaction(tenant_id) as conn:
        circles = await conn.fetch(
            f"SELECT {_CIRCLE_COLUMNS} FROM lending_circles c WHERE c.tenant_id = $1 "
            "AND c.status IN ('active', 'completed') AND c.first_due_date <= $3"
            f"{after} ORDER BY c.created_at, c.id LIMIT $2",
            tenant_id,
            page.limit + 1,
            period_end,
            *after_args,
        )
        loaded = await _load(conn, tenant_id, circles[: page.limit])
    reports = {}
    for item in loaded:
        report = _report(item, period_start, period_end)
        # Accounts paid in full before the period have nothing to report in it.
        report.accounts = [account for account in report.accounts if account.months]
        reports[item.circle["id"]] = report
    return build_page(circles, page, lambda c: reports[c["id"]])
