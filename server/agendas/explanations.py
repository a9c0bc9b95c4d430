"""A routing explanation kept so that it can be read in any language later: the decision's
:class:`~server.i18n.Message` (template and parameters, nested messages included) as JSON beside the
English text, rendered for each reader by the API.

The rule writes departments by code (``Routed to HOUSING``: exact in logs, the CLI and routing-eval);
a reader gets their names in the reader's language (주택정책실에 배정했습니다 / Routed to the Housing
Policy Office). Only the parameters that hold department codes are rewritten, never the
proposer's title or a staff member's note, and a code the caller does not know stays as it is."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from server.i18n import Message, current_language, localize


def to_data(message: Any) -> Any:
    """JSON-ready form: ``{"t": template, "p": {name: value}}`` for a message, the value otherwise."""
    if isinstance(message, Message):
        return {"t": message.template, "p": {k: to_data(v) for k, v in message.params.items()}}
    return message if isinstance(message, (int, float)) or message is None else str(message)


def from_data(data: Any) -> Any:
    if isinstance(data, dict) and "t" in data:
        return Message(data["t"], {k: from_data(v) for k, v in (data.get("p") or {}).items()})
    return data


# The parameters of the routing rule's messages that hold department codes (one, a list, or
# "CODE #id" pairs) — see server/agendas/routing.py.
DEPARTMENT_PARAMS = frozenset({"code", "codes", "target", "items"})
_CODE = re.compile(r"\b[A-Z][A-Z0-9_]{1,31}\b")


def department_codes(data: Any) -> set[str]:
    """The department codes a stored explanation names (to look their names up before rendering)."""
    return {m.group(0) for value in _department_values(data) for m in _CODE.finditer(value)}


def _department_values(data: Any) -> Iterator[str]:
    if isinstance(data, dict) and "t" in data:
        for key, value in (data.get("p") or {}).items():
            if key in DEPARTMENT_PARAMS and isinstance(value, str):
                yield value
            else:
                yield from _department_values(value)


def _named(data: Any, names: Mapping[str, str]) -> Any:
    if isinstance(data, dict) and "t" in data:
        params = {}
        for key, value in (data.get("p") or {}).items():
            if key in DEPARTMENT_PARAMS and isinstance(value, str):
                value = _CODE.sub(lambda m: names.get(m.group(0), m.group(0)), value)
            else:
                value = _named(value, names)
            params[key] = value
        return {"t": data["t"], "p": params}
    return data


def render(data: Any, english: str, language: str | None = None,
           names: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """The explanation in ``language`` (default: the reader's); the stored English text when the
    structured form is missing (decisions recorded before explanations were kept this way).
    ``names``: department code → {language: name}; each code the explanation names is shown by its
    name in the reader's language."""
    if not data:
        return english
    if names:
        language = language or current_language.get()
        data = _named(data, {code: forms.get(language) or forms.get("en") or code for code, forms in names.items()})
    return str(localize(from_data(data), language))
