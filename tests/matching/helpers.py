"""Shortcuts for matching tests: people, mentors and matches through the API."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.conftest import Caller

PERSON = {
    "full_name": "Wanjiru Kamau",
    "country": "KE",
    "region": "Nairobi",
    "languages": ["sw", "en"],
    "sector": "food",
    "stage": "growing",
    "needs": ["bookkeeping", "marketing.digital"],
    "consent_network_sharing": True,
}
MENTOR = {
    "display_name": "Amina O.",
    "topics": ["finance.bookkeeping", "marketing.digital"],
    "languages": ["sw"],
    "country": "KE",
    "region": "Nairobi",
    "sectors": ["food"],
    "stages": ["growing"],
    "time_zone": "Africa/Nairobi",
    "max_mentees": 3,
}


async def entrepreneur(client: httpx.AsyncClient, caller: Caller, **fields: Any) -> dict[str, Any]:
    response = await client.post(
        "/v1/entrepreneurs", json={**PERSON, **fields}, headers=caller.headers
    )
    assert response.status_code == 201, response.text
    return response.json()


async def mentor(client: httpx.AsyncClient, caller: Caller, **fields: Any) -> dict[str, Any]:
    response = await client.post("/v1/mentors", json={**MENTOR, **fields}, headers=caller.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def propose(
    client: httpx.AsyncClient, caller: Caller, person: dict[str, Any], mentor_: dict[str, Any]
) -> dict[str, Any]:
    response = await client.post(
        "/v1/matches",
        json={"entrepreneur_id": person["id"], "mentor_id": mentor_["id"]},
        headers=caller.headers,
    )
    assert response.status_code == 201, response.text
    return response.json()


async def act(
    client: httpx.AsyncClient, caller: Caller, match: dict[str, Any], action: str, **body: Any
) -> httpx.Response:
    return await client.post(
        f"/v1/matches/{match['id']}/{action}",
        json=body or None,
        headers={**caller.headers, "Idempotency-Key": str(uuid.uuid4())},
    )


async def recommend(
    client: httpx.AsyncClient, caller: Caller, person: dict[str, Any], **body: Any
) -> httpx.Response:
    return await client.post(
        "/v1/matching/mentor-recommendations",
        json={"entrepreneur_id": person["id"], **body},
        headers=caller.headers,
    )
