"""A routing explanation kept so that it can be read in any language later: the decision's
:class:`~server.i18n.Message` (template and parameters, nested messages included) as JSON beside the
English text, rendered for each reader by the API."""

from __future__ import annotations

from typing import Any

from server.i18n import Message, localize


def to_data(message: Any) -> Any:
    """JSON-ready form: ``{"t": template, "p": {name: value}}`` for a message, the value otherwise."""
    if isinstance(message, Message):
        return {"t": message.template, "p": {k: to_data(v) for k, v in message.params.items()}}
    return message if isinstance(message, (int, float)) or message is None else str(message)


def from_data(data: Any) -> Any:
    if isinstance(data, dict) and "t" in data:
        return Message(data["t"], {k: from_data(v) for k, v in (data.get("p") or {}).items()})
    return data


def render(data: Any, english: str, language: str | None = None) -> str:
    """The explanation in ``language`` (default: the reader's); the stored English text when the
    structured form is missing (decisions recorded before explanations were kept this way)."""
    if not data:
        return english
    return str(localize(from_data(data), language))
