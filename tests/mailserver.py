"""A real SMTP server for the tests: aiosmtpd in its own thread on a free local port, keeping every
message that arrived. It can be stopped and started again on the same port (the SMTP server is
down), told to refuse a recipient for good (550), or to answer a recipient's next DATA with a temporary 451."""

from __future__ import annotations

import re
import socket
import threading
import time
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as DEFAULT_POLICY

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """The aiosmtpd handler: what arrived, and how to answer."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refused: set[str] = set()
        self.temporary_failures: dict[str, int] = {}  # recipient → how many DATA to answer with 451
        self.seen_data: list[EmailMessage] = []  # every DATA received, accepted or not
        self._lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 - aiosmtpd's name
        if address in self.refused:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        message = message_from_bytes(envelope.content, policy=DEFAULT_POLICY)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        with self._lock:
            self.seen_data.append(message)
            recipient = envelope.rcpt_tos[0] if envelope.rcpt_tos else ""
            if self.temporary_failures.get(recipient, 0) > 0:
                self.temporary_failures[recipient] -= 1
                return "451 4.3.0 Try again later"
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        with self._lock:
            return [m for m in self.messages if m["X-Envelope-To"] == address]


class SmtpServer:
    def __init__(self) -> None:
        self.port = free_port()
        self.inbox = Inbox()
        self._controller: Controller | None = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


def text_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def link_token(message: EmailMessage, path: str) -> str:
    found = re.search(re.escape(path) + r"\?token=([A-Za-z0-9_\-.]+)", text_of(message))
    assert found, text_of(message)
    return found.group(1)


async def wait_for(predicate, timeout: float = 10.0):
    import asyncio

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        await asyncio.sleep(0.05)
    return predicate()
