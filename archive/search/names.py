"""A gazetteer name wherever it stands in a query: every spelling of it.

The part of :class:`archive.search.builder.QueryBuilder` that expands names
(a mixin, so the builder stays one class with one state): a word or run of
words that is a gazetteer alias is searched as every spelling of its entity,
alone, on each side of OR, excluded, or inside a quoted phrase; an outlet's
name also finds the articles the outlet published (its own name is often
only in the page furniture the importer strips); a spelling whose words the
broad analysis would drop as function words (كي ون, the K1 base) is
searched as written. docs/search.md ("Names") says it for readers.
"""
from dataclasses import dataclass
import re

from archive import arabic
from archive.name_variants import entity_for_variant, fold_latin_marks
from archive.search import tree as t
from archive.search.parsing import Atom, Clause
from archive.search.surnames import surname_keys, surnames_of

MAX_ALIAS_WORDS = 5
#: What a name is typed with in brackets after it.
_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")
#: Words that say a name is an outlet's: "صحيفة الشرق الأوسط", "قناة العربية".
OUTLET_KIND_WORDS = frozenset(arabic.fold(w) for w in (
    "وكالة", "قناة", "صحيفة", "جريدة", "موقع", "راديو", "إذاعة", "تلفزيون", "شبكة", "مجلة", "بوابة",
))
#: An outlet's name none of whose words the corpus writes fewer times than
#: this is ordinary language (العربية 14,927; الرياض 6,792; الشرق 5,250),
#: unlike رووداو (6), زاكروس (0), سوا (30) or سكاي (1,111).
ORDINARY_WORD_COUNT = 2000
#: A spelling shared by at most this many entities names each of them.
MAX_SHARED = 3
#: A phrase holding a name is searched with at most this many of its spellings.
MAX_PHRASE_SPELLINGS = 12


@dataclass
class Expansion:
    typed: str
    kind: str
    pk: int
    label: str
    names: list
    #: The name was excluded (-name): every spelling of it is kept out.
    excluded: bool = False



