"""Spec for the learnt speaker scorer (issue 10, point 6, third round): the
generous candidates of archive/speakers/candidates.py weighed by the model in
archive/speakers/scorer_weights.json, written by scripts/train_speaker_scorer.py.
The sentences and names are made up for these tests; the gazetteer is empty."""
import importlib.util
import json
from pathlib import Path

import pytest

from archive.speakers import proposals_for, scorer
from archive.speakers.evidence import FEATURES
from archive.speakers.proposals import _rule_proposals


def proposed(text):
    return [q.name for q in proposals_for(text, [])]


@pytest.mark.parametrize("text, name", [
    # (a role through a quoted company name, then a rank, is now read by the
    # reporting clause: tests/test_speaker_clause.py)
    # a role with a preposition, the name between commas after it (a role
    # with no listed title: since the long-role round the reporting clause
    # reads it too, tests/test_speaker_long_role.py; the scorer alone did before)
    ("وأكد المشرف على مركز التدريب في المدينة، يوسف العتيبي، أن الدورات ستبدأ غدا.", "يوسف العتيبي"),
])
def test_a_speaker_introduced_in_a_way_no_rule_names_is_proposed(text, name):
    assert proposed(text) == [name]


@pytest.mark.parametrize("text", [
    "وقال المتحدث: سمعت قولك جيدا.",                                  # after a colon: what was said
    'وقال المتحدث "سمعت قولك جيدا وسنرد عليه في الوقت المناسب".',     # an opening quotation mark
    "وقال المحامي السابق للرئيس الأمريكي جون ميلر إن الأخير كان يعلم.",  # whose lawyer, not who speaks
    "وذكرت القناة نقلا عن أصدقاء عبد العزيز بأن عائلته سافرت.",       # a body's word, then a name
])
def test_what_was_said_and_whose_role_it_is_are_not_speakers(text):
    assert proposed(text) == []


def test_a_name_does_not_end_on_a_joining_word_or_a_noun_with_a_pronoun():
    from archive.speakers.candidates import candidates
    from archive.speakers.reading import _words
    text = "وأكد الوزير فهد بن سعود بن خالد حديثه عن الموسم أن الفريق جاهز."
    words = _words(text)
    names = [c.quoted.name for c in candidates(text, words, [], [0], [])]
    assert names and all(not n.endswith((" بن", " آل", " عبد")) and "حديثه" not in n for n in names)


def test_without_the_weights_the_rules_decide(monkeypatch):
    text = "وأكد المشرف على مركز التدريب في المدينة، يوسف العتيبي، أن الدورات ستبدأ غدا."
    monkeypatch.setattr(scorer, "_model", lambda: None)
    assert proposed(text) == [q.name for q in _rule_proposals(text, [])]


def test_the_committed_weights_are_those_of_the_features_the_code_computes():
    model = json.loads(scorer.WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert tuple(model["features"]) == FEATURES and len(model["weights"]) == len(FEATURES)
    assert 0 < model["threshold"] < 1 and model["threshold"] <= model["threshold_new"] < 1
    assert scorer._model() is not None


def test_the_training_learns_which_evidence_separates_right_from_wrong():
    path = Path(__file__).resolve().parent.parent / "scripts" / "train_speaker_scorer.py"
    spec = importlib.util.spec_from_file_location("train_speaker_scorer", path)
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    # the first feature decides, the second is noise
    X = [[1.0, 0.0], [1.0, 1.0], [0.0, 0.0], [0.0, 1.0]] * 10
    y = [1.0, 1.0, 0.0, 0.0] * 10
    bias, first, second = train.fit(X, y)
    assert first > 2 and abs(second) < 0.5 and bias < 0
