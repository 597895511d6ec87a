"""Where an article introduces a quotation: after a reporting verb, a titled
person before a bare verb, and a titled person speaking without a reporting
verb (a sentence that goes on "قائلا", "في تصريح لـ…")."""
from __future__ import annotations

import bisect

from archive.arabic import fold, strip_marks
from archive.speakers.vocabulary import (
    NEW_STATEMENT_VERBS, PERSON_TITLES, RANKS, REPORTING_VERBS, ROLE_VERBS, STOP, TITLES, _ADVERBS, _THAT_IS, _BEFORE_NOUN,
    _IN_NAME_OF, _MAX_NAME_WORDS, _MAX_ROLE_WORDS, _OPENERS, _RELAY_VERBS, _SAYING, _SPEECH_TO, _WHAT,
)
from archive.speakers.given_names import common_noun, given_name, noun_phrase
from archive.speakers.reading import Quoted, _Breaks, _has_article, _proclitic_word, _words, positions, watch
from archive.speakers.statement import new_statement_verb, not_yet_said, statement_subject
from archive.speakers.names import _after_source, _family_in_quotes, _name_in_quotes, _opens_quote, _person_at


def find_quoted(text: str, words=None) -> list[Quoted]:
    """Every named person the text introduces as speaking, in order, with
    repeats (one per mention). ``words``: (tokens, folded words) of the text
    if already made (AliasIndex.words)."""
    text = text or ""
    tokens, folded = words if words is not None else _words(text)
    found: list[Quoted] = []
    cues = positions(folded, _CUES)      # one pass over the words
    verbs = [i for i in cues if (folded[i] in REPORTING_VERBS or folded[i] in ROLE_VERBS or new_statement_verb(folded[i]))
             and not (i > 0 and folded[i - 1] in _BEFORE_NOUN)     # "في حذر شديد", "على ذكر"
             and not not_yet_said(folded, i)]                         # "من المنتظر أن يعلن"
    sayings = [i for i in cues if folded[i] in _SAYING or folded[i] in _SPEECH_TO]
    if not verbs and not sayings:
        return found
    broken = _Breaks(text, tokens)
    n = len(tokens)
    inside = _inside_quotes(text)
    i = 0
    for v in verbs:
        if v < i or v + 1 >= n or broken[v] and not _opens_quote(text, tokens, v):
            continue
        if inside and _within(inside, tokens[v].start):
            continue          # '"أبلغت نابوت أن …"': the verb is what was said, its name the one told
        # '"…" بحسب X': right after a quotation, who said it, titled or not
        after_quote = folded[v] in _ACCORDING_TO and v > 0 and v + 1 < n \
            and text[tokens[v - 1].end:tokens[v].start].strip(" ،,") in _CLOSE_QUOTES \
            and (not _has_article(tokens, v + 1) or folded[v + 1] in PERSON_TITLES)
        needs_role = (folded[v] in ROLE_VERBS or new_statement_verb(folded[v])) and not after_quote
        k = v + 1
        if folded[v] in _RELAY_VERBS:
            k = _after_source(folded, broken, k)
            if k is None:
                continue
            needs_role = False
        elif folded[k] in _ADVERBS and not broken[k] and k + 1 < n:
            k += 1                       # "وأعلنت سابقا المتحدثة باسم …"
        if broken[v]:          # a quotation mark after the verb: a name in quotes, or what was said
            quoted, after = _name_in_quotes(text, tokens, folded, v)
            if quoted is None and folded[v] in REPORTING_VERBS:
                quoted, after = _family_in_quotes(text, tokens, folded, v)
        else:
            quoted, after = _person_at(text, tokens, folded, broken, k, needs_role)
        if quoted is None or _after_what(tokens, folded, v) and not _person_evidence(quoted) \
                or new_statement_verb(folded[v]) and not statement_subject(quoted):
            continue
        found.append(quoted)
        i = after
        # "شدد الرئيس الفرنسي X والمستشارة الألمانية Y على": both speak.
        while after < n and not broken[after - 1] and folded[after].startswith("و") \
                and (folded[after][1:] in TITLES or _has_article(tokens, after)):
            quoted, next_after = _person_at(text, tokens, folded, broken, after, True)
            if quoted is None:
                break
            found.append(quoted)
            after = i = next_after
    found.extend(_named_before_verb(text, tokens, folded, broken, verbs, found))
    found.extend(_had_said(text, tokens, folded, broken, verbs, found))
    found.extend(_subject_first(text, tokens, folded, broken, verbs, found))
    found.extend(_topic_then_fa(text, tokens, folded, broken, verbs, found))
    if sayings:
        taken = {q.start for q in found}
        for quoted in _without_verb(text, tokens, folded, broken, sayings):
            if quoted.start not in taken:
                taken.add(quoted.start)
                found.append(quoted)
    found.sort(key=lambda q: q.start)
    return found


