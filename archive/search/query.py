"""The query language people type, and the Whoosh query it becomes.

Words are ANDed; ``"..."`` is a phrase; ``OR`` between two terms matches
either; ``-word`` excludes; ``word*`` is a prefix. Anything else a person can
type (an unbalanced quote, a lone operator, a long paste, control characters,
only punctuation) still parses: the parser never raises, it leaves notices
for the page to show.

In broad mode each word goes through ``archive.arabic.broad_term`` (folding
and light stemming) and a word or run of words that is a gazetteer alias is
expanded to every spelling of that entity. In exact mode a word is only
stripped of harakat, tatweel and invisible marks.
"""
from dataclasses import dataclass, field
import unicodedata

from django.utils.translation import gettext as _
from whoosh import query as wq

from archive import arabic

MAX_QUERY_CHARS = 1000
MAX_ATOMS = 40
MAX_ALIAS_WORDS = 5
QUOTES = '"“”«»„‟'


@dataclass
class Atom:
    text: str
    phrase: bool = False
    prefix: bool = False


@dataclass
class Clause:
    alternatives: list
    negated: bool = False


@dataclass
class Expansion:
    typed: str
    kind: str
    pk: int
    label: str
    names: list


@dataclass
class Highlight:
    """What the highlighter marks: single terms, term sequences and prefixes."""

    mode: str
    terms: set = field(default_factory=set)
    phrases: set = field(default_factory=set)
    prefixes: set = field(default_factory=set)

    def is_empty(self):
        return not (self.terms or self.phrases or self.prefixes)


@dataclass
class ParsedQuery:
    clauses: list
    notices: list

    @property
    def words(self):
        return [a.text for c in self.clauses for a in c.alternatives]


def clean(raw):
    """Control characters out, length bounded; never raises."""
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in (raw or "")
    )
    notices = []
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notices.append(_("البحث طويل جدًا: استُخدم أول %(n)s حرفًا منه فقط.") % {"n": MAX_QUERY_CHARS})
    return text.strip(), notices


def parse(raw):
    text, notices = clean(raw)
    tokens = []  # (kind, value): "word", "phrase", "or", "neg"
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in QUOTES:
            j = i + 1
            while j < n and text[j] not in QUOTES:
                j += 1
            if j >= n:
                notices.append(_("علامة اقتباس بلا إغلاق: عُدّ ما بعدها عبارة واحدة."))
            tokens.append(("phrase", text[i + 1:j]))
            i = j + 1
        elif ch == "-" and i + 1 < n and not text[i + 1].isspace() and (i == 0 or text[i - 1].isspace()):
            tokens.append(("neg", "-"))
            i += 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in QUOTES:
                j += 1
            word = text[i:j]
            tokens.append(("or", word) if word == "OR" else ("word", word))
            i = j

    clauses, negate, join_or = [], False, False
    for kind, value in tokens:
        if kind == "neg":
            negate = True
            continue
        if kind == "or":
            join_or = bool(clauses)
            continue
        atom = _atom(kind, value)
        if atom is None:
            negate = False
            continue
        if join_or and clauses and not clauses[-1].negated and not negate:
            clauses[-1].alternatives.append(atom)
        else:
            clauses.append(Clause([atom], negated=negate))
        negate = join_or = False
    if len(clauses) > MAX_ATOMS:
        clauses = clauses[:MAX_ATOMS]
        notices.append(_("كلمات البحث كثيرة: استُخدمت أول %(n)s منها.") % {"n": MAX_ATOMS})
    if clauses and all(c.negated for c in clauses):
        notices.append(_("البحث يستبعد فقط: تُعرض كل المقالات عدا المستبعدة."))
    return ParsedQuery(clauses, notices)


def _atom(kind, value):
    if kind == "phrase":
        return Atom(value.strip(), phrase=True) if arabic.tokenize(value) else None
    prefix = value.endswith("*")
    core = value.rstrip("*")
    if not arabic.tokenize(core):
        return None
    return Atom(core, prefix=prefix and len(arabic.tokenize(core)) == 1)


