"""Who a statement verb new to the lists names as its subject.

The verbs of saying, condemning, calling and warning that Arabic grammar
lists and the reporting lists lacked (``vocabulary.NEW_STATEMENT_VERBS``:
ندد، استنكر، أثنى، اعتذر …) take a titled person as subject as often as the
listed verbs, but many of them also take a person as complement ("وأشاد
رئيس النادي بالداعم الأول … الأمير X", "اعتذر الرئيس X للقاضي Y") and a
verbal noun or a noun as object ("واقترح رئيس وزراء كوينزلاند منح
ويلسون جائزة"). So their subject counts only with evidence of a person in
the slot itself:

* the role opens with a person's title or rank, not a body's word or a
  noun ("وندد الأزهر … في بيان", "تدين الحملات السياسية والإعلامية"), and
  names no one itself ("فأخبرت مدير مدرسته حمدان العويضي بالأمر": a given
  name and a plain word, not after a rank — "جامعة الأمير سطام" is a body);
* past a comma the role goes on only with titles, ranks or words with the
  article (the apposition "النائب العام السعودي، الشيخ X"); anything else
  there means the reader has left the subject for the rest of the sentence;
* no titled person after the verb's complement (ل / ب and a word with
  the article, or ل / ب on the title itself): that person is the one
  praised or addressed;
* every word of the name may be a name's: no particle, no one-letter
  clitic ("بوتن بـ"), no common noun or adjective by the corpus counts
  and no noun with its pronoun ("أبدى الأمير عبدالله ارتياحه"), no ب / ل /
  و / ف and a common word ("بإحقاق", "بشدة", "ووالدة"), no accusative
  adverb or participle ("مرارا", "محذرا"), no word that never opens a
  name yet is written with the article ("مؤسس", "هتافات")
  ("جائزة", "السكان"; with the article only a noun the counts do not make a
  family name: الجبوري is one though جبوري is a nisba). علي folds to على
  and is read as written."""
from __future__ import annotations

from archive.arabic import fold, strip_marks, written
from archive.speakers.evidence import _accusative, _clitic, _with_pronoun
from archive.speakers.given_names import adjective, common_noun, given_name, opens_names
from archive.speakers.reading import Quoted, _family_name, _proclitic_word
from archive.speakers.vocabulary import (
    _ADVERBS, _CONNECTORS, NEW_STATEMENT_VERBS, PERSON_TITLES, RANKS, STOP, TITLES, UNNAMED,
)

#: "للداعم"، "بالتكريم": a preposition and the article, the verb's complement.
_COMPLEMENT = ("لل", "بال")


#: "من المنتظر أن يعلن الرئيس X", "لن يدين": speech to come, not reported.
_NOT_YET = frozenset(fold(w) for w in ("أن", "ان", "لن", "سوف", "قد", "ألا", "الا", "لكي", "كي"))


def new_statement_verb(folded_word: str) -> bool:
    return folded_word in NEW_STATEMENT_VERBS


def not_yet_said(folded, v) -> bool:
    """Is the new statement verb at word v speech expected rather than
    reported (after أن, لن, سوف …)?"""
    return v > 0 and folded[v - 1] in _NOT_YET and new_statement_verb(folded[v])


def _titled(word: str) -> bool:
    return (word in PERSON_TITLES or word in RANKS) and word not in UNNAMED


def statement_subject(quoted: Quoted) -> bool:
    """Is the person read after a new statement verb its subject?"""
    role = [fold(w) for w in quoted.role.replace("،", " ، ").replace(",", " ، ").split()]
    if not role or not _titled(role[0]):
        return False          # "وندد الأزهر بالقانون في بيان", "تدين الحملات السياسية والإعلامية": no title opens it
    for i in range(1, len(role) - 1):
        if given_name(role[i]) and _plain(role[i + 1].removeprefix("ال")) and role[i - 1] not in RANKS:
            return False      # "فأخبرت مدير مدرسته حمدان العويضي بالأمر …": the role names someone already
    after_comma = complement = False
    for word in role:
        if word == "،":
            after_comma = True
        elif after_comma and not (_titled(word) or word in RANKS or word.startswith("ال") or word in _ADVERBS):
            return False      # "وجه الرئيس X، السبت، الشكر لأردوغان على … القس Y"
        elif word[:1] in "لب" and (_titled(word[1:]) or word.startswith("لل") and _titled("ال" + word[2:])):
            return False      # "اعتذر الرئيس X للقاضي Y": the one addressed
        elif word.startswith(_COMPLEMENT):
            complement = True
        elif complement and _titled(word):
            return False      # "رئيس الدرعية للداعم الأول … الأمير X": X is the one thanked
    return name_words_hold(quoted.name)


#: The separate pronouns (الضمائر المنفصلة): the grammar's closed class, never a name's word.
_SEPARATE_PRONOUNS = frozenset(fold(w) for w in (
    "أنا", "نحن", "أنت", "أنتم", "أنتما", "أنتن", "هو", "هي", "هم", "هما", "هن"))


def name_words_hold(name: str) -> bool:
    """May every word of the name be a name's (no particle, clitic, common
    noun or adjective by the counts, noun with its pronoun, accusative
    adverb …; see the module's header)?"""
    for written in name.split():
        word = fold(written)
        if word in _CONNECTORS:
            continue
        if word.startswith("ال"):   # a family name with the article may be a nisba (الجبوري)
            noun = not _family_name(word) and common_noun(word[2:])
        else:
            noun = common_noun(word) or adjective(word) or _not_a_name_word(word)
        if word in STOP and strip_marks(written) != "علي" or len(word) < 2 or noun or _with_pronoun(word) \
                or word in _SEPARATE_PRONOUNS \
                or _object_noun(word) or _proclitic_word(word) or _clitic(word) or _accusative(word):
            return False      # "كوينزلاند منح ويلسون جائزة", "فلاديمير بوتن ب"
    return True


def _plain(word: str) -> bool:
    """A word that may go on a name: no article, no particle, title or mark."""
    return word != "،" and not word.startswith("ال") and word not in STOP and word not in TITLES


#: A pronoun on a noun: his, her, their (ة written ت before it).
_PRONOUN_ENDS = (("تهم", "ه"), ("تها", "ه"), ("ته", "ه"), ("هم", ""), ("ها", ""), ("ه", ""))


def _object_noun(word: str) -> bool:
    """Is the word the verb's object that the reader ran into: a common noun
    with its pronoun ("أبدى … ارتياحه / تحفظه / رغبته"), or a role noun's
    plural in construct ("حث … الأمير X لاعبي النصر")? A family name that
    ends in ه (بافقيه) leaves no common noun behind."""
    for end, restore in _PRONOUN_ENDS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            stem = word[:-len(end)] + restore
            if common_noun(stem):
                return True
    return word.endswith("ي") and word[:-1] in TITLES


#: A word that never opens a name after a rank yet is written with the
#: article this often is a noun ("مؤسس", "هتافات"); one ending in the
#: accusative alif and written this often is an adverb or a participle
#: ("مرارا", "محذرا": غارسيا، ماريا open names).
_NOUN_WITH_ARTICLE = 40
_ACCUSATIVE_WRITTEN = 200


def _not_a_name_word(word: str) -> bool:
    if opens_names(word):
        return False
    return written("ال" + word) >= _NOUN_WITH_ARTICLE \
        or len(word) >= 4 and word.endswith("ا") and written(word) >= _ACCUSATIVE_WRITTEN
