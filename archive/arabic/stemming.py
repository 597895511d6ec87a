"""The broad term of a folded word (:func:`broad_stem`): Lucene's light stemmer,
told by the archive's vocabulary (:mod:`archive.arabic.lexicon`) which strips are safe."""
from __future__ import annotations

from archive.arabic.inflection import (
    _accusative_base, _alef_maqsura_reading, _name_ending, _name_marbuta, _varied_ending,
)
from archive.arabic.lexicon import (
    _arabic_letters_only, _free, _merge_table, _name_endings, _name_words, _plural_readings,
    _with_article, _word_counts, _written_as_noun,
)
from archive.arabic.lucene_stem import _STEM_SUFFIXES, stem
from archive.arabic.normalise import _as_text
from archive.arabic.spellings import _HAMZA, _canonical
from archive.arabic.stopwords import STOPWORDS

_ARTICLE_FORMS = ("افبال", "وبال", "فبال", "وكال", "فكال", "ولل", "فلل",
                  "وال", "فال", "بال", "كال", "لل", "ال")
_PROCLITICS = ("و", "ف")
#: Prepositions written onto the next word: bi- "with, in", li- "for, to",
#: ka- "like, as". Alone or after و/ف (وبحسب, فلمسؤولي, وكمراقب).
_PREPOSITIONS = ("ب", "ل", "ك")
#: The future's س on an imperfect verb (سيقول, ستتاح, سنعمل), alone or
#: after و/ف (وسيعقد). Not before ا: first-person futures (سأعمل) are rare
#: in news, and ساعد "helped" is no س + أعد.
_FUTURE = "س"
_IMPERFECT = ("ي", "ت", "ن")
#: Verb endings: a word that is another word plus one of these (كسبت is
#: كسب + ت, not ك + سبت "Saturday") keeps its first letter.
_VERB_ENDINGS = ("ت", "ا", "ن", "وا", "نا", "تم", "تا")
_PRONOUNS = ("هما", "كما", "ها", "هم", "هن", "كم", "نا", "ه", "ي")
_TEH = "\u062a"          # ت: ة written before a suffix
_FOLDED_TEH_MARBUTA = "\u0647"   # ة after fold
_DUAL_TEH = "\u062a\u064a"      # تي: a ة word's dual before a pronoun (مدينتيها)
_NISBA = "\u064a"               # ي: the nisba ending (عراقي), and ية before it
#: A reading of a word is taken only if its base is written this often.
_MIN_FREE = 5
#: ... and at least this share of the word's own count (so يفهم is not يف + هم).
_MIN_BASE_SHARE = 0.25
#: ... or this share, for a noun after ب ل ك (بشكل, بسبب: set phrases).
_MIN_NOUN_SHARE = 0.1
#: A dual ان is not stripped from a word far commoner than what it leaves
#: (لبنان is not the dual of لبن).
_MAX_DUAL_RATIO = 2
#: A word beginning with ال is the article and a word where that word is
#: written alone this many times as often as the whole with a second article
#: (الغاز: غاز 704, الألغاز 42).
_ARTICLE_READING_RATIO = 10
#: A word beginning with و or ف written after the conjunction و at least
#: this share as often as alone has that letter as its own (_takes_outer_clitic).
_MIN_OUTER_SHARE = 0.02
#: A ة word written after the article this many times as often as the word
#: without ة is a word of its own, not that word's feminine (see _own_marbuta).
_OWN_MARBUTA_RATIO = 10


def _own_marbuta(counts: dict, word: str, nouns: bool = True) -> bool:
    """Is ``word`` (folded, ending in ه) a ة word of its own, which keeps its
    ة: one the corpus writes after the article (so the ه is a ة, never the
    pronoun, which takes no article), while what is left without it is no
    noun or adjective (never written after the article: حياة is not حيا,
    قادة not قاد) or one written after the article far less often (مدينة
    is not مدين "debtor", شركة not شرك, منطقة not منطق, بطولة not بطول)?
    Or, where both are written about as often, one the corpus writes as a
    noun (:func:`~archive.arabic.lexicon._written_as_noun`: الدورة is not الدور, الحالة not الحال); a
    feminine adjective and its masculine (الكبيرة/الكبير, المسلحة/المسلح)
    are one word: it loses the ة, as in Lucene. ``nouns=False`` asks the
    counts of the article forms only."""
    own = _with_article(counts, word)
    if own < _MIN_FREE:
        return False
    masculine = _with_article(counts, word[:-1])
    if masculine < _MIN_FREE or own >= _OWN_MARBUTA_RATIO * masculine:
        return True
    return nouns and _written_as_noun(word)


