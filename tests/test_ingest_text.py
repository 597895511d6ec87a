"""Reading the five seed files: what a careful reader takes from each.

The seeds are pages saved with a browser's "save as text", furniture and all
(/work/shared/seeds/README.md). Each must come out with its headline (or a
title made from the lead when the page has none), its outlet, its date and
precision (or no date and a warning: never today's), its dateline, and a body
that starts and ends where the article does.
"""
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft
from archive.ingest.outlets import name_key
from archive.ingest.text import DERIVED_TITLE_WARNING, NO_DATE_WARNING

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
GAZETTEER = ROOT / "fixtures" / "gazetteer.json"


@pytest.fixture(autouse=True)
def fresh_alias_index():
    """The gazetteer's alias index is cached per process; a test's rolled-back
    gazetteer must not tag the next test's articles with pks that are gone."""
    from archive.gazetteer import invalidate_alias_index

    invalidate_alias_index()
    yield
    invalidate_alias_index()


@pytest.fixture
def gazetteer(db):
    """The gazetteer the archive ships: the seed outlets, the corpus outlets, places, forces, speakers."""
    call_command("loaddata", str(GAZETTEER), verbosity=0)


def outlet_named(*spellings):
    """The outlet any of whose names, aliases or domains is one of ``spellings``."""
    from archive.models import Outlet

    wanted = {name_key(s) for s in spellings}
    for outlet in Outlet.objects.all():
        keys = {name_key(n) for n in [*outlet.all_names(), *(outlet.domains or [])]}
        if keys & wanted:
            return outlet
    raise AssertionError(f"no outlet called {spellings} in the gazetteer")


def place_named(*spellings):
    from archive.models import Place

    wanted = {name_key(s) for s in spellings}
    for place in Place.objects.all():
        if {name_key(n) for n in place.all_names()} & wanted:
            return place
    raise AssertionError(f"no place called {spellings} in the gazetteer")


def seed_path(prefix):
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def read_seed(prefix) -> Draft:
    path = seed_path(prefix)
    [draft] = read(path.name, path.read_bytes(), catalog=Catalog())
    assert isinstance(draft, Draft), draft
    return draft


def paragraphs(draft):
    return [p for p in draft.body.split("\n") if p.strip()]


TITLES = {
    "000": "مايلز كاگينزلـ KDP: القادة السياسيون توصلوا الى حقيقة ضرورة التنسيق بين القوات",
    "001": "التحالف: ملتزمون بدعم العراق حتى دحر داعش نهائيا",
    "002": "التحالف الدولي: نعمل من مواقع قليلة في العراق وقواته قادرة على منع عودة داعش",
    "004": "المتحدث باسم التحالف الدولي لرووداو: داعش ينشط مجدداً في عدد من مناطق العراق",
}


@pytest.mark.parametrize("prefix", sorted(TITLES))
def test_the_headline_is_found_below_banners_and_taglines(gazetteer, prefix):
    draft = read_seed(prefix)
    assert draft.title == TITLES[prefix]
    assert DERIVED_TITLE_WARNING not in draft.warnings


def test_a_page_without_headline_gets_a_title_from_its_lead_and_a_warning(gazetteer):
    draft = read_seed("003")
    # The lead is "ناقشت رئاسة إقليم كوردستان مع وفد عسكري ضمن التحالف الدولي، اليوم السبت
    # (22 أيار 2021)، القضاء على بقايا تنظيم داعش في كركوك وخانقين، وشدد ...": the title
    # is its first clauses, without the date, cut at a clause boundary.
    assert draft.title.startswith("ناقشت رئاسة إقليم كوردستان مع وفد عسكري ضمن التحالف الدولي")
    assert "22 أيار" not in draft.title and "اليوم السبت" not in draft.title
    assert draft.title.endswith("في كركوك وخانقين")
    assert len(draft.title) <= 120
    assert "زاكروس" not in draft.title
    assert DERIVED_TITLE_WARNING in draft.warnings


@pytest.mark.parametrize("prefix, names", [
    ("000", ["KDP.info", "kdp.info"]),
    ("001", ["راديو سوا", "Radio Sawa"]),
    ("002", ["وكالة كل العراق [أين]", "وكالة كل العراق", "كل العراق"]),
    ("003", ["زاكروس عربية", "Zagros Arabic", "زاكروس"]),
    ("004", ["رووداو", "Rudaw"]),
])
def test_the_outlet_is_recognised_from_the_pages_cues(gazetteer, prefix, names):
    draft = read_seed(prefix)
    assert draft.outlet_id == outlet_named(*names).pk
    assert not draft.outlet_is_new


