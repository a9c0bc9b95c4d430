"""Logging for every process (``agenda serve``, ``agenda worker``, the CLI): text by default,
one JSON object per line with ``AGENDA_LOG_FORMAT=json``.

Every record carries ``request_id`` (None outside a request): the id of the HTTP request being
served (``server.ops.context``). A JSON line has ``ts`` (ISO 8601, UTC), ``level``, ``logger``,
``message``, ``request_id``, ``pid`` (which of ``agenda serve``'s processes wrote it), any ``extra=`` fields the call passed (the access log passes
``http_method``, ``http_path``, ``http_status``, ``duration_ms``, ``client_ip``) and ``exc_info``
with the formatted traceback when there is one."""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime, timezone
from typing import IO

from server.ops.context import current_request_id

# Attributes every LogRecord has; anything else on a record came from ``extra=``.
_STANDARD = set(vars(logging.LogRecord("x", 0, "x", 0, "x", None, None))) | {
    "message", "asctime", "request_id", "taskName", "color_message"}  # color_message: uvicorn's ANSI copy


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            "pid": record.process,
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_") and key not in out:
                out[key] = value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
        if record.exc_info:
            out["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            out["stack_info"] = record.stack_info
        return json.dumps(out, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        rid = getattr(record, "request_id", None)
        return f"{line} [request_id={rid}]" if rid else line


def configure_logging(log_level: int, log_format: str = "text", *, stream: IO[str] | None = None) -> logging.Handler:
    """Replace the root logger's handlers with one that writes ``log_format`` to ``stream``
    (stderr by default); returns the handler (tests remove it again)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(log_level)
    # uvicorn's own loggers go through the root handler too (see `agenda serve`: log_config=None).
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
    for noisy in ("httpx", "httpx2", "httpcore"):  # one line per Meilisearch request otherwise
        logging.getLogger(noisy).setLevel(max(logging.WARNING, log_level))
    return handler
