"""A demo year of execution (실행워크숍, 실행방안, 연구단 검토, 혁신사례): when each demo agenda moved,
the execution plans their owners keep, the quarterly workshops, the research team's reviews and the
innovation cases. Data only: the seeder tells the story through the workshop, plan and research
domain functions.

The seeder tells the previous calendar year and the started quarters of the current one. Quarters
of that story are numbered from the previous year's Q1: 0–3 are the previous year's Q1–Q4, 4 and
5 the current year's Q1 and Q2; -1 is the current quarter and -2 the one before it. A number past
the current quarter means the current quarter. The demo agendas of channel WORKSHOP are proposed at
the workshop of their first quarter (its DISCOVERY items). Names of places and organisations are
real; people and numbers are illustrative.
"""

from __future__ import annotations

from dataclasses import dataclass

from server.agendas.enums import PolicyField

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


@dataclass(frozen=True)
class DemoParticipant:
    """Someone at a workshop; ``affiliation_type`` is OFFICIAL, EXPERT or CIVIC_GROUP."""

    name: str
    affiliation: str
    affiliation_type: str


_P = DemoParticipant

# Participants besides the officials of the departments whose agendas are discussed (the seeder
# takes those from DEMO_STAFF). Two of each pool per workshop.
DEMO_WORKSHOP_EXPERTS: tuple[DemoParticipant, ...] = (
    _P("김태훈", "사회혁신연구단", "EXPERT"),
    _P("이서진", "서울연구원 도시사회연구실", "EXPERT"),
    _P("박지현", "서울시립대학교 도시사회학과", "EXPERT"),
    _P("최윤석", "서울대학교 행정대학원", "EXPERT"),
    _P("정미경", "한국사회적기업진흥원", "EXPERT"),
)
DEMO_WORKSHOP_CIVIC_GROUPS: tuple[DemoParticipant, ...] = (
    _P("한소라", "은평마을공동체네트워크", "CIVIC_GROUP"),
    _P("윤재민", "서울청년정책네트워크", "CIVIC_GROUP"),
    _P("강명숙", "노원 에너지자립마을 주민모임", "CIVIC_GROUP"),
    _P("오경수", "마포 공동육아협동조합", "CIVIC_GROUP"),
    _P("장하윤", "서울시 사회적경제지원센터", "CIVIC_GROUP"),
    _P("배은영", "성북 이주민 지원 네트워크", "CIVIC_GROUP"),
)


@dataclass(frozen=True)
class DemoTimeline:
    """When a demo agenda moved, in story quarters. Besides 0–3 and -1/-2, 4 and 5 are the current
    year's Q1 and Q2 (taken as the current quarter when that is earlier; a step never comes before
    the one it follows). None: not applicable, or for ``last_plan_update`` "every quarter until now"
    (until completion for completed agendas). A plan no longer updated, or an agenda left waiting,
    is what the reports show as *stalled*."""

    proposed: int                 # proposed, or found at a workshop
    decided: int | None = None    # accepted, rejected or asked for information
    started: int | None = None
    completed: int | None = None
    last_plan_update: int | None = None


_T = DemoTimeline

# Agendas missing from DEMO_TIMELINE are proposed and moved on in the current quarter.
CURRENT_QUARTER = DemoTimeline(proposed=-1, decided=-1, started=-1, completed=-1)

