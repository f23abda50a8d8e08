"""`connect()`: a ready client with token handling and safe retries, and the helpers
bound to it.

    platform = connect("https://api.example.org", client_id, client_secret)
    loan = platform.call(loans_get, loan_id=loan_id)
    for loan in platform.paginate(loans_list, status=LoanStatus.ACTIVE): ...
    loans_get.sync(client=platform.client, loan_id=loan_id)   # generated API, same client
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from types import ModuleType, TracebackType
from typing import Any

import httpx

from ..client import AuthenticatedClient
from .auth import ClientCredentials
from .calls import acall, call
from .pagination import apaginate, paginate
from .retry import AsyncRetryTransport, RetryPolicy, RetryTransport


class Session:
    """An `AuthenticatedClient` (`.client`) whose sync and async HTTP clients share the
    token (`.auth`) and the retry policy (`.transport`, `.async_transport`)."""

    def __init__(
        self,
        client: AuthenticatedClient,
        auth: ClientCredentials,
        transport: RetryTransport,
        async_transport: AsyncRetryTransport,
    ) -> None:
        self.client = client
        self.auth = auth
        self.transport = transport
        self.async_transport = async_transport

    def call(self, operation: ModuleType, /, **kwargs: Any) -> Any:
        return call(operation, client=self.client, **kwargs)

    async def acall(self, operation: ModuleType, /, **kwargs: Any) -> Any:
        return await acall(operation, client=self.client, **kwargs)

    def paginate(self, operation: ModuleType, /, **kwargs: Any) -> Iterator[Any]:
        return paginate(operation, client=self.client, **kwargs)

    def apaginate(self, operation: ModuleType, /, **kwargs: Any) -> AsyncIterator[Any]:
        return apaginate(operation, client=self.client, **kwargs)

    def close(self) -> None:
        self.client.get_httpx_client().close()

    async def aclose(self) -> None:
        await self.client.get_async_httpx_client().aclose()

    def __enter__(self) -> Session:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def connect(
    base_url: str,
    client_id: str,
    client_secret: str,
    *,
    scope: str | None = None,
    retry: RetryPolicy | None = None,
    timeout: float = 30.0,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
) -> Session:
    """A `Session` for a client's credentials. `retry=RetryPolicy(attempts=1)` turns
    retries off; `transport`/`async_transport` replace the network (tests, proxies)."""
    auth = ClientCredentials(base_url, client_id, client_secret, scope=scope)
    policy = retry or RetryPolicy()
    sync_transport = RetryTransport(transport, policy)
    asyncio_transport = AsyncRetryTransport(async_transport, policy)
    client = AuthenticatedClient(base_url=base_url, token="", raise_on_unexpected_status=True)
    options: dict[str, Any] = {"base_url": base_url, "auth": auth, "timeout": timeout}
    client.set_httpx_client(httpx.Client(transport=sync_transport, **options))
    client.set_async_httpx_client(httpx.AsyncClient(transport=asyncio_transport, **options))
    return Session(client, auth, sync_transport, asyncio_transport)
