"""Arabic interface by default, English by choice; every string translated.

Arabic is the source language (the msgids); ``locale/en/LC_MESSAGES/django.po``
is the English translation and its compiled ``django.mo`` is committed, so no
machine needs GNU gettext to run the archive or these tests.
"""
import ast
import gettext as pygettext
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import translation
from django.utils.translation.template import templatize

from archive.models import Article
from tests.conftest import seed

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.mo"
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
ARABIC_INDIC_DIGIT = re.compile(r"[\u0660-\u0669\u06F0-\u06F9]")
GETTEXT_FUNCTIONS = {"_", "gettext", "gettext_lazy", "gettext_noop", "pgettext", "pgettext_lazy",
                     "ngettext", "ngettext_lazy"}


def english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302


# ---------- The catalogue covers every string ----------

def template_msgids():
    found = {}
    for path in sorted((ROOT / "templates").rglob("*")):
        if path.suffix not in (".html", ".txt", ".xml") or not path.is_file():
            continue
        code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
        for match in re.finditer(r"""\b(?:gettext|_)\(u?('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\)""", code):
            found.setdefault(ast.literal_eval(match.group(1)), str(path.relative_to(ROOT)))
    return found


def python_msgids():
    found = {}
    for path in sorted((ROOT / "archive").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in GETTEXT_FUNCTIONS and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.setdefault(node.args[0].value, str(path.relative_to(ROOT)))
    return found


def compiled_catalog():
    with MO.open("rb") as handle:
        return pygettext.GNUTranslations(handle)._catalog


def po_entries():
    """{msgid: msgstr} of the .po file (enough of the format for this file).
    A plural entry's msgstr is its forms joined by NUL, or "" when one of
    them is empty (an untranslated plural shows Arabic in the English pages)."""
    entries, key, current = {}, None, None
    for line in PO.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("msgid "):
            key, current = "id", [ast.literal_eval(line[6:])]
            msgid, forms = current, []
        elif line.startswith("msgid_plural "):
            key, current = "plural", [ast.literal_eval(line[13:])]
        elif line.startswith("msgstr "):
            key, current = "str", [ast.literal_eval(line[7:])]
            forms.append(current)
        elif line.startswith("msgstr["):
            key, current = "str", [ast.literal_eval(line.split("] ", 1)[1])]
            forms.append(current)
        elif line.startswith('"') and current is not None:
            current.append(ast.literal_eval(line))
        elif not line.strip() and key == "str":
            texts = ["".join(form) for form in forms]
            entries["".join(msgid)] = "\x00".join(texts) if all(texts) else ""
            key, current = None, None
    entries.pop("", None)
    return entries


def test_every_interface_string_has_an_english_translation():
    catalog = compiled_catalog()
    wanted = {**python_msgids(), **template_msgids()}
    assert len(wanted) > 100
    missing = {msgid: where for msgid, where in wanted.items()
               if ARABIC_LETTER.search(msgid) and not catalog.get(msgid)}
    assert not missing, (
        "Strings without an English translation (run makemessages, translate in "
        f"locale/en/LC_MESSAGES/django.po, compilemessages): {missing}"
    )


def _compiled(catalog, msgid, msgstr):
    """The compiled translation in po_entries' form (a plural's forms NUL-joined)."""
    if "\x00" not in msgstr:
        return catalog.get(msgid)
    return "\x00".join(catalog.get((msgid, i), "") for i in range(msgstr.count("\x00") + 1))


def test_the_compiled_catalogue_is_the_po_file():
    entries = po_entries()
    catalog = compiled_catalog()
    assert entries, "empty .po file"
    untranslated = [msgid for msgid, msgstr in entries.items() if not msgstr]
    assert not untranslated, f"untranslated in django.po: {untranslated}"
    stale = {msgid for msgid, msgstr in entries.items() if _compiled(catalog, msgid, msgstr) != msgstr}
    assert not stale, f"django.mo is older than django.po (run compilemessages): {sorted(stale)[:5]}"


def test_english_translations_are_english():
    for msgid, msgstr in po_entries().items():
        # An Arabic example carried over from the msgid (a spelling to type) may stay.
        rest = " ".join(word for word in msgstr.split() if word.strip("~()«»“”\"',.:") not in msgid)
        assert not ARABIC_LETTER.search(rest), f"{msgid!r} → {msgstr!r}"


def test_model_names_translate():
    with translation.override("en"):
        for model in apps.get_app_config("archive").get_models():
            assert not ARABIC_LETTER.search(str(model._meta.verbose_name)), model
            assert not ARABIC_LETTER.search(str(model._meta.verbose_name_plural)), model
            for field in model._meta.get_fields():
                name = getattr(field, "verbose_name", None)
                if name is not None:
                    assert not ARABIC_LETTER.search(str(name)), f"{model.__name__}.{field.name}: {name}"
                for _value, label in getattr(field, "choices", None) or []:
                    assert not ARABIC_LETTER.search(str(label)), f"{model.__name__}.{field.name}: {label}"
        assert str(Article._meta.verbose_name_plural) == "Articles"
    with translation.override("ar"):
        assert str(Article._meta.verbose_name_plural) == "المقالات"


# ---------- Arabic by default ----------

def test_arabic_when_the_browser_prefers_arabic_or_says_nothing(client, seeded):
    for accept in ("", "ar", "ar-IQ,ar;q=0.9,en;q=0.8", "fr", "de-DE,fr;q=0.8", "*", "en;q=0.5,ar;q=0.9",
                   "not a header;;;q=x"):
        html = client.get("/", HTTP_ACCEPT_LANGUAGE=accept).content.decode()
        assert '<html lang="ar" dir="rtl">' in html, accept
        assert "ابحث في الأرشيف" in html
        assert 'aria-pressed="true">العربية' in html


def test_english_on_a_first_visit_from_a_browser_that_prefers_english(client, seeded):
    for accept in ("en-US,en;q=0.9", "en-GB", "fr-FR,fr;q=0.9,en;q=0.8,ar;q=0.5"):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
        assert '<html lang="en" dir="ltr">' in response.content.decode(), accept
        # Caches must keep the two languages of one address apart.
        assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]


