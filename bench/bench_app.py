"""The server under test: the real application plus the *floor*, in one uvicorn process.

``make_app`` is a uvicorn factory (``uvicorn bench.bench_app:make_app --factory``); with
``--workers N`` > 1 the bench runs ``python -m bench.bench_app`` instead, which serves N processes
exactly as ``agenda serve`` with ``AGENDA_WORKERS=N`` does (civic/processes.py: shared generation and
rate limit, one drain in the parent), each child ``make_child_app``. It builds the
product exactly as ``agenda serve`` does — ``create_app(Settings.from_env())``, every middleware,
the GraphQL view with its limits and error masking — and adds one route, ``GET /floor?first=N``.

The floor answers the same question as ``agendas(first: N) { totalCount edges { node { … } } }``
for an anonymous caller, with the least machinery one could write by hand: ONE SQL statement (the
page joined to its owner department and proposer, the total as an uncorrelated scalar subquery),
rows turned straight into the same JSON document GraphQL returns. It runs in the same process,
behind the same middleware, over the same Tortoise connection (same driver, same pool, same SQLite
lock), so "GraphQL ÷ floor" measures only what the GraphQL layer, the ORM and the DataLoaders add —
not a different server, driver or database setup.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from schema.view import GraphQLView
from server import db
from server.agendas.policy import PUBLIC_STATUSES
from civic.app import create_app
from server.settings import Settings

# The anonymous visibility rule (server.agendas.policy.visible_q), written out as SQL literals:
# they are constants, never user input.
_PUBLIC = ", ".join(f"'{s.value}'" for s in sorted(PUBLIC_STATUSES, key=lambda s: s.value))
_VISIBLE = f"visibility = 'PUBLIC' AND status IN ({_PUBLIC})"

FLOOR_SQL = f"""
SELECT a.id, a.title, a.status, a.field, a.support_count, a.owner_kind,
       d.code AS department_code, d.name_ko AS department_name,
       u.display_name AS proposer_name,
       (SELECT COUNT(*) FROM agendas WHERE {_VISIBLE}) AS total
FROM agendas a
JOIN users u ON u.id = a.proposer_id
LEFT JOIN departments d ON d.id = a.owner_department_id
WHERE a.{_VISIBLE.replace(" AND status", " AND a.status")}
ORDER BY a.id DESC
LIMIT {{limit}}
"""


def floor_sql(first: int) -> str:
    """The statement for a page of ``first`` rows (an int we parsed: safe to inline, and it keeps
    the statement free of dialect-specific placeholders, ``?`` vs ``$1``)."""
    return FLOOR_SQL.format(limit=int(first))


def floor_document(rows: list[dict]) -> dict:
    """Rows → the exact JSON document the GraphQL operation in ``bench/list_agendas.py`` returns."""
    edges = []
    for r in rows:
        owner = None
        if r["owner_kind"]:
            dept = None
            if r["department_code"] is not None:
                dept = {"code": r["department_code"], "name": r["department_name"]}
            owner = {"kind": r["owner_kind"], "department": dept}
        edges.append({"node": {
            "id": str(r["id"]), "title": r["title"], "status": r["status"], "field": r["field"],
            "supportCount": r["support_count"], "owner": owner,
            "proposer": {"displayName": r["proposer_name"]},
        }})
    total = rows[0]["total"] if rows else 0  # LIMIT >= 1: no rows means none visible
    return {"data": {"agendas": {"totalCount": total, "edges": edges}}}


async def floor(request: Request) -> Response:
    try:
        first = int(request.query_params.get("first", "20"))
    except ValueError:
        return Response("first must be an integer", status_code=400)
    if not 1 <= first <= 100:
        return Response("first must be between 1 and 100", status_code=400)
    rows = await db.connection().execute_query_dict(floor_sql(first))
    return JSONResponse(floor_document(rows))


def add_floor(app: Starlette) -> Starlette:
    # Before the product's routes, behind its middleware (Tortoise context, security headers).
    app.router.routes.insert(0, Route("/floor", floor, methods=["GET"]))
    # ``/graphql-own``: the same schema and view, without shared anonymous answers, so every request
    # is executed — what a signed-in reader (or a query nobody else asks) costs (issue 16, item 2).
    graphql = next(r.endpoint for r in app.routes if getattr(r, "path", None) == "/graphql")
    own = GraphQLView(graphql.schema, graphql.settings)
    own.share_answers = False
    app.router.routes.insert(0, Route("/graphql-own", own, methods=["GET", "POST"]))
    return app


def make_app() -> Starlette:
    """uvicorn factory: settings from the environment, as in production; migrations already ran."""
    return add_floor(create_app(Settings.from_env(), run_migrations=False))


def make_child_app() -> Starlette:
    """uvicorn factory of one of ``agenda serve``'s processes (``civic.processes.child_app``) plus the floor."""
    from civic.processes import child_app

    return add_floor(child_app())


def main() -> None:
    """``agenda serve`` with ``AGENDA_WORKERS`` processes, the children being ``make_child_app``
    (migrations already ran; MEILI_URL is set by the bench)."""
    from civic.processes import serve_processes
    from civic.runtime import load_settings, setup_logging

    settings = load_settings()
    setup_logging(settings)
    serve_processes(settings, app="bench.bench_app:make_child_app")


if __name__ == "__main__":
    main()
