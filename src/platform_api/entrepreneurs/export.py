"""The data-subject export: every record the tenant holds about one entrepreneur, read in
one statement (so one snapshot). Like the reports, it reads other domains' tables in SQL:
it is a read-only view across them, and each record is given whole (`to_jsonb`), so a
column added later is exported without anyone remembering to.

Events are those whose subject is the person's application, loan, repayment or match
(the outbox's subject index finds them). A lending circle's events are about the whole
circle and are left out: the person's own contributions and payouts are in its section.
"""

from __future__ import annotations

from platform_api.core.db import TENANT_GATE


def _rows(alias: str, table: str, where: str, order: str, extra: str = "") -> str:
    """A JSON array of `table`'s rows matching `where`, tenant id dropped, `extra` (a
    jsonb expression over `alias`) merged into each."""
    row = f"(to_jsonb({alias}) - 'tenant_id'){extra}"
    return (
        f"(SELECT coalesce(jsonb_agg({row} ORDER BY {order}), '[]'::jsonb) "
        f"FROM {table} {alias} WHERE {alias}.tenant_id = e.tenant_id AND {where})"
    )


def _nested(**sections: str) -> str:
    return " || jsonb_build_object(" + ", ".join(f"'{k}', {v}" for k, v in sections.items()) + ")"


_APPLICATIONS = _rows(
    "a",
    "loan_applications",
    "a.entrepreneur_id = e.id",
    "a.created_at, a.id",
    _nested(
        transitions=_rows(
            "t", "loan_application_transitions", "t.application_id = a.id", "t.created_at, t.id"
        ),
        endorsements=_rows(
            "en", "loan_endorsements", "en.application_id = a.id", "en.created_at, en.id"
        ),
        funding_commitments=_rows(
            "f", "loan_funding_commitments", "f.application_id = a.id", "f.created_at, f.id"
        ),
    ),
)

_LOANS = _rows(
    "l",
    "loans",
    "l.entrepreneur_id = e.id",
    "l.created_at, l.id",
    _nested(
        schedule=_rows("i", "loan_installments", "i.loan_id = l.id", "i.number"),
        repayments=_rows("r", "loan_repayments", "r.loan_id = l.id", "r.sequence"),
    ),
)

_CIRCLES = _rows(
    "m",
    "lending_circle_members",
    "m.entrepreneur_id = e.id",
    "m.created_at, m.id",
    _nested(
        circle=(
            "(SELECT to_jsonb(c) - 'tenant_id' FROM lending_circles c "
            "WHERE c.tenant_id = m.tenant_id AND c.id = m.circle_id)"
        ),
        contributions=_rows(
            "co",
            "lending_circle_contributions",
            "co.member_id = m.id",
            "co.created_at, co.id",
        ),
        payouts=_rows("p", "lending_circle_payouts", "p.recipient_member_id = m.id", "p.round"),
    ),
)

_GROUPS = _rows(
    "g",
    "loan_groups",
    "(g.leader_entrepreneur_id = e.id OR EXISTS (SELECT FROM loan_group_members gm "
    "WHERE gm.tenant_id = g.tenant_id AND gm.group_id = g.id AND gm.entrepreneur_id = e.id))",
    "g.created_at, g.id",
)

_MATCHES = _rows(
    "ma",
    "matches",
    "ma.entrepreneur_id = e.id",
    "ma.created_at, ma.id",
    _nested(sessions=_rows("s", "mentoring_sessions", "s.match_id = ma.id", "s.created_at, s.id")),
)

_SUBJECTS = (
    "SELECT id FROM loan_applications WHERE tenant_id = e.tenant_id AND entrepreneur_id = e.id "
    "UNION ALL SELECT id FROM loans WHERE tenant_id = e.tenant_id AND entrepreneur_id = e.id "
    "UNION ALL SELECT r.id FROM loans l JOIN loan_repayments r ON r.tenant_id = l.tenant_id "
    "AND r.loan_id = l.id WHERE l.tenant_id = e.tenant_id AND l.entrepreneur_id = e.id "
    "UNION ALL SELECT id FROM matches WHERE tenant_id = e.tenant_id AND entrepreneur_id = e.id"
)

_EVENTS = _rows(
    "ev",
    "outbox_events",
    f"ev.subject_id IN ({_SUBJECTS})",
    "ev.created_at, ev.id",
)


_SECTIONS = {
    "outcome_surveys": _rows(
        "os", "outcome_surveys", "os.entrepreneur_id = e.id", "os.surveyed_on, os.id"
    ),
    "loan_applications": _APPLICATIONS,
    "loans": _LOANS,
    "lending_circle_memberships": _CIRCLES,
    "loan_groups": _GROUPS,
    "matches": _MATCHES,
    "events": _EVENTS,
}
#: The sections of an export besides the entrepreneur's record, in order.
SECTIONS = tuple(_SECTIONS)


def export_sql(entrepreneur_columns: str) -> str:
    """The entrepreneur's row (`entrepreneur_columns`) and one JSON array per section;
    parameters: $1 the tenant id (text), $2 the entrepreneur id. One statement, one
    snapshot, one round trip."""
    selected = ", ".join(f"{sql} AS {name}" for name, sql in _SECTIONS.items())
    columns = ", ".join(f"e.{c.strip()}" for c in entrepreneur_columns.split(","))
    return (
        f"SELECT {columns}, {selected} FROM entrepreneurs e "
        f"WHERE {TENANT_GATE} AND e.tenant_id = $1::uuid AND e.id = $2"
    )
