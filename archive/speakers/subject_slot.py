"""The subject slot after a reporting verb: who stands in it, and where it ends.

Split from :mod:`archive.speakers.clause`, which finds the verb and where
what was said begins (the object clause); this module reads the words in
between — the slot — for its person: the run of name words that ends it,
read back from its end (``_person``), a titled subject read forward when
no object clause is in sight (``_titled_person``), the slot ended by a
preposition the verb governs (``_governed_subject``, ``_governs``,
``_slot_end``), a name standing first with its title after it
(``_name_then_role``, ``_governed_name_then_role``), and whether what
stands before the name is a role (``_slot_holds_a_role``,
``_untitled_role``, ``_role_ends``, ``_names_someone``). Apart because it is the part that grows: each round
refines how a slot is read, while the clause's shape (verb, slot, what was
said) stays put. It knows nothing of the clause reader and never imports
it; the clause passes the words, the breaks, the known speakers and the
places it needs.
"""
from __future__ import annotations

import re

from archive.arabic import fold, written
from archive.speakers.evidence import _with_pronoun
from archive.speakers.given_names import adjective, common_noun, given_name
from archive.speakers.name_words import (
    _ARABIC, _GOD, _THAT, _and_word, _given, _name_like, _name_word, _nisba_after_title, _noun, _preposition_first, _words_in,
)
from archive.speakers.reading import Quoted, _family_name, _has_article
from archive.speakers.statement import _not_a_name_word, name_words_hold, new_statement_verb, statement_subject
from archive.speakers.vocabulary import (
    PERSON_TITLES, RANKS, REPORTING_VERBS, ROLE_VERBS, STOP, TITLES, UNNAMED, _ADVERBS, _CONNECTORS, _IN_NAME_OF,
    _OF_PRINCIPAL, _PRINCIPALS, _forms,
)

#: Words between a verb and where what was said begins, at most.
_REACH = 16
#: Words of a name read back from the object clause, at most.
_NAME_WORDS = 4
#: What can end the subject between two words: a sentence end, a colon, «, a quotation mark.
_MARKS = re.compile("[.!?؟\n:«\"“”]")
_SENTENCE_END = re.compile("[.!?؟\n]")
#: "أحد محاميي ترامب": one of a plural, not a name.
_ONE_OF = frozenset(fold(w) for w in ("أحد", "إحدى", "احدى"))
#: "X من جانبه أن": the words after a name that still stand in the subject.
_ON_HIS_PART = frozenset(fold(w) for w in ("جانبه", "جانبها", "جهته", "جهتها", "ناحيته", "ناحيتها"))
_FROM = fold("من")
#: Prepositions a verb of speech governs (حذر من، أكد على، دعا إلى، أعلن عن،
#: أشاد بـ): where the subject ends when no object clause opens. The first
#: of these written apart ends it for good; ب on a word may belong to the
#: role ("مدير الكرة بالهلال"), so the reader may go past it.
_GOVERNED = frozenset(fold(w) for w in ("من", "على", "إلى", "الى", "عن"))
#: The relative pronouns and the separate pronouns: a clause or a sentence
#: inside the slot ("برتران الذي شغل منصب …", "قائمة … هم"), not a role.
_NOT_IN_ROLE = frozenset(fold(w) for w in (
    "الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي", "اللاتي",
    "أنا", "نحن", "أنت", "أنتم", "هو", "هي", "هم", "هما", "هن"))


def _overlaps(spans, start, end) -> bool:
    return any(s < end and start < e for s, e in spans)


def _slot_end(folded, v, end) -> int:
    """The subject's end before word ``end`` with what may follow the name
    inside the subject dropped: time words and adverbs (اليوم، أيضا، بدوره),
    من جانبه / من جهته."""
    while end > v + 1:
        if folded[end - 1] in _ADVERBS:
            end -= 1
        elif end > v + 2 and folded[end - 1] in _ON_HIS_PART and folded[end - 2] == _FROM:
            end -= 2
        else:
            break
    return end


def _governs(tokens, folded, k) -> bool:
    """Is word k a preposition the verb governs: من، على (not علي), إلى, or
    ب + a word the corpus writes alone (بانضباطية, not باولو)?"""
    word = folded[k]
    if word in _GOVERNED:
        return word != fold("على") or not tokens[k].text.endswith("ي")
    if word[:1] != "ب":
        return False
    rest = word[1:]
    alone = written(rest)
    return not rest or rest.startswith("ال") or _preposition_first(word) or common_noun(rest) \
        or alone >= 50 and alone >= 2 * written(word)     # بانضباطية: انضباطية 96, بانضباطية 13


