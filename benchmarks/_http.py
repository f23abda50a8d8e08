"""The load generators' HTTP/1.1 client side, with nothing but the standard library (a
load-generator process starts fast and small): the connection that reads whole
responses, and where a request's Idempotency-Key goes."""

from __future__ import annotations

import asyncio
import time
from typing import TypeVar, cast

#: Where the Python load generator puts each request's Idempotency-Key.
KEY_MARK = "\x00KEY\x00"

_P = TypeVar("_P", bound=asyncio.Protocol)


class HttpConnection(asyncio.Protocol):
    """A keep-alive HTTP/1.1 client connection that reads whole responses (status line +
    ``Content-Length``; chunked ones are not supported) and hands each to
    :meth:`response`: the load generators' shared reader."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is not a subclass

    def data_received(self, data: bytes) -> None:
        buffer = self.buffer
        buffer += data
        end = buffer.find(b"\r\n\r\n")
        if end < 0:
            return
        head = bytes(buffer[:end]).lower()
        at = head.find(b"\r\ncontent-length:")
        if at >= 0:
            stop = head.find(b"\r\n", at + 2)
            length = int(head[at + 17 : stop if stop >= 0 else len(head)])
        elif b"\r\ntransfer-encoding:" in head:
            self.unsupported("chunked responses are not supported")
            return
        else:
            length = 0
        total = end + 4 + length
        if len(buffer) < total:
            return
        now = time.perf_counter()
        status = int(buffer[9:12])
        # The response itself only when it is an error (a sample to show).
        sample = "" if 200 <= status < 300 else bytes(buffer[:total])[:600].decode("latin-1")
        del buffer[:total]
        self.response(now, status, sample)

    def response(self, now: float, status: int, sample: str) -> None:
        """One whole response arrived at ``now`` (``sample``: its text if not 2xx)."""
        raise NotImplementedError

    def unsupported(self, reason: str) -> None:
        raise NotImplementedError


def identity(protocol: _P) -> _P:
    """A protocol factory returning an existing protocol (``functools.partial`` it)."""
    return protocol
