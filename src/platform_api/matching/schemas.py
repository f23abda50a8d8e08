"""Request and response models of matching: profiles, settings, recommendations, matches,
sessions and cohort assignments."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cache
from typing import Annotated, Self
from zoneinfo import available_timezones

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from platform_api.core.patch import PatchModel
from platform_api.core.types import CountryCode, CurrencyCode, Name, ShortText, no_nul
from platform_api.entrepreneurs.schemas import Gender, Languages, Needs, Sector, Stage, Topic
from platform_api.matching import vocabulary
from platform_api.matching.assignment import Mode
from platform_api.matching.scoring import Criterion, Filter, LenderProduct

MAX_AMOUNT = 10**13


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _in_vocabulary(value: str) -> str:
    if not vocabulary.is_topic(value):
        raise ValueError(f"{value!r} is not a topic of the vocabulary (GET /v1/matching/topics)")
    return value


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _time_zone(value: str) -> str:
    if value not in _time_zones():
        raise ValueError(f"{value!r} is not an IANA time zone name")
    return value


ExpertiseTopic = Annotated[str, Field(max_length=64), AfterValidator(_in_vocabulary)]
Topics = Annotated[
    list[ExpertiseTopic], Field(min_length=1, max_length=20), AfterValidator(_unique)
]
TimeZone = Annotated[
    str,
    Field(max_length=64, description="IANA time zone name, e.g. `Africa/Nairobi`."),
    AfterValidator(_time_zone),
]
Sectors = Annotated[list[Sector], Field(max_length=20), AfterValidator(_unique)]
Stages = Annotated[list[Stage], Field(max_length=4), AfterValidator(_unique)]
SpokenLanguages = Annotated[Languages, Field(min_length=1)]
Amount = Annotated[int, Field(ge=0, le=MAX_AMOUNT, description="Minor units of `currency`.")]
Note = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(no_nul)]
Weight = Annotated[int, Field(ge=0, le=100)]


class Side(StrEnum):
    ENTREPRENEUR_SIDE = "entrepreneur_side"
    MENTOR_SIDE = "mentor_side"
    BOTH = "both"


# --------------------------------------------------------------------------- mentors


class MentorStatus(StrEnum):
    AVAILABLE = "available"
    PAUSED = "paused"


class _MentorFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    gender: Gender | None = None
    sectors: Sectors | None = None
    stages: Stages | None = None
    region: ShortText | None = None
    time_zone: TimeZone | None = None
    status: MentorStatus | None = None
    shared_to_network: bool | None = None


class MentorCreate(_MentorFields):
    """Everything here is what the mentor shows: if shared, to other organisations too.
    Keep contact details in your own systems."""

    display_name: Name
    topics: Topics = Field(description="Expertise, from GET /v1/matching/topics.")
    languages: SpokenLanguages
    country: CountryCode
    sectors: Sectors = Field(default_factory=list)
    stages: Stages = Field(default_factory=list)
    max_mentees: int = Field(default=3, ge=0, le=100, description="Concurrent active matches.")
    status: MentorStatus = MentorStatus.AVAILABLE
    shared_to_network: bool = Field(
        default=False,
        description="Other organisations may recommend and match this mentor.",
    )


class MentorUpdate(PatchModel, _MentorFields):
    """Only the fields sent are changed; send `null` to clear an optional field."""

    NOT_NULL = frozenset(
        {
            "display_name",
            "topics",
            "languages",
            "country",
            "sectors",
            "stages",
            "max_mentees",
            "status",
            "shared_to_network",
        }
    )

    display_name: Name | None = None
    topics: Topics | None = None
    languages: SpokenLanguages | None = None
    country: CountryCode | None = None
    max_mentees: int | None = Field(default=None, ge=0, le=100)


class MentorCard(BaseModel):
    """What any organisation that may match a mentor sees of it."""

    id: uuid.UUID
    network: bool = Field(description="The mentor belongs to another organisation.")
    display_name: str
    gender: Gender | None
    topics: list[str]
    sectors: list[Sector]
    stages: list[Stage]
    languages: list[str]
    country: str
    region: str | None
    time_zone: str | None
    open_slots: int = Field(description="Free places for new mentees now.")


class Mentor(MentorCard):
    related_topics: list[str] = Field(description="Neighbouring topics, worth half (derived).")
    utc_offset_minutes: int | None = Field(description="Standard offset of time_zone.")
    max_mentees: int
    active_mentees: int
    status: MentorStatus
    shared_to_network: bool
    created_at: datetime
    updated_at: datetime


class TopicArea(BaseModel):
    area: str
    topics: list[str]


# --------------------------------------------------------------------------- lenders


class LenderStatus(StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"


class LenderFunds(BaseModel):
    """What a lender lends in one currency."""

    model_config = ConfigDict(extra="forbid")

    currency: CurrencyCode
    available: Amount = Field(description="Funds available to lend now.")
    min_amount: Amount = Field(description="Smallest loan (share) it funds.")
    max_amount: Amount = Field(description="Largest loan (share) it funds.")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.min_amount > self.max_amount:
            raise ValueError("min_amount must not exceed max_amount")
        return self


def _one_per_currency(funds: list[LenderFunds]) -> list[LenderFunds]:
    currencies = [f.currency for f in funds]
    if len(set(currencies)) != len(currencies):
        raise ValueError("at most one entry per currency")
    return funds


FundsList = Annotated[
    list[LenderFunds], Field(min_length=1, max_length=20), AfterValidator(_one_per_currency)
]
Countries = Annotated[list[CountryCode], Field(max_length=60), AfterValidator(_unique)]
Regions = Annotated[list[ShortText], Field(max_length=60), AfterValidator(_unique)]
Products = Annotated[list[LenderProduct], Field(max_length=3), AfterValidator(_unique)]


class _LenderFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    external_ref: ShortText | None = Field(
        default=None, description="Your own id for this lender; unique within your tenant."
    )
    sectors: Sectors | None = None
    countries: Countries | None = None
    regions: Regions | None = None
    products: Products | None = None
    gender_focus: Gender | None = None
    youth_focus: bool | None = None
    status: LenderStatus | None = None


class LenderCreate(_LenderFields):
    """Lending criteria. Empty sectors, countries or products mean "any"."""

    display_name: Name
    funds: FundsList
    sectors: Sectors = Field(default_factory=list)
    countries: Countries = Field(default_factory=list)
    regions: Regions = Field(default_factory=list)
    products: Products = Field(default_factory=list)
    youth_focus: bool = False
    status: LenderStatus = LenderStatus.ACTIVE


class LenderUpdate(PatchModel, _LenderFields):
    NOT_NULL = frozenset(
        {
            "display_name",
            "funds",
            "sectors",
            "countries",
            "regions",
            "products",
            "youth_focus",
            "status",
        }
    )

    display_name: Name | None = None
    funds: FundsList | None = None


class Lender(BaseModel):
    id: uuid.UUID
    display_name: str
    external_ref: str | None
    funds: list[LenderFunds]
    sectors: list[Sector]
    countries: list[str]
    regions: list[str]
    products: list[LenderProduct]
    gender_focus: Gender | None
    youth_focus: bool
    status: LenderStatus
    created_at: datetime
    updated_at: datetime


# --------------------------------------------------------------------------- settings


class MentorWeights(BaseModel):
    model_config = ConfigDict(extra="forbid")

    expertise: Weight = 40
    sector: Weight = 20
    stage: Weight = 10
    location: Weight = 20
    gender: Weight = 10


class LenderWeights(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sector: Weight = 25
    region: Weight = 25
    product: Weight = 15
    funds: Weight = 20
    focus: Weight = 15


class MatchingSettings(BaseModel):
    """A tenant's scoring weights (relative, 0-100 each) and hard rules."""

    model_config = ConfigDict(extra="forbid")

    mentor_weights: MentorWeights = Field(default_factory=MentorWeights)
    lender_weights: LenderWeights = Field(default_factory=LenderWeights)
    require_shared_language: bool = Field(
        default=True, description="Recommend only mentors who speak a language of the mentee."
    )
    require_same_country: bool = Field(
        default=False, description="Recommend only mentors in the mentee's country."
    )

    @model_validator(mode="after")
    def _some_weight(self) -> Self:
        for name, weights in (("mentor", self.mentor_weights), ("lender", self.lender_weights)):
            if not any(weights.model_dump().values()):
                raise ValueError(f"{name}_weights: at least one weight must be above 0")
        return self


