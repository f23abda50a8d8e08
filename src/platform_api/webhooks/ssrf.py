"""Where a webhook may be sent: no server-side request forgery. Pure: no I/O.

A tenant chooses the URL, so the service must not become a way into the networks it can
reach: every address a URL's host resolves to must be publicly routable. Loopback is
allowed only when `webhook_allow_loopback` is on (development). The check runs at
subscription and again at every connection, against the address actually connected
to, so a name that later resolves elsewhere (DNS rebinding) is still refused.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class UnsafeUrl(ValueError):
    """A webhook URL or address the dispatcher must not call; the message says why."""


@dataclass(frozen=True)
class Target:
    """A URL's parts the connection is made from."""

    scheme: str
    host: str
    port: int


def parse_url(url: str, *, allow_loopback: bool) -> Target:
    """The scheme, host and port of a webhook URL, or UnsafeUrl. HTTPS, except plain HTTP
    when loopback is allowed (development; the address is then checked to be loopback)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeUrl(f"not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme != "https" and not (scheme == "http" and allow_loopback):
        raise UnsafeUrl("must be an https:// URL")
    if not parts.hostname:
        raise UnsafeUrl("must name a host")
    if parts.username is not None or parts.password is not None:
        raise UnsafeUrl("must not carry credentials (user:password@)")
    if parts.fragment:
        raise UnsafeUrl("must not have a #fragment")
    return Target(scheme, parts.hostname, port or (443 if scheme == "https" else 80))


def _effective(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The address routed to: IPv4 behind the IPv6 forms that embed one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.sixtofour is not None:
            return ip.sixtofour
        if ip.teredo is not None:
            return ip.teredo[1]
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def refusal(address: str, *, allow_loopback: bool) -> str | None:
    """Why `address` (an IP literal) may not be called, or None if it may."""
    ip = _effective(address)
    if ip.is_loopback:
        return None if allow_loopback else "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified or ip.is_reserved:
        return "a reserved address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global:
        return "a reserved address"
    return None


def check_addresses(target: Target, addresses: list[str], *, allow_loopback: bool) -> list[str]:
    """`addresses` (what `target.host` resolved to) if every one may be called, else
    UnsafeUrl: one bad answer is enough to refuse, whichever the connection would use.
    Plain HTTP must stay on loopback."""
    if not addresses:
        raise UnsafeUrl(f"{target.host} does not resolve")
    for address in addresses:
        reason = refusal(address, allow_loopback=allow_loopback)
        if reason is not None:
            raise UnsafeUrl(f"{target.host} resolves to {reason} ({address})")
        if target.scheme == "http" and not _effective(address).is_loopback:
            raise UnsafeUrl("must be an https:// URL (plain http only to loopback)")
    return addresses
