"""Saving a draft: the whole article or nothing, once.

``save`` creates the outlet a draft proposes, the article, its speakers,
places and forces, and stores the original file, in one transaction: when
anything fails, no row and no file of that article remain. The same external
id updates the article it names; the same text under another name is refused
with the stored article's number.
"""
from pathlib import Path

import pytest

from archive.ingest import IngestError, content_hash, prepare, read, save
from archive.ingest import pipeline, saving
from archive.ingest.catalog import Catalog
from archive.models import Article, Outlet
from tests.test_ingest_text import (  # noqa: F401  (fixtures)
    fresh_alias_index, gazetteer, outlet_named, place_named, read_seed, seed_path,
)


@pytest.fixture(autouse=True)
def originals(settings, tmp_path):
    """Each test stores originals in a folder of its own, so leftovers can be counted."""
    settings.MEDIA_ROOT = tmp_path / "originals"
    return Path(settings.MEDIA_ROOT)


def stored_files(root):
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def read_one(name, data):
    [draft] = read(name, data, catalog=Catalog())
    return draft


def test_a_saved_seed_is_an_article_with_everything_read_from_it(gazetteer, originals):
    draft = prepare(read_seed("004"))
    article, created = save(draft)
    assert created and draft.outcome == "created"
    article.refresh_from_db()
    assert article.title == draft.title
    assert article.body == draft.body
    assert article.external_id == seed_path("004").stem
    assert article.published.isoformat() == "2020-02-07" and article.date_precision == "day"
    assert article.outlet_id == draft.outlet_id
    assert article.dateline == place_named("أربيل")
    assert place_named("أربيل").pk in set(article.places.values_list("pk", flat=True))
    assert article.content_hash == content_hash(article.title, article.body)
    # The original is stored as received, under a safe name.
    [stored] = stored_files(originals)
    assert stored.read_bytes() == seed_path("004").read_bytes()
    assert stored.name.startswith("004_") and stored.suffix == ".txt"
    assert article.original_name == seed_path("004").name


def test_a_proposed_outlet_is_created_on_save(db):
    text = "شبكة الأنباء الجديدة – الموصل\n" + "قال مسؤول عسكري إن القوات العراقية أحبطت هجوماً لتنظيم داعش " * 4
    draft = read_one("new.txt", text.encode())
    article, _ = save(draft)
    assert article.outlet.name == "شبكة الأنباء الجديدة"
    assert article.outlet.slug  # an ASCII slug made from the Arabic name
    # The next article naming it finds it rather than creating a second one.
    again = read_one("new2.txt", (text + " وأضاف").encode())
    assert again.outlet_id == article.outlet_id and not again.outlet_is_new


def test_a_failure_after_the_insert_leaves_no_article_no_outlet_and_no_file(db, originals, monkeypatch):
    text = "شبكة الأنباء الجديدة – الموصل\n" + "قال مسؤول عسكري إن القوات العراقية أحبطت هجوماً لتنظيم داعش " * 4
    draft = prepare(read_one("new.txt", text.encode()))
    real_save = Article.save

    def fail_after_the_file_is_stored(self, *args, **kwargs):
        if kwargs.get("update_fields") == ["original_file"]:
            assert stored_files(originals), "the file was stored before the failure"
            raise RuntimeError("disk full")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Article, "save", fail_after_the_file_is_stored)
    with pytest.raises(RuntimeError):
        save(draft)
    assert Article.objects.count() == 0
    assert not Outlet.objects.filter(name="شبكة الأنباء الجديدة").exists()
    assert stored_files(originals) == []


def test_a_failure_while_tagging_relations_leaves_nothing(gazetteer, originals, monkeypatch):
    draft = prepare(read_seed("003"))

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(saving, "_add_relations", broken)
    with pytest.raises(RuntimeError):
        save(draft)
    assert Article.objects.count() == 0
    assert stored_files(originals) == []


def test_a_database_error_becomes_a_clear_message(gazetteer, originals, monkeypatch):
    from django.db import DatabaseError

    draft = prepare(read_seed("001"))

    def locked(*args, **kwargs):
        raise DatabaseError("database is locked")

    monkeypatch.setattr(saving, "_add_relations", locked)
    with pytest.raises(IngestError) as caught:
        save(draft)
    assert "قاعدة البيانات" in caught.value.message
    assert Article.objects.count() == 0


