"""Reference data and the demo catalogue (SPEC §2, §3 "Seeding").

Pure data, no I/O: the seeder (``agenda seed-demo``) and the first start with ``AGENDA_DEMO=1``
adapt it into database rows; tests use it directly with :mod:`server.agendas.routing`.

* Reference data, valid in every deployment: the five policy fields (:data:`POLICY_FIELDS`, labels
  in Korean exactly as in the programme's rules, English and Traditional Chinese), the five
  discovery channels (:data:`CHANNELS`) and Seoul's 25 autonomous districts (:data:`SEOUL_DISTRICTS`).
* Demo data, drawn from the Seoul Metropolitan Government and its social innovation programme
  (2012–): real offices and bureaus (:data:`DEPARTMENTS`) with routing keywords, their 2026
  work-plan items (:data:`WORK_PLAN_ITEMS`), about forty agendas modelled on the programme's own
  examples (:data:`DEMO_AGENDAS`) and one account per role (:data:`DEMO_STAFF`), all sharing
  :data:`DEMO_PASSWORD`. Names are real; the 2026 work-plan items and agenda texts are illustrative.

How the department keywords are chosen (see :mod:`server.agendas.routing` for the rule): Korean and
Chinese keywords match as substrings, so they are specific compounds (``저상버스``, not ``버스``, which
also matches ``버스킹``); words every agenda uses (시민, 서울, 지원, 문화, 교육, city) are never
keywords, so that only the departments an agenda is really about become candidates. Each department
mixes Korean, English and a few Traditional Chinese keywords; English ones are singular words or
phrases (plurals match automatically).
"""

from __future__ import annotations

from dataclasses import dataclass

from server.agendas.routing import DepartmentProfile, WorkPlanProfile

# --------------------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------------------


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

# Agenda lifecycle statuses (SPEC §2), listed here for the demo data's target statuses.
STATUSES: tuple[str, ...] = (
    "SUBMITTED", "IN_TRIAGE", "NEEDS_INFO", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "REJECTED", "MERGED",
)

# Text limits of an agenda, shared with validation.
TITLE_MIN, TITLE_MAX = 5, 200
BODY_MIN = 20

# --------------------------------------------------------------------------------------------------
# Departments (실·국·본부) of the Seoul Metropolitan Government
# --------------------------------------------------------------------------------------------------

_D = DepartmentProfile
_DIST, _LCS, _JOBS, _HS, _PPS = POLICY_FIELD_CODES

DEPARTMENTS: tuple[DepartmentProfile, ...] = (
    _D("TRANSPORT", "도시교통실", "Urban Transportation Office", frozenset({_PPS, _HS}), (
        "저상버스", "시내버스", "마을버스", "버스정류장", "버스노선", "심야버스", "지하철", "대중교통",
        "교통약자", "주차", "따릉이", "자전거도로", "보행로",
        "low-floor bus", "bus", "public transport", "parking", "subway",
        "低地板公車", "公車", "停車",
    )),
    _D("WELFARE", "복지정책실", "Welfare Policy Office", frozenset({_PPS}), (
        "복지관", "기초생활", "취약계층", "복지사각지대", "찾아가는 복지", "독거노인", "독거어르신",
        "고독사", "1인가구", "노숙인", "푸드뱅크", "장애인복지", "안부 확인",
        "welfare", "homeless", "food bank",
        "福利", "獨居老人",
    )),
    _D("HOUSING", "주택정책실", "Housing Policy Office", frozenset({_HS}), (
        "공공임대", "임대주택", "사회주택", "청년주택", "공동체주택", "셰어하우스", "전월세", "월세",
        "세입자", "주거비", "반지하", "집수리", "빈집",
        "social housing", "housing", "rent", "tenant",
        "社會住宅", "租屋",
    )),
    _D("ECONOMY", "경제정책실", "Economic Policy Office", frozenset({_DIST, _JOBS}), (
        "전통시장", "소상공인", "골목상권", "자영업", "물가", "유통", "상점가", "상인회", "온누리상품권",
        "공동배송", "small business", "traditional market", "shopkeeper",
        "傳統市場", "小商工人",
    )),
    _D("CULTURE", "문화본부", "Culture Headquarters", frozenset({_LCS}), (
        "생활문화", "문화예술", "공연", "전시회", "도서관", "작은도서관", "독서모임", "예술가", "버스킹",
        "축제", "박물관", "동아리",
        "library", "festival", "artist", "concert",
        "藝文", "圖書館", "街頭表演",
    )),
    _D("SAFETY", "안전총괄실", "Safety Management Office", frozenset({_HS}), (
        "재난", "안전점검", "침수", "화재", "폭염", "한파", "지진", "싱크홀", "지반침하", "안전사고",
        "대피", "무더위쉼터",
        "disaster", "flood", "fire safety", "evacuation", "sinkhole",
        "防災", "淹水",
    )),
    _D("CLIMATE_ENV", "기후환경본부", "Climate and Environment Headquarters", frozenset({_LCS, _PPS}), (
        "에너지 절약", "에너지자립마을", "원전하나줄이기", "태양광", "미니태양광", "탄소중립", "미세먼지",
        "재활용", "일회용", "다회용", "기후위기", "온실가스", "에너지",
        "energy", "solar", "recycling", "carbon", "waste",
        "節能", "太陽能", "資源回收",
    )),
    _D("WOMEN_FAMILY", "여성가족정책실", "Women and Family Policy Office", frozenset({_PPS, _LCS, _HS}), (
        "공동육아", "육아", "보육", "어린이집", "아이돌봄", "키움센터", "방과후", "다함께돌봄", "저출생",
        "한부모", "경력단절", "안심귀가", "성평등",
        "childcare", "parenting", "daycare",
        "育兒", "托育",
    )),
    _D("LABOUR", "노동·공정·상생정책관", "Labour, Fairness and Coexistence Policy Bureau", frozenset({_JOBS}), (
        "노동권익", "노동권", "아르바이트", "알바", "최저임금", "임금체불", "감정노동", "돌봄노동자",
        "플랫폼노동", "배달노동자", "비정규직", "노동자", "생활임금", "근로계약",
        "labour rights", "labor rights", "part-time worker", "minimum wage", "unpaid wage",
        "勞工", "打工",
    )),
    _D("JOBS", "일자리정책과", "Employment Policy Division", frozenset({_JOBS}), (
        "일자리", "취업", "창업", "신중년", "베이비부머", "베이비붐", "은퇴자", "노인일자리",
        "어르신일자리", "청년일자리", "직업훈련", "구직",
        "job", "employment", "retiree", "job training",
        "就業", "創業",
    )),
    _D("INNOVATION", "서울혁신기획관", "Seoul Innovation Planning Bureau", frozenset({_PPS, _LCS}), (
        "공유도시", "공유경제", "공구도서관", "물품 공유", "마을공동체", "마을활동가", "주민모임",
        "마을카페", "리빙랩", "공익활동", "비영리",
        "sharing city", "sharing economy", "community", "living lab", "repair café",
        "共享城市", "共享經濟", "社區營造",
    )),
    _D("REGENERATION", "도시재생실", "Urban Regeneration Office", frozenset({_LCS, _HS}), (
        "도시재생", "재생사업", "노후 주거지", "저층주거지", "골목길", "빈 점포", "유휴공간",
        "젠트리피케이션", "둥지내몰림", "주민공동이용시설",
        "urban regeneration", "gentrification", "vacant lot",
        "都市再生", "老屋",
    )),
    _D("COMMUNICATION", "시민소통기획관", "Citizen Communication Bureau", frozenset({_PPS}), (
        "민주주의서울", "다산콜", "120다산콜센터", "응답소", "민원", "공론화", "시민토론", "여론조사",
        "시민청", "수어",
        "petition", "complaint", "deliberation", "call center",
        "陳情", "民意調查",
    )),
    _D("HEALTH", "시민건강국", "Citizens' Health Bureau", frozenset({_PPS, _HS}), (
        "보건소", "공공의료", "방문간호", "방문건강", "치매", "정신건강", "마음건강", "우울", "금연",
        "감염병", "건강검진", "건강관리",
        "health", "public health", "dementia", "mental health",
        "醫療", "失智", "心理健康",
    )),
    _D("EDUCATION", "평생교육국", "Lifelong Education Bureau", frozenset({_PPS, _JOBS}), (
        "평생교육", "평생학습", "시민대학", "자유시민대학", "문해교육", "교육격차", "진로교육",
        "학교 밖 청소년", "배움터", "학습동아리",
        "lifelong learning", "tutoring", "adult education",
        "終身學習", "社區大學",
    )),
    _D("DIGITAL", "디지털정책관", "Digital Policy Bureau", frozenset({_PPS}), (
        "공공와이파이", "와이파이", "디지털 격차", "디지털 포용", "공공데이터", "열린데이터", "빅데이터",
        "스마트도시", "사물인터넷", "키오스크", "스마트폰 교실",
        "open data", "wi-fi", "digital divide", "smart city",
        "數位落差", "開放資料",
    )),
    _D("SOCIAL_ECONOMY", "사회적경제담당관", "Social Economy Division", frozenset({_DIST, _JOBS}), (
        "사회적경제", "사회적기업", "협동조합", "마을기업", "공정무역", "착한소비", "윤리적 소비",
        "로컬푸드", "공공구매", "직거래",
        "social economy", "social enterprise", "cooperative", "fair trade", "ethical consumption",
        "社會企業", "合作社", "公平貿易",
    )),
    _D("PARKS", "푸른도시여가국", "Parks, Greenery and Leisure Bureau", frozenset({_LCS}), (
        "공원", "도시농업", "도시농부", "텃밭", "옥상텃밭", "녹지", "가로수", "숲길", "마을정원",
        "산책로", "park", "urban farming", "community garden", "allotment",
        "公園", "都市農業",
    )),
    _D("GLOBAL", "글로벌도시정책관", "Global Urban Policy Bureau", frozenset({_PPS, _LCS}), (
        "이주민", "외국인주민", "다문화", "결혼이민자", "이주노동자", "외국인 근로자", "유학생", "난민",
        "migrant", "foreign resident", "immigrant", "refugee",
        "新住民", "移民", "外籍",
    )),
)
DEPARTMENT_CODES: tuple[str, ...] = tuple(d.code for d in DEPARTMENTS)

