"""The admin upload: review before save, duplicates, bad files, limits, permissions, re-tagging."""
from html.parser import HTMLParser
import io
import os
from pathlib import Path
import zipfile

from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape
import pytest

from archive.models import Article, Outlet, Place, Speaker

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
GAZETTEER = ROOT / "fixtures" / "gazetteer.json"
UPLOAD = "admin:archive_article_upload"

# What the preview must show for each seed file: title start, outlet, date,
# precision, and a speaker, a place and a force from the gazetteer.
EXPECTED = {
    "000": ("مايلز كاگينزلـ KDP", "موقع الحزب الديمقراطي الكوردستاني", None, "", "مايلز كاكينز", "أربيل", "داعش"),
    "001": ("التحالف: ملتزمون بدعم العراق", "راديو سوا", None, "", "فيلكس غيدني", "بغداد", "التحالف الدولي"),
    "002": ("التحالف الدولي: نعمل من مواقع قليلة", "وكالة كل العراق [أين]", None, "", "مايلز كاكينز", "بغداد", "داعش"),
    "003": ("ناقشت رئاسة إقليم كوردستان", "زاكروس عربية", "2021-05-22", "day", "جعفر الشيخ مصطفى", "خانقين", "القوات الفرنسية"),
    "004": ("المتحدث باسم التحالف الدولي لرووداو", "رووداو", "2020-02-07", "day", "مايلز كاكينز", "أربيل", "داعش"),
}