DEMO_TIMELINE: dict[str, DemoTimeline] = {
    # completed
    "energy-saving-apartment": _T(0, 0, 1, 3),
    "youth-labour-handbook": _T(0, 0, 1, 2),
    "sharing-city-tools": _T(0, 1, 1, 3),
    "heat-shelter-night": _T(0, 1, 2, 3),
    "anti-gentrification": _T(0, 0, 1, 4),
    "night-small-library": _T(1, 1, 2, 5),
    "fair-trade-canteens": _T(1, 1, 2, -2),
    "night-bus-routes": _T(1, 2, 2, -1),
    "low-floor-bus-zh": _T(2, 2, 3, -1),
    # in progress
    "low-floor-bus-booking": _T(0, 1, 2),
    "co-parenting": _T(0, 0, 1),
    "village-activists": _T(0, 0, 1),
    "boomer-second-career": _T(1, 1, 2, last_plan_update=2),  # its plan stopped moving in the previous year's Q3
    "semi-basement-flood": _T(1, 1, 2),
    "reusable-cups": _T(1, 2, 3, last_plan_update=3),  # … and this one in the previous year's Q4
    "rooftop-gardens": _T(2, 2, 3),
    "lonely-death-prevention": _T(2, 3, 4),
    "new-residents-desk": _T(2, 3, 4),
    "repair-cafe": _T(3, 4, 5),
    # accepted
    "migrant-centre": _T(1, 2, last_plan_update=2),  # accepted, then nothing happened
    "social-enterprise-procurement": _T(4, 5),
    "sign-language-call": _T(4, 5),
    "village-cafe": _T(5, -2),
    "youth-share-house": _T(5, -2),
    "senior-guides-zh": _T(5, -2),
    "balcony-solar": _T(-2, -2),
    "local-food-market": _T(-2, -2),
    "shared-parking": _T(-2, -1),
    "sinkhole-reports": _T(-2, -1),
    "riverside-busking": _T(-2, -1),
    "accessible-toilets-open-data": _T(-1, -1),
    # rejected, waiting for information
    "youth-mind-voucher": _T(0, 0),
    "school-meal-coop": _T(1, 1),
    "out-of-school-youth": _T(3, 3),  # the proposer never answered
    "senior-smartphone-class": _T(-2, -1),
    "vacant-house-cohousing": _T(-1, -1),
    # waiting in triage: two for a long time, most just arrived
    "care-workers-rights": _T(2),
    "multilingual-bus-stops": _T(4),
    "vacant-shops-youth": _T(-2),
    "safe-way-home": _T(-1),
    "market-delivery": _T(-1),
    "migrant-wage-clinic": _T(-1),
    "neighbourhood-assembly": _T(-1),
    "old-house-social-housing": _T(-1),
    "silver-cafe": _T(-1),
    "dementia-memory-cafe": _T(-1),
    "citizen-college": _T(-1),
    "festival-for-all": _T(-1),
    "social-contribution-matching": _T(-1),
    "affordable-shared-housing": _T(-1),
}


@dataclass(frozen=True)
class DemoKpi:
    name: str
    unit: str
    baseline: float
    target: float


@dataclass(frozen=True)
class DemoPlan:
    """An execution plan (실행방안): its summary, milestone titles in order (2–4) and KPIs (1–2). Due
    dates, done milestones and KPI actuals follow the agenda's timeline (the seeder works them out)."""

    summary: str
    milestones: tuple[str, ...]
    kpis: tuple[DemoKpi, ...]


_K = DemoKpi

# The plan of a plannable demo agenda that DEMO_PLANS does not list.
DEFAULT_PLAN = DemoPlan("", ("기본계획 수립", "시범 운영", "성과 점검과 확산 계획"), (_K("참여 시민", "명", 0, 1000),))