# Traditional Chinese display names of the departments (the routing profile holds ko/en only).
DEPARTMENT_NAMES_ZH: dict[str, str] = {
    "TRANSPORT": "都市交通室",
    "WELFARE": "福利政策室",
    "HOUSING": "住宅政策室",
    "ECONOMY": "經濟政策室",
    "CULTURE": "文化本部",
    "SAFETY": "安全總括室",
    "CLIMATE_ENV": "氣候環境本部",
    "WOMEN_FAMILY": "女性家族政策室",
    "LABOUR": "勞動・公正・相生政策官",
    "JOBS": "就業政策課",
    "INNOVATION": "首爾創新企劃官",
    "REGENERATION": "都市再生室",
    "COMMUNICATION": "市民溝通企劃官",
    "HEALTH": "市民健康局",
    "EDUCATION": "終身教育局",
    "DIGITAL": "數位政策官",
    "SOCIAL_ECONOMY": "社會經濟擔當官",
    "PARKS": "綠色都市休閒局",
    "GLOBAL": "全球都市政策官",
}

# --------------------------------------------------------------------------------------------------
# 2026 work-plan items (업무계획)
# --------------------------------------------------------------------------------------------------

WORK_PLAN_YEAR = 2026


@dataclass(frozen=True)
class WorkPlanSeed:
    """A work-plan item before it has a database id; ``(department_code, title)`` identifies it."""

    department_code: str
    title: str
    keywords: tuple[str, ...]
    year: int = WORK_PLAN_YEAR


_W = WorkPlanSeed

WORK_PLAN_ITEMS: tuple[WorkPlanSeed, ...] = (
    _W("TRANSPORT", "교통약자 저상버스 이용 편의 개선", ("저상버스", "휠체어", "경사판", "교통약자", "탑승 예약")),
    _W("TRANSPORT", "거주자우선주차장 시간제 공유 확대", ("거주자우선주차", "공유주차", "주차 공유", "shared parking")),
    _W("WELFARE", "1인가구 고독사 예방 안부 확인망", ("고독사", "1인가구", "안부 확인", "이웃 안부", "독거")),
    _W("WELFARE", "찾아가는 동 주민센터 복지 상담 강화", ("찾아가는 복지", "복지 상담", "복지사각지대", "동 주민센터")),
    _W("HOUSING", "청년·신혼부부 공공임대주택 공급", ("청년주택", "공공임대", "신혼부부", "역세권")),
    _W("HOUSING", "공동체주택·사회주택 활성화", ("사회주택", "공동체주택", "셰어하우스", "입주자 공동체")),
    _W("ECONOMY", "전통시장 공동배송과 온라인 판로 지원", ("전통시장", "공동배송", "상인회", "온라인 판로", "장보기")),
    _W("CULTURE", "동네 생활문화센터와 작은도서관 활성화", ("생활문화센터", "작은도서관", "독서모임", "야간 개방")),
    _W("SAFETY", "풍수해 대비 침수 취약가구 지원", ("침수", "물막이판", "역류방지기", "반지하", "집중호우")),
    _W("SAFETY", "폭염·한파 쉼터 운영", ("폭염", "한파", "무더위쉼터", "한파쉼터")),
    _W("CLIMATE_ENV", "에너지 자립마을과 절약 아파트 확산", ("에너지 절약", "에너지자립마을", "아파트", "원전하나줄이기", "절약 아파트")),
    _W("CLIMATE_ENV", "일회용품 없는 서울", ("일회용", "다회용", "일회용컵", "보증금")),
    _W("WOMEN_FAMILY", "공동육아나눔터와 우리동네키움센터 확충", ("공동육아", "나눔터", "키움센터", "돌봄 공백")),
    _W("WOMEN_FAMILY", "여성 안심귀가 서비스", ("안심귀가", "스카우트", "귀갓길", "동행 귀가")),
    _W("LABOUR", "청년·취약노동자 노동권익 보호", ("노동권익", "아르바이트", "임금체불", "최저임금", "노동권익 수첩")),
    _W("LABOUR", "돌봄노동자 권리 보장과 쉼터 운영", ("돌봄노동자", "요양보호사", "노동자 쉼터", "권리 헌장")),
    _W("JOBS", "신중년 보람일자리 확대", ("신중년", "보람일자리", "베이비붐", "은퇴자", "경력 활용")),
    _W("JOBS", "어르신 일자리 다양화", ("노인일자리", "어르신일자리", "실버카페", "시니어 바리스타")),
    _W("INNOVATION", "마을공동체 활성화와 마을활동가 양성", ("마을공동체", "마을활동가", "활동가", "주민모임")),
    _W("INNOVATION", "공유도시 서울 2026", ("공유도시", "공유경제", "공구도서관", "물품 공유", "sharing city")),
    _W("REGENERATION", "저층주거지 도시재생과 골목 상생", ("도시재생", "저층주거지", "골목길", "젠트리피케이션", "상생협약")),
    _W("COMMUNICATION", "시민 공론장 민주주의서울 운영", ("민주주의서울", "공론화", "시민토론", "온라인 투표")),
    _W("HEALTH", "치매안심마을과 기억다방", ("치매", "치매안심", "기억다방", "치매 가족")),
    _W("HEALTH", "청년 마음건강 지원", ("마음건강", "정신건강", "우울", "심리상담", "상담 바우처")),
    _W("EDUCATION", "서울자유시민대학 동네 배움터", ("시민대학", "자유시민대학", "평생학습", "배움터")),
    _W("DIGITAL", "디지털 약자 포용 교육", ("디지털 격차", "디지털 포용", "키오스크", "스마트폰 교실", "디지털 약자")),
    _W("DIGITAL", "열린데이터광장 공공데이터 개방 확대", ("공공데이터", "열린데이터", "open data", "데이터 개방")),
    _W("SOCIAL_ECONOMY", "사회적경제기업 공공구매 확대", ("공공구매", "사회적기업", "협동조합", "우선구매")),
    _W("PARKS", "도시농업과 옥상텃밭 확대", ("도시농업", "옥상텃밭", "텃밭", "도시농부")),
    _W("GLOBAL", "외국인주민 생활 지원과 이주민 센터", ("이주민", "외국인주민", "통번역", "생활 상담", "新住民")),
)


def work_plan_profiles(start_id: int = 1) -> tuple[WorkPlanProfile, ...]:
    """The work-plan items as routing profiles with ids ``start_id, start_id+1, …`` in list order
    (the seeder inserts them in this order; tests use it directly)."""
    return tuple(
        WorkPlanProfile(start_id + i, w.department_code, w.title, w.keywords, w.year)
        for i, w in enumerate(WORK_PLAN_ITEMS)
    )


def work_plan_id(department_code: str, title: str, start_id: int = 1) -> int:
    """The id :func:`work_plan_profiles` gives the item ``(department_code, title)``."""
    for i, w in enumerate(WORK_PLAN_ITEMS):
        if w.department_code == department_code and w.title == title:
            return start_id + i
    raise KeyError(f"no work-plan item {department_code}/{title!r}")


# --------------------------------------------------------------------------------------------------
# Demo accounts
# --------------------------------------------------------------------------------------------------

# Every demo account has this password. Demo data is loaded only when AGENDA_DEMO=1 (the default on
# the first start of an empty database): set AGENDA_DEMO=0 in production, or change these accounts.
DEMO_PASSWORD = "Seoul-Hyeoksin-2026!"
DEMO_EMAIL_DOMAIN = "demo.civic-agenda.kr"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    display_name: str
    role: str  # a value of server.accounts.roles.Role
    department_codes: tuple[str, ...] = ()


