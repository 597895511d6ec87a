"""Originals: staff download them as received; the public only where published,
without a Word file's personal metadata; served by what the bytes are, never
by the name they came with, and never as a page."""
import io
import zipfile

import docx
import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile

from archive.models import Article

pytestmark = pytest.mark.django_db

HTML = b"<html><head><title>t</title></head><body><script>alert(1)</script>\xd9\x86\xd8\xb5</body></html>"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "originals"


def article_with(name, data, original_name=None):
    article = Article.objects.create(title="عنوان", body="نص", original_name=original_name or name)
    article.original_file.save(name, ContentFile(data))
    return article


def word_file_with_personal_metadata():
    document = docx.Document()
    paragraph = document.add_paragraph("نص المقال عن الموصل")
    document.add_comment(paragraph.runs, text="تعليق سري من المراجع", author="Reviewer Rana", initials="RR")
    properties = document.core_properties
    properties.author = "Author Ahmad"
    properties.last_modified_by = "Editor Layla"
    properties.comments = "draft notes for the desk"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def staff(client):
    client.force_login(User.objects.create_user("amin", "a@example.org", "x", is_staff=True))
    return client


def test_a_stranger_cannot_download_an_original_by_default(client):
    article = article_with("report.txt", "نص".encode())
    response = client.get(f"/articles/{article.pk}/original/")
    assert response.status_code == 403
    assert "فريق الأرشيف" in response.content.decode()


def test_a_stranger_sees_no_download_link_on_the_article_page(client):
    article = article_with("report.txt", "نص".encode())
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert f"/articles/{article.pk}/original/" not in html


def test_staff_download_the_original_as_received(staff):
    data = word_file_with_personal_metadata()
    article = article_with("interview.docx", data)
    response = staff.get(f"/articles/{article.pk}/original/")
    assert response.status_code == 200
    assert response.content == data
    assert f"/articles/{article.pk}/original/" in staff.get(f"/articles/{article.pk}/").content.decode()


def test_published_word_files_lose_author_editor_and_comments(client, settings):
    settings.PUBLISH_ORIGINALS = True
    article = article_with("interview.docx", word_file_with_personal_metadata())
    response = client.get(f"/articles/{article.pk}/original/")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        everything = b"".join(package.read(name) for name in package.namelist())
    for personal in ("Author Ahmad", "Editor Layla", "draft notes", "Reviewer Rana", "تعليق سري"):
        assert personal.encode() not in everything
    published = docx.Document(io.BytesIO(response.content))
    assert published.paragraphs[0].text == "نص المقال عن الموصل"
    assert published.core_properties.author == ""


def test_html_is_a_plain_text_attachment_that_is_never_sniffed(staff):
    article = article_with("page.html", HTML)
    response = staff.get(f"/articles/{article.pk}/original/")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize("uploaded, data, served", [
    ("report.hta", HTML, "report.html"),
    ("run.bat", b"echo hello\r\n", "run.txt"),
    ("notes.txt", "نص".encode(), "notes.txt"),
    ("page.htm", HTML, "page.htm"),
])
def test_a_file_is_served_under_the_extension_of_what_it_is(staff, uploaded, data, served):
    article = article_with(uploaded, data)
    response = staff.get(f"/articles/{article.pk}/original/")
    assert response.status_code == 200
    assert f'filename="{served}"' in response["Content-Disposition"]


def test_bytes_of_a_kind_the_archive_does_not_read_are_not_served(staff):
    article = article_with("tool.exe", b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256)))
    assert staff.get(f"/articles/{article.pk}/original/").status_code == 404


def test_the_admin_links_to_the_original_where_it_is_served(client):
    article = article_with("report.txt", "نص".encode())
    client.force_login(User.objects.create_superuser("boss", "b@example.org", "x"))
    html = client.get(f"/admin/archive/article/{article.pk}/change/").content.decode()
    assert f'href="/articles/{article.pk}/original/"' in html
    assert 'href="/originals/' not in html