class QueryBuilder:
    """Turns a ParsedQuery into a Whoosh query, recording what to highlight."""

    def __init__(self, mode="broad", expand=True, alias_index=None):
        self.mode = mode
        self.expand = expand and mode == "broad"
        self.alias_index = alias_index
        self.highlight = Highlight(mode)
        # Excluded words are searched but never marked as matches.
        self._marking = True
        self.expansions = []
        self.notices = []
        self.text_field = "text" if mode == "broad" else "text_exact"
        self.title_field = "title" if mode == "broad" else "title_exact"

    # Terms -----------------------------------------------------------------

    def terms_of(self, text):
        if self.mode == "broad":
            return [t for t in arabic.broad_terms(text) if t]
        return [t for t in arabic.exact_terms(text) if t]

    def _field_query(self, terms):
        if len(terms) == 1:
            if self._marking:
                self.highlight.terms.add(terms[0])
            return wq.Or([wq.Term(self.text_field, terms[0]), wq.Term(self.title_field, terms[0])])
        if self._marking:
            self.highlight.phrases.add(tuple(terms))
        return wq.Or([wq.Phrase(self.text_field, terms), wq.Phrase(self.title_field, terms)])

    def atom_query(self, atom):
        if atom.prefix:
            stem = arabic.fold(atom.text) if self.mode == "broad" else arabic.strip_marks(atom.text)
            if self.mode == "broad" and stem.startswith("ال") and len(stem) > 4:
                stem = stem[2:]
            if len(stem) < 2:
                self.notices.append(_("البادئة «%(p)s» قصيرة جدًا: اكتب حرفين على الأقل قبل *.") % {"p": atom.text})
                return None
            if self._marking:
                self.highlight.prefixes.add(stem)
            return wq.Prefix(self.text_field, stem)
        terms = self.terms_of(atom.text)
        if not terms:
            return None
        return self._field_query(terms)

    def names_query(self, names):
        parts = []
        for name in names:
            terms = self.terms_of(name)
            if terms:
                parts.append(self._field_query(terms))
        return wq.Or(parts) if parts else None

    # Alias expansion ---------------------------------------------------------

    def _entity_for(self, text):
        if not self.alias_index:
            return None
        return self.alias_index.entity_key_for_phrase(text)

    def _expand(self, typed):
        key = self._entity_for(typed)
        if key is None:
            return None
        kind, pk = key
        names = self.alias_index.names(kind, pk)
        q = self.names_query(names)
        if q is None:
            return None
        if not self._marking:
            return q
        self.expansions.append(Expansion(typed, kind, pk, names[0] if names else typed, names))
        return q

    def clause_queries(self, clauses):
        """Yield (query, negated) per clause, merging runs of words that name an entity."""
        i = 0
        while i < len(clauses):
            clause = clauses[i]
            self._marking = not clause.negated
            if self.expand:
                simple = lambda c: (len(c.alternatives) == 1 and not c.alternatives[0].phrase
                                    and not c.alternatives[0].prefix and c.negated == clause.negated)
                if simple(clause):
                    for size in range(min(MAX_ALIAS_WORDS, len(clauses) - i), 0, -1):
                        run = clauses[i:i + size]
                        if all(simple(c) for c in run):
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
                if self.expand and atom.phrase:
                    q = self._expand(atom.text)
                if q is None:
                    q = self.atom_query(atom)
                if q is not None:
                    parts.append(q)
            if parts:
                yield (parts[0] if len(parts) == 1 else wq.Or(parts)), clause.negated
            i += 1

    def build(self, parsed):
        """The query, or None when nothing searchable was typed."""
        positive, negative = [], []
        for q, negated in self.clause_queries(parsed.clauses):
            (negative if negated else positive).append(q)
        if not positive and not negative:
            return None
        query = wq.And(positive) if len(positive) > 1 else (positive[0] if positive else wq.Every())
        if negative:
            query = wq.AndNot(query, wq.Or(negative) if len(negative) > 1 else negative[0])
        return query
