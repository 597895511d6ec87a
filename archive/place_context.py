"""Place names that are also ordinary words: tag them only with evidence.

بعقوبة is the city of Baqubah, and also ب + عقوبة, "with a punishment"
("بعقوبة الإعدام", with the death penalty); صور is Tyre and "pictures". Which
spellings are like that is measured, not listed by hand:
scripts/build_world_gazetteer.py reads the corpus and writes, into
fixtures/world_places.json, every place spelling whose proclitic-split reading
is a common word at least as frequent as the name, and every world spelling
that is a common word rarely written after في/من/إلى/مدينة. An archivist can
add more with the weak mark (~) in the admin, which asks for a second spelling.

Such a mention counts when something in the text supports the place reading:

1. a word before it that introduces a place: في، من، إلى، قرب، مدينة، محافظة،
   شمال، أهالي، مديرية، جبهة، قرى، سد، معبر … also with a proclitic ("في
   بعقوبة", "مدينة بعقوبة", "بمديرية كتاف");
2. another place named right beside it, across at most a comma or و
   ("ديالى وبعقوبة", "بعقوبة، ديالى"), or a place so supported: a list
   ("قرى الجنينة والجيعة وشمرة الحصان") is supported by its introduction;
3. the same place supported elsewhere in the article, by 1 or 2 or by a
   spelling that needs no support.

And any place, however sure, is not a place when it ends a competition's
name ("كأس آسيا", "دوري أبطال أوروبا", "بطولة أفريقيا") or is the first word of a
newspaper's name: "نيويورك تايمز", "واشنطن بوست", "ديلي ميل" (the word after
it is one of a paper's: تايمز، بوست، ميل، جورنال …), or, written with the
article, a family name right after a man's given name ("محمد الشدادي", not
the Syrian town).
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from archive.arabic import fold, strip_marks, tokenize

WORLD = Path(__file__).resolve().parent.parent / "fixtures" / "world_places.json"
#: Places found in the corpus after a place word (scripts/build_corpus_places.py):
#: every one of them needs context.
CORPUS = WORLD.with_name("corpus_places.json")

#: fold, remembered per word: every place mention of every article tagged
#: folds its alias and the words either side of it, and the same few
#: thousand recur. Bounded, so a long import's memory stays flat.
_fold_word = functools.lru_cache(maxsize=1 << 16)(fold)

#: Words that introduce a place (folded when used).
_LOCATIVE_WORDS = (
    "في", "من", "إلى", "الى", "عن", "قرب", "نحو", "حول", "داخل", "خارج", "عند", "مدينة", "المدينة",
    "بمدينة", "لمدينة", "بلدة", "قرية", "محافظة", "بمحافظة", "قضاء", "ناحية", "عاصمة", "العاصمة",
    "ولاية", "إقليم", "منطقة", "ريف", "أطراف", "مدخل", "وسط", "شمال", "جنوب", "شرق", "غرب",
    "شمالي", "جنوبي", "شرقي", "غربي", "أهالي", "سكان", "مطار", "حي", "مخيم", "بين", "زار", "وصل",
    # The kinds of place the war's news names a village, district or site by
    # ("مديرية حيس", "جبهة ميدي", "قرى الجنينة", "سد تشرين", "معبر نصيب").
    "مديرية", "مديريات", "مديريتي", "قرى", "قريتي", "بلدات", "بلدتي", "مدينتي", "منطقتي", "مناطق",
    "ناحيتي", "أقضية", "محافظات", "محافظتي", "جبهة", "جبهات", "محيط", "ضواحي", "أحياء", "أرياف",
    "ريفي", "مخيمات", "معبر", "منفذ", "سد", "قاعدة", "ميناء",
    # Junctions and bridges are named after the town they lead to ("مفرق
    # المخا", "جسر الشغور").
    "مفرق", "مثلث", "جسر", "دوار", "تقاطع",
    # Not جبل، وادي، نهر: a mountain or valley has a name of its own, and
    # "وادي اليرموك" is not the Yarmouk camp.
)
LOCATIVES = frozenset(fold(w) for w in _LOCATIVE_WORDS)
#: Proclitics a place word may carry and still introduce a place ("بمديرية",
#: "وقرية", "لمحافظة"); the mention's own proclitic never counts.
_WORD_PROCLITICS = ("و", "ف", "ب", "ل", "وب", "فب", "ول", "فل")
#: Second words of newspapers' names that begin with a place: واشنطن بوست,
#: نيويورك تايمز, لوس أنجلوس تايمز, جيروزاليم بوست, ديلي ميل.
_PAPER_WORDS = frozenset(fold(w) for w in (
    "تايمز", "تايم", "بوست", "ميل", "جورنال", "تلغراف", "هيرالد", "تريبيون", "إكسبريس", "اكسبريس",
    "غازيت", "كرونيكل", "إندبندنت", "اندبندنت", "نيوز",
))
#: Words before a place that make it a competition's name: "كأس آسيا",
#: "دوري أبطال أوروبا", "بطولة أفريقيا" name a cup, not the continent.
_COMPETITION_WORDS = frozenset(fold(w) for w in ("كأس", "بطولة", "أبطال", "دوري", "أمم"))
#: Men's given names and titles the news writes before a family name: a
#: place right after one is the family name ("محمد الشدادي", "علي الموصلي",
#: "الدكتور الركبان"), not the place.
def _light(word: str) -> str:
    """Hamza on alif and ta marbuta folded, ى kept: على (on) is not علي."""
    return strip_marks(word).translate(_LIGHT)


_LIGHT = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه"})
_GIVEN_NAMES = frozenset(_light(w) for w in (
    "محمد", "أحمد", "علي", "حسن", "حسين", "خالد", "عمر", "سعيد", "سعد", "صالح", "ناصر", "يوسف",
    "إبراهيم", "مصطفى", "محمود", "فهد", "سلمان", "عادل", "جمال", "كمال", "حمد", "حامد", "فيصل",
    "ماجد", "سلطان", "طارق", "هاني", "وليد", "نبيل", "سامي", "رامي", "زياد", "مروان", "ياسر",
    "عماد", "عصام", "أيمن", "مازن", "حيدر", "عباس", "جعفر", "قاسم", "مهدي", "رائد", "باسم",
    "بسام", "ضياء", "نوري", "فاضل", "كريم", "جاسم", "نايف", "سعود", "فالح", "قيس", "أسامة",
    "أنس", "بلال", "حمزة", "معاذ", "عثمان", "عامر", "نزار", "هشام", "وائل", "إياد", "عمار",
    # and the titles that stand before a family name ("الدكتور الركبان", "اللواء الرمادي")
    "الدكتور", "الدكتورة", "د", "المهندس", "الأستاذ", "اللواء", "العميد", "العقيد", "الفريق",
    "المقدم", "الرائد", "النقيب",
))
#: The word right before a mention, across spaces only.
_PREVIOUS_WORD = re.compile(r"(\w+)[ \t\u00a0]+$")
#: The next word after a mention, across spaces only.
_NEXT_WORD = re.compile(r"[ \t\u00a0]+(\w+)")
# Between two places named side by side: nothing, a comma, a dash.
_JOINERS = frozenset(" \t،,-–")


@functools.lru_cache(maxsize=1)
def context_required() -> frozenset[str]:
    """Folded place spellings that need supporting evidence."""
    required = set()
    for path in (WORLD, CORPUS):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        required.update(data.get("context_required", ()))
    return frozenset(required)


def needs_context(alias: str, required: frozenset[str] | None = None) -> bool:
    required = context_required() if required is None else required
    return fold(alias) in required


def supported_places(text: str, matches, required: frozenset[str] | None = None) -> list:
    """``matches`` (gazetteer Matches in text order) without the place
    mentions that need evidence and have none."""
    required = context_required() if required is None else required
    papers = [m for m in matches if m.kind == "place" and (_names_a_paper(text, m) or _named_after(text, m))]
    if papers:
        matches = [m for m in matches if m not in papers]
    places = [m for m in matches if m.kind == "place"]
    doubtful = [m for m in places if _fold_word(m.alias) in required]
    if not doubtful:
        return list(matches)
    sure = [m for m in places if _fold_word(m.alias) not in required]
    supported = {m.pk for m in sure}
    backing = list(sure)
    for m in doubtful:
        if m.pk in supported or _introduced(text, m) or _beside_place(text, m, sure):
            supported.add(m.pk)
            backing.append(m)
    # A list passes its evidence along: in "مديريات المنصورية وبيت الفقيه
    # والتحيتا" the first is introduced, the others stand beside it.
    grew = True
    while grew:
        grew = False
        for m in doubtful:
            if m not in backing and (m.pk in supported or _beside_place(text, m, backing)):
                supported.add(m.pk)
                backing.append(m)
                grew = True
    return [m for m in matches if m.kind != "place" or m.pk in supported]


def _names_a_paper(text: str, match) -> bool:
    """Is the mention the start of a newspaper's name (واشنطن بوست)?"""
    after = _NEXT_WORD.match(text, match.end)
    return after is not None and _fold_word(after.group(1)) in _PAPER_WORDS


