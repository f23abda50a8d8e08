"""Exact fixtures for reports, written straight into the tables (as the owner, inside
the tenant's row-level security): loans with chosen schedules and repayment dates, and
people with chosen gender and birth year. The API's write paths are tested elsewhere;
here the point is figures computable by hand."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

import asyncpg


@dataclass
class Person:
    gender: str | None = "female"
    birth_year: int | None = 1995


@dataclass
class LoanSpec:
    """A loan, its schedule [(due, amount)] (principal only, for round figures) and its
    repayments [(paid_on, amount)], allocated oldest installment first."""

    disbursed: date
    schedule: list[tuple[date, int]]
    repayments: list[tuple[date, int]] = field(default_factory=list)
    person: Person = field(default_factory=Person)
    currency: str = "KES"
    written_off_on: date | None = None
    tolerance_amount: int = 0
    tolerance_days: int = 0


async def in_tenant(url: str, tenant_id: str) -> asyncpg.Connection:
    conn = await asyncpg.connect(url)
    await conn.execute("BEGIN")
    await conn.execute("SELECT set_config('app.tenant_id', $1, true)", tenant_id)
    return conn


async def people(
    conn: asyncpg.Connection, tenant_id: str, persons: list[Person]
) -> list[uuid.UUID]:
    ids = [uuid.uuid4() for _ in persons]
    await conn.execute(
        "INSERT INTO entrepreneurs (tenant_id, id, country, gender, birth_year) "
        "SELECT $1, i, 'KE', g, y FROM unnest($2::uuid[], $3::text[], $4::int[]) "
        "AS p(i, g, y)",
        uuid.UUID(tenant_id),
        ids,
        [p.gender for p in persons],
        [p.birth_year for p in persons],
    )
    return ids


async def loans(conn: asyncpg.Connection, tenant_id: str, specs: list[LoanSpec]) -> list[uuid.UUID]:
    tenant = uuid.UUID(tenant_id)
    borrowers = await people(conn, tenant_id, [spec.person for spec in specs])
    product = uuid.uuid4()
    await conn.execute(
        "INSERT INTO loan_products (tenant_id, id, name, kind, currency, interest_method, "
        "annual_rate, interest_calculation, day_count, repayment_every, repayment_unit, "
        "min_principal, max_principal, default_principal, min_term, max_term, default_term, "
        "upfront_fee_mode, allocation_order) VALUES ($1, $2, $3, 'individual', 'KES', 'flat', "
        "0, 'per_period', 'actual/365', 1, 'months', 1, 1000000000, 1, 1, 60, 1, 'deducted', "
        "'{fees,interest,principal}')",
        tenant,
        product,
        f"seed-{product.hex[:8]}",
    )
    loan_ids = []
    for spec, borrower in zip(specs, borrowers, strict=True):
        application, loan = uuid.uuid4(), uuid.uuid4()
        principal = sum(amount for _, amount in spec.schedule)
        paid = sum(amount for _, amount in spec.repayments)
        written_off = principal - paid if spec.written_off_on else 0
        closed_on = spec.repayments[-1][0] if paid >= principal else None
        await conn.execute(
            "INSERT INTO loan_applications (tenant_id, id, entrepreneur_id, product_id, currency, "
            "requested_amount, requested_term, monthly_revenue, monthly_expenses, "
            "existing_debt_payments, documents, status, loan_id) VALUES ($1, $2, $3, $4, $5, $6, "
            "$7, 1, 0, 0, '[]', 'disbursed', $8)",
            tenant, application, borrower, product, spec.currency, principal,
            len(spec.schedule), loan,
        )  # fmt: skip
        status = "written_off" if spec.written_off_on else "closed" if closed_on else "active"
        await conn.execute(
            "INSERT INTO loans (tenant_id, id, application_id, entrepreneur_id, product_id, "
            "currency, principal, term, interest_method, annual_rate, apr, eir, "
            "disbursement_date, maturity_date, upfront_fee, net_disbursed, total_interest, "
            "total_fees, allocation_order, arrears_tolerance_amount, arrears_tolerance_days, "
            "status, principal_paid, principal_written_off, closed_on, written_off_on) VALUES "
            "($1, $2, $3, $4, $5, $6, $7, $8, 'flat', 0, 0, 0, $9, $10, 0, $7, 0, 0, "
            "'{fees,interest,principal}', $11, $12, $13, $14, $15, $16, $17)",
            tenant, loan, application, borrower, product, spec.currency, principal,
            len(spec.schedule), spec.disbursed, spec.schedule[-1][0], spec.tolerance_amount,
            spec.tolerance_days, status, paid, written_off, closed_on, spec.written_off_on,
        )  # fmt: skip
        remaining = paid
        for number, (due, amount) in enumerate(spec.schedule, start=1):
            covered = max(0, min(amount, remaining))
            remaining -= covered
            await conn.execute(
                "INSERT INTO loan_installments (tenant_id, id, loan_id, number, due_date, "
                "principal, interest, fees, principal_paid) VALUES ($1, $2, $3, $4, $5, $6, 0, "
                "0, $7)",
                tenant, uuid.uuid4(), loan, number, due, amount, covered,
            )  # fmt: skip
        for sequence, (paid_on, amount) in enumerate(spec.repayments, start=1):
            await conn.execute(
                "INSERT INTO loan_repayments (tenant_id, id, loan_id, sequence, amount, paid_on, "
                "channel, principal, interest, fees, overpayment) VALUES ($1, $2, $3, $4, $5, $6, "
                "'cash', $5, 0, 0, 0)",
                tenant, uuid.uuid4(), loan, sequence, amount, paid_on,
            )  # fmt: skip
        loan_ids.append(loan)
    return loan_ids


async def surveys(
    conn: asyncpg.Connection,
    tenant_id: str,
    answers: list[tuple[uuid.UUID, str, date, bool, bool]],
) -> None:
    """(entrepreneur, kind, surveyed_on, earns from own business, earns from gigs)."""
    await conn.execute(
        "INSERT INTO outcome_surveys (tenant_id, id, entrepreneur_id, kind, surveyed_on, "
        "earns_from_own_business, earns_from_gigs) SELECT $1, gen_random_uuid(), e, k, d, b, g "
        "FROM unnest($2::uuid[], $3::text[], $4::date[], $5::bool[], $6::bool[]) "
        "AS s(e, k, d, b, g)",
        uuid.UUID(tenant_id),
        *(list(column) for column in zip(*answers, strict=True)),
    )


@dataclass
class MatchSpec:
    """A mentor match of `entrepreneur` with the given dates (UTC midnight) and sessions
    [(held_on, minutes)]."""

    entrepreneur: uuid.UUID
    proposed: date
    accepted: date | None = None
    completed: date | None = None
    sessions: list[tuple[date, int]] = field(default_factory=list)


def noon(day: date | None) -> datetime | None:
    """Midday UTC of `day`: the same date in UTC whatever the server's time zone."""
    return None if day is None else datetime.combine(day, time(12), UTC)