def test_importing_the_same_external_id_again_updates_the_article(gazetteer, originals,
                                                                   django_capture_on_commit_callbacks):
    path = seed_path("002")
    first, _ = save(read_one(path.name, path.read_bytes()))
    [old_file] = stored_files(originals)
    changed = path.read_bytes().replace("خمسة آلاف ومئتي".encode(), "خمسة آلاف".encode())
    draft = prepare(read_one(path.name, changed))
    assert draft.update_of == first.pk
    assert any(w.startswith("يوجد مقال بالمعرّف نفسه") and f"#{first.pk}" in w for w in draft.warnings)
    with django_capture_on_commit_callbacks(execute=True):
        article, created = save(draft)
    assert not created and draft.outcome == "updated"
    assert article.pk == first.pk
    assert Article.objects.count() == 1
    assert "نحو خمسة آلاف جندي" in Article.objects.get().body
    # The new original is the article's; the old one stays with its earlier version.
    assert Path(article.original_file.path).read_bytes() == changed
    assert old_file.read_bytes() == path.read_bytes()
    earlier = article.history.earliest()
    assert earlier.original_file == old_file.relative_to(originals).as_posix()


def test_importing_the_same_file_again_changes_nothing(gazetteer, originals):
    path = seed_path("001")
    first, _ = save(read_one(path.name, path.read_bytes()))
    draft = read_one(path.name, path.read_bytes())
    article, created = save(draft)
    assert (article.pk, created, draft.outcome) == (first.pk, False, "unchanged")
    assert len(stored_files(originals)) == 1


def test_the_same_text_under_another_name_is_refused_as_a_duplicate(gazetteer, originals):
    path = seed_path("003")
    first, _ = save(read_one(path.name, path.read_bytes()))
    draft = prepare(read_one("copy-of-003.txt", path.read_bytes()))
    assert draft.duplicate_of == first.pk
    assert f"هذا المقال محفوظ من قبل: #{first.pk}" in draft.warnings
    with pytest.raises(IngestError) as caught:
        save(draft)
    assert caught.value.message == f"هذا المقال محفوظ من قبل: #{first.pk}"
    assert Article.objects.count() == 1
    assert len(stored_files(originals)) == 1


def test_a_duplicate_is_seen_through_harakat_hamza_and_spacing(db):
    text = "القوات العراقية تحرر قرية من داعش\n\nأعلنت قيادة العمليات أن القوات حررت قرية في نينوى من داعش. " * 2
    first, _ = save(read_one("a.txt", text.encode()))
    variant = text.replace("القوات", "القُوّات").replace("أعلنت", "اعلنت").replace(" في ", "  في ")
    draft = prepare(read_one("b.txt", variant.encode()))
    assert draft.duplicate_of == first.pk


def test_content_hash_ignores_what_folding_ignores():
    assert content_hash("العراق", "نص  المقال") == content_hash("العِراق", "نص المقال\n")
    assert content_hash("العراق", "نص") != content_hash("العراق", "نص آخر")


def test_saving_indexes_after_commit_unless_the_caller_batches(db, monkeypatch, django_capture_on_commit_callbacks):
    from archive.search import indexing

    calls = []
    monkeypatch.setattr(indexing, "index_articles", lambda pks, **kw: calls.append(list(pks)))
    text = "القوات العراقية تحرر قرية من داعش\n\nأعلنت قيادة العمليات أن القوات حررت قرية في نينوى من داعش."
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = save(read_one("a.txt", text.encode()))
    assert calls == [[first.pk]]
    calls.clear()
    with django_capture_on_commit_callbacks(execute=True):
        save(read_one("b.txt", (text + " وأكثر").encode()), index=False)
    assert calls == []


@pytest.mark.parametrize("source_name, fmt, expected", [
    ("batch.zip/seeds/000_bd2c.txt", "text", "000_bd2c.txt"),
    ("../../etc/passwd", "text", "passwd.txt"),
    ("C:\\Users\\x\\مقال رووداو.docx", "docx", "مقال_رووداو.docx"),
    ("page", "html", "page.html"),
    ("", "text", "original.txt"),
])
def test_stored_file_names_are_made_safe(source_name, fmt, expected):
    assert pipeline.stored_file_name(source_name, fmt) == expected


def test_a_place_first_header_is_read_the_other_way_round(gazetteer):
    # "أربيل – رووداو": the habit is outlet first, but the first half is a known place.
    text = ("داعش يهاجم قرية في كركوك\n\nأربيل – رووداو\n\n"
            "هاجم مسلحون من تنظيم داعش قرية في محافظة كركوك الليلة الماضية، بحسب مصادر أمنية محلية.")
    draft = prepare(read_one("x.txt", text.encode()))
    assert draft.outlet_id == outlet_named("رووداو").pk and not draft.outlet_is_new
    assert draft.dateline_id == place_named("أربيل").pk
    assert not any(w.startswith("وسيلة إعلام جديدة") for w in draft.warnings)
