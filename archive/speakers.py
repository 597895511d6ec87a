"""Text → quoted people: who an article quotes, known to the gazetteer or not.

The gazetteer matcher finds the speakers it knows. This module finds the
people an article *quotes*, from how Arabic news introduces a quotation:

* a reporting verb — قال، أكد، أضاف، صرح، أوضح، أشار، نفى، حذر … in any person
  and with و/ف — followed by who spoke: "وقال ريكس تيلرسون، وزير الخارجية",
  "قال الرئيس السوري، بشار الأسد، إن", "وقال نائب المحافظ طاهر عبد الله إن";
* "المتحدث باسم X" or a title (العقيد، اللواء، العميد، وزير، رئيس، قائد …)
  before a name, in a sentence with a reporting verb:
  "المتحدث باسم التحالف الدولي العقيد رايان ديلون".

* an agency quoting a person: "نقلت وكالة رويترز عن X", "على لسان X": the
  person after عن, never the agency;
* verbs that as often take a thing as a speaker (أعلن، كشف، دعا، وصف، اتهم …):
  only with a title before the person ("أعلن وزير الدفاع X", never "أعلن
  إقالة X"), and the object starts at the first word with the article after
  two plain words ("وصف الرئيس جان دوبوا الهجوم");
* a second person joined by و ("X والمستشارة الألمانية Y").

Arabic has no capital letters, so a name is told from its role by position:
after the verb come role words (titles, words with the article such as
السوري، الخارجية) and then the name, which starts with a word without the
article (a given name: بشار، طاهر، عبد; the article as *written*, so إلسا and
أليكس are names though they fold to "ال…") and runs until a particle (إن، أن،
في), a day, punctuation or another role word. Two words with the article in a
row are a body, not a person ("جمعيات الصحافيين الإسبان"). A name must have at least two
words to be proposed; a single word ("وقال الخزعلي") only counts when it is a
known speaker's name or the last word of a name found earlier in the article.

Nothing is invented silently: a person not in the gazetteer becomes a
*proposal* (archive.models.SpeakerProposal) that an archivist accepts, merges
or rejects.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from archive.arabic import _word_counts, fold, strip_marks, tokenize, written


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
    "شددت", "لفت", "لفتت", "أردف", "أردفت", "أضافت", "علق", "علقت", "أوضحوا",
    "صرحوا", "أشاروا", "تحدث", "تحدثت", "تحدثوا", "اعترف", "اعترفت", "أبلغ", "أبلغت", "تساءل", "تساءلت",
    # the present, the dual and the verbs that close a quotation
    "يضيف", "تضيف", "قالا", "أكدا", "استطرد", "استطردت", "نوه", "نوهت",
)
#: Verbs that report speech but as often take a thing ("أعلن إقالة تيلرسون",
#: "كشف تقرير", "دعا إلى"): the person after them counts only with a title
#: or role before the name ("أعلن وزير الدفاع X", "دعا الرئيس الفرنسي X").
ROLE_VERBS = _forms(
    "أعلن", "أعلنت", "كشف", "كشفت", "أعرب", "أعربت", "دعا", "دعت", "طالب", "طالبت", "انتقد",
    "انتقدت", "رأى", "رأت", "وصف", "وصفت", "اتهم", "اتهمت", "هدد", "هددت", "توعد", "توعدت",
    "رحب", "رحبت", "أدان", "أدانت", "استبعد", "استبعدت", "جدد", "جددت", "نقل", "نقلت",
    # present tenses and verbs that as often have a thing as subject or
    # object ("تشير تفاصيل الحادث", "وختم هجومه")
    "يرى", "ترى", "طمأن", "زعم", "زعمت", "يزعم", "تزعم",
    # "بحسب المتحدث باسم الجيش العميد X": attribution with a titled person
    "بحسب", "حسب", "يوضح", "توضح", "يشير", "تشير", "ختم", "ختمت", "اختتم", "اختتمت",
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
    "أحد", "عناصر", "ولي", "المبعوثة", "مبعوثة", "المستشارة", "مستشارة", "المحامي", "المحامية"
) | frozenset()
#: Who speaks is an organisation or a nobody in particular: no name follows.
UNNAMED = _forms(
    "مسؤولون", "مصادر", "المرصد", "الوكالة", "وكالة", "الصحيفة", "صحيفة", "الحكومة", "الوزارة",
    "وزارة", "الجيش", "مجلس", "المجلس", "القيادة", "قيادة", "المكتب", "مكتب", "بيان", "البيان",
    "تقرير", "التقرير", "مسؤول", "مصدر", "المصدر", "شاهد", "متحدث", "ناطق", "متحدثة", "أحد",
    "عناصر", "قوات", "القوات", "الشرطة", "شرطة", "السلطات", "سلطات", "مصادر", "وسائل", "الحزب",
    "التحالف", "التنظيم", "الأمم", "المفوضية", "المنظمة", "منظمة", "اللجنة", "لجنة", "الخارجية",
    "الداخلية", "الدفاع", "البنتاغون", "الكرملين", "البيت", "الإدارة", "المحكمة", "محكمة",
    "شهود", "شاهد", "تقارير", "سكان", "دراسة", "الدراسة", "صندوق", "هيئة", "الهيئة",
    "ممثلو", "ممثلي", "مسؤولو", "محامو", "محامي", "دبلوماسيون", "دبلوماسيين", "قادة", "زعماء",
    "مقاتلون", "ناشطو", "أعضاء", "نواب", "وزراء", "مراسلو", "أهالي", "عائلات", "متحدثون",
    "اتحاد", "الاتحاد", "جهاز", "الجهاز", "جمعية", "نقابة", "رابطة", "مؤسسة", "دائرة", "مديرية",
    "غرفة", "بعثة", "البعثة", "وفد", "الوفد", "ائتلاف", "تحالف", "تيار", "التيار", "كتلة", "الكتلة",
    "برلمان", "البرلمان", "مجموعة", "شبكة", "منتدى", "ديوان", "مفوضية", "سفارة", "السفارة",
    "صاحب", "الله", "رسول", "النبي", "نشطاء", "ناشطون", "مواطنون", "خبراء", "محللون", "أطباء",
    "مسؤولين", "مصدرا", "مصدران", "عدد", "بعض", "معظم", "جماعة", "الجماعة", "فريق", "موقع",
    "قناة", "القناة", "تلفزيون", "إذاعة", "مركز", "المركز", "معهد", "المعهد", "جامعة",
    "حرس", "شركة", "الشركة", "حساب", "صفحة", "مكتب", "حركة", "الحركة", "حزب", "الجبهة", "جبهة",
    # plural and collective subjects: bodies and crowds, not a person
    "جماعات", "منظمات", "هيئات", "جهات", "أوساط", "دوائر", "أطراف", "فصائل", "قوى", "حكومات",
    "دول", "وكالات", "صحف", "مراقبون", "متابعون", "محتجون", "متظاهرون", "لاجئون", "سكانها",
    "الأخير", "الأخيرة", "الطرفان", "الجانبان", "الجانب", "الطرف",
)
#: Titles proper, without the organisations: after a verb that as often
#: takes a thing (ROLE_VERBS) one of them must introduce the person.
PERSON_TITLES = TITLES
TITLES = TITLES | UNNAMED
#: "المتحدث باسم X": the role runs on to the name.
_SPOKESMAN = _forms("المتحدث", "متحدث", "الناطق", "ناطق", "المتحدثة", "متحدثة")
_IN_NAME_OF = frozenset({fold("باسم")})
# Words that end a name: particles, days, times.
STOP = _forms(
    "إن", "أن", "إنه", "أنه", "إنها", "أنها", "إنهم", "أنهم", "بأن", "بأنه", "في", "على", "من", "إلى",
    "عن", "مع", "خلال", "بعد", "قبل", "أمام", "لدى", "عبر", "حول", "بين", "هذا", "هذه", "ذلك",
    "الذي", "التي", "الذين", "لا", "أو", "او", "ثم", "لم", "لن", "قد", "كان", "كانت", "ما", "اليوم", "أمس", "الليلة",
    "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "صباح", "مساء",
    "يوم", "أيضا", "أيضاً", "كما", "حيث", "بحسب", "حسب", "وفق", "وفقا", "نقلا", "إنّ", "أنّ",
    "لوكالة", "لصحيفة", "لقناة", "لموقع", "للصحفيين", "لـ", "قائلا", "قائلاً", "مضيفا", "مشيرا",
    "قوله", "قولها", "قولهم", "تصريح", "تصريحات", "تصريحه", "تصريحها", "إلا", "غير", "سوى",
    "إليه", "عليه", "له", "لها", "فيه", "فيها", "بعدها", "بعده", "عدم", "تلك", "كل", "أي", "هو",
    "هي", "هم", "هنا", "هناك", "مخاطبا", "داخل", "خارج", "إثر", "اثر", "أثر", "بالقرب",
    "أننا", "إننا", "أنني", "إنني", "بأنهم", "بأنها", "بأننا", "لاحقا", "سابقا", "مثلما", "كلما",
    "أكثر", "أقل", "جل", "عز", "تعالى", "طريق", "نظري", "نظر", "انتباه",
)
#: A word that may stand between the verb and who spoke: "قال أمس وزير".
_ADVERBS = _forms(
    "أمس", "اليوم", "أيضا", "أيضاً", "سابقا", "لاحقا", "كذلك", "بدوره", "بدورها", "الاثنين",
    "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
)
#: "نقلت وكالة رويترز عن X" / "على لسان X": the person after عن is quoted,
#: not the agency before it.
_RELAY_VERBS = _forms("نقل", "نقلت", "نقلوا")
_FROM = fold("عن")
_ON = fold("على")
_TONGUE = fold("لسان")
_PRONOUNS = ("هما", "هم", "ها", "ه")
# Joining words inside a name: عبد الله، بن، أبو، آل.
_CONNECTORS = frozenset(fold(w) for w in ("عبد", "بن", "بنت", "أبو", "ابو", "أم", "آل", "ابن", "أبي", "بو"))
_BREAK_CHARS = frozenset(".,،;؛:!?؟\n\r()[]{}…|\"«»“”'")
#: Titles that are also part of family names, inside a name ("جعفر الشيخ مصطفى").
_INNER_TITLES = frozenset({fold("الشيخ")})
#: "المحامي السابق للرئيس الأمريكي X": X is whose lawyer, not the speaker.
_OF_PRINCIPAL = frozenset(fold(w) for w in ("للرئيس", "للملك", "للأمير", "لرئيس", "لولي", "للرئيسة"))
#: Where a word ل… after a name is the addressee ("لوكالة"، "لمراسل") rather
#: than the name's own word (سيرغي لافروف، أندريه ليسينكو).
_PRONOUN_ENDS = ("ه", "ها", "هم", "هما")
#: A "verb" after one of these is a noun: "في حذر شديد", "على ذكر قرار".
_BEFORE_NOUN = frozenset(fold(w) for w in ("في", "من", "على", "عن", "إلى", "مع", "بعد", "قبل", "دون", "بدون"))
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
    verbs = [i for i, w in enumerate(folded) if (w in REPORTING_VERBS or w in ROLE_VERBS)
             and not (i > 0 and folded[i - 1] in _BEFORE_NOUN)]     # "في حذر شديد", "على ذكر"
    if not verbs:
        return found
    broken = _Breaks(text, tokens)
    n = len(tokens)
    i = 0
    for v in verbs:
        if v < i or v + 1 >= n or broken[v] and not _opens_quote(text, tokens, v):
            continue
        needs_role = folded[v] in ROLE_VERBS
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
        else:
            quoted, after = _person_at(text, tokens, folded, broken, k, needs_role)
        if quoted is None:
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
    found.sort(key=lambda q: q.start)
    return found


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


_OPEN_QUOTES = "\"“«"
_THAT_IS = _forms("وهو", "وهي", "هو", "هي")


def _opens_quote(text, tokens, v) -> bool:
    return text[tokens[v].end:tokens[v + 1].start].strip() in tuple(_OPEN_QUOTES)


def _name_in_quotes(text, tokens, folded, v):
    """'وقال "كيم مين-سيوك" وهو متحدث باسم الوزارة': a name in quotation
    marks after the verb, two to four words, then its role (وهو + a title,
    or a comma and a title)."""
    n = len(tokens)
    for e in range(v + 2, min(v + 5, n - 1)):
        gap = text[tokens[e].end:tokens[e + 1].start]
        if not any(ch in _BREAK_CHARS for ch in gap):
            continue
        if not any(ch in gap for ch in "\"”»") or any(ch in _BREAK_CHARS for ch in
                                                      text[tokens[v + 1].start:tokens[e].end] if ch != "-"):
            return None, v + 1
        r = e + 1
        if folded[r] in _THAT_IS and r + 1 < n:
            r += 1
        elif "،" not in gap and "," not in gap:
            return None, v + 1
        if folded[r] not in PERSON_TITLES or folded[r] in UNNAMED and folded[r] not in _SPOKESMAN:
            return None, v + 1
        if any(folded[p] in STOP or folded[p] in TITLES or _has_article(tokens, p) and p == v + 1
               for p in range(v + 1, e + 1)):
            return None, v + 1
        start, end = tokens[v + 1].start, tokens[e].end
        role_end = r
        while role_end + 1 < n and role_end - r < 5 and (_has_article(tokens, role_end + 1)
                                                        or folded[role_end + 1] in _IN_NAME_OF):
            role_end += 1
        return Quoted(name=strip_marks(text[start:end]), role=strip_marks(text[tokens[r].start:tokens[role_end].end]),
                      start=start, end=end), e + 1
    return None, v + 1


def _after_source(folded, broken, k):
    """After "نقلت": the index of the person after "عن" or "على لسان" within
    a few words ("نقلت وكالة إنترفاكس للأنباء عن …"), else None."""
    for p in range(k, min(k + 8, len(folded) - 1)):
        if folded[p] == _FROM:
            return p + 1
        if folded[p] == _ON and folded[p + 1] == _TONGUE and p + 2 < len(folded):
            return p + 2
        if broken[p]:
            return None
    return None


def _has_article(tokens, j) -> bool:
    """Does word j carry the article as written? Folding turns إلسا and
    أليكس into "السا", "اليكس"; the written word tells a name from ال."""
    word = tokens[j].text
    if word.startswith("ال"):
        return True
    return word.startswith(("وال", "لل", "بال", "فال")) and _proclitic_article(word)


@functools.lru_cache(maxsize=65536)
def _proclitic_word(word: str) -> bool:
    """Is the folded word ب/ل + a common word, by the corpus: what is left
    is written at least a thousand times and eight times as often as the
    whole (بأول: أول; بحدوث: حدوث; بصوت), not a name (برايان، بيليه، بكير:
    رايان، يليه are rarer)?"""
    if len(word) < 4 or word[0] not in "بل" or word.startswith("ال"):
        return False
    rest = written(word[1:])
    return rest >= 1000 and rest >= 8 * written(word)


@functools.lru_cache(maxsize=65536)
def _proclitic_article(word: str) -> bool:
    """وال/بال/فال/لل + a word the corpus writes with the article; فالح،
    فاليري، والتر are names (the corpus never writes الح، اليري، التر)."""
    word = strip_marks(word)
    counts = _word_counts()
    rest = word[2:] if word.startswith("لل") else word[3:]
    return not counts or counts.get(fold("ال" + rest), 0) >= 5


def _has_article_text(word: str) -> bool:
    return strip_marks(word).startswith("ال")


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


def _is_role_word(word: str, written: bool) -> bool:
    """``written``: the word carries the article as written (_has_article)."""
    return word in TITLES or written or word in _IN_NAME_OF


def _construct_of_role(folded, tokens, j, k) -> bool:
    """"لحقوق الإنسان", "لشؤون اللاجئين": ل + a noun + a noun with the
    article continues a role (مدير المرصد السوري لحقوق الإنسان)."""
    return j > k and j + 1 < len(folded) and folded[j].startswith("ل") \
        and not folded[j].startswith("لل") and _has_article(tokens, j + 1)


def _person_at(text, tokens, folded, broken, k, needs_role=False):
    """Read [role words] name [, role] from token k. Returns (Quoted or None,
    next index). ``needs_role``: a name straight after k does not count."""
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
            while j < n - 1 and (folded[j] in RANKS or _has_article(tokens, j)) and not broken[j]:
                j += 1
            if _in_name_of_person(folded, k, r):
                return None, j
            return _name_from(text, tokens, folded, broken, k, j, needs_role)
    while j < n and j - k < _MAX_ROLE_WORDS and folded[j] not in STOP and (
            _is_role_word(folded[j], _has_article(tokens, j)) or _construct_of_role(folded, tokens, j, k)):
        if broken[j]:
            j += 1
            break
        j += 1
        if folded[j - 1] in _IN_NAME_OF:
            # "باسم X": the body X is role too, up to a title or a name start.
            while j < n and j - k < _MAX_ROLE_WORDS and (_has_article(tokens, j) or folded[j] in TITLES) \
                    and not broken[j - 1]:
                j += 1
                if broken[j - 1]:
                    break
    if needs_role and j == k and j < n:
        # "وصف مقتدى الصدر، زعيم التيار الصدري، …": the role after the name,
        # across a comma, says this is a person.
        quoted, after = _name_from(text, tokens, folded, broken, k, k, True)
        if quoted is not None and quoted.role and len(quoted.name.split()) >= 2:
            return quoted, after
    if j >= n or (needs_role and j == k):
        # "ويقول العويران إن": a family name alone, as the article gave it
        # in full elsewhere (proposals_for looks it up; a known speaker's
        # family name links).
        if j == k + 1 and not needs_role and folded[k] not in TITLES and _has_article(tokens, k) \
                and (j >= n or broken[k] or folded[j] in STOP) and _family_name(folded[k]):
            return Quoted(name=strip_marks(tokens[k].text), role="", start=tokens[k].start,
                          end=tokens[k].end), j
        return None, k + 1 if j == k else k
    if needs_role and not any(folded[p] in PERSON_TITLES for p in range(k, j)):
        return None, j       # "اتهم الحوثيين بترويج …": no title, no person
    if _in_name_of_person(folded, k, j):
        return None, j
    if j > k and broken[j - 1] and not any(ch in "،," for ch in text[tokens[j - 1].end:tokens[j].start]):
        return None, j
    if j == k + 1 and not needs_role and folded[k] not in TITLES and _has_article(tokens, k) \
            and (broken[k] or folded[j] in STOP) and _family_name(folded[k]):
        return Quoted(name=strip_marks(tokens[k].text), role="", start=tokens[k].start,
                      end=tokens[k].end), j      # "وقال الزياني، …": a family name alone
    if any(folded[p] in _OF_PRINCIPAL for p in range(k, j)):
        return None, j       # "المحامي السابق للرئيس الأمريكي X": X is not who spoke
    return _name_from(text, tokens, folded, broken, role_start, j, needs_role)


def _in_name_of_person(folded, k, j) -> bool:
    """Is the role "المتحدث باسم الرئيس …": someone else's spokesman?"""
    for p in range(k, j - 1):
        if folded[p] in _IN_NAME_OF and folded[p + 1] in _PRINCIPALS:
            return True
    return False


