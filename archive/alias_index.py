"""The alias matcher behind tagging and search query expansion: finding
gazetteer names in text. (The per-process index and its cache are in
:mod:`archive.gazetteer`; how one spelling and one word are read, in
:mod:`archive.alias_spelling`.)

Every name and alias of every outlet, speaker, place and force is cut into
words with :func:`archive.arabic.tokenize` and folded with
:func:`archive.arabic.fold`, and so is the text; a match is a run of text words
equal to an alias's words. So كاگينز finds كاكينز, ھولێر finds هولير and
CAGGINS finds Caggins, by the same rules search uses.

Names are **not stemmed**: the stemmer is built for common words and would
turn names into them (سورية → سور "wall", الموصل → موصل "conductor",
الحسكة → حسك "thorns"), so tagging would fire on ordinary words. Instead, this
module understands the one thing Arabic actually glues onto names: a proclitic
and/or the article.

Rules, in the order they are applied to the *first* word of an alias (the
other words of a multi-word alias must match exactly, and the words of a match
must not be separated by sentence or clause punctuation):

1. **Proclitics.** A text word may carry one attached proclitic the alias
   lacks: و ف ب ل ك, or و/ف followed by ب ل ك (وبالرمادي), or ل + article with
   its alif elided (للبيشمركة = ل + البيشمركة). What remains must be at least
   3 letters (2 when more words of the alias must follow, as in وتل أبيض).
2. **Known words are not split.** A single letter is never stripped from a word
   that is itself an alias word: بغداد is Baghdad, never ب + غداد; likewise
   وبغداد is و + بغداد, never وب + غداد.
3. **The article.** الپێشمهرگة and پێشمهرگة, البيشمركة and بيشمركة are the same
   name: an alias with ال matches the word without it and vice versa, but only
   when the rest of the word is at least 5 letters and does not end in ي or
   ية. Shorter words are too often ordinary ones: ورقة is "paper", not
   و + (ال)رقة; قائم ("standing") is not القائم, the town. And -ي/-ية is the
   adjective ending, with or without the article: السورية is "the Syrian",
   not سورية (Syria); رمادي is "grey", not الرمادي (Ramadi). Such names match
   only with the article as the alias has it.
4. **Short aliases** (fewer than 4 letters in all, such as قسد, PMF, SDF) match
   only a whole word, optionally with a single-letter proclitic (قسد, وقسد,
   لقسد, فقسد), never with the article and never inside a longer word
   (لقسدية, قسدي).
5. **Longest match wins** and matches do not overlap: in "قوات سوريا
   الديمقراطية" the force is found, not the country inside it. Between equally
   long candidates the one needing fewer liberties wins (as written, then with
   a proclitic stripped, then with the article added or dropped).
6. **Ambiguous aliases are silent.** When two entities of the same kind share
   an alias (two speakers called علي), the words are consumed but tag neither.
   Entities of different kinds may share an alias; each is reported.

Latin aliases (Caggins, PMF, SDF, Kirkuk) are casefolded like everything else
and match whole words.
"""
from __future__ import annotations

import re

from typing import Iterable

from archive.alias_spelling import (
    ARTICLE, KINDS, WEAK_MARK, Alias, Candidate, Match, closest_spelling, skip_folded, split_article,
)
from archive.arabic import fold, strip_marks, tokenize
from archive.latin_surnames import latin_surname_keys, surname_form
from archive.titled_names import TitledNames

# Rule 1: attached proclitics, and proclitic + article with the alif elided.
_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
_SINGLE_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك"})
_LAM_ARTICLE = ("لل", "ولل", "فلل")
#: The proclitics by the letter they begin with, in _PROCLITICS' order: a
#: word's readings look only at those of its first letter (most words begin
#: with none of them, and need no look at all).
_PROCLITICS_BY_FIRST = {
    first: tuple(c for c in _PROCLITICS if c[0] == first) for first in {c[0] for c in _PROCLITICS}
}
_NISBA = ("ي", "يه")   # the adjective endings -ي/-ية (folded), rule 3

_MIN_REST_ONE_WORD = 3      # rule 1, one-word alias
_MIN_REST_MORE_WORDS = 2    # rule 1, further words must follow
_MIN_CORE_FOR_ARTICLE = 5   # rule 3

# Characters that end a sentence or clause: a multi-word alias does not match
# across them ("... في سوريا. الديمقراطية ..." is not SDF).
_BREAKS = frozenset(".,،;؛:!?؟\n\r()[]{}…|")