class NameExpansion:
    """Name expansion for :class:`archive.search.builder.QueryBuilder` (which
    provides ``alias_index``, ``expansions``, ``_marking``, ``terms_of``,
    ``text_query`` and ``atom_query``)."""

    def names_query(self, names):
        parts, seen = [], set()
        for name in names:
            terms = tuple(self.terms_of(name))
            if terms and terms not in seen:
                seen.add(terms)
                q = self._written_name_query(name) if self._loses_function_word(name) else None
                if q is None:
                    q = self.text_query(name, name=True)
                elif len(terms) >= 2:
                    # Two words or more are left without the function word
                    # (جان إيف لو دريان: جان إيف دريان): a name still, found
                    # in every spelling of its letters (جان ايف لو دريان), as
                    # well as written.
                    broad = self.text_query(name, name=True)
                    if broad is not None:
                        q = t.Or((q, broad))
                if q is not None:
                    parts.append(q)
        if not parts:
            return None
        return t.any_of(parts)

    def _loses_function_word(self, name):
        """Would the broad analysis drop a word of this spelling as a function
        word? Then what is left is a shorter, commoner name (كي ون, the K1
        base, would be ون alone; قاعدة كي وان would be any قاعدة)."""
        if self.mode != "broad":
            return False
        tokens = [token.text for token in arabic.tokenize(name)]
        return len(tokens) > 1 and any(
            arabic.is_stopword(arabic.fold(arabic.strip_marks(w)), arabic.strip_marks(w)) for w in tokens)

    def _written_name_query(self, name):
        """The spelling as written, every word in a row (the exact fields keep
        function words); None if nothing is left of it."""
        terms = [term for term in arabic.exact_terms(name) if term]
        if not terms:
            return None
        words = tuple((term,) for term in terms)
        return t.Or((t.Phrase("text_exact", words), t.Phrase("title_exact", words)))

    # Alias expansion ---------------------------------------------------------

    def _entity_for(self, text, quoted=False):
        """The entity ``text`` names. ``quoted``: typed in quotes, where a title
        is part of what is asked for ("العقيد كاكينز": the article calls him
        so), so a title before a name is not seen through."""
        if not self.alias_index:
            return None
        text = fold_latin_marks(text)
        try:
            key = self.alias_index.entity_key_for_phrase(text, titles=not quoted)
            if key is None and _BRACKETED.search(text):
                # A name typed with what the gazetteer says of it in brackets
                # ("Giants Brigades (Yemen)", "Israeli army (IDF)"): the name.
                bare = _BRACKETED.sub(" ", text).strip()
                if bare and bare != text:
                    key = self.alias_index.entity_key_for_phrase(bare, titles=not quoted)
            return key
        except Exception:  # a gazetteer problem must not break the search
            return None

    def _tag_filter(self, kind, pk):
        """The articles tagged with the entity ``(kind, pk)``: its slug in the
        index's place, force, speaker or outlet field; None if unknown."""
        filter_for = getattr(self.alias_index, "filter_for", None)
        found = filter_for(kind, pk) if filter_for else None
        return t.Filter(found[0], (found[1],)) if found else None

    def _unknown_spelling_of(self, typed):
        """The entity a phrase the archive lacks spells loosely (كاجينز,
        Khaneqin, Himreen: ``archive.name_variants``), or None. Asked only
        when no word of it is in the index as typed, so a word the archive
        holds is never taken for a name it resembles."""
        if self.reader is None or not self.alias_index:
            return None
        terms = self.terms_of(typed)
        if not terms or any(self.reader.doc_frequency(field, term)
                            for term in terms for field in (self.text_field, self.title_field)):
            return None
        try:
            return entity_for_variant(self.alias_index, typed)
        except Exception:  # a gazetteer problem must not break the search
            return None

    def _shared_by(self, text):
        """The entities (at most ``MAX_SHARED``) a spelling several of them
        share names: each, as a surname several people share names them
        all. [] when more share it (a word too common to say whose it is)."""
        sharing = getattr(self.alias_index, "entity_keys_sharing", None)
        if sharing is None:
            return []
        try:
            keys = sharing(fold_latin_marks(text))
        except Exception:  # a gazetteer problem must not break the search
            return []
        return keys if len(keys) <= MAX_SHARED else []

    def _expand(self, typed, quoted=False):
        key = self._entity_for(typed, quoted)
        if key is None:
            # A spelling two or three entities share ("Tripoli", "KRG"):
            # every spelling of each; before, none of them was expanded.
            shared = [q for q in (self._expand_key(typed, k) for k in self._shared_by(typed)) if q is not None]
            if shared:
                return t.any_of(shared)
            # A surname before a loose spelling: "Salman" is two people's,
            # not the place Salman Pak.
            q = self._expand_surname(typed)
            if q is not None:
                return q
            key = self._unknown_spelling_of(typed)
            if key is None:
                return None
        q = self._expand_key(typed, key)
        if q is not None and key[0] != "speaker":
            # A person's surname that is also the name of a place ("Bolton",
            # a town in England, and John Bolton): both, each in every spelling.
            people = self._expand_surname(typed, people_only=True)
            if people is not None:
                q = t.Or((q, people))
        if q is not None and key[0] == "speaker" and len(typed.split()) == 1:
            # A surname typed alone that is also a name ("Guterres", ماتيس):
            # the person's own lone surnames too, as for any lone surname.
            q = self._with_surnames(q, typed, [key])
        return q

    def _expand_surname(self, typed, people_only=False):
        """A surname typed alone (غوتيريش, Barzani): every spelling of each
        person it names (``archive.search.surnames``: the corpus decides which
        surnames name a person), and the word itself, as an article that has
        named the person may then call them by it alone (by any spelling of
        it the gazetteer writes). ``people_only``: speakers only (the table
        also knows a force or place by the last word of its name)."""
        keys = surname_keys(self.alias_index, fold_latin_marks(typed)) if self.alias_index else []
        if people_only:
            keys = [key for key in keys if key[0] == "speaker"]
        parts = [q for q in (self._expand_key(typed, key) for key in keys) if q is not None]
        if not parts:
            return None
        return self._with_surnames(t.any_of(parts), typed, keys, typed_too=True)

    def _with_surnames(self, q, typed, keys, typed_too=False):
        """``q`` or any of the people's lone surnames (and ``typed``) as words."""
        words = [w for key in keys for w in surnames_of(self.alias_index, key) if w != typed]
        parts = [q]
        for word in dict.fromkeys(([typed] if typed_too else []) + words):
            plain = self.atom_query(Atom(word))
            if plain is not None and plain not in parts:
                parts.append(plain)
        return t.any_of(parts)

    def _expand_key(self, typed, key):
        kind, pk = key
        # One place under two records (the gazetteer's and the world data's,
        # a few km apart, a spelling shared) is searched as one.
        twins = getattr(self.alias_index, "twins", None)
        keys = [key] + (twins(kind, pk) if twins else [])
        names = list(dict.fromkeys(n for k in keys for n in self.alias_index.names(*k)))
        spellings = getattr(self.alias_index, "spellings", None)
        weak = [n for k in keys for n, is_weak in spellings(*k) if is_weak] if spellings else []
        strong = [n for n in names if n not in weak]
        q = self.names_query(strong)
        if q is None:
            return None
        weak_q = self.names_query(weak) if weak else None
        if weak_q is not None:
            # A weak spelling (كينغز: also King's College; القصير: also
            # "short") finds an article only if the article also names the
            # entity in a strong spelling, or was tagged with it (the tagger
            # found the context that makes the word a name).
            tagged = [f for f in (self._tag_filter(*k) for k in keys) if f is not None]
            support = t.any_of([q] + tagged)
            q = t.Or((q, t.And((weak_q, support))))
        if kind == "outlet" and _names_an_outlet_only(typed):
            # An outlet's articles, whether or not their text names it: the
            # line that does is often page furniture the importer removed
            # ("زاكروس عربية – أربيل", "عن مصدر الخبر: وكالة كل العراق").
            # Not for a name that is ordinary language (العربية, الشرق
            # الأوسط, الرياض): a reader typing it means the words.
            published = self._tag_filter(kind, pk)
            if published is not None:
                q = t.Or((q, published))
        named_weakly = getattr(self.alias_index, "named_only_weakly", None)
        if named_weakly is not None and named_weakly(typed, kind, pk):
            # What was typed is an ordinary word too (قاعدة: a base before it is
            # al-Qaeda): it is also searched as the word it is, with its forms.
            plain = self.atom_query(Atom(typed, phrase=len(arabic.tokenize(typed)) > 1))
            if plain is not None:
                q = t.Or((q, plain))
        # Reported whether the name is sought or excluded: either way the
        # reader should know every spelling of it was.
        excluded = not self._marking
        if not any(e.kind == kind and e.pk == pk and e.excluded == excluded for e in self.expansions):
            self.expansions.append(Expansion(typed, kind, pk, names[0] if names else typed, names, excluded))
        return q

    def _phrase_with_names(self, text):
        """The phrase ``text`` with each spelling of the longest name inside it
        in its place (at most ``MAX_PHRASE_SPELLINGS``), or None when no run of
        its words (short of the whole, which ``_expand`` tried) is a name."""
        if not self.alias_index:
            return None
        words = [token.text for token in arabic.tokenize(text)]
        for size in range(min(MAX_ALIAS_WORDS, len(words) - 1), 0, -1):
            for start in range(len(words) - size + 1):
                typed = " ".join(words[start:start + size])
                key = self._entity_for(typed)
                if key is None:
                    # A surname alone in the phrase ("وقال غوتيريس"): each
                    # person's own surnames and names in its place.
                    keys = surname_keys(self.alias_index, fold_latin_marks(typed)) if size == 1 else []
                    if not keys:
                        continue
                    spellings = [w for k in keys for w in surnames_of(self.alias_index, k)]
                    spellings += [n for k in keys for n, weak in self._spellings(*k) if not weak]
                    return self._phrase_variants(words, start, size, typed, keys, spellings)
                kind, pk = key
                named_weakly = getattr(self.alias_index, "named_only_weakly", None)
                if named_weakly is not None and named_weakly(typed, kind, pk):
                    continue  # an ordinary word here (قاعدة): the phrase as typed
                strong = [n for n, weak in self._spellings(kind, pk) if not weak]
                if size == 1 and kind == "speaker":  # a surname: its other spellings too
                    strong = surnames_of(self.alias_index, key) + strong
                return self._phrase_variants(words, start, size, typed, [key], strong)
        return None

    def _spellings(self, kind, pk):
        spellings = getattr(self.alias_index, "spellings", None)
        if spellings is not None:
            return spellings(kind, pk)
        return [(n, False) for n in self.alias_index.names(kind, pk)]

    def _phrase_variants(self, words, start, size, typed, keys, spellings):
        """The phrase ``words`` with ``typed`` (words[start:start + size]) and
        each of ``spellings`` in its place; each person reported."""
        parts, seen = [], set()
        for name in [typed] + spellings:
            variant = " ".join(words[:start] + [name] + words[start + size:])
            terms = tuple(self.terms_of(variant))
            if terms in seen:
                continue
            seen.add(terms)
            q = self.text_query(variant)
            if q is not None:
                parts.append(q)
            if len(parts) >= MAX_PHRASE_SPELLINGS:
                break
        excluded = not self._marking
        for kind, pk in keys:
            names = self.alias_index.names(kind, pk)
            if not any(e.kind == kind and e.pk == pk and e.excluded == excluded for e in self.expansions):
                self.expansions.append(Expansion(typed, kind, pk, names[0] if names else typed, names, excluded))
        return t.any_of(parts) if parts else None

    def _names_a_side(self, text):
        """Is the run of words ``text`` a name, read as a lone query reads it:
        a gazetteer spelling (or one with its bracketed qualifier), a surname
        that names a person, or a spelling the archive lacks that spells a
        name loosely ("Somaleea army", "هيذر نويرت")? Then it is one side of
        an OR, or the whole of an exclusion."""
        if self._entity_for(text) is not None or self._shared_by(text):
            return True
        if surname_keys(self.alias_index, fold_latin_marks(text)):
            return True
        return len(text.split()) > 1 and self._unknown_spelling_of(text) is not None

    def _names_after_minus(self, clauses):
        """"-" (or NOT) excludes the next term; when that word begins a name
        of several words ("داعش -أنغيلا ميركل", "-محافظة ديالى"), it excludes
        the name: the words after it that complete the longest name join the
        exclusion, as the words beside OR join its sides. Without this the
        rest of the name was required instead."""
        out, i = list(clauses), 0
        while i < len(out):
            if not out[i].is_word(True):
                i += 1
                continue
            for size in range(min(MAX_ALIAS_WORDS - 1, len(out) - i - 1), 0, -1):
                run = out[i + 1:i + 1 + size]
                name = " ".join([out[i].alternatives[0].text] + [c.alternatives[0].text for c in run])
                if all(c.is_word(False) for c in run) and self._names_a_side(name):
                    out[i:i + 1 + size] = [Clause([Atom(name, phrase=True)], negated=True)]
                    break
            i += 1
        return out

    def _names_around_or(self, clauses):
        """OR binds the two words beside it; when those words end and begin
        names of several words ("مايلز كاكينز OR فيلكس غيدني"), the names
        are the sides: the words before and after join their side of the
        OR (as one quoted name each, which is then expanded)."""
        is_name = self._names_a_side

        out, i = list(clauses), 0
        while i < len(out):
            clause = out[i]
            alts = clause.alternatives
            if len(alts) < 2:
                i += 1
                continue
            # Each end on its own: '"جون كيري" OR محافظة الرقة' has a phrase
            # first and a name of two words last.
            left_open = not (alts[0].phrase or alts[0].prefix)
            right_open = not (alts[-1].phrase or alts[-1].prefix)
            left, right = 0, 0
            for size in range(min(MAX_ALIAS_WORDS - 1, i) if left_open else 0, 0, -1):
                run = out[i - size:i]
                if all(c.is_word(clause.negated) for c in run) and is_name(
                        " ".join([c.alternatives[0].text for c in run] + [alts[0].text])):
                    left = size
                    break
            chained = False
            for size in range(min(MAX_ALIAS_WORDS - 1, len(out) - i - 1) if right_open else 0, 0, -1):
                run = out[i + 1:i + 1 + size]
                # The name may end where the next OR begins: "A OR Somaleea
                # army OR B" is parsed (A | Somaleea) (army | B); its last
                # word is then the first side of the next OR.
                joins_next = _begins_with_a_word(run[-1], clause.negated)
                if all(c.is_word(clause.negated) for c in run[:-1]) and (
                        run[-1].is_word(clause.negated) or joins_next) and is_name(
                        " ".join([alts[-1].text] + [c.alternatives[0].text for c in run])):
                    right, chained = size, joins_next
                    break
            if not (left or right):
                i += 1
                continue
            first = " ".join([c.alternatives[0].text for c in out[i - left:i]] + [alts[0].text])
            last = " ".join([alts[-1].text] + [c.alternatives[0].text for c in out[i + 1:i + 1 + right]])
            head = Atom(first, phrase=True) if left else alts[0]
            tail = Atom(last, phrase=True) if right else alts[-1]
            rest = out[i + right].alternatives[1:] if chained else []
            merged = Clause([head] + alts[1:-1] + [tail] + rest, negated=clause.negated)
            out[i - left:i + 1 + right] = [merged]
            # A chained OR goes on: its last side may begin a name too.
            i = i - left + (0 if chained else 1)
        return out


def _begins_with_a_word(clause, negated):
    """Is ``clause`` an OR whose first side is one plain word?"""
    first = clause.alternatives[0]
    return (len(clause.alternatives) > 1 and clause.negated == negated
            and not first.phrase and not first.prefix)


def _names_an_outlet_only(typed: str) -> bool:
    """Does the typed spelling name the outlet rather than say ordinary
    words: Latin letters, a kind word (وكالة، قناة …), or a word the corpus
    seldom writes?"""
    if any("a" <= ch.lower() <= "z" for ch in typed):
        return True
    words = [arabic.fold(w) for w in typed.split()]
    if any(w in OUTLET_KIND_WORDS or w[1:] in OUTLET_KIND_WORDS or w[2:] in OUTLET_KIND_WORDS for w in words):
        return True
    return any(arabic.written(w) < ORDINARY_WORD_COUNT for w in words)
