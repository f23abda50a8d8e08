"""The expertise vocabulary: a two-level hierarchy of topics (`area` and `area.topic`).

Mentors choose their expertise from it; entrepreneurs' free-form needs are read against
it (`bookkeeping` is understood as `finance.bookkeeping`). A mentor's topic also counts,
at half weight, for the topics next to it in the tree: its area, or the area's topics when
the mentor chose a whole area. Topics are only ever added, so stored profiles stay valid.
"""

from __future__ import annotations

from collections.abc import Iterable

AREAS: dict[str, tuple[str, ...]] = {
    "finance": (
        "bookkeeping",
        "cash_flow",
        "pricing",
        "credit",
        "savings",
        "tax",
        "investment_readiness",
    ),
    "marketing": ("digital", "social_media", "branding", "sales", "customer_service", "export"),
    "operations": ("supply_chain", "inventory", "quality", "logistics", "procurement"),
    "management": ("strategy", "hiring", "leadership", "planning", "governance"),
    "legal": ("registration", "licensing", "contracts", "intellectual_property"),
    "technology": ("mobile_money", "ecommerce", "software", "data"),
    "production": ("agronomy", "food_processing", "manufacturing", "crafts"),
    "personal": ("confidence", "negotiation", "work_life_balance", "networking"),
}

TOPICS: tuple[str, ...] = tuple(
    topic
    for area, children in AREAS.items()
    for topic in (area, *(f"{area}.{child}" for child in children))
)
_KNOWN = frozenset(TOPICS)
_BY_LEAF = {topic.split(".", 1)[1]: topic for topic in TOPICS if "." in topic}


def parent(topic: str) -> str | None:
    return topic.split(".", 1)[0] if "." in topic else None


def neighbours(topic: str) -> set[str]:
    """The topics a mentor of `topic` helps with at half weight: its area, or its
    area's topics."""
    area = parent(topic)
    if area is not None:
        return {area}
    return {f"{topic}.{child}" for child in AREAS[topic]}


def is_topic(value: str) -> bool:
    return value in _KNOWN


def resolve(need: str) -> str | None:
    """The vocabulary topic a need names (`bookkeeping` -> `finance.bookkeeping`), or None
    if it names none."""
    if need in _KNOWN:
        return need
    return _BY_LEAF.get(need)


def related_topics(topics: Iterable[str]) -> list[str]:
    """Topics next to `topics` in the tree that are not themselves among them, sorted."""
    chosen = set(topics)
    return sorted(set().union(*(neighbours(t) for t in chosen)) - chosen) if chosen else []