def _dept_email(code: str) -> str:
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
        DemoAccount(_dept_email(d.code), f"{_STAFF_NAMES[d.code]} ({d.name_ko})", "staff", (d.code,))
        for d in DEPARTMENTS
    ),
    DemoAccount(OFFICER_EMAIL, "이혜진 (사회혁신담당관)", "officer"),
    DemoAccount(FACILITATOR_EMAIL, "조은비 (실행워크숍 진행자)", "facilitator"),
    DemoAccount(RESEARCHER_EMAIL, "김태훈 (사회혁신연구단)", "researcher"),
    DemoAccount(ADMIN_EMAIL, "관리자", "admin"),
    DemoAccount(CITIZEN_EMAILS[0], "김서연", "citizen"),
    DemoAccount(CITIZEN_EMAILS[1], "이도윤", "citizen"),
)

# --------------------------------------------------------------------------------------------------
# Demo agendas
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoAgenda:
    """One demo agenda. ``status`` is the state the seeder brings it to (through the ordinary
    transitions, so that its history is realistic); ``status_reason`` is the reason recorded for
    REJECTED and NEEDS_INFO. ``work_plan`` references an item of :data:`WORK_PLAN_ITEMS` by
    ``(department_code, title)``. ``proposer`` is the e-mail of the demo account that proposes it:
    a citizen for CITIZEN_PROPOSAL, a staff-side account for every other channel. ``supports`` is the
    number of demo supports to add. ``key`` is a stable slug so that seeding is idempotent."""

    key: str
    lang: str  # "ko" | "en" | "zh"
    title: str
    body: str
    field: str
    channel: str
    status: str
    district: str | None
    proposer: str
    related_department_codes: tuple[str, ...] = ()
    work_plan: tuple[str, str] | None = None
    status_reason: str | None = None
    supports: int = 0


_A = DemoAgenda
_C1, _C2 = CITIZEN_EMAILS

