"""Clauses (``archive.search.parsing``) -> the archive's query tree (``archive.search.tree``).

In broad mode each word goes through ``archive.arabic.broad_term`` (folding
and light stemming), finds its attached forms (``archive.search.forms``), and
a word or run of words that is a gazetteer alias is expanded to every
spelling of that entity: alone, on each side of OR, excluded, or quoted. In
exact mode a word is only stripped of harakat, tatweel and invisible marks.

Every expansion is done here, once, against the index's vocabulary and
within the search's budget (``archive.search.budget``), so every engine
searches the very same terms.
"""
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from archive import arabic
from archive.search import budget as limits
from archive.search import tree as t
from archive.search.forms import (
    broad_prefix_core, broad_word_forms, broad_word_terms, prefix_targets, prefix_too_short, unfolded_prefixes,
)
# Expansion is re-exported: archive.search.query and the API read it from here.
from archive.search.names import MAX_ALIAS_WORDS, Expansion, NameExpansion  # noqa: F401



@dataclass
class Highlight:
    """What the highlighter marks: single terms, term sequences and prefixes.

    ``terms`` and ``phrases`` hold index terms (broad or exact, after the
    same analysis as the index); an item of a phrase may also be a frozenset
    of alternative terms (a first word and its attached forms). ``prefixes``
    holds what a word's folded form (broad) or ``strip_marks`` form (exact)
    must start with.
    """

    mode: str
    terms: set = field(default_factory=set)
    phrases: set = field(default_factory=set)
    prefixes: set = field(default_factory=set)

    def is_empty(self):
        return not (self.terms or self.phrases or self.prefixes)


