"""Text → quoted people: who an article quotes, known to the gazetteer or not.

The gazetteer matcher finds the speakers it knows. This module finds the
people an article *quotes*, from how Arabic news introduces a quotation:

* a reporting verb — قال، أكد، أضاف، صرح، أوضح، أشار، نفى، حذر … in any person
  and with و/ف — followed by who spoke: "وقال ريكس تيلرسون، وزير الخارجية",
  "قال الرئيس السوري، بشار الأسد، إن", "وقال نائب المحافظ طاهر عبد الله إن";
* "المتحدث باسم X" or a title (العقيد، اللواء، العميد، وزير، رئيس، قائد …)
  before a name, in a sentence with a reporting verb:
  "المتحدث باسم التحالف الدولي العقيد رايان ديلون".

Arabic has no capital letters, so a name is told from its role by position:
after the verb come role words (titles, words with the article such as
السوري، الخارجية) and then the name, which starts with a word without the
article (a given name: بشار، طاهر، عبد) and runs until a particle (إن، أن،
في), a day, punctuation or another role word. A name must have at least two
words to be proposed; a single word ("وقال الخزعلي") only counts when it is a
known speaker's name or the last word of a name found earlier in the article.

Nothing is invented silently: a person not in the gazetteer becomes a
*proposal* (archive.models.SpeakerProposal) that an archivist accepts, merges
or rejects.
"""
from __future__ import annotations

from dataclasses import dataclass

from archive.arabic import fold, strip_marks, tokenize


def _forms(*words: str) -> frozenset[str]:
    out = set()
    for word in words:
        w = fold(word)
        out.update({w, "و" + w, "ف" + w})
    return frozenset(out)