def _named_after(text: str, match) -> bool:
    """Does the word before make the mention part of another name: the end
    of a competition's (كأس آسيا، دوري أبطال أوروبا, also بكأس) or, written
    with the article, a family name after a given name ("نائب رئيس مجلس
    النواب محمد الشدادي")?"""
    before = _PREVIOUS_WORD.search(text, max(0, match.start - 30), match.start)
    if before is None:
        return False
    word = _fold_word(before.group(1))
    if word in _COMPETITION_WORDS or any(
            word.startswith(p) and word[len(p):] in _COMPETITION_WORDS for p in _WORD_PROCLITICS):
        return True
    if not _fold_word(text[match.start:match.end]).startswith("ال"):
        return False
    word = _light(before.group(1))
    return word in _GIVEN_NAMES or (word.startswith("و") and word[1:] in _GIVEN_NAMES)


def _introduced(text: str, match) -> bool:
    """Rule 1: the word before the mention, in the same clause, introduces a
    place. (An attached proclitic does not: وبعقوبة is still و + ب + عقوبة.)"""
    before = tokenize(text[max(0, match.start - 40):match.start])
    if not before:
        return False
    last = before[-1]
    # Only the same clause: "... في. بعقوبة" does not count.
    gap = text[max(0, match.start - 40):match.start][last.end:]
    if any(ch in ".؟?!:؛;\n" for ch in gap):
        return False
    return is_locative(last.text)


def is_locative(word: str) -> bool:
    """Does ``word`` introduce a place, with or without a proclitic?"""
    word = fold(word)
    if word in LOCATIVES:
        return True
    return any(word.startswith(p) and word[len(p):] in LOCATIVES and len(word) - len(p) >= 2
               for p in _WORD_PROCLITICS)


def _beside_place(text: str, match, sure) -> bool:
    """Rule 2: a place needing no evidence right before or after."""
    for other in sure:
        if other.end <= match.start:
            between = text[other.end:match.start]
        elif other.start >= match.end:
            between = text[match.end:other.start]
        else:
            continue
        rest = between.strip("".join(_JOINERS))
        if rest in ("", "و"):
            return True
    return False