DEMO_AGENDAS: tuple[DemoAgenda, ...] = (
    # ---- Korean ---------------------------------------------------------------------------------
    _A("low-floor-bus-booking", "ko",
       "휠체어 이용자를 위한 저상버스 탑승 예약 앱",
       "휠체어를 이용하는 장애인은 정류장에서 저상버스를 기다려도 경사판이 고장 났거나 휠체어 공간이 "
       "차 있어 그냥 보내는 일이 많습니다. 탑승할 정류장과 시간을 앱으로 미리 알리면 기사님이 경사판을 "
       "점검하고 자리를 비워 둘 수 있습니다. 버스 도착 정보와 연동하면 교통약자의 이동이 훨씬 편해질 "
       "것입니다.",
       _PPS, "CITIZEN_PROPOSAL", "IN_PROGRESS", "GWANGJIN", _C1, supports=48),
    _A("energy-saving-apartment", "ko",
       "에너지 절약 아파트 공동체 만들기",
       "우리 아파트는 주민들이 함께 LED 조명 교체와 대기전력 차단 캠페인을 벌여 1년 만에 전기 사용량을 "
       "15% 줄였습니다. 단지별 사용량을 비교해 보여 주고 아낀 관리비를 주민 활동에 쓰도록 하면 다른 "
       "아파트도 따라 할 수 있습니다. 에너지 절약 아파트 인증과 컨설팅을 지원해 주세요.",
       _LCS, "CITIZEN_PROPOSAL", "COMPLETED", "NOWON", _C2, supports=31),
    _A("village-cafe", "ko",
       "주민이 함께 운영하는 마을카페",
       "동네에 주민들이 편하게 모일 곳이 없어 아이 엄마들과 어르신들이 놀이터 벤치를 전전합니다. 비어 "
       "있는 구립 건물 1층을 고쳐 주민들이 돌아가며 운영하는 마을카페를 열면 모임과 작은 강좌가 "
       "자연스럽게 생깁니다. 수익은 카페 운영과 동네 행사에 다시 쓰겠습니다.",
       _LCS, "CITIZEN_PROPOSAL", "ACCEPTED", "MAPO", _C1, supports=22),
    _A("co-parenting", "ko",
       "이웃과 함께하는 공동육아 나눔터",
       "맞벌이 가정이 늘면서 아이를 잠깐 맡길 곳이 부족합니다. 같은 단지의 부모들이 돌아가며 아이를 "
       "돌보는 공동육아 모임에 공간과 놀잇감, 안전교육을 지원해 주세요. 나눔터가 생기면 부모의 부담이 "
       "줄고 이웃 관계도 회복됩니다.",
       _PPS, "CITIZEN_PROPOSAL", "IN_PROGRESS", "SONGPA", _C2,
       work_plan=("WOMEN_FAMILY", "공동육아나눔터와 우리동네키움센터 확충"), supports=37),
    _A("migrant-centre", "ko",
       "이주민 복지문화센터 설립",
       "구로와 금천에는 이주노동자와 결혼이민자가 많이 살지만 한국어 수업, 법률 상담, 문화 행사를 "
       "한곳에서 받을 수 있는 곳이 없습니다. 이주민이 운영에 직접 참여하는 복지문화센터를 만들어 "
       "통번역과 생활 상담을 제공해 주세요. 이웃 주민과 함께하는 잔치도 열어 서로를 알아가면 좋겠습니다.",
       _PPS, "CITIZEN_PROPOSAL", "ACCEPTED", "GEUMCHEON", _C1, supports=19),
    _A("youth-labour-handbook", "ko",
       "청년 아르바이트 노동권익 수첩 제작·배포",
       "아르바이트를 하는 청소년과 청년 상당수가 최저임금, 주휴수당, 근로계약서 작성 같은 기본 권리를 "
       "잘 모릅니다. 꼭 알아야 할 권리와 상담 창구를 담은 손바닥 수첩을 만들어 편의점과 대학가, "
       "고등학교에 배포해 주세요. 임금체불을 당했을 때 신고하는 방법도 함께 안내하면 좋겠습니다.",
       _JOBS, "CITIZEN_PROPOSAL", "COMPLETED", "SEODAEMUN", _C2, supports=54),
    _A("care-workers-rights", "ko",
       "돌봄노동자 권리 보장과 쉼터 마련",
       "요양보호사와 아이돌보미 같은 돌봄노동자는 장시간 노동과 낮은 임금, 폭언에 시달리지만 쉴 곳도 "
       "상담받을 곳도 마땅치 않습니다. 돌봄노동자 권리 헌장을 만들고 권역별로 쉼터와 상담센터를 "
       "운영해 주세요.",
       _JOBS, "EXPERT_INTERVIEW", "IN_TRIAGE", "YEONGDEUNGPO", RESEARCHER_EMAIL),
    _A("shared-parking", "ko",
       "비어 있는 거주자우선주차장 낮 시간 공유",
       "주택가 거주자우선주차 구획은 낮에 대부분 비어 있는데 인근 상가 방문객은 댈 곳이 없어 불법주차가 "
       "늘어납니다. 비어 있는 시간대에 앱으로 공유하고 수익 일부를 구획 배정자에게 돌려주는 공유주차 "
       "제도를 만들어 주세요.",
       _PPS, "CITIZEN_PROPOSAL", "ACCEPTED", "DONGJAK", _C1, supports=26),
    _A("sharing-city-tools", "ko",
       "공유도시 서울: 동네마다 공구도서관",
       "한두 번 쓰고 마는 전동드릴과 캠핑용품, 아이 옷을 집집마다 사는 것은 낭비입니다. 주민센터나 작은 "
       "공간에 공구도서관과 물품 공유 창고를 두고 온라인으로 대여 예약을 받으면 이웃이 함께 쓸 수 "
       "있습니다.",
       _PPS, "CITIZEN_PROPOSAL", "COMPLETED", "SEONGBUK", _C2, supports=41),
    _A("village-activists", "ko",
       "마을공동체 활동가 양성 과정",
       "마을공동체를 이끌 주민 활동가가 부족해 모임이 몇 년을 못 가고 흩어집니다. 회의 진행, 갈등 조정, "
       "회계 같은 실무를 배우는 활동가 과정을 자치구별로 열어 주세요.",
       _PPS, "WORKSHOP", "IN_PROGRESS", "EUNPYEONG", FACILITATOR_EMAIL),
    _A("social-enterprise-procurement", "ko",
       "사회적기업 제품 공공구매 확대",
       "구청과 산하기관이 사무용품과 급식 식재료를 살 때 사회적기업과 협동조합 제품을 먼저 고려하도록 "
       "구매 목표를 정해 주세요. 판로가 안정되면 취약계층 일자리도 함께 늘어납니다.",
       _DIST, "DEPARTMENT_WORK", "ACCEPTED", "JUNG", _dept_email("SOCIAL_ECONOMY")),
    _A("boomer-second-career", "ko",
       "은퇴한 베이비붐 세대의 경력을 살리는 사회공헌 일자리",
       "베이비붐 세대 은퇴자들은 수십 년의 경력이 있지만 퇴직 후에는 단순 노무 말고는 일할 기회가 거의 "
       "없습니다. 비영리단체와 사회적기업에 전문 경력을 연결하는 보람일자리를 늘려 주세요.",
       _JOBS, "CITIZEN_PROPOSAL", "IN_PROGRESS", "DOBONG", _C1, supports=29),
    _A("silver-cafe", "ko",
       "어르신 바리스타 일자리를 만드는 실버카페",
       "노인일자리 사업이 대부분 거리 청소 같은 단순 업무에 머물러 있습니다. 바리스타 교육을 받은 "
       "어르신이 구청 로비와 도서관 1층에서 카페를 운영하면 소득과 보람을 함께 얻을 수 있습니다.",
       _JOBS, "CITIZEN_PROPOSAL", "SUBMITTED", "JUNGNANG", _C2, supports=8),
    _A("youth-share-house", "ko",
       "청년 셰어하우스형 사회주택 공급",
       "월세가 소득의 절반을 넘는 청년이 많습니다. 빈 건물을 고쳐 부엌과 거실을 함께 쓰는 셰어하우스형 "
       "사회주택을 시세의 80% 이하로 공급해 주세요. 입주 청년들이 스스로 규칙을 만드는 모임도 함께 "
       "운영하면 좋겠습니다.",
       _HS, "CITIZEN_PROPOSAL", "ACCEPTED", "GWANAK", _C1, supports=63),
    _A("semi-basement-flood", "ko",
       "반지하 주택 침수 막는 물막이판 설치 지원",
       "여름철 집중호우 때마다 반지하 주택에 물이 차 주민이 위험에 처합니다. 침수 위험 지역 반지하 가구에 "
       "물막이판과 역류방지기를 무료로 설치하고, 비상시 이웃이 대피를 도울 수 있게 연락망을 만들어 주세요.",
       _HS, "CITIZEN_PROPOSAL", "IN_PROGRESS", "GWANAK", _C2, supports=72),
    _A("rooftop-gardens", "ko",
       "학교와 공공건물 옥상텃밭 만들기",
       "도심에는 흙을 만질 곳이 없어 아이들이 채소가 자라는 모습을 보기 어렵습니다. 학교와 주민센터 "
       "옥상에 텃밭을 만들고 어르신 도시농부가 가꾸는 법을 가르쳐 주면 세대가 함께 어울릴 수 있습니다.",
       _LCS, "CITIZEN_PROPOSAL", "IN_PROGRESS", "GANGSEO", _C1, supports=17),
    _A("market-delivery", "ko",
       "전통시장 공동배송으로 장보기 부담 덜기",
       "전통시장은 배송 서비스가 없어 무거운 장바구니를 들기 힘든 어르신과 맞벌이 가정이 대형마트로 "
       "떠납니다. 시장 상인회가 함께 쓰는 배송센터를 만들어 두 시간 안에 집까지 배달해 주면 소상공인도 "
       "살고 장바구니 물가도 낮출 수 있습니다.",
       _DIST, "CITIZEN_PROPOSAL", "IN_TRIAGE", "DONGDAEMUN", _C2, supports=12),
    _A("local-food-market", "ko",
       "농부와 시민을 잇는 로컬푸드 직거래 장터",
       "유통 단계가 많아 농민은 제값을 못 받고 시민은 비싸게 삽니다. 주말마다 광장에서 생산자 직거래 "
       "장터를 열고 착한소비를 실천하는 장바구니 모임을 지원해 주세요.",
       _DIST, "CASE_ANALYSIS", "ACCEPTED", "GANGDONG", OFFICER_EMAIL),
    _A("senior-smartphone-class", "ko",
       "키오스크가 두려운 어르신을 위한 동네 스마트폰 교실",
       "식당과 병원, 기차역까지 키오스크로 바뀌면서 어르신들이 주문과 접수를 못 하고 돌아가는 일이 "
       "늘었습니다. 경로당과 주민센터에서 청년 강사가 일대일로 알려 주는 스마트폰 교실을 열어 디지털 "
       "격차를 줄여 주세요.",
       _PPS, "CITIZEN_PROPOSAL", "NEEDS_INFO", "YANGCHEON", _C1,
       status_reason="어느 동에서 몇 명 정도가 참여를 원하는지, 강사로 참여할 청년 모임이 있는지 알려 주세요.",
       supports=9),
    _A("lonely-death-prevention", "ko",
       "1인가구 고독사 예방 이웃 안부 확인망",
       "혼자 사는 중장년과 어르신이 늘면서 고독사도 해마다 늘고 있습니다. 우유 배달원과 통장, 이웃이 "
       "안부를 살피고 이상이 있으면 동 주민센터 복지 담당자에게 바로 알리는 연락망을 만들어 주세요.",
       _PPS, "DEPARTMENT_WORK", "IN_PROGRESS", "GANGBUK", _dept_email("WELFARE")),
    _A("dementia-memory-cafe", "ko",
       "치매 어르신 가족을 위한 동네 기억다방",
       "치매 어르신을 돌보는 가족은 하소연할 곳도 쉴 곳도 없습니다. 경증 치매 어르신이 바리스타로 "
       "일하고 가족들이 모여 정보를 나누는 기억다방을 자치구마다 열어 주세요.",
       _PPS, "CITIZEN_PROPOSAL", "SUBMITTED", "SEOCHO", _C2, supports=5),
    _A("youth-mind-voucher", "ko",
       "청년 마음건강 상담 바우처",
       "취업 준비와 고립으로 우울을 겪는 청년이 많지만 상담 비용이 부담돼 도움을 받지 못합니다. 청년이 "
       "가까운 상담센터에서 여덟 번까지 무료로 상담받을 수 있는 바우처를 주세요.",
       _PPS, "CITIZEN_PROPOSAL", "REJECTED", "SEONGDONG", _C1,
       status_reason="같은 내용의 '청년 마음건강 지원' 사업이 이미 2026년 업무계획으로 추진 중이어서 "
                     "그 사업의 신청 안내로 갈음합니다.",
       supports=14),
    _A("night-small-library", "ko",
       "작은도서관 야간 개방과 동네 독서모임",
       "퇴근하고 나면 작은도서관은 이미 문을 닫습니다. 주 2회 밤 10시까지 문을 열고 주민 자원봉사자가 "
       "운영하는 독서모임을 꾸리면 혼자 사는 직장인도 이웃을 만날 수 있습니다.",
       _LCS, "CITIZEN_PROPOSAL", "COMPLETED", "YONGSAN", _C2, supports=21),
    _A("sinkhole-reports", "ko",
       "공사장 주변 싱크홀 징후 시민 신고제",
       "대형 공사장 주변 도로에서 땅 꺼짐 사고가 잇따르고 있습니다. 도로 균열이나 물 고임 같은 지반침하 "
       "징후를 시민이 사진으로 신고하면 바로 안전점검을 나가는 제도를 만들어 주세요.",
       _HS, "CITIZEN_PROPOSAL", "ACCEPTED", "GANGDONG", _C1, supports=44),
    _A("heat-shelter-night", "ko",
       "폭염 무더위쉼터 야간 연장 운영",
       "열대야가 이어지면 에어컨이 없는 쪽방과 옥탑방의 독거노인은 밤새 위험합니다. 폭염 특보가 내려진 "
       "날에는 경로당 무더위쉼터를 밤 9시 이후에도 열어 주세요.",
       _HS, "DEPARTMENT_WORK", "COMPLETED", "JONGNO", _dept_email("SAFETY")),
    _A("safe-way-home", "ko",
       "늦은 밤 여성 안심귀가 스카우트 확대",
       "지하철역에서 집까지 어두운 골목을 걸어야 하는 여성이 많습니다. 안심귀가 스카우트 운영 시간을 "
       "새벽 1시까지 늘리고 앱으로 동행을 신청할 수 있게 해 주세요.",
       _HS, "CITIZEN_PROPOSAL", "IN_TRIAGE", "GWANAK", _C2, supports=33),
    _A("sign-language-call", "ko",
       "120다산콜센터 수어 영상상담",
       "청각장애인은 전화 상담을 이용하기 어렵습니다. 120다산콜센터에 수어 통역사가 연결되는 영상상담 "
       "창구를 만들어 민원 안내를 똑같이 받을 수 있게 해 주세요.",
       _PPS, "EXPERT_INTERVIEW", "ACCEPTED", None, RESEARCHER_EMAIL),
    _A("neighbourhood-assembly", "ko",
       "동네 일은 동네가 정하는 주민총회",
       "동 단위 주민총회에서 주민들이 직접 의제를 정하고 예산 우선순위를 투표로 결정하게 해 주세요. 1년에 "
       "한 번이라도 모두가 모여 이야기하면 행정에 대한 신뢰가 높아질 것입니다.",
       _PPS, "CITIZEN_PROPOSAL", "IN_TRIAGE", "EUNPYEONG", _C1, supports=11),
    _A("vacant-shops-youth", "ko",
       "골목의 빈 점포를 청년 창업 공간으로",
       "오래된 골목 상가에 빈 점포가 늘어 밤이면 거리가 어둡습니다. 빈 점포를 싸게 빌려 청년 창업가에게 "
       "2년 동안 내주면 골목에 활기가 돌고 새로운 가게가 자리 잡을 수 있습니다.",
       _JOBS, "WORKSHOP", "IN_TRIAGE", "JUNGNANG", FACILITATOR_EMAIL),
    _A("anti-gentrification", "ko",
       "임차 상인을 지키는 젠트리피케이션 상생협약",
       "동네가 뜨면 임대료가 올라 오래된 가게와 공방이 쫓겨납니다. 건물주와 임차인, 구청이 임대료 인상을 "
       "제한하는 상생협약을 맺도록 도시재생 지역부터 지원해 주세요.",
       _LCS, "CASE_ANALYSIS", "COMPLETED", "SEONGDONG", OFFICER_EMAIL),
    _A("reusable-cups", "ko",
       "카페 일회용컵 대신 다회용컵 순환 시스템",
       "점심시간마다 사무실 쓰레기통이 일회용컵으로 넘칩니다. 동네 카페들이 같은 다회용컵을 쓰고 아무 "
       "가게에나 반납하면 보증금을 돌려받는 순환 시스템을 만들어 주세요.",
       _LCS, "CITIZEN_PROPOSAL", "IN_PROGRESS", "JONGNO", _C2, supports=27),
    _A("balcony-solar", "ko",
       "아파트 베란다 미니태양광 공동구매",
       "베란다에 다는 미니태양광은 전기요금을 줄이지만 혼자 알아보고 설치하기가 번거롭습니다. 같은 "
       "단지에서 공동구매하면 설치비가 내려가니 설치 업체 선정과 보조금 신청을 도와주세요.",
       _LCS, "CITIZEN_PROPOSAL", "ACCEPTED", "GANGNAM", _C1, supports=15),
    _A("citizen-college", "ko",
       "퇴근 후 배우는 동네 시민대학",
       "평생학습관 강좌는 대부분 낮에 열려 직장인은 들을 수 없습니다. 대학과 함께 저녁과 주말에 여는 "
       "동네 시민대학을 만들어 인문학과 생활기술을 배울 수 있게 해 주세요.",
       _PPS, "CITIZEN_PROPOSAL", "SUBMITTED", "DONGJAK", _C2, supports=6),
    _A("out-of-school-youth", "ko",
       "학교 밖 청소년을 위한 동네 배움터",
       "학교를 그만둔 청소년은 검정고시 준비와 진로 상담을 받을 곳을 찾기 어렵습니다. 청소년 시설과 "
       "대학생 멘토가 함께하는 배움터를 권역마다 열어 주세요.",
       _PPS, "EXPERT_INTERVIEW", "NEEDS_INFO", "GURO", RESEARCHER_EMAIL,
       status_reason="현재 교육청과 청소년시설이 운영하는 지원 사업과 어떻게 다른지 보완해 주세요."),
    _A("school-meal-coop", "ko",
       "친환경 급식 식재료 협동조합 공동구매",
       "어린이집과 지역아동센터는 규모가 작아 친환경 식재료를 비싸게 삽니다. 여러 시설이 협동조합을 "
       "만들어 산지에서 직접 공동구매하면 값은 낮추고 품질은 높일 수 있습니다.",
       _DIST, "CITIZEN_PROPOSAL", "REJECTED", "GANGSEO", _C1,
       status_reason="어린이집 급식 식재료는 이미 공공급식센터를 통해 공급하고 있어 별도 협동조합 "
                     "지원은 어렵습니다.",
       supports=4),
    _A("night-bus-routes", "ko",
       "새벽 노동자를 위한 심야버스 노선 확대",
       "새벽 4시에 첫차를 기다리는 청소·경비 노동자들은 심야버스가 없는 지역에서 택시비를 감당하지 "
       "못합니다. 이용자가 많은 구간에 심야버스 노선을 새로 만들어 주세요.",
       _PPS, "CITIZEN_PROPOSAL", "COMPLETED", "DOBONG", _C2, supports=58),
    _A("vacant-house-cohousing", "ko",
       "빈집을 고쳐 만드는 청년·어르신 공동 주거",
       "동네에 오래 비어 있는 빈집이 늘고 있습니다. 빈집을 리모델링해 청년과 어르신이 함께 사는 공동 "
       "주거로 활용하면 빈집 문제와 주거비 문제를 함께 풀 수 있습니다.",
       _HS, "CITIZEN_PROPOSAL", "NEEDS_INFO", "GANGBUK", _C1,
       status_reason="대상 빈집의 위치와 소유자 동의 여부를 알려 주세요.",
       supports=10),
    _A("festival-for-all", "ko",
       "장애인과 비장애인이 함께 즐기는 무장애 동네 축제",
       "동네 축제에는 휠체어가 다닐 길과 수어 통역이 없어 장애인 주민은 구경도 어렵습니다. 무대와 "
       "부스를 무장애로 설계하고 수어 통역과 음성 안내를 갖춘 모두의 축제를 열어 주세요.",
       _LCS, "CITIZEN_PROPOSAL", "SUBMITTED", "JUNG", _C2,
       related_department_codes=("CULTURE", "WELFARE"), supports=13),
    _A("riverside-busking", "ko",
       "한강 둔치 버스킹 무대 상설화",
       "주말 저녁 한강 둔치에는 거리 공연을 하려는 청년 예술가가 많지만 전기와 무대가 없어 허가 받기가 "
       "어렵습니다. 버스킹 무대를 상설로 두고 온라인으로 예약하게 해 주세요.",
       _LCS, "CITIZEN_PROPOSAL", "ACCEPTED", "YEONGDEUNGPO", _C1, supports=20),
    _A("social-contribution-matching", "ko",
       "대학·기업·종교단체 사회공헌 매칭 플랫폼",
       "대학생 봉사단과 기업 사회공헌팀, 종교단체가 저마다 좋은 일을 하지만 도움이 필요한 곳과 제대로 "
       "이어지지 못해 같은 곳에 몰리거나 빈틈이 생깁니다. 필요한 곳과 도울 수 있는 곳을 한 화면에서 "
       "연결하는 매칭 플랫폼을 만들어 주세요.",
       _PPS, "CITIZEN_PROPOSAL", "SUBMITTED", "SONGPA", _C2, supports=3),
    # ---- English ---------------------------------------------------------------------------------
    _A("multilingual-bus-stops", "en",
       "Multilingual signs at bus stops for foreign residents",
       "Many foreign residents cannot read the Korean-only route maps at bus stops and miss their "
       "connections. Adding English, Chinese and Vietnamese to the stop signs and the arrival displays "
       "would help migrant families and visitors alike.",
       _PPS, "CASE_ANALYSIS", "IN_TRIAGE", "YONGSAN", RESEARCHER_EMAIL),
    _A("repair-cafe", "en",
       "A monthly repair café in every neighbourhood",
       "Volunteers who can fix lamps, bicycles and clothes could run a repair café once a month in a "
       "community centre. Repairing instead of throwing away cuts household waste and brings "
       "neighbours together.",
       _LCS, "CITIZEN_PROPOSAL", "IN_PROGRESS", "MAPO", _C2, supports=16),
    _A("fair-trade-canteens", "en",
       "Fair trade coffee and snacks in public canteens",
       "City hall and district office canteens could serve fair trade coffee and snacks from social "
       "enterprises. This is a simple way for the public sector to lead ethical consumption.",
       _DIST, "CITIZEN_PROPOSAL", "COMPLETED", "JONGNO", _C1, supports=12),
    _A("accessible-toilets-open-data", "en",
       "Open data on accessible public toilets",
       "Wheelchair users plan every trip around the few toilets they can use. Publishing the location, "
       "opening hours and equipment of accessible public toilets as open data would let apps and maps "
       "show them.",
       _PPS, "CITIZEN_PROPOSAL", "ACCEPTED", None, _C2, supports=23),
    _A("migrant-wage-clinic", "en",
       "Free legal clinic for migrant workers with unpaid wages",
       "Migrant workers in small factories are often paid late or not at all and do not know where to "
       "turn. A weekend legal clinic with interpreters would help them recover unpaid wages and know "
       "their labour rights.",
       _JOBS, "EXPERT_INTERVIEW", "IN_TRIAGE", "GEUMCHEON", RESEARCHER_EMAIL),
    _A("affordable-shared-housing", "en",
       "Affordable shared housing for young people",
       "Young workers spend half their income on rent for tiny studios. The city could lease empty "
       "office floors and turn them into shared housing with common kitchens at below-market rent.",
       _HS, "CITIZEN_PROPOSAL", "SUBMITTED", "SEOCHO", _C1, supports=30),
    # ---- Traditional Chinese ---------------------------------------------------------------------
    _A("low-floor-bus-zh", "zh",
       "低地板公車預約上車服務",
       "坐輪椅的市民常常在站牌等不到可以上車的低地板公車。希望能用手機預約上車站點與時間，讓司機事先準備"
       "斜坡板，並在車上留出輪椅空間。",
       _PPS, "CASE_ANALYSIS", "COMPLETED", None, OFFICER_EMAIL),
    _A("new-residents-desk", "zh",
       "新住民多語言生活諮詢窗口",
       "許多新住民剛到首爾時不知道如何辦理居留、就醫與子女入學。希望在區廳設立多語言諮詢窗口，由會說"
       "中文、越南語的志工協助。",
       _PPS, "CITIZEN_PROPOSAL", "IN_PROGRESS", "YEONGDEUNGPO", _C2, supports=9),
    _A("old-house-social-housing", "zh",
       "老舊空屋改建為青年社會住宅",
       "巷弄裡有不少長期無人居住的老房子。建議市政府承租後整修，改建為租金低廉的社會住宅，提供給青年與"
       "長者共同居住。",
       _HS, "CITIZEN_PROPOSAL", "IN_TRIAGE", "SEODAEMUN", _C1, supports=7),
    _A("senior-guides-zh", "zh",
       "銀髮導覽員：長者就業新機會",
       "退休長者熟悉社區的歷史與故事。建議培訓長者擔任社區導覽員，為觀光客介紹老街與市場，創造長者就業"
       "機會，也讓年輕人更了解在地文化。",
       _JOBS, "WORKSHOP", "ACCEPTED", "JONGNO", FACILITATOR_EMAIL),
)

