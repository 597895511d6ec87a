"""The query language people type, and the query tree it becomes.

Parsing (text -> clauses) is ``archive.search.parsing``; a word's forms and a
prefix's beginnings are ``archive.search.forms``; building (clauses -> the
archive's query tree, ``archive.search.tree``) is ``archive.search.builder``.
This module names what callers use of them.
"""
from archive.search.builder import MAX_ALIAS_WORDS, Expansion, Highlight, QueryBuilder  # noqa: F401
from archive.search.forms import (  # noqa: F401
    broad_prefix_core, broad_word_forms, broad_word_terms, prefix_targets, prefix_too_short,
)
from archive.search.parsing import (  # noqa: F401
    MAX_ATOMS, MAX_QUERY_CHARS, OR_WORDS, Atom, Clause, ParsedQuery, clean, parse,
)
from archive.search.tree import size as query_size  # noqa: F401