def _unsuffixed(word: str, marbuta: bool = False) -> list[str]:
    """``word`` without a possessive pronoun (ها هم هما هن كم كما نا ه ي), and,
    where what is left ends in ت, also with that ت read as ة (حكومتها:
    حكومت and حكومه), or in تي, the dual before a pronoun, with that read
    as ة (مدينتيها, طائرتيه: مدينه, طاءره). A word typed with a final ة
    (``marbuta``) has no pronoun ه: بمظاهرة is ب + مظاهرة, never ب +
    مظاهر + ه (folding writes both ه)."""
    readings = []
    for suffix in _PRONOUNS:
        if marbuta and suffix == _FOLDED_TEH_MARBUTA:
            continue
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            rest = word[: -len(suffix)]
            readings.append(rest)
            # رماه, مستواه: رمى, مستوى (not before ي "my": وراي is و + رأي)
            maqsura = _alef_maqsura_reading(rest) if suffix != _NISBA else None
            if maqsura is not None:
                readings.append(maqsura)
            if rest.endswith(_TEH) and len(rest) >= 3:
                readings.append(rest[:-1] + _FOLDED_TEH_MARBUTA)
            elif rest.endswith(_DUAL_TEH) and len(rest) >= 4:
                if suffix != _NISBA and len(rest) >= 5:
                    # A word takes one pronoun: مدينتيها is no مدينتي "my
                    # city" + ها, so only the dual's ة word is read (of a
                    # shorter word, the commoner reading: جثتيهما is جثة,
                    # بيتيها بيت).
                    readings.remove(rest)
                readings.append(rest[:-2] + _FOLDED_TEH_MARBUTA)
    return readings


def _readings(counts: dict, rest: str, marbuta: bool | None) -> list[str]:
    """What is left after a proclitic, whole and without a pronoun; with a
    final ه typed so (``marbuta`` False) on a word the corpus writes after
    the article, not whole: ومكانه, لبلده are مكان, بلد + ه, never
    مكانة, بلدة."""
    if rest in _merge_table()[0] or rest[1:] in _merge_table()[0] and rest[:1] in _PREPOSITIONS:
        return [rest]       # a word the merge model keeps whole (ياتي, بتسعي)
    whole = [] if marbuta is False and _pronoun_on_word(counts, rest) else [rest]
    return whole + _unsuffixed(rest, marbuta)


def _respelled(counts: dict, readings: list[str]) -> list[str]:
    """``readings`` and, after them, the spelling :func:`_canonical` reads
    each that has a hamza as, where that differs (لمسؤليها: مسؤلي, and so
    مسؤولي). Only those: a reading is what is left of a word, and what is
    left of فورا, احيانا, سيأتي is no وراء, أحياء, سيئة."""
    more = [c for c in (_canonical(counts, r, seats=False) for r in readings if _HAMZA in r)
            if c not in readings]
    return readings + more if more else readings


def _best(counts: dict, word: str, readings: list[str],
          share: float = _MIN_BASE_SHARE) -> str | None:
    """The reading written most often, if it is written often enough."""
    best, best_free = None, 0
    for reading in readings:
        free = _free(counts, reading)
        if free > best_free:
            best, best_free = reading, free
    if best is None or best_free < max(_MIN_FREE, share * counts.get(word, 0)):
        return None
    return best


