"""Furniture learnt across the files of one import: a short line recurring in
many pages of the same outlet is the site's, whole paragraphs two versions of
a story share are the article's."""
import pytest
from django.core.management import call_command

from archive.ingest import read
from archive.ingest.boilerplate import strip_shared_lines
from archive.ingest.catalog import Catalog
from archive.models import Article

PROMPT = "تابعوا آخر الأخبار عبر تطبيقنا على الهاتف"
SHARED = ("وأضاف البيان أن فرق الهندسة العسكرية بدأت بتفكيك العبوات الناسفة التي زرعها التنظيم في الطرق "
          "والمنازل، وأن العائلات النازحة ستعود تدريجياً بعد تأمين المنطقة بالكامل وفق خطة الحكومة المحلية.")


def page(i):
    lead = (f"قال مسؤولون عسكريون عراقيون إن القوات الأمنية استعادت السيطرة على القرية رقم {i} جنوب مدينة الموصل "
            "بعد معارك عنيفة مع مسلحي تنظيم داعش استمرت عدة أيام، وفق بيان رسمي صدر اليوم.")
    return "\n".join([f"القوات العراقية تستعيد القرية رقم {i} جنوب الموصل", "أبوظبي - سكاي نيوز عربية",
                      lead, PROMPT, SHARED, f"ولم يصدر أي تعليق من التنظيم على التطورات في القرية {i}."]).encode()


@pytest.fixture
def catalog(db):
    call_command("loaddata", "fixtures/gazetteer.json", verbosity=0)
    return Catalog()


@pytest.fixture
def rules_only(monkeypatch):
    """The text-save rules without the learnt line model (``line_model``), which may tell a
    prompt from one page alone: what is learnt across files is tested on its own."""
    from archive.ingest import line_model

    monkeypatch.setattr(line_model, "MODE", "rules")


def test_a_line_recurring_in_many_pages_of_one_outlet_is_dropped(catalog, rules_only):
    drafts = [read(f"{i}.txt", page(i), catalog=catalog)[0] for i in range(4)]
    assert all(PROMPT in d.body for d in drafts)  # one page alone cannot tell
    strip_shared_lines(drafts)
    for d in drafts:
        assert PROMPT not in d.body
        assert SHARED in d.body  # a shared paragraph is the story's


def test_two_stories_of_one_outlet_are_enough_to_call_a_short_line_furniture(catalog, rules_only):
    # An archivist's import of two articles of one site already shows its prompt twice; the sentence
    # the two stories share stays (a whole sentence is the story's).
    drafts = strip_shared_lines([read(f"{i}.txt", page(i), catalog=catalog)[0] for i in range(2)])
    assert all(PROMPT not in d.body and SHARED in d.body for d in drafts)


def test_a_line_printed_by_one_story_only_stays(catalog, rules_only):
    drafts = [read(f"{i}.txt", page(i), catalog=catalog)[0] for i in range(2)]
    drafts[1].body = drafts[1].body.replace(PROMPT + "\n", "")
    strip_shared_lines(drafts)
    assert PROMPT in drafts[0].body


def import_pages(n, tmp_path, settings):
    """``manage.py import_articles`` on ``n`` pages of one outlet; {external id: body}."""
    settings.DATA_DIR = tmp_path / "data"
    settings.MEDIA_ROOT = tmp_path / "data" / "originals"
    for i in range(n):
        (tmp_path / f"{i}.txt").write_bytes(page(i))
    call_command("import_articles", str(tmp_path), verbosity=0)
    return {a.external_id: a.body for a in Article.objects.all()}


def test_import_articles_learns_furniture_across_the_files_it_reads(catalog, tmp_path, settings):
    bodies = import_pages(5, tmp_path, settings)
    assert len(bodies) == 5
    # The first pages too: the command reads ahead before it strips.
    assert all(PROMPT not in bodies[str(i)] for i in range(5))
    assert all(SHARED in body for body in bodies.values())


def test_a_long_import_strips_what_it_learns_within_its_lookahead(catalog, tmp_path, settings, monkeypatch):
    from archive.management.commands import import_articles

    monkeypatch.setattr(import_articles, "LOOKAHEAD", 2)
    bodies = import_pages(6, tmp_path, settings)
    # Page 0 is finished when pages 1 and 2 have been read: three stories show the line.
    assert all(PROMPT not in bodies[str(i)] for i in range(6))


def test_copies_of_one_story_do_not_make_its_short_lines_furniture(catalog, rules_only):
    # The same article saved as a page, a text save and a Word copy: its one-line lead is its own.
    drafts = [read(f"{i}.txt", page(7), catalog=catalog)[0] for i in range(4)]
    lead = "قتل 12 شخصا في بغداد."
    for d in drafts:
        d.body = f"{lead}\n\n{d.body}"
    strip_shared_lines(drafts)
    assert all(d.body.startswith(lead) and PROMPT in d.body for d in drafts)


def test_lines_the_line_model_took_out_still_teach_the_import_its_furniture():
    # Text saves whose furniture the learnt model already dropped still show the import
    # that line, so a Word copy of the same outlet, read without the model, loses it too.
    from archive.ingest.draft import Draft

    prompt = "تابعونا على قناتنا في تلغرام"
    saves = []
    for i in range(3):
        story = f"الخبر رقم {i} " + "قالت مصادر أمنية إن القوات العراقية تقدمت في المحور الغربي للمدينة اليوم. " * 2
        draft = Draft(title=f"خبر {i}", body=story, format="text", outlet_id=7)
        draft.furniture_seen = [prompt]
        saves.append(draft)
    word = Draft(title="خبر في ملف Word", format="docx", outlet_id=7,
                 body="ونقلت وكالات الأنباء أن الاشتباكات استمرت حتى ساعات الفجر في الأحياء الشرقية للمدينة.\n\n" + prompt)
    strip_shared_lines([*saves, word])
    assert prompt not in word.body
