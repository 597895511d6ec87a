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
* a second person joined by و ("X والمستشارة الألمانية Y");
* a titled person speaking without a reporting verb before the name: the
  subject of a sentence that goes on "قائلا", "في تصريح لـ/في مقابلة مع X";
* a person named again by family name ("أكد الغفيص") or title alone ("وقال
  الوزير"): the one the article names in full under a title.

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

The package: ``vocabulary`` (verbs, titles, bodies, particles), ``reading``
(words as parts of names), ``names`` ([role] name [, role]), ``name_span``
(where a name ends), ``clause`` (who the reporting clause names as its
subject, read back from where what was said begins, and what was said:
names in it are not speakers; ``subject_slot`` who stands in the subject
between the verb and there, and where that slot ends; ``name_words`` what
a word of that name may be), ``quotations``
(where a quotation is introduced), ``speaking`` (known speakers who speak),
``proposals`` (unknown people to propose), ``candidates`` (every name-like
span near a cue of speech), ``evidence`` (what describes each) and ``scorer`` (the model,
learnt by scripts/train_speaker_scorer.py, that decides which to propose).
"""
from archive.speakers.carried import quoted_people
from archive.speakers.proposals import proposals_for
from archive.speakers.quotations import find_quoted
from archive.speakers.reading import Quoted
from archive.speakers.speaking import speaking
from archive.speakers.vocabulary import PERSON_TITLES, RANKS, REPORTING_VERBS, ROLE_VERBS, STOP, TITLES, UNNAMED

__all__ = [
    "PERSON_TITLES", "RANKS", "REPORTING_VERBS", "ROLE_VERBS", "STOP", "TITLES", "UNNAMED",
    "Quoted", "find_quoted", "proposals_for", "quoted_people", "speaking",
]
