"""Who a statement verb new to the lists names as its subject.

The verbs of saying, condemning, calling and warning that Arabic grammar
lists and the reporting lists lacked (``vocabulary.NEW_STATEMENT_VERBS``:
ندد، استنكر، ناشد، شكر …) take a titled person as subject as often as the
listed verbs, but many of them also take a person as object ("وشكر رئيس
النادي للداعم الأول … الأمير X", "وحث رئيس الاتحاد X، الجماهير على حرق صور
المهاجم Y") and a verbal noun as object ("واقترح رئيس وزراء كوينزلاند منح
ويلسون جائزة"). So their subject counts only with evidence of a person in
the slot itself:

* the role holds a person's title or rank, not only a body's word ("وندد
  الأزهر … في بيان");
* past a comma the role goes on only with titles, ranks or words with the
  article (the apposition "النائب العام السعودي، الشيخ X"); anything else
  there means the reader has left the subject for the rest of the sentence;
* no second titled person after the verb's complement (ل / ب and a word
  with the article): that person is the one thanked or addressed;
* every word of the name may be a name's: no particle, no one-letter
  clitic ("بوتن بـ"), no common noun or adjective by the corpus counts
  ("جائزة", "السكان"; with the article only a noun the counts do not make a
  family name: الجبوري is one though جبوري is a nisba). علي folds to على
  and is read as written."""
from __future__ import annotations

from archive.arabic import fold, strip_marks
from archive.speakers.given_names import adjective, common_noun
from archive.speakers.reading import Quoted, _family_name
from archive.speakers.vocabulary import (
    _ADVERBS, _CONNECTORS, NEW_STATEMENT_VERBS, PERSON_TITLES, RANKS, STOP, UNNAMED,
)

#: "للداعم"، "بالتكريم": a preposition and the article, the verb's complement.
_COMPLEMENT = ("لل", "بال")


def new_statement_verb(folded_word: str) -> bool:
    return folded_word in NEW_STATEMENT_VERBS


def _titled(word: str) -> bool:
    return (word in PERSON_TITLES or word in RANKS) and word not in UNNAMED


def statement_subject(quoted: Quoted) -> bool:
    """Is the person read after a new statement verb its subject?"""
    role = [fold(w) for w in quoted.role.replace("،", " ، ").replace(",", " ، ").split()]
    if not any(_titled(w) for w in role):
        return False          # "وندد الأزهر بالقانون في بيان": a body
    after_comma = complement = False
    for word in role:
        if word == "،":
            after_comma = True
        elif after_comma and not (_titled(word) or word in RANKS or word.startswith("ال") or word in _ADVERBS):
            return False      # "وجه الرئيس X، السبت، الشكر لأردوغان على … القس Y"
        elif word.startswith(_COMPLEMENT):
            complement = True
        elif complement and _titled(word):
            return False      # "رئيس الدرعية للداعم الأول … الأمير X": X is the one thanked
    for written in quoted.name.split():
        word = fold(written)
        if word in _CONNECTORS:
            continue
        if word.startswith("ال"):   # a family name with the article may be a nisba (الجبوري)
            noun = not _family_name(word) and common_noun(word[2:])
        else:
            noun = common_noun(word) or adjective(word)
        if word in STOP and strip_marks(written) != "علي" or len(word) < 2 or noun:
            return False      # "كوينزلاند منح ويلسون جائزة", "فلاديمير بوتن ب"
    return True
