"""A thesaurus concept as the API shows it."""

from __future__ import annotations

import strawberry

from schema.agendas.types import PageInfo
from server.thesaurus.browse import ConceptPage, ConceptView


@strawberry.type(description="One term of a concept, and whether it ships with the product or an admin added it.")
class ThesaurusTerm:
    lang: str = strawberry.field(description="ko, en or zh.")
    term: str
    built_in: bool


@strawberry.type(description="One concept of the civic thesaurus with its terms in Korean, English and Traditional Chinese.")
class ThesaurusConcept:
    id: str
    ko: list[str]
    en: list[str]
    zh: list[str]
    label: str = strawberry.field(description="Its first term in each language: 휠체어 · wheelchair · 輪椅.")
    group: bool = strawberry.field(description="Names people or a generic thing: helps search, never decides an owner alone.")
    built_in: bool = strawberry.field(description="Ships with the product (false: an admin created it).")
    terms: list[ThesaurusTerm]

    @classmethod
    def from_view(cls, c: ConceptView) -> "ThesaurusConcept":
        return cls(id=c.id, ko=list(c.ko), en=list(c.en), zh=list(c.zh), label=c.label, group=c.group,
                   built_in=c.built_in,
                   terms=[ThesaurusTerm(lang=t.lang, term=t.term, built_in=t.built_in) for t in c.terms])


@strawberry.type
class ThesaurusConceptEdge:
    node: ThesaurusConcept
    cursor: str


@strawberry.type
class ThesaurusConceptConnection:
    edges: list[ThesaurusConceptEdge]
    page_info: PageInfo
    total_count: int = strawberry.field(description="How many concepts match (all pages).")

    @classmethod
    def from_page(cls, page: ConceptPage, *, had_cursor: bool) -> "ThesaurusConceptConnection":
        return cls(edges=[ThesaurusConceptEdge(node=ThesaurusConcept.from_view(c), cursor=k)
                          for c, k in zip(page.items, page.cursors)],
                   page_info=PageInfo(has_next_page=page.has_next, has_previous_page=had_cursor,
                                      start_cursor=page.cursors[0] if page.cursors else None,
                                      end_cursor=page.cursors[-1] if page.cursors else None),
                   total_count=page.total_count)
