"""Reference data of the programme, valid in every deployment: the five policy fields
(:data:`POLICY_FIELDS`, labels in Korean exactly as in the programme's rules, English and
Traditional Chinese), the five discovery channels (:data:`CHANNELS`), Seoul's 25 autonomous
districts (:data:`SEOUL_DISTRICTS`), the lifecycle statuses and an agenda's text limits.

Pure data, no I/O, so that validation, exports, reports and the GraphQL labels read one definition.
The codes themselves are the enums of :mod:`server.agendas.enums`; this module gives them their labels.
Seoul's demo offices, accounts and agendas are not reference data: they live in the ``demo`` package.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    """A code with its display labels in Korean, English and Traditional Chinese."""

    code: str
    ko: str
    en: str
    zh: str


@dataclass(frozen=True)
class ChannelInfo:
    """A discovery channel (발굴 경로). ``staff_only``: citizens may only use CITIZEN_PROPOSAL."""

    code: str
    ko: str
    en: str
    zh: str
    staff_only: bool


@dataclass(frozen=True)
class District:
    """One of Seoul's 25 autonomous districts (자치구)."""

    code: str
    ko: str
    en: str
    zh: str


# The five policy fields of the programme; every agenda has exactly one. Korean labels verbatim.
POLICY_FIELDS: tuple[Label, ...] = (
    Label(
        "DISTRIBUTION",
        "고물가 극복, 착한 소비 확산을 위한 유통 혁신",
        "Distribution innovation to overcome high prices and spread ethical consumption",
        "克服高物價、擴散善意消費的流通創新",
    ),
    Label(
        "LIVING_CULTURE_SPACE",
        "시민이 공감하고 함께 나누는 생활문화와 공간 혁신",
        "Innovation in everyday culture and spaces that citizens feel for and share",
        "市民共感共享的生活文化與空間創新",
    ),
    Label(
        "JOBS",
        "베이비붐 세대 은퇴자, 어르신, 청년을 위한 일자리 혁신",
        "Job innovation for retiring baby boomers, older people and young people",
        "為嬰兒潮世代退休者、長者與青年的就業創新",
    ),
    Label(
        "HOUSING_SAFETY",
        "주거문제 해소와 시민의 안전 혁신",
        "Innovation to solve housing problems and keep citizens safe",
        "解決居住問題與市民安全創新",
    ),
    Label(
        "PARTICIPATION_PUBLIC_SERVICE",
        "기업, 대학, 시민, 종교단체가 함께 하는 사회참여와 공공서비스 혁신",
        "Social participation and public-service innovation by businesses, universities, "
        "citizens and religious groups together",
        "企業、大學、市民與宗教團體共同參與的社會參與及公共服務創新",
    ),
)
POLICY_FIELD_CODES: tuple[str, ...] = tuple(f.code for f in POLICY_FIELDS)

CHANNELS: tuple[ChannelInfo, ...] = (
    ChannelInfo("CITIZEN_PROPOSAL", "시민제안", "Citizen proposal", "市民提案", staff_only=False),
    ChannelInfo("CASE_ANALYSIS", "국내외 사례분석", "Domestic and international case analysis", "國內外案例分析", staff_only=True),
    ChannelInfo("EXPERT_INTERVIEW", "분야별 전문가 인터뷰", "Expert interviews by field", "各領域專家訪談", staff_only=True),
    ChannelInfo("DEPARTMENT_WORK", "실·국·본부 업무", "Department work", "局處本部業務", staff_only=True),
    ChannelInfo("WORKSHOP", "실행워크숍 발굴", "Found at an execution workshop", "執行工作坊發掘", staff_only=True),
)
CHANNEL_CODES: tuple[str, ...] = tuple(c.code for c in CHANNELS)

# The 25 자치구, in the order of Seoul's own administrative listing (north of the Han, then south).
SEOUL_DISTRICTS: tuple[District, ...] = (
    District("JONGNO", "종로구", "Jongno-gu", "鍾路區"),
    District("JUNG", "중구", "Jung-gu", "中區"),
    District("YONGSAN", "용산구", "Yongsan-gu", "龍山區"),
    District("SEONGDONG", "성동구", "Seongdong-gu", "城東區"),
    District("GWANGJIN", "광진구", "Gwangjin-gu", "廣津區"),
    District("DONGDAEMUN", "동대문구", "Dongdaemun-gu", "東大門區"),
    District("JUNGNANG", "중랑구", "Jungnang-gu", "中浪區"),
    District("SEONGBUK", "성북구", "Seongbuk-gu", "城北區"),
    District("GANGBUK", "강북구", "Gangbuk-gu", "江北區"),
    District("DOBONG", "도봉구", "Dobong-gu", "道峰區"),
    District("NOWON", "노원구", "Nowon-gu", "蘆原區"),
    District("EUNPYEONG", "은평구", "Eunpyeong-gu", "恩平區"),
    District("SEODAEMUN", "서대문구", "Seodaemun-gu", "西大門區"),
    District("MAPO", "마포구", "Mapo-gu", "麻浦區"),
    District("YANGCHEON", "양천구", "Yangcheon-gu", "陽川區"),
    District("GANGSEO", "강서구", "Gangseo-gu", "江西區"),
    District("GURO", "구로구", "Guro-gu", "九老區"),
    District("GEUMCHEON", "금천구", "Geumcheon-gu", "衿川區"),
    District("YEONGDEUNGPO", "영등포구", "Yeongdeungpo-gu", "永登浦區"),
    District("DONGJAK", "동작구", "Dongjak-gu", "銅雀區"),
    District("GWANAK", "관악구", "Gwanak-gu", "冠岳區"),
    District("SEOCHO", "서초구", "Seocho-gu", "瑞草區"),
    District("GANGNAM", "강남구", "Gangnam-gu", "江南區"),
    District("SONGPA", "송파구", "Songpa-gu", "松坡區"),
    District("GANGDONG", "강동구", "Gangdong-gu", "江東區"),
)
DISTRICT_CODES: tuple[str, ...] = tuple(d.code for d in SEOUL_DISTRICTS)

# The agenda lifecycle statuses, in the order an agenda moves through them.
STATUSES: tuple[str, ...] = (
    "SUBMITTED", "IN_TRIAGE", "NEEDS_INFO", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "REJECTED", "MERGED",
)

# Text limits of an agenda, counted in characters as a person sees them (validation applies them).
TITLE_MIN, TITLE_MAX = 5, 200
BODY_MIN, BODY_MAX = 20, 20_000
