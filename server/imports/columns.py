"""The columns an import file may have (docs/import.md). A header is matched loosely — case, spaces,
underscores and hyphens do not matter — and Korean headers are accepted beside the English ones, so a
sheet exported from a Korean system needs no renaming."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    required: bool
    aliases: tuple[str, ...]


COLUMNS: tuple[Column, ...] = (
    Column("external_id", True, ("external_id", "externalid", "id", "외부id", "원본번호", "제안번호")),
    Column("title", True, ("title", "제목")),
    Column("body", True, ("body", "description", "내용", "본문", "제안내용")),
    Column("field", True, ("field", "policy_field", "분야", "정책분야")),
    Column("created_at", True, ("created_at", "created", "date", "제안일", "등록일", "작성일")),
    Column("channel", False, ("channel", "경로", "발굴경로")),
    Column("district", False, ("district", "자치구")),
    Column("supports", False, ("supports", "support_count", "공감수", "공감", "추천수")),
    Column("owner_department", False, ("owner_department", "owner", "department", "담당부서", "부서코드")),
    Column("status", False, ("status", "상태", "처리상태")),
)
REQUIRED = tuple(c.key for c in COLUMNS if c.required)


def normalise(header: str) -> str:
    h = unicodedata.normalize("NFKC", header or "").strip().casefold()
    return "".join(ch for ch in h if ch not in " _-\u00a0")


_BY_ALIAS: dict[str, str] = {}
for _c in COLUMNS:
    for _a in _c.aliases:
        _BY_ALIAS[normalise(_a)] = _c.key


def column_key(header: str) -> str | None:
    return _BY_ALIAS.get(normalise(header))
