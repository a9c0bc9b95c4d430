from enum import Enum


class ItemPurpose(str, Enum):
    DISCOVERY = "DISCOVERY"            # 신규의제 발굴: agendas found here get channel WORKSHOP
    PLAN_REVIEW = "PLAN_REVIEW"        # 기획안 토론
    PROGRESS_CHECK = "PROGRESS_CHECK"  # 추진상황 점검: snapshots status and progress
    OUTCOME_SHARING = "OUTCOME_SHARING"  # 성과 공유


class AffiliationType(str, Enum):
    OFFICIAL = "OFFICIAL"
    EXPERT = "EXPERT"
    CIVIC_GROUP = "CIVIC_GROUP"


class CaseOrigin(str, Enum):
    PROGRAMME = "PROGRAMME"          # a completed agenda of our own programme
    DOMESTIC = "DOMESTIC"            # 국내 사례
    INTERNATIONAL = "INTERNATIONAL"  # 해외 사례
