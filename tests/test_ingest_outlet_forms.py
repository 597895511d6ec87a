"""Where a text save names its own outlet, and the forms it names it in.

A site names itself in its copyright line in many wordings ("حقوق النشر © 2018
X", "© 2021 X"), in the Latin name its catalogue entry writes with a note
("Jordan News Agency (Petra)" printed "Jordan News Agency"), with "Al"
joined or hyphenated ("Al-Manar"). An agency credited in the dateline under
the headline ("كازان - د ب أ") gave the story; the site that names itself
published it. A name several outlets share is neither guessed nor proposed.
"""
import pytest

from archive.ingest.catalog import Catalog
from archive.ingest.outlet_catalogue import load_catalogue
from archive.ingest.outlets import derived_forms
from archive.ingest.text import draft_from_text
from archive.models import Outlet

HEADLINE = "مقتل خمسة عناصر من داعش بغارة للتحالف قرب الموصل"
PARAS = [
    "قالت مصادر أمنية عراقية إن خمسة عناصر من تنظيم داعش قتلوا في غارة جوية للتحالف الدولي قرب الموصل أمس.",
    "وأضافت المصادر أن الغارة استهدفت مخبأ للتنظيم في منطقة بادوش غرب المدينة، بحسب ما نقلت وسائل إعلام محلية.",
    "وأشارت إلى أن القوات العراقية تواصل عملياتها لتطهير المناطق المحيطة بالمدينة من بقايا التنظيم.",
]
MENU = ["الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة"]


@pytest.fixture
def catalogue(db):
    load_catalogue()
    return Catalog()


def page(under="12 آذار/مارس 2018", footer="", top=()):
    lines = [*top, *MENU, HEADLINE, under, *PARAS, "من نحن", "اتصل بنا"]
    if footer:
        lines.append(footer)
    return "\n".join(lines) + "\n"


def slug_of(draft):
    return Outlet.objects.get(pk=draft.outlet_id).slug if draft.outlet_id else None


@pytest.mark.parametrize("footer", ["حقوق النشر © 2018 صحيفة الوئام", "حقوق الطبع والنشر © 2018 صحيفة الوئام",
                                    "© 2021 الوئام", "الوئام - جميع الحقوق محفوظة 2021"])
def test_a_copyright_line_in_any_wording_names_the_site(catalogue, footer):
    draft = draft_from_text(page(footer=footer), source_name="page.txt", catalog=catalogue)
    assert slug_of(draft) == "al-weeam"


def test_the_site_that_names_itself_wins_over_the_agency_credited_in_the_dateline(catalogue):
    text = page(under="كازان - د ب أ", footer="جميع الحقوق محفوظة © قناة العربية 2023")
    draft = draft_from_text(text, source_name="page.txt", catalog=catalogue)
    assert slug_of(draft) == "al-arabiya"


def test_an_agency_credited_alone_is_the_outlet(catalogue):
    draft = draft_from_text(page(under="كازان - د ب أ"), source_name="page.txt", catalog=catalogue)
    assert slug_of(draft) == "dpa-arabic"


@pytest.mark.parametrize("name, slug", [("Jordan News Agency", "petra"), ("Al-Manar", "al-manar"),
                                        ("Agence France-Presse", "afp-arabic"), ("SPA", "saudi-press-agency")])
def test_latin_forms_made_by_rule_from_the_catalogue_name(catalogue, name, slug):
    draft = draft_from_text(page(footer=f"© 2018 {name}. All rights reserved"), source_name="page.txt", catalog=catalogue)
    assert slug_of(draft) == slug
    # A Latin logo line with a hyphen is one name, not an "outlet - place" pair.
    draft = draft_from_text(page(top=[name]), source_name="page.txt", catalog=catalogue)
    assert draft.outlet_name != name.split("-")[0]


def test_a_name_several_outlets_share_is_neither_guessed_nor_proposed(catalogue):
    draft = draft_from_text(page(under="المصدر: Al-Watan"), source_name="page.txt", catalog=catalogue)
    assert draft.outlet_id is None and not draft.outlet_is_new


def test_derived_forms():
    assert derived_forms("Saudi Press Agency (SPA)") >= {"Saudi Press Agency", "SPA"}
    assert "AlManar" in derived_forms("Al-Manar")
    assert "الميادين نت" in derived_forms("الميادين")
