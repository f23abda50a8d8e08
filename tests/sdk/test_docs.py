"""The quickstarts in docs/ are the code that runs: every ```python block of each page is
executed in order, in one namespace, against the live server, with the environment the
page tells its reader to set. The operator's page creates the credentials the partner's
and the funder's pages then use, as in real life."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, Caller

DOCS = ROOT / "docs"
_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def python_blocks(page: Path) -> list[str]:
    return _PYTHON_BLOCK.findall(page.read_text())


def run_page(page: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    namespace: dict[str, Any] = {"__name__": f"docs.{page.stem}"}
    blocks = python_blocks(page)
    assert blocks, f"{page.name} has no python example to run"
    for number, block in enumerate(blocks, 1):
        exec(compile(block, f"{page.relative_to(ROOT)} (block {number})", "exec"), namespace)
    return namespace


def test_every_quickstart_is_linked_from_the_docs_index() -> None:
    index = (DOCS / "README.md").read_text()
    for page in ("operators.md", "partners.md", "funders.md"):
        assert f"({page})" in index


def test_the_quickstarts_run_against_a_live_server(
    live_server: str, operator: Caller, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {"PLATFORM_API_URL": live_server}
    operator_page = run_page(
        DOCS / "operators.md",
        {
            **env,
            "PLATFORM_CLIENT_ID": operator.client_id,
            "PLATFORM_CLIENT_SECRET": operator.client_secret,
        },
        monkeypatch,
    )
    maker, checker = operator_page["maker"], operator_page["checker"]
    funder, admin = operator_page["funder"], operator_page["admin"]
    tenant = operator_page["tenant"]
    assert tenant.name in operator_page["names"]
    assert {c.id for c in operator_page["clients"]} >= {maker.id, checker.id, admin.id}
    assert funder.name in operator_page["funders"]
    assert funder.client.scopes == ["funder:reports"]

    partner_page = run_page(
        DOCS / "partners.md",
        {
            **env,
            "PLATFORM_CLIENT_ID": str(maker.id),
            "PLATFORM_CLIENT_SECRET": maker.client_secret,
            "PLATFORM_CHECKER_ID": str(checker.id),
            "PLATFORM_CHECKER_SECRET": checker.client_secret,
        },
        monkeypatch,
    )
    mentor, match = partner_page["grace"], partner_page["match"]
    assert [r.mentor.id for r in partner_page["recommended"].data] == [mentor.id]
    assert (match.mentor_id, match.entrepreneur_id) == (mentor.id, partner_page["achieng"].id)
    assert match.status == "active" and match.score == partner_page["best"].score
    loan, repayment = partner_page["loan"], partner_page["repayment"]
    assert partner_page["history"] == [650_000]
    assert repayment.principal + repayment.interest + repayment.fees == 650_000
    assert [active.id for active in partner_page["active"]] == [loan.id]
    assert partner_page["handle_delivery"](b"{}", {}, "whsec_x") == 400

    funder_page = run_page(
        DOCS / "funders.md",
        {
            **env,
            "PLATFORM_PARTNER_ADMIN_ID": str(admin.id),
            "PLATFORM_PARTNER_ADMIN_SECRET": admin.client_secret,
            "PLATFORM_FUNDER_ID": str(funder.id),
            "PLATFORM_CLIENT_ID": str(funder.client.id),
            "PLATFORM_CLIENT_SECRET": funder.client.client_secret,
        },
        monkeypatch,
    )
    assert (funder_page["grant"].tenant_id, funder_page["grants"]) == (tenant.id, [funder.name])
    assert (funder_page["me"].kind, funder_page["me"].funder_id) == ("funder", funder.id)
    impact, report = funder_page["impact"], funder_page["report"]
    assert impact.tenant_ids == report.tenant_ids == [tenant.id]
    # One entrepreneur and one loan: below k, so hidden, with what rests on them.
    (reach,) = [row for row in impact.data if row.dimension == "all"]
    assert reach.tenant_id == tenant.id and reach.entrepreneurs_reached is None
    assert "entrepreneurs_reached" in reach.suppressed
    (kes,) = [row for row in report.data if row.dimension == "all"]
    assert (kes.tenant_id, kes.currency, kes.loans_disbursed) == (tenant.id, "KES", None)
    assert {"loans_disbursed", "amount_disbursed"} <= set(kes.suppressed)
    csv_rows = funder_page["rows"]
    assert {row["tenant_id"] for row in csv_rows} == {str(tenant.id)}
    csv_all = [row for row in csv_rows if row["dimension"] == "all"]
    assert [(row["currency"], row["loans_disbursed"]) for row in csv_all] == [("KES", "")]
