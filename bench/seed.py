"""A fresh database filled with N realistic agendas, fast.

Why not the GraphQL API or the domain services: proposing 100,000 agendas one mutation at a time
would take longer than the benchmark itself, and the listing being measured reads only rows — it
does not care how they got there. So the seeder writes rows directly with ``bulk_create`` (one
multi-row INSERT per batch, inside one transaction) after running the real migrations, which keeps
the schema and its indexes exactly what production has.

Rows are shaped like the programme's data: Korean, English and Traditional Chinese titles and bodies
built from the departments' own routing keywords and Seoul's districts, mostly public statuses,
owners that are a department (most) or the Social Innovation Officer, heavy-tailed support counts.
Everything is drawn from a seeded ``random.Random`` so two runs with the same ``--seed`` hold the
same data.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
from tortoise.transactions import in_transaction

from demo.departments import DEPARTMENTS
from server import db
from server.accounts.models import User
from server.accounts.roles import Role
from server.agendas import reference
from server.agendas.models import Agenda, Department

BENCH_PG_DATABASE = "civic_agenda_bench"

# Weighted draws. Public listing shows every status but SUBMITTED (and only PUBLIC visibility),
# so "mostly public" means few SUBMITTED and few INTERNAL rows.
STATUS_WEIGHTS = {
    "SUBMITTED": 3, "IN_TRIAGE": 20, "NEEDS_INFO": 5, "ACCEPTED": 25,
    "IN_PROGRESS": 20, "COMPLETED": 12, "REJECTED": 10, "MERGED": 5,
}
CHANNEL_WEIGHTS = {
    "CITIZEN_PROPOSAL": 70, "CASE_ANALYSIS": 8, "EXPERT_INTERVIEW": 7, "DEPARTMENT_WORK": 10, "WORKSHOP": 5,
}
LANGUAGE_WEIGHTS = {"ko": 60, "en": 25, "zh": 15}
INTERNAL_SHARE = 0.05          # INTERNAL visibility: staff channels only in the product; close enough here
OFFICER_OWNED_SHARE = 0.15     # routed to the Social Innovation Officer (no department)

_TITLE = {
    "ko": ("{d} {k} 확대를 제안합니다", "{k} 개선이 필요합니다 ({d})", "{d}에 {k} 시범사업을", "{k} 지원 방안 마련 요청",
           "{d} 주민을 위한 {k}", "{k} 정보를 한곳에서 볼 수 있게 해 주세요"),
    "en": ("Expand {k} in {d}", "Better {k} for residents of {d}", "A {k} pilot for {d}",
           "Please fund {k} programmes", "{d} needs more {k}", "One place to find {k} information"),
    "zh": ("建議在{d}擴大{k}", "{d}的{k}需要改善", "{d}{k}試辦計畫", "請支持{k}相關方案", "為{d}居民提供{k}"),
}
_BODY = {
    "ko": ("{d}에 살고 있는 주민입니다. {k} 문제로 이웃들이 오래 불편을 겪고 있습니다.",
           "{k}와 {k2}를 함께 다루는 창구가 있으면 좋겠습니다.",
           "다른 자치구의 사례를 보면 작은 예산으로도 효과가 컸습니다.",
           "주말과 저녁 시간에도 이용할 수 있도록 운영 시간을 늘려 주세요.",
           "어르신과 장애인도 쉽게 이용할 수 있도록 안내를 개선해야 합니다.",
           "주민 모임에서 논의한 결과를 함께 제출합니다."),
    "en": ("I live in {d} and {k} has been a problem for my neighbours for years.",
           "A single desk handling both {k} and {k2} would save everyone time.",
           "Other districts tried this on a small budget and it worked well.",
           "Please keep it open in the evenings and at weekends.",
           "Signage should work for older people and wheelchair users too.",
           "Our residents' meeting discussed this and agreed to send it in."),
    "zh": ("我住在{d}，{k}的問題已經困擾鄰居多年。",
           "如果有同時處理{k}與{k2}的窗口就好了。",
           "其他區以少量預算試辦，效果很好。",
           "希望晚上和週末也能開放使用。",
           "說明應讓長者與身障者也容易理解。",
           "這是我們社區會議討論後共同提出的建議。"),
}
_KO_NAMES = "김민준 이서연 박지호 최수아 정우진 강하은 조현우 윤지민 장예린 임도현 한유나 오승민 서지우 신채원 권태윤".split()
_EN_NAMES = "Alex Kim|Jamie Park|Morgan Lee|Sam Choi|Taylor Jung|Robin Han|Casey Yoon|Jordan Lim".split("|")
_ZH_NAMES = "陳怡君 林志明 王淑芬 張家豪 李雅婷 黃俊傑".split()


@dataclass
class SeedStats:
    departments: int
    users: int
    agendas: int
    public_visible: int
    seconds: float


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _keyword(rng: random.Random, profile, lang: str) -> str:
    """A routing keyword of the department in the agenda's language (the demo departments mix them)."""
    kws = profile.keywords
    if lang == "en":
        pool = [k for k in kws if k.isascii()]
    elif lang == "zh":
        pool = [k for k in kws if not k.isascii() and not any("\uac00" <= c <= "\ud7a3" for c in k)]
    else:
        pool = [k for k in kws if any("\uac00" <= c <= "\ud7a3" for c in k)]
    return rng.choice(pool or list(kws))