def _governed_subject(text, tokens, folded, broken, known, places, v):
    """With no object clause in sight, the subject ends where the verb's
    complement begins — a preposition it governs, or a comma before one
    ("حذرت مقررة الأمم المتحدة المعنية بالحق في الغذاء X من أزمة", "دعا رجل
    الدين الشيعي العراقي، X، الخميس، إلى", "أشاد مدير إدارة كرة القدم بالهلال X
    بانضباطية"): the person is the run of name words standing last before it,
    read back as before an object clause. Each preposition within reach is
    tried in turn (a role holds some: "بالهلال", "بالحق"); the first where a
    name stands right before it ends the subject. The role then names no one
    itself ("دعا الرئيس X الرئيس Y إلى": Y is the one called on)."""
    n = len(tokens)
    k0 = v + 1
    while k0 < n and folded[k0] in _ADVERBS:
        k0 += 1
    if k0 >= n or not (folded[k0] in PERSON_TITLES or folded[k0] in RANKS) \
            or folded[k0] in UNNAMED and folded[k0] not in RANKS and not _has_article(tokens, k0):
        return None           # the slot opens with a title: "دعا حزب … الرئيس X إلى" is the one called on
    hi = min(v + 1 + _REACH, n)
    for k in range(v + 2, hi):
        if broken[k - 1] and _MARKS.search(text, tokens[k - 1].end, tokens[k].start):
            return None       # a sentence end, a colon, a quotation: the subject is not read here
        word = folded[k]
        if word in _THAT or word in REPORTING_VERBS or word in ROLE_VERBS or word in _NOT_IN_ROLE:
            return None
        if not _governs(tokens, folded, k) or word == _FROM and k + 1 < n and folded[k + 1] in _ON_HIS_PART:
            continue
        end = _slot_end(folded, v, k)
        person = None
        if end - v >= 3:
            person = _person(text, tokens, folded, broken, known, places, v, end, True)
        if person is None:
            if word in _GOVERNED:
                return None   # "أعلن الهلال السعودي عن ضم X": the complement has begun, no name before it
            continue          # ب on a word of the role: "بالهلال", "بالحق"
        start = _word_at(tokens, person.start)
        last = folded[_word_at(tokens, person.end - 1)]
        if new_statement_verb(folded[v]) and not statement_subject(person) or _names_someone(folded, v, person, tokens, places) \
                or not name_words_hold(person.name) or _two_people(person.name) \
                or last.startswith("ال") and (not (_family_name(last) or given_name(last[2:]))
                                             or last.endswith(("يين", "يون"))) \
                or any(_and_word(fold(w)) for w in person.name.split()[1:]) \
                or not _slot_holds_a_role(text, tokens, folded, broken, v, start, False):
            return None       # "قال وزير الخارجية القطري نحن مطالبون بخلق": no name stands before the complement;
            #                   "دعا الرئيس الروسي X الأوروبيين إلى": a plural nisba is the verb's object
        return person
    return None


def _word_at(tokens, char) -> int:
    return next(i for i, t in enumerate(tokens) if t.start <= char < t.end or t.start >= char)


def _two_people(name: str) -> bool:
    """"جورج شولتس وهنري كيسنجر": و and a given name inside the run joins two people."""
    return any(w.startswith("و") and given_name(fold(w[1:])) for w in name.split()[1:])