def _strip_suffixes(counts: dict, word: str) -> str:
    """Lucene's suffix loop (ها ان ات ون ين يه ية ه ة ي, in that order), except
    that ان ين ون go only where the corpus varies the ending
    (:func:`_varied_ending`: البحرين keeps its ين) and what is left is a
    word of its own (3 letters or more, written alone): مكان is not مك + ان
    (which would meet مكة), nor سكان سك + ان; and a dual or plural of a ة
    word (الدولتين, المدينتان) is read as that word (دولة, مدينة). And no stem of two letters from ة, ي or ات, which would meet another
    word: سنة is not سن "age", مدة not مد, بنات not بن, دبي not دب (a
    plural of two letters and ات is read as its ة word where the corpus
    writes it: قوات is قوة, لغات لغة). ية is the nisba ي's feminine
    (حكومية is حكومي), and ي comes off only where what is left is a word
    written at least a quarter as often (عراقي is عراق, امني امن, but
    كرسي is no كرس, سوري no سور "wall", حماية no حماة).

    A ة word of its own (:func:`_own_marbuta`) keeps its ة, and its ات
    plural (شركات) and a nisba stripped to it are read as that word; so is
    an ات plural whose contexts are the ة word's
    (:func:`~archive.arabic.lexicon._plural_readings`: عينات is عينة
    "sample", no عين "eye"; لاعبات stays لاعب); آت is read as the plural
    of أة (منشآت: منشأة). A gazetteer name ending as a dual, plural or
    nisba does keeps its ending unless the corpus declines it so
    (:func:`_declined`: سوران, القصرين stay whole; الحوثيين is حوثي), and
    ان ين ون stay on a word written with ة after the article (مسكين:
    المسكينة; a plural's ending takes no ة)."""
    if word in _merge_table()[0] or (word in _name_endings() and not _declined(counts, word)):
        return word         # سوران, قصرين, شدادي: names, no dual of سور
    base = _accusative_base(counts, word)
    if base is not None:
        return _strip_suffixes(counts, base)    # فرعا, سؤالا: فرع, سؤال
    for suffix in _STEM_SUFFIXES:
        if len(word) < len(suffix) + 2 or not word.endswith(suffix):
            continue
        rest = word[: -len(suffix)]
        if suffix in ("يه", "ية"):
            if _own_marbuta(counts, word):
                continue            # a ية noun: المسؤولية is no مسؤول, الشخصية no شخص
            rest = word[:-1]        # the nisba's ي decides below
        elif suffix in ("ه", "ة") and (len(rest) < 3 or _own_marbuta(counts, word)):
            continue
        elif suffix == "ات" and len(rest) < 3:
            if _free(counts, rest + _FOLDED_TEH_MARBUTA) < _MIN_FREE:
                continue
            rest += _FOLDED_TEH_MARBUTA   # قوات: قوه, and so قوة
        elif suffix == "ات" and word in _plural_readings():
            rest += _FOLDED_TEH_MARBUTA   # عينات, عربات: عينة, عربة, told by their contexts
        elif suffix == "ات" and _own_marbuta(counts, rest + _FOLDED_TEH_MARBUTA,
                                             _commoner_marbuta(counts, rest)):
            rest += _FOLDED_TEH_MARBUTA   # شركات, الدورات: شركة, دورة, which keep their ة
        elif suffix == "ات" and len(word) >= 5 and _free(
                counts, word[:-1] + _FOLDED_TEH_MARBUTA) >= max(_MIN_FREE, _free(counts, rest)):
            rest = word[:-1] + _FOLDED_TEH_MARBUTA    # آت for أة: منشآت, مفاجآت → منشأة, مفاجأة
        elif suffix == _NISBA and (len(rest) < 3 or _free(counts, rest) < max(
                _MIN_FREE, _MIN_BASE_SHARE * _free(counts, word))):
            continue
        elif suffix == _NISBA and _own_marbuta(
                counts, rest + _FOLDED_TEH_MARBUTA, _commoner_marbuta(counts, rest)):
            # وزاري: وزارة, دولي: دولة, تجاري: تجارة, which keep their ة;
            # but العالمي is عالم, whatever العالمة is: a nisba goes to a
            # ة noun only where the noun is written at least a quarter as
            # often as the word without ة.
            rest += _FOLDED_TEH_MARBUTA
        if suffix in ("ان", "ين", "ون"):
            # A plural or dual ending is one of a set (مقاتلون/مقاتلين,
            # طرفان/طرفين): an ending the corpus never varies is part of
            # the word (البحرين, الزيتون, شاهين, سلمان).
            # (A verb's ون is not a noun's: يقولون has no يقولين.)
            if not _varied_ending(counts, word, rest, suffix):
                continue
            if _with_article(counts, word + _FOLDED_TEH_MARBUTA) >= _MIN_FREE:
                # A plural's or a dual's ending takes no ة: where the corpus
                # writes the word + ة after the article (المسكينة, المكانة,
                # الحصانة), the ending is the word's own (مسكين is no
                # plural of مسك "musk").
                continue
            marbuta = rest[:-1] + _FOLDED_TEH_MARBUTA
            if (rest.endswith(_TEH) and len(rest) >= 3
                    and _free(counts, marbuta) >= max(_MIN_FREE, _free(counts, rest))):
                rest = marbuta
            elif len(rest) < 3 or _free(counts, rest) < _MIN_FREE:
                continue
            elif suffix == "ان" and _free(counts, word) > _MAX_DUAL_RATIO * _free(counts, rest):
                continue
            elif suffix != "ين" and _name_ending(counts, word, rest):
                continue        # حمدان, فرعون: no dual or plural of حمد, فرع
        word = rest
    return word


