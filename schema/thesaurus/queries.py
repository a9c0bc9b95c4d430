"""``thesaurusConcepts``: the admin's list of concepts, searched in any language."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from schema.errors import query_domain
from schema.thesaurus.types import ThesaurusConceptConnection
from server.thesaurus import browse


@strawberry.type
class ThesaurusQueries:
    @strawberry.field(description="Admin: thesaurus concepts whose name or a term matches the query (Korean, English or "
                                  "Chinese, Simplified folded to Traditional: 轮椅 finds 輪椅), best matches first; "
                                  "every concept when the query is empty. At most 50 a page; a query of at most 60 "
                                  "characters.")
    async def thesaurus_concepts(self, info: Info, query: str | None = None, first: int = 20,
                                 after: str | None = None) -> ThesaurusConceptConnection:
        viewer = await info.context.viewer()
        page = await query_domain(lambda: browse.search_concepts(viewer, query, first=first, after=after))
        return ThesaurusConceptConnection.from_page(page, had_cursor=after is not None)