async def matches(conn: asyncpg.Connection, tenant_id: str, specs: list[MatchSpec]) -> None:
    """One mentor of the tenant and the matches, written as the matching service leaves them."""
    tenant, mentor = uuid.UUID(tenant_id), uuid.uuid4()
    await conn.execute(
        "INSERT INTO mentors (tenant_id, id, display_name, topics, related_topics, languages, "
        "country, max_mentees) VALUES ($1, $2, 'Seeded mentor', '{}', '{}', '{en}', 'KE', 100)",
        tenant,
        mentor,
    )
    for spec in specs:
        match = uuid.uuid4()
        status = "completed" if spec.completed else "active" if spec.accepted else "proposed"
        await conn.execute(
            "INSERT INTO matches (tenant_id, id, entrepreneur_id, mentor_tenant_id, mentor_id, "
            "status, mentee_summary, proposed_at, accepted_at, completed_at) VALUES "
            "($1, $2, $3, $1, $4, $5, '{}', $6, $7, $8)",
            tenant, match, spec.entrepreneur, mentor, status, noon(spec.proposed),
            noon(spec.accepted), noon(spec.completed),
        )  # fmt: skip
        for held_on, minutes in spec.sessions:
            await conn.execute(
                "INSERT INTO mentoring_sessions (tenant_id, id, match_id, mentor_tenant_id, "
                "held_on, minutes, channel, logged_by) VALUES ($1, $2, $3, $1, $4, $5, 'phone', "
                "'mentor_side')",
                tenant, uuid.uuid4(), match, held_on, minutes,
            )  # fmt: skip


@dataclass
class CircleSpec:
    """A lending circle of `len(members)` people with one round per due date; `paid` maps
    (member index, round number) to [(paid_on, amount)]."""

    status: str
    due_dates: list[date]
    members: list[uuid.UUID]
    contribution: int = 1000
    ended_on: date | None = None
    paid: dict[tuple[int, int], list[tuple[date, int]]] = field(default_factory=dict)


async def circles(conn: asyncpg.Connection, tenant_id: str, specs: list[CircleSpec]) -> None:
    tenant = uuid.UUID(tenant_id)
    for spec in specs:
        circle, size = uuid.uuid4(), len(spec.members)
        completed = spec.ended_on if spec.status == "completed" else None
        cancelled = noon(spec.ended_on) if spec.status == "cancelled" else None
        await conn.execute(
            "INSERT INTO lending_circles (tenant_id, id, name, currency, contribution_amount, "
            "frequency_every, frequency_unit, size, payout_order, status, members_joined, "
            "first_due_date, rounds_paid_out, completed_on, cancelled_at) VALUES ($1, $2, "
            "'Seeded circle', 'KES', $3, 1, 'months', $4, 'fixed', $5, $4, $6, $7, $8, $9)",
            tenant, circle, spec.contribution, size, spec.status, spec.due_dates[0],
            size if completed else 0, completed, cancelled,
        )  # fmt: skip
        members = [uuid.uuid4() for _ in spec.members]
        for position, (member, person) in enumerate(zip(members, spec.members, strict=True)):
            await conn.execute(
                "INSERT INTO lending_circle_members (tenant_id, id, circle_id, entrepreneur_id, "
                "position, payout_round) VALUES ($1, $2, $3, $4, $5, $5)",
                tenant, member, circle, person, position + 1,
            )  # fmt: skip
        for number, due in enumerate(spec.due_dates, start=1):
            await conn.execute(
                "INSERT INTO lending_circle_rounds (tenant_id, id, circle_id, number, due_date, "
                "recipient_member_id) VALUES ($1, $2, $3, $4, $5, $6)",
                tenant, uuid.uuid4(), circle, number, due, members[(number - 1) % size],
            )  # fmt: skip
        for (index, number), payments in spec.paid.items():
            for paid_on, amount in payments:
                await conn.execute(
                    "INSERT INTO lending_circle_contributions (tenant_id, id, circle_id, "
                    "member_id, round, amount, paid_on, channel, after_payout) VALUES ($1, $2, "
                    "$3, $4, $5, $6, $7, 'cash', false)",
                    tenant, uuid.uuid4(), circle, members[index], number, amount, paid_on,
                )  # fmt: skip
