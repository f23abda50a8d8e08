"""DirectRoute: hot endpoints handled without FastAPI's generic handler must answer
exactly as FastAPI would (security first, then the same validation errors)."""

from __future__ import annotations

import inspect
import uuid

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from platform_api.core.routing import DirectRoute, _plan
from tests.conftest import Caller


def test_plain_json_endpoints_are_direct_and_others_fall_back(app):
    plans = {
        (route.path, *sorted(route.methods)): _plan(route.dependant) is not None
        for route in app.routes
        if isinstance(route, DirectRoute)
    }
    assert plans[("/v1/loan-products/{product_id}/quote", "POST")] is True
    assert plans[("/v1/loans/{loan_id}/repayments", "POST")] is True
    assert plans[("/v1/entrepreneurs/{entrepreneur_id}", "GET")] is True
    # Page and filter dependencies are FastAPI's to solve.
    assert plans[("/v1/loan-products", "GET")] is False


def _sync_callables(dependant: Dependant) -> list[str]:
    found = [] if dependant.call is None or _is_async(dependant.call) else [repr(dependant.call)]
    for child in dependant.dependencies:
        found += _sync_callables(child)
    return found


def _is_async(call: object) -> bool:
    return inspect.iscoroutinefunction(call) or inspect.iscoroutinefunction(
        getattr(call, "__call__", None)
    )


def test_no_endpoint_or_dependency_runs_in_the_thread_pool(app):
    """FastAPI runs a plain `def` dependency in a worker thread: two thread hand-offs per
    request, which showed as 5% of a worker's CPU under the load benchmark for the
    list filters."""
    sync = {
        f"{sorted(route.methods)} {route.path}": found
        for route in app.routes
        if isinstance(route, APIRoute) and (found := _sync_callables(route.dependant))
    }
    assert sync == {}


async def test_security_comes_before_validation(client):
    response = await client.post(f"/v1/loan-products/{uuid.uuid4()}/quote", content=b"{")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"


async def test_body_errors_match_fastapis(client, tenant_a: Caller):
    path = f"/v1/loan-products/{uuid.uuid4()}/quote"
    headers = {**tenant_a.headers, "content-type": "application/json"}
    cases = {
        b"": (422, "body"),
        b"{": (400, "body"),  # malformed JSON, as for every endpoint
        b'{"amount": "x", "disbursement_date": "2026-01-01"}': (422, "body.amount"),
        b'{"disbursement_date": "2026-01-01", "surprise": 1}': (422, "body.surprise"),
        b"[]": (422, "body"),
    }
    for content, (status, expected) in cases.items():
        response = await client.post(path, content=content, headers=headers)
        assert response.status_code == status, (content, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        paths = [e["path"] for e in response.json()["errors"]]
        assert expected in paths, (content, paths)
    bad_id = await client.post(
        "/v1/loan-products/not-a-uuid/quote",
        json={"disbursement_date": "2026-01-01"},
        headers=tenant_a.headers,
    )
    assert [e["path"] for e in bad_id.json()["errors"]] == ["path.product_id"]
    # A body that is not JSON goes through FastAPI's own handling.
    text = await client.post(
        path, content=b"amount=1", headers={**tenant_a.headers, "content-type": "text/plain"}
    )
    assert text.status_code == 422