@pytest.fixture
def gazetteer(db, settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    settings.MEDIA_ROOT = tmp_path / "data" / "originals"
    call_command("loaddata", str(GAZETTEER), verbosity=0)


@pytest.fixture
def admin_client(client, gazetteer):
    user = User.objects.create_superuser("boss", "boss@example.org", "x")
    client.force_login(user)
    return client


@pytest.fixture
def archivist(db):
    user = User.objects.create_user("amin", "amin@example.org", "x", is_staff=True)
    user.groups.add(Group.objects.get(name="أمناء الأرشيف"))
    return user


class FormReader(HTMLParser):
    """What a browser would submit from the page's forms (the first POST form)."""

    def __init__(self):
        super().__init__()
        self.data, self.select, self.textarea = [], None, None
        self.in_form = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method", "").lower() == "post":
            self.in_form = True
        if not self.in_form or "disabled" in a:
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file"):
                return
            if kind == "checkbox" and "checked" not in a:
                return
            if a.get("name"):
                self.data.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select":
            self.select = [a.get("name"), None, None]
        elif tag == "option" and self.select is not None:
            if self.select[2] is None:
                self.select[2] = a.get("value", "")
            if "selected" in a:
                self.select[1] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select" and self.select is not None:
            name, chosen, first = self.select
            self.data.append((name, chosen if chosen is not None else (first or "")))
            self.select = None
        elif tag == "form":
            self.in_form = False


def form_data(response):
    reader = FormReader()
    reader.feed(response.content.decode())
    data = {}
    for name, value in reader.data:
        data.setdefault(name, []).append(value)
    return data


def upload(client, files, follow=True):
    uploads = [SimpleUploadedFile(name, data, content_type="application/octet-stream") for name, data in files]
    return client.post(reverse(UPLOAD), {"files": uploads}, follow=follow)


def seed_files():
    return [(path.name, path.read_bytes()) for path in SEEDS]


def confirm(client, preview, **changes):
    data = form_data(preview)
    data.update(changes)
    data["confirm"] = ["1"]
    url = preview.redirect_chain[-1][0]
    return client.post(url, data)


def test_upload_preview_confirm_saves_what_the_preview_showed(admin_client):
    before = Article.objects.count()
    preview = upload(admin_client, seed_files())
    assert preview.status_code == 200
    html = preview.content.decode()
    assert Article.objects.count() == before  # nothing saved yet
    for prefix, (title, outlet, published, precision, speaker, place, force) in EXPECTED.items():
        assert escape(title) in html, title
        assert escape(outlet) in html
        assert escape(speaker) in html and escape(place) in html and escape(force) in html
        if published:
            assert f'value="{published}"' in html
    assert html.count('value="day" selected') == 2
    assert "لم يُعثر على تاريخ النشر" in html  # the no-date warning
    assert 'type="file"' not in html

    result = confirm(admin_client, preview)
    assert result.status_code == 200
    assert Article.objects.count() == before + 5
    for prefix, (title, outlet, published, precision, speaker, place, force) in EXPECTED.items():
        article = Article.objects.get(external_id__startswith=prefix)
        assert article.title.startswith(title)
        assert article.outlet.name == outlet
        assert (article.published.isoformat() if article.published else None) == published
        assert article.date_precision == precision
        assert article.speakers.filter(name=speaker).exists()
        assert article.places.filter(name=place).exists()
        assert article.forces.filter(name=force).exists()
        assert article.original_file
        assert reverse("admin:archive_article_change", args=[article.pk]) in result.content.decode()
    # The stage is gone once confirmed.
    from django.conf import settings

    assert not any((Path(settings.DATA_DIR) / "staging").iterdir())


def test_corrections_in_the_preview_are_saved(admin_client):
    name, data = seed_files()[3]
    preview = upload(admin_client, [(name, data)])
    erbil = Place.objects.get(name="خانقين")
    form = form_data(preview)
    assert str(erbil.pk) in form["d0-places"]
    result = confirm(
        admin_client, preview,
        **{"d0-title": ["عنوان مصحَّح"], "d0-places": [v for v in form["d0-places"] if v != str(erbil.pk)],
           "d0-published": ["2021-05-01"], "d0-precision": ["month"]},
    )
    assert result.status_code == 200
    article = Article.objects.get()
    assert article.title == "عنوان مصحَّح"
    assert not article.places.filter(pk=erbil.pk).exists()
    assert article.places.exists()
    assert article.published.isoformat() == "2021-05-01" and article.date_precision == "month"


def test_unchecked_draft_is_not_saved(admin_client):
    preview = upload(admin_client, seed_files()[:2])
    data = form_data(preview)
    data.pop("d1-include")
    data["confirm"] = ["1"]
    admin_client.post(preview.redirect_chain[-1][0], data)
    assert Article.objects.count() == 1


def test_same_text_again_is_refused_with_a_link(admin_client):
    name, data = seed_files()[4]
    confirm(admin_client, upload(admin_client, [(name, data)]))
    existing = Article.objects.get()
    # Same text, other name, other spacing: still the same article.
    again = upload(admin_client, [("copy.txt", data.replace(b"\n", b"\n\n  "))])
    html = again.content.decode()
    assert "محفوظ من قبل" in html
    assert reverse("admin:archive_article_change", args=[existing.pk]) in html
    assert 'name="d0-include"' in html and "disabled" in html
    result = confirm(admin_client, again, **{"d0-include": ["1"]})  # forcing it does not help
    assert Article.objects.count() == 1
    assert "مكرر" in result.content.decode()


def test_bad_files_do_not_stop_the_others(admin_client):
    good = seed_files()
    truncated = io.BytesIO()
    with zipfile.ZipFile(truncated, "w") as zf:
        zf.writestr("a.txt", good[0][1])
    evil = io.BytesIO()
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../evil.txt", "عنوان\n\nنص خبيث")
        zf.writestr("ok.txt", good[1][1])
    files = [
        good[2],
        ("random.txt", os.urandom(3000)),
        ("truncated.zip", truncated.getvalue()[:60]),
        ("evil.zip", evil.getvalue()),
        good[3],
    ]
    preview = upload(admin_client, files)
    html = preview.content.decode()
    assert preview.status_code == 200
    for bad in ("random.txt", "truncated.zip", "evil.zip/../evil.txt"):
        assert escape(bad) in html, bad
    assert html.count('class="draft__include"') == 3  # two seeds + ok.txt from the zip
    confirm(admin_client, preview)
    assert Article.objects.count() == 3
    assert not Article.objects.filter(title__contains="خبيث").exists()


SMALL = "خبر قصير عن الموصل\nقال المتحدث إن قوات التحالف الدولي تواصل دعم القوات العراقية في الموصل.\nوأضاف أن العمليات مستمرة.\n".encode()


def test_file_over_the_limit_is_refused(admin_client, settings):
    settings.UPLOAD_MAX_FILE_BYTES = 1000
    preview = upload(admin_client, [("big.txt", "عنوان\n\n".encode() + b"x" * 5000), ("small.txt", SMALL)])
    html = preview.content.decode()
    assert "big.txt" in html and "أكبر من الحد المسموح لملف واحد (1 ك.ب)" in html
    assert html.count('class="draft__include"') == 1
    confirm(admin_client, preview)
    assert list(Article.objects.values_list("title", flat=True)) == ["خبر قصير عن الموصل"]


def test_stage_belongs_to_its_uploader(admin_client, client, archivist):
    preview = upload(admin_client, seed_files()[:1])
    url = preview.redirect_chain[-1][0]
    client.force_login(archivist)
    assert client.get(url).status_code == 404
    assert client.post(url, {"confirm": "1", "d0-include": "1"}).status_code == 404
    assert Article.objects.count() == 0


def test_archivist_uploads_but_cannot_edit_the_gazetteer(client, gazetteer, archivist):
    client.force_login(archivist)
    preview = upload(client, seed_files()[:1])
    assert preview.status_code == 200
    confirm(client, preview)
    assert Article.objects.count() == 1
    place, speaker = Place.objects.first(), Speaker.objects.first()
    assert client.post(reverse("admin:archive_place_change", args=[place.pk]), {"name": "x"}).status_code == 403
    assert client.post(reverse("admin:archive_speaker_change", args=[speaker.pk]), {"name": "x"}).status_code == 403
    assert client.get(reverse("admin:archive_speaker_add")).status_code == 403
    assert client.get(reverse("admin:archive_place_change", args=[place.pk])).status_code == 200  # view only
    assert Place.objects.get(pk=place.pk).name == place.name


def test_non_staff_is_sent_to_login(client, gazetteer):
    user = User.objects.create_user("reader", "r@example.org", "x")
    client.force_login(user)
    response = upload(client, seed_files()[:1], follow=False)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert Article.objects.count() == 0
    client.logout()
    response = client.get(reverse(UPLOAD))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_changelist_links_to_the_upload(admin_client):
    html = admin_client.get(reverse("admin:archive_article_changelist")).content.decode()
    assert reverse(UPLOAD) in html and "رفع ملفات" in html


def test_retag_action_applies_a_new_alias(admin_client):
    article = Article.objects.create(title="تصريح جديد", body="قال أبو الحسن الجديد إن داعش هُزم في الموصل.")
    speaker = Speaker.objects.get(pk=5)
    assert not article.speakers.exists()
    speaker.aliases = [*speaker.aliases, "أبو الحسن الجديد"]
    speaker.save()
    response = admin_client.post(reverse("admin:archive_article_changelist"), {
        "action": "retag_selected", "_selected_action": [article.pk],
    })
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(speaker.name) in html and "أُضيف" in html
    assert article.speakers.filter(pk=speaker.pk).exists()


def test_retag_all(admin_client):
    article = Article.objects.create(title="خبر", body="تحدث غيدني عن العمليات.")
    get = admin_client.get(reverse("admin:archive_article_retag_all"))
    assert get.status_code == 200 and not article.speakers.exists()
    # A background job: the answer is the job's page, which (the tests run jobs
    # at once) already shows the result.
    response = admin_client.post(reverse("admin:archive_article_retag_all"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[0][0].startswith("/admin/archive/article/jobs/")
    assert article.speakers.filter(name="فيلكس غيدني").exists()
    assert "فيلكس غيدني" in response.content.decode()