#: A name that ends as a plural or a dual does is one where the corpus
#: writes another of those endings at least this share as often (الحوثيين
#: 5,833, الحوثيون 1,309: a people's name declined as a plural).
_MIN_DECLINED_SHARE = 0.1
#: ... and at least this often: a people's name declined so is common, and a
#: name's rare neighbour (سوران 8, سورين 16: Sorin) is no paradigm.
_MIN_DECLINED = 50


def _declined(counts: dict, word: str) -> bool:
    """Is a gazetteer name ending as a plural or a dual does (حوثيين) one
    the corpus declines so: another of ان ين ون on the same stem written at
    least :data:`_MIN_DECLINED_SHARE` as often? Or, ending in a nisba's ي,
    an adjective: one whose feminine ية is written at least half as often
    (an adjective agrees: المالي beside المالية 2.4 times as often, الجراحي
    beside الجراحية; a place's name has none: الشدادي, حولي, الرمادي
    0.13)? (Names ending in a plural's ات are not listed: الإمارات is
    read as إمارة.)"""
    if word.endswith(_NISBA):
        return _free(counts, word[:-1] + "يه") >= max(_MIN_FREE, 0.5 * _free(counts, word))
    for suffix in ("ين", "ون", "ان"):
        if word.endswith(suffix):
            stem_ = word[: -len(suffix)]
            return any(_free(counts, stem_ + other) >= max(_MIN_DECLINED, _MIN_DECLINED_SHARE * _free(counts, word))
                       for other in ("ين", "ون", "ان") if other != suffix)
    return False


def _commoner_marbuta(counts: dict, rest: str) -> bool:
    """Is ``rest`` + ة written after the article at least a tenth as often
    as ``rest`` (:data:`_OWN_MARBUTA_RATIO`, the other way round)? Only
    then may a plural's ات or a nisba go to a ة noun told by the counts of
    its contexts (الدورات: دورة, الفقرات: فقرة; but القرارات is قرار,
    العالمي عالم, whatever a rare القرارة or العالمة is)."""
    return (_OWN_MARBUTA_RATIO * _with_article(counts, rest + _FOLDED_TEH_MARBUTA)
            >= _with_article(counts, rest))


