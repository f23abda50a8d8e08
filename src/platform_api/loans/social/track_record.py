"""An endorser's track record: how the loans they endorsed are being repaid. Pure.

    repayment_rate = 1 - (principal written off + principal outstanding on loans in
                          arrears) / principal disbursed

to 4 decimals (half-even): the share of the principal lent on their word that is repaid
or being repaid on time; None before any endorsed loan is disbursed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

_QUANTUM = Decimal("0.0001")


@dataclass(frozen=True, slots=True)
class EndorsedLoan:
    status: str
    principal: int
    principal_paid: int
    principal_written_off: int
    days_past_due: int


@dataclass(frozen=True, slots=True)
class TrackRecord:
    endorsements: int
    loans_disbursed: int
    loans_repaid: int
    loans_active: int
    loans_in_arrears: int
    loans_written_off: int
    principal_disbursed: int
    principal_repaid: int
    principal_in_arrears: int
    principal_written_off: int
    repayment_rate: Decimal | None


def track_record(endorsements: int, loans: Sequence[EndorsedLoan]) -> TrackRecord:
    active = [loan for loan in loans if loan.status == "active"]
    behind = [loan for loan in active if loan.days_past_due > 0]
    disbursed = sum(loan.principal for loan in loans)
    written_off = sum(loan.principal_written_off for loan in loans)
    at_risk = sum(
        loan.principal - loan.principal_paid - loan.principal_written_off for loan in behind
    )
    rate = (
        (1 - Decimal(written_off + at_risk) / Decimal(disbursed)).quantize(
            _QUANTUM, rounding=ROUND_HALF_EVEN
        )
        if disbursed
        else None
    )
    return TrackRecord(
        endorsements=endorsements,
        loans_disbursed=len(loans),
        loans_repaid=sum(1 for loan in loans if loan.status == "closed"),
        loans_active=len(active),
        loans_in_arrears=len(behind),
        loans_written_off=sum(1 for loan in loans if loan.status == "written_off"),
        principal_disbursed=disbursed,
        principal_repaid=sum(loan.principal_paid for loan in loans),
        principal_in_arrears=at_risk,
        principal_written_off=written_off,
        repayment_rate=rate,
    )
