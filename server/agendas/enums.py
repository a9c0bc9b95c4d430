"""The programme's fixed vocabularies: these are the codes; their labels live in ``reference``."""

from enum import Enum


class PolicyField(str, Enum):
    DISTRIBUTION = "DISTRIBUTION"
    LIVING_CULTURE_SPACE = "LIVING_CULTURE_SPACE"
    JOBS = "JOBS"
    HOUSING_SAFETY = "HOUSING_SAFETY"
    PARTICIPATION_PUBLIC_SERVICE = "PARTICIPATION_PUBLIC_SERVICE"


class Channel(str, Enum):
    CITIZEN_PROPOSAL = "CITIZEN_PROPOSAL"
    CASE_ANALYSIS = "CASE_ANALYSIS"
    EXPERT_INTERVIEW = "EXPERT_INTERVIEW"
    DEPARTMENT_WORK = "DEPARTMENT_WORK"
    WORKSHOP = "WORKSHOP"


class AgendaStatus(str, Enum):
    SUBMITTED = "SUBMITTED"
    IN_TRIAGE = "IN_TRIAGE"
    NEEDS_INFO = "NEEDS_INFO"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    MERGED = "MERGED"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"


class Visibility(str, Enum):
    """PUBLIC agendas are open data once routed; INTERNAL ones (staff channels may choose it) are
    seen by city staff and their proposer only."""

    PUBLIC = "PUBLIC"
    INTERNAL = "INTERNAL"


class EventKind(str, Enum):
    PROPOSED = "PROPOSED"
    ROUTED = "ROUTED"
    REROUTED = "REROUTED"
    TRANSITION = "TRANSITION"
    INFO_ANSWERED = "INFO_ANSWERED"
    MERGED_IN = "MERGED_IN"
    PLAN_UPDATED = "PLAN_UPDATED"
    DISCUSSED_AT_WORKSHOP = "DISCUSSED_AT_WORKSHOP"
    ESCALATED = "ESCALATED"  # the answer deadline passed: the officer and the owner's staff were told
    THRESHOLD_REACHED = "THRESHOLD_REACHED"  # enough verified supports to oblige an answer or a workshop
    OFFICIAL_ANSWER = "OFFICIAL_ANSWER"  # the owner's public answer to a threshold
    IMPORTED = "IMPORTED"  # brought in from a city's earlier system by a bulk import (server/imports)
