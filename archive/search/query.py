"""The query language people type, and the Whoosh query it becomes.

Words are ANDed; ``"..."`` is a phrase; ``OR`` between two terms matches
either; ``-word`` (or ``-"a phrase"``) excludes; ``word*`` is a prefix.
Anything else a person can type (an unbalanced quote, a lone operator, a long
paste, control characters, only punctuation, Latin and Arabic mixed) still
parses: the parser never raises, it leaves notices (in Arabic) for the page
and the API to show.

In broad mode each word goes through ``archive.arabic.broad_term`` (folding
and light stemming) and a word or run of words that is a gazetteer alias is
expanded to every spelling of that entity. In exact mode a word is only
stripped of harakat, tatweel and invisible marks.

In broad mode a single word also matches its forms with an attached
proclitic and/or the article: the stemmer (``archive.arabic.broad_stem``)
removes only و, ف and the article forms, so it keeps بكركوك and لمقاتلين
apart from the bare word. The query
therefore looks for those forms of the word the archive holds (see
:func:`broad_word_terms`), scored as one word (:class:`WordForms`); in a
phrase, for its first word.

A prefix (``word*``) is matched against the words as the outlets wrote them
(the exact fields), not against stems: the stemmer cuts words short
(مدرسة → مدرس), so a prefix of a stem would find unrelated words. In broad mode
a word matches when its folded form starts with the folded prefix, with or
without an attached و ف ب ك ل and the article (``حكوم*`` finds الحكومة,
والحكومة, للحكومة and حكومي); in exact mode it must start with the prefix as
typed.
"""
from dataclasses import dataclass, field
import unicodedata

from django.utils.translation import gettext as _
from whoosh import query as wq

from archive import arabic
from archive.search import budget as limits

MAX_QUERY_CHARS = 1000
MAX_ATOMS = 40
MAX_ALIAS_WORDS = 5
#: A prefix built without an index to consult (no budget) expands to at most
#: this many distinct words per field; searches use ``archive.search.budget``.
MAX_PREFIX_TERMS = limits.PREFIX_TERMS
QUOTES = '"“”«»„‟'
OR_WORD = "OR"
#: Also read as OR between two terms: the forms people type (a lower-case or, a
#: bar) and the Arabic word for "or" — "كاكينز أو غيدني" means either of them; a
#: quoted phrase keeps أو as a word.
OR_WORDS = {OR_WORD, "or", "Or", "|", "||"}
ARABIC_OR_WORDS = {"أو", "او"}


@dataclass
class Atom:
    text: str
    phrase: bool = False
    prefix: bool = False


@dataclass
class Clause:
    alternatives: list
    negated: bool = False

    def key(self):
        return self.negated, tuple((a.text, a.phrase, a.prefix) for a in self.alternatives)


@dataclass
class Expansion:
    typed: str
    kind: str
    pk: int
    label: str
    names: list
    #: The name was excluded (-name): every spelling of it is kept out.
    excluded: bool = False


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


@dataclass
class ParsedQuery:
    clauses: list
    notices: list

    @property
    def words(self):
        return [a.text for c in self.clauses for a in c.alternatives]


# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------

# Control characters, line and paragraph separators and lone surrogates
# (which cannot be encoded, so could not be looked up) become spaces.
_BLANKED = frozenset(("Cc", "Zl", "Zp", "Cs"))


def clean(raw):
    """Control characters out, length bounded; never raises.

    A query longer than ``MAX_QUERY_CHARS`` is cut at the last space before
    the limit, so its last word is never a fragment that finds nothing.
    """
    text = arabic._as_text(raw)
    notices = []
    too_long = len(text) > MAX_QUERY_CHARS
    if too_long:
        text = text[:MAX_QUERY_CHARS + 1]
    text = "".join(" " if unicodedata.category(ch) in _BLANKED else ch for ch in text)
    if too_long:
        cut = text.rfind(" ", 0, MAX_QUERY_CHARS + 1)
        text = text[:cut] if cut > MAX_QUERY_CHARS // 2 else text[:MAX_QUERY_CHARS]
        notices.append(_("البحث طويل جدًا: استُخدم أول %(n)s حرفًا منه فقط.") % {"n": MAX_QUERY_CHARS})
    return text.strip(), notices