# Reporting verbs in the forms news prints: he/she/they said, with و/ف.
REPORTING_VERBS = _forms(
    "قال", "قالت", "قالوا", "يقول", "تقول", "أكد", "أكدت", "أكدوا", "يؤكد", "أضاف", "أضافت",
    "صرح", "صرحت", "أوضح", "أوضحت", "أشار", "أشارت", "نفى", "نفت", "حذر", "حذرت", "تابع",
    "تابعت", "ذكر", "ذكرت", "أفاد", "أفادت", "اعتبر", "اعتبرت", "شدد",
    "شددت", "لفت", "لفتت", "أردف", "أردفت", "أضافت", "علق", "علقت", 
)
#: Ranks and honorifics: the name follows them directly, whatever role came
#: before ("رئيس مركز المصالحة الروسي في سوريا اللواء يوري يفتوشينكو").
RANKS = _forms(
    "العقيد", "اللواء", "العميد", "الفريق", "المقدم", "الرائد", "النقيب", "الجنرال", "الكولونيل",
    "الميجر", "البريجادير", "الأدميرال", "المشير", "الملازم", "الشيخ", "الأمير", "الملك", "السيد",
    "السيدة", "الدكتور", "القاضي", "الفريق أول", "جنرال", "الأميرال",
)
#: Who "المتحدث باسم" speaks for, when a person: the name after it is theirs,
#: not the spokesman's ("المتحدث باسم الرئيس التركي رجب طيب أردوغان").
_PRINCIPALS = _forms("الرئيس", "رئيس", "الوزير", "وزير", "الملك", "الأمير", "رئيسة", "وزيرة")
#: Titles and role nouns: they come before a name, never inside one.
TITLES = _forms(
    "العقيد", "اللواء", "العميد", "الفريق", "المقدم", "الرائد", "النقيب", "الجنرال", "الكولونيل",
    "الميجر", "البريجادير", "الأدميرال", "المشير", "الملازم", "الرقيب", "العقيد الركن",
    "وزير", "الوزير", "وزيرة", "رئيس", "الرئيس", "رئيسة", "نائب", "قائد", "القائد", "الناطق", "ناطق",
    "المتحدث", "متحدث", "المتحدثة", "متحدثة", "مدير", "المدير", "مديرة", "محافظ", "المحافظ",
    "السفير", "سفير", "السفيرة", "أمين", "الأمين", "عضو", "مستشار", "المستشار", "زعيم", "الزعيم",
    "مسؤول", "المسؤول", "رئيسة", "الشيخ", "الملك", "الأمير", "السيد", "السيدة", "الدكتور", "د",
    "القاضي", "النائب", "المدعي", "المبعوث", "مبعوث", "ممثل", "الممثل", "الأمينة", "عقيد", "لواء",
    "عميد", "مساعد", "المساعد", "المفوض", "مفوض", "آمر", "قائم", "القائم", "رئيسه", "وكيل",
    "الحاكم", "حاكم", "العاهل", "المرشد", "الإمام", "الجندي", "الرقيب", "الضابط", "ضابط",
    "شرطي", "شاهد", "مصدر", "المصدر", "مراسل", "المراسل", "بيان", "البيان", "تقرير", "التقرير",
    "أحد", "عناصر",
) | frozenset()
#: Who speaks is an organisation or a nobody in particular: no name follows.
UNNAMED = _forms(
    "مسؤولون", "مصادر", "المرصد", "الوكالة", "وكالة", "الصحيفة", "صحيفة", "الحكومة", "الوزارة",
    "وزارة", "الجيش", "مجلس", "المجلس", "القيادة", "قيادة", "المكتب", "مكتب", "بيان", "البيان",
    "تقرير", "التقرير", "مسؤول", "مصدر", "المصدر", "شاهد", "متحدث", "ناطق", "متحدثة", "أحد",
    "عناصر", "قوات", "القوات", "الشرطة", "شرطة", "السلطات", "سلطات", "مصادر", "وسائل", "الحزب",
    "التحالف", "التنظيم", "الأمم", "المفوضية", "المنظمة", "منظمة", "اللجنة", "لجنة", "الخارجية",
    "الداخلية", "الدفاع", "البنتاغون", "الكرملين", "البيت", "الإدارة", "المحكمة", "محكمة",
    "شهود", "شاهد", "تقارير", "سكان", "دراسة", "الدراسة", "صندوق", "هيئة", "الهيئة", "ولي",
    "صاحب", "الله", "رسول", "النبي", "نشطاء", "ناشطون", "مواطنون", "خبراء", "محللون", "أطباء",
    "مسؤولين", "مصدرا", "مصدران", "عدد", "بعض", "معظم", "جماعة", "الجماعة", "فريق", "موقع",
    "قناة", "القناة", "تلفزيون", "إذاعة", "مركز", "المركز", "معهد", "المعهد", "جامعة",
    "حرس", "شركة", "الشركة", "حساب", "صفحة", "مكتب", "حركة", "الحركة", "حزب", "الجبهة", "جبهة",
)
TITLES = TITLES | UNNAMED
#: "المتحدث باسم X": the role runs on to the name.
_SPOKESMAN = _forms("المتحدث", "متحدث", "الناطق", "ناطق", "المتحدثة", "متحدثة")
_IN_NAME_OF = frozenset({fold("باسم")})
# Words that end a name: particles, days, times.
STOP = _forms(
    "إن", "أن", "إنه", "أنه", "إنها", "أنها", "إنهم", "أنهم", "بأن", "بأنه", "في", "على", "من", "إلى",
    "عن", "مع", "خلال", "بعد", "قبل", "أمام", "لدى", "عبر", "حول", "بين", "هذا", "هذه", "ذلك",
    "الذي", "التي", "الذين", "لا", "لم", "لن", "قد", "كان", "كانت", "ما", "اليوم", "أمس", "الليلة",
    "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "صباح", "مساء",
    "يوم", "أيضا", "أيضاً", "كما", "حيث", "بحسب", "حسب", "وفق", "وفقا", "نقلا", "إنّ", "أنّ",
    "لوكالة", "لصحيفة", "لقناة", "لموقع", "للصحفيين", "لـ", "قائلا", "قائلاً", "مضيفا", "مشيرا",
)
# Joining words inside a name: عبد الله، بن، أبو، آل.
_CONNECTORS = frozenset(fold(w) for w in ("عبد", "بن", "بنت", "أبو", "ابو", "أم", "آل", "ابن", "أبي", "بو"))
_BREAK_CHARS = frozenset(".,،;؛:!?؟\n\r()[]{}…|\"«»“”'")
_MAX_NAME_WORDS = 5
_MAX_ROLE_WORDS = 9


@dataclass(frozen=True)
class Quoted:
    """A person the text quotes: ``text[start:end]`` is the name as written,
    ``role`` what the text calls them ("وزير الخارجية التركي")."""

    name: str
    role: str
    start: int
    end: int


