"""Tenant A's world for the authorization sweep: one real object per kind of path id,
created through the API (as a partner would) and remembered, so every operation can be
aimed at an object that exists. Every id A's responses revealed and every piece of
personal data A stored are kept, so a probe's answer can be searched for them."""

from __future__ import annotations

import re
import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.conftest import Caller, Platform, fetch_token
from tests.loans.lending import INTAKE, PRODUCT, Desk, key, today
from tests.matching.helpers import MENTOR, PERSON

UUID_PATTERN = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def personal_data() -> dict[str, str]:
    """Personal data for one world's entrepreneur, unique to that world: none of it may
    appear in another principal's answer."""
    tag = secrets.token_hex(4)
    return {
        "full_name": f"Zawadi Nyokabi {tag}",
        "phone": f"+2547{secrets.randbelow(10**8):08d}",
        "email": f"zawadi.{tag}@example.org",
        "business_name": f"Mama Mboga {tag}",
        "external_ref": f"NATID-{tag}",
    }


class World:
    """Tenant A and its objects, created on first use and then reused."""

    def __init__(self, client: httpx.AsyncClient, platform: Platform) -> None:
        self.client = client
        self.platform = platform
        self.ids: dict[str, str] = {}
        self.revealed: set[str] = set()
        self.foreign: set[str] = set()  # ids in A's answers that are not A's (its funder's)
        self.personal = personal_data()
        self.desk: Desk
        self.a: Caller
        self.funder: Caller

    @classmethod
    async def open(cls, client: httpx.AsyncClient, platform: Platform) -> World:
        world = cls(client, platform)
        world.desk = await Desk.open(client, platform)
        world.a = world.desk.checker
        world.remember(world.desk.product, world.desk.entrepreneur)
        return world

    @property
    def tenant_id(self) -> str:
        assert self.a.tenant_id is not None
        return self.a.tenant_id

    def remember(self, *bodies: Any) -> None:
        """Every id in A's answers is A's to know, and nobody else's."""
        for body in bodies:
            self.revealed.update(set(UUID_PATTERN.findall(str(body))) - self.foreign)

    async def id(self, name: str) -> str:
        """A's object for the path parameter (or helper) `name`, made once."""
        if name not in self.ids:
            self.ids[name] = await RESOURCES[name](self)
        return self.ids[name]

    async def call(
        self, method: str, path: str, body: Any = None, caller: Caller | None = None
    ) -> dict[str, Any]:
        response = await self.client.request(
            method, path, json=body, headers={**(caller or self.a).headers, **key()}
        )
        assert response.status_code in (200, 201, 202), (method, path, response.text)
        result: dict[str, Any] = response.json()
        self.remember(result)
        return result

    async def person(self, **fields: Any) -> str:
        created = await self.call("POST", "/v1/entrepreneurs", {**PERSON, **fields})
        return str(created["id"])


async def _entrepreneur(world: World) -> str:
    return await world.person(**world.personal)


async def _application(world: World) -> str:
    """Submitted by the maker: the checker (A's token) could approve, decline, withdraw."""
    draft = await world.desk.draft()
    world.remember(draft)
    submitted = await world.call(
        "POST", f"/v1/loan-applications/{draft['id']}/submit", caller=world.desk.maker
    )
    return str(submitted["id"])


async def _loan(world: World) -> str:
    """Crowd-funded by A's lender, so its funding and the lender's portfolio exist too."""
    desk = world.desk
    approved = await desk.approved()
    await world.call(
        "POST",
        f"/v1/loan-applications/{approved['id']}/funding-commitments",
        {"lender_id": await world.id("lender_id"), "amount": approved["approved_amount"]},
        caller=desk.maker,
    )
    disbursed = await desk.act(approved, "disburse", desk.maker)
    assert disbursed.status_code == 201, disbursed.text
    world.remember(approved, disbursed.json())
    return str(disbursed.json()["id"])