def _tokens(text, notices):
    """The query cut into ("word" | "phrase" | "or" | "neg", value)."""
    tokens = []
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
            if word in OR_WORDS or word in ARABIC_OR_WORDS:
                tokens.append(("or", word))
            else:
                tokens.append(("word", word))
            i = j
    return tokens


def parse(raw):
    """The query as clauses: each clause is one or more alternatives (OR),
    possibly negated; clauses are ANDed. Never raises."""
    text, notices = clean(raw)
    tokens = _tokens(text, notices)

    clauses, negate, join_or = [], False, False
    atoms = 0
    for kind, value in tokens:
        if kind == "neg":
            negate = True
            continue
        if kind == "or":
            join_or = bool(clauses)
            if join_or and value in ARABIC_OR_WORDS:
                said = _("«أو» بين كلمتين تعني إحداهما. للبحث عن عبارة فيها «أو» ضعها بين علامتَي تنصيص.")
                if said not in notices:
                    notices.append(said)
            continue
        atom = _atom(kind, value)
        if atom is None:
            negate = join_or = False
            continue
        atoms += 1
        if atoms > MAX_ATOMS:
            notices.append(_("كلمات البحث كثيرة: استُخدمت أول %(n)s منها.") % {"n": MAX_ATOMS})
            break
        if join_or and clauses and not clauses[-1].negated and not negate:
            clauses[-1].alternatives.append(atom)
        else:
            clauses.append(Clause([atom], negated=negate))
        negate = join_or = False
    # The same clause twice (a word repeated, a paragraph pasted) adds nothing.
    seen, unique = set(), []
    for clause in clauses:
        key = clause.key()
        if key not in seen:
            seen.add(key)
            unique.append(clause)
    clauses = unique
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


# ---------------------------------------------------------------------------
# A word's attached forms (broad mode)
# ---------------------------------------------------------------------------

#: What may be attached before a word: a proclitic, the article, or both.
ATTACHED = ("", "و", "ف", "ب", "ك", "ل", "وب", "ول", "وك", "فب", "فل", "فك",
            "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل")
_ARTICLE_FORMS_TYPED = ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_PROCLITICS_TYPED = ("وب", "ول", "وك", "فب", "فل", "فك", "ب", "ل", "ف", "ك")
#: A word's core must keep this many letters for its attached forms to be
#: looked for: shorter ones collide with other words (ك + لام is كلام,
#: ك + مال is كمال, ل + جنة is لجنة).
MIN_ATTACHED_CORE = 4
_ARABIC_LETTER_RANGE = ("\u0621", "\u064a")


def _arabic_letters_only(word):
    low, high = _ARABIC_LETTER_RANGE
    return bool(word) and all(low <= ch <= high for ch in word)


#: An attached form more frequent than this many times the word's own forms
#: is taken for another word: ب + رميلان stems to برميل, which is "barrel".
MAX_ATTACHED_RATIO = 2
#: ... unless it is this rare anyway (a word the archive only writes with a
#: clitic, such as وبخانقين).
MAX_ATTACHED_DF_ALONE = 5


def _cores(folded, df=None, name=False):
    """The word's cores: without a typed article form (الوزارة → وزارة), or
    the word as typed and, when it begins with ب ل ف ك (alone or after و/ف),
    also without it if that reading is likely: with an index (``df``), when
    the rest is in it at least as often as the whole word, and the corpus word
    counts (``arabic.written``) do not say the whole is the commoner word
    (لخاصية → خاصية, but لبنان, كتابة, فكرة stay whole); without one, when the rest still stems to
    four letters or more. A ``name`` (a gazetteer spelling) is never split:
    بعقوبة is Baquba, not ب + عقوبة "punishment"."""
    for form in _ARTICLE_FORMS_TYPED:
        if folded.startswith(form) and len(folded) - len(form) >= MIN_ATTACHED_CORE:
            return [folded[len(form):]]     # an article is never part of the word
    cores = [folded]
    for form in () if name else _PROCLITICS_TYPED:
        if not folded.startswith(form):
            continue
        rest = folded[len(form):]
        rest_stem = arabic.broad_stem(rest)
        if df is None:
            likely = len(rest_stem) >= MIN_ATTACHED_CORE
        else:
            likely = len(rest_stem) >= 3 and df(rest_stem) >= max(df(arabic.broad_stem(folded)), 1)
        # ... and the language at large does not write the whole more often
        # than the rest: لبنان is not ل + بنان.
        likely = likely and arabic.written(folded) <= arabic.written(rest)
        if likely:
            cores.append(rest)
            break
    return cores