# The execution plans of the accepted, in-progress and completed demo agendas, by agenda key.
DEMO_PLANS: dict[str, DemoPlan] = {
    "energy-saving-apartment": DemoPlan(
        "노원구 시범 단지 3곳에서 에너지 절약 아파트 공동체를 꾸리고, 절약 아파트 인증과 컨설팅 제도를 만든다.",
        ("시범 단지 3곳 선정과 주민 협약", "에너지 진단과 LED 교체 컨설팅", "절약 아파트 인증 기준 마련",
         "우수 단지 시상과 확산 설명회"),
        (_K("시범 단지 전기 사용량 절감률", "%", 0, 15), _K("참여 가구", "가구", 0, 1200))),
    "youth-labour-handbook": DemoPlan(
        "청년 아르바이트 노동권익 수첩을 만들어 대학가와 편의점 밀집 지역에 배포하고 노동 상담과 잇는다.",
        ("수첩 원고 작성과 노무사 감수", "10만 부 인쇄와 배포처 협약", "대학가 찾아가는 노동권익 설명회"),
        (_K("수첩 배포 부수", "부", 0, 100000), _K("노동권익 상담 연계", "건", 120, 600))),
    "sharing-city-tools": DemoPlan(
        "동 주민센터 10곳에 공구도서관을 열어 공구를 빌려 쓰는 동네 공유 거점을 만든다.",
        ("거점 동 주민센터 10곳 선정", "공구 구입과 대여 시스템 구축", "공구도서관 개관과 운영 매뉴얼 배포"),
        (_K("공구도서관", "곳", 0, 10), _K("월 대여 건수", "건", 0, 3000))),
    "night-small-library": DemoPlan(
        "작은도서관 20곳을 주 2회 밤 10시까지 열고 동네 독서모임 운영비를 지원한다.",
        ("야간 개방 도서관 20곳 공모", "야간 운영 인력 배치", "독서모임 운영비 지원"),
        (_K("야간 개방 작은도서관", "곳", 0, 20), _K("월 야간 이용자", "명", 0, 4000))),
    "heat-shelter-night": DemoPlan(
        "폭염특보 기간에 무더위쉼터를 밤 9시까지 연장 운영하고 홀로 사는 어르신을 쉼터로 안내한다.",
        ("연장 운영 쉼터 지정", "쉼터 운영 인력과 냉방비 지원", "폭염기 연장 운영과 결과 점검"),
        (_K("야간 연장 쉼터", "곳", 0, 400), _K("여름철 온열질환자", "명", 160, 100))),
    "anti-gentrification": DemoPlan(
        "도시재생 지역에서 건물주·임차 상인·구청이 상생협약을 맺어 임대료 인상을 제한하고 장기안심상가를 지정한다.",
        ("상생협약 표준안 마련", "건물주 설명회와 협약 체결", "장기안심상가 지정", "협약 이행 점검"),
        (_K("상생협약 체결 건물", "동", 0, 150), _K("협약 상가 임차인 유지율", "%", 70, 90))),
    "night-bus-routes": DemoPlan(
        "첫차 전에 출근하는 새벽 노동자를 위해 심야버스 노선을 늘리고 배차 간격을 줄인다.",
        ("새벽 이동 수요 분석", "신규 노선 3개 시범 운행", "정식 노선 편입과 배차 조정"),
        (_K("심야버스 노선", "개", 9, 14), _K("새벽 시간대 하루 승객", "명", 6000, 9000))),
    "fair-trade-canteens": DemoPlan(
        "시청·구청 구내식당과 매점 20곳에 공정무역 커피와 간식을 들이고 구매 실적을 공개한다.",
        ("공정무역 제품 공급업체 공모", "구내식당·매점 20곳 입점", "공정무역 캠페인 주간 운영"),
        (_K("공정무역 제품 판매처", "곳", 2, 20), _K("연간 공정무역 제품 구매액", "백만원", 30, 200))),
    "low-floor-bus-zh": DemoPlan(
        "저상버스 예약 승차 서비스를 중국어·영어 안내와 함께 2개 노선에서 시범 운영한다.",
        ("예약 승차 다국어 안내 제작", "2개 노선 시범 운영", "이용자 만족도 조사"),
        (_K("월 예약 승차", "건", 0, 500),)),
    "low-floor-bus-booking": DemoPlan(
        "휠체어 이용자가 앱으로 저상버스 탑승을 예약하면 기사에게 알림이 가는 서비스를 3개 노선에서 시작한다.",
        ("버스정보시스템 연동 설계", "예약 앱 개발", "3개 노선 시범 운영", "전 노선 확대 계획 수립"),
        (_K("월 예약 이용자", "명", 0, 300), _K("탑승 실패 민원", "건", 85, 20))),
    "co-parenting": DemoPlan(
        "공동육아나눔터를 아파트 단지와 동 주민센터로 늘리고 부모 자조모임과 돌봄 품앗이를 지원한다.",
        ("신규 나눔터 공간 확보", "부모 자조모임 지원", "돌봄 품앗이 프로그램 운영"),
        (_K("공동육아나눔터", "곳", 18, 30), _K("참여 가족", "가족", 400, 1200))),
    "village-activists": DemoPlan(
        "자치구별 마을활동가 양성 과정을 운영하고 수료생의 마을 프로젝트를 공모로 지원한다.",
        ("교육과정 설계와 강사진 구성", "자치구별 양성 과정 운영", "수료생 마을 프로젝트 공모"),
        (_K("수료 활동가", "명", 0, 250),)),
    "boomer-second-career": DemoPlan(
        "은퇴한 베이비붐 세대의 경력을 비영리단체·사회적기업과 잇는 보람일자리를 만든다.",
        ("참여 기관 모집", "경력 매칭 플랫폼 구축", "참여자 활동 개시", "성과 평가와 확대 계획"),
        (_K("매칭 참여자", "명", 0, 500), _K("참여 기관", "곳", 0, 80))),
    "semi-basement-flood": DemoPlan(
        "반지하 침수 취약가구에 물막이판과 역류방지기를 설치하고 집중호우 때 이웃 동행 대피를 돕는다.",
        ("침수 취약가구 전수 조사", "물막이판·역류방지기 설치", "동행파트너 대피 훈련"),
        (_K("설치 가구", "가구", 0, 15000), _K("침수 피해 가구", "가구", 1200, 300))),
    "rooftop-gardens": DemoPlan(
        "학교와 공공건물 옥상에 텃밭을 만들고 학생과 주민이 함께 가꾸는 운영단을 꾸린다.",
        ("옥상 구조 안전 진단", "옥상텃밭 조성", "도시농부 교육과 운영단 구성"),
        (_K("옥상텃밭", "곳", 12, 60),)),
    "lonely-death-prevention": DemoPlan(
        "이웃 안부지킴이와 IoT 안부 감지기를 결합해 고립된 1인가구를 살피고 위기 가구를 긴급 지원과 잇는다.",
        ("고위험 1인가구 발굴", "이웃 안부지킴이 모집과 교육", "IoT 안부 감지기 설치", "위기 가구 긴급 지원 연계"),
        (_K("안부 확인 가구", "가구", 0, 8000), _K("연간 고독사", "건", 90, 45))),
    "reusable-cups": DemoPlan(
        "카페 밀집 지역에 다회용컵 대여·반납 순환 시스템을 도입한다.",
        ("참여 카페 모집", "반납기 설치와 세척 센터 계약", "다회용컵 순환 시범 운영"),
        (_K("참여 카페", "곳", 0, 300), _K("월 일회용컵 감소량", "만 개", 0, 50))),
    "repair-cafe": DemoPlan(
        "동네마다 한 달에 한 번 수리 카페를 열어 고쳐 쓰는 문화를 만든다.",
        ("수리 자원봉사자 모집", "거점 공간 협약", "월례 수리 카페 운영"),
        (_K("수리 카페 운영 동", "개 동", 0, 40), _K("월 수리 물품", "점", 0, 1500))),
    "new-residents-desk": DemoPlan(
        "외국인주민이 많은 동 주민센터에 다국어 생활상담 창구를 열고 상담 사례를 관리한다.",
        ("통번역 상담원 채용", "상담 창구 5곳 개설", "상담 사례 관리 체계 구축"),
        (_K("월 다국어 상담", "건", 0, 2000),)),
    "village-cafe": DemoPlan(
        "주민이 함께 운영하는 마을카페를 유휴 공공공간에 열도록 공간과 초기 운영비를 지원한다.",
        ("공간 후보지 조사", "운영 주민모임 공모", "마을카페 개소"),
        (_K("마을카페", "곳", 0, 12),)),
    "migrant-centre": DemoPlan(
        "이주민 복지문화센터 설립의 타당성을 조사하고 부지와 운영 주체를 정한다.",
        ("설립 타당성 조사", "부지와 예산 확보", "운영 주체 선정"),
        (_K("설립 협의에 참여한 이주민 단체", "곳", 0, 25),)),
    "shared-parking": DemoPlan(
        "낮 시간에 비는 거주자우선주차장을 공유 주차로 개방한다.",
        ("공유 가능 구획 조사", "공유주차 앱 연동", "3개 자치구 시범 개방"),
        (_K("공유 개방 구획", "면", 0, 2000),)),
    "social-enterprise-procurement": DemoPlan(
        "기관별 사회적경제기업 제품 공공구매 목표를 정하고 실적을 분기마다 공개한다.",
        ("기관별 구매 목표 설정", "우선구매 제품 목록 공개", "분기별 실적 공개"),
        (_K("사회적경제기업 공공구매액", "억원", 1200, 1800),)),
    "youth-share-house": DemoPlan(
        "역세권 공공부지에 청년 셰어하우스형 사회주택 300호를 공급한다.",
        ("공급 부지 선정", "사업자 공모", "입주자 모집"),
        (_K("공급 호수", "호", 0, 300),)),
    "local-food-market": DemoPlan(
        "농부와 시민을 잇는 로컬푸드 직거래 장터를 공공청사 광장에서 매달 연다.",
        ("참여 농가 모집", "장터 운영 규정 마련", "월례 직거래 장터 개장"),
        (_K("참여 농가", "곳", 0, 60),)),
    "sinkhole-reports": DemoPlan(
        "공사장 주변 싱크홀 징후를 시민이 신고하면 24시간 안에 점검하는 제도를 만든다.",
        ("신고 채널 개설", "24시간 점검 절차 마련", "시민 신고단 교육"),
        (_K("24시간 안에 점검한 신고 비율", "%", 40, 95),)),
    "sign-language-call": DemoPlan(
        "120다산콜센터에 수어 영상상담을 도입한다.",
        ("수어 상담사 채용", "영상상담 시스템 구축", "시범 운영"),
        (_K("월 수어 영상상담", "건", 0, 800),)),
    "balcony-solar": DemoPlan(
        "아파트 베란다 미니태양광 공동구매를 지원하고 설치 후 관리까지 돕는다.",
        ("공동구매 단지 모집", "설치업체 선정", "설치와 사후관리"),
        (_K("설치 가구", "가구", 0, 5000), _K("연간 발전량", "MWh", 0, 1800))),
    "riverside-busking": DemoPlan(
        "한강 둔치에 상설 버스킹 무대를 만들고 공연자 등록제를 운영한다.",
        ("무대 위치 선정과 인허가", "공연자 등록제 운영", "상설 무대 개장"),
        (_K("상설 무대", "곳", 0, 6),)),
    "accessible-toilets-open-data": DemoPlan(
        "장애인이 이용할 수 있는 공중화장실 정보를 조사해 열린데이터광장에 공개한다.",
        ("화장실 접근성 전수 조사", "데이터 표준 마련", "열린데이터광장 공개"),
        (_K("공개한 화장실 정보", "곳", 0, 3500),)),
    "senior-guides-zh": DemoPlan(
        "어르신을 동네 역사 해설사로 양성해 골목과 시장을 안내하는 일자리를 만든다.",
        ("해설사 양성 과정 개설", "도보 해설 코스 개발", "해설 활동 개시"),
        (_K("어르신 해설사", "명", 0, 120),)),
}


