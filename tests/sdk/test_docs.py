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
    assert operator_page["tenant"].name in operator_page["names"]
    assert {c.id for c in operator_page["clients"]} >= {maker.id, checker.id}

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
    loan, repayment = partner_page["loan"], partner_page["repayment"]
    assert partner_page["history"] == [650_000]
    assert repayment.principal + repayment.interest + repayment.fees == 650_000
    assert [active.id for active in partner_page["active"]] == [loan.id]
    assert partner_page["handle_delivery"](b"{}", {}, "whsec_x") == 400

    funder_page = run_page(
        DOCS / "funders.md",
        {
            **env,
            "PLATFORM_CLIENT_ID": str(checker.id),
            "PLATFORM_CLIENT_SECRET": checker.client_secret,
        },
        monkeypatch,
    )
    (kes,) = funder_page["report"].currencies
    assert (kes.currency, kes.active_loans) == ("KES", 1)
