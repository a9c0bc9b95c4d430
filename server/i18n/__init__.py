"""Messages in the reader's language, from one catalogue.

A message is written once, in English, where the rule lives (``DomainError(C.TOO_SHORT,
msg("A {label} needs at least {lo} characters.", label=msg("title"), lo=5))``); the English template
is the key, gettext-style, and ``server/i18n/ko.py`` holds its Korean. A ``Message`` *is* the English
text (a ``str``), so logs, the CLI and tests that read ``.message`` keep working; the API edge
renders it for the caller with ``localize`` (``schema/errors.py``).

Korean particles follow the word before them (제목은, 설명은 / 이메일이, 비밀번호가): a Korean template
writes ``{label:은}`` and the particle is chosen by whether the label's last syllable has a final
consonant. Parameters that are themselves messages (a field label) are rendered in the same language.
A test (``tests/test_i18n.py``) reads every message written in ``server/`` and ``schema/`` and fails
when one has no Korean.
"""

from __future__ import annotations

import string
from contextvars import ContextVar
from typing import Any

from server.i18n.ko import KO


LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "ko"

# The language of the request being served: set once per request at the edge (Accept-Language, or
# the signed-in user's setting); read where a message is rendered for that caller.
current_language: ContextVar[str] = ContextVar("current_language", default=DEFAULT_LANGUAGE)


class Message(str):
    """English text that remembers its template and parameters, so it can be rendered again in
    another language."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, params: dict[str, Any] | None = None) -> "Message":
        params = params or {}
        self = super().__new__(cls, _FORMATTER.format(template, **params) if params else template)
        self.template = template
        self.params = params
        return self


def msg(template: str, **params: Any) -> Message:
    return Message(template, params)


def label(text: str) -> Message:
    """A word written by the code (a field's name, a status) that is shown inside a message: it is
    rendered in the reader's language like the message around it."""
    return text if isinstance(text, Message) else Message(text)


def negotiate(accept_language: str | None) -> str:
    """The first of our languages the client asks for (``Accept-Language: en-US,en;q=0.9`` → en);
    Korean when it names none of them. q-values order the list; a q of 0 refuses."""
    if not accept_language:
        return DEFAULT_LANGUAGE
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")[:20]):
        tag, _, rest = part.strip().partition(";")
        q = 1.0
        if rest.strip().startswith("q="):
            try:
                q = float(rest.strip()[2:])
            except ValueError:
                q = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and q > 0:
            ranked.append((-q, position, primary))
    return sorted(ranked)[0][2] if ranked else DEFAULT_LANGUAGE


def localize(text: Any, language: str | None = None) -> Any:
    """``text`` in ``language`` (default: the current request's). Plain strings are looked up as
    templates without parameters; anything that is not a string is returned as it is. A template
    the catalogue lacks falls back to English rather than failing a request."""
    if not isinstance(text, str):
        return text
    language = language or current_language.get()
    template = text.template if isinstance(text, Message) else str(text)
    params = ({k: localize(v, language) if isinstance(v, Message) else v for k, v in text.params.items()}
              if isinstance(text, Message) else {})
    if language != "en":
        translated = KO.get(template)
        if translated is not None:
            template = translated
        elif not isinstance(text, Message):
            return str(text)
    return _FORMATTER.format(template, **params) if params else template


# ---------------------------------------------------------------- Korean particles

_PARTICLES = {  # with a final consonant, without
    "은": ("은", "는"), "는": ("은", "는"),
    "이": ("이", "가"), "가": ("이", "가"),
    "을": ("을", "를"), "를": ("을", "를"),
    "과": ("과", "와"), "와": ("과", "와"),
    "으로": ("으로", "로"), "로": ("으로", "로"),
}


def _has_final_consonant(word: str) -> bool:
    for ch in reversed(word.strip()):
        if "가" <= ch <= "힣":
            return (ord(ch) - 0xAC00) % 28 != 0
        if ch.isdigit():
            return ch in "013678"  # 영, 일, 삼, 육, 칠, 팔 end in a consonant
        if ch.isalpha():
            return False  # a Latin word: read as written, most end in a vowel sound
    return False


def _particle_for(word: str, spec: str) -> str:
    consonant, vowel = _PARTICLES[spec]
    if spec in ("으로", "로"):
        last = word.strip()[-1:] if word.strip() else ""
        # ㄹ-final words take 로 (서울로), like words ending in a vowel.
        if last and "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 == 8:
            return vowel
    return consonant if _has_final_consonant(word) else vowel


class _Formatter(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec in _PARTICLES:
            text = str(value)
            return text + _particle_for(text, format_spec)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()