@dataclass(frozen=True)
class DemoMinutes:
    """What the minutes of a workshop item say; ``{dept}`` in the decision is the owner's name."""

    notes: str
    decision: str


_M = DemoMinutes

# The minutes of workshop items, by item purpose.
DEMO_ITEM_TEXTS: dict[str, DemoMinutes] = {
    "DISCOVERY": _M("참석자들이 현장에서 겪은 문제를 바탕으로 새 의제를 제안했다. 관련 부서와 시민단체가 함께 "
                   "기획안을 만들기로 했다.", "{dept}에서 기획안 초안을 마련한다"),
    "PLAN_REVIEW": _M("실행방안의 마일스톤과 KPI를 검토했다. 예산 확보 시기와 시민 참여 방식에 대한 의견이 나왔다.",
                     "{dept}에서 의견을 반영해 실행계획을 확정한다"),
    "PROGRESS_CHECK": _M("추진상황을 점검했다. 마일스톤 진행과 KPI 측정값을 확인하고 다음 분기 일정을 조율했다.",
                        "{dept}에서 계획대로 추진하고 다음 워크숍에 결과를 보고한다"),
    # a progress check of an agenda with a milestone past its due date
    "PROGRESS_CHECK_LATE": _M("추진상황을 점검했다. 기한이 지난 마일스톤이 있어 지연 원인과 부서 간 협조 사항을 논의했다.",
                             "{dept}에서 지연 원인과 만회 계획을 다음 워크숍에 보고한다"),
    "OUTCOME_SHARING": _M("성과와 추진 과정에서 얻은 교훈을 참석자들과 나눴다.",
                         "혁신사례로 정리해 다른 자치구로 확산을 검토한다"),
}


