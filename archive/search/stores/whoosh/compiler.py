"""The archive's query tree (``archive.search.tree``) -> a Whoosh query.

Two node kinds need their own Whoosh classes: ``AnyOf`` (a word's forms,
scored as one word: ``WordForms``) and ``Prefix`` (a prefix already expanded,
a constant score: ``PrefixTerms``). Everything else is Whoosh's own. The
filters are parts of the query, ANDed in (never Whoosh's ``filter=``: Whoosh
2.7.5 reports the unfiltered count when a filter matches nothing).
"""
from datetime import datetime, time

from whoosh import matching
from whoosh import query as wq
from whoosh.util import make_binary_tree

from archive.search import tree as t


class WordForms(wq.MultiTerm):
    """One word in several forms (its attached forms), scored as one word.

    A plain ``Or`` of the forms would let a rare form (للتمور, seen twice in
    the archive) weigh far more in BM25 than the common one (التمور), and
    push the articles that merely write the word with a clitic above those
    that use it most. Here every form is scored with the idf of the form the
    archive uses most (as Lucene's SynonymQuery shares statistics between
    synonyms): the score of a form's postings is scaled by
    ``idf(most frequent form) / idf(form)``; and an article holding several
    forms scores as its best one (a disjunction-max, not a sum).
    """

    def __init__(self, fieldname, texts, boost=1.0):
        self.fieldname = fieldname
        self.texts = tuple(dict.fromkeys(texts))
        self.text = self.texts[0] if self.texts else ""
        self.boost = boost
        self.constantscore = False

    def __eq__(self, other):
        return (other is not None and self.__class__ is other.__class__
                and self.fieldname == other.fieldname and self.texts == other.texts
                and self.boost == other.boost)

    def __hash__(self):
        return hash((self.__class__.__name__, self.fieldname, self.texts, self.boost))

    def __repr__(self):
        return "%s(%r, %r)" % (self.__class__.__name__, self.fieldname, self.texts)

    def __str__(self):
        return "%s:(%s)" % (self.fieldname, "|".join(self.texts))

    def _btexts(self, ixreader):
        if self.fieldname not in ixreader.schema:
            return
        field = ixreader.schema[self.fieldname]
        for text in self.texts:
            try:
                btext = field.to_bytes(text)
            except ValueError:
                continue
            if (self.fieldname, btext) in ixreader:
                yield btext

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        present = list(self._btexts(reader))
        if not present:
            return matching.NullMatcher()
        weighting = (context.weighting if context is not None else None) or searcher.weighting
        pivot = max(present, key=lambda b: reader.doc_frequency(self.fieldname, b))
        pivot_idf = searcher.idf(self.fieldname, pivot)
        matchers = []
        for btext in present:
            m = searcher.postings(self.fieldname, btext, weighting=weighting)
            scale = self.boost * pivot_idf / (searcher.idf(self.fieldname, btext) or 1.0)
            if scale != 1.0:
                m = matching.WrappingMatcher(m, boost=scale)
            matchers.append(m)
        # The best form counts, not their sum: an article that writes both
        # التمور and بالتمور has not used the word twice as much.
        return make_binary_tree(matching.DisjunctionMaxMatcher, matchers)


class PrefixTerms(wq.MultiTerm):
    """A prefix already expanded: the words of ``fieldname`` it stands for
    (``label`` is what was typed, for display). Constant score, like
    Whoosh's own Prefix."""

    constantscore = True

    def __init__(self, fieldname, label, terms, boost=1.0):
        self.fieldname = fieldname
        self.label = label
        self.terms = tuple(terms)
        self.text = label
        self.boost = boost

    def __eq__(self, other):
        return (other is not None and self.__class__ is other.__class__
                and self.fieldname == other.fieldname and self.terms == other.terms
                and self.boost == other.boost)

    def __hash__(self):
        return hash((self.__class__.__name__, self.fieldname, self.terms, self.boost))

    def __repr__(self):
        return "%s(%r, %r, %d terms)" % (self.__class__.__name__, self.fieldname, self.label, len(self.terms))

    def __str__(self):
        return "%s:%s*" % (self.fieldname, self.label)

    def _btexts(self, ixreader):
        for term in self.terms:
            yield term.encode("utf-8") if isinstance(term, str) else term


class Without(wq.AndNot):
    """``a`` without the documents ``b`` matches, ``b`` read as a set first.

    Whoosh's own AndNot steps ``b``'s matcher along ``a``'s with ``skip_to``,
    and a union of phrases (a name's spellings inside a quoted phrase, some
    of them absent from the index) lets excluded articles through that way;
    reading the exclusion's documents once and filtering by them cannot."""

    def matcher(self, searcher, context=None):
        excluded = frozenset(self.b.docs(searcher))
        matcher = self.a.matcher(searcher, context)
        if not excluded:
            return matcher
        return matching.FilterMatcher(matcher, excluded, exclude=True)


def compile_tree(node):
    """The Whoosh query of one tree."""
    compile_ = _COMPILERS.get(type(node))
    if compile_ is None:
        raise TypeError(f"No Whoosh query for {node!r}")
    return compile_(node)


def _boosted(query, boost):
    return query.with_boost(boost) if boost != 1.0 else query


def _phrase(node):
    first, rest = node.words[0], [forms[0] for forms in node.words[1:]]
    if len(first) < 2:
        return wq.Phrase(node.field, [first[0]] + rest, boost=node.boost)
    return _boosted(wq.Sequence([WordForms(node.field, first)] + [wq.Term(node.field, word) for word in rest]),
                    node.boost)


def _date_range(node):
    start = datetime.combine(node.start, time.min) if node.start else None
    end = datetime.combine(node.end, time.max) if node.end else None
    return wq.DateRange("published", start, end)


def _and(node):
    positive, negative = t.split_not(node.children)
    parts = [compile_tree(child) for child in positive]
    query = wq.And(parts) if len(parts) > 1 else (parts[0] if parts else wq.Every())
    if not negative:
        return query
    excluded = [compile_tree(child) for child in negative]
    return Without(query, wq.Or(excluded) if len(excluded) > 1 else excluded[0])


def _or(node):
    parts = [compile_tree(child) for child in node.children]
    return wq.Or(parts) if parts else wq.NullQuery


_COMPILERS = {
    t.MatchAll: lambda node: wq.Every(),
    t.MatchNone: lambda node: wq.NullQuery,
    t.Term: lambda node: wq.Term(node.field, node.text, boost=node.boost),
    t.AnyOf: lambda node: WordForms(node.field, node.texts, node.boost),
    t.Phrase: _phrase,
    t.Prefix: lambda node: PrefixTerms(node.field, node.label, node.terms, node.boost),
    t.Filter: lambda node: wq.Or([wq.Term(node.field, value) for value in node.values]),
    t.DateRange: _date_range,
    t.And: _and,
    t.Or: _or,
    t.Not: lambda node: Without(wq.Every(), compile_tree(node.child)),
    t.Boost: lambda node: _boosted(compile_tree(node.child), node.boost),
}
