"""The query language people type, as clauses: parsing only.

Words are ANDed; ``"..."`` is a phrase; ``OR`` between two terms matches
either, and brackets group them ("(A OR B OR C) -D", "-(A OR B)"); ``-word`` (or ``-"a phrase"``, or ``NOT word`` as Lucene and most
library catalogues write it) excludes; ``word*`` is a prefix. ``AND`` and a
leading ``+`` say what is already so (every word is required) and are read
as such rather than searched for.
Anything else a person can type (an unbalanced quote, a lone operator, a long
paste, control characters, only punctuation, Latin and Arabic mixed) still
parses: the parser never raises, it leaves notices (in Arabic) for the page
and the API to show. ``archive.search.builder`` turns the clauses into the
archive's query tree (``archive.search.tree``).
"""
from dataclasses import dataclass
import unicodedata

from django.utils.translation import gettext as _

from archive import arabic

MAX_QUERY_CHARS = 1000
MAX_ATOMS = 40
QUOTES = '"“”«»„‟'
OR_WORD = "OR"
#: Also read as OR between two terms: the forms people type (a lower-case or, a
#: bar) and the Arabic word for "or" — "كاكينز أو غيدني" means either of them; a
#: quoted phrase keeps أو as a word.
OR_WORDS = {OR_WORD, "or", "Or", "|", "||"}
ARABIC_OR_WORDS = {"أو", "او"}
#: Read as "exclude the next term" (as "-" before it): Lucene's and the
#: catalogues' NOT. Upper case only: a lower-case "not" may be a word sought.
NOT_WORDS = {"NOT", "!"}
#: Read as nothing: terms are ANDed already ("داعش AND الموصل", "+الموصل").
AND_WORDS = {"AND", "&&", "&", "+"}


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

    def is_word(self, negated):
        """One plain word (no OR, phrase or prefix), excluded or not as
        ``negated`` says: what may join its neighbours into a name."""
        return (len(self.alternatives) == 1 and not self.alternatives[0].phrase
                and not self.alternatives[0].prefix and self.negated == negated)



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
        elif ch == "+" and text[i + 1:i + 2] == "(" and (i == 0 or text[i - 1].isspace() or text[i - 1] == "("):
            i += 1  # +( … ): required, as every group is
        elif ch == "(" and (i == 0 or text[i - 1].isspace() or text[i - 1] in "-+(") and _is_group(text, i, tokens):
            tokens.append(("open", "("))
            i += 1
        elif ch == ")" and any(kind == "open" for kind, _value in tokens) and _open_groups(tokens):
            tokens.append(("close", ")"))
            i += 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in QUOTES:
                if text[j] == ")" and _open_groups(tokens):
                    break  # "(A OR B)": the bracket closes the group, not the word
                j += 1
            word = text[i:j]
            if word in OR_WORDS or word in ARABIC_OR_WORDS:
                tokens.append(("or", word))
            elif word in NOT_WORDS:
                tokens.append(("neg", word))
            elif word in AND_WORDS:
                pass
            else:
                tokens.append(("word", word[1:] if word.startswith("+") else word))
            i = j
    return tokens


def _closing(text, i):
    """The index of the ")" that closes the "(" at ``i`` (or the end)."""
    depth = 0
    for j in range(i, len(text)):
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return len(text)


def _is_group(text, i, tokens):
    """Is the "(" at ``i`` an operator's bracket? When it holds an OR, or
    stands after "-", NOT or OR, or its group is followed by OR: "(Mosul OR
    Raqqa) -Kirkuk", "-(A OR B)", "A OR (B OR C)". Otherwise brackets are
    part of what was typed ("Giants Brigades (Yemen)", a name's qualifier)."""
    inner = text[i + 1:_closing(text, i)]
    if any(word in OR_WORDS or word in ARABIC_OR_WORDS for word in inner.split()):
        return True
    if tokens and tokens[-1][0] in ("neg", "or"):
        return True
    after = text[_closing(text, i) + 1:].split()
    return bool(after) and (after[0] in OR_WORDS or after[0] in ARABIC_OR_WORDS)


def _open_groups(tokens):
    """How many operator brackets are open at the end of ``tokens``."""
    depth = 0
    for kind, _value in tokens:
        depth += kind == "open"
        depth -= kind == "close"
    return max(depth, 0)


def parse(raw):
    """The query as clauses: each clause is one or more alternatives (OR),
    possibly negated; clauses are ANDed. Never raises."""
    text, notices = clean(raw)
    tokens = _tokens(text, notices)

    clauses, negate, join_or = [], False, False
    atoms = 0
    #: Open groups: (negated, index of the group's first clause).
    groups = []
    for kind, value in tokens:
        if kind == "neg":
            negate = True
            continue
        if kind == "open":
            # "-(A OR B)": the group is excluded. Its first alternative may
            # still join an OR before it ("C OR (A OR B)").
            groups.append((negate, len(clauses) - (1 if join_or and clauses and not negate else 0)))
            if negate:
                join_or = False
            negate = False
            continue
        if kind == "close":
            if groups:
                group_negated, start = groups.pop()
                if group_negated:
                    # NOT (A OR B) is NOT A AND NOT B: each clause of the
                    # group is excluded (so is each of "-(A B)").
                    for clause in clauses[start:]:
                        clause.negated = True
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

