"""Operations: request ids and structured logs, per-client rate limits, request metrics, backups."""