def _after_what(tokens, folded, v) -> bool:
    """Is word v a verb read from a verb and its pronoun after ما ("حسب ما
    أكده", carried._as_read)?"""
    return v > 0 and folded[v - 1] in _WHAT and strip_marks(tokens[v].text).endswith("ه")


def _person_evidence(quoted: Quoted) -> bool:
    """After "حسب ما أكده" anything may follow ("ما اعتبره البعض بمثابة
    شهادة ثقة"): the subject counts with a title in its role or a first word
    the corpus counts as a given name."""
    role = [fold(w) for w in quoted.role.split()]
    return any(w in PERSON_TITLES or w in RANKS for w in role) or given_name(fold(quoted.name.split()[0]))


def _inside_quotes(text: str) -> list[tuple[int, int]]:
    """The spans of what is quoted: between “ and ”, « and », or a pair of
    straight quotation marks, each no longer than a paragraph."""
    spans = []
    for opening, closing in (("“", "”"), ("«", "»"), ('"', '"')):
        at = text.find(opening)
        while at >= 0:
            end = text.find(closing, at + 1)
            if end < 0:
                break
            if "\n" not in text[at:end]:
                spans.append((at, end))
            at = text.find(opening, end + 1)
    return sorted(spans)


def _within(spans, position) -> bool:
    index = bisect.bisect_right(spans, (position, len(spans) and 10 ** 12)) - 1
    return index >= 0 and spans[index][0] < position < spans[index][1]


def _without_verb(text, tokens, folded, broken, sayings):
    """People named with a title and speaking without a reporting verb:

    * the titled subject at the start of a sentence that goes on to "قائلا",
      "مضيفة", "بالقول" ("طرحت وزيرة الخارجية الأسبق، هيلاري كلينتون، الأحد،
      تساؤلها … قائلة:", "أما المحامي موسى النمراني، فقد كتب … قائلاً");
    * the titled person after a noun of speech and ل or مع ("في تصريح لوزير
      الدفاع X", "في مقابلة مع الرئيس الأفغاني X", "بحسب بيان لـ…")."""
    n = len(tokens)
    seen_sentences = set()
    for s in sayings:
        if folded[s] in _SPEECH_TO:
            if s + 2 >= n or broken[s]:
                continue
            nxt = folded[s + 1]
            if nxt in _WITH_OR_TO:
                quoted, _ = _person_at(text, tokens, folded, broken, s + 2, True)
            elif nxt.startswith("ل") and len(nxt) > 3 and not broken[s + 1]:
                # "لوزير الدفاع", "للرئيس": read the word without its ل
                as_read = list(folded)
                as_read[s + 1] = "ال" + nxt[2:] if nxt.startswith("لل") else nxt[1:]
                quoted, _ = _person_at(text, tokens, as_read, broken, s + 1, True)
                if quoted is not None and quoted.role.startswith("ل"):
                    role = quoted.role
                    quoted = Quoted(name=quoted.name, role="ال" + role[2:] if role.startswith("لل") else role[1:],
                                    start=quoted.start, end=quoted.end)
            else:
                continue
            if quoted is not None and len(quoted.name.split()) >= 2:
                yield quoted
            continue
        start = _sentence_start(text, tokens, s)
        if start in seen_sentences:
            continue
        seen_sentences.add(start)
        p = start
        while p < s and folded[p] in _OPENERS:
            p += 1
        for k in (p, p + 1):       # the subject first, or after the sentence's verb
            if k >= s or k > p and broken[p] or folded[k] not in PERSON_TITLES and not _has_article(tokens, k):
                continue
            quoted, after = _person_at(text, tokens, folded, broken, k, True)
            if quoted is not None and after <= s and len(quoted.name.split()) >= 2:
                yield quoted
                break


