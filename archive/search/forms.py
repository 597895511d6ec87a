"""A word's forms and a prefix's beginnings, as the archive's index holds them.

In broad mode a single word also matches its forms with an attached
proclitic and/or the article: the stemmer (``archive.arabic.broad_stem``)
removes only و, ف and the article forms, so it keeps بكركوك and لمقاتلين
apart from the bare word. The query therefore looks for those forms of the
word the archive holds (see :func:`broad_word_terms`), scored as one word
(``archive.search.tree.AnyOf``); in a phrase, for its first word.

A prefix (``word*``) is matched against the words as the outlets wrote them
(the exact fields), not against stems: the stemmer cuts words short
(مدرسة → مدرس), so a prefix of a stem would find unrelated words. In broad mode
a word matches when its folded form starts with the folded prefix, with or
without an attached و ف ب ك ل and the article (``حكوم*`` finds الحكومة,
والحكومة, للحكومة and حكومي); in exact mode it must start with the prefix as
typed.

Every question to the index goes through a vocabulary
(``archive.search.stores.base.Vocabulary``), whichever engine answers it.
"""
from archive import arabic
from archive.search import budget as limits


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
_TEH_MARBUTA = "\u0629"


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
    # A final ة as typed tells the analysis the ه it folds to is no pronoun
    # (بمظاهرة is ب + مظاهرة): the forms built on a core keep it.
    marbuta = arabic.strip_marks(word).endswith(_TEH_MARBUTA)

    def typed(form):
        return form[:-1] + _TEH_MARBUTA if marbuta and form.endswith("ه") else form

    own = [base]
    if folded.endswith("ه") and not marbuta:
        # The archive's texts write ة as ة (a final ه after the article is
        # 0.9 % of them), so the analysis reads a final ه as the pronoun
        # where it can (مكانه: مكان); a searcher often types ه for ة
        # (جامعه for جامعة), so the query also looks for the ة word.
        as_marbuta = arabic.broad_stem(folded)
        if len(as_marbuta) >= 2 and as_marbuta not in own:
            own.append(as_marbuta)
    for core in cores:
        term = arabic.broad_term(typed(core))
        if term and term not in own:
            own.append(term)
    attached = []
    for core in cores:
        if len(core) < MIN_ATTACHED_CORE or len(arabic.broad_stem(core)) < 3:
            continue
        core_written = max(arabic.written(core), 1)
        # A form the language writes far more often than the word is another
        # word (ل + بنان is لبنان, ف + كرة is فكرة): its term is never one of
        # the word's forms, whichever clitics lead to it (للبنان too).
        # So is a form with a proclitic that the language writes after the
        # article (ب + طاقة is بطاقة "card", ل + جنة is لجنة): the analysis
        # keeps it whole (arabic.takes_article).
        other_words = {
            arabic.broad_term(typed(prefix + core)) for prefix in ATTACHED
            if prefix and (arabic.written(prefix + core) > core_written * MAX_ATTACHED_RATIO
                           or (not prefix.endswith(("ال", "لل"))
                               and arabic.takes_article(prefix + core)))
        }
        # The article goes on a word the language writes with it, and on no
        # word with a pronoun (القمته is nothing, and its analysis, قمت "I
        # stood up", is another word): a core the corpus knows but never
        # writes after the article gets no article forms.
        no_article = arabic.written(core) > 0 and not arabic.takes_article(core)
        for prefix in ATTACHED:
            if no_article and prefix.endswith(("ال", "لل")):
                continue
            term = arabic.broad_term(typed(prefix + core))
            # A term that keeps a clitic's letters is clitic + word only
            # if the language never writes it after the article (بكركوك);
            # one it does is another word the letters run into (ك + حولنا
            # stems to كحول "alcohol", ف + نيتها to فني, و + يلهم to وكيل,
            # وك + حولنا to كحول again), never one of the word's forms.
            runs_into = (term and prefix and not prefix.endswith(("ال", "لل"))
                         and term.startswith((prefix, prefix[-1]))
                         and arabic.takes_article(term))
            if (term and len(term) >= 3 and term not in own and term not in attached
                    and term not in other_words and not runs_into):
                attached.append(term)
    return own, attached


def broad_word_terms(word, vocabulary=None, fieldname="text", name=False):
    """The broad terms one word is searched as: its own forms, and those of
    its attached forms that the index holds and that are not far more
    frequent than the word itself (see :data:`MAX_ATTACHED_RATIO`). Without
    a ``vocabulary`` every attached form is kept."""
    if vocabulary is None:
        own, attached = broad_word_forms(word, name=name)
        return own + attached
    try:
        cache = {}

        def df(term):
            if term not in cache:
                cache[term] = vocabulary.doc_frequency(fieldname, term)
            return cache[term]

        own, attached = broad_word_forms(word, df, name)
        ceiling = max(MAX_ATTACHED_RATIO * max(df(t) for t in own), MAX_ATTACHED_DF_ALONE)
        return own + [t for t in attached if 0 < df(t) <= ceiling]
    except Exception:  # an index that cannot be read: search without the filter
        own, attached = broad_word_forms(word, name=name)
        return own + attached


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


def unfolded_prefixes(vocabulary, fieldname, target, limit=512, known=None):
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
                    known[key] = vocabulary.has_prefix(fieldname, candidate)
                if known[key]:
                    following.append(candidate)
        frontier = following[:limit]
        if not frontier:
            break
    return frontier


def prefix_too_short(folded):
    """A folded prefix that stands for half the vocabulary: one letter, or
    an article form (ال, وال, لل ...) and at most one letter after it."""
    for form in sorted(_ARTICLE_FORMS, key=len, reverse=True):
        if folded.startswith(form):
            return len(folded) - len(form) < limits.MIN_PREFIX_LETTERS
    return len(folded) < limits.MIN_PREFIX_LETTERS