# --------------------------------------------------------------------------------------------------
# A demo year of execution (실행워크숍, 실행방안, 연구단 검토, 혁신사례)
# --------------------------------------------------------------------------------------------------
# The seeder tells the previous calendar year and the started quarters of the current one. Quarters
# of that story are numbered from the previous year's Q1: 0–3 are the previous year's Q1–Q4, 4 and
# 5 the current year's Q1 and Q2; -1 is the current quarter and -2 the one before it. A number past
# the current quarter means the current quarter. The catalogue's agendas of channel WORKSHOP are
# proposed at the workshop of their first quarter (its DISCOVERY items). Names of places and
# organisations are real; people and numbers are illustrative.

# Where the quarterly workshops are held, in turn.
DEMO_WORKSHOP_PLACES: tuple[str, ...] = (
    "서울시청 8층 다목적홀",
    "서울혁신파크 미래청",
    "시민청 태평홀",
    "서울시NPO지원센터 대회의실",
    "서울도서관 4층 세미나실",
    "서울글로벌센터 국제회의실",
)

# Workshop titles by quarter (formatted with the year); Q4 is the year's outcome-sharing workshop.
DEMO_WORKSHOP_TITLES: dict[int, str] = {
    1: "{year} 1분기 서울혁신 실행워크숍",
    2: "{year} 2분기 서울혁신 실행워크숍",
    3: "{year} 3분기 서울혁신 실행워크숍",
    4: "{year} 4분기 서울혁신 성과공유 워크숍",
}

