"""E-mail: composing each message in its reader's language, and the transports that carry it (an
SMTP server, or ``.eml`` files in the data folder when none is configured)."""
