"""Large uploads confirm, outlets stay with staff, and every batch is on record.

A zip of 1,000 articles is uploaded, previewed a page at a time (each page's
form stays far below Django's 1,000-field limit), corrected on two pages,
confirmed as a background job and found by search. An archivist who may not
add outlets creates none. Each confirmed upload records who sent which files
with their SHA-256, and each article the SHA-256 of its own original.
"""
from hashlib import sha256
import io
import random
import re
import zipfile

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.urls import reverse
import pytest

from archive.models import Article, Job, Outlet, UploadBatch
from archive.search.engine import search
from archive.search.params import SearchParams
from tests.test_admin_upload import form_data, gazetteer, upload  # noqa: F401  (fixture)

WORDS = ("قوات الجيش العراقي الحشد الشعبي البيشمركة التحالف الدولي داعش الموصل كركوك ديالى "
         "الأنبار بغداد أربيل عملية أمنية مسلحين هجوم قرية ناحية قضاء محافظة مصادر محلية").split()


def article_text(i, rng, outlet=""):
    title = f"خبر رقم {i} عن " + " ".join(rng.choice(WORDS) for _ in range(5))
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(40)) + f" ({i})." for _ in range(2)]
    head = f"{outlet}\n\n" if outlet else ""
    return f"{head}{title}\n\n" + "\n\n".join(paragraphs) + "\n"


def zip_of(n, seed=3):
    rng = random.Random(seed)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(n):
            zf.writestr(f"batch/{i:04d}.txt", article_text(i, rng))
    return out.getvalue()


def field_count(response):
    return sum(len(values) for values in form_data(response).values())


@pytest.fixture
def boss(client, gazetteer):
    user = User.objects.create_superuser("boss", "boss@example.org", "x")
    client.force_login(user)
    return user


@pytest.fixture
def archivist_client(client, gazetteer):
    user = User.objects.create_user("amin", "amin@example.org", "x", is_staff=True)
    user.groups.add(Group.objects.get(name="أمناء الأرشيف"))
    client.force_login(user)
    return client


def test_a_zip_of_1000_articles_is_uploaded_corrected_confirmed_and_searchable(
        client, boss, django_capture_on_commit_callbacks):
    data = zip_of(1000)
    before = Article.objects.count()
    # Read by the worker: the answer is the reading job's page, which sends
    # the archivist on to the preview once it is done.
    reading = upload(client, [("دفعة كبيرة.zip", data)])
    job = Job.objects.get(kind="stage_upload")
    assert reading.redirect_chain == [(reverse("admin:archive_job", args=[job.pk]), 302)]
    assert (job.state, job.done, job.total, job.result["drafts"]) == ("done", 1000, 1000, 1000)
    url = reverse("admin:archive_article_preview", args=[job.result["token"]])
    assert f'content="0; url={url}"' in reading.content.decode()
    preview = client.get(url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "قُرئ 1000 مقالات." in html
    assert re.search(r"الصفحة 1 من \d\d", html)
    assert field_count(preview) < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS * 0.7

    # Page 1: correct the first title, go to page 2 (the correction is kept).
    page1 = form_data(preview)
    page1["d0-title"] = ["عنوان صححته أمينة الأرشيف"]
    page1["goto"] = ["2"]
    page2 = client.post(url, page1, follow=True)
    assert page2.status_code == 200 and "الصفحة 2 من" in page2.content.decode()
    # Page 2: leave draft 45 out, and confirm the whole batch from here.
    data2 = form_data(page2)
    assert field_count(page2) < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS * 0.7
    assert "d0-title" not in data2 and "d45-title" in data2
    del data2["d45-include"]
    data2["confirm"] = ["1"]
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, data2, follow=True)
    assert done.status_code == 200
    job = Job.objects.get(kind="confirm_upload")
    assert done.redirect_chain[-1][0] == reverse("admin:archive_job", args=[job.pk])
    assert (job.kind, job.state, job.done, job.total) == ("confirm_upload", "done", 1000, 1000)
    assert job.result["counts"] == {"created": 999, "skipped": 1}
    page = done.content.decode()
    assert "أُنشئ: 999" in page and "عنوان صححته أمينة الأرشيف" in page

    assert Article.objects.count() == before + 999
    assert not Article.objects.filter(external_id="0045").exists()
    assert Article.objects.filter(title="عنوان صححته أمينة الأرشيف", external_id="0000").exists()
    # Searchable: every saved article of the batch is in the index.
    outcome = search(SearchParams(q="خبر رقم", page_size=10))
    assert outcome.count >= 998  # the corrected title no longer says it
    assert search(SearchParams(q="صححته")).count == 1
    # The stage is gone once saved.
    assert not any((settings.DATA_DIR / "staging").iterdir())


