"""The schema: root types merged from the per-domain modules, with the limits that protect the
service (depth, aliases, tokens, cost, batch size), error masking (no internals reach a client) and
error logging that tells the expected from the unexpected."""

from __future__ import annotations

import functools
import logging
from types import SimpleNamespace

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors, MaxAliasesLimiter, MaxTokensLimiter, ParserCache, QueryDepthLimiter
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from schema.accounts.mutations import AccountMutations
from schema.accounts.queries import AccountQueries
from schema.accounts.admin_queries import AdminUserQueries
from schema.audit.queries import AuditQueries
from schema.workshops.review_queue import ReviewQueueQueries
from schema.agendas.mutations import AgendaMutations
from schema.agendas.queries import AgendaQueries
from schema.attachments.mutations import AttachmentMutations
from schema.execution import PlannedExecutionContext
from schema.nul_text import NoNulInStrings
from schema.validation_cache import ValidateOnce
from schema.mail.queries import MailQueries
from schema.notifications.mutations import NotificationMutations
from schema.notifications.queries import NotificationQueries
from schema.participation.mutations import ParticipationMutations
from schema.participation.queries import ParticipationQueries
from schema.search.queries import SearchQueries, SecondarySearchQueries
from schema.workshops.mutations import WorkshopMutations
from schema.thesaurus.mutations import ThesaurusMutations
from schema.thesaurus.queries import ThesaurusQueries
from schema.workshops.queries import WorkshopQueries
from server.ops.metrics import OperationMetrics
from server.settings import Settings

Query = merge_types("Query", (AccountQueries, AgendaQueries, MailQueries, NotificationQueries, SearchQueries,
                              SecondarySearchQueries, ThesaurusQueries, WorkshopQueries, AdminUserQueries,
                              AuditQueries, ReviewQueueQueries, ParticipationQueries))
Mutation = merge_types("Mutation", (AccountMutations, AgendaMutations, AttachmentMutations, NotificationMutations, ThesaurusMutations,
                                    WorkshopMutations, ParticipationMutations))


def _should_mask(error: GraphQLError) -> bool:
    """Mask unexpected exceptions only; validation and permission errors are meant for the caller."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError) and not _is_permission_error(error)


def _is_permission_error(error: GraphQLError) -> bool:
    return bool(error.extensions and error.extensions.get("code") in ("NOT_AUTHENTICATED", "FORBIDDEN"))


log = logging.getLogger("civic_agenda.graphql")


class Schema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context=None) -> None:
        """What the caller sees in full (not logged in, forbidden, too costly, invalid) was expected: one
        line at info, for an operator who wants to see refusals. What is masked is a fault: its
        traceback is logged, and the caller sees only "Unexpected error."."""
        for error in errors:
            where = ".".join(map(str, error.path or ())) or "-"
            if _should_mask(error):
                log.error("graphql unexpected error at %s: %s", where, error.message, exc_info=error.original_error)
            else:
                code = (error.extensions or {}).get("code") or "INVALID_QUERY"
                log.info("graphql %s at %s: %s", code, where, error.message)


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The schema with the settings' limits. Built once per set of limits and process: building it
    takes 0.2–0.7 s (strawberry converts every type), which a test suite creating an app per test
    paid some 800 times; a schema holds no per-app state (the view and the request context do)."""
    settings = settings or Settings.from_env({}, ensure_secret=False)  # the SDL export: default limits
    return _schema_with_limits(settings.max_query_depth, settings.max_aliases, settings.max_batch,
                               settings.max_tokens, settings.max_query_cost, settings.max_page_size)


@functools.lru_cache(maxsize=8)
def _schema_with_limits(max_query_depth: int, max_aliases: int, max_batch: int, max_tokens: int,
                        max_query_cost: int, max_page_size: int) -> strawberry.Schema:
    settings = SimpleNamespace(max_query_depth=max_query_depth, max_aliases=max_aliases, max_batch=max_batch,
                               max_tokens=max_tokens, max_query_cost=max_query_cost, max_page_size=max_page_size)
    rules = (*QueryDepthLimiter(max_depth=settings.max_query_depth).validation_rules,
             *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules, NoNulInStrings)
    return Schema(
        query=Query,
        mutation=Mutation,
        config=StrawberryConfig(batching_config={"max_operations": settings.max_batch}),
        execution_context_class=PlannedExecutionContext,  # selection sets run from a plan (schema/execution.py)
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
            lambda: ParserCache(maxsize=256),  # the same text parses to the same document, once
            # depth, aliases, NUL text: rules made once, each document validated once; the cost
            # (it depends on the variables) checked on every request (schema/validation_cache.py)
            lambda: ValidateOnce(rules=rules, max_cost=settings.max_query_cost, max_page_size=settings.max_page_size),
            lambda: MaskErrors(should_mask_error=_should_mask, error_message="Unexpected error."),
            OperationMetrics,  # per-operation counts and latency for /metrics (server/ops/metrics.py)
        ],
    )
