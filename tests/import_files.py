"""A city's backlog as its earlier system would export it: proposals with Korean headers, written as
CSV (CP949 as Korean Excel saves it, or UTF-8 with a BOM) or as an XLSX workbook."""

from __future__ import annotations

import csv
import io

HEADER = ["외부ID", "제목", "내용", "분야", "경로", "자치구", "제안일", "공감수", "담당부서", "상태"]
DISTRICTS = ["종로구", "마포구", "강남구", "노원구", "SONGPA", ""]
TOPICS = [
    ("저상버스 노선을 늘려 주세요", "휠체어를 타는 시민도 저상버스로 출퇴근할 수 있게 노선과 배차를 늘려 주세요.", "PARTICIPATION_PUBLIC_SERVICE", ""),
    ("어르신 돌봄 이웃 모임", "혼자 사는 어르신을 이웃이 돌보는 모임을 동마다 만들고 돌봄 활동비를 지원해 주세요.", "기업, 대학, 시민, 종교단체가 함께 하는 사회참여와 공공서비스 혁신", "WELFARE"),
    ("청년주택 공동체 공간", "청년주택 1층에 입주자가 함께 쓰는 공동체 공간과 공유 부엌을 만들어 주세요.", "HOUSING_SAFETY", "HOUSING"),
]


def backlog_rows(n: int = 200) -> list[list[str]]:
    rows = []
    for i in range(1, n + 1):
        title, body, field, owner = TOPICS[i % len(TOPICS)]
        rows.append([f"OLD-{i:04d}", f"{title} ({i})", f"{body} 제안 번호 {i}.", field, "시민제안",
                     DISTRICTS[i % len(DISTRICTS)], f"2019-{1 + i % 12:02d}-{1 + i % 28:02d} 10:{i % 60:02d}",
                     f"{i * 3:,}", owner, "채택" if i % 10 == 0 else ""])
    return rows


def to_csv(rows: list[list[str]], encoding: str, header: list[str] = HEADER) -> bytes:
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue().encode(encoding)


def to_xlsx(rows: list[list], header: list[str] = HEADER) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
