"""A thesaurus concept as the API shows it."""

from __future__ import annotations

import strawberry

from server.thesaurus.model import Concept


@strawberry.type(description="One concept of the civic thesaurus with its terms in Korean, English and Traditional Chinese.")
class ThesaurusConcept:
    id: str
    ko: list[str]
    en: list[str]
    zh: list[str]

    @classmethod
    def from_concept(cls, c: Concept) -> "ThesaurusConcept":
        return cls(id=c.id, ko=list(c.ko), en=list(c.en), zh=list(c.zh))