def broad_stem(folded_word: str, marbuta: bool | None = None) -> str:
    """The broad term of a folded word: Lucene's light stemmer (:func:`stem`),
    steered by how often words are written (:data:`WORD_COUNTS_PATH`).

    1. **The article**, with what may stand before it, stacked or not (ال
       وال فال بال كال لل, and وبال فبال وكال فكال ولل فلل أفبال): وبالمقابل
       and المقابل, وللمرة and المرة meet. At least 2 letters stay, as in Lucene.
       لل is read as ل + a word beginning with ل when that word is the
       commoner (للبنان is ل + لبنان, not ل + ال + بنان).
    2. **A word of its own stays whole**: a word written after the article
       (الوطن, الوزارة, الفكرة, الوحدة) loses no proclitic and no pronoun, so
       وطن is not و + طن, فكرة not ف + كرة, وزارة not و + زارة.
    3. **Otherwise a pronoun** (ها هم هما هن كم كما نا ه) comes off if what is
       left is a word written alone or after the article, ت (and the dual's
       تي) read as ة where that is the word (حكومتها → حكومة, مدينتيها →
       مدينة, مدربهم → مدرب, وطنه → وطن), and
       at least a quarter as often as the whole word (يفهم is not يف + هم).
    4. **Or a proclitic** و or ف (and then a pronoun) on the same terms
       (فقرر → قرر, وقال → قال), and/or a preposition ب ل ك
       (:func:`_unprepositioned`: ببغداد, وبحسب, ولقواتها → قوات, but
       كسبت is not ك + سبت); a word the counts do not know loses و as
       Lucene has it.
    5. **Lucene's suffix loop**, ان ين ون guarded, no stem of two letters
       from ة ي ات, the nisba ي kept where what is left is no word of
       its own, and a ة word of its own keeping its ة (see _strip_suffixes
       and _own_marbuta: مدينة is no مدين).
    Before step 5 a word without the article also loses the future's س
    (سيقول → يقول) and a past verb its ت (أبلغته → أبلغ), see
    _without_future and _without_verb_teh.

    Step 0, first, and again on what steps 1 and 4 leave: a hamza word
    spelled another way is read as the spelling the corpus writes far more
    often (:func:`_canonical`: هيأة → هيئة, مبادىء → مبادئ, مسؤل → مسؤول;
    in a word the corpus does not write, also a seat without its hamza:
    القايد → القائد, سوال → سؤال).

    ``marbuta``: typed with a final ة (so that ه is no pronoun, see
    _unsuffixed); ``False``: typed with a final ه, which the corpus almost
    never writes for ة (0.9% after the article): مكانه, دوره are مكان, دور
    + ه, though مكانة, دورة are words; ``None``: not known (folded input).
    A word the merge model keeps whole (lexicon.MERGES_PATH) stays whole
    in every form. Without the word counts, this is :func:`stem`.
    """
    word = _as_text(folded_word)
    counts = _word_counts()
    if not counts or not _arabic_letters_only(word):
        return stem(word)
    # A seat without its hamza is read only in a word the corpus does not
    # write, alone or after the article: what is left of a word it writes
    # (الالفية: الفية) is no misspelling (of الفئة).
    seats = _free(counts, word) == 0
    word = _canonical(counts, word)                 # step 0: هيأة → هيئة
    if word in _merge_table()[0]:
        return word         # kept whole by the merge model, in every form
    if (_with_article(counts, word) >= _MIN_FREE and not _article_reading(counts, word)
            or word in _name_words()):
        if marbuta is False and _pronoun_on_word(counts, word):
            return _strip_suffixes(counts, word[:-1])   # مكانه, والده: مكان, والد + ه
        return _stripped(counts, word, marbuta)     # step 2: والدة, بالغ, بالتيمور stay whole
    for form in _ARTICLE_FORMS:
        if word.startswith(form) and len(word) - len(form) >= 2:
            rest = word[len(form):]
            if _unattested_layer(counts, word, form, rest):
                break       # كاليفورنيا, وباليرمو: no ك + ال + يفورنيا
            # لل is ل + ال (للغاية) or ل + a word beginning with ل (للبنان).
            if form.endswith("لل") and _free(counts, "ل" + rest) > _free(counts, rest):
                rest = "ل" + rest
            spelled = _canonical(counts, rest, True, seats)     # الهدو: هدوء
            if (spelled == rest + _HAMZA and word.endswith("ا")
                    and _with_article(counts, word[:-1]) >= _MIN_FREE):
                # A word of its own with the accusative ا: بالغا is no
                # بال + غا, which would be إلغاء.
                return _strip_suffixes(counts, word)
            return _stripped(counts, spelled, marbuta)
    rest = _unattached(counts, word, marbuta)
    if rest != word:
        rest = _canonical(counts, rest, seats=seats)    # وبمبادىء: مبادئ
    return _stripped(counts, _without_verb_teh(counts, rest), marbuta)


