"""Index settings, managed in code and applied idempotently at start (and to every index a reindex
builds), so that a deployment's ranking never depends on what someone clicked in a console."""

from __future__ import annotations

from meilisearch_python_sdk.models.settings import MeilisearchSettings, TypoTolerance

# Only what the server filters or facets on: every filterable attribute costs indexing time.
FILTERABLE = ["field", "status", "channel", "visibility", "district", "owner_kind", "department_code",
              "proposer_id"]
FACETS = ["field", "status", "channel", "department_code", "district"]

def synonyms() -> dict[str, list[str]]:
    """The shipped civic thesaurus as Meilisearch synonyms (each term → the other terms of its
    concept, in every language). Admins' additions are merged in when the settings are pushed
    (``SearchEngine.ensure_index`` and the indexer's ``thesaurus`` topic read the live thesaurus)."""
    from server.thesaurus.model import shipped_thesaurus

    return shipped_thesaurus().synonyms()


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
