"""Participation and trust: comments on public agendas (one level of replies, official answers marked
by the owner), staff-only internal notes, and the moderation of reported comments."""
