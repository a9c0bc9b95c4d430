"""The demo accounts: one staff account per demo department, one account for each city-side role,
two citizens, all sharing :data:`DEMO_PASSWORD`. Data only: the seeder creates them through
:func:`server.accounts.service.create_user`, and ``agenda seed-demo`` prints them as the demo logins.
"""

from __future__ import annotations

from dataclasses import dataclass

from demo.departments import DEPARTMENTS

# Every demo account has this password. Demo data is loaded only when AGENDA_DEMO=1 (the default on
# the first start of an empty database): set AGENDA_DEMO=0 in production, or change these accounts.
DEMO_PASSWORD = "Seoul-Hyeoksin-2026!"
DEMO_EMAIL_DOMAIN = "demo.civic-agenda.kr"


@dataclass(frozen=True)
class DemoAccount:
    """A demo login; ``department_codes`` are the departments a staff account works for."""

    email: str
    display_name: str
    role: str  # a value of server.accounts.roles.Role
    department_codes: tuple[str, ...] = ()


def department_email(code: str) -> str:
    """The demo staff account of a department: ``<code>@demo.civic-agenda.kr``."""
    return f"{code.lower().replace('_', '-')}@{DEMO_EMAIL_DOMAIN}"


_STAFF_NAMES = {
    "TRANSPORT": "박민준", "WELFARE": "최지우", "HOUSING": "정하은", "ECONOMY": "강도현",
    "CULTURE": "윤서아", "SAFETY": "임준호", "CLIMATE_ENV": "한예린", "WOMEN_FAMILY": "오수빈",
    "LABOUR": "서지훈", "JOBS": "신유나", "INNOVATION": "권태윤", "REGENERATION": "황보민",
    "COMMUNICATION": "안채원", "HEALTH": "송현우", "EDUCATION": "전다인", "DIGITAL": "홍시우",
    "SOCIAL_ECONOMY": "문가은", "PARKS": "배성민", "GLOBAL": "남궁연",
}

OFFICER_EMAIL = f"officer@{DEMO_EMAIL_DOMAIN}"
FACILITATOR_EMAIL = f"facilitator@{DEMO_EMAIL_DOMAIN}"
RESEARCHER_EMAIL = f"researcher@{DEMO_EMAIL_DOMAIN}"
ADMIN_EMAIL = f"admin@{DEMO_EMAIL_DOMAIN}"
CITIZEN_EMAILS = (f"citizen1@{DEMO_EMAIL_DOMAIN}", f"citizen2@{DEMO_EMAIL_DOMAIN}")

DEMO_STAFF: tuple[DemoAccount, ...] = (
    *(
        DemoAccount(department_email(d.code), f"{_STAFF_NAMES[d.code]} ({d.name_ko})", "staff", (d.code,))
        for d in DEPARTMENTS
    ),
    DemoAccount(OFFICER_EMAIL, "이혜진 (사회혁신담당관)", "officer"),
    DemoAccount(FACILITATOR_EMAIL, "조은비 (실행워크숍 진행자)", "facilitator"),
    DemoAccount(RESEARCHER_EMAIL, "김태훈 (사회혁신연구단)", "researcher"),
    DemoAccount(ADMIN_EMAIL, "관리자", "admin"),
    DemoAccount(CITIZEN_EMAILS[0], "김서연", "citizen"),
    DemoAccount(CITIZEN_EMAILS[1], "이도윤", "citizen"),
)