def _name_from(text, tokens, folded, broken, role_start, j, object_follows=False):
    """The name starting at token j, its role being tokens role_start..j-1.
    ``object_follows``: after a verb such as وصف or أعلن, what it says comes
    right after the name ("وصف الرئيس إيمانويل ماكرون الحادث"), so a word
    with the article after two plain words starts the object, not the name."""
    n = len(tokens)
    # 2. The name: starts with a word without the article.
    first = folded[j]
    ali = first in STOP and _written_ali(text, tokens, folded, broken, j)   # علي the name, not على
    if (first in STOP and not ali) or first in TITLES or first in REPORTING_VERBS or _has_article(tokens, j) \
            or len(first) < 2:
        return None, j
    name_end = j + 1
    while name_end < n and name_end - j < _MAX_NAME_WORDS and not broken[name_end - 1]:
        w = folded[name_end]
        if folded[name_end - 1] in _CONNECTORS:
            name_end += 1         # عبد الله, أبو بكر: the word after a connector is the name's
            continue
        if w in _INNER_TITLES and name_end + 1 < n and not broken[name_end] \
                and not _has_article(tokens, name_end + 1) and folded[name_end + 1] not in STOP \
                and folded[name_end + 1] not in TITLES and folded[name_end + 1] not in REPORTING_VERBS:
            name_end += 2     # جعفر الشيخ مصطفى, إسماعيل ولد الشيخ أحمد: a family name
            continue
        if w in STOP or w in TITLES or w in REPORTING_VERBS or w in _SPOKESMAN:
            break
        if w.startswith("و") and (w[1:] in TITLES or _has_article(tokens, name_end)):
            break          # "ماكرون والمستشارة": the next person, not this name
        if w.startswith(("و", "ف", "ب", "ل")) and not w.startswith(("ال",)) and \
                fold(w[1:]) in STOP:
            break
        if w.startswith("ل") and (w.startswith("لل") or w.endswith(_PRONOUN_ENDS) or w[1:] in TITLES
                                  or _has_article(tokens, name_end - 1) or len(w) < 4 or written(w[1:])):
            break          # لمحادثه، لجنود، "الأسد لرويترز": a preposition and a word; لافروف is a name
        if w.startswith("ب") and w.endswith(("ه", "ها", "هم")):
            break          # باجتماعه: a preposition and a pronoun
        if _proclitic_word(w):
            break          # "عباس بأول تصريح": ب + a word, not the name's

        name_end += 1
    # Two words with the article in a row are a body's name, not a person's
    # ("جمعيات الصحافيين الإسبان"; a person has one: بشار الأسد).
    if any(_has_article(tokens, p) and _has_article(tokens, p + 1) and folded[p - 1] not in _CONNECTORS
           for p in range(j + 1, name_end - 1)):
        return None, name_end
    trimmed = False
    if object_follows:
        for p in range(j + 2, name_end):
            if _has_article(tokens, p) and folded[p - 1] not in _CONNECTORS:
                name_end, trimmed = p, True
                break
    if any(ch.isdigit() for ch in text[tokens[j].start:tokens[name_end - 1].end]):
        return None, name_end          # "يعيش هنا 651 نسمة"
    ends_clearly = trimmed or name_end >= n or broken[name_end - 1] or folded[name_end] in STOP \
        or folded[name_end] in TITLES or folded[name_end] in REPORTING_VERBS
    if not ends_clearly:
        return None, name_end
    if first.startswith("لل") or (first.startswith("ل") and len(first) > 3 and written(first[1:])) \
            or _proclitic_word(first):
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
        if r < n and folded[name_end] in TITLES and folded[name_end] not in UNNAMED:
            role = text[tokens[name_end].start:tokens[r].end]
    name = strip_marks(text[start:end]).strip()
    role = strip_marks(role).strip(" ،,")
    if role.startswith("و") and role[1:].startswith("ال"):
        role = role[1:]          # "والمستشارة الألمانية": the و joins, it is no role
    return Quoted(name=name, role=role, start=start, end=end), name_end


