"""A web page flattened into Word (a saved page converted by LibreOffice, a browser
selection pasted) is read by the text saves' decisions; an archivist's typed article
is read as it was; the other stories' teasers under a page's article leave its body."""
import docx

from archive.ingest.docx_page import cut_other_stories, looks_like_a_page, styled_title
from tests.test_ingest_text import fresh_alias_index, gazetteer, outlet_named  # noqa: F401  (fixtures)
from tests.test_ingest_word_habits import one_draft
from tests.word_files import saved

HEADLINE = "القوات العراقية تستعيد حي الزنجيلي في الجانب الأيمن من الموصل"
PARAGRAPHS = [
    "أعلنت القوات العراقية اليوم الأحد استعادة حي الزنجيلي في الجانب الأيمن من مدينة الموصل بعد معارك "
    "عنيفة مع مسلحي تنظيم داعش استمرت أياما بدعم من طيران التحالف الدولي.",
    "وقال قائد عمليات قادمون يا نينوى إن القوات العراقية رفعت العلم العراقي فوق المباني الرئيسية في حي "
    "الزنجيلي، وإن عمليات التطهير مستمرة في الأزقة القريبة من المدينة القديمة في الموصل.",
    "وأضاف أن مسلحي تنظيم داعش يستخدمون المدنيين دروعا بشرية في المدينة القديمة، مما يبطئ تقدم القوات "
    "العراقية نحو جامع النوري في الموصل.",
    "وتقول الأمم المتحدة إن عشرات الآلاف من المدنيين ما زالوا محاصرين في الأحياء التي يسيطر عليها تنظيم "
    "داعش في الجانب الأيمن من الموصل.",
]
# Other stories' leads, as a page's "related" teasers print them under the article.
TEASERS = [
    "ارتفعت أسعار الذهب في التعاملات الآسيوية مع هبوط الدولار الأميركي أمام سلة من العملات الرئيسية بعد "
    "بيانات اقتصادية ضعيفة.",
    "توج فريق برشلونة الإسباني بلقب كأس الملك لكرة القدم بفوزه على إشبيلية بخمسة أهداف نظيفة في المباراة "
    "النهائية على ملعب واندا متروبوليتانو.",
]
MENU = ["الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "فيديو", "الأكثر قراءة", "اتصل بنا"]


def test_a_typed_article_is_no_page_and_a_pasted_page_is():
    typed = "\n".join([HEADLINE, "بغداد - 21 أيار 2017", *PARAGRAPHS, "معارك المدينة القديمة", PARAGRAPHS[0]])
    assert not looks_like_a_page(typed)
    pasted = "\n".join([*MENU, HEADLINE, "شارك", "تويتر", "فيسبوك", *PARAGRAPHS, "ذات صلة", *TEASERS])
    assert looks_like_a_page(pasted)


def test_a_pasted_page_loses_the_teasers_under_its_article(gazetteer):
    document = docx.Document()
    for line in [*MENU, HEADLINE, "21 أيار 2017", "شارك", "تويتر", "فيسبوك", *PARAGRAPHS, "ذات صلة", *TEASERS,
                 "جميع الحقوق محفوظة"]:
        document.add_paragraph(line)
    draft = one_draft("page.docx", saved(document))
    assert draft.title == HEADLINE
    assert draft.format == "docx"
    body = draft.body.split("\n\n")
    assert body[0] == PARAGRAPHS[0] and body[-1] == PARAGRAPHS[-1]
    assert not any(teaser in draft.body for teaser in TEASERS)


def test_a_typed_article_keeps_every_paragraph(gazetteer):
    document = docx.Document()
    for line in [HEADLINE, "بغداد - 21 أيار 2017", *PARAGRAPHS]:
        document.add_paragraph(line)
    draft = one_draft("typed.docx", saved(document))
    assert draft.body.split("\n\n") == PARAGRAPHS


def test_other_stories_are_cut_only_under_a_break_the_reading_made():
    body = [*PARAGRAPHS, *TEASERS]
    page = [*MENU, HEADLINE, *PARAGRAPHS, "ذات صلة", *TEASERS]
    kept, cut = cut_other_stories(HEADLINE, body, page)
    assert kept == PARAGRAPHS and cut == TEASERS
    # The same lines right under the article in the page, with nothing left out between: kept.
    assert cut_other_stories(HEADLINE, body, [*MENU, HEADLINE, *PARAGRAPHS, *TEASERS]) == (body, [])


def test_an_article_whose_last_paragraphs_carry_its_own_words_keeps_them():
    page = [*MENU, HEADLINE, PARAGRAPHS[0], "إعلان", *PARAGRAPHS[1:]]
    assert cut_other_stories(HEADLINE, PARAGRAPHS, page) == (PARAGRAPHS, [])
    # One line of another story is not a run: it may be the article's own aside.
    body = [*PARAGRAPHS, TEASERS[0]]
    assert cut_other_stories(HEADLINE, body, [*PARAGRAPHS, "ذات صلة", TEASERS[0]]) == (body, [])


def test_a_page_s_headline_in_word_s_title_style_wins_over_a_breadcrumb(gazetteer):
    document = docx.Document()
    for line in MENU:
        document.add_paragraph(line)
    document.add_paragraph(f"الرئيسية - أخبار - {HEADLINE[:40]}")  # a breadcrumb whose last crumb is cut short
    document.add_paragraph("آخر الأخبار: الأمم المتحدة تدعو إلى حماية المدنيين في الموصل")  # a ticker
    document.add_heading(HEADLINE, level=1)  # LibreOffice gives a saved page's <h1> this style
    document.add_paragraph("21 أيار 2017")
    for line in [*PARAGRAPHS, "ذات صلة", *TEASERS]:
        document.add_paragraph(line)
    draft = one_draft("page.docx", saved(document))
    assert draft.title == HEADLINE


def test_the_one_paragraph_in_a_title_style_is_the_headline_when_it_reads_as_one():
    taken = "الرئيسية - أخبار - القوات العراقية تستعيد"
    assert styled_title([HEADLINE], taken) == HEADLINE
    assert styled_title([HEADLINE], HEADLINE) is None  # the reading took it already
    assert styled_title([HEADLINE, PARAGRAPHS[0][:60]], taken) is None  # two: Word's structure says nothing
    assert styled_title(["الموصل"], taken) is None  # a section's name, no headline


def test_a_typed_article_s_title_is_read_as_before_whatever_its_style(gazetteer):
    document = docx.Document()
    document.add_heading("الموصل", level=1)  # a one-word heading is no headline
    document.add_paragraph(HEADLINE)
    document.add_paragraph("بغداد - 21 أيار 2017")
    for line in PARAGRAPHS:
        document.add_paragraph(line)
    assert one_draft("typed.docx", saved(document)).title == HEADLINE
