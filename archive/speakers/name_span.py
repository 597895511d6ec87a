"""Where a person's name ends: the words after a role, up to a particle, a
title, a verb, punctuation or a word that cannot be a name's (a preposition
and the article, a noun with the tanween's alif, a blessing)."""
from __future__ import annotations

from archive.arabic import fold, strip_marks, written
from archive.speakers.given_names import common_noun
from archive.speakers.reading import (
    Quoted, _article_written_name, _family_name, _has_article, _proclitic_word, _written_ali, _written_with_article,
)
from archive.speakers.vocabulary import (
    PERSON_TITLES, REPORTING_VERBS, ROLE_VERBS, STOP, TITLES, UNNAMED, _CONNECTORS, _INNER_TITLES,
    _MAX_NAME_WORDS, _MAX_ROLE_WORDS, _PRONOUN_ENDS, _SPOKESMAN,
)

_AL = fold("آل")
_GOD = fold("الله")
#: "that": after these no role can begin ("داوود أمين أن").
_THAT = frozenset(fold(w) for w in ("أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها"))


def _indefinite_accusative(word: str) -> bool:
    """مؤتمرا، تعليقا: a noun with the tanween's alif, by the corpus counts
    (the word without it written at least 200 times and five times as
    often); غارسيا، ماريا، رضا are names."""
    if len(word) < 4 or not word.endswith("ا"):
        return False
    bare = written(word[:-1])
    return bare >= 200 and bare >= 5 * written(word)



def _name_from(text, tokens, folded, broken, role_start, j, object_follows=False):
    """The name starting at token j, its role being tokens role_start..j-1.
    ``object_follows``: after a verb such as وصف or أعلن, what it says comes
    right after the name ("وصف الرئيس إيمانويل ماكرون الحادث"), so a word
    with the article after two plain words starts the object, not the name."""
    n = len(tokens)
    if j >= n:
        return None, j   # the role ran to the end of the text: no name follows
    # 2. The name: starts with a word without the article.
    first = folded[j]
    ali = first in STOP and _written_ali(text, tokens, folded, broken, j)   # علي the name, not على
    if (first in STOP and not ali) or first in TITLES or first in REPORTING_VERBS or len(first) < 2 \
            or _has_article(tokens, j) and not _article_written_name(tokens, folded, j):
        return None, j
    if j == role_start and len(first) > 4 and (first.endswith("ات") and _written_with_article(first)
                                               or first.endswith("تان") and len(first) > 5):
        return None, j       # "تحدثت محطات تلفزيونية", "جماعتان سياسيتان": a plural or a dual, no person
    name_end = j + 1
    preposition_after = False
    while name_end < n and name_end - j < _MAX_NAME_WORDS and not broken[name_end - 1]:
        w = folded[name_end]
        if w.endswith("ه") and name_end + 1 < n and folded[name_end + 1] == _GOD:
            preposition_after = True
            break          # "أحمد شوقي رحمه الله": a blessing ends the name
        if folded[name_end - 1] in _CONNECTORS or w == _GOD:
            name_end += 1         # عبد الله, أبو بكر, عطاء الله: the word after a connector is the name's
            continue
        if w in _INNER_TITLES and name_end + 1 < n and not broken[name_end] \
                and not _has_article(tokens, name_end + 1) and folded[name_end + 1] not in STOP \
                and folded[name_end + 1] not in TITLES and folded[name_end + 1] not in REPORTING_VERBS:
            name_end += 2     # جعفر الشيخ مصطفى, إسماعيل ولد الشيخ أحمد: a family name
            continue
        if w in PERSON_TITLES and w not in UNNAMED and not _has_article(tokens, name_end) \
                and (name_end + 1 >= n or broken[name_end] or folded[name_end + 1] in _THAT):
            name_end += 1     # "داوود أمين أن": no role begins right before "أن"; a name's word
            continue
        if w in TITLES and name_end == j + 1 and _has_article(tokens, name_end) and w not in UNNAMED \
                and (name_end + 1 >= n or broken[name_end] or folded[name_end + 1] in _THAT):
            name_end += 1     # "اللواء سمير الحاج، أن": a title word as the family name
            break
        if w in STOP or w in TITLES or w in REPORTING_VERBS or w in _SPOKESMAN \
                or w.startswith("و") and w in ROLE_VERBS:
            break          # "وفقا للنائب إد رويس ويوضح النص": و and a verb begin a clause
        if name_end - j >= 2 and folded[name_end - 2] == _AL:
            break          # "نبيه آل إبراهيم الجريمة", "هذيل آل شرمة بنجاح": the family name is complete
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
        if tokens[name_end].text.startswith(("بال", "لل")) and _has_article(tokens, name_end):
            preposition_after = True
            break          # "يوسف ميرزا بالمعسكر", "للإغاثة": a preposition and the article end the name
        if _proclitic_word(w):
            break          # "عباس بأول تصريح": ب + a word, not the name's
        if _indefinite_accusative(w):
            break          # "وأبلغ فينغر مؤتمرا صحفيا", "تعليقا على": a noun with its tanween, no name's word

        name_end += 1
    # After a verb such as أشاد or a subject's title, the object begins at a
    # word with the article after the name ("وحضر الدكتور X الحربي الاجتماع").
    trimmed = False
    if object_follows:
        for p in range(j + 2, name_end):
            if folded[p - 2] in _CONNECTORS or folded[p - 2] == _GOD:
                continue      # "إبراهيم بن سليمان الحفظي": a full name's family name, not the object
            if _has_article(tokens, p) and folded[p - 1] not in _CONNECTORS:
                name_end, trimmed = p, True
                break
    # Two words with the article in a row are a body's name, not a person's
    # ("جمعيات الصحافيين الإسبان"; a person has one: بشار الأسد).
    if any(_has_article(tokens, p) and _has_article(tokens, p + 1) and folded[p - 1] not in _CONNECTORS
           for p in range(j + 1, name_end - 1)):
        return None, name_end
    if any(ch.isdigit() for ch in text[tokens[j].start:tokens[name_end - 1].end]):
        return None, name_end          # "يعيش هنا 651 نسمة"
    if trimmed and common_noun(first):
        return None, name_end          # "دعا رئيس المنظمة حقوق الإنسان …": a noun, then the object
    ends_clearly = trimmed or preposition_after or name_end >= n or broken[name_end - 1] or folded[name_end] in STOP \
        or folded[name_end] in TITLES or folded[name_end] in REPORTING_VERBS
    if not ends_clearly:
        # "العقيد شبنان بن مبارك القرني تعدد الحوادث": the name ends at a
        # family name when what follows is a noun and its complement
        for p in range(name_end - 1, j, -1):
            if _has_article(tokens, p) and _family_name(folded[p]) and not _has_article(tokens, p + 1) \
                    and p + 2 < n and _has_article(tokens, p + 2) and not broken[p + 1]:
                name_end, ends_clearly = p + 1, True
                break
    if not ends_clearly:
        return None, name_end
    if first.startswith("لل") or (first.startswith(("ل", "و")) and len(first) > 3 and written(first[1:]) > written(first)) \
            or _proclitic_word(first) or first.endswith(("ها", "هم", "هما")) and len(first) > 4 \
            or first[:1] in "بلوف" and first[1:] in STOP:      # "بأي اتفاق": a particle, no name
        return None, name_end      # لحقوق، لوكالة، وقيادتها: a preposition, a conjunction or a pronoun, not a name
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
