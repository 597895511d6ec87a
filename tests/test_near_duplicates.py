"""Near duplicates: the same statement from several outlets is grouped, and each page says so."""
from pathlib import Path

from django.core.management import call_command
from django.urls import reverse
import pytest

from archive.ingest import pipeline
from archive.models import Article, Outlet
from archive.near_duplicates import group_near_duplicates, signature, similarity

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "fixtures" / "gazetteer.json"

STATEMENT = (
    "قال المتحدث الرسمي باسم قوات التحالف الدولي ضد داعش في العراق وسوريا إن التنظيم تحطم لكنه لم ينته بعد، "
    "وإن قوات التحالف ستواصل دعم القوات العراقية وقوات البيشمركة من أجل القضاء على بقايا التنظيم. "
    "وأضاف أن التحالف يعمل الآن من عدد قليل من المواقع داخل العراق، وأن القوات العراقية قادرة على منع عودة داعش "
    "إلى المدن التي حررت منه، مشيرا إلى أن التنظيم لم يعد يملك الأسلحة الثقيلة ولا السيارات المفخخة التي كان "
    "يستخدمها قبل سنوات، وأن خلاياه المتبقية تختبئ في المناطق الجبلية والصحراوية بين كركوك وديالى وصلاح الدين."
)
# The same statement as another outlet ran it: other spelling, a word changed, a sentence added.
REPUBLISHED = (
    "قال المتحدث الرسمي باسم قوات التحالف الدولي ضد داعش في العراق وسوريا إن التنظيم تحطّم لكنه لم ينتهِ بعد، "
    "وإن قوات التحالف ستواصل دعم القوات العراقية وقوات البيشمركة من اجل القضاء على بقايا التنظيم. "
    "وأضاف أن التحالف يعمل حاليا من عدد قليل من المواقع داخل العراق، وأن القوات العراقية قادرة على منع عودة داعش "
    "إلى المدن التي حررت منه، مشيرا إلى أن التنظيم لم يعد يملك الأسلحة الثقيلة ولا السيارات المفخخة التي كان "
    "يستخدمها قبل سنوات، وأن خلاياه المتبقية تختبئ في المناطق الجبلية والصحراوية بين كركوك وديالى وصلاح الدين. "
    "وجاءت تصريحاته خلال مقابلة خاصة."
)
UNRELATED = (
    "ناقشت رئاسة إقليم كوردستان مع وفد عسكري فرنسي آخر التطورات الأمنية في محوري كركوك وخانقين، "
    "وشدد الطرفان على أهمية تنفيذ عملية عسكرية مشتركة ومستعجلة من قبل القوات الاتحادية والبيشمركة. "
    "وفي الثاني عشر من الشهر الجاري هاجم مسلحون ناحية جلولاء، كما استهدفوا بسلاح قناص نقطة عسكرية في قرية عمربلي."
)


