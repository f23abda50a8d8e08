"""What the API fuzzer (tests/test_api_fuzz.py) found, pinned as plain examples so they
stay fixed whatever examples the fuzzer happens to draw next time."""

from __future__ import annotations

import httpx
import pytest

from platform_api.app import create_app
from platform_api.settings import Settings
from tests.conftest import Caller

TENANT = {"name": "Fuzz MFI", "country": "KE", "default_currency": "KES"}


def _assert_validation_problem(response: httpx.Response) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "/problems/validation-error"


@pytest.mark.parametrize(
    "body",
    [
        {**TENANT, "name": "Fuzz\x00MFI"},
        {**TENANT, "settings": {"key\x00": 1}},
        {**TENANT, "settings": {"key": ["text\x00"]}},
    ],
    ids=["nul-in-name", "nul-in-settings-key", "nul-in-settings-value"],
)
async def test_nul_characters_are_invalid_input_not_a_server_error(
    client: httpx.AsyncClient, operator: Caller, body: dict[str, object]
) -> None:
    response = await client.post("/v1/tenants", json=body, headers=operator.headers)
    _assert_validation_problem(response)


async def test_nul_in_any_other_text_field_is_422_too(
    client: httpx.AsyncClient, tenant_a: Caller
) -> None:
    # `email` has its own pattern; PostgreSQL refuses the NUL and the generic handler
    # turns that into the same 422.
    response = await client.post(
        "/v1/entrepreneurs",
        json={"full_name": "Wanjiru", "country": "KE", "email": "a\x00@example.org"},
        headers=tenant_a.headers,
    )
    _assert_validation_problem(response)


@pytest.mark.parametrize(
    "settings_json",
    [
        '{"big": 18446744073709551616}',  # beyond 64 bits: the jsonb encoder failed (500)
        '{"nan": NaN}',  # Python's parser accepts it; it was stored as null
        '{"inf": -Infinity}',
        '{"deep": ' + "[" * 300 + "]" * 300 + "}",  # past the encoder's recursion limit
    ],
    ids=["int-over-64-bits", "nan", "infinity", "nested-300-deep"],
)
async def test_settings_must_be_storable_json(
    client: httpx.AsyncClient, operator: Caller, settings_json: str
) -> None:
    body = (
        '{"name": "Fuzz MFI", "country": "KE", "default_currency": "KES", '
        f'"settings": {settings_json}}}'
    )
    response = await client.post(
        "/v1/tenants",
        content=body,
        headers={**operator.headers, "Content-Type": "application/json"},
    )
    _assert_validation_problem(response)


async def test_settings_within_the_limits_are_kept_exactly(
    client: httpx.AsyncClient, operator: Caller
) -> None:
    settings = {"max": 2**63 - 1, "min": -(2**63), "nested": [[[{"ok": 1.5}]]]}
    response = await client.post(
        "/v1/tenants", json={**TENANT, "settings": settings}, headers=operator.headers
    )
    assert response.status_code == 201, response.text
    assert response.json()["settings"] == settings


async def test_the_token_endpoint_documents_its_401_and_400() -> None:
    responses = create_app(Settings()).openapi()["paths"]["/v1/oauth/token"]["post"]["responses"]
    for status in ("400", "401"):
        assert "application/problem+json" in responses[status]["content"]


async def test_the_token_endpoint_answers_401_for_unknown_clients(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post("/v1/oauth/token", data={"grant_type": "client_credentials"})
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
