"""The accountability rules in force: answer days, the calendar, the progress-notice period, the
support thresholds. They come from the settings once per process (``configure``, called by the
composition root when it starts the app or a command), because the domain functions that apply them
— a triage decision, a proposal — are called from many places that should not each carry settings."""

from __future__ import annotations

from dataclasses import dataclass

from server.accountability.calendar import WorkCalendar, calendar_for


@dataclass(frozen=True)
class AccountabilityPolicy:
    calendar: WorkCalendar
    answer_days: int = 14
    progress_notice_days: int = 30
    reminder_working_days: int = 3
    reroute_min_working_days: int = 3
    support_thresholds: tuple = ((50, "ANSWER"), (100, "WORKSHOP"))
    threshold_window_days: int = 30
    require_verified_email: bool = True


_current = AccountabilityPolicy(calendar=WorkCalendar("KR", "Asia/Seoul"))


def configure(settings) -> AccountabilityPolicy:
    global _current
    _current = AccountabilityPolicy(
        calendar=calendar_for(settings),
        answer_days=settings.answer_days,
        progress_notice_days=settings.progress_notice_days,
        reminder_working_days=settings.reminder_working_days,
        support_thresholds=tuple(settings.support_thresholds),
        threshold_window_days=settings.threshold_window_days,
        require_verified_email=settings.require_verified_email,
    )
    return _current


def current() -> AccountabilityPolicy:
    return _current
