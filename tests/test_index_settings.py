"""A start configures the search indexes from code — and sends an index only what it lacks: a
settings task costs Meilisearch 0.2–2 s with the thesaurus's synonyms even when nothing changes."""

from __future__ import annotations

import pytest

from server.search.engine import live_synonyms, unapplied

async def settings_tasks(engine, uid: str) -> int:
    response = await engine.client.http_client.get("tasks", params={"types": "settingsUpdate", "indexUids": uid, "limit": 1})
    return response.json()["total"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # no database involved
async def test_a_start_sends_an_index_only_the_settings_it_lacks(app):
    engine = app.state.search
    uid = await engine.ensure_index(topic="agenda")
    before = await settings_tasks(engine, uid)

    await engine.ensure_index(topic="agenda")  # the next start: everything is in place
    assert await settings_tasks(engine, uid) == before

    # Someone turned typo tolerance off in a console, and the synonyms are not the thesaurus's.
    response = await engine.client.http_client.patch(
        f"indexes/{uid}/settings", json={"typoTolerance": {"enabled": False}, "synonyms": {"버스": ["bus"]}})
    await engine.client.wait_for_task(response.json()["taskUid"], timeout_in_ms=30_000, interval_in_ms=10)
    await engine.ensure_index(topic="agenda")
    current = (await engine.client.http_client.get(f"indexes/{uid}/settings")).json()
    assert current["typoTolerance"]["enabled"] is True
    assert current["synonyms"] == await live_synonyms()
    assert await settings_tasks(engine, uid) == before + 2  # the console's change and our one repair


def test_settings_meilisearch_fills_with_defaults_count_as_applied_but_synonyms_must_match_exactly():
    reported = {"typoTolerance": {"enabled": True, "minWordSizeForTypos": {"oneTypo": 5, "twoTypos": 9}},
                "filterableAttributes": ["field", "status"], "synonyms": {"버스": ["bus"], "old": ["gone"]}}
    assert unapplied({"typoTolerance": {"enabled": True}, "filterableAttributes": ["field", "status"]}, reported) == {}
    assert unapplied({"filterableAttributes": ["field"]}, reported) == {"filterableAttributes": ["field"]}
    # a term an admin removed must leave the index: a subset of the synonyms is not enough
    assert unapplied({"synonyms": {"버스": ["bus"]}}, reported) == {"synonyms": {"버스": ["bus"]}}
