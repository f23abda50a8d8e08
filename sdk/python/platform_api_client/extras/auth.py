"""OAuth 2.0 client credentials (RFC 6749 §4.4) as an `httpx.Auth`: fetches a token from
the token endpoint (form-encoded), reuses it, fetches a new one shortly before it expires,
and once more if the API answers 401 (a revoked token, rotated keys)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass

import httpx

from ..api.auth import auth_issue_token
from ..models.token_request import TokenRequest
from ..models.token_response import TokenResponse
from ..types import UNSET
from .errors import ApiError

#: Marks the token request as safe to retry (issuing a token changes nothing).
RETRY_SAFE = "platform_retry_safe"


@dataclass(frozen=True)
class _Token:
    value: str
    expires_at: float


class ClientCredentials(httpx.Auth):
    """`httpx.Auth` for a client id and secret.

    `base_url` is the API's root (the token endpoint's path comes from the spec);
    `scope` asks for a subset of the client's scopes; a token is replaced once less than
    `refresh_margin` of its lifetime (at least 5 s) is left. `clock` is for tests."""

    requires_response_body = True

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str,
        *,
        scope: str | None = None,
        refresh_margin: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._base_url = httpx.URL(base_url.rstrip("/") + "/")
        self._form = TokenRequest(
            grant_type="client_credentials",
            client_id=client_id,
            client_secret=client_secret,
            scope=scope if scope is not None else UNSET,
        )
        self._margin = refresh_margin
        self._clock = clock
        self._token: _Token | None = None
        self._lock = threading.Lock()
        #: How many tokens this auth has fetched (for logs and tests).
        self.tokens_fetched = 0

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._current()
        if token is None:
            token = self._store((yield self._token_request()))
        request.headers["Authorization"] = f"Bearer {token.value}"
        response = yield request
        if response.status_code == 401:
            with self._lock:
                if self._token is token:
                    self._token = None
            token = self._store((yield self._token_request()))
            request.headers["Authorization"] = f"Bearer {token.value}"
            yield request

    def _current(self) -> _Token | None:
        with self._lock:
            token = self._token
        if token is None or self._clock() >= token.expires_at:
            return None
        return token

    def _token_request(self) -> httpx.Request:
        kwargs = auth_issue_token._get_kwargs(body=self._form)
        return httpx.Request(
            kwargs["method"].upper(),
            self._base_url.join(kwargs["url"].lstrip("/")),
            data=kwargs["data"],
            headers=kwargs["headers"],
            extensions={RETRY_SAFE: True},
        )

    def _store(self, response: httpx.Response) -> _Token:
        if response.status_code != 200:
            raise ApiError.from_response(response)
        issued = TokenResponse.from_dict(response.json())
        lifetime = float(issued.expires_in)
        margin = max(5.0, lifetime * self._margin)
        token = _Token(issued.access_token, self._clock() + max(lifetime - margin, 0.0))
        with self._lock:
            self._token = token
            self.tokens_fetched += 1
        return token