def _names_someone(folded, v, person, tokens, places=()) -> bool:
    """Does the role before the person name someone already: a given name
    by the counts followed by a word that may go on a name, or two name
    words followed by a title ("دعا الرئيس الفرنسي إيمانويل ماكرون الرئيس
    الروسي X إلى": X is the one called on) — not after a rank inside a
    body's name ("جامعة الأمير سطام بن عبدالعزيز الدكتور X")?"""
    start = next(i for i in range(v + 1, len(tokens)) if tokens[i].start >= person.start)
    for i in range(v + 1, start - 1):
        if folded[i - 1] in RANKS and i - 1 > v + 1 and folded[i - 2] not in TITLES and folded[i - 2] not in RANKS:
            continue          # a body named after a prince or king: "جامعة الأمير سطام"، "مطار الملك خالد"
        nxt = folded[i + 1]
        if i in places or i + 1 in places:
            continue          # "ولي عهد أبوظبي": a place in the role
        if _given(tokens, folded, i) and (_name_like(tokens, folded, i + 1) or _has_article(tokens, i + 1)
                                          and nxt not in TITLES and nxt not in RANKS):
            return True       # "الدكتور رياض المصطفى الرئيس السابق … X"
        if _name_like(tokens, folded, i) and not _has_article(tokens, i) and _name_like(tokens, folded, i + 1) \
                and not _has_article(tokens, i + 1) and i + 2 < start:
            return True       # "الرئيس الفنزويلي نيكولاس مادورو نظيره الكولومبي X": a name, then more role
    return False


def _slot_holds_a_role(text, tokens, folded, broken, v, start, untitled) -> bool:
    """Is everything before the name a role: no ل / ب on a title (the one
    addressed: "في بيان جمعه بالرئيس السوداني X"), and past a comma only
    titles, ranks and words with the article ("بجامعة الدمام، الدكتور X";
    not "المصدر لضرورة تدخل الوزارة، لتصحيح …"); with no title of the lists,
    no comma but the one right before the name ("أم بدر، إحدى …")?"""
    after_comma = False
    for i in range(v + 1, start):
        word = folded[i]
        if word[:1] in "لب" and (word[1:] in PERSON_TITLES or word.startswith(("لل", "بال"))
                                 and "ال" + word[3:] in PERSON_TITLES):
            return False
        if after_comma and not (word in TITLES or word in RANKS or _has_article(tokens, i) or word in _ADVERBS):
            return False
        if broken[i] and i < start - 1 and "،" in text[tokens[i].end:tokens[i + 1].start]:
            if untitled:
                return False
            after_comma = True
    return True


def _person(text, tokens, folded, broken, known, places, v, end, needs_role, untitled=False):
    """The name that ends the subject (words v+1 … end-1), with its role;
    or the name that opens it, its role after a comma ("وقال جاي سيكولو،
    أحد محاميي ترامب، الأحد إن")."""
    first = _name_first(text, tokens, folded, broken, known, v, end)
    if first is not None:
        return first
    s = end
    if _last_family_name(tokens, folded, broken, end - 1, v):
        s -= 1                # "سامي بن خالد الريس أن": the article word before what was said ends a name
    words = _words_in(folded, s, end)
    while s > v + 1 and words < _NAME_WORDS and (_name_like(tokens, folded, s - 1) or folded[s - 1] == _GOD) \
            and (s == end or not broken[s - 1]):
        j = s - 1
        if j < end - 1 and _has_article(tokens, j) and folded[j - 1] not in _CONNECTORS and folded[j] != _GOD:
            break             # only the last word is a family name with the article (الجبير)
        if j in places:
            break             # "بشؤون سوريا بانوس مومتزيس": the place ends the role
        s -= 1
        words += folded[j] not in _CONNECTORS and folded[j] != _GOD
    if end - s < 2:
        return None
    # The name's first word: a given name by the counts, or the first word
    # after the role's end (an article word, a title, a comma, a place).
    start = None
    for i in range(s, end - 1):
        if i == s and (folded[i - 1] in UNNAMED and folded[i - 1] not in PERSON_TITLES
                       and not _has_article(tokens, i - 1) or folded[i - 1] in _ONE_OF):
            continue          # "صحيفة وول ستريت"، "إقليم ننكرهار": the body's or the place's name
            #                   (after the body's noun with the article, "بنادي الاتحاد X", the role has ended)
        if _nisba_after_title(tokens, folded, i) or _with_pronoun(folded[i]):
            continue          # "جنرال أمريكي رفيع": the title's adjective; "المنتهية ولايته": a noun and its pronoun
        if _given(tokens, folded, i) or i == s and _role_ends(text, tokens, folded, broken, places, v, i) \
                and not common_noun(folded[i]):
            start = i
            break
    if start is not None and not _given(tokens, folded, start):
        later = next((i for i in range(start + 1, end - 1) if _given(tokens, folded, i)), None)
        if later is not None:
            start = later     # "حاكم غزني محمد علي أحمدي": the name opens with the given name
    if start is None or not _given(tokens, folded, start) and (
            _preposition_first(folded[start]) or folded[start][0] in "لب" and _has_article(tokens, start + 1)):
        return None           # "لكرة القدم", "للقاحات الملاريا": ل + a noun
    if start == v + 2 and folded[v + 1] in UNNAMED and not _has_article(tokens, v + 1):
        return None           # "وأضاف مصدر ثان معارض": an unnamed source and its adjectives
    last = folded[end - 1]
    if _has_article(tokens, start) or last in _CONNECTORS or not given_name(folded[start]) \
            and adjective(last[2:] if last.startswith("ال") else last):
        return None           # "مسؤولون أمريكيون": a body, not a name
    if any(broken[i] for i in range(start, end - 1)):
        return None
    role_words = tokens[v + 1:start]
    if start == v + 1:
        if needs_role or not given_name(folded[start]):
            return None       # "أعلن إقالة X", "أكدت مصادر": no title, no given name
    elif not any(folded[i] in PERSON_TITLES or folded[i] in RANKS for i in range(v + 1, start)):
        if not (untitled and _untitled_role(text, tokens, folded, broken, places, v, start, end)):
            return None       # no title in the subject: the words before are not a role
    elif folded[start - 1] in UNNAMED and _has_article(tokens, start - 1) \
            and _names_someone(folded, v, Quoted("", "", tokens[start].start, 0), tokens, places):
        return None           # "طالب الأرجنتيني X مدرب توتنهام … رئيس النادي Y": X is the subject
    for i in range(v + 1, start):
        if (folded[i] in _OF_PRINCIPAL or folded[i] in _IN_NAME_OF and folded[i + 1] in _PRINCIPALS) \
                and not any(broken[x] for x in range(i, start)):
            return None       # "المتحدث باسم الرئيس التركي رجب طيب أردوغان": whose spokesman, not who speaks
    c0, c1 = tokens[start].start, tokens[end - 1].end
    if _overlaps(known, c0, c1):
        return None           # a known speaker: linked, not proposed
    role = text[role_words[0].start:role_words[-1].end] if role_words else ""
    return Quoted(name=text[c0:c1], role=role.strip(" ،,"), start=c0, end=c1)


