"""The committed contract is what the app serves, and its operation ids stay readable."""

from __future__ import annotations

import json
import re

from platform_api.app import create_app
from platform_api.cli import openapi_document
from tests.conftest import ROOT

SPEC = ROOT / "openapi" / "openapi.json"


def test_committed_openapi_matches_the_app():
    committed = json.loads(SPEC.read_text())
    served = json.loads(openapi_document())
    assert committed == served, "openapi/openapi.json is stale: run `make openapi` and commit it"


def test_operation_ids_are_unique_snake_case_and_every_operation_is_described():
    spec = create_app().openapi()
    ids = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            operation_id = operation["operationId"]
            ids.append(operation_id)
            assert re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", operation_id), (method, path)
            assert operation.get("summary") or operation.get("description"), operation_id
    assert len(ids) == len(set(ids))


def test_every_error_response_is_problem_json():
    spec = create_app().openapi()
    for operations in spec["paths"].values():
        for operation in operations.values():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    assert "application/problem+json" in response["content"], (
                        operation["operationId"],
                        status,
                    )
