"""The archive's query tree (``archive.search.tree``) -> a Tantivy query.

Scoring follows the tree's definitions, as the Whoosh compiler does: a title
term weighs three times (``FIELD_BOOST``); ``AnyOf`` scores each form with the
idf of the form used most (a boost of idf(pivot)/idf(form)), the best form
counting (a disjunction-max); ``Prefix`` is a constant score; an exclusion is
a MustNot clause.
"""
import re

import tantivy

from archive.search import tree as t
from archive.search.stores.tantivy.index import SCHEMA

Q = tantivy.Query
Occur = tantivy.Occur


def _boosted(query, boost):
    return Q.boost_query(query, float(boost)) if boost != 1.0 else query


def _date_key(day):
    return day.year * 10000 + day.month * 100 + day.day


def _constant(fieldname, terms, boost=1.0):
    """A prefix's words: a constant score."""
    if not terms:
        return Q.empty_query()
    return Q.const_score_query(Q.term_set_query(SCHEMA, fieldname, list(terms)), float(boost))


def compile_tree(node, vocabulary):
    """The Tantivy query of one tree (``vocabulary``: the view's, for the idf
    of a word's forms and which of them the index holds)."""
    compile_ = _COMPILERS.get(type(node))
    if compile_ is None:
        raise TypeError(f"No Tantivy query for {node!r}")
    return compile_(node, vocabulary)


def _match_all(node, vocabulary):
    return Q.all_query()


def _match_none(node, vocabulary):
    return Q.empty_query()


def _term(node, vocabulary):
    return _boosted(Q.term_query(SCHEMA, node.field, node.text), node.boost * t.FIELD_BOOST.get(node.field, 1.0))


def _any_of(node, vocabulary):
    field_boost = t.FIELD_BOOST.get(node.field, 1.0)
    present = [text for text in node.texts if vocabulary.doc_frequency(node.field, text)]
    if not present:
        return Q.empty_query()
    if len(present) == 1:
        return _boosted(Q.term_query(SCHEMA, node.field, present[0]), node.boost * field_boost)
    pivot = max(present, key=lambda text: vocabulary.doc_frequency(node.field, text))
    pivot_idf = vocabulary.idf(node.field, pivot)
    parts = [
        _boosted(Q.term_query(SCHEMA, node.field, text),
                 node.boost * field_boost * pivot_idf / (vocabulary.idf(node.field, text) or 1.0))
        for text in present
    ]
    return Q.disjunction_max_query(parts)


def _phrase(node, vocabulary):
    field_boost = t.FIELD_BOOST.get(node.field, 1.0)
    if len(node.words) == 1:
        return _any_of(t.AnyOf(node.field, node.words[0], node.boost), vocabulary)
    choices = []
    for forms in node.words:
        present = [form for form in forms if vocabulary.doc_frequency(node.field, form)]
        if not present:
            return Q.empty_query()
        choices.append(present)
    if any(len(forms) > 1 for forms in choices[1:]):
        patterns = ["(" + "|".join(re.escape(form) for form in forms) + ")" for forms in choices]
        return _boosted(Q.regex_phrase_query(SCHEMA, node.field, patterns), node.boost * field_boost)
    # One exact phrase per form of the first word the index holds, the best one
    # counting (a regex phrase would walk the term dictionary: 3x slower on a long alias).
    rest = [forms[0] for forms in choices[1:]]
    phrases = [Q.phrase_query(SCHEMA, node.field, [first] + rest) for first in choices[0]]
    query = phrases[0] if len(phrases) == 1 else Q.disjunction_max_query(phrases)
    return _boosted(query, node.boost * field_boost)


def _prefix(node, vocabulary):
    return _constant(node.field, node.terms, node.boost)


def _filter(node, vocabulary):
    parts = [Q.term_query(SCHEMA, node.field, value) for value in node.values]
    if not parts:
        return Q.empty_query()
    return parts[0] if len(parts) == 1 else Q.boolean_query([(Occur.Should, q) for q in parts])


def _date_range(node, vocabulary):
    # YYYYMMDD in "newest"; undated articles hold 0 there and fall outside any range.
    lower = _date_key(node.start) if node.start else 1
    upper = _date_key(node.end) if node.end else None
    return Q.range_query(SCHEMA, "newest", tantivy.FieldType.Unsigned, lower, upper)


def _and(node, vocabulary):
    positive, negative = t.split_not(node.children)
    clauses = [(Occur.Must, compile_tree(child, vocabulary)) for child in positive]
    if not clauses:
        clauses = [(Occur.Must, Q.all_query())]
    clauses += [(Occur.MustNot, compile_tree(child, vocabulary)) for child in negative]
    return Q.boolean_query(clauses)


def _or(node, vocabulary):
    parts = [compile_tree(child, vocabulary) for child in node.children]
    if not parts:
        return Q.empty_query()
    return Q.boolean_query([(Occur.Should, q) for q in parts])


def _not(node, vocabulary):
    return Q.boolean_query([(Occur.Must, Q.all_query()), (Occur.MustNot, compile_tree(node.child, vocabulary))])


def _boost(node, vocabulary):
    return _boosted(compile_tree(node.child, vocabulary), node.boost)


_COMPILERS = {
    t.MatchAll: _match_all, t.MatchNone: _match_none, t.Term: _term, t.AnyOf: _any_of, t.Phrase: _phrase,
    t.Prefix: _prefix, t.Filter: _filter, t.DateRange: _date_range, t.And: _and, t.Or: _or, t.Not: _not,
    t.Boost: _boost,
}
