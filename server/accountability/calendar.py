"""Working days of the city's calendar: no Saturdays, Sundays or public holidays.

Holidays come from the maintained ``holidays`` package (for Korea: 설날 and 추석 with the days around
them, 대체공휴일, election days), for the country in ``AGENDA_HOLIDAYS_COUNTRY``. Periods are counted
the way 민원처리법 counts a period given in days: the first day counts when it is a working day, and a
due date is the *end* of its last working day in the city's time zone (a decision at 23:00 that day
is on time; from midnight it is overdue)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

END_OF_DAY = time(23, 59, 59, 999000)
MAX_SPAN_DAYS = 3 * 366  # a period longer than this is an input error, not a deadline


@lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(country, years=[year]).keys())


class WorkCalendar:
    def __init__(self, country: str = "KR", timezone: str = "Asia/Seoul") -> None:
        self.country = country
        self.tz = ZoneInfo(timezone)

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.tz).date()

    def end_of(self, day: date) -> datetime:
        """The last moment of a city day, as a UTC instant: stored that way, it compares right on SQLite
        too (which compares stored instants as text)."""
        return datetime.combine(day, END_OF_DAY, tzinfo=self.tz).astimezone(timezone.utc)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in _holidays(self.country, day.year)

    def holiday_name(self, day: date) -> str | None:
        return holidays.country_holidays(self.country, years=[day.year]).get(day)

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """The end of the ``days``-th working day counting ``start``'s own day when it is one."""
        days = max(1, days)
        day, counted = self.local_date(start), 0
        for _ in range(MAX_SPAN_DAYS):
            if self.is_working_day(day):
                counted += 1
                if counted == days:
                    return self.end_of(day)
            day += timedelta(days=1)
        raise ValueError(f"{days} working days do not fit in {MAX_SPAN_DAYS} days")

    def working_days_between(self, start: datetime, end: datetime) -> int:
        """Working days after ``start``'s day up to and including ``end``'s day (0 when end is not
        later): the days left before a due date, or the days a decision took."""
        first, last = self.local_date(start) + timedelta(days=1), self.local_date(end)
        if last < first:
            return 0
        span = (last - first).days + 1
        if span > MAX_SPAN_DAYS:
            span = MAX_SPAN_DAYS
        return sum(1 for i in range(span) if self.is_working_day(first + timedelta(days=i)))


def calendar_for(settings) -> WorkCalendar:
    return _calendar(settings.holidays_country, settings.timezone)


@lru_cache(maxsize=8)
def _calendar(country: str, timezone: str) -> WorkCalendar:
    return WorkCalendar(country, timezone)
