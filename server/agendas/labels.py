"""Words of the agenda domain shown inside messages (a status in "An agenda that is MERGED no
longer takes supports."), rendered in the reader's language by ``server.i18n``."""

from __future__ import annotations

from server.agendas.enums import AgendaStatus
from server.i18n import Message, label


def status_label(status: AgendaStatus | str) -> Message:
    return label(AgendaStatus(status).value)