#: Nouns of speech: "في تصريح"، "في كلمة"، "في مؤتمر صحفي" put a person
#: named in the same sentence in the act of speaking.
_SPEECH_NOUNS = _forms(
    "تصريح", "تصريحات", "تصريحه", "تصريحاته", "تصريحها", "كلمة", "كلمته", "كلمتها", "خطاب", "خطابه",
    "مقابلة", "حديث", "حديثه", "مؤتمر", "تغريدة", "تغريدات", "رسالة", "قوله", "قولها", "بيان", "وفق",
    "بحسب", "حسب", "وفقا", "مضيفا", "مشيرا", "مؤكدا", "قائلا", "قائلاً", "موضحا", "لافتا", "متابعا",
)


def speaking(text: str, matches, words=None, quoted=None) -> set[int]:
    """The known speakers (pks of ``matches`` of kind "speaker") the text has
    speaking: named as a quoted person (:func:`find_quoted`: "وقال رئيس
    الوزراء حيدر العبادي"), or followed, in the same clause and within three
    words, by a reporting verb or a word of speech ("العبادي في تصريح",
    "العبادي قائلا"), a colon or a quotation mark. A speaker only named ("أمر
    زعيم التنظيم أبو بكر البغدادي بإعدام …") is not the article's speaker."""
    mentions = [m for m in matches if m.kind == "speaker"]
    if not mentions:
        return set()
    words = words if words is not None else _words(text or "")
    tokens, folded = words
    quoted = quoted if quoted is not None else find_quoted(text, words)
    spans = [(q.start, q.end) for q in quoted]
    # "صرح ترامب أنه": a one-word name quoted, the known speaker named in
    # full elsewhere ("الرئيس الأمريكي دونالد ترامب").
    single = {fold(q.name) for q in quoted if " " not in q.name.strip()}
    if single:
        # only a word that ends one known speaker's names in this text
        # ("سلمان" ends both الملك سلمان and محمد بن سلمان: neither by it)
        owners = {}
        for m in mentions:
            owners.setdefault(fold(text[m.start:m.end]).split()[-1], set()).add(m.pk)
        single = {w for w in single if len(owners.get(w, ())) == 1}
    starts = [t.start for t in tokens]
    verbs = [v for v, w in enumerate(folded) if w in REPORTING_VERBS or w in ROLE_VERBS]
    found = set()
    for m in mentions:
        if m.pk in found:
            continue
        if _role_speaks(tokens, folded, verbs, bisect.bisect_left(starts, m.start)):
            found.add(m.pk)
            continue
        if any(s < m.end and m.start < e for s, e in spans):
            found.add(m.pk)
            continue
        if single and fold(text[m.start:m.end]).split()[-1] in single:
            found.add(m.pk)
            continue
        # "وقال الدباغ إن": the known name right after a reporting verb.
        w = bisect.bisect_left(starts, m.start)
        if w > 0 and (folded[w - 1] in REPORTING_VERBS or (
                w > 1 and folded[w - 1] in _ADVERBS and folded[w - 2] in REPORTING_VERBS)) \
                and not any(ch in _BREAK_CHARS for ch in text[tokens[w - 1].end:m.start]):
            found.add(m.pk)
            continue
        i = bisect.bisect_left(starts, m.end)
        gap = text[m.end:starts[i]] if i < len(starts) else text[m.end:]
        if any(ch in gap for ch in ":«“") or ('"' in gap and text.count('"', 0, m.end) % 2 == 0):
            found.add(m.pk)       # a colon or an opening quotation mark; not "… قتل تيريزا ماي"
            continue
        if any(ch in _BREAK_CHARS for ch in gap) and gap.strip() not in ("،", ","):
            continue              # the sentence ends with the name: what follows is another's
        for k in range(i, min(i + 3, len(tokens))):
            if folded[k] in REPORTING_VERBS or folded[k] in ROLE_VERBS or folded[k] in _SPEECH_NOUNS:
                found.add(m.pk)
                break
            if k + 1 < len(tokens) and any(ch in _BREAK_CHARS for ch in text[tokens[k].end:tokens[k + 1].start]) \
                    and not text[tokens[k].end:tokens[k + 1].start].strip() in ("،", ","):
                break
    return found