@dataclass(frozen=True)
class DemoAction:
    """An action item a workshop sets, due ``due_in_days`` after the workshop."""

    title: str
    due_in_days: int


# The action items the workshops set, by item purpose.
DEMO_ACTIONS: dict[str, DemoAction] = {
    "DISCOVERY": DemoAction("관련 부서 협의와 기획안 초안 작성", 45),
    "PLAN_REVIEW": DemoAction("세부 실행계획과 예산안 보완", 60),
    "PROGRESS_CHECK": DemoAction("지연된 마일스톤 만회 계획 제출", 30),
    "OUTCOME_SHARING": DemoAction("성과 사례 원고 작성과 확산 대상 자치구 협의", 75),
}


@dataclass(frozen=True)
class DemoReview:
    """A review by the research team (사회혁신연구단) of a demo agenda in a story quarter. ``scores``
    are 1–5 for INNOVATION, FEASIBILITY, IMPACT, CITIZEN_PARTICIPATION and SUSTAINABILITY, the order
    of :data:`server.workshops.research.CRITERIA`."""

    agenda_key: str
    quarter: int
    scores: tuple[int, int, int, int, int]
    opinion: str


_R = DemoReview

DEMO_REVIEWS: tuple[DemoReview, ...] = (
    _R("youth-labour-handbook", 2, (3, 5, 4, 4, 3),
       "배포는 빠르게 이뤄졌으나 수첩이 실제 상담과 임금체불 구제로 이어졌는지 추적할 지표가 더 필요합니다."),
    _R("semi-basement-flood", 2, (3, 5, 5, 3, 4),
       "장마철 전에 설치를 끝낸 실행력이 돋보입니다. 세입자가 설치를 요청하기 어려운 구조를 보완해야 합니다."),
    _R("energy-saving-apartment", 3, (4, 5, 4, 5, 4),
       "주민이 사용량을 비교하고 아낀 관리비를 공동체 활동에 쓰는 구조가 지속 가능성을 높입니다. "
       "단지 규모별 효과 차이를 분석해 확산 기준을 세우기를 권합니다."),
    _R("low-floor-bus-booking", 3, (4, 3, 5, 4, 3),
       "교통약자의 이동권을 넓히는 혁신성이 큽니다. 기사 교육과 경사판 점검 체계가 함께 가야 실효성이 있습니다."),
    _R("boomer-second-career", 3, (4, 3, 4, 3, 2),
       "참여 기관 모집이 늦어지고 있습니다. 매칭 플랫폼보다 기관 네트워크를 먼저 다지는 편이 현실적입니다."),
    _R("sharing-city-tools", 3, (4, 4, 3, 5, 3),
       "주민센터를 거점으로 삼아 접근성이 좋습니다. 공구 관리 인력의 지속적인 재원이 과제입니다."),
    _R("anti-gentrification", -2, (5, 4, 4, 4, 5),
       "건물주와 임차 상인이 함께 서명하는 협약 모델은 다른 도시에도 참고가 됩니다. 협약 만료 뒤의 이행 점검이 관건입니다."),
    _R("lonely-death-prevention", -2, (5, 3, 5, 4, 4),
       "이웃 관계와 기술을 함께 쓰는 설계가 좋습니다. 감지기 설치에 대한 개인정보 동의 절차를 명확히 해야 합니다."),
)