def test_a_small_upload_is_saved_in_the_request_and_recorded_as_a_batch(client, boss):
    rng = random.Random(5)
    files = [(f"{i}.txt", article_text(i, rng).encode()) for i in range(3)]
    preview = upload(client, files)
    data = form_data(preview)
    data["confirm"] = ["1"]
    result = client.post(preview.redirect_chain[-1][0], data)
    assert result.status_code == 200 and "أُنشئ: 3" in result.content.decode()
    assert not Job.objects.exists()  # read and saved in the request
    batch = UploadBatch.objects.get()
    assert batch.user == boss
    assert [(f["name"], f["size"], f["sha256"]) for f in batch.files] == [
        (name, len(body), sha256(body).hexdigest()) for name, body in files]
    for name, body in files:
        article = Article.objects.get(original_name=name)
        assert article.upload_batch == batch
        assert article.original_sha256 == sha256(body).hexdigest()


def test_a_zip_batch_records_the_zip_and_each_member(client, boss):
    data = zip_of(2)
    preview = upload(client, [("اثنان.zip", data)])
    form = form_data(preview)
    form["confirm"] = ["1"]
    client.post(preview.redirect_chain[-1][0], form)
    batch = UploadBatch.objects.get()
    assert batch.files == [{"name": "اثنان.zip", "size": len(data), "sha256": sha256(data).hexdigest()}]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        member = zf.read("batch/0001.txt")
    assert Article.objects.get(external_id="0001").original_sha256 == sha256(member).hexdigest()
    # Visible in the admin: the batch's page lists the file and its SHA-256.
    page = client.get(reverse("admin:archive_uploadbatch_change", args=[batch.pk])).content.decode()
    assert sha256(data).hexdigest() in page and "اثنان.zip" in page and "boss" in page
    listing = client.get(reverse("admin:archive_uploadbatch_changelist"))
    assert listing.status_code == 200 and "boss" in listing.content.decode()
    articles = client.get(reverse("admin:archive_article_changelist") + f"?upload_batch__id__exact={batch.pk}")
    assert articles.status_code == 200 and articles.context["cl"].result_count == 2
    assert client.get(reverse("admin:archive_job_changelist")).status_code == 200


def new_outlet_file():
    import json

    record = {"id": "new-1", "title": "خبر من وكالة لا يعرفها الأرشيف",
              "body": article_text(1, random.Random(9)), "source": "وكالة أنباء لم يسمع بها أحد"}
    return ("جديد.jsonl", json.dumps(record, ensure_ascii=False).encode())


def test_an_archivist_without_add_outlet_creates_no_outlet(archivist_client):
    assert not User.objects.get(username="amin").has_perm("archive.add_outlet")
    outlets = Outlet.objects.count()
    preview = upload(archivist_client, [new_outlet_file()])
    html = preview.content.decode()
    assert "ولا تملك صلاحية إضافة مصادر" in html
    assert 'value="new"' not in html  # the choice to create it is not offered
    data = form_data(preview)
    data["confirm"] = ["1"]
    url = preview.redirect_chain[-1][0]
    # Posting the choice anyway is refused, with the reason.
    forged = {**data, "d0-outlet": ["new"]}
    refused = archivist_client.post(url, forged)
    assert "لا تملك صلاحية إضافة مصادر جديدة" in refused.content.decode()
    assert Outlet.objects.count() == outlets and not Article.objects.filter(external_id="new-1").exists()
    saved = archivist_client.post(url, data)
    assert saved.status_code == 200
    article = Article.objects.get(external_id="new-1")
    assert article.outlet is None
    assert Outlet.objects.count() == outlets


def test_staff_who_may_add_outlets_still_create_them(client, boss):
    outlets = Outlet.objects.count()
    preview = upload(client, [new_outlet_file()])
    data = form_data(preview)
    data["confirm"] = ["1"]
    client.post(preview.redirect_chain[-1][0], data)
    assert Outlet.objects.count() == outlets + 1
    assert Article.objects.get(external_id="new-1").outlet.name == "وكالة أنباء لم يسمع بها أحد"
