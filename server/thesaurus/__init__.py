"""The civic thesaurus: concepts with their Korean, English and Traditional Chinese terms, read by
routing (a department keyword matches every term of its concept), search (Meilisearch synonyms) and
duplicate hints. The shipped concepts are data (``concepts.json``, read by :mod:`.model`); admins add
concepts and terms on top of them (:mod:`.service`); :mod:`.fold` folds Simplified Chinese."""
