"""A saved page's body checked against the page's own structure (``archive.ingest.html_structure``).

trafilatura's text is held against what the markup shows on any site: the
element that holds the article's prose, the link boxes inside it, a small
widget with a form control, a short line in an element no paragraph uses, and
a whole JSON-LD ``articleBody``. Class names here are meaningless on purpose:
nothing keys on them.
"""
import json

import lxml.html

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft
from archive.ingest.html_structure import article_element, checked_text
from tests.test_ingest_text import fresh_alias_index, gazetteer  # noqa: F401  (fixtures)

HEADLINE = "القوات العراقية تستعيد السيطرة على قرى جنوب الموصل"
PARAGRAPHS = [
    "أعلنت قيادة العمليات المشتركة في العراق، اليوم الأحد، أن القوات الأمنية استعادت السيطرة على ثلاث قرى "
    "جنوب مدينة الموصل بعد معارك استمرت يومين مع مسلحي تنظيم داعش.",
    "وقال المتحدث باسم القيادة في بيان إن القوات رفعت العلم العراقي فوق المباني الحكومية في القرى المحررة، "
    "وإن فرق الهندسة بدأت بتفكيك العبوات الناسفة التي زرعها التنظيم في الطرق.",
    "وأضاف البيان أن طيران التحالف الدولي قدم الإسناد الجوي للقوات المتقدمة، وأن عشرات المسلحين قتلوا "
    "في الضربات الجوية التي استهدفت مواقعهم ومخازن أسلحتهم.",
    "وتأتي هذه العملية ضمن المرحلة الثانية من الحملة العسكرية لاستعادة المناطق التي ما زال التنظيم يسيطر "
    "عليها في محافظة نينوى، بحسب ما أفاد به مصدر عسكري لوكالات الأنباء.",
]
RELATED = ["الأمم المتحدة تحذر من موجة نزوح جديدة في نينوى", "مقتل قيادي بارز في التنظيم بغارة قرب الحدود"]
SUMMARY = "قالت منظمات إغاثة دولية إن آلاف العائلات تحتاج إلى مساعدات عاجلة بعد فرارها من مناطق القتال في الأسابيع الأخيرة."


