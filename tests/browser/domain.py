"""What a browser story cannot do through the web app, done on the live server's data through the
domain — run as a command with the server's environment (``live_server.env``), so it writes to the
same database the server reads:

- ``overdue <agenda id> <working days>``: the agenda's answer deadline passed that many working days
  ago (only that agenda's: the demo agendas other stories rely on keep theirs). ``agenda tick`` then
  escalates it as the worker would.
- ``supporters <agenda id> <n>``: n new citizens with verified addresses support the agenda, through
  the same support function the API calls (so thresholds are crossed as in real life)."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone


def run(server, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "tests.browser.domain", *args], env=server.env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def tick(server) -> str:
    done = subprocess.run([sys.executable, "-m", "civic.cli", "tick"], env=server.env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


async def _overdue(agenda_id: int, working_days: int) -> None:
    from server.accountability.policy import current
    from server.agendas.models import Agenda

    cal = current().calendar
    day, counted = cal.local_date(datetime.now(timezone.utc)), 0
    while counted < working_days:
        if cal.is_working_day(day):
            counted += 1
        day -= timedelta(days=1)
    assert await Agenda.filter(id=agenda_id).update(answer_due_at=cal.end_of(day)) == 1


async def _supporters(agenda_id: int, n: int) -> None:
    from server.accounts import service as accounts
    from server.agendas import supports
    from server.agendas.policy import Viewer

    tag = uuid.uuid4().hex[:6]
    for i in range(n):
        user = await accounts.create_user(email=f"supporter-{tag}-{i}@example.kr", password=f"공감-{tag}-비밀번호-{i}!",
                                          display_name=f"공감 시민 {i} 🙌", email_verified=True)
        await supports.support(Viewer(user), agenda_id)


def main(argv: list[str]) -> int:
    from civic.runtime import run_with_database

    command, agenda_id, number = argv[0], int(argv[1]), int(argv[2])
    work = {"overdue": _overdue, "supporters": _supporters}[command]

    async def go(_settings) -> int:
        await work(agenda_id, number)
        return 0

    return run_with_database(f"domain {command}", go)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