def _district_label(district, lang: str) -> str:
    return {"ko": district.ko, "en": district.en, "zh": district.zh}[lang]


def _text(rng: random.Random, profile, district, lang: str) -> tuple[str, str]:
    k, k2 = _keyword(rng, profile, lang), _keyword(rng, profile, lang)
    d = _district_label(district, lang)
    title = rng.choice(_TITLE[lang]).format(d=d, k=k)[: reference.TITLE_MAX]
    sentences = rng.sample(_BODY[lang], rng.randint(3, 6))
    sep = "" if lang == "zh" else " "
    body = sep.join(s.format(d=d, k=k, k2=k2) for s in sentences)
    return title, body


def _support_count(rng: random.Random) -> int:
    """Heavy-tailed: most agendas have a handful of supporters, a few have thousands."""
    return min(int(rng.paretovariate(1.1)) - 1, 20_000)


# --------------------------------------------------------------------------- databases


def _asyncpg_dsn(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


def _pg_url_for(server_url: str, dbname: str) -> str:
    return urlunsplit(urlsplit(server_url)._replace(path="/" + dbname))


async def create_database(kind: str, *, workdir: Path, pg_url: str, name: str = BENCH_PG_DATABASE) -> str:
    """A new, empty database; returns its DATABASE_URL. For PostgreSQL, ``pg_url`` names a server and
    a database we may connect to (``test``); the bench database ``name`` is created beside it,
    replacing a leftover of an interrupted run — but never one that someone is connected to: two
    benchmarks (or two sessions) sharing the name would otherwise destroy each other's data mid-run."""
    if kind == "sqlite":
        path = workdir / "bench.sqlite3"
        path.unlink(missing_ok=True)
        return f"sqlite://{path}"
    admin = await asyncpg.connect(_asyncpg_dsn(pg_url), timeout=10)
    try:
        busy = await admin.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", name)
        if busy:
            raise RuntimeError(
                f"PostgreSQL database {name!r} has {busy} open connection(s): another benchmark is probably "
                f"using it. Wait for it to finish, or choose another name (--pg-db).")
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return _pg_url_for(pg_url, name)


async def seeded_database(*, pg_url: str, name: str, n_agendas: int) -> tuple[str, SeedStats] | None:
    """A PostgreSQL bench database kept by an earlier run (``--keep``) holding exactly ``n_agendas``
    agendas, migrated to the current schema — or None (absent, another size, or in use). Seeding
    100,000 agendas takes minutes on a busy machine; a before/after comparison wants the very same
    rows anyway."""
    admin = await asyncpg.connect(_asyncpg_dsn(pg_url), timeout=10)
    try:
        if not await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            return None
        if await admin.fetchval("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 "
                                "AND pid <> pg_backend_pid()", name):
            return None
    finally:
        await admin.close()
    url = _pg_url_for(pg_url, name)
    started = time.perf_counter()
    await db.migrate(url)  # a migration added since the seed (an index) applies to the kept rows too
    ctx = await db.open_context(url)
    try:
        with ctx:
            if await Agenda.all().count() != n_agendas:
                return None
            public = await Agenda.filter(visibility="PUBLIC").exclude(status="SUBMITTED").count()
            stats = SeedStats(departments=await Department.all().count(), users=await User.all().count(),
                              agendas=n_agendas, public_visible=public, seconds=time.perf_counter() - started)
    finally:
        await db.close_context(ctx)
    return url, stats


async def drop_database(kind: str, *, database_url: str, pg_url: str) -> None:
    """Drop what ``create_database`` made (the name is read from ``database_url``)."""
    if kind == "sqlite":
        path = Path(urlsplit(database_url).path)
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            p.unlink(missing_ok=True)
        return
    name = urlsplit(database_url).path.lstrip("/")
    if not name.startswith(BENCH_PG_DATABASE):  # never drop anything a benchmark did not create
        raise RuntimeError(f"refusing to drop {name!r}: not a benchmark database")
    admin = await asyncpg.connect(_asyncpg_dsn(pg_url), timeout=10)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


# --------------------------------------------------------------------------- seeding


async def seed(database_url: str, n_agendas: int, *, seed: int = 1, batch: int = 2000,
               progress=print) -> SeedStats:
    """Migrate, then insert departments, users and ``n_agendas`` agendas. Ids follow creation time,
    so "newest first" (ORDER BY id DESC) and ``created_at`` agree as they do in production."""
    started = time.perf_counter()
    await db.migrate(database_url)
    rng = random.Random(seed)
    ctx = await db.open_context(database_url)
    try:
        with ctx:
            conn = db.connection()
            profiles = DEPARTMENTS
            await Department.bulk_create([
                Department(code=p.code, name_ko=p.name_ko, name_en=p.name_en,
                           policy_fields=sorted(p.fields), keywords=list(p.keywords))
                for p in profiles
            ])
            dept_ids = {d.code: d.id for d in await Department.all()}

            # About one proposer for every 20 agendas: a page of 20 then names ~20 distinct users,
            # as a real listing does (a handful of users would flatter the proposer loader).
            n_users = max(20, n_agendas // 20)
            names = _KO_NAMES * 3 + _EN_NAMES + _ZH_NAMES
            users = [User(email=f"bench{i}@bench.example", password_hash="!bench-no-login",
                          display_name=f"{rng.choice(names)} {i}", role=Role.CITIZEN)
                     for i in range(1, n_users + 1)]
            async with in_transaction("default") as tx:
                await User.bulk_create(users, batch_size=batch, using_db=tx)
            user_ids = list(await User.all().values_list("id", flat=True))

            now = datetime.now(timezone.utc)
            span = timedelta(days=3 * 365)
            step = span / max(n_agendas, 1)
            inserted = 0
            while inserted < n_agendas:
                rows = []
                for i in range(inserted, min(inserted + batch, n_agendas)):
                    profile = rng.choice(profiles)
                    district = rng.choice(reference.SEOUL_DISTRICTS)
                    lang = _pick(rng, LANGUAGE_WEIGHTS)
                    title, body = _text(rng, profile, district, lang)
                    status = _pick(rng, STATUS_WEIGHTS)
                    routed = status != "SUBMITTED"
                    officer = routed and rng.random() < OFFICER_OWNED_SHARE
                    created = now - span + step * i
                    rows.append(Agenda(
                        title=title, body=body, field=rng.choice(sorted(profile.fields)),
                        channel=_pick(rng, CHANNEL_WEIGHTS), status=status,
                        visibility="INTERNAL" if rng.random() < INTERNAL_SHARE else "PUBLIC",
                        district=district.code if rng.random() < 0.9 else None,
                        proposer_id=rng.choice(user_ids),
                        related_department_codes=[profile.code],
                        owner_kind=None if not routed else ("INNOVATION_OFFICER" if officer else "DEPARTMENT"),
                        owner_department_id=dept_ids[profile.code] if routed and not officer else None,
                        routing_reason=None if not routed else ("UNCLEAR_OWNERSHIP" if officer else "DIRECT_MATCH"),
                        routing_candidates=[profile.code] if routed else [],
                        routing_matched_terms=[],
                        routing_explanation="",
                        status_reason="이미 추진 중인 사업과 중복됩니다." if status == "REJECTED" else None,
                        support_count=_support_count(rng),
                        created_at=created, status_changed_at=created,
                    ))
                async with in_transaction("default") as tx:
                    await Agenda.bulk_create(rows, batch_size=batch, using_db=tx)
                inserted += len(rows)
                if inserted % 20_000 == 0 or inserted == n_agendas:
                    progress(f"  seeded {inserted:,}/{n_agendas:,} agendas ({time.perf_counter() - started:.1f} s)")

            if not database_url.startswith("sqlite"):
                # A freshly loaded table has no planner statistics until autovacuum gets to it; a
                # production table that has grown to this size has them. Without this, the first
                # minute of a PostgreSQL run would measure whatever plan a stats-less planner picks.
                await conn.execute_script("ANALYZE")
            public = await Agenda.filter(visibility="PUBLIC").exclude(status="SUBMITTED").count()
            return SeedStats(departments=len(dept_ids), users=len(user_ids), agendas=n_agendas,
                             public_visible=public, seconds=time.perf_counter() - started)
    finally:
        await db.close_context(ctx)