def broad_word_forms(word, df=None, name=False):
    """``(own, attached)`` broad terms of one word: its own forms (the word
    as typed, and its cores, see :func:`_cores`) and the forms with a
    proclitic and/or the article attached to a core (كركوك → بكركوك, لكركوك,
    وبكركوك ...). Both empty for a stop word. Only cores of at least
    :data:`MIN_ATTACHED_CORE` letters whose own stem keeps three letters get
    attached forms (قوات stems to قو, ولاية to لا: what a clitic added to
    them would stem to is anyone's guess), and a generated term must keep
    three letters."""
    base = arabic.broad_term(word)
    if base is None:
        return [], []
    folded = arabic.fold(word)
    if not _arabic_letters_only(folded):
        return [base], []
    cores = _cores(folded, df, name)
    own = [base]
    for core in cores:
        term = arabic.broad_term(core)
        if term and term not in own:
            own.append(term)
    attached = []
    for core in cores:
        if len(core) < MIN_ATTACHED_CORE or len(arabic.broad_stem(core)) < 3:
            continue
        for prefix in ATTACHED:
            term = arabic.broad_term(prefix + core)
            if term and len(term) >= 3 and term not in own and term not in attached:
                attached.append(term)
    return own, attached


def broad_word_terms(word, reader=None, fieldname="text", name=False):
    """The broad terms one word is searched as: its own forms, and those of
    its attached forms that the index holds and that are not far more
    frequent than the word itself (see :data:`MAX_ATTACHED_RATIO`). Without
    a ``reader`` every attached form is kept."""
    if reader is None:
        own, attached = broad_word_forms(word, name=name)
        return own + attached
    try:
        cache = {}

        def df(term):
            if term not in cache:
                cache[term] = reader.doc_frequency(fieldname, term)
            return cache[term]

        own, attached = broad_word_forms(word, df, name)
        ceiling = max(MAX_ATTACHED_RATIO * max(df(t) for t in own), MAX_ATTACHED_DF_ALONE)
        return own + [t for t in attached if 0 < df(t) <= ceiling]
    except Exception:  # an index that cannot be read: search without the filter
        own, attached = broad_word_forms(word, name=name)
        return own + attached


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
        from whoosh import matching
        from whoosh.util import make_binary_tree

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


# ---------------------------------------------------------------------------
# Prefixes
# ---------------------------------------------------------------------------

def _unfold_table():
    """Each folded character -> every character (after strip_marks) that
    folds to it: ا -> ا أ إ آ ٱ, ه -> ه ة ھ ە ..., 2 -> 2 ٢ ۲. Built from
    :func:`archive.arabic.fold` itself, so it cannot disagree with it."""
    table = {}
    for cp in list(range(0x30, 0x3A)) + list(range(0x0600, 0x0800)) + list(range(0x08A0, 0x0900)):
        exact = arabic.strip_marks(chr(cp))
        if len(exact) != 1:
            continue
        folded = arabic.fold(exact)
        if len(folded) == 1:
            table.setdefault(folded, set()).add(exact)
    return {k: tuple(sorted(v)) for k, v in table.items() if len(v) > 1}


_UNFOLD = _unfold_table()