# Participants besides the officials of the departments whose agendas are discussed (the seeder
# takes those from DEMO_STAFF): (name, affiliation, affiliation type). Two of each pool per workshop.
DEMO_WORKSHOP_EXPERTS: tuple[tuple[str, str, str], ...] = (
    ("김태훈", "사회혁신연구단", "EXPERT"),
    ("이서진", "서울연구원 도시사회연구실", "EXPERT"),
    ("박지현", "서울시립대학교 도시사회학과", "EXPERT"),
    ("최윤석", "서울대학교 행정대학원", "EXPERT"),
    ("정미경", "한국사회적기업진흥원", "EXPERT"),
)
DEMO_WORKSHOP_CIVIC_GROUPS: tuple[tuple[str, str, str], ...] = (
    ("한소라", "은평마을공동체네트워크", "CIVIC_GROUP"),
    ("윤재민", "서울청년정책네트워크", "CIVIC_GROUP"),
    ("강명숙", "노원 에너지자립마을 주민모임", "CIVIC_GROUP"),
    ("오경수", "마포 공동육아협동조합", "CIVIC_GROUP"),
    ("장하윤", "서울시 사회적경제지원센터", "CIVIC_GROUP"),
    ("배은영", "성북 이주민 지원 네트워크", "CIVIC_GROUP"),
)

# When each demo agenda moved, in story quarters: (proposed or found, decided — accepted, rejected or
# asked for information —, started, completed, last plan update). Besides 0–3 and -1/-2, 4 and 5 are
# the current year's Q1 and Q2 (taken as the current quarter when that is earlier; a step never comes
# before the one it follows). None: not applicable, or for the last plan update "every quarter until
# now" (until completion for completed agendas). A plan no longer updated, or an agenda left waiting,
# is what the reports show as *stalled*. Agendas missing here are proposed and moved on in the
# current quarter.
DEMO_TIMELINE: dict[str, tuple[int, int | None, int | None, int | None, int | None]] = {
    # completed
    "energy-saving-apartment": (0, 0, 1, 3, None),
    "youth-labour-handbook": (0, 0, 1, 2, None),
    "sharing-city-tools": (0, 1, 1, 3, None),
    "heat-shelter-night": (0, 1, 2, 3, None),
    "anti-gentrification": (0, 0, 1, 4, None),
    "night-small-library": (1, 1, 2, 5, None),
    "fair-trade-canteens": (1, 1, 2, -2, None),
    "night-bus-routes": (1, 2, 2, -1, None),
    "low-floor-bus-zh": (2, 2, 3, -1, None),
    # in progress
    "low-floor-bus-booking": (0, 1, 2, None, None),
    "co-parenting": (0, 0, 1, None, None),
    "village-activists": (0, 0, 1, None, None),
    "boomer-second-career": (1, 1, 2, None, 2),     # its plan stopped moving in the previous year's Q3
    "semi-basement-flood": (1, 1, 2, None, None),
    "reusable-cups": (1, 2, 3, None, 3),            # … and this one in the previous year's Q4
    "rooftop-gardens": (2, 2, 3, None, None),
    "lonely-death-prevention": (2, 3, 4, None, None),
    "new-residents-desk": (2, 3, 4, None, None),
    "repair-cafe": (3, 4, 5, None, None),
    # accepted
    "migrant-centre": (1, 2, None, None, 2),        # accepted, then nothing happened
    "social-enterprise-procurement": (4, 5, None, None, None),
    "sign-language-call": (4, 5, None, None, None),
    "village-cafe": (5, -2, None, None, None),
    "youth-share-house": (5, -2, None, None, None),
    "senior-guides-zh": (5, -2, None, None, None),
    "balcony-solar": (-2, -2, None, None, None),
    "local-food-market": (-2, -2, None, None, None),
    "shared-parking": (-2, -1, None, None, None),
    "sinkhole-reports": (-2, -1, None, None, None),
    "riverside-busking": (-2, -1, None, None, None),
    "accessible-toilets-open-data": (-1, -1, None, None, None),
    # rejected, waiting for information
    "youth-mind-voucher": (0, 0, None, None, None),
    "school-meal-coop": (1, 1, None, None, None),
    "out-of-school-youth": (3, 3, None, None, None),  # the proposer never answered
    "senior-smartphone-class": (-2, -1, None, None, None),
    "vacant-house-cohousing": (-1, -1, None, None, None),
    # waiting in triage: two for a long time, most just arrived
    "care-workers-rights": (2, None, None, None, None),
    "multilingual-bus-stops": (4, None, None, None, None),
    "vacant-shops-youth": (-2, None, None, None, None),
    "safe-way-home": (-1, None, None, None, None),
    "market-delivery": (-1, None, None, None, None),
    "migrant-wage-clinic": (-1, None, None, None, None),
    "neighbourhood-assembly": (-1, None, None, None, None),
    "old-house-social-housing": (-1, None, None, None, None),
    "silver-cafe": (-1, None, None, None, None),
    "dementia-memory-cafe": (-1, None, None, None, None),
    "citizen-college": (-1, None, None, None, None),
    "festival-for-all": (-1, None, None, None, None),
    "social-contribution-matching": (-1, None, None, None, None),
    "affordable-shared-housing": (-1, None, None, None, None),
}

