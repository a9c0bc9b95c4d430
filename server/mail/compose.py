"""What each e-mail says, in its reader's language (``User.language``), as a plain-text part and an
HTML part built from the same blocks. Every piece of text that reaches the HTML part is escaped,
so an agenda title such as ``<b>무료</b> 버스`` shows as typed and never becomes markup.

Each message has a ``Message-ID`` derived from the row that causes it (``<notification-12@host>``,
``<mail-7@host>``): a retry after a failure sends the same id, so the recipient's server and client
recognise the second copy. Notifications and digests carry the RFC 8058 one-click unsubscribe
headers; account mail (verification, password reset) does not, because it cannot be declined."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr, formatdate
from urllib.parse import urlsplit

from server.i18n import localize, msg
from server.notifications.catalogue import render
from server.mail import unsubscribe
from server.accounts.roles import role_label

PREFERENCES_PATH = "/settings/notifications"


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass
class Outgoing:
    """One composed message, ready for a transport."""

    to: str
    to_name: str
    language: str
    subject: str
    message_id: str
    blocks: list[str | Link] = field(default_factory=list)
    footer: list[str | Link] = field(default_factory=list)
    unsubscribe_url: str | None = None

    @property
    def text(self) -> str:
        def one(block: str | Link) -> str:
            return f"{block.label}: {block.url}" if isinstance(block, Link) else block

        parts = [one(b) for b in self.blocks]
        if self.footer:
            parts += ["--", *(one(b) for b in self.footer)]
        return "\n\n".join(parts) + "\n"

    @property
    def html(self) -> str:
        def one(block: str | Link, style: str = "") -> str:
            if isinstance(block, Link):
                inner = f'<a href="{html.escape(block.url, quote=True)}">{html.escape(block.label)}</a>'
            else:
                inner = html.escape(block).replace("\n", "<br>")
            return f"<p{style}>{inner}</p>"

        small = ' style="color:#666;font-size:12px"'
        body = "\n".join(one(b) for b in self.blocks)
        footer = "\n".join(one(b, small) for b in self.footer)
        return (f'<!doctype html>\n<html lang="{self.language}"><head><meta charset="utf-8">'
                f"<title>{html.escape(self.subject)}</title></head>\n"
                f'<body style="font-family:sans-serif;line-height:1.5">\n{body}\n'
                f"{'<hr>' + chr(10) + footer if footer else ''}\n</body></html>\n")

    def to_message(self, mail_from: str) -> EmailMessage:
        message = EmailMessage()
        message["From"] = mail_from
        message["To"] = formataddr((self.to_name, self.to))
        message["Subject"] = self.subject
        message["Date"] = formatdate(usegmt=True)
        message["Message-ID"] = self.message_id
        message["Auto-Submitted"] = "auto-generated"
        message["Content-Language"] = self.language
        if self.unsubscribe_url:
            message["List-Unsubscribe"] = f"<{self.unsubscribe_url}>"
            message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        message.set_content(self.text)
        message.add_alternative(self.html, subtype="html")
        return message


def _host(base_url: str) -> str:
    return urlsplit(base_url).hostname or "localhost"


def _language(user) -> str:
    return user.language if user.language in ("ko", "en") else "ko"


def _t(text, language: str) -> str:
    return localize(text, language)


def _notice_footer(user, settings, language: str) -> tuple[list[str | Link], str]:
    stop = unsubscribe.url_for(settings.base_url, settings.secret, user.id)
    return [
        _t(msg("You receive this e-mail because e-mail notifications are on in your settings."), language),
        Link(_t(msg("Change how notifications reach you"), language), settings.base_url + PREFERENCES_PATH),
        Link(_t(msg("Stop these e-mails with one click"), language), stop),
    ], stop


def agenda_url(settings, agenda_id: int) -> str:
    return f"{settings.base_url}/agendas/{agenda_id}"


def notification(row, user, settings) -> Outgoing:
    """A notification's e-mail: the same title and text as in the app, with a link to the agenda."""
    language = _language(user)
    rendered = render(row.kind, row.params or {}, language, settings.timezone)
    footer, stop = _notice_footer(user, settings, language)
    blocks: list[str | Link] = [_t(msg("Hello {name},", name=user.display_name), language), rendered.body]
    if row.agenda_id:
        blocks.append(Link(_t(msg("Open the agenda"), language), agenda_url(settings, row.agenda_id)))
    return Outgoing(to=user.email, to_name=user.display_name, language=language, subject=rendered.title,
                    message_id=f"<notification-{row.id}@{_host(settings.base_url)}>", blocks=blocks,
                    footer=footer, unsubscribe_url=stop)


