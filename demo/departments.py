"""Seoul's demo departments (실·국·본부) with their routing keywords, and their work-plan items
(업무계획). Data, plus :func:`work_plan_profiles` and :func:`work_plan_id`, which give the items the
ids the seeder's insertion order gives them, so that routing tests can use the demo without a
database; the seeder files them through the domain's department functions.

The offices and bureaus are the Seoul Metropolitan Government's own; the work-plan items are
illustrative.

How the department keywords are chosen (see :mod:`server.agendas.routing` for the rule): Korean and
Chinese keywords match as substrings, so they are specific compounds (``저상버스``, not ``버스``, which
also matches ``버스킹``); words every agenda uses (시민, 서울, 지원, 문화, 교육, city) are never
keywords, so that only the departments an agenda is really about become candidates. Each department
mixes Korean, English and a few Traditional Chinese keywords; English ones are singular words or
phrases (plurals match automatically).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from server.agendas.reference import POLICY_FIELD_CODES
from server.agendas.routing import DepartmentProfile, WorkPlanProfile

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
# 사무분장: what each office is responsible for, in its own words. Routing reads the thesaurus
# concepts a statement names as evidence for the office, beside its keywords.
DUTY_STATEMENTS: dict[str, str] = {
    "TRANSPORT": "시내버스·마을버스·심야버스 노선과 버스정류장, 버스 쉼터 운영; 지하철 환승과 역 엘리베이터 등 "
                 "교통약자 이동 편의(휠체어 탑승, 장애인콜택시); 어린이보호구역과 통학로의 과속 단속, 신호등·보행신호, "
                 "횡단보도 등 교통안전; 주차 정책과 공유주차; 자전거도로와 따릉이, 전동킥보드 관리; 택시와 카셰어링; "
                 "교통체증 완화.",
    "WELFARE": "기초생활보장과 긴급복지, 저소득 취약계층 지원; 복지사각지대 위기가구 발굴; 독거어르신 안부 확인과 "
               "고독사 예방; 노인돌봄과 경로당 운영; 장애인복지와 활동지원, 장애인 가족의 돌봄 부담 완화; 노숙인 "
               "지원과 푸드뱅크; 결식아동 급식 지원.",
    "HOUSING": "공공임대주택과 청년주택, 신혼부부 주택 공급; 사회주택·공동체주택·셰어하우스; 주거급여와 청년 월세 "
               "지원; 세입자 보호와 전세사기 피해 상담, 집주인과의 분쟁 조정; 반지하 주거 개선과 집수리, 곰팡이·누수 "
               "같은 노후주택 문제; 엘리베이터 없는 노후 공동주택의 승강기 설치 지원; 빈집 활용; 고령자 주택; 관리비 "
               "등 공동주택 관리.",
    "ECONOMY": "전통시장과 골목상권 활성화, 상인회 지원; 소상공인·자영업자의 카드 수수료와 상가 임대료 부담 완화; "
               "지역사랑상품권 등 지역화폐; 공동배송과 온라인 판매 판로 지원; 물가 안정과 유통 구조 개선; "
               "프랜차이즈 가맹점 상생.",
    "CULTURE": "생활문화와 동아리 지원; 도서관·작은도서관과 독서모임; 공연·버스킹 무대와 축제, 전시회와 박물관; "
               "예술가 지원; 영화 상영과 문화유산 활용.",
    "SAFETY": "재난 대비와 대응: 침수와 집중호우, 지진, 화재, 산사태, 싱크홀; 재난문자 경보와 대피소 안내, 대피 "
              "훈련; 빗물받이·배수구 점검; 폭염 무더위쉼터와 한파쉼터 운영; 안전점검과 안전사고 예방; 범죄예방과 "
              "CCTV, 가로등 설치.",
    "CLIMATE_ENV": "탄소중립과 기후위기 대응, 온실가스 감축; 에너지 절약과 태양광 보급; 미세먼지와 대기오염 관리; "
                   "재활용과 분리배출, 음식물 쓰레기와 퇴비화; 일회용품 줄이기와 다회용컵 보급; 전기차 충전소; 의류 "
                   "재사용; 소음 관리.",
    "WOMEN_FAMILY": "보육과 아이돌봄, 어린이집과 방과후 돌봄(우리동네키움센터), 공동육아; 저출생 대응과 임산부 "
                    "지원; 한부모 가족 지원; 경력단절여성 재취업; 여성 안심귀가 서비스와 여성 안전; 가정폭력 "
                    "피해 지원; 성평등 정책.",
    "LABOUR": "노동권익 보호와 노동자 상담: 임금체불, 최저임금·생활임금, 근로계약, 부당해고; 아르바이트 청소년과 "
              "배달노동자·플랫폼노동 종사자 보호, 이동노동자 쉼터; 감정노동과 직장 내 괴롭힘 예방; 과로와 산업재해 "
              "예방; 돌봄노동자 권리 보장.",
    "JOBS": "일자리 정책: 청년일자리와 구직 지원, 직업훈련과 코딩 교육 같은 취업 교육; 신중년·은퇴자의 경력 활용과 "
            "노인일자리; 일자리 매칭과 취업박람회, 인턴십; 창업 지원.",
    "INNOVATION": "공유도시 정책과 물품 공유, 공구도서관; 마을공동체와 주민모임, 마을활동가 양성; 공유부엌과 "
                  "마을카페; 리빙랩과 수리 카페; 비영리 공익활동과 자원봉사 지원.",
    "REGENERATION": "도시재생사업; 노후 주거지와 저층주거지의 골목길 정비; 빈 점포와 유휴공간 활용; "
                    "젠트리피케이션(둥지내몰림) 방지와 상생협약.",
    "COMMUNICATION": "시민 소통: 민원과 120다산콜센터, 응답소; 공론화와 시민토론, 온라인 투표(민주주의서울); "
                     "청원과 시민제안; 여론조사; 정보공개; 수어 안내.",
    "HEALTH": "시민 건강: 보건소와 공공의료, 응급의료; 치매 예방과 치매 가족 지원, 주간보호; 정신건강과 심리상담, "
              "자살예방; 건강검진과 방문간호; 감염병과 예방접종; 금연; 호스피스.",
    "EDUCATION": "평생교육: 시민대학과 평생학습 배움터, 학습동아리; 문해교육; 학교 밖 청소년과 검정고시 지원; "
                 "교육격차 해소; 진로교육.",
    "DIGITAL": "디지털 포용: 디지털 격차 해소, 어르신 키오스크·스마트폰 교실; 공공와이파이; 공공데이터 개방과 "
               "빅데이터; 스마트도시와 사물인터넷; 전자민원 등 온라인 신청; 인공지능 행정.",
    "SOCIAL_ECONOMY": "사회적경제: 사회적기업·마을기업·협동조합 설립과 운영 지원; 공정무역과 윤리적 소비; 로컬푸드 "
                      "직거래; 사회적경제기업 제품 공공구매.",
    "PARKS": "공원과 녹지, 숲길과 산책로, 등산로; 가로수와 그늘 나무 심기, 그늘막과 벤치; 놀이터; 도시농업과 "
             "옥상텃밭; 하천 주변 여가 공간; 길고양이 등 동물 보호.",
    "GLOBAL": "외국인주민과 이주민 지원: 결혼이민자와 다문화 가족, 한국어 교실과 통번역; 이주노동자 상담; 난민과 "
              "유학생 지원; 외국인 관광객 안내.",
}
DEPARTMENTS = tuple(replace(d, duty_statement=DUTY_STATEMENTS[d.code]) for d in DEPARTMENTS)
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



def demo_router():
    """The routing rule over the demo catalogue and the shipped thesaurus, held in memory (no
    database): what ``agenda routing-eval --demo`` and the routing-quality test measure."""
    from server.agendas.routing import Router
    from server.thesaurus.model import shipped_thesaurus

    return Router(DEPARTMENTS, work_plan_profiles(), year=WORK_PLAN_YEAR, thesaurus=shipped_thesaurus())
