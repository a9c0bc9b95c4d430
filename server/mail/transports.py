"""Where composed mail goes: a real SMTP server (``AGENDA_SMTP_URL``), or, when none is configured
(the embedded default), ``.eml`` files under ``<data>/mail/`` that an admin can read.

A transport sends a batch and reports, per message, whether it was accepted, refused for good (the
server answered 5xx for the recipient or the content: retrying cannot help) or failed for now (the
server is down, a 4xx, a timeout: the worker retries with backoff)."""

from __future__ import annotations

import asyncio
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from email.policy import SMTP as SMTP_POLICY
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import unquote, urlsplit

import aiosmtplib

from server.mail.compose import Outgoing

SMTP_TIMEOUT_SECONDS = 20.0
CONNECTIONS = 4


@dataclass(frozen=True)
class Result:
    ok: bool
    permanent: bool = False
    error: str | None = None


SENT = Result(ok=True)


def _transient(error: str) -> Result:
    return Result(ok=False, permanent=False, error=error[:500])


def _permanent(error: str) -> Result:
    return Result(ok=False, permanent=True, error=error[:500])


class SmtpTransport:
    """``smtp://user:pass@host:587`` upgrades with STARTTLS when the server offers it;
    ``smtps://user:pass@host:465`` speaks TLS from the first byte. A batch is shared among up to
    ``CONNECTIONS`` connections sending side by side: one message costs several round trips, and
    when the server process is busy each round trip waits its turn on the event loop."""

    def __init__(self, url: str, mail_from: str) -> None:
        parts = urlsplit(url)
        self.implicit_tls = parts.scheme == "smtps"
        self.hostname = parts.hostname or "localhost"
        self.port = parts.port or (465 if self.implicit_tls else 587)
        self.username = unquote(parts.username) if parts.username else None
        self.password = unquote(parts.password) if parts.password else None
        self.mail_from = mail_from
        self.sender = parseaddr(mail_from)[1]

    def describe(self) -> str:
        return f"{'smtps' if self.implicit_tls else 'smtp'}://{self.hostname}:{self.port}"

    async def send(self, batch: list[Outgoing]) -> list[Result]:
        if not batch:
            return []
        lanes = min(CONNECTIONS, len(batch))
        chunks = [batch[i::lanes] for i in range(lanes)]
        answers = await asyncio.gather(*(self._send_on_one_connection(chunk) for chunk in chunks))
        results: list[Result] = [SENT] * len(batch)
        for lane, answer in enumerate(answers):
            for j, result in enumerate(answer):
                results[lane + j * lanes] = result
        return results

    async def _send_on_one_connection(self, batch: list[Outgoing]) -> list[Result]:
        client = aiosmtplib.SMTP(hostname=self.hostname, port=self.port, username=self.username,
                                 password=self.password, use_tls=self.implicit_tls,
                                 start_tls=False if self.implicit_tls else None, timeout=SMTP_TIMEOUT_SECONDS)
        try:
            await client.connect()
        except (aiosmtplib.SMTPException, OSError, asyncio.TimeoutError) as exc:
            return [_transient(f"{self.describe()}: {type(exc).__name__}: {exc}")] * len(batch)
        results: list[Result] = []
        try:
            for item in batch:
                if results and not client.is_connected:
                    results.append(_transient("the SMTP server closed the connection"))
                    continue
                results.append(await self._one(client, item))
        finally:
            try:
                await client.quit()
            except (aiosmtplib.SMTPException, OSError, asyncio.TimeoutError):
                client.close()
        return results

    async def _one(self, client: aiosmtplib.SMTP, item: Outgoing) -> Result:
        try:
            await client.send_message(item.to_message(self.mail_from), sender=self.sender, recipients=[item.to])
            return SENT
        except aiosmtplib.SMTPRecipientsRefused as exc:
            refused = exc.recipients[0] if exc.recipients else None
            code = refused.code if refused is not None else 0
            text = f"{code} {refused.message if refused is not None else exc}"
            return _permanent(text) if 500 <= code < 600 else _transient(text)
        except aiosmtplib.SMTPDataError as exc:
            text = f"{exc.code} {exc.message}"
            return _permanent(text) if 500 <= exc.code < 600 else _transient(text)
        except (aiosmtplib.SMTPException, OSError, asyncio.TimeoutError) as exc:
            # The sender refused, authentication, a dropped connection: a configuration or network
            # problem that an operator can fix, so the mail waits for it.
            return _transient(f"{type(exc).__name__}: {exc}")


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class FileTransport:
    """Writes each message to ``<data>/mail/<UTC time>-<Message-ID>.eml`` (written aside, then renamed:
    a reader never sees half a file). Sending the same Message-ID again replaces nothing: each
    attempt is its own file, as it would be a second copy in a mailbox."""

    def __init__(self, directory: Path, mail_from: str) -> None:
        self.directory = directory
        self.mail_from = mail_from

    def describe(self) -> str:
        return f"files in {self.directory}"

    async def send(self, batch: list[Outgoing]) -> list[Result]:
        return await asyncio.to_thread(self._write_all, batch)

    def _write_all(self, batch: list[Outgoing]) -> list[Result]:
        results = []
        for item in batch:
            try:
                self._write(item)
                results.append(SENT)
            except OSError as exc:
                results.append(_transient(f"{type(exc).__name__}: {exc}"))
        return results

    def _write(self, item: Outgoing) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        name = f"{stamp}-{_UNSAFE.sub('_', item.message_id.strip('<>'))}.eml"
        data = item.to_message(self.mail_from).as_bytes(policy=SMTP_POLICY)
        final = self.directory / name
        partial = self.directory / f".{name}.partial"
        with open(partial, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, final)
        return final


def transport_for(settings) -> SmtpTransport | FileTransport:
    if settings.smtp_url:
        return SmtpTransport(settings.smtp_url, settings.mail_from)
    return FileTransport(settings.mail_dir, settings.mail_from)