class QueryBuilder(NameExpansion):
    """Turns a ParsedQuery into a query tree, recording what to highlight.

    ``reader``: the index's vocabulary (``archive.search.stores.base.Vocabulary``),
    which decides which attached forms of a word are worth looking for (broad
    mode) and what a prefix stands for. ``None`` looks for every attached
    form and expands no prefix (the tree then only serves to highlight).
    """

    def __init__(self, mode="broad", expand=True, alias_index=None, reader=None, budget=None):
        self.mode = mode if mode in ("broad", "exact") else "broad"
        # What the query may expand to (archive.search.budget).
        self.budget = budget if budget is not None else limits.Budget()
        self._known_beginnings = {}
        self._reader = reader
        self.expand = bool(expand) and self.mode == "broad"
        self.alias_index = alias_index
        self.highlight = Highlight(self.mode)
        # Excluded words are searched but never marked as matches.
        self._marking = True
        self.expansions = []
        self.notices = []
        self.text_field = "text" if self.mode == "broad" else "text_exact"
        self.title_field = "title" if self.mode == "broad" else "title_exact"

    # Terms -----------------------------------------------------------------

    def terms_of(self, text):
        if self.mode == "broad":
            return [term for term in arabic.broad_terms(text) if term]
        return [term for term in arabic.exact_terms(text) if term]

    @property
    def reader(self):
        return self._reader

    def _word_terms(self, word, name=False):
        """The terms one word is looked for as (its attached forms too, in broad mode)."""
        if self.mode == "broad":
            own, attached = broad_word_forms(word, name=name)
            if len(own) + len(attached) <= 1:
                return own
            return broad_word_terms(word, self.reader, self.text_field, name)
        term = arabic.exact_term(word)
        return [term] if term else []

    def _terms_query(self, terms):
        """Any of ``terms`` (alternatives for one word), in the body or the title."""
        if self._marking:
            self.highlight.terms.update(terms)
        if len(terms) == 1:
            return t.Or((t.Term(self.text_field, terms[0]), t.Term(self.title_field, terms[0])))
        terms = tuple(dict.fromkeys(terms))
        return t.Or((t.AnyOf(self.text_field, terms), t.AnyOf(self.title_field, terms)))

    def _phrase_query(self, terms, first=None):
        """The terms in a row. ``first``: alternatives for the first word (its
        attached forms)."""
        if not first or len(first) < 2:
            if self._marking:
                self.highlight.phrases.add(tuple(terms))
            words = tuple((term,) for term in terms)
        else:
            if self._marking:
                self.highlight.phrases.add((frozenset(first),) + tuple(terms[1:]))
            words = (tuple(dict.fromkeys(first)),) + tuple((term,) for term in terms[1:])
        return t.Or((t.Phrase(self.text_field, words), t.Phrase(self.title_field, words)))

    def text_query(self, text, name=False):
        """A word, or a run of words as a phrase; None if nothing in it is searchable.

        In broad mode the first word of a phrase may carry a proclitic the
        phrase lacks (بمحافظة كركوك for "محافظة كركوك"), as a lone word may."""
        tokens = arabic.tokenize(text)
        kept = [token for token in tokens if self.terms_of(token.text)]
        if not kept:
            return None
        if len(kept) == 1:
            return self._terms_query(self._word_terms(kept[0].text, name))
        terms = [self.terms_of(token.text)[0] for token in kept]
        first = self._word_terms(kept[0].text, name) if self.mode == "broad" else None
        return self._phrase_query(terms, first)

    def prefix_query(self, atom):
        if self.mode == "broad":
            core = broad_prefix_core(atom.text)
        else:
            core = arabic.strip_marks(atom.text)
        if len(core) < 2 or prefix_too_short(arabic.fold(core)):
            # One letter, or only the article, stands for half the archive's
            # words (issue 14: ال* alone took 6 s).
            self.notices.append(_("البادئة «%(p)s» قصيرة جدًا: اكتب حرفين على الأقل قبل * (بعد «ال» إن وُجدت).") % {"p": atom.text})
            return None
        targets = prefix_targets(core) if self.mode == "broad" else frozenset([core])
        if self._marking:
            self.highlight.prefixes.update(targets)
        if self.reader is None:
            return t.MatchNone()  # no vocabulary to expand it against: only marked
        return self._expanded_prefix(atom.text, core, targets)

    def _expanded_prefix(self, typed, core, targets):
        """The prefix as the words it stands for, the most used first, within the budget."""
        allowance = self.budget.prefix_allowance()
        if allowance <= 0 or not self.budget.take_prefix() or self.budget.expansion_out_of_time():
            self.notices.append(_("بادئات كثيرة في بحث واحد: لم يُبحث عن «%(p)s*».") % {"p": typed})
            return None
        # The bare form first: when the words walked run out, the word as
        # typed has been looked at before its forms with a clitic.
        ordered = sorted(targets, key=lambda target: (target != core, len(target), target))
        scan = allowance * limits.PREFIX_SCAN_FACTOR
        parts, spent, capped = [], 0, False
        for fieldname in ("text_exact", "title_exact"):
            if self.mode == "broad":
                starts = self._prefix_starts(fieldname, core, ordered)
            else:
                starts = [core]
            terms, cut = self.reader.most_used_with_prefix(fieldname, starts, allowance, scan)
            capped = capped or cut
            spent = max(spent, len(terms))
            if terms:
                parts.append(t.Prefix(fieldname, typed, tuple(terms)))
        self.budget.spend_prefix(spent)
        if capped:
            self.notices.append(_("البادئة «%(p)s*» تطابق كلمات كثيرة: بُحث عن أكثر %(n)s كلمة منها استعمالًا.")
                                % {"p": typed, "n": spent})
        return t.any_of(parts)

    def _prefix_starts(self, fieldname, core, targets):
        """The beginnings, as written, a broad prefix's words may have: each
        target's clitic (و, بال, لل ...) before each spelling of the core.

        The core's spellings (اربي: اربي, أربي ...) are those the archive
        writes bare, after ال or after و: a walk down the vocabulary for each
        of the thirty targets cost a second a prefix (Issue 14), three walks
        cost a tenth of it. The clitics themselves have one spelling."""
        spellings = []
        for clitic in ("", "ال", "و"):
            for start in unfolded_prefixes(self.reader, fieldname, clitic + core, known=self._known_beginnings):
                spelling = start[len(clitic):]  # unfolding maps a letter to one letter
                if spelling not in spellings:
                    spellings.append(spelling)
        spellings = spellings or [core]
        return [target[:len(target) - len(core)] + spelling for target in targets for spelling in spellings]

    def atom_query(self, atom):
        if atom.prefix:
            return self.prefix_query(atom)
        return self.text_query(atom.text)

    def clause_queries(self, clauses):
        """Yield (query, negated) per clause, merging runs of words that name an entity."""
        if self.expand and self.alias_index:
            clauses = self._names_around_or(self._names_after_minus(clauses))
        i = 0
        while i < len(clauses):
            clause = clauses[i]
            self._marking = not clause.negated
            if self.expand:
                if clause.is_word(clause.negated):
                    for size in range(min(MAX_ALIAS_WORDS, len(clauses) - i), 0, -1):
                        run = clauses[i:i + size]
                        if all(c.is_word(clause.negated) for c in run):
                            typed = " ".join(c.alternatives[0].text for c in run)
                            q = self._expand(typed)
                            if q is not None:
                                yield q, clause.negated
                                i += size
                                break
                    else:
                        q = self.atom_query(clause.alternatives[0])
                        if q is not None:
                            yield q, clause.negated
                        i += 1
                    continue
            parts = []
            for atom in clause.alternatives:
                q = None
                # Each side of an OR (a word, a run of words in quotes) is a
                # name if a lone word or phrase would be: "Caggins OR Mattis".
                if self.expand and not atom.prefix:
                    q = self._expand(atom.text, quoted=atom.phrase)
                # A quoted phrase holding a name among other words ("العقيد
                # كيغنز"): the phrase with every spelling of the name.
                if q is None and self.expand and atom.phrase:
                    q = self._phrase_with_names(atom.text)
                if q is None:
                    q = self.atom_query(atom)
                if q is not None and q not in parts:
                    parts.append(q)
            if parts:
                yield t.any_of(parts), clause.negated
            i += 1
        self._marking = True

    def build(self, parsed):
        """The query, or None when nothing searchable was typed."""
        positive, negative = [], []
        for q, negated in self.clause_queries(parsed.clauses):
            bucket = negative if negated else positive
            if q in bucket:
                continue
            if not self.budget.spend_terms(t.size(q)):
                # Past the bound on a query's terms, a part costs more work
                # than a search may do (archive.search.budget).
                self.notices.append(_("البحث كبير جدًا بعد توسيع كلماته: تُركت بعض أجزائه."))
                continue
            bucket.append(q)
        if not positive and not negative:
            return None
        self.notices = list(dict.fromkeys(self.notices))
        if not negative:
            return t.all_of(positive)
        return t.And(tuple(positive or [t.MatchAll()]) + (t.Not(t.any_of(negative)),))