def _untitled_role(text, tokens, folded, broken, places, v, start, end) -> bool:
    """A role with no title of the lists ("المنسق الأممي المعني بشؤون سوريا",
    "رجل الدين الشيعي العراقي، X،", "مقررة الأمم المتحدة …") still has a person
    standing last in the subject when the slot's end is firm (an object
    clause or a governed preposition), the role opens with no body's word
    (صحيفة، وزارة، منظمة …), and the name is a person's by itself: its first
    word a given name by the counts, or set off by commas as an apposition;
    every word of it a name's (:func:`statement.name_words_hold`)."""
    first = folded[v + 1]
    if first in UNNAMED or first in STOP or given_name(first) or _family_name(first) or v + 1 in places \
            or first[:1] in "لب" and (_preposition_first(first) or first.startswith("لل")):
        return False          # a body, a name, a place, or the one addressed ("أكدت لوزير الخارجية المصري X أن")
    if any(folded[i] in _NOT_IN_ROLE or any(ch.isdigit() for ch in tokens[i].text) for i in range(v + 1, start)):
        return False          # a clause inside the slot ("المستشفى الذي يعالج فيه X"), a count
    if not _slot_holds_a_role(text, tokens, folded, broken, v, start, True):
        return False
    apposition = broken[start - 1] and "،" in text[tokens[start - 1].end:tokens[start].start] \
        and end < len(tokens) and broken[end - 1] and "،" in text[tokens[end - 1].end:tokens[end].start]
    if not (_given(tokens, folded, start) or apposition):
        return False
    name = " ".join(tokens[i].text for i in range(start, end))
    return not _two_people(name) and name_words_hold(
        " ".join(tokens[i].text for i in range(start, end) if not _has_article(tokens, i)))
    # (a family name with the article last was read as one already: الصدر، المفرج)