def find_quoted(text: str, words=None) -> list[Quoted]:
    """Every named person the text introduces as speaking, in order, with
    repeats (one per mention). ``words``: (tokens, folded words) of the text
    if already made (AliasIndex.words)."""
    text = text or ""
    tokens, folded = words if words is not None else _words(text)
    found: list[Quoted] = []
    verbs = [i for i, w in enumerate(folded) if w in REPORTING_VERBS]
    if not verbs:
        return found
    broken = _Breaks(text, tokens)
    i = 0
    for v in verbs:
        if v < i or broken[v] or v + 1 >= len(tokens):
            continue
        quoted, after = _person_at(text, tokens, folded, broken, v + 1)
        if quoted is not None:
            found.append(quoted)
            i = after
    return found


def _words(text):
    tokens = tokenize(text)
    return tokens, [fold(t.text) for t in tokens]


class _Breaks:
    """broken[i]: is there sentence or clause punctuation after word i?
    Worked out only for the words a quotation is read from."""

    def __init__(self, text, tokens):
        self.text, self.tokens, self.memo = text, tokens, {}

    def __getitem__(self, i):
        found = self.memo.get(i)
        if found is None:
            if i + 1 >= len(self.tokens):
                found = False
            else:
                gap = self.text[self.tokens[i].end:self.tokens[i + 1].start]
                found = any(ch in _BREAK_CHARS for ch in gap)
            self.memo[i] = found
        return found


def _is_role_word(word: str) -> bool:
    return word in TITLES or word.startswith(("ال", "وال", "لل", "بال")) or word in _IN_NAME_OF


def _person_at(text, tokens, folded, broken, k):
    """Read [role words] name [, role] from token k. Returns (Quoted or None, next index)."""
    role_start = k
    n = len(tokens)
    if folded[k] in UNNAMED and not folded[k].lstrip("وف") in _SPOKESMAN:
        return None, k + 1
    # 1. Role words before the name, across at most one comma
    #    ("الرئيس السوري، بشار الأسد"), or up to a rank however long the role.
    j = k
    if folded[k] in TITLES:
        r = k
        while r < n - 1 and r - k < 12 and folded[r] not in REPORTING_VERBS:
            if folded[r] in RANKS and r > k:
                break
            if broken[r]:
                r = -1
                break
            r += 1
        if r > k and folded[r] in RANKS and not broken[r]:
            j = r + 1
            # "البريجادير جنرال الأمريكي كيفين كيليا"
            while j < n - 1 and (folded[j] in RANKS or folded[j].startswith("ال")) and not broken[j]:
                j += 1
            if _in_name_of_person(folded, k, r):
                return None, j
            return _name_from(text, tokens, folded, broken, k, j)
    while j < n and j - k < _MAX_ROLE_WORDS and _is_role_word(folded[j]) and folded[j] not in STOP:
        if broken[j]:
            j += 1
            break
        j += 1
        if folded[j - 1] in _IN_NAME_OF:
            # "باسم X": the body X is role too, up to a title or a name start.
            while j < n and j - k < _MAX_ROLE_WORDS and (folded[j].startswith("ال") or folded[j] in TITLES) \
                    and not broken[j - 1]:
                j += 1
                if broken[j - 1]:
                    break
    if j >= n:
        return None, k
    if _in_name_of_person(folded, k, j):
        return None, j
    if j > k and broken[j - 1] and not any(ch in "،," for ch in text[tokens[j - 1].end:tokens[j].start]):
        return None, j
    return _name_from(text, tokens, folded, broken, role_start, j)


def _in_name_of_person(folded, k, j) -> bool:
    """Is the role "المتحدث باسم الرئيس …": someone else's spokesman?"""
    for p in range(k, j - 1):
        if folded[p] in _IN_NAME_OF and folded[p + 1] in _PRINCIPALS:
            return True
    return False