def _role_speaks(tokens, folded, verbs, i) -> bool:
    """Does the role written right before word i ("نائب رئيس الإقليم" in
    "استقبال نائب رئيس الإقليم جعفر الشيخ مصطفى") speak elsewhere, right
    after a reporting verb ("أكد نائب رئيس الإقليم على …")?"""
    role_start = i
    while role_start > 0 and i - role_start < 4 and (
            folded[role_start - 1] in PERSON_TITLES or _has_article(tokens, role_start - 1)):
        role_start -= 1
    role = folded[role_start:i]
    if len(role) < 2 or not any(w in PERSON_TITLES for w in role):
        return False
    for v in verbs:
        k = v + 1
        if k < len(folded) and folded[k] in _ADVERBS:
            k += 1
        if k != role_start and folded[k:k + len(role)] == role:
            return True
    return False


def _named_under_speaking_role(text, words) -> list[Quoted]:
    """"وقال المبعوث الدولي لليمن إنه …" names no one: the person is the one
    the article named under that role ("مقترح المبعوث الدولي إسماعيل ولد الشيخ
    أحمد"). The earlier role must be at least two words, start with a title,
    and begin the speaking role (a longer role there is not the same person:
    "وزير الخارجية الروسي X" is not "وقال وزير الخارجية")."""
    tokens, folded = words
    n = len(tokens)
    speaking_roles = []
    for v, w in enumerate(folded):
        if w not in REPORTING_VERBS:
            continue
        k = v + 1
        if k < n and folded[k] in _ADVERBS:
            k += 1
        if k >= n or folded[k] not in PERSON_TITLES or folded[k] in UNNAMED:
            continue
        r = k
        while r < n and r - k < 6 and (folded[r] in PERSON_TITLES or _has_article(tokens, r)):
            r += 1
        # The role speaks without a name: a particle follows it ("إنه").
        if r - k >= 2 and r < n and folded[r] in STOP:
            speaking_roles.append(tuple(folded[k:r]))
    if not speaking_roles:
        return []
    broken = _Breaks(text, tokens)
    found = []
    for role in set(speaking_roles):
        for m in range(2, len(role) + 1):
            prefix = role[:m]
            for p in range(1, n - m):
                if tuple(folded[p:p + m]) != prefix or folded[p - 1] in REPORTING_VERBS \
                        or any(broken[x] for x in range(p, p + m - 1)):
                    continue
                quoted, after = _name_from(text, tokens, folded, broken, p, p + m)
                # Without a verb the name must end clearly, at a comma
                # ("إسماعيل ولد الشيخ أحمد، إرسال …"): not at a particle or a
                # full stop after whatever followed it.
                if quoted is not None and quoted.role and after < n and \
                        any(ch in "،," for ch in text[tokens[after - 1].end:tokens[after].start]):
                    found.append(quoted)
    return found