def _role_ends(text, tokens, folded, broken, places, v, i, construct=False) -> bool:
    """Does a name begin at word i because the role ends right before it:
    the verb itself, a comma, a title or rank, a word with the article
    (السوري، الخارجية), or a place (بولاية الخرطوم)? Not after a particle,
    a time word or a verb ("في يوليو الماضي"، "كان يعالج دوابشة").
    ``construct``: a given name begins the name, so any other noun before
    it may end the role ("حاكم مقاطعة شينكاي محمد قاسم خان")."""
    j = i - 1
    if j == v or broken[j]:
        return True
    word = folded[j]
    if word in STOP or word in _ADVERBS or word in REPORTING_VERBS or word in ROLE_VERBS:
        return False
    return construct or word in TITLES or word in RANKS or _has_article(tokens, j) \
        or j in places


def _titled_person(text, tokens, folded, broken, known, places, v, limit=None):
    """A subject that opens with a title and goes on past its name ("ندد
    رئيس البرلمان العراقي سليم الجبوري بعمليات …", "أكد حاكم مقاطعة شينكاي
    محمد قاسم خان حصيلة القتلى"): the name is the first run that begins with
    a given name by the corpus counts right where the role ends."""
    n = len(tokens) if limit is None else limit
    k = v + 1
    while k < n and folded[k] in _ADVERBS:
        k += 1
    if k >= n or not (folded[k] in PERSON_TITLES or folded[k] in RANKS) or folded[k] in UNNAMED \
            and folded[k] not in RANKS and not _has_article(tokens, k):
        return None
    for i in range(k + 1, min(k + _REACH, n)):
        if broken[i - 1] and _SENTENCE_END.search(text[tokens[i - 1].end:tokens[i].start]) \
                or folded[i] in _THAT or folded[i] in REPORTING_VERBS or folded[i] in ROLE_VERBS:
            return None
        if not (given_name(folded[i]) and not _nisba_after_title(tokens, folded, i) and _name_like(tokens, folded, i)
                and _role_ends(text, tokens, folded, broken, places, v, i, construct=True)):
            continue
        if folded[i] in _CONNECTORS and i - 1 > k and not broken[i - 1] and _name_like(tokens, folded, i - 1) \
                and not _has_article(tokens, i - 1) and not common_noun(folded[i - 1]):
            i -= 1            # "بلال أبو صلاح": the given name before أبو / عبد is the name's
        e = i + 1
        while e < n and _words_in(folded, i, e) < _NAME_WORDS and not broken[e - 1] and (
                _name_like(tokens, folded, e) or folded[e - 1] in _CONNECTORS and _ARABIC.fullmatch(tokens[e].text)) \
                and (folded[e - 1] in _CONNECTORS or not _noun(folded[e], e - i) and not _with_pronoun(folded[e])
                     and not _and_word(folded[e])) \
                and e not in places:
            e += 1
            if _has_article(tokens, e - 1):
                break         # a family name with the article ends the name
        while e - i > 1 and folded[e - 1] in _CONNECTORS:
            e -= 1
        if e - i < 2 or adjective(folded[e - 1][2:] if folded[e - 1].startswith("ال") else folded[e - 1]):
            return None
        if any((folded[x] in _OF_PRINCIPAL or folded[x] in _IN_NAME_OF and folded[x + 1] in _PRINCIPALS)
               and not any(broken[y] for y in range(x, i)) for x in range(k, i)):
            return None       # whose spokesman or lawyer, not who speaks
        c0, c1 = tokens[i].start, tokens[e - 1].end
        if _overlaps(known, c0, c1):
            return None
        role = text[tokens[k].start:tokens[i - 1].end].strip(" ،,")
        return Quoted(name=text[c0:c1], role=role, start=c0, end=c1)
    return None


def _last_family_name(tokens, folded, broken, j, v) -> bool:
    """Is word j, with the article, the family name that ends a name right
    before what was said ("المهندس سامي بن خالد الريس أن")? After a plain
    name word, when the corpus does not make it an adjective or a noun."""
    if j - 1 <= v or not tokens[j].text.startswith("ال") or broken[j - 1] or _name_like(tokens, folded, j):
        return False
    word, bare = folded[j], folded[j][2:]
    if word in TITLES or word in RANKS or adjective(bare) or common_noun(bare) or len(bare) < 3:
        return False
    return _name_like(tokens, folded, j - 1) and not _has_article(tokens, j - 1)