@pytest.fixture
def outlets(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "originals"
    call_command("loaddata", str(GAZETTEER), verbosity=0)
    return Outlet.objects.get(name="رووداو"), Outlet.objects.get(name="راديو سوا"), Outlet.objects.get(name="زاكروس عربية")


def saved(title, body, outlet, external_id):
    draft = pipeline.Draft(title=title, body=body, outlet_id=outlet.pk, external_id=external_id)
    article, created = pipeline.save(draft)
    assert created
    group_near_duplicates(article)
    article.refresh_from_db()
    return article


def test_signature_estimates_similarity():
    assert similarity(signature(STATEMENT), signature(STATEMENT)) == 1.0
    assert similarity(signature(STATEMENT), signature(REPUBLISHED)) >= 0.6
    assert similarity(signature(STATEMENT), signature(UNRELATED)) < 0.2
    assert signature("") is None


def test_same_statement_under_two_outlets_is_one_group(outlets):
    rudaw, sawa, zagros = outlets
    first = saved("التحالف: داعش تحطم لكنه لم ينته", STATEMENT, rudaw, "a")
    assert first.story is None  # alone so far
    second = saved("متحدث التحالف: داعش لم ينته بعد", REPUBLISHED, sawa, "b")
    first.refresh_from_db()
    assert second.story is not None and second.story == first.story == first.pk
    other = saved("رئاسة الإقليم تبحث مع وفد فرنسي الوضع في كركوك", UNRELATED, zagros, "c")
    assert other.story is None
    first.refresh_from_db()
    assert first.story == second.story


def test_exact_duplicate_is_still_refused(outlets):
    rudaw, sawa, _ = outlets
    saved("عنوان", STATEMENT, rudaw, "a")
    with pytest.raises(pipeline.IngestError):
        pipeline.save(pipeline.Draft(title="عنوان", body=STATEMENT, outlet_id=sawa.pk, external_id="b"))
    assert Article.objects.count() == 1


def test_article_page_shows_also_reported_by(client, outlets):
    rudaw, sawa, zagros = outlets
    first = saved("التحالف: داعش تحطم لكنه لم ينته", STATEMENT, rudaw, "a")
    second = saved("متحدث التحالف: داعش لم ينته بعد", REPUBLISHED, sawa, "b")
    other = saved("رئاسة الإقليم تبحث مع وفد فرنسي الوضع في كركوك", UNRELATED, zagros, "c")
    # The partial the article page includes (templates/archive/_also_reported.html).
    response = client.get(reverse("archive:article", args=[first.pk]))
    assert response.status_code == 200
    assert [a.pk for a in response.context["also_reported"]] == [second.pk]
    from django.template.loader import render_to_string

    html = render_to_string("archive/_also_reported.html", {"also_reported": response.context["also_reported"]})
    assert "نُشر أيضًا في" in html and "راديو سوا" in html and second.get_absolute_url() in html
    page = response.content.decode()
    if "_also_reported" in open(ROOT / "templates" / "archive" / "article.html", encoding="utf-8").read():
        assert "نُشر أيضًا في" in page and second.get_absolute_url() in page
    response = client.get(reverse("archive:article", args=[other.pk]))
    assert list(response.context["also_reported"]) == []
    assert "نُشر أيضًا في" not in response.content.decode()


def test_upload_groups_near_duplicates(client, outlets, settings, tmp_path):
    from django.contrib.auth.models import User

    settings.DATA_DIR = tmp_path / "data"
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(User.objects.create_superuser("boss", "b@example.org", "x"))
    files = [
        SimpleUploadedFile("one.txt", ("رووداو\nالتحالف: داعش تحطم لكنه لم ينته\n" + STATEMENT).encode()),
        SimpleUploadedFile("two.txt", ("راديو سوا\nمتحدث التحالف: داعش لم ينته بعد\n" + REPUBLISHED).encode()),
    ]
    preview = client.post(reverse("admin:archive_article_upload"), {"files": files}, follow=True)
    from tests.test_admin_upload import form_data

    data = form_data(preview)
    data["confirm"] = ["1"]
    client.post(preview.redirect_chain[-1][0], data)
    stories = set(Article.objects.values_list("story", flat=True))
    assert Article.objects.count() == 2 and len(stories) == 1 and None not in stories


def test_a_withdrawn_article_is_not_listed_as_also_reported(client, outlets):
    rudaw, sawa, _ = outlets
    first = saved("التحالف: داعش تحطم لكنه لم ينته", STATEMENT, rudaw, "a")
    second = saved("متحدث التحالف: داعش لم ينته بعد", REPUBLISHED, sawa, "b")
    Article.objects.filter(pk=second.pk).update(withdrawn=True, withdrawn_reason="نُشر خطأً")
    response = client.get(reverse("archive:article", args=[first.pk]))
    assert list(response.context["also_reported"]) == []
    assert second.get_absolute_url() not in response.content.decode()