def _name_from(text, tokens, folded, broken, role_start, j):
    """The name starting at token j, its role being tokens role_start..j-1."""
    n = len(tokens)
    # 2. The name: starts with a word without the article.
    first = folded[j]
    if first in STOP or first in TITLES or first in REPORTING_VERBS or first.startswith("ال") \
            or len(first) < 2:
        return None, j
    name_end = j + 1
    while name_end < n and name_end - j < _MAX_NAME_WORDS and not broken[name_end - 1]:
        w = folded[name_end]
        if folded[name_end - 1] in _CONNECTORS:
            name_end += 1         # عبد الله, أبو بكر: the word after a connector is the name's
            continue
        if w in STOP or w in TITLES or w in REPORTING_VERBS or w in _SPOKESMAN:
            break
        if w.startswith(("و", "ف", "ب", "ل")) and not w.startswith(("ال",)) and \
                fold(w[1:]) in STOP:
            break
        if w.startswith("ل") or (w.startswith("ب") and w.endswith(("ه", "ها", "هم"))):
            break          # لمحادثه، باجتماعه: a preposition and a pronoun

        name_end += 1
    ends_clearly = name_end >= n or broken[name_end - 1] or folded[name_end] in STOP \
        or folded[name_end] in TITLES or folded[name_end] in REPORTING_VERBS
    if not ends_clearly:
        return None, name_end
    if first.startswith("لل") or (first.startswith("ل") and len(first) > 3):
        return None, name_end      # لحقوق، لوكالة: a preposition, not a name
    # A connector cannot end a name (عبد alone).
    while name_end - 1 > j and folded[name_end - 1] in _CONNECTORS:
        name_end -= 1
    start, end = tokens[j].start, tokens[name_end - 1].end
    role = text[tokens[role_start].start:tokens[j - 1].end] if j > role_start else ""
    if not role and name_end < n and broken[name_end - 1] and "،" in text[tokens[name_end - 1].end:tokens[name_end].start]:
        # "ريكس تيلرسون، وزير الخارجية الأمريكي،": the role after the name.
        r = name_end
        while r < n and r - name_end < _MAX_ROLE_WORDS and not broken[r] and folded[r] not in STOP:
            r += 1
        if r < n and folded[name_end] in TITLES:
            role = text[tokens[name_end].start:tokens[r].end]
    name = strip_marks(text[start:end]).strip()
    role = strip_marks(role).strip(" ،,")
    return Quoted(name=name, role=role, start=start, end=end), name_end


def proposals_for(text: str, matches, words=None) -> list[Quoted]:
    """The quoted people the gazetteer does not know, one per name (first
    mention), to be proposed as speakers.

    ``matches`` are the gazetteer's matches in the same text: a quoted name
    that overlaps a known speaker, place, force or outlet is not proposed; a
    single-word name never is (it may be a known speaker's family name, or
    the family name of a proposal already made: "بومبيو" after "مايك بومبيو").
    """
    words = words if words is not None else _words(text or "")
    known_spans = [(m.start, m.end) for m in matches]
    out: dict[str, Quoted] = {}
    for q in find_quoted(text, words):
        if any(s < q.end and q.start < e for s, e in known_spans):
            continue
        parts = q.name.split()
        if len(parts) == 2 and fold(parts[0]) in _CONNECTORS:
            continue          # عبد الرحمن, أبو محمد: part of a name, or a kunya alone
        if len(parts) < 2:
            q = _full_name(text, q, words)
            if q is None:
                continue
        key = fold(q.name)
        if key not in out:
            out[key] = q
    # A shorter form of a longer name proposed here is the same person.
    keys = list(out)
    for key in keys:
        if any(other != key and other.endswith(" " + key) for other in keys):
            out.pop(key, None)
    return list(out.values())


def _full_name(text: str, q: Quoted, words) -> Quoted | None:
    """A one-word name ("وقال وليامسون") as the article names the person in
    full elsewhere: the plain word before it ("غافين وليامسون") or the
    connectors after it ("سلمان بن عبد العزيز"). None if the article never
    does."""
    tokens, folded = words
    target = fold(q.name)
    for i, word in enumerate(folded):
        if word != target:
            continue
        start = end = i
        if i > 0 and not any(ch in _BREAK_CHARS for ch in text[tokens[i - 1].end:tokens[i].start]):
            before = folded[i - 1]
            if not (before in STOP or before in TITLES or before in RANKS or before in REPORTING_VERBS
                    or before.startswith(("ال", "و", "ل", "ب")) or len(before) < 3):
                start = i - 1
        while end + 2 < len(tokens) and folded[end + 1] in _CONNECTORS and \
                not any(ch in _BREAK_CHARS for ch in text[tokens[end].end:tokens[end + 2].start]):
            end += 2
        if start != i or end != i:
            return Quoted(name=strip_marks(text[tokens[start].start:tokens[end].end]),
                          role=q.role, start=q.start, end=q.end)
    return None