_MEMO_LIMIT = 500_000


# A full stop after a short Latin word (Col., Maj., Gen., Dr., U.S.) followed
# by more of the name: an abbreviation, read so in a query (not in a text).
_ABBREVIATION_POINT = re.compile(r"(?<=\b[A-Za-z])\.(?=[A-Za-z]\.)|(?<=\b[A-Za-z])\.(?=\s+\S)|(?<=\b[A-Za-z]{2})\.(?=\s+\S)|(?<=\b[A-Za-z]{3})\.(?=\s+\S)|(?<=\b[A-Za-z]{4})\.(?=\s+\S)")
_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")


def _with_unbracketed(names):
    """Each name, and after it the name without what it says in brackets:
    "Hit (Anbar)" is typed Hit, "Global Coalition against Daesh (CJTF-OIR)"
    without its code. What the brackets hold is not a name of its own (Anbar
    is the province, not the town)."""
    for name in names:
        yield name
        bare = _BRACKETED.sub("", (name or "")).strip()
        if bare and bare != (name or "").strip().lstrip(WEAK_MARK).strip() and len(bare) >= 2:
            yield (WEAK_MARK + bare) if (name or "").strip().startswith(WEAK_MARK) else bare


class AliasIndex:
    """All gazetteer spellings, folded and ready to be found in text.

    Built from ``(kind, pk, names)`` entries, ``names`` being the entity's
    ``all_names()``. Immutable once built; :func:`get_alias_index` keeps one
    per process and rebuilds it when the gazetteer changes.
    """

    def __init__(self, entries: Iterable[tuple[str, int, Iterable[str]]]):
        self._names: dict[tuple[str, int], list[str]] = {}
        self._weak: set[tuple[str, int, str]] = set()
        aliases: dict[tuple[str, ...], Alias] = {}
        for kind, pk, names in entries:
            if kind not in KINDS:
                raise ValueError(f"unknown gazetteer kind {kind!r}")
            spellings = self._names.setdefault((kind, pk), [])
            for name in _with_unbracketed(names or ()):
                name = (name or "").strip()
                # "~كينغز": a weak spelling, also an ordinary word or another
                # name (King's College); it counts only beside a strong one.
                weak = name.startswith(WEAK_MARK)
                name = name.lstrip(WEAK_MARK).strip()
                if not name:
                    continue
                if weak:
                    self._weak.add((kind, pk, name))
                if name not in spellings:
                    spellings.append(name)
                exact = tuple(w for w in (strip_marks(t.text) for t in tokenize(name)) if w)
                words = tuple(fold(w) for w in exact)
                if not words:
                    continue
                alias = aliases.get(words)
                if alias is None:
                    alias = aliases[words] = Alias(words)
                alias.owners.setdefault((kind, pk), []).append((name, exact))
        # Per-word memos: a word's readings and folding never depend on the
        # text around it, and the same words recur in every article. Bounded
        # by _MEMO_LIMIT so a long import cannot grow them without end.
        self._filters: dict[tuple[str, int], tuple[str, str]] = {}  # set by from_database
        self._coords: dict[tuple[str, int], tuple[float, float]] = {}  # places', set by from_database
        self._twins = None  # one place under two records, built when a search first asks
        self._pks: dict[tuple[str, str], int] | None = None  # (kind, slug) -> pk, built when first asked
        self._surnames = None  # Latin surnames, built when a search first asks
        self._titled = None  # names seen through their titles, likewise
        self._candidate_memo: dict[str, list] = {}
        self._fold_memo: dict[str, str] = {}
        self._by_core: dict[str, list[Alias]] = {}
        for alias in aliases.values():
            alias.resolve()
            self._by_core.setdefault(alias.core, []).append(alias)

    @classmethod
    def from_database(cls) -> "AliasIndex":
        """Every outlet, speaker, place and force currently in the database."""
        from archive.models import Force, Outlet, Place, Speaker

        models = {"outlet": Outlet, "speaker": Speaker, "place": Place, "force": Force}
        entries, slugs = [], {}  # (kind, pk) -> (index filter field, slug)
        for kind, model in models.items():
            for obj in model.objects.only("pk", "slug", "name", "name_en", "aliases").order_by("pk"):
                entries.append((kind, obj.pk, obj.all_names(raw=True)))
                slugs[(kind, obj.pk)] = (model.filter_name, obj.slug)
        index = cls(entries)
        index._filters = slugs
        index._coords = {("place", pk): (lat, lon) for pk, lat, lon in Place.objects.filter(
            latitude__isnull=False, longitude__isnull=False).values_list("pk", "latitude", "longitude")}
        return index

    # -- lookups -----------------------------------------------------------

    def names(self, kind: str, pk: int) -> list[str]:
        """Every spelling of the entity (name, English name, aliases)."""
        return list(self._names.get((kind, pk), ()))

    def entities(self):
        """``((kind, pk), spellings)`` for every entity."""
        return [(key, list(names)) for key, names in self._names.items()]

    def twins(self, kind: str, pk: int) -> list[tuple[str, int]]:
        """Other records of the same place: places that share a spelling with
        it and lie within ``TWIN_KM`` of it (the gazetteer's ديرك, also
        "al-Malikiyah", and the world data's المالكية, Al Mālikīyah, 1.3 km
        apart). [] for an index not read from the database."""
        if self._twins is None:
            self._twins = _twins(self._names, self._coords)
        return list(self._twins.get((kind, pk), ()))

    def filter_for(self, kind: str, pk: int):
        """``(field, slug)``: the index's filter field (the model's
        ``filter_name``) and the entity's value in it; None for an index not
        read from the database."""
        return self._filters.get((kind, pk))

    @property
    def knows_slugs(self) -> bool:
        """Was this index read from the database (does it know slugs)?"""
        return bool(self._filters)

    def pk_for(self, kind: str, slug: str) -> int | None:
        """The pk of the entity of ``kind`` with this slug; None when there is
        none, or for an index not read from the database."""
        if self._pks is None:
            self._pks = {(k, s): pk for (k, pk), (_field, s) in self._filters.items()}
        return self._pks.get((kind, slug))

    # -- matching ----------------------------------------------------------

    def _article_ok(self, alias: Alias, article: bool) -> bool:
        """Rule 3 and the no-article half of rule 4."""
        if alias.article == article:
            return True
        return (
            not alias.short
            and len(alias.core) >= _MIN_CORE_FOR_ARTICLE
            and not alias.core.endswith(_NISBA)
        )

    def _is_alias_word(self, word: str) -> bool:
        """Is ``word``, as written, the first word of some alias? (rule 2)"""
        article, core = split_article(word)
        return any(self._article_ok(a, article) for a in self._by_core.get(core, ()))

    def _candidates(self, word: str) -> list[tuple[int, Candidate]]:
        """Readings of a text word that could start some alias, memoised."""
        found = self._candidate_memo.get(word)
        if found is None:
            if len(self._candidate_memo) > _MEMO_LIMIT:
                self._candidate_memo.clear()
            found = [(pref, cand) for pref, cand in self._all_candidates(word)
                     if cand.core in self._by_core]
            self._candidate_memo[word] = found
        return found

    def _fold(self, word: str) -> str:
        folded = self._fold_memo.get(word)
        if folded is None:
            if len(self._fold_memo) > _MEMO_LIMIT:
                self._fold_memo.clear()
            folded = self._fold_memo[word] = fold(word)
        return folded

    def _all_candidates(self, word: str) -> list[tuple[int, Candidate]]:
        """Readings of a text word as (preference, candidate); lower is better."""
        article, core = split_article(word)
        found = [(0, Candidate("", 0, article, core, len(word)))]
        if self._is_alias_word(word):
            return found                      # rule 2: بغداد stays بغداد
        clitics = _PROCLITICS_BY_FIRST.get(word[:1])
        if not clitics:
            return found                      # no proclitic, nor لل, begins so
        # Rule 2 for و + بغداد: no two-letter proclitic where the word less
        # its first letter is an alias's first word.
        blocked = len(clitics) > 1 and self._is_alias_word(word[1:])
        for clitic in clitics:
            if blocked and len(clitic) == 2 or not word.startswith(clitic):
                continue
            rest = word[len(clitic):]
            article, core = split_article(rest)
            found.append((1, Candidate(clitic, len(clitic), article, core, len(rest))))
        for lam in _LAM_ARTICLE:
            core = word[len(lam):]
            if word.startswith(lam) and core:
                # (و/ف +) ل + (ا)ل + core. The reported name keeps its لل (it
                # holds the article); only a leading و/ف is left out.
                found.append((1, Candidate(lam[:-1], len(lam) - 2, True, core,
                                            len(core) + len(ARTICLE))))
        return found

    def _fits(self, alias: Alias, cand: Candidate) -> int | None:
        """Can this reading of the word start this alias? Returns the extra
        preference cost (0 same article, 1 article added/dropped) or None."""
        if cand.clitic:
            need = _MIN_REST_ONE_WORD if len(alias.words) == 1 else _MIN_REST_MORE_WORDS
            if cand.rest_len < need:
                return None
            if alias.short and cand.clitic not in _SINGLE_PROCLITICS:
                return None
        if cand.article == alias.article:
            return 0
        if self._article_ok(alias, cand.article):
            return 1
        return None

    def words(self, text: str):
        """``text`` cut into tokens and their folded forms, with this index's
        fold memo: pass it to :meth:`find` and reuse it (archive.speakers)
        rather than cutting the same text twice."""
        tokens = tokenize(text)
        return tokens, [self._fold(t.text) for t in tokens]

    def _spans(self, text: str, words=None):
        """Every (start word, end word, preference, alias, clitic_len) that fits."""
        tokens, folded = words if words is not None else self.words(text)

        def joinable(i):
            """May word i and word i+1 belong to one name? (no clause break
            between). Asked only where a longer alias's words all match."""
            gap = text[tokens[i].end:tokens[i + 1].start]
            return gap == " " or not any(ch in _BREAKS for ch in gap)

        spans = []
        for i, word in enumerate(folded):
            if not word:
                continue
            for pref, cand in self._candidates(word):
                for alias in self._by_core.get(cand.core, ()):
                    n = len(alias.words)
                    if i + n > len(tokens):
                        continue
                    if n > 1 and (
                        tuple(folded[i + 1:i + n]) != alias.words[1:]
                        or not all(joinable(k) for k in range(i, i + n - 1))
                    ):
                        continue
                    cost = self._fits(alias, cand)
                    if cost is None:
                        continue
                    spans.append((i, i + n, pref + 2 * cost, alias, cand.clitic_len))
        return tokens, spans

    def find(self, text: str, words=None, keep_weak: bool = False) -> list[Match]:
        """Every gazetteer mention in ``text``, in order of position.
        ``words``: :meth:`words` of the same text, if already made;
        ``keep_weak``: :meth:`without_weak` is left to the caller."""
        text = text if isinstance(text, str) else ("" if text is None else str(text))
        tokens, spans = self._spans(text, words)
        # Rule 5: longest (in words, then characters) first; then fewest
        # liberties; then leftmost. Take greedily what does not overlap.
        spans.sort(key=lambda s: (
            -(s[1] - s[0]),
            -(tokens[s[1] - 1].end - tokens[s[0]].start),
            s[2],
            s[0],
        ))
        taken = [False] * len(tokens)
        chosen = []
        for start, end, _pref, alias, clitic_len in spans:
            if any(taken[start:end]):
                continue
            for k in range(start, end):
                taken[k] = True
            chosen.append((start, end, alias, clitic_len))
        chosen.sort(key=lambda c: c[0])
        matches = []
        for start, end, alias, clitic_len in chosen:
            first = tokens[start]
            char_start = first.start + skip_folded(first.text, clitic_len)
            written = [strip_marks(t.text) for t in tokens[start:end]]
            for kind, pk, spellings in alias.resolved:
                spelling = closest_spelling(spellings, written)
                matches.append(Match(kind, pk, char_start, tokens[end - 1].end, spelling))
        return matches if keep_weak else self.without_weak(matches)

    def without_weak(self, matches: list[Match]) -> list[Match]:
        """``matches`` but weak spellings of entities no strong one names."""
        if not self._weak:
            return matches
        strong = {(m.kind, m.pk) for m in matches if not self.is_weak(m.kind, m.pk, m.alias)}
        return [m for m in matches
                if (m.kind, m.pk) in strong or not self.is_weak(m.kind, m.pk, m.alias)]

    def _latin_surname_key(self, text: str) -> tuple[str, int] | None:
        """The one entity a lone Latin surname names (see :func:`latin_surname_keys`), or None."""
        word = surname_form(text)
        if not word:
            return None
        if self._surnames is None:
            self._surnames = latin_surname_keys(self._names)
        keys = self._surnames.get(word, ())
        return next(iter(keys)) if len(keys) == 1 else None

    def named_only_weakly(self, text: str, kind: str, pk: int) -> bool:
        """Is ``text`` a name of this entity only as a weak spelling (an ordinary
        word too: قاعدة is a base before it is al-Qaeda)?"""
        try:
            return _weak_only(self, text, (kind, pk))
        except Exception:  # a gazetteer problem must not break a search
            return False

    def is_weak(self, kind: str, pk: int, spelling: str) -> bool:
        """Is this spelling marked weak (``~``) for this entity?"""
        return (kind, pk, spelling) in self._weak

    def spellings(self, kind: str, pk: int) -> list[tuple[str, bool]]:
        """Every spelling of the entity with whether it is weak."""
        return [(name, self.is_weak(kind, pk, name)) for name in self.names(kind, pk)]

    def entity_key_for_phrase(self, text: str, titles: bool = True) -> tuple[str, int] | None:
        """If the whole of ``text`` (a query word or phrase) is a name of
        exactly one entity, that entity's ``(kind, pk)``; otherwise None.

        Used by search to expand a query to every spelling of the entity
        (``titles``: see a rank before a speaker's name through,
        :mod:`archive.titled_names`; not for a quoted phrase). Two
        entities claiming the phrase, of the same kind or not, give None: we
        cannot tell which one the user meant.
        """
        text = text if isinstance(text, str) else ("" if text is None else str(text))
        tokens, spans = self._spans(text)
        whole = [s for s in spans if s[0] == 0 and s[1] == len(tokens)]
        if not whole and _ABBREVIATION_POINT.search(text):
            # "Col. Myles Caggins", "U.S. forces": in a query, the full stop of
            # a Latin abbreviation is not the clause break it is in a text.
            text = _ABBREVIATION_POINT.sub(" ", text)
            tokens, spans = self._spans(text)
            whole = [s for s in spans if s[0] == 0 and s[1] == len(tokens)]
        if not whole:
            if self._titled is None:
                self._titled = TitledNames(self._names)
            return self._latin_surname_key(text) or (titles and self._titled.key_for(text, self.entity_key_for_phrase)) \
                or None
        owners = self._whole_owners(whole)
        if len(owners) != 1:
            # One place under two records is one place: the first record
            # (search expands it with its twins).
            first = min(owners)
            if all(key == first or key in self.twins(*first) for key in owners):
                return first
            return None
        return next(iter(owners))


    @staticmethod
    def _whole_owners(whole):
        """The entities whose spelling, as typed, is the whole phrase."""
        best = min(s[2] for s in whole)
        owners = set()
        for s in whole:
            if s[2] == best:
                owners.update(s[3].owners)
        return owners

    def entity_keys_sharing(self, text: str) -> list[tuple[str, int]]:
        """The entities (two or more, one record of a place each) whose
        spelling the whole of ``text`` is, when several share it: Tripoli
        (Libya's and Lebanon's), KRG (the region and its government's
        site), Al-Watan (two newspapers). [] when one entity or none is so
        spelled (``entity_key_for_phrase`` says which)."""
        text = text if isinstance(text, str) else ("" if text is None else str(text))
        tokens, spans = self._spans(text)
        whole = [s for s in spans if s[0] == 0 and s[1] == len(tokens)]
        if not whole:
            return []
        keys = []
        for key in sorted(self._whole_owners(whole)):
            if not any(key in self.twins(*other) for other in keys):
                keys.append(key)
        return keys if len(keys) > 1 else []