def _unattested_layer(counts: dict, word: str, form: str, rest: str) -> bool:
    """Would reading ``form`` (an article, alone or after و ف ب ك ل) off
    ``word`` leave a layer the corpus does not write? A stacked clitic is
    peeled only where each layer left is a written form: كاليفورنيا
    (823 times) is no ك + ال + يفورنيا (written 0 times, alone or after
    the article), and وباليرمو is و + باليرمو (Palermo, 40), no و + ب + ال
    + يرمو (يرمو is written only as باليرمو). Asked only of words the
    corpus writes; what it does not know is read as Lucene reads it. لل is
    always peeled: it is ل + ال or ل + a word beginning with ل (للبنان),
    and a word is rarely written so."""
    if counts.get(word, 0) < _MIN_FREE or form.endswith("لل"):
        return False    # لل: ل + ال or ل + a word beginning with ل, both peel
    if form[0] in _PROCLITICS and _takes_outer_clitic(counts, word):
        return True     # فالكاو (Falcao: وفالكاو), no ف + ال + كاو
    # The other reading must be a written word too: the word without its
    # و or ف (كاليفورنيا in وكاليفورنيا) or the word itself (كاليفورنيا).
    if form[0] in _PROCLITICS and len(form) > 3 and counts.get(word[1:], 0) < _MIN_FREE:
        return False    # والقنوط: القنوط is as rare, so و + ال + قنوط
    if form in ("ال", "وال", "فال", "بال"):
        # The article alone: the reading is the word's own. بال + a noun
        # written only so is a set phrase (بالمرصاد, بالتراضي, بالإنابة),
        # kept as Lucene reads it.
        return False
    # Alone, after another article form or with an ending (والزخارف,
    # تدريجيا, مجانا beside بالزخارف, بالتدريج, بالمجان); not after the
    # article form in question.
    layer = sum(counts.get(f, 0) for f in (
        rest, rest + "ا", rest + _NISBA, rest + "يا", rest + "ه", rest + "ها",
        *(other + rest for other in ("ال", "وال", "فال", "بال", "كال", "لل")
          if other == "ال" or not form.endswith(other))))
    return layer < _MIN_FREE


def _takes_outer_clitic(counts: dict, word: str) -> bool:
    """Does the corpus write ``word`` (beginning with و or ف) after the
    conjunction و (ووافق, وفتحت, وفورد)? Arabic writes no و before another
    و or ف, so there the و or ف is the word's own letter: وافق "agreed" is
    no و + أفق "horizon", فتحت "opened" no ف + تحت, فورد (Ford) no ف + ورد,
    فردا no ف + ردا. (Only و: a ب ل ك before و is as often the first
    letter of a name, بوروسيا, لوكاس, كونور.) A slip or two is no
    evidence: و + the word must be written :data:`_MIN_FREE` times and at
    least :data:`_MIN_OUTER_SHARE` as often as the word."""
    return counts.get("و" + word, 0) >= max(_MIN_FREE, _MIN_OUTER_SHARE * counts.get(word, 0))


def _article_reading(counts: dict, word: str) -> bool:
    """Is a word beginning with ال that the corpus also writes after the
    article (الغاز: ألغاز "riddles", الألغاز 42 times) far more often the
    article and a word (غاز "gas", written alone 704 times): what is left
    written alone at least :data:`_ARTICLE_READING_RATIO` times as often as
    the word with a second article? Then it is read as ال + that word, as
    the other forms of غاز are (not where what is left is a stop word:
    الوان is ألوان, no ال + وإن; nor of two letters: البي)."""
    rest = word[2:]
    return (word.startswith("ال") and len(rest) >= 3 and rest not in STOPWORDS
            and counts.get(rest, 0) >= _ARTICLE_READING_RATIO * _with_article(counts, word))


def _stripped(counts: dict, word: str, marbuta: bool | None) -> str:
    """:func:`_strip_suffixes`, but a name typed with a final ة keeps it
    (:func:`~archive.arabic.inflection._name_marbuta`: جبلة, ونورة)."""
    if marbuta and _name_marbuta(counts, word):
        return word
    return _strip_suffixes(counts, word)


def _pronoun_on_word(counts: dict, word: str) -> bool:
    """Is a final ه, typed so, the pronoun on a word the corpus writes after
    the article (مكانه: مكان, دوره: دور), not part of the word (وجه, اتجاه)?"""
    return (word.endswith(_FOLDED_TEH_MARBUTA) and len(word) >= 4
            and _with_article(counts, word[:-1]) >= _MIN_FREE)