async def _repayment(world: World) -> str:
    loan_id = await world.id("loan_id")
    paid = await world.call("POST", f"/v1/loans/{loan_id}/repayments", {"amount": 100_000})
    return str(paid["id"])


async def _forming_circle(world: World) -> str:
    circle = await world.call(
        "POST",
        "/v1/lending-circles",
        {
            "name": "Sweep circle",
            "currency": "KES",
            "contribution_amount": 100_000,
            "frequency_unit": "weeks",
            "size": 2,
        },
    )
    return str(circle["id"])


async def _circle(world: World) -> str:
    """Started, with two members: contributions and payouts would succeed for A."""
    circle = {"id": await _forming_circle(world)}
    path = f"/v1/lending-circles/{circle['id']}"
    for _ in range(2):
        member = await world.call(
            "POST", f"{path}/members", {"entrepreneur_id": await world.person()}
        )
        world.ids.setdefault("circle_member", str(member["id"]))
    await world.call("POST", f"{path}/start")
    return str(circle["id"])


async def _circle_member(world: World) -> str:
    await world.id("circle_id")
    return world.ids["circle_member"]


async def _group(world: World) -> str:
    group = await world.call("POST", "/v1/loan-groups", await body_for(world, "loan_groups_create"))
    return str(group["id"])


async def _group_application(world: World) -> str:
    body = await body_for(world, "group_loan_applications_create")
    application = await world.call("POST", "/v1/group-loan-applications", body)
    await world.call(
        "POST",
        f"/v1/group-loan-applications/{application['id']}/submit",
        caller=world.desk.maker,
    )
    return str(application["id"])


async def _group_product(world: World) -> str:
    product = await world.call("POST", "/v1/loan-products", {**PRODUCT, "kind": "group"})
    return str(product["id"])


async def _borrower(world: World) -> str:
    return str(world.desk.entrepreneur["id"])


async def _person(world: World) -> str:
    return await world.person()


async def _trustee(world: World) -> str:
    trustee = await world.call(
        "POST", "/v1/trustees", {"name": "Mzee Secretname", "kind": "person"}
    )
    return str(trustee["id"])


async def _lender(world: World) -> str:
    funds = [{"currency": "KES", "available": 50_000_000, "min_amount": 1, "max_amount": 10**8}]
    lender = await world.call(
        "POST", "/v1/lenders", {"display_name": "Sweep lender", "funds": funds}
    )
    return str(lender["id"])


async def _mentor(world: World) -> str:
    """Not shared to the network: no other tenant has any business with it."""
    mentor = await world.call("POST", "/v1/mentors", {**MENTOR, "shared_to_network": False})
    return str(mentor["id"])


async def _match(world: World) -> str:
    match = await world.call(
        "POST",
        "/v1/matches",
        {
            "entrepreneur_id": await world.id("entrepreneur_id"),
            "mentor_id": await world.id("mentor_id"),
        },
    )
    return str(match["id"])


async def _assignment(world: World) -> str:
    assignment = await world.call(
        "POST",
        "/v1/matching/cohort-assignments",
        {
            "entrepreneur_ids": [await world.id("entrepreneur_id")],
            "mentor_ids": [await world.id("mentor_id")],
        },
    )
    return str(assignment["id"])


async def _endpoint(world: World) -> str:
    """Subscribed to events A has already caused (an IP literal: no DNS needed)."""
    await world.id("repayment_id")
    endpoint = await world.call(
        "POST",
        "/v1/webhook-endpoints",
        {
            "url": "https://93.184.215.14/hooks/sweep",
            "event_types": ["loan.disbursed", "repayment.posted"],
        },
    )
    world.revealed.add(endpoint["secret"])
    return str(endpoint["id"])


async def _event(world: World) -> str:
    await world.id("repayment_id")
    events = await world.call("GET", "/v1/events?limit=1")
    return str(events["data"][0]["id"])