@pytest.mark.parametrize("prefix, published, precision", [
    ("003", date(2021, 5, 22), "day"),   # "اليوم السبت (22 أيار 2021)" in the lead
    ("004", date(2020, 2, 7), "day"),    # "07-02-2020" under the headline
])
def test_a_printed_date_is_taken_with_its_precision(gazetteer, prefix, published, precision):
    draft = read_seed(prefix)
    assert (draft.published, draft.date_precision) == (published, precision)
    assert NO_DATE_WARNING not in draft.warnings


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_a_page_without_a_date_gets_none_and_a_warning_never_today(gazetteer, prefix):
    # 000 mentions 23\3\2019 deep in its body; 002 "عام 2014" and "2020": events, not dates.
    draft = read_seed(prefix)
    assert draft.published is None
    assert draft.date_precision == ""
    assert NO_DATE_WARNING in draft.warnings


@pytest.mark.parametrize("prefix, dateline", [
    ("000", "ھولێر"),    # "ھولێر-KDP.info-  قال ..." opens the lead
    ("001", None),
    ("002", "بغداد"),    # "[بغداد_اين]"
    ("003", "أربيل"),    # "زاكروس عربية – أربيل"
    ("004", "أربيل"),    # "رووداو – أربيل"
])
def test_the_dateline_is_read_from_the_header_or_the_lead(gazetteer, prefix, dateline):
    assert read_seed(prefix).dateline_name == dateline


FIRST_AND_LAST = {
    "000": ("ھولێر-KDP.info- قال الناطق باسم قوات التحالف ضد داعش", "في ختام تصريحه قال المتحدث باسم قوات التحالف الدولي"),
    "001": ("جدد نائب قائد التحالف الدولي ضد داعش", "وأكد غيدني أن التحالف لن ينهي مهمته"),
    "002": ("أكد المتحدث باسم قوات التحالف الدولي، العقيد مايلز كيغنز", "ويوجد حاليا في العراق نحو خمسة آلاف ومئتي جندي"),
    "003": ("ناقشت رئاسة إقليم كوردستان مع وفد عسكري", "وأوضح كمال أن \"ضباط البيشمركة باشروا عملهم"),
    "004": ("أكد المتحدث باسم التحالف الدولي ضد داعش، مايلز كاكينز", "كاكينز: هنالك الكثير من التوترات والنزاعات"),
}


@pytest.mark.parametrize("prefix", sorted(FIRST_AND_LAST))
def test_the_body_runs_from_the_first_to_the_last_real_paragraph(gazetteer, prefix):
    first, last = FIRST_AND_LAST[prefix]
    body = paragraphs(read_seed(prefix))
    assert body[0].startswith(first)
    assert body[-1].startswith(last)


FURNITURE = [
    "Kurdistan Democratic Party", "Renewal", "Accessibility links", "اخبار العراق الان",
    "XS", "SM", "MD", "LG", "A+ A-", "الكلمات الدالة", "أضف تعليق", "التعليقات (0)",
    "لا توجد تعليقات حتى الآن", "علق كضيف", "النص المطلوب", "اقرأ أيضا", "يمكنك قراءة الخبر",
    "عن مصدر الخبر", "المصدر: راديو سوا", "[بغداد_اين]", "زاكروس عربية – أربيل", "رووداو – أربيل",
    "قوات عراقية قرب الحويجة، أرشيف", "07-02-2020",
]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_page_furniture_stays_out_of_the_body(gazetteer, prefix):
    draft = read_seed(prefix)
    lines = paragraphs(draft)
    for furniture in FURNITURE:
        assert not any(line.strip() == furniture or line.startswith(furniture) for line in lines), furniture
    assert draft.title not in lines
    # "A+ A-" and the single size letters never survive as lines of their own.
    assert not any(len(line.strip()) <= 3 for line in lines)


def test_the_body_keeps_the_article_between_the_furniture(gazetteer):
    # 001 has a "read also" line in the middle of its text: it goes, the text around it stays.
    body = read_seed("001").body
    assert "اقرأ أيضا" not in body
    assert "وصرح بأن الادعاءات الروسية بهزيمة داعش" in body
    assert "يذكر أن داعش سيطر في عام 2014" in body


def test_the_external_id_is_the_file_name_without_extension(gazetteer):
    draft = read_seed("004")
    assert draft.external_id == seed_path("004").stem
    assert draft.original_bytes == seed_path("004").read_bytes()
    assert draft.format == "text"