# Execution plans (실행방안) of the accepted, in-progress and completed demo agendas:
# key -> (summary, milestone titles in order (2–4), KPIs as (name, unit, baseline, target) (1–2)).
# Due dates, done milestones and KPI actuals follow the agenda's timeline (the seeder works them out).
DEMO_PLANS: dict[str, tuple[str, tuple[str, ...], tuple[tuple[str, str, float, float], ...]]] = {
    "energy-saving-apartment": (
        "노원구 시범 단지 3곳에서 에너지 절약 아파트 공동체를 꾸리고, 절약 아파트 인증과 컨설팅 제도를 만든다.",
        ("시범 단지 3곳 선정과 주민 협약", "에너지 진단과 LED 교체 컨설팅", "절약 아파트 인증 기준 마련",
         "우수 단지 시상과 확산 설명회"),
        (("시범 단지 전기 사용량 절감률", "%", 0, 15), ("참여 가구", "가구", 0, 1200))),
    "youth-labour-handbook": (
        "청년 아르바이트 노동권익 수첩을 만들어 대학가와 편의점 밀집 지역에 배포하고 노동 상담과 잇는다.",
        ("수첩 원고 작성과 노무사 감수", "10만 부 인쇄와 배포처 협약", "대학가 찾아가는 노동권익 설명회"),
        (("수첩 배포 부수", "부", 0, 100000), ("노동권익 상담 연계", "건", 120, 600))),
    "sharing-city-tools": (
        "동 주민센터 10곳에 공구도서관을 열어 공구를 빌려 쓰는 동네 공유 거점을 만든다.",
        ("거점 동 주민센터 10곳 선정", "공구 구입과 대여 시스템 구축", "공구도서관 개관과 운영 매뉴얼 배포"),
        (("공구도서관", "곳", 0, 10), ("월 대여 건수", "건", 0, 3000))),
    "night-small-library": (
        "작은도서관 20곳을 주 2회 밤 10시까지 열고 동네 독서모임 운영비를 지원한다.",
        ("야간 개방 도서관 20곳 공모", "야간 운영 인력 배치", "독서모임 운영비 지원"),
        (("야간 개방 작은도서관", "곳", 0, 20), ("월 야간 이용자", "명", 0, 4000))),
    "heat-shelter-night": (
        "폭염특보 기간에 무더위쉼터를 밤 9시까지 연장 운영하고 홀로 사는 어르신을 쉼터로 안내한다.",
        ("연장 운영 쉼터 지정", "쉼터 운영 인력과 냉방비 지원", "폭염기 연장 운영과 결과 점검"),
        (("야간 연장 쉼터", "곳", 0, 400), ("여름철 온열질환자", "명", 160, 100))),
    "anti-gentrification": (
        "도시재생 지역에서 건물주·임차 상인·구청이 상생협약을 맺어 임대료 인상을 제한하고 장기안심상가를 지정한다.",
        ("상생협약 표준안 마련", "건물주 설명회와 협약 체결", "장기안심상가 지정", "협약 이행 점검"),
        (("상생협약 체결 건물", "동", 0, 150), ("협약 상가 임차인 유지율", "%", 70, 90))),
    "night-bus-routes": (
        "첫차 전에 출근하는 새벽 노동자를 위해 심야버스 노선을 늘리고 배차 간격을 줄인다.",
        ("새벽 이동 수요 분석", "신규 노선 3개 시범 운행", "정식 노선 편입과 배차 조정"),
        (("심야버스 노선", "개", 9, 14), ("새벽 시간대 하루 승객", "명", 6000, 9000))),
    "fair-trade-canteens": (
        "시청·구청 구내식당과 매점 20곳에 공정무역 커피와 간식을 들이고 구매 실적을 공개한다.",
        ("공정무역 제품 공급업체 공모", "구내식당·매점 20곳 입점", "공정무역 캠페인 주간 운영"),
        (("공정무역 제품 판매처", "곳", 2, 20), ("연간 공정무역 제품 구매액", "백만원", 30, 200))),
    "low-floor-bus-zh": (
        "저상버스 예약 승차 서비스를 중국어·영어 안내와 함께 2개 노선에서 시범 운영한다.",
        ("예약 승차 다국어 안내 제작", "2개 노선 시범 운영", "이용자 만족도 조사"),
        (("월 예약 승차", "건", 0, 500),)),
    "low-floor-bus-booking": (
        "휠체어 이용자가 앱으로 저상버스 탑승을 예약하면 기사에게 알림이 가는 서비스를 3개 노선에서 시작한다.",
        ("버스정보시스템 연동 설계", "예약 앱 개발", "3개 노선 시범 운영", "전 노선 확대 계획 수립"),
        (("월 예약 이용자", "명", 0, 300), ("탑승 실패 민원", "건", 85, 20))),
    "co-parenting": (
        "공동육아나눔터를 아파트 단지와 동 주민센터로 늘리고 부모 자조모임과 돌봄 품앗이를 지원한다.",
        ("신규 나눔터 공간 확보", "부모 자조모임 지원", "돌봄 품앗이 프로그램 운영"),
        (("공동육아나눔터", "곳", 18, 30), ("참여 가족", "가족", 400, 1200))),
    "village-activists": (
        "자치구별 마을활동가 양성 과정을 운영하고 수료생의 마을 프로젝트를 공모로 지원한다.",
        ("교육과정 설계와 강사진 구성", "자치구별 양성 과정 운영", "수료생 마을 프로젝트 공모"),
        (("수료 활동가", "명", 0, 250),)),
    "boomer-second-career": (
        "은퇴한 베이비붐 세대의 경력을 비영리단체·사회적기업과 잇는 보람일자리를 만든다.",
        ("참여 기관 모집", "경력 매칭 플랫폼 구축", "참여자 활동 개시", "성과 평가와 확대 계획"),
        (("매칭 참여자", "명", 0, 500), ("참여 기관", "곳", 0, 80))),
    "semi-basement-flood": (
        "반지하 침수 취약가구에 물막이판과 역류방지기를 설치하고 집중호우 때 이웃 동행 대피를 돕는다.",
        ("침수 취약가구 전수 조사", "물막이판·역류방지기 설치", "동행파트너 대피 훈련"),
        (("설치 가구", "가구", 0, 15000), ("침수 피해 가구", "가구", 1200, 300))),
    "rooftop-gardens": (
        "학교와 공공건물 옥상에 텃밭을 만들고 학생과 주민이 함께 가꾸는 운영단을 꾸린다.",
        ("옥상 구조 안전 진단", "옥상텃밭 조성", "도시농부 교육과 운영단 구성"),
        (("옥상텃밭", "곳", 12, 60),)),
    "lonely-death-prevention": (
        "이웃 안부지킴이와 IoT 안부 감지기를 결합해 고립된 1인가구를 살피고 위기 가구를 긴급 지원과 잇는다.",
        ("고위험 1인가구 발굴", "이웃 안부지킴이 모집과 교육", "IoT 안부 감지기 설치", "위기 가구 긴급 지원 연계"),
        (("안부 확인 가구", "가구", 0, 8000), ("연간 고독사", "건", 90, 45))),
    "reusable-cups": (
        "카페 밀집 지역에 다회용컵 대여·반납 순환 시스템을 도입한다.",
        ("참여 카페 모집", "반납기 설치와 세척 센터 계약", "다회용컵 순환 시범 운영"),
        (("참여 카페", "곳", 0, 300), ("월 일회용컵 감소량", "만 개", 0, 50))),
    "repair-cafe": (
        "동네마다 한 달에 한 번 수리 카페를 열어 고쳐 쓰는 문화를 만든다.",
        ("수리 자원봉사자 모집", "거점 공간 협약", "월례 수리 카페 운영"),
        (("수리 카페 운영 동", "개 동", 0, 40), ("월 수리 물품", "점", 0, 1500))),
    "new-residents-desk": (
        "외국인주민이 많은 동 주민센터에 다국어 생활상담 창구를 열고 상담 사례를 관리한다.",
        ("통번역 상담원 채용", "상담 창구 5곳 개설", "상담 사례 관리 체계 구축"),
        (("월 다국어 상담", "건", 0, 2000),)),
    "village-cafe": (
        "주민이 함께 운영하는 마을카페를 유휴 공공공간에 열도록 공간과 초기 운영비를 지원한다.",
        ("공간 후보지 조사", "운영 주민모임 공모", "마을카페 개소"),
        (("마을카페", "곳", 0, 12),)),
    "migrant-centre": (
        "이주민 복지문화센터 설립의 타당성을 조사하고 부지와 운영 주체를 정한다.",
        ("설립 타당성 조사", "부지와 예산 확보", "운영 주체 선정"),
        (("설립 협의에 참여한 이주민 단체", "곳", 0, 25),)),
    "shared-parking": (
        "낮 시간에 비는 거주자우선주차장을 공유 주차로 개방한다.",
        ("공유 가능 구획 조사", "공유주차 앱 연동", "3개 자치구 시범 개방"),
        (("공유 개방 구획", "면", 0, 2000),)),
    "social-enterprise-procurement": (
        "기관별 사회적경제기업 제품 공공구매 목표를 정하고 실적을 분기마다 공개한다.",
        ("기관별 구매 목표 설정", "우선구매 제품 목록 공개", "분기별 실적 공개"),
        (("사회적경제기업 공공구매액", "억원", 1200, 1800),)),
    "youth-share-house": (
        "역세권 공공부지에 청년 셰어하우스형 사회주택 300호를 공급한다.",
        ("공급 부지 선정", "사업자 공모", "입주자 모집"),
        (("공급 호수", "호", 0, 300),)),
    "local-food-market": (
        "농부와 시민을 잇는 로컬푸드 직거래 장터를 공공청사 광장에서 매달 연다.",
        ("참여 농가 모집", "장터 운영 규정 마련", "월례 직거래 장터 개장"),
        (("참여 농가", "곳", 0, 60),)),
    "sinkhole-reports": (
        "공사장 주변 싱크홀 징후를 시민이 신고하면 24시간 안에 점검하는 제도를 만든다.",
        ("신고 채널 개설", "24시간 점검 절차 마련", "시민 신고단 교육"),
        (("24시간 안에 점검한 신고 비율", "%", 40, 95),)),
    "sign-language-call": (
        "120다산콜센터에 수어 영상상담을 도입한다.",
        ("수어 상담사 채용", "영상상담 시스템 구축", "시범 운영"),
        (("월 수어 영상상담", "건", 0, 800),)),
    "balcony-solar": (
        "아파트 베란다 미니태양광 공동구매를 지원하고 설치 후 관리까지 돕는다.",
        ("공동구매 단지 모집", "설치업체 선정", "설치와 사후관리"),
        (("설치 가구", "가구", 0, 5000), ("연간 발전량", "MWh", 0, 1800))),
    "riverside-busking": (
        "한강 둔치에 상설 버스킹 무대를 만들고 공연자 등록제를 운영한다.",
        ("무대 위치 선정과 인허가", "공연자 등록제 운영", "상설 무대 개장"),
        (("상설 무대", "곳", 0, 6),)),
    "accessible-toilets-open-data": (
        "장애인이 이용할 수 있는 공중화장실 정보를 조사해 열린데이터광장에 공개한다.",
        ("화장실 접근성 전수 조사", "데이터 표준 마련", "열린데이터광장 공개"),
        (("공개한 화장실 정보", "곳", 0, 3500),)),
    "senior-guides-zh": (
        "어르신을 동네 역사 해설사로 양성해 골목과 시장을 안내하는 일자리를 만든다.",
        ("해설사 양성 과정 개설", "도보 해설 코스 개발", "해설 활동 개시"),
        (("어르신 해설사", "명", 0, 120),)),
}