def test_the_switch_wins_over_the_browser_and_is_remembered(client, seeded):
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    for accept in ("en-US,en;q=0.9", "en"):
        assert '<html lang="ar" dir="rtl">' in client.get("/", HTTP_ACCEPT_LANGUAGE=accept).content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert '<html lang="en" dir="ltr">' in client.get("/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()


def test_english_by_choice(client, seeded):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/search/?q=x"})
    assert response.status_code == 302 and response["Location"] == "/search/?q=x"
    html = client.get("/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    for text in ("Search the archive", "Skip to content", "Latest articles", "Most-named places",
                 "Articles in the archive: 5", 'aria-pressed="true">English'):
        assert text in html, text
    for text in ("ابحث في الأرشيف", "انتقل إلى المحتوى", "أحدث المقالات"):
        assert text not in html, text
    # And back.
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    assert '<html lang="ar" dir="rtl">' in client.get("/").content.decode()


def test_english_search_page(client, seeded):
    english(client)
    html = client.get("/search/", {"q": "داعش", "location": "nineveh"}).content.decode()
    assert '<html lang="en" dir="ltr">' in html
    for text in ("Results:", "Narrow the results", "Search mode", "Active filters:", "Place: ",
                 "Download CSV", "Atom feed", "Most relevant"):
        assert text in html, text
    assert "عدد النتائج" not in html
    error = client.get("/search/", {"sort": "bogus"})
    assert error.status_code == 400
    assert "Not a valid value for “Sort by”" in error.content.decode()


def test_english_article_keeps_the_text_right_to_left(client, seeded):
    article = seed("004")
    english(client)
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert '<article class="story" dir="rtl" lang="ar"' in html
    assert '<dl class="story__meta" lang="en" dir="ltr">' in html
    meta = html.split('<dl class="story__meta"', 1)[1].split("</dl>", 1)[0]
    assert '<time datetime="2020-02-07">7 February 2020</time>' in meta
    for text in ("Published", "Outlet", "About this article", "Cite this article", "Copy citation"):
        assert text in html, text


def test_arabic_article_dates_use_arabic_month_names(client, seeded):
    html = client.get(f"/articles/{seed('004').pk}/").content.decode()
    assert '<time datetime="2020-02-07">7 شباط 2020</time>' in html
    html = client.get(f"/articles/{seed('000').pk}/").content.decode()
    assert '<time datetime="2020-07">تموز 2020</time>' in html


@pytest.mark.parametrize("language", ["ar", "en"])
def test_numbers_are_western_digits(client, seeded, language):
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    pages = ["/", "/search/?q=داعش&page_size=1&page=2", f"/articles/{seed('004').pk}/"]
    for url in pages:
        html = client.get(url).content.decode()
        body = html.split("<main", 1)[1]
        # The article's own text is left as the outlet wrote it; the interface is not.
        body = re.sub(r'<div class="story__body">.*?</div>', "", body, flags=re.S)
        body = re.sub(r'<p class="card__snippet".*?</p>', "", body, flags=re.S)
        assert not ARABIC_INDIC_DIGIT.search(body), (url, ARABIC_INDIC_DIGIT.search(body))
    html = client.get("/search/", {"q": "داعش", "page_size": "1", "page": "2"}).content.decode()
    assert re.search(r"(الصفحة|Page) 2 (من|of) \d+", html)


def test_english_admin(admin_client, seeded):
    admin_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = admin_client.get("/admin/archive/article/").content.decode()
    assert "Articles" in html and "المقالات" not in html