@dataclass(frozen=True)
class DemoCase:
    """An innovation case (혁신사례) published in story quarter ``quarter``. PROGRAMME cases tell the
    completed demo agenda ``agenda_key`` (published by its owner, in its field); the others are the
    research team's case analyses."""

    origin: str
    agenda_key: str | None
    title: str
    field: str
    place: str
    summary: str
    outcome: str
    lessons: str
    quarter: int


DEMO_CASES: tuple[DemoCase, ...] = (
    DemoCase(
        origin="INTERNATIONAL", agenda_key=None, title="볼로냐 도시공유재 협력 규정",
        field=PolicyField.LIVING_CULTURE_SPACE.value, place="이탈리아 볼로냐",
        summary="볼로냐시는 2014년 '도시공유재의 돌봄과 재생을 위한 시민과 시의 협력 규정'을 만들었다. 시민과 주민 모임이 "
                "광장·공원·빈 건물 같은 공유재를 돌보겠다고 제안하면 시와 '협력 협약'을 맺고, 시는 허가 절차를 줄이고 "
                "재료와 교육을 지원한다.",
        outcome="제정 뒤 몇 년 사이 수백 건의 협력 협약이 맺어졌고, 이탈리아의 여러 도시가 비슷한 규정을 도입했다.",
        lessons="행정이 '허가하는 쪽'에서 '함께 돌보는 쪽'으로 바뀌려면 조례 같은 제도적 근거와 표준 협약서가 필요하다.",
        quarter=0),
    DemoCase(
        origin="DOMESTIC", agenda_key=None, title="완주군 로컬푸드 직매장: 농가와 소비자를 바로 잇다",
        field=PolicyField.DISTRIBUTION.value, place="전북특별자치도 완주군",
        summary="완주군은 2012년 용진농협 로컬푸드 직매장을 시작으로 지역 농가가 그날 수확한 농산물을 직접 값을 매겨 "
                "진열하는 직매장을 늘렸다. 중간 유통을 줄여 농가 수취가격을 높이고 소비자는 신선한 농산물을 산다.",
        outcome="소농과 고령농이 안정적인 판로를 얻었고, 전국 지자체와 농협이 로컬푸드 직매장을 잇따라 열었다.",
        lessons="생산자 조직화와 출하 교육, 품질 관리 규칙이 직매장보다 먼저 준비되어야 한다.",
        quarter=1),
    DemoCase(
        origin="PROGRAMME", agenda_key="youth-labour-handbook", title="청년 아르바이트 노동권익 수첩",
        field=PolicyField.JOBS.value, place="서울 대학가와 편의점 밀집 지역",
        summary="아르바이트 청년이 근로계약, 최저임금, 임금체불 대처법을 한눈에 볼 수 있는 수첩을 만들어 대학가와 편의점 "
                "밀집 지역에 배포하고 노동권익센터 상담과 연결했다.",
        outcome="수첩 10만 부를 배포했고 노동권익 상담 연계가 크게 늘었다.",
        lessons="배포처를 대학 학생회·편의점 본사와 함께 정하니 청년에게 실제로 닿았다. 상담 이후의 구제 결과까지 추적해야 한다.",
        quarter=3),
    DemoCase(
        origin="PROGRAMME", agenda_key="energy-saving-apartment", title="주민이 함께 줄인 전기: 에너지 절약 아파트 공동체",
        field=PolicyField.LIVING_CULTURE_SPACE.value, place="노원구",
        summary="노원구 아파트 3개 단지 주민들이 LED 교체와 대기전력 차단 캠페인을 함께 벌이고, 단지별 사용량을 비교해 "
                "공개했다. 시는 에너지 진단과 컨설팅을 지원하고 절약 아파트 인증 기준을 만들었다.",
        outcome="시범 단지의 전기 사용량이 평균 15% 줄었고 1,200가구가 참여했다.",
        lessons="아낀 관리비를 주민 활동에 다시 쓰는 규칙이 참여를 오래 유지하게 했다.",
        quarter=3),
)
