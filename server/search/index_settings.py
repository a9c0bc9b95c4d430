"""Index settings, managed in code and applied idempotently at start (and to every index a reindex
builds), so that a deployment's ranking never depends on what someone clicked in a console."""

from __future__ import annotations

from meilisearch_python_sdk.models.settings import MeilisearchSettings, TypoTolerance

# Only what the server filters or facets on: every filterable attribute costs indexing time.
FILTERABLE = ["field", "status", "channel", "visibility", "district", "owner_kind", "department_code",
              "proposer_id"]
FACETS = ["field", "status", "channel", "department_code", "district"]

# Common pairs in the programme's own vocabulary, both directions. Few and exact: synonyms widen
# every query they touch, so only terms people demonstrably write both ways belong here.
_SYNONYM_GROUPS = [
    ["저상버스", "low-floor bus", "低地板公車"],
    ["공동육아", "co-parenting", "共同育兒"],
    ["마을카페", "community café", "community cafe"],
    ["공유", "sharing"],
    ["청년", "youth"],
    ["어르신", "노인", "elderly", "senior"],
    ["일자리", "jobs", "employment"],
    ["주거", "housing", "住宅"],
    ["안전", "safety"],
    ["돌봄", "care"],
    ["이주민", "migrant", "移民"],
    ["사회적경제", "social economy"],
    ["에너지", "energy"],
]


def synonyms() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for group in _SYNONYM_GROUPS:
        for term in group:
            out[term] = [t for t in group if t != term]
    return out


def agenda_settings() -> MeilisearchSettings:
    return MeilisearchSettings(
        searchable_attributes=["title", "body", "department_name", "department_name_en"],
        filterable_attributes=FILTERABLE,
        sortable_attributes=["id", "support_count"],
        displayed_attributes=["*"],
        synonyms=synonyms(),
        typo_tolerance=TypoTolerance(enabled=True),
        pagination={"maxTotalHits": 10000},
        faceting={"maxValuesPerFacet": 100},
        # Facet *search* (searching inside facet values) is a feature we never call; building its
        # structures costs indexing time on every write. Facet counts are unaffected.
        facet_search=False,
    )