def _without_verb_teh(counts: dict, word: str) -> str:
    """A past verb without its ت (she, I, you: أبلغت, أبلغته → أبلغ,
    أكدت → أكد), where the verb is written at least a quarter as often and
    the word is no noun: one the corpus writes after the article keeps its
    ت (وقت, بيت, صوت), and so does a plural's ات (قوات), a name
    (بيروت is no بيرو: what is left must be a verb, never written after
    the article) and a verb that is also a ة noun's spelling before a
    suffix (جلبتهم, قتلتهم: جلبة and قتلة are written after the article,
    and the two readings would meet the noun)."""
    if (len(word) < 4 or not word.endswith(_TEH) or word.endswith("ات")
            or _with_article(counts, word) >= _MIN_FREE
            or _with_article(counts, word[:-1]) >= _MIN_FREE
            or _with_article(counts, word[:-1] + _FOLDED_TEH_MARBUTA) >= _MIN_FREE):
        return word     # ... nor where a ة noun is written so: جلبت, قتلت (جلبة, قتلة)
    return _best(counts, word, [word[:-1]]) or word


def _unattached(counts: dict, word: str, marbuta: bool = False) -> str:
    """Steps 3 and 4 of :func:`broad_stem`, on a word without the article,
    and the future's س after them (:func:`_without_future`); و or ف and
    the future stacked come off together, judged by the verb's count
    (وسيزود, وستهبط: يزود, تهبط, though سيزود is too rare to judge by)."""
    if len(word) >= 5 and word[0] in _PROCLITICS and word[1] == _FUTURE and word[2] in _IMPERFECT:
        verb = _without_future(counts, word[1:], word)
        if word.endswith("ا") and _with_article(counts, word[:-1]) >= _MIN_FREE:
            verb = word[1:]     # وسيطا is وسيط with the accusative ا
        # (Not where what is left is a noun too: وستهام is West Ham, no تهام.)
        if verb != word[1:] and _with_article(counts, verb) < _MIN_FREE:
            return verb if verb in _merge_table()[0] else _unclitic(counts, verb, marbuta)
    return _without_future(counts, _unclitic(counts, word, marbuta), word)


def _without_future(counts: dict, word: str, whole: str) -> str:
    """An imperfect verb without the future's س (سيقول → يقول, وستتاح →
    تتاح, سيتم → يتم), if the verb without it is written at least a
    quarter as often as the whole word (``whole``). A word the corpus writes
    after the article is a word of its own (سيارة, سياسة, ستين are no
    verbs)."""
    if (len(word) < 4 or not word.startswith(_FUTURE) or word[1] not in _IMPERFECT
            or _with_article(counts, word) >= _MIN_FREE
            or word.endswith("ا") and _with_article(counts, word[:-1]) >= _MIN_FREE):
        return word     # ... and سيدا, وسيطا are سيد, وسيط with the accusative ا
    if len(word) == 4 and not any(
            counts.get(_FUTURE + person + word[2:], 0) >= _MIN_FREE
            for person in _IMPERFECT if person != word[1]):
        # A verb of two letters after its person (سيتم, ستظل, سنرى) is
        # read so where the corpus also writes its future in another
        # person (ستتم, سيظل, سترى): a verb's paradigm. سياف, ستيل, سيون
        # are names, no future of ياف, تيل, يون.
        return word
    return _best(counts, whole, [word[1:]]) or word