async def _audit_event(world: World) -> str:
    await world.id("repayment_id")
    entries = await world.call("GET", "/v1/audit-events?limit=1")
    return str(entries["data"][0]["id"])


async def _delivery(world: World) -> str:
    path = f"/v1/webhook-endpoints/{await world.id('endpoint_id')}"
    since = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    replayed = await world.call("POST", f"{path}/replay", {"since": since})
    assert replayed["deliveries_created"] >= 1, replayed
    deliveries = await world.call("GET", f"{path}/deliveries?limit=1")
    return str(deliveries["data"][0]["id"])


async def _funder(world: World) -> str:
    """A funder A granted: the funder principal of the sweep, reading reports of A."""
    funder = await world.call(
        "POST", "/v1/funders", {"name": "Sweep Foundation"}, caller=world.platform.operator
    )
    secret = funder["client"]["client_secret"]
    token = await fetch_token(world.client, funder["client"]["id"], secret)
    world.funder = Caller(funder["client"]["id"], secret, token)
    world.foreign |= {funder["id"], funder["client"]["id"]}
    world.revealed -= world.foreign
    return str(funder["id"])


async def _grant(world: World) -> str:
    grant = await world.call(
        "POST", "/v1/funder-grants", {"funder_id": await world.id("funder_id")}
    )
    return str(grant["id"])


async def _tenant(world: World) -> str:
    return world.tenant_id


async def _client(world: World) -> str:
    """A spare client of A (revoking it must not cut the sweep's own token)."""
    spare = await world.platform.caller(world.tenant_id, ["loans:read"])
    world.revealed.add(spare.client_secret)
    return spare.client_id


#: How to make A's object for each path parameter (and the helpers bodies refer to).
#: An operation whose path parameter is missing here fails the sweep's coverage test.
RESOURCES: dict[str, Callable[[World], Awaitable[str]]] = {
    "product_id": lambda world: _given(world.desk.product["id"]),
    "entrepreneur_id": _entrepreneur,
    "application_id": _application,
    "loan_id": _loan,
    "repayment_id": _repayment,
    "circle_id": _circle,
    "circle_member": _circle_member,
    "forming_circle": _forming_circle,
    "group_id": _group,
    "group_application_id": _group_application,
    "group_product": _group_product,
    "borrower": _borrower,
    "person_2": _person,
    "person_3": _person,
    "trustee_id": _trustee,
    "lender_id": _lender,
    "mentor_id": _mentor,
    "match_id": _match,
    "assignment_id": _assignment,
    "endpoint_id": _endpoint,
    "delivery_id": _delivery,
    "event_id": _event,
    "audit_event_id": _audit_event,
    "funder_id": _funder,
    "grant_id": _grant,
    "tenant_id": _tenant,
    "client_id": _client,
}


async def _given(value: str) -> str:
    return value


def _iso_today() -> str:
    return today().isoformat()


