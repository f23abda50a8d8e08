"""The signature scheme (pure): what a receiver's check accepts and refuses."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from platform_api.webhooks import signing

SECRET = signing.new_secret()
BODY = b'{"id":"e1","type":"repayment.posted","data":{"amount":1500}}'


def _header(*secrets: str, timestamp: int, body: bytes = BODY) -> str:
    return signing.signature_header(secrets, timestamp, body)


def test_a_signed_request_verifies():
    now = int(time.time())
    header = _header(SECRET, timestamp=now)
    assert header.startswith("v1=") and len(header) == 3 + 64
    assert signing.verify(SECRET, body=BODY, timestamp=str(now), signature=header)


def test_the_documented_scheme_hmac_sha256_of_timestamp_dot_body():
    # Computed independently: echo -n '1700000000.{}' | openssl dgst -sha256 -hmac whsec_test
    assert (
        signing.sign("whsec_test", 1_700_000_000, b"{}")
        == "35495024f4ef3f94e5a93e22221544c4b75e9a42300cd965ab81cb85cd994e91"
    )


def test_either_secret_verifies_during_a_rotation_overlap():
    old, new = signing.new_secret(), signing.new_secret()
    now = int(time.time())
    header = _header(new, old, timestamp=now)
    for secret in (old, new):
        assert signing.verify(secret, body=BODY, timestamp=str(now), signature=header)
    assert not signing.verify(signing.new_secret(), body=BODY, timestamp=str(now), signature=header)


def test_wrong_secret_stale_or_future_timestamp_and_garbage_fail():
    now = int(time.time())
    header = _header(SECRET, timestamp=now)
    assert not signing.verify(signing.new_secret(), body=BODY, timestamp=str(now), signature=header)
    old = now - 301
    stale = _header(SECRET, timestamp=old)
    assert not signing.verify(SECRET, body=BODY, timestamp=str(old), signature=stale)
    assert signing.verify(
        SECRET, body=BODY, timestamp=str(old), signature=stale, tolerance_seconds=600
    )
    future = now + 301
    ahead = _header(SECRET, timestamp=future)
    assert not signing.verify(SECRET, body=BODY, timestamp=str(future), signature=ahead)
    for timestamp, signature in [
        ("", header),
        ("abc", header),
        ("²", header),
        (str(now), ""),
        (str(now), "v0=" + header[3:]),
        (str(now), "v1=é" + header[4:]),
        (str(now), header.upper()),
    ]:
        assert not signing.verify(SECRET, body=BODY, timestamp=timestamp, signature=signature)


@settings(max_examples=60)
@given(body=st.binary(min_size=1, max_size=200), data=st.data())
def test_changing_any_byte_of_the_body_or_the_timestamp_fails(body: bytes, data):
    now = int(time.time())
    header = _header(SECRET, timestamp=now, body=body)
    assert signing.verify(SECRET, body=body, timestamp=str(now), signature=header, now=now)
    index = data.draw(st.integers(0, len(body) - 1))
    flip = data.draw(st.integers(1, 255))
    tampered = body[:index] + bytes([body[index] ^ flip]) + body[index + 1 :]
    assert not signing.verify(SECRET, body=tampered, timestamp=str(now), signature=header, now=now)
    shifted = str(now + data.draw(st.integers(1, 100)))
    assert not signing.verify(SECRET, body=body, timestamp=shifted, signature=header, now=now)
