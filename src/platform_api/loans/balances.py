"""SQL for what a loan still expects, for reads that need it without the whole loan
account (group totals, funders' shares): principal, interest and fees scheduled, less
what was paid and written off, on the loan aliased `l`."""

from __future__ import annotations

LOAN_OUTSTANDING_SQL = (
    "l.principal + l.total_interest + l.total_fees - l.principal_paid - l.interest_paid "
    "- l.fees_paid - l.principal_written_off - l.interest_written_off - l.fees_written_off"
)