# What the workshop minutes say, by item purpose: (notes, decision); {dept} is the owner's name.
DEMO_ITEM_TEXTS: dict[str, tuple[str, str]] = {
    "DISCOVERY": ("참석자들이 현장에서 겪은 문제를 바탕으로 새 의제를 제안했다. 관련 부서와 시민단체가 함께 "
                  "기획안을 만들기로 했다.", "{dept}에서 기획안 초안을 마련한다"),
    "PLAN_REVIEW": ("실행방안의 마일스톤과 KPI를 검토했다. 예산 확보 시기와 시민 참여 방식에 대한 의견이 나왔다.",
                    "{dept}에서 의견을 반영해 실행계획을 확정한다"),
    "PROGRESS_CHECK": ("추진상황을 점검했다. 마일스톤 진행과 KPI 측정값을 확인하고 다음 분기 일정을 조율했다.",
                       "{dept}에서 계획대로 추진하고 다음 워크숍에 결과를 보고한다"),
    # a progress check of an agenda with a milestone past its due date
    "PROGRESS_CHECK_LATE": ("추진상황을 점검했다. 기한이 지난 마일스톤이 있어 지연 원인과 부서 간 협조 사항을 논의했다.",
                            "{dept}에서 지연 원인과 만회 계획을 다음 워크숍에 보고한다"),
    "OUTCOME_SHARING": ("성과와 추진 과정에서 얻은 교훈을 참석자들과 나눴다.",
                        "혁신사례로 정리해 다른 자치구로 확산을 검토한다"),
}

# Action items the workshops set, by item purpose: (title, days after the workshop it is due).
DEMO_ACTIONS: dict[str, tuple[str, int]] = {
    "DISCOVERY": ("관련 부서 협의와 기획안 초안 작성", 45),
    "PLAN_REVIEW": ("세부 실행계획과 예산안 보완", 60),
    "PROGRESS_CHECK": ("지연된 마일스톤 만회 계획 제출", 30),
    "OUTCOME_SHARING": ("성과 사례 원고 작성과 확산 대상 자치구 협의", 75),
}

# The research team's reviews (사회혁신연구단): (agenda key, story quarter, scores for
# INNOVATION, FEASIBILITY, IMPACT, CITIZEN_PARTICIPATION, SUSTAINABILITY (1–5), opinion).
DEMO_REVIEWS: tuple[tuple[str, int, tuple[int, int, int, int, int], str], ...] = (
    ("youth-labour-handbook", 2, (3, 5, 4, 4, 3),
     "배포는 빠르게 이뤄졌으나 수첩이 실제 상담과 임금체불 구제로 이어졌는지 추적할 지표가 더 필요합니다."),
    ("semi-basement-flood", 2, (3, 5, 5, 3, 4),
     "장마철 전에 설치를 끝낸 실행력이 돋보입니다. 세입자가 설치를 요청하기 어려운 구조를 보완해야 합니다."),
    ("energy-saving-apartment", 3, (4, 5, 4, 5, 4),
     "주민이 사용량을 비교하고 아낀 관리비를 공동체 활동에 쓰는 구조가 지속 가능성을 높입니다. "
     "단지 규모별 효과 차이를 분석해 확산 기준을 세우기를 권합니다."),
    ("low-floor-bus-booking", 3, (4, 3, 5, 4, 3),
     "교통약자의 이동권을 넓히는 혁신성이 큽니다. 기사 교육과 경사판 점검 체계가 함께 가야 실효성이 있습니다."),
    ("boomer-second-career", 3, (4, 3, 4, 3, 2),
     "참여 기관 모집이 늦어지고 있습니다. 매칭 플랫폼보다 기관 네트워크를 먼저 다지는 편이 현실적입니다."),
    ("sharing-city-tools", 3, (4, 4, 3, 5, 3),
     "주민센터를 거점으로 삼아 접근성이 좋습니다. 공구 관리 인력의 지속적인 재원이 과제입니다."),
    ("anti-gentrification", -2, (5, 4, 4, 4, 5),
     "건물주와 임차 상인이 함께 서명하는 협약 모델은 다른 도시에도 참고가 됩니다. 협약 만료 뒤의 이행 점검이 관건입니다."),
    ("lonely-death-prevention", -2, (5, 3, 5, 4, 4),
     "이웃 관계와 기술을 함께 쓰는 설계가 좋습니다. 감지기 설치에 대한 개인정보 동의 절차를 명확히 해야 합니다."),
)

# Innovation cases (혁신사례): (origin, agenda key or None, title, policy field, place, summary,
# outcome, lessons, story quarter it is published in). PROGRAMME cases tell a completed demo agenda
# (published by its owner); the others are the research team's case analyses.
DEMO_CASES: tuple[tuple[str, str | None, str, str, str, str, str, str, int], ...] = (
    ("INTERNATIONAL", None, "볼로냐 도시공유재 협력 규정", _LCS, "이탈리아 볼로냐",
     "볼로냐시는 2014년 '도시공유재의 돌봄과 재생을 위한 시민과 시의 협력 규정'을 만들었다. 시민과 주민 모임이 "
     "광장·공원·빈 건물 같은 공유재를 돌보겠다고 제안하면 시와 '협력 협약'을 맺고, 시는 허가 절차를 줄이고 "
     "재료와 교육을 지원한다.",
     "제정 뒤 몇 년 사이 수백 건의 협력 협약이 맺어졌고, 이탈리아의 여러 도시가 비슷한 규정을 도입했다.",
     "행정이 '허가하는 쪽'에서 '함께 돌보는 쪽'으로 바뀌려면 조례 같은 제도적 근거와 표준 협약서가 필요하다.",
     0),
    ("DOMESTIC", None, "완주군 로컬푸드 직매장: 농가와 소비자를 바로 잇다", _DIST, "전북특별자치도 완주군",
     "완주군은 2012년 용진농협 로컬푸드 직매장을 시작으로 지역 농가가 그날 수확한 농산물을 직접 값을 매겨 "
     "진열하는 직매장을 늘렸다. 중간 유통을 줄여 농가 수취가격을 높이고 소비자는 신선한 농산물을 산다.",
     "소농과 고령농이 안정적인 판로를 얻었고, 전국 지자체와 농협이 로컬푸드 직매장을 잇따라 열었다.",
     "생산자 조직화와 출하 교육, 품질 관리 규칙이 직매장보다 먼저 준비되어야 한다.",
     1),
    ("PROGRAMME", "youth-labour-handbook", "청년 아르바이트 노동권익 수첩", _JOBS, "서울 대학가와 편의점 밀집 지역",
     "아르바이트 청년이 근로계약, 최저임금, 임금체불 대처법을 한눈에 볼 수 있는 수첩을 만들어 대학가와 편의점 "
     "밀집 지역에 배포하고 노동권익센터 상담과 연결했다.",
     "수첩 10만 부를 배포했고 노동권익 상담 연계가 크게 늘었다.",
     "배포처를 대학 학생회·편의점 본사와 함께 정하니 청년에게 실제로 닿았다. 상담 이후의 구제 결과까지 추적해야 한다.",
     3),
    ("PROGRAMME", "energy-saving-apartment", "주민이 함께 줄인 전기: 에너지 절약 아파트 공동체", _LCS, "노원구",
     "노원구 아파트 3개 단지 주민들이 LED 교체와 대기전력 차단 캠페인을 함께 벌이고, 단지별 사용량을 비교해 "
     "공개했다. 시는 에너지 진단과 컨설팅을 지원하고 절약 아파트 인증 기준을 만들었다.",
     "시범 단지의 전기 사용량이 평균 15% 줄었고 1,200가구가 참여했다.",
     "아낀 관리비를 주민 활동에 다시 쓰는 규칙이 참여를 오래 유지하게 했다.",
     3),
)
