"""The partner journey end to end, through the SDK only, against a real server.

Each step is a function of the shared `Journey` state, run in the order of `JOURNEY`:
onboarding, an entrepreneur, a mentor recommendation and match, a loan from quote to
repayments, and a funder reading the tenant's portfolio report. Steps for domains that
land later slot in where the journey needs them."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from platform_api_client.api.auth import auth_me
from platform_api_client.api.entrepreneurs import (
    entrepreneurs_create,
    entrepreneurs_get,
    entrepreneurs_list,
)
from platform_api_client.api.funders import (
    funder_grants_create,
    funder_grants_revoke,
    funders_create,
)
from platform_api_client.api.loan_applications import (
    loan_applications_approve,
    loan_applications_create,
    loan_applications_disburse,
    loan_applications_submit,
    loan_applications_transitions,
)
from platform_api_client.api.loan_products import loan_products_create, loan_products_quote
from platform_api_client.api.loans import (
    loans_create_repayment,
    loans_get,
    loans_list_repayments,
    loans_schedule,
)
from platform_api_client.api.matching import (
    matches_accept,
    matches_create,
    matches_list,
    matching_recommend_mentors,
    mentors_create,
    mentors_get,
)
from platform_api_client.api.reports import reports_portfolio
from platform_api_client.api.tenants import tenants_create, tenants_create_client
from platform_api_client.extras import (
    ApiError,
    RetryPolicy,
    Session,
    connect,
    new_idempotency_key,
)
from platform_api_client.models import (
    Approval,
    ClientCreate,
    Disbursement,
    EntrepreneurCreate,
    FunderCreate,
    GrantCreate,
    GroupBy,
    InterestMethod,
    LoanApplicationCreate,
    LoanProductCreate,
    MatchCreate,
    MentorCreate,
    MentorRecommendationRequest,
    QuoteRequest,
    RepaymentCreate,
    Sector,
    TenantCreate,
    TenantScope,
)
from tests.conftest import Caller

FAST_RETRY = RetryPolicy(attempts=4, backoff=0.01, max_backoff=0.05)


class DropFirstAnswer(httpx.BaseTransport):
    """A flaky connection: the first POST matching `path_suffix` reaches the server and is
    processed, but its answer is lost on the way back (`httpx.ReadError`)."""

    def __init__(self, path_suffix: str) -> None:
        self.inner = httpx.HTTPTransport()
        self.path_suffix = path_suffix
        self.sent: list[httpx.Request] = []
        self.dropped = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method == "POST" and request.url.path.endswith(self.path_suffix):
            self.sent.append(request)
            if not self.dropped:
                self.dropped += 1
                response.read()
                response.close()
                raise httpx.ReadError("connection reset by peer", request=request)
        return response

    def close(self) -> None:
        self.inner.close()


@dataclass
class Journey:
    base_url: str
    operator: Session
    sessions: list[Session] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)

    def connect(self, client_id: str, secret: str, **options: Any) -> Session:
        session = connect(self.base_url, client_id, secret, retry=FAST_RETRY, **options)
        self.sessions.append(session)
        return session


def onboarded(j: Journey) -> None:
    """The operator creates a tenant and three clients: a maker (the back office, which
    also runs mentoring), a checker (the credit committee) and an admin."""
    tenant = j.operator.call(
        tenants_create,
        body=TenantCreate(
            name=f"Journey MFI {uuid.uuid4().hex[:6]}", country="KE", default_currency="KES"
        ),
    )
    maker_scopes = [
        TenantScope.ENTREPRENEURS_READ,
        TenantScope.ENTREPRENEURS_WRITE,
        TenantScope.LOANS_READ,
        TenantScope.LOANS_WRITE,
        TenantScope.MATCHING_READ,
        TenantScope.MATCHING_WRITE,
    ]
    checker_scopes = [TenantScope.LOANS_READ, TenantScope.LOANS_APPROVE]
    maker = j.operator.call(
        tenants_create_client, tenant_id=tenant.id, body=ClientCreate("back office", maker_scopes)
    )
    checker = j.operator.call(
        tenants_create_client,
        tenant_id=tenant.id,
        body=ClientCreate("credit committee", checker_scopes),
    )
    admin = j.operator.call(
        tenants_create_client,
        tenant_id=tenant.id,
        body=ClientCreate("administrator", [TenantScope.TENANT_ADMIN]),
    )
    j.state.update(tenant=tenant, maker_credentials=maker, checker_credentials=checker)
    j.state["maker"] = j.connect(str(maker.id), maker.client_secret)
    j.state["checker"] = j.connect(str(checker.id), checker.client_secret)
    j.state["admin"] = j.connect(str(admin.id), admin.client_secret)
    me = j.state["maker"].call(auth_me)
    assert (me.kind.value, me.tenant_id) == ("tenant", tenant.id)


def entrepreneur_registered(j: Journey) -> None:
    """The tenant registers an entrepreneur; lists page through `next_cursor`."""
    maker: Session = j.state["maker"]
    people = [
        maker.call(
            entrepreneurs_create,
            body=EntrepreneurCreate(
                full_name=name,
                country="KE",
                languages=["sw", "en"],
                sector=Sector.RETAIL,
                needs=["bookkeeping", "cash_flow"],
                consent_data_processing=True,
            ),
        )
        for name in ("Achieng Otieno", "Wanjiru Kamau", "Halima Yusuf")
    ]
    listed = [person.id for person in maker.paginate(entrepreneurs_list, limit=2)]
    assert listed == [person.id for person in people]
    j.state["entrepreneur"] = people[0]


def mentor_matched(j: Journey) -> None:
    """The tenant registers mentors, asks for the best ones for the entrepreneur, proposes
    a match with the top recommendation, and (as the mentor's organisation) accepts it."""
    maker: Session = j.state["maker"]
    entrepreneur = j.state["entrepreneur"]
    grace = maker.call(
        mentors_create,
        body=MentorCreate(
            display_name="Grace Njeri",
            topics=["finance.bookkeeping", "finance.cash_flow"],
            languages=["sw", "en"],
            country="KE",
            sectors=[Sector.RETAIL],
            max_mentees=2,
        ),
    )
    maker.call(
        mentors_create,
        body=MentorCreate(
            display_name="Tom Mwangi",
            topics=["technology.software"],
            languages=["en"],
            country="KE",
            sectors=[Sector.MANUFACTURING],
        ),
    )
    assert grace.open_slots == 2
    recommended = maker.call(
        matching_recommend_mentors,
        body=MentorRecommendationRequest(entrepreneur_id=entrepreneur.id, limit=5),
    )
    assert recommended.entrepreneur_id == entrepreneur.id
    scores = [r.score for r in recommended.data]
    assert len(scores) == 2 and scores == sorted(scores, reverse=True) and scores[0] > scores[1]
    top = recommended.data[0]
    assert top.mentor.id == grace.id and not top.mentor.network
    # The score is the sum of its criteria's points (each rounded to 0.01).
    assert abs(sum(c.points for c in top.breakdown) - top.score) <= 0.01 * len(top.breakdown)

    proposed = maker.call(
        matches_create,
        body=MatchCreate(
            entrepreneur_id=entrepreneur.id, mentor_id=top.mentor.id, topics=["bookkeeping"]
        ),
    )
    assert (proposed.status.value, proposed.side.value) == ("proposed", "both")
    assert not proposed.cross_tenant and proposed.score == top.score
    accepted = maker.call(matches_accept, match_id=proposed.id)
    assert accepted.status.value == "active" and accepted.accepted_at is not None
    assert maker.call(mentors_get, mentor_id=grace.id).open_slots == 1
    listed = list(maker.paginate(matches_list, entrepreneur_id=entrepreneur.id))
    assert [(m.id, m.status.value) for m in listed] == [(proposed.id, "active")]
    # A mentor already matched with the entrepreneur is not recommended again.
    again = maker.call(
        matching_recommend_mentors,
        body=MentorRecommendationRequest(entrepreneur_id=entrepreneur.id),
    )
    assert grace.id not in {r.mentor.id for r in again.data}
    j.state["match"] = accepted


def loan_quoted(j: Journey) -> None:
    """A loan product, and a quote with its schedule and true cost."""
    maker: Session = j.state["maker"]
    product = maker.call(
        loan_products_create,
        body=LoanProductCreate(
            name="Biashara monthly",
            currency="KES",
            interest_method=InterestMethod.DECLINING_BALANCE_ANNUITY,
            annual_rate="0.24",
            upfront_fee_rate="0.02",
            min_principal=1_000_000,
            max_principal=20_000_000,
            default_principal=5_000_000,
            min_term=3,
            max_term=12,
            default_term=6,
        ),
    )
    quote = maker.call(
        loan_products_quote,
        product_id=product.id,
        body=QuoteRequest(disbursement_date=datetime.now(UTC).date(), amount=6_000_000, term=6),
    )
    assert len(quote.installments) == 6
    assert sum(line.principal for line in quote.installments) == quote.total_principal == 6_000_000
    j.state.update(product=product, quote=quote)


def application_approved(j: Journey) -> None:
    """The maker applies and submits; a second client approves (maker-checker)."""
    maker: Session = j.state["maker"]
    checker: Session = j.state["checker"]
    application = maker.call(
        loan_applications_create,
        body=LoanApplicationCreate(
            entrepreneur_id=j.state["entrepreneur"].id,
            product_id=j.state["product"].id,
            requested_amount=6_000_000,
            requested_term=6,
            purpose="Stock for the dry season",
            monthly_revenue=12_000_000,
            monthly_expenses=7_000_000,
            existing_debt_payments=500_000,
        ),
    )
    maker.call(loan_applications_submit, application_id=application.id)
    try:
        maker.call(loan_applications_approve, application_id=application.id, body=Approval())
    except ApiError as refused:
        assert refused.status == 403, refused
    else:
        raise AssertionError("the maker approved its own application")
    approved = checker.call(
        loan_applications_approve, application_id=application.id, body=Approval()
    )
    assert approved.status.value == "approved"
    transitions = maker.call(loan_applications_transitions, application_id=application.id)
    assert [t.to_status.value for t in transitions][-1] == "approved"
    j.state["application"] = approved


def disbursed(j: Journey) -> None:
    """Disbursement opens the loan with its schedule."""
    maker: Session = j.state["maker"]
    loan = maker.call(
        loan_applications_disburse,
        application_id=j.state["application"].id,
        body=Disbursement(disbursement_date=datetime.now(UTC).date()),
    )
    schedule = maker.call(loans_schedule, loan_id=loan.id)
    assert sum(line.principal for line in schedule.installments) == loan.principal
    j.state["loan"] = loan


def repayments_posted(j: Journey) -> None:
    """Repayments, one over a connection that loses the answer: the SDK retries with the
    same Idempotency-Key, and the server posts it once."""
    maker: Session = j.state["maker"]
    loan = j.state["loan"]
    first = maker.call(
        loans_create_repayment, loan_id=loan.id, body=RepaymentCreate(amount=500_000)
    )

    flaky = DropFirstAnswer(f"/v1/loans/{loan.id}/repayments")
    credentials = j.state["maker_credentials"]
    officer = j.connect(str(credentials.id), credentials.client_secret, transport=flaky)
    key = new_idempotency_key()
    second = officer.call(
        loans_create_repayment,
        loan_id=loan.id,
        body=RepaymentCreate(amount=700_000),
        idempotency_key=key,
    )
    assert flaky.dropped == 1 and len(flaky.sent) == 2
    assert {r.headers["Idempotency-Key"] for r in flaky.sent} == {key}
    # The officer's own retry later, with the same key, replays the same repayment.
    again = maker.call(
        loans_create_repayment,
        loan_id=loan.id,
        body=RepaymentCreate(amount=700_000),
        idempotency_key=key,
    )
    assert again.id == second.id

    posted = list(maker.paginate(loans_list_repayments, loan_id=loan.id, limit=1))
    assert sorted(r.amount for r in posted) == [500_000, 700_000]
    assert {r.id for r in posted} == {first.id, second.id}
    after = maker.call(loans_get, loan_id=loan.id)
    assert after.principal_paid + after.interest_paid + after.fees_paid == 1_200_000


def funder_reads_the_portfolio(j: Journey) -> None:
    """The operator registers a funder (with its API client), the tenant's admin grants it
    access, and the funder, with its own token, reads the tenant's portfolio report: the
    journey's one loan is in it, its count and amount hidden by small-cell suppression.
    The funder never reads a person's record."""
    tenant = j.state["tenant"]
    loan = j.state["loan"]
    created = j.operator.call(
        funders_create, body=FunderCreate(name=f"Journey Fund {uuid.uuid4().hex[:6]}")
    )
    assert created.client.scopes == ["funder:reports"] and created.client.tenant_id is None
    funder = j.connect(str(created.client.id), created.client.client_secret)
    me = funder.call(auth_me)
    assert (me.kind.value, me.funder_id, me.tenant_id) == ("funder", created.id, None)

    def refused(operation: Any, **kwargs: Any) -> int:
        try:
            funder.call(operation, **kwargs)
        except ApiError as error:
            return error.status
        raise AssertionError(f"the funder could call {operation.__name__}")

    # Before the grant, the tenant is not even revealed to exist.
    assert refused(reports_portfolio, tenant_id=[tenant.id]) == 404
    grant = j.state["admin"].call(funder_grants_create, body=GrantCreate(funder_id=created.id))
    assert (grant.tenant_id, grant.funder_id, grant.revoked_at) == (tenant.id, created.id, None)

    report = funder.call(reports_portfolio, tenant_id=[tenant.id])
    assert report.tenant_ids == [tenant.id] and report.k == 10
    assert report.start <= loan.disbursement_date <= report.end
    (row,) = [r for r in report.data if (r.dimension.value, r.category) == ("all", "all")]
    assert (row.currency, row.tenant_id) == ("KES", None)
    # One loan is below k: its count, and the amount resting on it, are hidden.
    assert (row.loans_disbursed, row.amount_disbursed) == (None, None)
    assert {"loans_disbursed", "amount_disbursed"} <= set(row.suppressed)
    assert {r.currency for r in report.data} == {"KES"}
    by_tenant = funder.call(reports_portfolio, group_by=[GroupBy.TENANT])
    assert by_tenant.tenant_ids == [tenant.id]
    assert {r.tenant_id for r in by_tenant.data} == {tenant.id}

    # Aggregates only: the tenant's people are out of the funder's reach.
    assert refused(entrepreneurs_list) in (403, 404)
    assert refused(entrepreneurs_get, entrepreneur_id=j.state["entrepreneur"].id) in (403, 404)
    # The grant is withdrawn at once.
    j.state["admin"].call(funder_grants_revoke, grant_id=grant.id)
    assert refused(reports_portfolio, tenant_id=[tenant.id]) == 404


#: The journey, in order. Steps of domains still to land go where the docstring says.
JOURNEY: list[Callable[[Journey], None]] = [
    onboarded,
    entrepreneur_registered,
    mentor_matched,
    loan_quoted,
    application_approved,
    disbursed,
    repayments_posted,
    funder_reads_the_portfolio,
]


def test_partner_journey_through_the_sdk(live_server: str, operator: Caller) -> None:
    journey = Journey(live_server, connect(live_server, operator.client_id, operator.client_secret))
    journey.sessions.append(journey.operator)
    try:
        for step in JOURNEY:
            step(journey)
    finally:
        for session in journey.sessions:
            session.close()