def _unclitic(counts: dict, word: str, marbuta: bool = False) -> str:
    """Steps 3 and 4 of :func:`broad_stem`, on a word without the article."""
    if word in _name_endings() and not _declined(counts, word):
        return word         # حولي is Hawalli, no حول + ي "my"
    own = _respelled(counts, _unsuffixed(word, marbuta))
    # A reading that itself takes the article (وجهة in وجهتهم) is the word:
    # و + جهة would be another word.
    if any(_with_article(counts, r) >= _MIN_FREE for r in own):
        return _best(counts, word, own) or word
    if word.startswith(_PROCLITICS) and len(word) >= 4 and not _takes_outer_clitic(counts, word):
        rest = word[1:]
        choice = _best(counts, word, _respelled(counts, _readings(counts, rest, marbuta)))
        if choice is not None:
            if choice.startswith(_PREPOSITIONS) and _with_article(counts, choice) < _MIN_FREE:
                # A ة read from a ت before a pronoun (و + لقبيلته: لقبيلة)
                # is a ة, no pronoun ه: قبيلة, not قبيل; unless the ت is
                # also a verb's (فبمنحته: منحت "she granted" is written, so
                # both readings stay open, as without the و).
                read_marbuta = marbuta or (
                    choice.endswith(_FOLDED_TEH_MARBUTA) and not rest.startswith(choice)
                    and _free(counts, choice[1:-1] + _TEH) < _MIN_FREE)
                return _unprepositioned(counts, choice, None, read_marbuta) or choice   # وبحسب
            return choice
        choice = _unprepositioned(counts, rest, word, marbuta)     # وبمدنها, فلمسؤولي
        if choice is not None:
            return choice
    choice = _unprepositioned(counts, word, None, marbuta)     # لقواتها, ببغداد
    if choice is not None:
        return choice
    choice = _best(counts, word, own)
    if choice is not None:
        return choice
    if counts.get(word, 0) < _MIN_FREE and word.startswith("و") and len(word) >= 4:
        return word[1:]     # unknown: Lucene's و
    return word


def _unprepositioned(counts: dict, word: str, whole: str | None = None,
                     marbuta: bool = False) -> str | None:
    """``word`` without a preposition ب ل ك (and then a pronoun), if that is
    the likelier reading: what is left (3 letters or more) is a word written
    alone or after the article, at least a quarter as often as the whole
    (``whole``, when ``word`` is what is left of it after و or ف), and the
    word is no other word's verb form (كسبت is كسب + ت, not ك + سبت), is
    not itself written after ب or ك, and is not a gazetteer name
    (:data:`NAME_WORDS_PATH`: بعقوبة is Baqubah, not ب + عقوبة)."""
    whole = whole or word
    if not word.startswith(_PREPOSITIONS) or len(word) < 4 or word in _name_words():
        return None
    # A final ها or هما is a pronoun, never a verb's ا: the verb's ending is
    # looked for before it (كتبتها: كتبت, كتب + ت; لقواتها: لقوات, no verb,
    # though لقواته is a word).
    # (Not after ك, which is far more often a word's first letter: كلفها,
    # كاهلها, كشفتها are كلف, كاهل, كشفت + ها.)
    core = word
    if word[0] != "ك":
        core = word[:-2] if word.endswith("ها") else word[:-3] if word.endswith("هما") else word
    for ending in _VERB_ENDINGS:
        if (ending == _TEH and core != word
                and _with_article(counts, core[1:-1] + _FOLDED_TEH_MARBUTA) >= _MIN_FREE):
            continue    # a ة noun's ت before the pronoun: بخطتها is ب + خطة + ها
        if (core.endswith(ending) and not core.endswith("ات")   # لقوات: a plural
                and _free(counts, core[: -len(ending)]) >= max(_MIN_FREE, counts.get(word, 0))):
            return None
    # (لل + word is ل + the article, so only ب and ك count here.)
    if counts.get("ب" + word, 0) or counts.get("ك" + word, 0):
        return None
    rest = word[1:]
    readings = [r for r in _respelled(counts, _readings(counts, rest, marbuta))
                if r not in STOPWORDS]
    if word[0] == "ك":
        # ك "like" stands before nouns (كرئيس, كمراقب): كوباني is not
        # ك + وباني, كالي not ك + إلى.
        readings = [r for r in readings if _with_article(counts, r) >= _MIN_FREE]
    choice = _best(counts, whole, readings)
    if choice is None:
        # A noun (one the corpus writes after the article) is often written
        # after a preposition in set phrases: بشكل (14,648) against شكل
        # (2,459), بسبب, بحسب.
        nouns = [r for r in readings if _with_article(counts, r) >= _MIN_FREE]
        choice = _best(counts, whole, nouns, _MIN_NOUN_SHARE)
    return choice