_WITH_OR_TO = frozenset({fold("مع"), fold("ل"), fold("لـ")})
_CUES = REPORTING_VERBS | ROLE_VERBS | NEW_STATEMENT_VERBS | _SAYING | _SPEECH_TO
watch(_CUES)
_ACCORDING_TO = frozenset(fold(w) for w in ("بحسب", "حسب", "وبحسب", "وحسب"))
_CLOSE_QUOTES = ("\"", "”", "»")
_SENTENCE_END = frozenset(".!?؟\n:")


def _sentence_start(text, tokens, i) -> int:
    """The first word of the sentence that word i is in."""
    while i > 0 and not any(ch in _SENTENCE_END for ch in text[tokens[i - 1].end:tokens[i].start]):
        i -= 1
    return i


_WAS = frozenset(fold(w) for w in ("كان", "وكان", "كانت", "وكانت"))
_ALREADY = fold("قد")


def _had_said(text, tokens, folded, broken, verbs, found):
    """"وكان غاشي قد قال", "وكانت الوزيرة سلمى حداد قد أكدت": the person
    between كان and قد is the subject of the verb after قد."""
    out = []
    taken = {q.start for q in found}
    for v in verbs:
        if v < 3 or folded[v - 1] != _ALREADY or folded[v] not in REPORTING_VERBS:
            continue
        for c in range(v - 2, max(v - 10, -1), -1):
            if broken[c]:
                break
            if folded[c] in _WAS:
                quoted, after = _person_at(text, tokens, folded, broken, c + 1, False)
                if quoted is not None and after == v - 1 and quoted.start not in taken:
                    out.append(quoted)
                break
    return out


def _named_before_verb(text, tokens, folded, broken, verbs, found):
    """"رئيس الوزراء العراقي حيدر العبادي قال إن …": a titled person, then
    the verb (bare, without و: a new clause starts with و). The role must
    hold a title and begin the clause, and the name end right at the verb."""
    out = []
    taken = {q.start for q in found}
    for v in verbs:
        if folded[v] not in REPORTING_VERBS or folded[v][0] in "وف" and folded[v][1:] in REPORTING_VERBS:
            continue
        p = v - 1
        while p >= 0 and v - p <= _MAX_NAME_WORDS and not broken[p] and folded[p] not in TITLES \
                and folded[p] not in STOP and not (_has_article(tokens, p) and p < v - 1):
            p -= 1
        if p < 0 or p == v - 1 or broken[p] or folded[p] not in PERSON_TITLES and not _has_article(tokens, p):
            continue
        r = p
        while r > 0 and p - r < _MAX_ROLE_WORDS and not broken[r - 1] and (
                folded[r - 1] in PERSON_TITLES or _has_article(tokens, r - 1) or folded[r - 1] in _IN_NAME_OF
                or folded[r - 1][:1] in "وف" and folded[r - 1][1:] in PERSON_TITLES):
            r -= 1
        if not any(folded[x].lstrip("وف") in PERSON_TITLES or folded[x] in PERSON_TITLES for x in range(r, p + 1)):
            continue
        if r > 0 and not broken[r - 1] and folded[r - 1] not in STOP:
            continue          # the role is the object of what comes before it
        quoted, after = _person_at(text, tokens, folded, broken, r, True)
        if quoted is not None and after == v and quoted.start not in taken:
            out.append(quoted)
    return out


_MAX_APPOSITION = 7
_OPEN_QUOTE_MARKS = "\"“«»”"
_ALREADY_FORMS = frozenset(fold(w) for w in ("قد", "فقد", "لقد"))
_CLAUSE_OPENERS = _OPENERS | frozenset(fold(w) for w in ("ولكن", "لكن", "وأما"))


