"""The schema: root types merged from the per-domain modules, with the limits that protect the
service (depth, aliases, tokens, batch size) and error masking (no internals reach a client)."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors, MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from schema.accounts.mutations import AccountMutations
from schema.accounts.queries import AccountQueries
from schema.agendas.mutations import AgendaMutations
from schema.agendas.queries import AgendaQueries
from schema.mail.queries import MailQueries
from schema.notifications.mutations import NotificationMutations
from schema.notifications.queries import NotificationQueries
from schema.search.queries import SearchQueries, SecondarySearchQueries
from schema.workshops.mutations import WorkshopMutations
from schema.workshops.queries import WorkshopQueries
from server.ops.metrics import OperationMetrics
from server.settings import Settings

Query = merge_types("Query", (AccountQueries, AgendaQueries, MailQueries, NotificationQueries, SearchQueries,
                              SecondarySearchQueries, WorkshopQueries))
Mutation = merge_types("Mutation", (AccountMutations, AgendaMutations, NotificationMutations, WorkshopMutations))


def _should_mask(error: GraphQLError) -> bool:
    """Mask unexpected exceptions only; validation and permission errors are meant for the caller."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError) and not _is_permission_error(error)


def _is_permission_error(error: GraphQLError) -> bool:
    return bool(error.extensions and error.extensions.get("code") in ("NOT_AUTHENTICATED", "FORBIDDEN"))


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    depth = settings.max_query_depth if settings else 12
    aliases = settings.max_aliases if settings else 20
    tokens = settings.max_tokens if settings else 3000
    batch = settings.max_batch if settings else 10
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        config=StrawberryConfig(batching_config={"max_operations": batch}),
        extensions=[
            lambda: QueryDepthLimiter(max_depth=depth),
            lambda: MaxAliasesLimiter(max_alias_count=aliases),
            lambda: MaxTokensLimiter(max_token_count=tokens),
            lambda: MaskErrors(should_mask_error=_should_mask, error_message="Unexpected error."),
            OperationMetrics,  # per-operation counts and latency for /metrics (server/ops/metrics.py)
        ],
    )