# --------------------------------------------------------------------------- recommendations


class CriterionScore(BaseModel):
    criterion: Criterion
    weight: int = Field(description="The tenant's weight for it.")
    value: float = Field(description="How well it is met, 0-1.")
    points: float = Field(description="Its share of the 0-100 score.")
    reason: str


class MentorRecommendationRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entrepreneur_id: uuid.UUID
    limit: int = Field(default=10, ge=1, le=50)
    include_network: bool = Field(
        default=False,
        description="Also recommend mentors other organisations share (only if the "
        "entrepreneur consented to network sharing).",
    )
    time_zone: TimeZone | None = Field(
        default=None, description="The entrepreneur's, to compare with mentors abroad."
    )
    preferred_mentor_gender: Gender | None = None


class MentorRecommendation(BaseModel):
    mentor: MentorCard
    score: float = Field(description="0-100.")
    breakdown: list[CriterionScore]


class MentorRecommendations(BaseModel):
    entrepreneur_id: uuid.UUID
    data: list[MentorRecommendation]


class LenderRecommendationRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entrepreneur_id: uuid.UUID
    amount: Annotated[int, Field(ge=1, le=MAX_AMOUNT)]
    currency: CurrencyCode
    product: LenderProduct | None = None
    limit: int = Field(default=10, ge=1, le=50)


