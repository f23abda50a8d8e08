"""The SDK's hand-written layer against a scripted server (httpx.MockTransport): what
it sends, when it retries, and what it refuses."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Callable
from types import SimpleNamespace
from urllib.parse import parse_qs

import httpx
import pytest

from platform_api_client.api.entrepreneurs import entrepreneurs_get
from platform_api_client.api.loans import loans_create_repayment, loans_get
from platform_api_client.extras import (
    ApiError,
    ClientCredentials,
    RetryPolicy,
    WebhookVerificationError,
    connect,
    paginate,
    verify_signature,
)
from platform_api_client.models import RepaymentCreate

BASE = "http://api.test/base"
NO_WAIT = RetryPolicy(attempts=3, backoff=0.0, max_backoff=0.0, jitter=0.0)
LOAN = uuid.uuid4()


def _token(n: int, expires_in: int = 3600) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "access_token": f"t{n}",
            "token_type": "Bearer",
            "expires_in": expires_in,
            "scope": "loans:read",
        },
    )


def _problem(status: int, slug: str) -> httpx.Response:
    body = {"type": f"/problems/{slug}", "title": slug, "status": status, "request_id": "r1"}
    return httpx.Response(status, json=body, headers={"content-type": "application/problem+json"})


class Server:
    """Answers the token endpoint itself and everything else from `answers`, in order."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.tokens: list[dict[str, list[str]]] = []
        #: What each request carried when it was sent (auth re-sends the same object).
        self.calls: list[SimpleNamespace] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/base/v1/oauth/token":
            assert request.headers["content-type"] == "application/x-www-form-urlencoded"
            self.tokens.append(parse_qs(request.content.decode()))
            return _token(len(self.tokens))
        self.calls.append(SimpleNamespace(headers=request.headers.copy(), url=request.url))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def _session(server: Server, policy: RetryPolicy = NO_WAIT):
    return connect(BASE, "cid", "secret", retry=policy, transport=httpx.MockTransport(server))


def _repayment_json() -> dict[str, object]:
    return {
        "id": str(uuid.uuid4()),
        "loan_id": str(LOAN),
        "sequence": 1,
        "amount": 100,
        "currency": "KES",
        "paid_on": "2025-01-01",
        "channel": "cash",
        "external_reference": None,
        "status": "posted",
        "principal": 100,
        "interest": 0,
        "fees": 0,
        "overpayment": 0,
        "reversed_at": None,
        "reversed_by": None,
        "reversal_reason": None,
        "created_at": "2025-01-01T00:00:00Z",
        "created_by": None,
    }


def test_token_is_fetched_form_encoded_once_and_sent_as_bearer() -> None:
    server = Server(_problem(404, "not-found"), _problem(404, "not-found"))
    session = _session(server)
    for _ in range(2):
        with pytest.raises(ApiError):
            session.call(entrepreneurs_get, entrepreneur_id=uuid.uuid4())
    assert server.tokens == [
        {"grant_type": ["client_credentials"], "client_id": ["cid"], "client_secret": ["secret"]}
    ]
    assert [r.headers["Authorization"] for r in server.calls] == ["Bearer t1", "Bearer t1"]


def test_token_is_replaced_before_it_expires() -> None:
    now = [1000.0]
    auth = ClientCredentials(BASE, "cid", "secret", clock=lambda: now[0])
    server = Server(httpx.Response(204), httpx.Response(204), httpx.Response(204))
    http = httpx.Client(auth=auth, transport=httpx.MockTransport(server))
    http.get(f"{BASE}/v1/me")
    now[0] += 3600 - 400  # 400 s left: more than the margin (10% = 360 s)
    http.get(f"{BASE}/v1/me")
    now[0] += 100  # 300 s left: inside the margin
    http.get(f"{BASE}/v1/me")
    assert [r.headers["Authorization"] for r in server.calls] == [
        "Bearer t1",
        "Bearer t1",
        "Bearer t2",
    ]


def test_a_401_fetches_a_new_token_once_then_gives_up() -> None:
    server = Server(_problem(401, "unauthorized"), httpx.Response(204))
    http = httpx.Client(
        auth=ClientCredentials(BASE, "c", "s"), transport=httpx.MockTransport(server)
    )
    assert http.get(f"{BASE}/v1/me").status_code == 204
    assert [r.headers["Authorization"] for r in server.calls] == ["Bearer t1", "Bearer t2"]

    server = Server(_problem(401, "unauthorized"), _problem(401, "unauthorized"))
    http = httpx.Client(
        auth=ClientCredentials(BASE, "c", "s"), transport=httpx.MockTransport(server)
    )
    assert http.get(f"{BASE}/v1/me").status_code == 401
    assert len(server.calls) == 2


def test_bad_credentials_raise_the_problem() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return _problem(401, "invalid-client")

    session = connect(BASE, "c", "wrong", transport=httpx.MockTransport(refuse))
    with pytest.raises(ApiError) as raised:
        session.call(loans_get, loan_id=LOAN)
    assert (raised.value.status, raised.value.type) == (401, "/problems/invalid-client")


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        httpx.ReadError("reset"),
        _problem(503, "service-unavailable"),
        _problem(429, "rate-limited"),
        _problem(409, "idempotency-key-in-use"),
    ],
    ids=["connect", "timeout", "reset", "503", "429", "409-key-in-use"],
)
def test_money_moves_are_retried_with_the_same_key(failure: httpx.Response | Exception) -> None:
    server = Server(failure, httpx.Response(201, json=_repayment_json()))
    session = _session(server)
    repayment = session.call(loans_create_repayment, loan_id=LOAN, body=RepaymentCreate(100))
    assert repayment.amount == 100
    keys = [r.headers["Idempotency-Key"] for r in server.calls]
    assert len(keys) == 2 and keys[0] == keys[1]
    assert uuid.UUID(keys[0])
    assert session.transport.retries == 1


