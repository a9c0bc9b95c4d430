"""Benchmark: what the cost check adds to a request, beside parsing the same document (which every
request pays anyway) and validating it with the schema's other rules.

    .venv/bin/python bench/query_cost.py [--repeat 2000]

No database, no server: ``schema/cost.py``'s estimate is a walk of the parsed document. Prints, per
document, its cost and the median microseconds to parse, to validate (graphql-core's standard rules)
and to estimate the cost. The cost check is worth keeping only while it stays a small fraction of
parse + validate.
"""

from __future__ import annotations

import argparse
import statistics
import time

from graphql import parse, validate

from schema.build import build_schema
from schema.cost import operation_cost

HEAVY = ("agendas(first: 100) { edges { node { id history { actor { displayName } } proposer { displayName } "
         "routing { candidates { code } } } } }")
ROW = ("fragment Row on Agenda { id title status version createdAt supportCount fieldLabel { code ko en } "
       "proposer { id displayName } owner { kind department { code name nameEn } } routing { reason } }")
DOCUMENTS = {
    "small (one agenda)": '{ agenda(id: "1") { id title status history { kind actor { displayName } } } }',
    "staff queue (fragment, 100)": ROW + " query Q { triageQueue(first: 100) { totalCount edges { cursor node { ...Row } } } }",
    "reported (20 aliases)": "{ " + " ".join(f"a{i}: {HEAVY}" for i in range(20)) + " }",
    "fragment bomb (2^30)": '{ agenda(id: "1") { ...F0 } }\n' + "\n".join(
        f"fragment F{i} on Agenda {{ a: proposer {{ ...F{i + 1} }} b: proposer {{ ...F{i + 1} }} }}" for i in range(30)
    ) + "\nfragment F30 on Agenda { id }",
}


def median_us(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1e6)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=2000)
    args = parser.parse_args()
    schema = build_schema()._schema
    print(f"{'document':30} {'cost':>16} {'parse µs':>9} {'validate µs':>12} {'cost µs':>8}")
    for name, text in DOCUMENTS.items():
        document = parse(text)
        cost = operation_cost(schema, document)
        parse_us = median_us(lambda: parse(text), args.repeat)
        validate_us = median_us(lambda: validate(schema, document), args.repeat)
        cost_us = median_us(lambda: operation_cost(schema, document), args.repeat)
        print(f"{name:30} {cost:>16,.0f} {parse_us:>9.0f} {validate_us:>12.0f} {cost_us:>8.0f}")


if __name__ == "__main__":
    main()
