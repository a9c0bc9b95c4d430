"""Plain HTTP routes of the mail domain (registered by the composition root):

- ``GET /unsubscribe?token=…`` — the link in a mail's footer: a small page (in the reader's
  language) with one button. It changes nothing: mail scanners and link previews follow links.
- ``POST /unsubscribe?token=…`` — RFC 8058 one-click (the mail client posts
  ``List-Unsubscribe=One-Click``) or the page's button: e-mail notifications OFF, answers 200.
- ``GET /admin/mail/raw/{name}`` — one ``.eml`` file written by the embedded default, for admins.
"""

from __future__ import annotations

import html

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from server.accounts.request_auth import AuthFailure, authenticate
from server.agendas.policy import viewer_for
from server.errors import DomainError
from server.i18n import current_language, localize, msg
from server.mail import mailbox, unsubscribe
from server.mail.compose import PREFERENCES_PATH
from server.mail.errors import MailErrorCode


def _page(language: str, title, paragraphs: list[str], *, form: str = "", status: int = 200) -> HTMLResponse:
    title_text = localize(title, language)
    body = "".join(f"<p>{html.escape(localize(p, language))}</p>" for p in paragraphs)
    return HTMLResponse(
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{html.escape(title_text)}</title>'
        f'<style>body{{font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.6}}'
        f'button{{font-size:1rem;padding:.6rem 1.2rem}}</style></head>'
        f"<body><h1>{html.escape(title_text)}</h1>{body}{form}</body></html>", status_code=status)


def _invalid(language: str) -> HTMLResponse:
    return _page(language, msg("This link is not valid"),
                 [msg("The unsubscribe link is incomplete or was changed. Use the link in the latest e-mail, "
                      "or change your notification settings after logging in.")], status=400)


async def unsubscribe_page(request: Request) -> Response:
    settings = request.app.state.settings
    token = request.query_params.get("token")
    user = await unsubscribe.account_for(settings.secret, token)
    if user is None:
        return _invalid(current_language.get())
    language = user.language if user.language in ("ko", "en") else "ko"
    if user.email_preference == "OFF":
        return _page(language, msg("You are unsubscribed"),
                     [msg("You get no e-mail notifications. Notifications stay in the app.")])
    action = html.escape(f"/unsubscribe?token={token}", quote=True)
    form = (f'<form method="post" action="{action}"><input type="hidden" name="List-Unsubscribe" value="One-Click">'
            f"<button type=\"submit\">{html.escape(localize(msg('Stop e-mail notifications'), language))}</button></form>")
    return _page(language, msg("Stop e-mail notifications?"),
                 [msg("{email} will get no more e-mail about agendas. Notifications stay in the app, and you can "
                      "turn e-mail on again in your notification settings.", email=user.email)], form=form)


async def unsubscribe_now(request: Request) -> Response:
    settings = request.app.state.settings
    await request.body()  # ``List-Unsubscribe=One-Click``; the signed token is what authorises
    user = await unsubscribe.unsubscribe(settings.secret, request.query_params.get("token"))
    if user is None:
        return _invalid(current_language.get())
    language = user.language if user.language in ("ko", "en") else "ko"
    return _page(language, msg("You are unsubscribed"),
                 [msg("You get no e-mail notifications. Notifications stay in the app."),
                  msg("To receive them again, change your notification settings: {url}",
                      url=settings.base_url + PREFERENCES_PATH)])


async def stored_mail_raw(request: Request) -> Response:
    settings = request.app.state.settings
    try:
        caller = await authenticate(request, settings.secret, require_csrf=False)
    except AuthFailure as exc:
        return JSONResponse({"error": exc.message}, status_code=exc.status)
    try:
        data = await mailbox.raw(await viewer_for(caller.user), settings, request.path_params["name"])
    except DomainError as exc:
        status = 404 if exc.code == MailErrorCode.NOT_FOUND else (401 if caller.user is None else 403)
        return JSONResponse({"error": {"code": exc.code.value, "message": localize(exc.message)}}, status_code=status)
    return Response(data, media_type="message/rfc822",
                    headers={"Content-Disposition": f'attachment; filename="{request.path_params["name"]}"'})