def proposals_for(text: str, matches, words=None, quoted=None) -> list[Quoted]:
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
    quoted = quoted if quoted is not None else find_quoted(text, words)
    for q in [*quoted, *_named_under_speaking_role(text, words)]:
        overlaps = [s for s, e in known_spans if s < q.end and q.start < e]
        last = q.name.rfind(" ")
        if overlaps and last > 0 and q.name[last + 1:].startswith("ل") \
                and min(overlaps) >= q.start + last + 1:
            # "قال ترامب لرويترز": the outlet after ل is the addressee, not the name's.
            q = Quoted(name=q.name[:last], role=q.role, start=q.start, end=q.start + last)
            overlaps = []
        if overlaps:
            continue
        parts = q.name.split()
        if len(parts) == 2 and fold(parts[0]) in _CONNECTORS:
            continue          # عبد الرحمن, أبو محمد: part of a name, or a kunya alone
        if len(parts) < 2:
            word = fold(q.name)
            if _has_article_text(q.name):
                continue      # "وقال العبادي": links a known speaker; the word before it elsewhere is no given name we can trust
            if any(word.endswith(p) and word[:-len(p)] in TITLES for p in _PRONOUNS):
                continue      # نائبه, مساعده: "his deputy", a role and a pronoun
            q = _full_name(text, q, words)
            if q is None or any(s < q.end and q.start < e for s, e in known_spans):
                continue          # "أميركا ترامب": the word before is a place, not a given name
        if "#" in q.name:          # "مايك #بومبيو": a hashtag is the name
            q = Quoted(name=" ".join(q.name.replace("#", " ").split()), role=q.role, start=q.start, end=q.end)
        if any(not ch.isalpha() and not ch.isspace() and ch not in "-'" for ch in q.name):
            continue          # "3058&quot": markup or figures, no name
        key = fold(q.name)
        if key not in out:
            out[key] = q
    # A shorter form of a longer name proposed here is the same person.
    keys = list(out)
    for key in keys:
        if any(other != key and other.endswith(" " + key) for other in keys):
            out.pop(key, None)
    return list(out.values())