def _name_first(text, tokens, folded, broken, known, v, end):
    """A name right after the verb, closed by a comma before the rest of
    the subject: at least two words, the first a given name by the counts."""
    if not given_name(folded[v + 1]):
        return None
    e = v + 1
    while e < end and e - v <= _NAME_WORDS and _name_like(tokens, folded, e):
        e += 1
        if broken[e - 1]:
            break
    if e - (v + 1) < 2 or e >= end or not broken[e - 1] or not given_name(folded[v + 1]) \
            or "،" not in text[tokens[e - 1].end:tokens[e].start] and "," not in text[tokens[e - 1].end:tokens[e].start]:
        return None
    c0, c1 = tokens[v + 1].start, tokens[e - 1].end
    if _overlaps(known, c0, c1):
        return None
    role = text[tokens[e].start:tokens[end - 1].end].strip(" ،,")
    return Quoted(name=text[c0:c1], role=role, start=c0, end=c1)


def _name_then_role(text, tokens, folded, broken, known, places, v, end):
    """A name standing first in the slot, its role right after it with no
    comma needed ("وقال ريتشارد والتون رئيس خلية مكافحة الإرهاب … إن", "كما
    اشتكى بيلاوال بوتو زرداري زعيم حزب الشعب الباكستاني من", "قال البرتغالي
    جوزيه مورينيو مدرب تشيلسي إن"): news puts the role after the name as
    often as before it. The evidence the words are a person's is the title
    that follows them (رئيس، زعيم، عضو، المتحدث …), not the corpus counts of
    their first word — foreign given names (ريتشارد، جوزيه، بيلاوال) seldom
    follow a rank in the corpus. The slot's end must be firm (an object
    clause or a governed preposition at ``end``); at most one nisba with the
    article may stand before the name ("البرتغالي"); the name is two to four
    words with no article but a family name last, no word a place, a body's
    word, a common noun or adjective by the counts (``name_words_hold``),
    and the role after it holds no clause (a relative or separate pronoun)."""
    n = len(tokens)
    if folded[v] in _RELAYS:
        return None           # "جرى نقل X رئيس الوزراء إلى المستشفى": نقل relays others' words (نقل عن), or moves
    k = v + 1
    while k < end and folded[k] in _ADVERBS:
        k += 1
    if _MARKS_BUT_QUOTES.search(text, tokens[v].end, tokens[k].start):
        return None           # "… دون رد. / واتفقت X": a sentence end or a colon after the verb, the slot is
        #                       not right after it (a quotation mark may wrap the name: 'وقال "X"، أحد …')
    if k < end and _has_article(tokens, k) and adjective(folded[k][2:]) and not broken[k]:
        k += 1                # "قال البرتغالي جوزيه مورينيو مدرب تشيلسي": the name's nisba
    if k >= end or k >= n:
        return None
    first = folded[k]
    if first in UNNAMED or first in STOP or first in TITLES or first in RANKS or first in _CONNECTORS \
            or _has_article(tokens, k) and not _plain_name_word(tokens, folded, k):
        return None
    e = k
    while e < end and _words_in(folded, k, e) < _NAME_WORDS and e not in places and (e == k or not broken[e - 1]) \
            and (_name_like(tokens, folded, e) or _plain_name_word(tokens, folded, e)
                 or e > k and folded[e] == _RELIGION and given_name(folded[e - 1])
                 or e > k and e + 1 < n and folded[e + 1] in PERSON_TITLES and _article_family_name(tokens, folded, e)):
        e += 1
        if _has_article(tokens, e - 1) and folded[e - 1] != _RELIGION and not _plain_name_word(tokens, folded, e - 1):
            break             # a family name with the article ends the name (العيساوي)
    while e - k > 1 and folded[e - 1] in _CONNECTORS:
        e -= 1
    if any(_adverb_of_nisba(folded[i]) for i in range(k, e)):
        return None           # "وانتقد بوزداج شخصيا رئيس الوزراء": an adverb, and the title is the object
    if _words_in(folded, k, e) < 2 or e >= end or folded[e] not in PERSON_TITLES or folded[e][:1] == "و" \
            or folded[e] in UNNAMED and not _has_article(tokens, e) and folded[e] not in TITLES:
        return None           # the role must follow the name straight (or after a comma);
        #                       "وأعرب خادم الحرمين وولي العهد": و + a title is a second person
    if broken[e - 1] and "،" not in text[tokens[e - 1].end:tokens[e].start] \
            and "," not in text[tokens[e - 1].end:tokens[e].start]:
        return None           # a mark other than a comma between the name and its role
    if any(folded[i] in _NOT_IN_ROLE or folded[i] in REPORTING_VERBS or folded[i] in ROLE_VERBS
           for i in range(e, end)):
        return None           # a clause inside the slot, or another verb
    c0, c1 = tokens[k].start, tokens[e - 1].end
    name = text[c0:c1]
    if any(not ch.isalpha() and not ch.isspace() or ch == "\u0640" for ch in name):
        return None           # marks, tatweel or format characters ("سليّم", "سعـيد", "ناصر \u200fالجنيبي"):
        #                       left to the readers that clean them
    if not name_words_hold(" ".join(w for w in name.split() if fold(w) != _RELIGION)) or _two_people(name) or _overlaps(known, c0, c1) \
            or any(_and_word(folded[i]) for i in range(k + 1, e)):
        return None
    last = folded[e - 1]
    if last.startswith("ال") and (adjective(last[2:]) or last.endswith(("يين", "يون"))):
        return None           # "كوريا الشمالية": a place's adjective, not a family name
    r = next((i for i in range(e + 1, end) if folded[i] in _ADVERBS or broken[i - 1]), end)
    role = text[tokens[e].start:tokens[r - 1].end].strip(" ،,")     # the role ends at a time word or a comma
    return Quoted(name=name, role=role, start=c0, end=c1)