# What may come before a word in broad mode: a proclitic (و ف ب ك ل, or و/ف
# with ب ل ك) and/or the article, or ل + article written لل.
_PROCLITICS = ("", "و", "ف", "ب", "ك", "ل", "وب", "ول", "وك", "فب", "فل", "فك")
_ARTICLE_FORMS = ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")


def broad_prefix_core(typed):
    """The folded prefix a broad ``word*`` stands for: a typed article (and
    the proclitic before it) is dropped, since broad mode ignores it."""
    folded = arabic.fold(typed)
    for form in _ARTICLE_FORMS:
        if folded.startswith(form) and len(folded) - len(form) >= 2:
            return folded[len(form):]
    return folded


def prefix_targets(core):
    """Broad mode: the folded beginnings a word may have to match ``core*``."""
    targets = set()
    for clitic in _PROCLITICS:
        targets.add(clitic + core)
        if not clitic.endswith("ل"):
            targets.add(clitic + "ال" + core)
    for lam in ("لل", "ولل", "فلل"):
        targets.add(lam + core)
    return frozenset(targets)


def _has_prefix(reader, fieldname, prefix):
    if hasattr(reader, "has_prefix"):  # Tantivy: without listing the words
        return reader.has_prefix(fieldname, prefix)
    for _term in reader.expand_prefix(fieldname, prefix):
        return True
    return False


def _unfolded_prefixes(reader, fieldname, target, limit=512, known=None):
    """The beginnings, as written in ``fieldname``, whose folded form is
    ``target``: a walk down the sorted term list that keeps only beginnings
    some term has (so ا -> ا أ إ آ ٱ costs a few seeks, not 5^n).
    ``known``: a dict of beginnings already looked up (the targets of one
    prefix share their clitics, those of a query their clitics and cores)."""
    known = {} if known is None else known
    frontier = [""]
    for ch in target:
        following = []
        for start in frontier:
            for variant in _UNFOLD.get(ch, (ch,)):
                candidate = start + variant
                key = (fieldname, candidate)
                if key not in known:
                    known[key] = _has_prefix(reader, fieldname, candidate)
                if known[key]:
                    following.append(candidate)
        frontier = following[:limit]
        if not frontier:
            break
    return frontier


class FoldedPrefix(wq.MultiTerm):
    """Terms of an exact field whose :func:`~archive.arabic.fold` starts with
    one of ``targets`` (folded strings). Constant score, like Whoosh's own
    Prefix; at most ``MAX_PREFIX_TERMS`` terms."""

    constantscore = True

    def __init__(self, fieldname, targets, boost=1.0):
        self.fieldname = fieldname
        self.targets = tuple(sorted(set(targets)))
        self.text = self.targets[0] if self.targets else ""
        self.boost = boost

    def __eq__(self, other):
        return (other is not None and self.__class__ is other.__class__
                and self.fieldname == other.fieldname and self.targets == other.targets
                and self.boost == other.boost)

    def __hash__(self):
        return hash((self.__class__.__name__, self.fieldname, self.targets, self.boost))

    def __repr__(self):
        return "%s(%r, %r)" % (self.__class__.__name__, self.fieldname, self.targets)

    def __str__(self):
        return "%s:(%s)*" % (self.fieldname, "|".join(self.targets))

    def _btexts(self, ixreader):
        if self.fieldname not in ixreader.schema:
            return
        seen = set()
        for target in self.targets:
            for start in _unfolded_prefixes(ixreader, self.fieldname, target):
                for btext in ixreader.expand_prefix(self.fieldname, start):
                    if btext in seen:
                        continue
                    seen.add(btext)
                    yield btext
                    if len(seen) >= MAX_PREFIX_TERMS:
                        return


class PrefixTerms(wq.MultiTerm):
    """A prefix already expanded, within the search's budget: the words of
    ``fieldname`` it stands for (``label`` is what was typed, for display).
    Constant score, like Whoosh's own Prefix."""

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


def prefix_too_short(folded):
    """A folded prefix that stands for half the vocabulary: one letter, or
    an article form (ال, وال, لل ...) and at most one letter after it."""
    for form in sorted(_ARTICLE_FORMS, key=len, reverse=True):
        if folded.startswith(form):
            return len(folded) - len(form) < limits.MIN_PREFIX_LETTERS
    return len(folded) < limits.MIN_PREFIX_LETTERS