#: A family name with the article (الزياني، العبادي) is written this many
#: times as often with the article as without; a noun or an adjective
#: (الباحثون، الصحف، الأمريكي، الكندي) is written both ways.
_FAMILY_NAME_RATIO = 8


def _family_name(word: str) -> bool:
    """Is the folded word ال… a family name, by how the corpus writes it?"""
    if len(word) < 5 or not word.startswith("ال") or word in UNNAMED:
        return False
    counts = _word_counts()
    with_article = counts.get(word, 0)
    return with_article >= 5 and counts.get(word[2:], 0) * _FAMILY_NAME_RATIO < with_article


def _name_starts(text, tokens, folded, i) -> bool:
    """Does a name begin at word i by position: after a verb, a title or
    role word? Then بدر، وليد، لؤي may be given names, not a proclitic and a
    word (if the corpus writes them more often than what the proclitic
    would leave: بدر against در, not لشركة against شركة)."""
    if i == 0 or any(ch in _BREAK_CHARS for ch in text[tokens[i - 1].end:tokens[i].start]):
        return False         # "ووجد الباحثون": a verb begins the sentence
    before = folded[i - 1]
    return before in REPORTING_VERBS or before in ROLE_VERBS or before in TITLES or _has_article(tokens, i - 1)


def _written_ali(text, tokens, folded, broken, j) -> bool:
    """Is word j the name علي (Ali), not the preposition على that it folds
    to? Written with ي and followed by more of a name (علي خامنئي)."""
    if strip_marks(tokens[j].text) != "علي" or j + 1 >= len(tokens) or broken[j]:
        return False
    nxt = folded[j + 1]
    return nxt not in STOP and nxt not in TITLES and nxt not in REPORTING_VERBS and not nxt.startswith("ضرور")


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
                    or before in ROLE_VERBS or _has_article(tokens, i - 1)
                    or (before.startswith(("و", "ل", "ب")) and not (
                        _name_starts(text, tokens, folded, i - 1) and written(before) > written(before[1:])))
                    or len(before) < 3):
                start = i - 1
        while end + 2 < len(tokens) and folded[end + 1] in _CONNECTORS and \
                not any(ch in _BREAK_CHARS for ch in text[tokens[end].end:tokens[end + 2].start]):
            end += 2
        if start != i or end != i:
            return Quoted(name=strip_marks(text[tokens[start].start:tokens[end].end]),
                          role=q.role, start=tokens[start].start, end=tokens[end].end)
    return None