#: Two places sharing a spelling this close (in km) are one place.
TWIN_KM = 15


def _twins(names, coords):
    """(kind, pk) -> the other records of the same place (see :meth:`AliasIndex.twins`)."""
    import math

    by_spelling = {}
    for key, spellings in names.items():
        if key in coords:
            for name in spellings:
                words = tuple(fold(strip_marks(t.text)) for t in tokenize(name))
                if words:
                    by_spelling.setdefault(words, set()).add(key)
    out = {}
    for keys in by_spelling.values():
        if len(keys) < 2 or len(keys) > 5:
            continue
        for a in keys:
            for b in keys:
                if a < b:
                    (lat1, lon1), (lat2, lon2) = coords[a], coords[b]
                    dy = (lat1 - lat2) * 111.0
                    dx = (lon1 - lon2) * 111.0 * math.cos(math.radians((lat1 + lat2) / 2))
                    if math.hypot(dx, dy) <= TWIN_KM:
                        out.setdefault(a, set()).add(b)
                        out.setdefault(b, set()).add(a)
    return {key: sorted(found) for key, found in out.items()}


def _weak_only(index, text, key):
    """Does ``text`` name the entity ``key`` only through weak spellings?"""
    tokens, spans = index._spans(text)
    whole = [s for s in spans if s[0] == 0 and s[1] == len(tokens) and key in s[3].owners]
    return bool(whole) and all(index.is_weak(key[0], key[1], name)
                               for s in whole for name, _exact in s[3].owners[key])
