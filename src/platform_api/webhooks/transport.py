"""The webhook HTTP client: it connects only to addresses `ssrf.py` allows, follows no
redirect, and keeps nothing of a response but its status and first bytes.

It is aiohttp with a resolver that resolves the host, checks every address and hands
only checked ones to the connection: the address connected to is the address checked
(no second lookup a rebinding DNS server could answer differently), while TLS still
verifies the certificate against the host name, and connections are pooled per host
name. DNS answers are not cached: every new connection is checked again. (httpx offers
no hook to choose where a connection goes, and its pool slows down sharply with the
number of connections a dispatcher keeps open.)
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from dataclasses import dataclass

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult

from platform_api.webhooks.ssrf import Target, UnsafeUrl, check_addresses, parse_url

#: How much of a response body is kept (the rest is not even read).
EXCERPT_BYTES = 512
USER_AGENT = "platform-api-webhooks/1"
#: The longest a host name lookup may take (a subscription request waits for it).
RESOLVE_TIMEOUT_SECONDS = 5.0


async def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (empty if it does not, or not in time; a name no
    resolver can encode, such as an over-long label, does not resolve either)."""
    try:
        async with asyncio.timeout(RESOLVE_TIMEOUT_SECONDS):
            answers = await asyncio.get_running_loop().getaddrinfo(
                host, port, type=socket.SOCK_STREAM
            )
    except (OSError, TimeoutError, UnicodeError):
        return []
    return list(dict.fromkeys(str(sockaddr[0]) for *_, sockaddr in answers))


async def checked_addresses(target: Target, *, allow_loopback: bool) -> list[str]:
    """The addresses of `target` if all may be called, else UnsafeUrl."""
    addresses = await resolve(target.host, target.port)
    return check_addresses(target, addresses, allow_loopback=allow_loopback)


class _GuardedResolver(AbstractResolver):
    """Resolves a host to its addresses only if every one passes the SSRF check."""

    def __init__(self, *, allow_loopback: bool) -> None:
        self._allow_loopback = allow_loopback

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        # The scheme was checked before the request; here only addresses matter.
        addresses = await checked_addresses(
            Target("https", host, port), allow_loopback=self._allow_loopback
        )
        return [
            ResolveResult(
                hostname=host,
                host=address,
                port=port,
                family=socket.AF_INET6 if ":" in address else socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
            for address in addresses
        ]

    async def close(self) -> None:
        """Nothing to release."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one attempt came to."""

    ok: bool
    status: int | None
    latency_ms: int
    excerpt: str | None
    error: str | None


def _excerpt(raw: bytes) -> str | None:
    """Printable text of the body's first bytes (PostgreSQL text holds no NUL)."""
    text = raw[:EXCERPT_BYTES].decode("utf-8", "replace").replace("\x00", "")
    return text or None


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class WebhookClient:
    """POSTs signed events. One per dispatcher; close it with `aclose()`."""

    def __init__(self, *, allow_loopback: bool, timeout_seconds: float, max_connections: int):
        self._allow_loopback = allow_loopback
        self._timeout_seconds = timeout_seconds
        self._max_connections = max_connections
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        """The session, made on first use (it belongs to the running event loop)."""
        if self._session is None:
            connector = aiohttp.TCPConnector(
                resolver=_GuardedResolver(allow_loopback=self._allow_loopback),
                use_dns_cache=False,
                limit=self._max_connections,
                keepalive_timeout=30,
            )
            self._session = aiohttp.ClientSession(
                connector=connector,
                timeout=aiohttp.ClientTimeout(
                    total=self._timeout_seconds, connect=min(3.0, self._timeout_seconds)
                ),
                headers={"User-Agent": USER_AGENT},
                trust_env=False,  # no proxy from the environment: it would bypass the check
            )
        return self._session

    async def post(self, url: str, headers: list[tuple[str, str]], body: bytes) -> Outcome:
        """One attempt, within the timeout from first lookup to last byte kept."""
        started = time.perf_counter()
        status: int | None = None
        excerpt: str | None = None
        error: str | None = None
        try:
            target = parse_url(url, allow_loopback=self._allow_loopback)
            if _is_ip_literal(target.host):  # (the resolver is not asked about those)
                check_addresses(target, [target.host], allow_loopback=self._allow_loopback)
            async with self._open().post(
                url,
                data=body,
                headers=[("Content-Type", "application/json"), *headers],
                allow_redirects=False,
            ) as response:
                status = response.status
                raw = b""
                while len(raw) < EXCERPT_BYTES:
                    chunk = await response.content.read(EXCERPT_BYTES - len(raw))
                    if not chunk:
                        break
                    raw += chunk
                excerpt = _excerpt(raw)
        except UnsafeUrl as exc:
            error = f"refused: {exc}"
        except TimeoutError:
            error = f"timed out after {self._timeout_seconds:g} s"
        except Exception as exc:  # a receiver's failure must never stop the dispatcher
            cause = exc.__cause__ if isinstance(exc.__cause__, UnsafeUrl) else None
            error = f"refused: {cause}" if cause else f"{type(exc).__name__}: {exc}"[:500]
        latency_ms = round((time.perf_counter() - started) * 1000)
        ok = error is None and status is not None and 200 <= status < 300
        if error is None and not ok:
            error = f"HTTP {status}"
        return Outcome(ok, status, latency_ms, excerpt, error)

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