def _subject_first(text, tokens, folded, broken, verbs, found):
    """"ولكن أمينة بابي، والدة الطفلة، قالت", "أما المواطن مصطفى الحمدان،
    فقد قال:": a name opening its clause, then (after a role between commas,
    or قد) a bare verb of speech. The name's first word a given name by the
    corpus counts, or its role a title."""
    out = []
    taken = {q.start for q in found}
    for v in verbs:
        if v < 2 or folded[v] not in REPORTING_VERBS or folded[v][0] in "وف" and folded[v][1:] in REPORTING_VERBS:
            continue
        c = v - 1
        apposed = False
        if folded[c] in _ALREADY_FORMS:
            c -= 1
        elif broken[c] and any(ch in "،," for ch in text[tokens[c].end:tokens[v].start]):
            apposed = True
            # a role between two commas: "أمينة بابي، والدة الطفلة، قالت"
            r = c - 1
            while r > 0 and c - r < _MAX_APPOSITION and not broken[r]:
                r -= 1
            if r <= 0 or c - r >= _MAX_APPOSITION or not any(ch in "،," for ch in text[tokens[r].end:tokens[r + 1].start]) \
                    or folded[r + 1] in STOP or folded[r + 1] in _THAT_IS or _proclitic_word(folded[r + 1]):
                continue      # "، على الرغم من …،", "، وهو أمر،", "، برعاية …،": no role of a person
            c = r
        if broken[c] and not (apposed or folded[v - 1] in _ALREADY_FORMS):
            continue          # "عمر عريبي - سبق- جازان: أوضح": a byline, then the sentence
        k = c
        while k > 0 and c - k < _MAX_ROLE_WORDS and not broken[k - 1] and folded[k - 1] not in _CLAUSE_OPENERS:
            k -= 1
        if k > 0 and not broken[k - 1] and folded[k - 1] not in _CLAUSE_OPENERS \
                or k > 0 and any(ch in _OPEN_QUOTE_MARKS for ch in text[tokens[k - 1].end:tokens[k].start]):
            continue          # '«متطرفو الداخل»، وهو أمر، يقول': a term in quotation marks is no subject
        quoted, after = _person_at(text, tokens, folded, broken, k, False)
        if quoted is None or after != c + 1 or quoted.start in taken or len(quoted.name.split()) < 2 \
                or "-" in quoted.name or any(_has_article(tokens, x) for x in range(after - len(quoted.name.split()), after - 1)):
            continue
        words = [fold(w) for w in quoted.name.split()]
        if not _person_evidence(quoted) and not (apposed and not noun_phrase(words) and not common_noun(words[0])):
            continue          # a role between commas after a name no noun begins: a person's apposition
        out.append(quoted)
    return out


_AS_FOR = frozenset(fold(w) for w in ("أما", "وأما"))
#: Words from أما to the answering فـ, at most (name and a role after it).
_AS_FOR_REACH = 12
_SENTENCE_MARKS = ".!?؟\n"


def _topic_then_fa(text, tokens, folded, broken, verbs, found):
    """"أما محمد سعيد آل المؤنس من قاطني حي حيدان فشدد على …", "أما أمين
    العلي فقد أكد …": Arabic grammar's أما … فـ — the topic after أما is the
    subject of the verb that فـ (or فقد) answers it with, whatever role
    words stand between. The name must open the topic (a role first is
    read by _person_at), have two words or more, and carry a person's
    evidence (a title, a given name by the corpus counts, or words that are
    neither a noun phrase nor open with a common noun, as _subject_first)."""
    out = []
    taken = {q.start for q in found}
    for v in verbs:
        fa = folded[v][:1] == "ف" and folded[v][1:] in REPORTING_VERBS
        if not fa and not (folded[v] in REPORTING_VERBS and v > 0 and folded[v - 1] == _FA_ALREADY):
            continue
        a = v - 1
        while a >= 0 and v - a <= _AS_FOR_REACH and folded[a] not in _AS_FOR \
                and not any(ch in _SENTENCE_MARKS for ch in text[tokens[a].end:tokens[a + 1].start]):
            a -= 1
        if a < 0 or folded[a] not in _AS_FOR or a + 1 >= v:
            continue
        quoted, after = _person_at(text, tokens, folded, broken, a + 1, False)
        if quoted is None or after > v or quoted.start in taken or len(quoted.name.split()) < 2 \
                or "-" in quoted.name:
            continue          # "أما السيد حسن - بائع في محل -": a role in dashes read into the name
        words = [fold(w) for w in quoted.name.split()]
        if not _person_evidence(quoted) and (noun_phrase(words) or common_noun(words[0])):
            continue          # "أما الطريق السريع فقد أكد …": a topic no person's name opens
        taken.add(quoted.start)
        out.append(quoted)
    return out


_FA_ALREADY = fold("فقد")