def digest(delivery, user, rows, settings) -> Outgoing:
    """The daily digest: every notification it covers, each with its agenda's link."""
    language = _language(user)
    footer, stop = _notice_footer(user, settings, language)
    blocks: list[str | Link] = [
        _t(msg("Hello {name},", name=user.display_name), language),
        _t(msg("Here is what happened to the agendas you follow since the last summary."), language),
    ]
    for row in rows:
        rendered = render(row.kind, row.params or {}, language, settings.timezone)
        blocks.append(f"■ {rendered.title}\n{rendered.body}")
        if row.agenda_id:
            blocks.append(Link(_t(msg("Open the agenda"), language), agenda_url(settings, row.agenda_id)))
    subject = _t(msg("Your daily summary: 1 update") if len(rows) == 1
                 else msg("Your daily summary: {count} updates", count=len(rows)), language)
    return Outgoing(to=user.email, to_name=user.display_name, language=language, subject=subject,
                    message_id=f"<mail-{delivery.id}@{_host(settings.base_url)}>", blocks=blocks,
                    footer=footer, unsubscribe_url=stop)


def verification(delivery, user, token: str, settings) -> Outgoing:
    language = _language(user)
    blocks: list[str | Link] = [
        _t(msg("Hello {name},", name=user.display_name), language),
        _t(msg("Confirm that {email} is your address, so that you can propose and support agendas. "
               "The link works for 7 days.", email=user.email), language),
        Link(_t(msg("Confirm my address"), language), f"{settings.base_url}/verify-email?token={token}"),
        _t(msg("If you did not create an account, ignore this e-mail."), language),
    ]
    return Outgoing(to=user.email, to_name=user.display_name, language=language,
                    subject=_t(msg("Confirm your e-mail address"), language),
                    message_id=f"<mail-{delivery.id}@{_host(settings.base_url)}>", blocks=blocks)


def password_reset(delivery, user, token: str, settings) -> Outgoing:
    language = _language(user)
    blocks: list[str | Link] = [
        _t(msg("Hello {name},", name=user.display_name), language),
        _t(msg("Someone asked to reset the password of your account. The link works once, for one hour."), language),
        Link(_t(msg("Choose a new password"), language), f"{settings.base_url}/reset-password?token={token}"),
        _t(msg("A new password signs you out everywhere. If you did not ask for it, ignore this e-mail: "
               "your password stays as it is."), language),
    ]
    return Outgoing(to=user.email, to_name=user.display_name, language=language,
                    subject=_t(msg("Reset your password"), language),
                    message_id=f"<mail-{delivery.id}@{_host(settings.base_url)}>", blocks=blocks)


def invitation(delivery, user, token: str, settings) -> Outgoing:
    """An admin made this person city staff (server/accounts/invitation.py): a one-time link to
    choose their password, the same page as a reset."""
    language = _language(user)
    role = role_label((delivery.params or {}).get("role", "staff"))
    blocks: list[str | Link] = [
        _t(msg("Hello {name},", name=user.display_name), language),
        _t(msg("An administrator of civic-agenda invited you to work on it as {role}. Choose your password "
               "to sign in; the link works once, for 7 days.", role=role), language),
        Link(_t(msg("Choose my password"), language), f"{settings.base_url}/reset-password?token={token}"),
        _t(msg("If you did not expect this invitation, ignore this e-mail."), language),
    ]
    return Outgoing(to=user.email, to_name=user.display_name, language=language,
                    subject=_t(msg("You are invited to civic-agenda"), language),
                    message_id=f"<mail-{delivery.id}@{_host(settings.base_url)}>", blocks=blocks)