def test_an_unknown_outlet_in_a_header_is_proposed_as_new(db):
    text = "شبكة الأنباء الجديدة – الموصل\n" + "قال مسؤول عسكري إن القوات العراقية أحبطت هجوماً لتنظيم داعش " * 4
    [draft] = read("x.txt", text.encode(), catalog=Catalog())
    assert draft.outlet_is_new
    assert draft.outlet_name == "شبكة الأنباء الجديدة"
    assert draft.outlet_id is None
    assert "وسيلة إعلام جديدة: شبكة الأنباء الجديدة (تُنشأ عند التأكيد)" in draft.warnings
    assert draft.dateline_name == "الموصل"


def test_a_source_line_names_the_outlet_and_leaves_the_body(db):
    text = ("هجوم جديد لداعش في ديالى يوقع قتلى\n\n"
            + "أفادت مصادر أمنية بأن عناصر من تنظيم داعش هاجموا نقطة عسكرية في ديالى الليلة الماضية. " * 3
            + "\n\nالمصدر: وكالة الأنباء المستقلة\n")
    [draft] = read("x.txt", text.encode(), catalog=Catalog())
    assert draft.outlet_name == "وكالة الأنباء المستقلة" and draft.outlet_is_new
    assert "المصدر" not in draft.body


def test_a_file_with_only_furniture_is_refused_with_a_reason(db):
    [failure] = read("empty.txt", "Accessibility links\n\nA+ A-\nXS\nSM\n".encode(), catalog=Catalog())
    assert "لم يُعثر على نص المقال" in failure.message


def test_a_page_with_a_long_menu_bylines_and_related_links(db):
    menu = ["الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة", "منوعات", "فيديو", "صور", "تقارير",
            "حوارات", "مقالات", "اتصل بنا", "من نحن", "English"]
    lead = ("قال مسؤول أمني عراقي إن القوات الأمنية اعتقلت خلية لتنظيم داعش في محافظة الأنبار "
            "كانت تخطط لتنفيذ هجمات ضد مواقع عسكرية، وذلك بعد عملية استخبارية دامت أسابيع.")
    second = "وأضاف أن أفراد الخلية أحيلوا إلى القضاء."
    text = "\n".join([*menu, "", "القوات العراقية تعتقل خلية لداعش في الأنبار", "بقلم: أحمد علي",
                      "منذ 3 ساعات", "عدد المشاهدات: 120", "حجم الخط", "", lead, "", second, "", "شارك",
                      "فيسبوك تويتر واتساب", "مواضيع ذات صلة", "داعش يتبنى هجوماً في ديالى"])
    [draft] = read("page.txt", text.encode(), catalog=Catalog())
    assert draft.title == "القوات العراقية تعتقل خلية لداعش في الأنبار"
    assert paragraphs(draft) == [lead, second]


@pytest.mark.django_db
def test_a_site_menu_line_is_furniture_and_the_source_under_the_headline_names_the_outlet():
    """Found by evaluate_extraction: the menu was taken for the headline."""
    from archive.ingest.catalog import Catalog
    from archive.ingest.pipeline import read
    from archive.models import Outlet

    Outlet.objects.create(name="سكاي نيوز عربية", name_en="Sky News Arabia", slug="sky-news-arabia")
    page = (
        "تخطى إلى المحتوى الرئيسي\nAccessibility links\nالرئيسية | أخبار | العالم العربي | اقتصاد | رياضة\n\n"
        "مقتل عشرة مسلحين في غارة شمال بغداد\nالمصدر: سكاي نيوز عربية\nالجمعة، 07 شباط، 2020\n\n"
        "قالت مصادر أمنية إن غارة جوية استهدفت مخبأ لمسلحين في منطقة الطارمية شمال بغداد.\n\n"
        "وأضافت المصادر أن الغارة أسفرت عن مقتل عشرة مسلحين.\n\nأضف تعليقاً\nالتعليقات (0)\n"
    )
    draft = read("menu.txt", page.encode("utf-8"), catalog=Catalog())[0]
    assert draft.title == "مقتل عشرة مسلحين في غارة شمال بغداد"
    assert draft.published.isoformat() == "2020-02-07" and draft.date_precision == "day"
    assert draft.outlet_id == Outlet.objects.get(slug="sky-news-arabia").pk
    assert draft.body.startswith("قالت مصادر أمنية") and "الرئيسية" not in draft.body
