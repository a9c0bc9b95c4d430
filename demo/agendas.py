"""The demo agendas: about fifty proposals in Korean, English and Traditional Chinese, modelled on
the examples of Seoul's social innovation programme (2012–), spread over the five policy fields, the
channels and every lifecycle status. The texts are illustrative. Data only: the seeder proposes
them through :func:`server.agendas.service.propose` (so routing really runs) and moves them on
through the ordinary transitions.
"""

from __future__ import annotations

from dataclasses import dataclass

from demo.accounts import CITIZEN_EMAILS, FACILITATOR_EMAIL, OFFICER_EMAIL, RESEARCHER_EMAIL, department_email
from server.agendas.reference import POLICY_FIELD_CODES

_DIST, _LCS, _JOBS, _HS, _PPS = POLICY_FIELD_CODES


@dataclass(frozen=True)
class DemoAgenda:
    """One demo agenda. ``status`` is the state the seeder brings it to (through the ordinary
    transitions, so that its history is realistic); ``status_reason`` is the reason recorded for
    REJECTED and NEEDS_INFO. ``work_plan`` references an item of
    :data:`demo.departments.WORK_PLAN_ITEMS` by ``(department_code, title)``. ``proposer`` is the
    e-mail of the demo account that proposes it: a citizen for CITIZEN_PROPOSAL, a staff-side account
    for every other channel. ``supports`` is the number of demo supports to add. ``key`` is a stable
    slug so that seeding is idempotent."""

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
       _DIST, "DEPARTMENT_WORK", "ACCEPTED", "JUNG", department_email("SOCIAL_ECONOMY")),
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
       _PPS, "DEPARTMENT_WORK", "IN_PROGRESS", "GANGBUK", department_email("WELFARE")),
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
       _HS, "DEPARTMENT_WORK", "COMPLETED", "JONGNO", department_email("SAFETY")),
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
