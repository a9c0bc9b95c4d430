"""A small corpus in the three languages, proposed through the product by real accounts."""

CORPUS = [
    ("저상버스 탑승 예약 앱", "휠체어 이용자가 저상버스를 미리 예약하면 기사님이 경사판을 준비합니다. 종로 노선부터 시범 운영해요.", "PARTICIPATION_PUBLIC_SERVICE", "JONGNO"),
    ("마을버스 정류장에 그늘막 설치", "여름철 마을버스를 기다리는 어르신을 위해 정류장에 그늘막을 설치해 주세요.", "HOUSING_SAFETY", "MAPO"),
    ("에너지 절약 아파트 공동체", "아파트 주민들이 함께 전기를 아끼고 태양광 미니발전소를 설치하는 에너지 자립 공동체를 만들어요.", "HOUSING_SAFETY", "NOWON"),
    ("동네 공동육아 나눔터", "맞벌이 부모들이 돌아가며 아이를 함께 돌보는 공동육아 공간이 동네마다 있으면 좋겠습니다.", "LIVING_CULTURE_SPACE", "SEONGBUK"),
    ("청년 아르바이트 노동권익 수첩", "아르바이트를 하는 청년들이 최저임금과 주휴수당을 알 수 있도록 노동권익 수첩을 나눠 주세요.", "JOBS", "GWANAK"),
    ("低地板公車預約服務", "我希望坐輪椅的市民可以事先預約低地板公車，讓司機在站牌準備好斜坡板，方便大家出門。", "PARTICIPATION_PUBLIC_SERVICE", "JUNG"),
    ("社區咖啡館成為鄰里客廳", "在老舊社區開設一間社區咖啡館，讓鄰居們可以聚在一起聊天，也提供長者就業機會。", "LIVING_CULTURE_SPACE", "EUNPYEONG"),
    ("A community café for every neighbourhood", "Open a community café run by residents where neighbours meet and older people find part-time jobs.", "LIVING_CULTURE_SPACE", "YONGSAN"),
    ("Booking app for low-floor buses", "Wheelchair users should be able to book a low-floor bus in advance so the driver prepares the ramp.", "PARTICIPATION_PUBLIC_SERVICE", "GANGNAM"),
    ("Labour rights handbook for young part-time workers", "Hand out a handbook on minimum wage and weekly holiday pay to young part-time workers.", "JOBS", "GWANGJIN"),
]
