"""A real HTTP receiver for webhook tests: an asyncio HTTP/1.1 server on a free local
port, with keep-alive, that records every request and answers what the test chooses."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    at: float = field(default_factory=time.monotonic)

    @property
    def event_id(self) -> str:
        return self.headers["platform-event-id"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Receiver:
    """`answer(request) -> (status, body)` decides each response (200 "ok" by default).
    `stop()` closes the port and every open connection (the receiver is down);
    `start()` opens the same port again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.requests: list[Received] = []
        self.answer: Callable[[Received], tuple[int, bytes]] = lambda _: (200, b"ok")
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    def event_ids(self) -> list[str]:
        return [request.event_id for request in self.requests]

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)

    async def stop(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in list(self._writers):
            writer.close()
        await self._server.wait_closed()
        self._server = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")[1:]
                headers = {
                    name.strip().lower(): value.strip()
                    for name, _, value in (line.partition(":") for line in lines if line)
                }
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                request = Received(headers, body)
                self.requests.append(request)
                status, payload = self.answer(request)
                writer.write(
                    f"HTTP/1.1 {status} X\r\nContent-Type: text/plain\r\n"
                    f"Content-Length: {len(payload)}\r\n\r\n".encode()
                    + payload
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()