class LenderRecommendation(BaseModel):
    lender: Lender
    score: float
    breakdown: list[CriterionScore]


class LenderRecommendations(BaseModel):
    entrepreneur_id: uuid.UUID
    data: list[LenderRecommendation]


# --------------------------------------------------------------------------- matches


class MatchStatus(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    DECLINED = "declined"
    COMPLETED = "completed"


class MatchDeclineReason(StrEnum):
    NO_CAPACITY = "no_capacity"
    NOT_A_FIT = "not_a_fit"
    UNAVAILABLE = "unavailable"
    NO_RESPONSE = "no_response"
    OTHER = "other"


class MatchCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entrepreneur_id: uuid.UUID
    mentor_id: uuid.UUID
    topics: Needs = Field(default_factory=list, description="What to work on.")


class MatchDecline(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: MatchDeclineReason
    note: Note | None = None


class MenteeSummary(BaseModel):
    """What the mentor's side sees of the entrepreneur: no name, contact or age."""

    country: str
    sector: Sector | None
    stage: Stage | None
    languages: list[str]
    needs: list[str]


class Match(BaseModel):
    id: uuid.UUID
    side: Side = Field(description="Which side of the match the caller's organisation is.")
    cross_tenant: bool = Field(description="Entrepreneur and mentor are of two organisations.")
    entrepreneur_id: uuid.UUID | None = Field(
        description="Null for the mentor's side of a cross-tenant match."
    )
    mentor_id: uuid.UUID
    mentor: MentorCard | None = Field(description="Null if no longer shared with you.")
    mentee: MenteeSummary
    status: MatchStatus
    score: float | None
    breakdown: list[CriterionScore] | None
    topics: list[str]
    proposed_at: datetime
    accepted_at: datetime | None
    declined_at: datetime | None
    completed_at: datetime | None
    decline_reason: MatchDeclineReason | None
    decline_note: str | None
    declined_by: Side | None
    created_at: datetime
    updated_at: datetime


# --------------------------------------------------------------------------- sessions


class SessionChannel(StrEnum):
    WHATSAPP = "whatsapp"
    PHONE = "phone"
    IN_PERSON = "in_person"
    VIDEO = "video"
    SMS = "sms"
    EMAIL = "email"
    OTHER = "other"


def _not_future(value: date) -> date:
    if value > datetime.now(UTC).date():
        raise ValueError("must not be in the future")
    return value


Rating = Annotated[int, Field(ge=1, le=5)]


class SessionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    held_on: Annotated[date, AfterValidator(_not_future)]
    minutes: int = Field(ge=1, le=1440)
    channel: SessionChannel
    topics: Annotated[list[Topic], Field(max_length=20), AfterValidator(_unique)] = Field(
        default_factory=list
    )
    entrepreneur_rating: Rating | None = Field(default=None, description="1-5, by the mentee.")
    mentor_rating: Rating | None = Field(default=None, description="1-5, by the mentor.")


class Session(BaseModel):
    id: uuid.UUID
    match_id: uuid.UUID
    held_on: date
    minutes: int
    channel: SessionChannel
    topics: list[str]
    entrepreneur_rating: int | None
    mentor_rating: int | None
    logged_by: Side
    created_at: datetime


# --------------------------------------------------------------------------- cohorts


class CohortStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class Pair(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entrepreneur_id: uuid.UUID
    mentor_id: uuid.UUID


MAX_COHORT_ENTREPRENEURS = 5000
MAX_COHORT_MENTORS = 2000


class CohortAssignmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entrepreneur_ids: Annotated[
        list[uuid.UUID], Field(min_length=1, max_length=MAX_COHORT_ENTREPRENEURS)
    ]
    mentor_ids: Annotated[list[uuid.UUID], Field(min_length=1, max_length=MAX_COHORT_MENTORS)]
    mode: Mode = Field(
        default=Mode.MAXIMISE_PARTICIPATION,
        description="`maximise_participation`: most entrepreneurs assigned, then the "
        "highest total score; `maximise_total_score`: highest total, then most assigned.",
    )
    required_pairs: Annotated[list[Pair], Field(max_length=1000)] = Field(
        default_factory=list, description="Pairs that must be in the assignment."
    )
    banned_pairs: Annotated[list[Pair], Field(max_length=10000)] = Field(
        default_factory=list, description="Pairs that must not be."
    )
    min_score: float = Field(default=0, ge=0, le=100, description="Pairs scoring less are out.")
    run_async: bool | None = Field(
        default=None,
        description="Run in the background (202, then poll GET). Default: only for large cohorts.",
    )

    @model_validator(mode="after")
    def _distinct(self) -> Self:
        for name in ("entrepreneur_ids", "mentor_ids"):
            values = getattr(self, name)
            if len(set(values)) != len(values):
                raise ValueError(f"{name} must not repeat an id")
        required = [p.entrepreneur_id for p in self.required_pairs]
        if len(set(required)) != len(required):
            raise ValueError("required_pairs: at most one pair per entrepreneur")
        if {(p.entrepreneur_id, p.mentor_id) for p in self.required_pairs} & {
            (p.entrepreneur_id, p.mentor_id) for p in self.banned_pairs
        }:
            raise ValueError("a pair cannot be both required and banned")
        return self


class UnassignedReason(StrEnum):
    NO_ELIGIBLE_MENTOR = "no_eligible_mentor"
    BELOW_MIN_SCORE = "below_min_score"
    MENTORS_FULL = "mentors_full"


class AssignedPair(BaseModel):
    entrepreneur_id: uuid.UUID
    mentor_id: uuid.UUID
    score: float
    required: bool


class Unassigned(BaseModel):
    entrepreneur_id: uuid.UUID
    reason: UnassignedReason
    detail: str


class CohortAssignment(BaseModel):
    id: uuid.UUID
    status: CohortStatus
    mode: Mode
    entrepreneurs: int
    mentors: int
    total_score: float | None = Field(description="Sum of the assigned pairs' scores.")
    assigned: int | None
    assignment: list[AssignedPair] | None
    unassigned: list[Unassigned] | None
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


FILTER_TEXT: dict[Filter, str] = {
    Filter.PAUSED: "paused",
    Filter.NO_CAPACITY: "no free slot",
    Filter.NO_SHARED_LANGUAGE: "no shared language",
    Filter.DIFFERENT_COUNTRY: "another country",
    Filter.NO_NETWORK_CONSENT: "another organisation's, without network consent",
    Filter.DECLINED_BEFORE: "declined before",
}