def _governed_name_then_role(text, tokens, folded, broken, known, places, v):
    """:func:`_name_then_role` where no object clause is in sight: the slot
    ends at the first preposition the verb governs past the name's title
    ("دعا صلاح الدين دمرداش زعيم حزب الشعوب الديمقراطي إلى", "اشتكى X زعيم
    حزب … من")."""
    hi = min(v + 1 + _REACH, len(tokens))
    for k in range(v + 3, hi):
        if broken[k - 1] and _MARKS.search(text, tokens[k - 1].end, tokens[k].start):
            return None
        word = folded[k]
        if word in _THAT or word in REPORTING_VERBS or word in ROLE_VERBS or word in _NOT_IN_ROLE:
            return None
        if word in _GOVERNED and _governs(tokens, folded, k):
            return _name_then_role(text, tokens, folded, broken, known, places, v, _slot_end(folded, v, k))
    return None


#: "صلاح الدين"، "عز الدين": the second word of a compound given name.
_RELIGION = fold("الدين")
#: A sentence end, a colon or « between the verb and the name.
_MARKS_BUT_QUOTES = re.compile("[.!?؟\n:«،,]")
#: نقل reports another's words (نقل عن X): its subject relays, never speaks.
_RELAYS = _forms("نقل", "نقلت")


def _adverb_of_nisba(word: str) -> bool:
    """An accusative adverb made of a nisba adjective (شخصيا، رسميا، حاليا):
    ا after a word the counts make an adjective — not a name (ماريا)."""
    return len(word) >= 4 and word.endswith("ا") and adjective(word[:-1])


def _plain_name_word(tokens, folded, j) -> bool:
    """A word the article check misreads: و/ف/ب + ال… that the corpus writes
    whole more often than the word after the proclitic with the article
    (فالح 62 times, "الح" 12: a name, not ف + الح; فالرئيس 29, الرئيس
    22,144: the article)."""
    word, text = folded[j], tokens[j].text
    if text.startswith("ال") or not text.startswith(("وال", "فال", "بال")) or not _name_word(word) \
            or not _ARABIC.fullmatch(text):
        return False
    return written(word) > written("ال" + word[3:])


def _article_family_name(tokens, folded, j) -> bool:
    """Word j, with the article, ends a name right before its title
    ("فالح العيساوي عضو مجلس", "عبدالرحمن الهزاع رئيس"): a word the corpus
    does not count as an adjective or a common noun with the article, though
    it writes it bare as often (العيساوي 39, عيساوي 44: too rare or too often
    bare for :func:`reading._family_name`). The title after it is the
    evidence the name ends here."""
    word = folded[j]
    if not tokens[j].text.startswith("ال") or len(word) < 5 or word in UNNAMED or word in TITLES or word in RANKS \
            or word in STOP:
        return False
    bare = word[2:]
    return not (adjective(bare) or common_noun(bare) or _not_a_name_word(bare))
