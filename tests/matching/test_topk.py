"""The recommendation query's top k equals brute-force scoring of every mentor, whatever
tier of candidates it stopped at and however few candidates it scored first."""

from __future__ import annotations

import random
import uuid

from platform_api.core.db import TENANT_GATE
from platform_api.entrepreneurs import service as entrepreneurs
from platform_api.entrepreneurs.schemas import EntrepreneurCreate
from platform_api.matching import scoring, service, vocabulary
from platform_api.matching.schemas import (
    MatchingSettings,
    MentorCreate,
    MentorUpdate,
    MentorWeights,
)
from tests.conftest import Platform

SECTORS = ["food", "retail", "agriculture"]
STAGES = ["idea", "starting", "growing"]
LANGUAGES = ["en", "sw", "fr"]
COUNTRIES = ["KE", "UG"]
REGIONS = [None, "Nairobi", "Kampala"]
ZONES = [None, "Africa/Nairobi", "Africa/Kampala", "Africa/Lagos", "Europe/London"]
# A small corner of the vocabulary, so that topics are shared often; one rare topic.
TOPICS = [t for t in vocabulary.TOPICS if t.split(".")[0] in ("finance", "marketing")]
RARE = "legal.licensing"


def _mentor(rng: random.Random, shared: bool) -> MentorCreate:
    topics = rng.sample(TOPICS, rng.randint(1, 3))
    if rng.random() < 0.03:
        topics.append(RARE)
    return MentorCreate(
        display_name=f"M{rng.randint(0, 10**6)}",
        topics=topics,
        sectors=rng.sample(SECTORS, rng.randint(0, 2)),
        stages=rng.sample(STAGES, rng.randint(0, 2)),
        languages=rng.sample(LANGUAGES, rng.randint(1, 2)),
        country=rng.choice(COUNTRIES),
        region=rng.choice(REGIONS),
        time_zone=rng.choice(ZONES),
        gender=rng.choice([None, "female", "male"]),
        max_mentees=rng.choice([0, 1, 2, 3]),
        status=rng.choice(["available"] * 5 + ["paused"]),
        shared_to_network=shared,
    )


def _person(rng: random.Random) -> EntrepreneurCreate:
    needs = rng.sample(TOPICS, rng.randint(0, 3))
    if rng.random() < 0.2:
        needs = [RARE]
    return EntrepreneurCreate(
        full_name="P",
        country=rng.choice(COUNTRIES),
        region=rng.choice(REGIONS),
        languages=rng.sample(LANGUAGES, rng.randint(0, 2)),
        sector=rng.choice([None, *SECTORS]),
        stage=rng.choice([None, *STAGES]),
        needs=needs,
        consent_network_sharing=rng.random() < 0.7,
    )