#: A valid body for every operation that requires one (valid, so that a refusal comes from
#: authorization and not from validation), by operation id; `{name}` is A's object.
#: An operation with a required body missing here fails the coverage test.
BODIES: dict[str, Callable[[], dict[str, Any]]] = {
    "loan_products_update": lambda: {"name": "Renamed by the sweep"},
    "loan_products_quote": lambda: {"disbursement_date": _iso_today()},
    "loans_create_repayment": lambda: {"amount": 100_000},
    "loans_reverse_repayment": lambda: {"reason": "Keyed twice"},
    "loans_write_off": lambda: {"reason": "Borrower left the region"},
    "entrepreneurs_update": lambda: {"region": "Mombasa"},
    "loan_applications_update": lambda: {"purpose": "More stock"},
    "loan_applications_decline": lambda: {"reason": "other"},
    "lending_circles_add_member": lambda: {"entrepreneur_id": "{entrepreneur_id}"},
    "lending_circles_cancel": lambda: {"reason": "Members moved away"},
    "lending_circles_create_contribution": lambda: {
        "member_id": "{circle_member}",
        "amount": 100_000,
    },
    "loan_groups_create_repayment": lambda: {"amount": 100_000},
    "group_loan_applications_decline": lambda: {"reason": "other"},
    "loan_applications_create_endorsement": lambda: {
        "trustee_id": "{trustee_id}",
        "relationship": "supplier",
        "years_known": 6,
        "statement": "Pays every invoice on time.",
    },
    "loan_products_set_endorsement_rule": lambda: {"required_endorsements": 1},
    "loan_applications_create_funding_commitment": lambda: {
        "lender_id": "{lender_id}",
        "amount": 100_000,
    },
    "mentors_update": lambda: {"region": "Kisumu"},
    "lenders_update": lambda: {"display_name": "Renamed lender"},
    "matches_decline": lambda: {"reason": "other"},
    "matches_create_session": lambda: {
        "held_on": _iso_today(),
        "minutes": 30,
        "channel": "phone",
    },
    "webhook_endpoints_rotate_secret": lambda: {},
    "webhook_endpoints_replay": lambda: {
        "since": (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    },
    "entrepreneurs_create_outcome_survey": lambda: {
        "kind": "baseline",
        "surveyed_on": _iso_today(),
        "earns_from_own_business": True,
        "earns_from_gigs": False,
    },
    "funders_create_client": lambda: {"name": "Sweep client"},
    "funders_create": lambda: {"name": "Sweep Trust"},
    "tenants_create": lambda: {"name": "Sweep MFI", "country": "KE", "default_currency": "KES"},
    "tenants_update": lambda: {"name": "Renamed by the sweep"},
    "tenants_create_client": lambda: {"name": "Sweep client", "scopes": ["loans:read"]},
    "loan_applications_create": lambda: {
        **INTAKE,
        "entrepreneur_id": "{entrepreneur_id}",
        "product_id": "{product_id}",
    },
    "loan_groups_create": lambda: {
        "name": "Sweep group",
        "leader_entrepreneur_id": "{borrower}",
        "member_entrepreneur_ids": ["{person_2}", "{person_3}"],
    },
    "group_loan_applications_create": lambda: {
        "group_id": "{group_id}",
        "product_id": "{group_product}",
        "members": [
            {
                "entrepreneur_id": person,
                "requested_amount": 3_000_000,
                "requested_term": 6,
                "monthly_revenue": 12_000_000,
                "monthly_expenses": 7_000_000,
            }
            for person in ("{borrower}", "{person_2}", "{person_3}")
        ],
    },
    "matching_recommend_mentors": lambda: {"entrepreneur_id": "{entrepreneur_id}"},
    "matching_recommend_lenders": lambda: {
        "entrepreneur_id": "{entrepreneur_id}",
        "amount": 1_000_000,
        "currency": "KES",
    },
    "matches_create": lambda: {"entrepreneur_id": "{entrepreneur_id}", "mentor_id": "{mentor_id}"},
    "matching_create_cohort_assignment": lambda: {
        "entrepreneur_ids": ["{entrepreneur_id}", "{person_2}"],
        "mentor_ids": ["{mentor_id}"],
        "required_pairs": [{"entrepreneur_id": "{entrepreneur_id}", "mentor_id": "{mentor_id}"}],
        "banned_pairs": [{"entrepreneur_id": "{person_2}", "mentor_id": "{mentor_id}"}],
    },
}


async def body_for(world: World, operation_id: str) -> dict[str, Any] | None:
    """The operation's sample body with `{name}` placeholders replaced by the world's ids."""
    make = BODIES.get(operation_id)
    if make is None:
        return None
    body: dict[str, Any] = await _resolve(world, make())
    return body


async def _resolve(world: World, value: Any) -> Any:
    if isinstance(value, dict):
        return {key: await _resolve(world, item) for key, item in value.items()}
    if isinstance(value, list):
        return [await _resolve(world, item) for item in value]
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return await world.id(value[1:-1])
    return value