def page(body, head=""):
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{HEADLINE}</title>{head}</head>
<body><div class="q7Zx"><a href="/">الرئيسية</a> <a href="/s">سياسة</a></div>
<div class="k2Pw"><div class="mM3a"><h1>{HEADLINE}</h1><div class="t9">الأحد 12 نوفمبر 2016</div>{body}</div></div>
<div class="ff0"><p>© 2016 الموقع</p></div></body></html>""".encode("utf-8")


def paragraphs(tag="p", between=None):
    between = between or {}
    return "".join(between.get(i, "") + f"<{tag}>{p}</{tag}>" for i, p in enumerate(PARAGRAPHS))


def body_of(data, name="page.html"):
    [draft] = read(name, data, catalog=Catalog())
    assert isinstance(draft, Draft), draft
    return draft.body


def assert_whole(body):
    for p in PARAGRAPHS:
        assert p in body
    assert body.index(PARAGRAPHS[0]) < body.index(PARAGRAPHS[-1])


def test_related_cards_with_one_sentence_summaries_after_the_article_stay_out(gazetteer):
    cards = "".join(f'<div class="c{i}"><h4><a href="/{i}">{t}</a></h4><p>{SUMMARY}</p></div>' for i, t in enumerate(RELATED))
    body = body_of(page(f'<div class="b1">{paragraphs()}</div><div class="z8"><h3>قد يهمك أيضا</h3>{cards}</div>'))
    assert_whole(body)
    assert SUMMARY not in body and RELATED[0] not in body


def test_a_read_also_box_of_links_between_paragraphs_stays_out(gazetteer):
    box = f'<div class="r4"><b>اقرأ أيضاً</b><ul>' + "".join(f'<li><a href="/{i}">{t}</a></li>' for i, t in enumerate(RELATED)) + "</ul></div>"
    body = body_of(page(f'<div class="b1">{paragraphs(between={2: box})}</div>'))
    assert_whole(body)
    assert not any(t in body for t in RELATED)


def test_a_newsletter_widget_between_paragraphs_stays_out(gazetteer):
    widget = '<div class="n5"><p>سجّل بريدك ليصلك ملخص الأخبار كل صباح</p><input type="email"><button>تسجيل</button></div>'
    body = body_of(page(f'<div class="b1">{paragraphs(between={2: widget})}</div>'))
    assert_whole(body)
    assert "ملخص الأخبار كل صباح" not in body


def test_a_short_line_in_an_element_no_paragraph_uses_stays_out_and_a_crosshead_stays_in(gazetteer):
    promo = '<p class="pr0">تابعونا على قناتنا في تيليغرام لآخر المستجدات</p>'
    crosshead = "<p><strong>معارك في الأحياء الجنوبية</strong></p>"
    short = '<p class="al2">ولم يعلق التنظيم على الخبر حتى الآن.</p>'  # a short paragraph: it ends a sentence
    body = body_of(page(f'<div class="b1">{paragraphs(between={1: promo, 2: short, 3: crosshead})}</div>'))
    assert_whole(body)
    assert "قناتنا في تيليغرام" not in body
    assert "معارك في الأحياء الجنوبية" in body
    assert "ولم يعلق التنظيم على الخبر حتى الآن." in body


def test_an_article_printed_in_divs_is_read_though_a_teaser_list_holds_the_pages_p_elements(gazetteer):
    teasers = "".join(f'<div class="c{i}"><a href="/{i}">{t}</a><p>{SUMMARY}</p></div>' for i, t in enumerate(RELATED))
    body = body_of(page(f'<div class="b1">{paragraphs("div")}</div><div class="z8">{teasers}</div>'))
    assert_whole(body)
    assert SUMMARY not in body


def test_an_article_parted_by_an_advertisement_into_two_blocks_of_one_kind_is_whole(gazetteer):
    first = "<br><br>".join(PARAGRAPHS[:2])
    second = "<br><br>".join(PARAGRAPHS[2:])
    body = body_of(page(f'<div class="w"><div class="b1">{first}</div><div class="ad3">إعلان</div>'
                        f'<div class="b1">{second}</div></div><div class="x"><p>{SUMMARY}</p></div>'))
    assert_whole(body)
    assert SUMMARY not in body


def test_a_whole_json_ld_article_body_says_where_the_article_ends():
    text = "\n".join([*PARAGRAPHS, SUMMARY])
    whole = json.dumps({"@type": "NewsArticle", "articleBody": " ".join(PARAGRAPHS)}, ensure_ascii=False)
    assert checked_text(text, None, " ".join(PARAGRAPHS)) == text  # no tree: nothing is checked
    tree = lxml.html.fromstring(f'<html><head><script type="application/ld+json">{whole}</script></head>'
                                f'<body><p>{SUMMARY}</p></body></html>')
    assert checked_text(text, tree, " ".join(PARAGRAPHS)).split("\n") == PARAGRAPHS


def test_a_teaser_article_body_is_no_evidence():
    text = "\n".join([*PARAGRAPHS, SUMMARY])
    tree = lxml.html.fromstring(f"<html><body><p>{SUMMARY}</p></body></html>")
    assert checked_text(text, tree, PARAGRAPHS[0][:80]) == text


def test_the_article_element_is_the_one_holding_most_prose_through_single_paragraph_wrappers():
    wrapped = "".join(f'<div class="w{i}"><p>{p}</p></div>' for i, p in enumerate(PARAGRAPHS))
    tree = lxml.html.fromstring(f'<html><body><div id="art">{wrapped}</div><div id="side"><p>{SUMMARY}</p></div></body></html>')
    assert article_element(tree).get("id") == "art"
    assert article_element(lxml.html.fromstring("<html><body><p>سطر قصير</p></body></html>")) is None


def test_an_article_body_declared_as_html_is_read_as_its_text():
    linked = PARAGRAPHS[1].replace("القيادة", '<a href="/x">القيادة</a>', 1)
    declared = "".join(f"<p>{p}</p>" for p in [PARAGRAPHS[0], linked, *PARAGRAPHS[2:]]).replace('"', "&quot;")
    text = "\n".join([*PARAGRAPHS, SUMMARY])
    tree = lxml.html.fromstring(f"<html><body><p>{SUMMARY}</p></body></html>")
    assert checked_text(text, tree, declared).split("\n") == PARAGRAPHS