async def test_top_k_equals_brute_force_over_all_mentors(app, platform: Platform):
    rng = random.Random(20261123)
    db = app.state.db
    a, b = uuid.UUID(await platform.tenant()), uuid.UUID(await platform.tenant())
    actor = uuid.uuid4()
    for tenant, count, share in ((a, 120, 0.6), (b, 80, 0.0)):
        async with db.transaction(tenant) as conn:
            for _ in range(count):
                await service.create_mentor(
                    conn, tenant_id=tenant, actor=actor, data=_mentor(rng, rng.random() < share)
                )
    # Moves and re-profiles some mentors: their search key rows must follow.
    async with db.transaction(a) as conn:
        rows = await conn.fetch("SELECT id FROM mentors WHERE tenant_id = $1 LIMIT 30", a)
        for row in rows:
            await service.update_mentor(
                conn,
                tenant_id=a,
                mentor_id=row["id"],
                actor=actor,
                data=MentorUpdate.model_validate(
                    rng.choice(
                        [
                            {"country": rng.choice(COUNTRIES), "region": rng.choice(REGIONS)},
                            {"time_zone": rng.choice(ZONES)},
                            {"stages": rng.sample(STAGES, rng.randint(0, 2))},
                            {"topics": rng.sample(TOPICS, rng.randint(1, 3))},
                            {"shared_to_network": rng.random() < 0.5},
                        ]
                    )
                ),
            )
    visible = await db.fetch(
        b,
        f"SELECT {service.CARD_COLUMNS} FROM mentors m WHERE {TENANT_GATE} "
        "AND (m.tenant_id = $1::uuid OR m.shared_to_network)",
    )
    queries_seen = set()
    for round_ in range(30):
        async with db.transaction(b) as conn:
            person = await entrepreneurs.create_entrepreneur(
                conn, tenant_id=b, actor=actor, data=_person(rng)
            )
            settings = MatchingSettings(
                mentor_weights=MentorWeights(
                    expertise=rng.choice([0, 40, 80]),
                    sector=rng.choice([0, 20, 50]),
                    stage=rng.randint(0, 20),
                    location=rng.randint(1, 30),
                    gender=rng.randint(0, 20),
                ),
                require_shared_language=rng.random() < 0.7,
                require_same_country=rng.random() < 0.2,
            )
            await service.put_settings(conn, tenant_id=b, actor=actor, data=settings)
        who = service.mentee(
            person,
            time_zone=rng.choice(ZONES),
            preferred_mentor_gender=rng.choice([None, "female"]),
        )
        plan = scoring.mentor_plan(
            who, scoring.MentorWeights(**settings.mentor_weights.model_dump())
        )
        rules = scoring.Rules(settings.require_shared_language, settings.require_same_country)
        network = rng.random() < 0.6 and who.network_consent
        limit = rng.choice([1, 3, 5, 10, 40])
        expected = sorted(
            (
                (-scoring.mentor_points(plan, profile), row["id"])
                for row in visible
                if (profile := service.mentor_profile(row, b))
                and (network or row["tenant_id"] == b)
                and not scoring.mentor_filters(who, profile, rules)
            ),
        )[:limit]
        for tier in scoring.search_tiers(plan):
            await _check_bounds(db, b, plan, tier, network, visible)
        # Few candidates scored first: the second query (every candidate that may reach
        # the k-th found) is what proves most answers then, on the candidates' bounds.
        search = {
            "tenant_id": b,
            "entrepreneur_id": person.id,
            "plan": plan,
            "rules": rules,
            "network": network,
            "limit": limit,
        }
        for first_scored in (service.FIRST_SCORED, 1, 4, 16):
            rows, queries = await service.top_mentor_rows(
                db,
                **search,
                first_scored=first_scored,
                whole_pool=0,  # this pool is small: the tiers would not be tried
            )
            queries_seen.add(queries)
            got = [(-row["points"], row["id"]) for row in rows]
            assert got == expected, f"round {round_}, first {first_scored}: {plan}"
            for row in rows:
                profile = service.mentor_profile(row, b)
                assert not scoring.mentor_filters(who, profile, rules)  # never a must-failure
                assert row["points"] == scoring.mentor_points(plan, profile)
        rows, queries = await service.top_mentor_rows(db, **search)
        assert [(-row["points"], row["id"]) for row in rows] == expected
        assert queries == 1  # a pool this small is scored whole
    # Some rounds stop at the first query, some at the second, others score every mentor.
    assert queries_seen >= {1, 2, 3}, queries_seen
    # b's own pool is its 80 mentors; with the network, every shared one too.
    assert await service._pool_is_small(db, b, False, 80)
    assert not await service._pool_is_small(db, b, False, 79)
    assert len(visible) > 80
    assert await service._pool_is_small(db, b, True, len(visible))
    assert not await service._pool_is_small(db, b, True, len(visible) - 1)


async def _check_bounds(db, tenant, plan, tier, network, visible) -> None:
    """The tier's candidates in SQL are the visible mentors carrying one of its keys,
    each with `scoring.candidate_bound` (which tests/matching/test_scoring.py holds above
    the mentor's points)."""
    q = service._Query()
    sql = service.candidates_sql(plan, tier, network, q)
    got = {row["mentor_id"]: row["bound"] for row in await db.fetch(tenant, sql, *q.args)}
    expected = {}
    for row in visible:
        if not network and row["tenant_id"] != tenant:
            continue
        keys = set(scoring.mentor_search_keys(row["topics"], row["sectors"]))
        if not keys & set(tier.keys):
            continue
        profile = service.mentor_profile(row, tenant)
        expected[row["id"]] = scoring.candidate_bound(
            plan,
            tier,
            exact=[bool(keys & set(group)) for group in tier.exact],
            related=[bool(keys & set(group)) for group in tier.related],
            sector=bool(keys & set(tier.sector_keys)),
            stage=plan.mentee.stage in profile.stages,
            location=scoring.location_tenths(plan.mentee, profile)[0],
        )
    assert got == expected


async def test_pool_size_is_counted_once_a_minute(monkeypatch) -> None:
    """The pool-size check only picks the exact method (whole or tiers): it is counted
    once per tenant, network and limit, then again after `ttl` seconds."""
    counted: list[tuple[uuid.UUID, bool, int]] = []
    now = [1000.0]

    async def count(db, tenant_id, network, most):
        counted.append((tenant_id, network, most))
        return len(counted) % 2 == 1  # the answer changes at each count

    monkeypatch.setattr(service, "_pool_is_small", count)
    monkeypatch.setattr(service.time, "monotonic", lambda: now[0])
    sizes = service.PoolSizes(ttl=60.0)
    a, b = uuid.uuid4(), uuid.uuid4()
    assert await sizes.is_small(None, a, True, 500)
    now[0] += 59
    assert await sizes.is_small(None, a, True, 500)  # remembered
    assert len(counted) == 1
    assert not await sizes.is_small(None, a, False, 500)  # another pool
    assert await sizes.is_small(None, b, True, 500)  # another tenant
    now[0] += 2
    assert not await sizes.is_small(None, a, True, 500)  # a's count expired: recounted
    assert counted == [(a, True, 500), (a, False, 500), (b, True, 500), (a, True, 500)]