def most_used_with_prefix(reader, fieldname, starts, limit, scan):
    """``(terms, capped)``: the at most ``limit`` words of ``fieldname``
    beginning with one of ``starts`` that most articles use. Whoosh walks at
    most ``scan`` words in all (in order, so a huge prefix is judged on its
    first words); Tantivy asks its term dictionary for the top ones."""
    found, capped, walked = {}, False, 0
    top = getattr(reader, "top_terms_with_prefix", None)
    for start in starts:
        if top is not None:
            pairs = top(fieldname, start, limit + 1)
            capped = capped or len(pairs) > limit
            for term, count in pairs:
                found[term] = max(count, found.get(term, 0))
            continue
        for btext, info in reader.iter_prefix(fieldname, start):
            if walked >= scan:
                capped = True
                break
            walked += 1
            found[btext.decode("utf-8")] = info.doc_frequency()
        if walked >= scan:
            capped = True
            break
    ranked = sorted(found, key=lambda t: (-found[t], t))
    return ranked[:limit], capped or len(ranked) > limit


# ---------------------------------------------------------------------------
# Building the Whoosh query
# ---------------------------------------------------------------------------

class QueryBuilder:
    """Turns a ParsedQuery into a Whoosh query, recording what to highlight.

    ``reader``: the index whose vocabulary decides which attached forms of a
    word are worth looking for (broad mode). By default the archive's own
    index; ``None`` looks for all of them; the evaluation passes its own.
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
            return [t for t in arabic.broad_terms(text) if t]
        return [t for t in arabic.exact_terms(text) if t]

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
            return wq.Or([wq.Term(self.text_field, terms[0]), wq.Term(self.title_field, terms[0])])
        return wq.Or([WordForms(self.text_field, terms), WordForms(self.title_field, terms)])

    def _phrase_query(self, terms, first=None):
        """The terms in a row. ``first``: alternatives for the first word (its
        attached forms), which make the phrase a Whoosh ``Sequence``."""
        if not first or len(first) < 2:
            if self._marking:
                self.highlight.phrases.add(tuple(terms))
            return wq.Or([wq.Phrase(self.text_field, terms), wq.Phrase(self.title_field, terms)])
        if self._marking:
            self.highlight.phrases.add((frozenset(first),) + tuple(terms[1:]))
        return wq.Or([
            wq.Sequence([WordForms(field, first)] + [wq.Term(field, t) for t in terms[1:]])
            for field in (self.text_field, self.title_field)
        ])

    def text_query(self, text, name=False):
        """A word, or a run of words as a phrase; None if nothing in it is searchable.

        In broad mode the first word of a phrase may carry a proclitic the
        phrase lacks (بمحافظة كركوك for "محافظة كركوك"), as a lone word may."""
        tokens = arabic.tokenize(text)
        kept = [t for t in tokens if self.terms_of(t.text)]
        if not kept:
            return None
        if len(kept) == 1:
            return self._terms_query(self._word_terms(kept[0].text, name))
        terms = [self.terms_of(t.text)[0] for t in kept]
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
            if self.mode == "broad":
                return wq.Or([FoldedPrefix("text_exact", targets), FoldedPrefix("title_exact", targets)])
            return wq.Or([wq.Prefix("text_exact", core), wq.Prefix("title_exact", core)])
        return self._expanded_prefix(atom.text, core, targets)

    def _expanded_prefix(self, typed, core, targets):
        """The prefix as the words it stands for, the most used first, within the budget."""
        allowance = self.budget.prefix_allowance()
        if allowance <= 0 or not self.budget.take_prefix() or self.budget.expansion_out_of_time():
            self.notices.append(_("بادئات كثيرة في بحث واحد: لم يُبحث عن «%(p)s*».") % {"p": typed})
            return None
        # The bare form first: when the words walked run out, the word as
        # typed has been looked at before its forms with a clitic.
        ordered = sorted(targets, key=lambda t: (t != core, len(t), t))
        scan = allowance * limits.PREFIX_SCAN_FACTOR
        parts, spent, capped = [], 0, False
        for fieldname in ("text_exact", "title_exact"):
            if self.mode == "broad":
                starts = self._prefix_starts(fieldname, core, ordered)
            else:
                starts = [core]
            terms, cut = most_used_with_prefix(self.reader, fieldname, starts, allowance, scan)
            capped = capped or cut
            spent = max(spent, len(terms))
            if terms:
                parts.append(PrefixTerms(fieldname, typed, terms))
        self.budget.spend_prefix(spent)
        if capped:
            self.notices.append(_("البادئة «%(p)s*» تطابق كلمات كثيرة: بُحث عن أكثر %(n)s كلمة منها استعمالًا.")
                                % {"p": typed, "n": spent})
        if not parts:
            return wq.NullQuery
        return wq.Or(parts)

    def _prefix_starts(self, fieldname, core, targets):
        """The beginnings, as written, a broad prefix's words may have: each
        target's clitic (و, بال, لل ...) before each spelling of the core.

        The core's spellings (اربي: اربي, أربي ...) are those the archive
        writes bare, after ال or after و: a walk down the vocabulary for each
        of the thirty targets cost a second a prefix (Issue 14), three walks
        cost a tenth of it. The clitics themselves have one spelling."""
        spellings = []
        for clitic in ("", "ال", "و"):
            for start in _unfolded_prefixes(self.reader, fieldname, clitic + core, known=self._known_beginnings):
                spelling = start[len(clitic):]  # unfolding maps a letter to one letter
                if spelling not in spellings:
                    spellings.append(spelling)
        spellings = spellings or [core]
        return [target[:len(target) - len(core)] + spelling for target in targets for spelling in spellings]

    def atom_query(self, atom):
        if atom.prefix:
            return self.prefix_query(atom)
        return self.text_query(atom.text)

    def names_query(self, names):
        parts, seen = [], set()
        for name in names:
            terms = tuple(self.terms_of(name))
            if terms and terms not in seen:
                seen.add(terms)
                q = self.text_query(name, name=True)
                if q is not None:
                    parts.append(q)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else wq.Or(parts)

    # Alias expansion ---------------------------------------------------------

    def _entity_for(self, text):
        if not self.alias_index:
            return None
        try:
            return self.alias_index.entity_key_for_phrase(text)
        except Exception:  # a gazetteer problem must not break the search
            return None

    def _expand(self, typed):
        key = self._entity_for(typed)
        if key is None:
            return None
        kind, pk = key
        names = self.alias_index.names(kind, pk)
        spellings = getattr(self.alias_index, "spellings", None)
        weak = [n for n, is_weak in spellings(kind, pk) if is_weak] if spellings else []
        strong = [n for n in names if n not in weak]
        q = self.names_query(strong)
        if q is None:
            return None
        weak_q = self.names_query(weak) if weak else None
        if weak_q is not None:
            # A weak spelling (كينغز: also King's College) finds an article
            # only if the article also names the entity in a strong spelling.
            q = wq.Or([q, wq.And([weak_q, q])])
        named_weakly = getattr(self.alias_index, "named_only_weakly", None)
        if named_weakly is not None and named_weakly(typed, kind, pk):
            # What was typed is an ordinary word too (قاعدة: a base before it is
            # al-Qaeda): it is also searched as the word it is, with its forms.
            plain = self.atom_query(Atom(typed, phrase=len(arabic.tokenize(typed)) > 1))
            if plain is not None:
                q = wq.Or([q, plain])
        # Reported whether the name is sought or excluded: either way the
        # reader should know every spelling of it was.
        excluded = not self._marking
        if not any(e.kind == kind and e.pk == pk and e.excluded == excluded for e in self.expansions):
            self.expansions.append(Expansion(typed, kind, pk, names[0] if names else typed, names, excluded))
        return q

    def _names_around_or(self, clauses):
        """OR binds the two words beside it; when those words end and begin
        names of several words ("مايلز كاكينز OR فيلكس غيدني"), the names
        are the sides: the words before and after join their side of the
        OR (as one quoted name each, which is then expanded)."""
        def word(c, negated):
            return (len(c.alternatives) == 1 and not c.alternatives[0].phrase
                    and not c.alternatives[0].prefix and c.negated == negated)

        def is_name(text):
            return self._entity_for(text) is not None

        out, i = list(clauses), 0
        while i < len(out):
            clause = out[i]
            alts = clause.alternatives
            if len(alts) < 2 or alts[0].phrase or alts[0].prefix or alts[-1].phrase or alts[-1].prefix:
                i += 1
                continue
            left, right = 0, 0
            for size in range(min(MAX_ALIAS_WORDS - 1, i), 0, -1):
                run = out[i - size:i]
                if all(word(c, clause.negated) for c in run) and is_name(
                        " ".join([c.alternatives[0].text for c in run] + [alts[0].text])):
                    left = size
                    break
            for size in range(min(MAX_ALIAS_WORDS - 1, len(out) - i - 1), 0, -1):
                run = out[i + 1:i + 1 + size]
                if all(word(c, clause.negated) for c in run) and is_name(
                        " ".join([alts[-1].text] + [c.alternatives[0].text for c in run])):
                    right = size
                    break
            if not (left or right):
                i += 1
                continue
            first = " ".join([c.alternatives[0].text for c in out[i - left:i]] + [alts[0].text])
            last = " ".join([alts[-1].text] + [c.alternatives[0].text for c in out[i + 1:i + 1 + right]])
            merged = Clause([Atom(first, phrase=bool(left))] + alts[1:-1] + [Atom(last, phrase=bool(right))],
                            negated=clause.negated)
            out[i - left:i + 1 + right] = [merged]
            i = i - left + 1
        return out

    def clause_queries(self, clauses):
        """Yield (query, negated) per clause, merging runs of words that name an entity."""
        if self.expand and self.alias_index:
            clauses = self._names_around_or(clauses)
        i = 0
        while i < len(clauses):
            clause = clauses[i]
            self._marking = not clause.negated
            if self.expand:
                def simple(c):
                    return (len(c.alternatives) == 1 and not c.alternatives[0].phrase
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
                # Each side of an OR (a word, a run of words in quotes) is a
                # name if a lone word or phrase would be: "Caggins OR Mattis".
                if self.expand and not atom.prefix:
                    q = self._expand(atom.text)
                if q is None:
                    q = self.atom_query(atom)
                if q is not None and q not in parts:
                    parts.append(q)
            if parts:
                yield (parts[0] if len(parts) == 1 else wq.Or(parts)), clause.negated
            i += 1
        self._marking = True

    def build(self, parsed):
        """The query, or None when nothing searchable was typed."""
        positive, negative = [], []
        for q, negated in self.clause_queries(parsed.clauses):
            bucket = negative if negated else positive
            if q in bucket:
                continue
            if not self.budget.spend_terms(query_size(q)):
                # Past the bound on a query's terms, a part costs more work
                # than a search may do (archive.search.budget).
                self.notices.append(_("البحث كبير جدًا بعد توسيع كلماته: تُركت بعض أجزائه."))
                continue
            bucket.append(q)
        if not positive and not negative:
            return None
        self.notices = list(dict.fromkeys(self.notices))
        query = wq.And(positive) if len(positive) > 1 else (positive[0] if positive else wq.Every())
        if negative:
            query = wq.AndNot(query, wq.Or(negative) if len(negative) > 1 else negative[0])
        return query


def query_size(node):
    """How many index terms a query reads (the postings a search walks)."""
    if isinstance(node, WordForms):
        return len(node.texts)
    if isinstance(node, PrefixTerms):
        return len(node.terms)
    if isinstance(node, FoldedPrefix):
        return MAX_PREFIX_TERMS
    if isinstance(node, wq.Phrase):
        return len(node.words)
    if node is wq.NullQuery:
        return 0
    if node.is_leaf():
        return 1
    return sum(query_size(child) for child in node.children())