def test_other_conflicts_and_errors_are_not_retried() -> None:
    server = Server(_problem(409, "loan-closed"))
    session = _session(server)
    with pytest.raises(ApiError) as raised:
        session.call(loans_create_repayment, loan_id=LOAN, body=RepaymentCreate(100))
    assert raised.value.type == "/problems/loan-closed" and raised.value.request_id == "r1"
    assert len(server.calls) == 1


def test_a_post_without_a_key_is_never_resent() -> None:
    server = Server(httpx.ConnectError("refused"))
    http = httpx.Client(
        auth=ClientCredentials(BASE, "c", "s"),
        transport=_session(server).transport,
    )
    with pytest.raises(httpx.ConnectError):
        http.post(f"{BASE}/v1/loans/x/anything", json={})
    assert len(server.calls) == 1


def test_retries_stop_after_the_policy_attempts() -> None:
    server = Server(*[_problem(503, "service-unavailable")] * 3)
    with pytest.raises(ApiError) as raised:
        _session(server).call(loans_get, loan_id=LOAN)
    assert raised.value.status == 503 and len(server.calls) == 3


def test_backoff_grows_and_honours_retry_after() -> None:
    policy = RetryPolicy(backoff=0.1, multiplier=2, max_backoff=1.0, jitter=0)
    assert [policy.delay(n) for n in (1, 2, 3, 5)] == [0.1, 0.2, 0.4, 1.0]
    assert policy.delay(1, httpx.Response(503, headers={"Retry-After": "2"})) == 1.0
    assert RetryPolicy(max_backoff=5, jitter=0).delay(
        1, httpx.Response(503, headers={"Retry-After": "2"})
    ) == pytest.approx(2.0)


def test_paginate_refuses_an_operation_that_is_not_a_list() -> None:
    with pytest.raises(TypeError, match="not a paginated list"):
        next(paginate(loans_get, client=None, loan_id=LOAN))


# --- webhook signatures --------------------------------------------------------------

SECRET = "whsec_test-secret"
BODY = json.dumps({"id": "evt_1", "type": "repayment.posted"}).encode()


def _signed(body: bytes, secret: str = SECRET, at: int | None = None) -> dict[str, str]:
    """Signed as the scheme says, computed here independently of the SDK."""
    timestamp = str(int(time.time()) if at is None else at)
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return {"Platform-Timestamp": timestamp, "Platform-Signature": f"v1={digest.hexdigest()}"}


def test_a_genuine_delivery_verifies_and_returns_the_event() -> None:
    assert verify_signature(BODY, _signed(BODY), SECRET) == json.loads(BODY)
    lower = {k.lower(): v for k, v in _signed(BODY).items()}
    assert verify_signature(BODY.decode(), lower, SECRET)["id"] == "evt_1"


def test_any_of_several_signatures_may_match_during_rotation() -> None:
    old, new = _signed(BODY, "whsec_old"), _signed(BODY, SECRET)
    headers = {
        **new,
        "Platform-Signature": f"{old['Platform-Signature']}, {new['Platform-Signature']}",
    }
    assert verify_signature(BODY, headers, SECRET)["type"] == "repayment.posted"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda h: (BODY.replace(b"evt_1", b"evt_2"), h),
        lambda h: (BODY, {**h, "Platform-Signature": h["Platform-Signature"].replace("v1", "v0")}),
        lambda h: (BODY, {**h, "Platform-Timestamp": str(int(h["Platform-Timestamp"]) + 1)}),
        lambda h: (BODY, {k: v for k, v in h.items() if k != "Platform-Signature"}),
        lambda h: (BODY, {**h, "Platform-Timestamp": "soon"}),
    ],
    ids=["body", "scheme", "timestamp", "no-signature", "bad-timestamp"],
)
def test_tampered_deliveries_are_refused(tamper: Callable[..., tuple[bytes, dict]]) -> None:
    body, headers = tamper(_signed(BODY))
    with pytest.raises(WebhookVerificationError):
        verify_signature(body, headers, SECRET)


def test_wrong_secret_and_stale_timestamps_are_refused() -> None:
    with pytest.raises(WebhookVerificationError):
        verify_signature(BODY, _signed(BODY), "whsec_other")
    stale = _signed(BODY, at=int(time.time()) - 301)
    with pytest.raises(WebhookVerificationError, match="tolerance"):
        verify_signature(BODY, stale, SECRET, tolerance=300)
    assert verify_signature(BODY, stale, SECRET, tolerance=600)


def test_the_sdk_verifies_what_the_server_signs() -> None:
    """Once the webhooks domain is in this tree, its signer and the SDK must agree."""
    signing = pytest.importorskip("platform_api.webhooks.signing")
    at = int(time.time())
    headers = {
        signing.TIMESTAMP_HEADER: str(at),
        signing.SIGNATURE_HEADER: signing.signature_header(["whsec_old", SECRET], at, BODY),
    }
    assert verify_signature(BODY, headers, SECRET)["id"] == "evt_1"
    with pytest.raises(WebhookVerificationError):
        verify_signature(BODY, headers, "whsec_unknown")
