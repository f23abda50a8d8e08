"""Which URLs and addresses a webhook may go to (pure checks, and real resolution)."""

from __future__ import annotations

import pytest

from platform_api.webhooks.ssrf import Target, UnsafeUrl, check_addresses, parse_url, refusal
from platform_api.webhooks.transport import checked_addresses

REFUSED = {
    "127.0.0.1": "loopback",
    "127.8.9.10": "loopback",
    "::1": "loopback",
    "::ffff:127.0.0.1": "loopback",
    "10.1.2.3": "private",
    "172.16.0.1": "private",
    "192.168.1.1": "private",
    "fc00::1": "private",
    "::ffff:10.0.0.1": "private",
    "2002:0a00:0001::1": "private",  # 6to4 around 10.0.0.1
    "64:ff9b::c0a8:0101": "private",  # NAT64 around 192.168.1.1
    "169.254.169.254": "link-local",  # cloud metadata
    "fe80::1%eth0": "link-local",
    "224.0.0.1": "multicast",
    "ff02::1": "multicast",
    "0.0.0.0": "reserved",
    "::": "reserved",
    "100.64.0.1": "reserved",  # carrier-grade NAT
    "240.0.0.1": "reserved",
    "255.255.255.255": "reserved",
    "192.0.2.1": "private",  # documentation (not globally reachable)
}


@pytest.mark.parametrize(("address", "kind"), REFUSED.items())
def test_non_public_addresses_are_refused(address: str, kind: str):
    reason = refusal(address, allow_loopback=False)
    assert reason is not None and kind in reason


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address: str):
    assert refusal(address, allow_loopback=False) is None


def test_loopback_only_in_development():
    assert refusal("127.0.0.1", allow_loopback=True) is None
    assert refusal("::1", allow_loopback=True) is None
    assert refusal("10.0.0.1", allow_loopback=True) is not None
    assert refusal("169.254.169.254", allow_loopback=True) is not None


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://example.org/hook", "https"),
        ("ftp://example.org/hook", "https"),
        ("https:///hook", "host"),
        ("https://user:pw@example.org/hook", "credentials"),
        ("https://example.org/hook#frag", "fragment"),
        ("https://example.org:99999/hook", "valid"),
        ("https://[::1/hook", "valid"),
    ],
)
def test_malformed_or_plain_http_urls_are_refused(url: str, why: str):
    with pytest.raises(UnsafeUrl, match=why):
        parse_url(url, allow_loopback=False)


def test_url_parts_and_default_ports():
    assert parse_url("https://Example.org/x", allow_loopback=False) == Target(
        "https", "example.org", 443
    )
    assert parse_url("http://localhost:8080/x", allow_loopback=True) == Target(
        "http", "localhost", 8080
    )


def test_plain_http_only_to_loopback_even_in_development():
    target = Target("http", "example.org", 80)
    with pytest.raises(UnsafeUrl, match="https"):
        check_addresses(target, ["93.184.215.14"], allow_loopback=True)
    assert check_addresses(target, ["127.0.0.1"], allow_loopback=True) == ["127.0.0.1"]


def test_one_bad_answer_refuses_the_host():
    target = Target("https", "rebind.example", 443)
    with pytest.raises(UnsafeUrl, match="private"):
        check_addresses(target, ["93.184.215.14", "10.0.0.1"], allow_loopback=False)
    with pytest.raises(UnsafeUrl, match="does not resolve"):
        check_addresses(target, [], allow_loopback=False)


async def test_names_are_resolved_before_the_check():
    """`localhost` and the decimal spelling of 127.0.0.1 both resolve to loopback."""
    for host in ("localhost", "2130706433", "127.1"):
        with pytest.raises(UnsafeUrl, match="loopback"):
            await checked_addresses(Target("https", host, 443), allow_loopback=False)
    assert "127.0.0.1" in await checked_addresses(
        Target("https", "localhost", 443), allow_loopback=True
    )
    with pytest.raises(UnsafeUrl, match="does not resolve"):
        await checked_addresses(Target("https", "no-such-host.invalid", 443), allow_loopback=False)
