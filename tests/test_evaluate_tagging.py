"""The tagging evaluation's judge (tooling/evaluation/tagging.py): a found entity is
right when one of its spellings, folded, is a run of words of a truth name or holds one."""
from tooling.evaluation.tagging import same, score


def test_a_shorter_or_longer_spelling_of_the_truth_is_right():
    assert same(["الأسد"], "بشار الأسد")
    assert same(["الولايات المتحدة الأمريكية"], "الولايات المتحدة")
    assert same(["أمريكا", "الولايات المتحدة"], "الولايات المتحدة الأمريكية")


def test_a_name_that_only_shares_letters_is_wrong():
    assert not same(["الأسدي"], "بشار الأسد")
    assert not same(["الموصل"], "الرقة")


def test_score_counts_right_found_and_recalled_truths():
    found = [["الأسد"], ["الموصل"], ["بوتين"]]
    truth = ["بشار الأسد", "الموصل", "أردوغان"]
    assert score(found, truth) == (2, 3, 2)
    assert score([], truth) == (0, 0, 0)
