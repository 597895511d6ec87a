"""A file's name is its id, but two different articles saved under the same
name are two articles: the second never overwrites the first; a corrected save
of the same page still updates it; a record's own id is the source's word."""
import io

import pytest
from django.core.management import call_command

from archive.ingest.file_ids import same_article
from archive.models import Article
from tests.test_import_command import index_calls, originals, record  # noqa: F401  (fixtures)

MOSUL = ("القوات العراقية تستعيد قرى جنوب الموصل",
         [f"قال مسؤولون عسكريون عراقيون إن القوات الأمنية استعادت السيطرة على قرى جنوب مدينة الموصل "
          f"بعد معارك عنيفة في يومها رقم {i} مع مسلحي تنظيم داعش." for i in range(5)])
RAQQA = ("غارات جوية على مواقع التنظيم في الرقة",
         [f"شنت طائرات التحالف الدولي غارات جوية على مواقع لتنظيم داعش في مدينة الرقة السورية "
          f"وفق ما أفاد ناشطون في بيانهم رقم {i} الصادر اليوم." for i in range(5)])


def page(title, paragraphs):
    return ("<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")


def save_as(folder, article):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "index.html"
    path.write_text(page(*article), encoding="utf-8")
    return path


def run(*paths):
    out = io.StringIO()
    call_command("import_articles", *map(str, paths), stdout=out, stderr=io.StringIO(), verbosity=2)
    return out.getvalue()


def titles():
    return sorted(Article.objects.values_list("title", flat=True))


def test_two_articles_saved_under_one_file_name_are_both_kept(db, tmp_path, index_calls):
    first, second = save_as(tmp_path / "a", MOSUL), save_as(tmp_path / "b", RAQQA)
    run(first)
    output = run(second)
    assert "Imported 1, updated 0" in output
    assert titles() == sorted([MOSUL[0], RAQQA[0]])
    assert Article.objects.get(title=MOSUL[0]).external_id == "index"
    assert Article.objects.get(title=RAQQA[0]).external_id.startswith("index~")


def test_both_are_kept_when_they_come_in_one_import(db, tmp_path, index_calls):
    run(save_as(tmp_path / "a", MOSUL), save_as(tmp_path / "b", RAQQA))
    assert titles() == sorted([MOSUL[0], RAQQA[0]])


def test_the_second_file_imported_again_is_found_not_added_a_third_time(db, tmp_path, index_calls):
    first, second = save_as(tmp_path / "a", MOSUL), save_as(tmp_path / "b", RAQQA)
    run(first)
    run(second)
    output = run(second)
    assert "Imported 0, updated 0, unchanged or duplicates 1" in output
    assert Article.objects.count() == 2


def test_a_corrected_save_of_the_same_page_still_updates_its_article(db, tmp_path, index_calls):
    run(save_as(tmp_path / "a", MOSUL))
    corrected = (MOSUL[0], MOSUL[1] + ["وأضاف المسؤولون أن عمليات التمشيط ستتواصل في الأيام المقبلة."])
    output = run(save_as(tmp_path / "a", corrected))
    assert "Imported 0, updated 1" in output
    assert Article.objects.get().body.endswith("في الأيام المقبلة.")


def test_a_records_own_id_updates_whatever_the_new_text(db, tmp_path, index_calls):
    path = tmp_path / "records.jsonl"
    path.write_text(record(0) + "\n", encoding="utf-8")
    run(path)
    path.write_text(record(0, title="عنوان آخر تماماً", body="نص آخر لا يشبه الأول في شيء.") + "\n", encoding="utf-8")
    assert "Imported 0, updated 1" in run(path)


@pytest.mark.parametrize("a, b, same", [
    (MOSUL, MOSUL, True),
    (MOSUL, (MOSUL[0], ["نص مختلف تماماً بعد تصحيح شامل للخبر."]), True),  # the same headline
    (MOSUL, ("عنوان معدّل", MOSUL[1][:3]), True),  # a shortened version of the same text
    (MOSUL, RAQQA, False),
])
def test_the_same_article_is_the_same_headline_or_much_of_the_same_text(a, b, same):
    assert same_article(a[0], " ".join(a[1]), b[0], " ".join(b[1])) is same


def test_the_preview_says_why_a_same_named_file_is_a_new_article(db, tmp_path, index_calls):
    from archive.ingest import prepare, read
    from archive.ingest.catalog import Catalog
    from archive.ingest.file_ids import CLASH_WARNING

    run(save_as(tmp_path / "a", MOSUL))
    [draft] = read("index.html", page(*RAQQA).encode(), catalog=Catalog())
    prepare(draft, Catalog())
    assert draft.update_of is None
    [warning] = [w for w in draft.warnings if w.startswith(CLASH_WARNING)]
    assert f"#{Article.objects.get().pk}" in warning and draft.external_id in warning
