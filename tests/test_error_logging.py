"""What an operator reads in the log: a refusal the caller was meant to see (not logged in, forbidden,
too costly, invalid input) is one line at info; a fault keeps its traceback at error, and the caller
sees only "Unexpected error."."""

from __future__ import annotations

import logging

from server.agendas.models import Department


def graphql_records(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith(("civic_agenda.graphql", "strawberry"))]


async def test_expected_refusals_are_one_line_at_info(gql, caplog):
    caplog.set_level(logging.INFO)
    anonymous = await gql("{ triageQueue { totalCount } }")
    assert anonymous["errors"][0]["extensions"]["code"] == "NOT_AUTHENTICATED"
    costly = await gql("{ " + " ".join(f"a{i}: agendas(first: 100) {{ edges {{ node {{ history {{ kind }} }} }} }}"
                                       for i in range(10)) + " }")
    assert costly["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    invalid = await gql("{ noSuchField }")
    assert "noSuchField" in invalid["errors"][0]["message"]

    records = graphql_records(caplog)
    assert [r.levelno for r in records] == [logging.INFO] * 3
    assert all(r.exc_info is None and "\n" not in r.getMessage() for r in records)
    assert "NOT_AUTHENTICATED" in records[0].getMessage() and "triageQueue" in records[0].getMessage()
    assert "QUERY_TOO_COSTLY" in records[1].getMessage()


async def test_a_fault_keeps_its_traceback_and_stays_masked(gql, caplog, monkeypatch):
    def database_on_fire(*_args, **_kwargs):
        raise RuntimeError("disk on fire at /var/lib/postgresql")

    monkeypatch.setattr(Department, "filter", database_on_fire)
    caplog.set_level(logging.INFO)
    result = await gql("{ departments { code } }")
    assert result["data"] is None
    assert result["errors"][0]["message"] == "Unexpected error."
    assert "disk" not in str(result)

    (record,) = graphql_records(caplog)
    assert record.levelno == logging.ERROR and "departments" in record.getMessage()
    assert record.exc_info and isinstance(record.exc_info[1], RuntimeError)
