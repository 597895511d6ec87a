"""Text saves wrapped at a fixed width, and the furniture shapes of round seven (issue 10).

Firefox's "Save as text" wraps every line at about 72 columns: a long headline
runs over two lines, a byline is glued above the first paragraph, tags are
glued after the last sentence. The wrap is the greedy one (a line ends where
the next word would not fit), and that is the evidence the lines are joined
by. Then: a list of related headlines whose items share a bullet stays one
list when an item asks a question; a "read also" label with dots or a colon;
a breadcrumb trail ending with the headline; a ticker of stories; a follow
prompt naming the site's own channel.
"""
import textwrap

from archive.ingest.unwrap import unwrap
from tests.test_ingest_general import (  # noqa: F401  (fixtures)
    LAST, LEAD, MIDDLE, TITLE, catalogue, read_one,
)

WIDTH = 72
LONG_TITLE = TITLE + " بعد معارك عنيفة استمرت عدة أيام مع مسلحي التنظيم"
RELATED = ["وزير الخارجية الأمريكي يصل إلى بغداد في زيارة غير معلنة", "ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية"]


def wrapped(*blocks):
    """A Firefox save: each block wrapped the greedy way at ``WIDTH`` (a block of lines as it is), blocks
    parted by blank lines."""
    return "\n\n".join("\n".join(textwrap.wrap(b, WIDTH)) if len(b) > WIDTH and "\n" not in b else b for b in blocks)


def test_a_headline_wrapped_over_two_lines_is_joined_again(catalogue):
    assert len(LONG_TITLE) > WIDTH
    text = wrapped("[الشرق الأوسط]", "  * الرئيسية\n  * سياسة\n  * رياضة", LONG_TITLE, "14 مايو 2018", LEAD, MIDDLE, LAST)
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == LONG_TITLE
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_list_of_like_lines_is_no_wrapped_headline():
    lines = textwrap.wrap(" ".join([LEAD, MIDDLE] * 3), WIDTH)
    listing = "\n".join([RELATED[0] + " في العاصمة العراقية اليوم"] * 4)
    text = "\n\n".join(["\n".join(lines), listing])
    assert unwrap(text).split("\n\n")[1] == listing


def test_a_byline_glued_above_the_first_paragraph_stays_its_own_line(catalogue):
    text = wrapped(TITLE, "14 مايو 2018", "بغداد - فلان الفلاني\n" + "\n".join(textwrap.wrap(LEAD, WIDTH)),
                   MIDDLE + " " + MIDDLE, MIDDLE + " " + LAST, LAST)
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n")[-4:] == [LEAD, MIDDLE + " " + MIDDLE, MIDDLE + " " + LAST, LAST]


def test_a_short_article_whose_last_paragraph_ends_with_its_tags_is_read_whole(catalogue):
    text = wrapped("[عين اليوم]", TITLE, "2015-07-31 04:21", LEAD + " " + MIDDLE, LAST + " " + LAST + " سمات الموصل داعش",
                   "اخترنا لكم", *[f"  * {r}" for r in RELATED], "عين اليوم © 2025")
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert draft.body.startswith(LEAD)
    assert LAST + " " + LAST in draft.body
    assert not any(r in draft.body for r in RELATED)


def test_a_related_list_whose_last_item_asks_stays_out_of_the_body(catalogue):
    question = "ماذا قال وزير الخارجية عن نتائج زيارته الأخيرة إلى العاصمة العراقية؟"
    text = "\n\n".join([TITLE, "14 مايو 2018", LEAD, MIDDLE, LAST, "قد يعجبك أيضاً",
                        *[f"  * {r}" for r in RELATED], f"  * {question}", "© 2021 العربية.نت. جميع الحقوق محفوظة"])
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_read_also_with_dots_or_a_colon_inside_the_article_is_furniture(catalogue):
    text = "\n\n".join([TITLE, "14 مايو 2018", LEAD, f"اقرأ أيضاً.. {RELATED[0]}", MIDDLE, "اقرأ أيضًا:",
                        *[f"  * {r}" for r in RELATED], LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_headline_printed_as_the_last_crumb_of_a_trail_is_taken_without_the_crumbs(catalogue):
    for sep in ("|", "•", "-"):
        text = "\n".join(["العربية", f"الرئيسية {sep} العراق {sep} {TITLE}", "14 مايو 2018", "", LEAD, MIDDLE, LAST])
        assert read_one("page.txt", text, catalogue).title == TITLE


def test_a_ticker_of_stories_above_the_headline_is_furniture(catalogue):
    ticker = f"آخر الأخبار: {RELATED[0]} ◂ {RELATED[1]}…"
    text = "\n".join(["العربية", ticker, "", TITLE, "14 مايو 2018", "", LEAD, MIDDLE, LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_follow_prompt_for_the_sites_own_channel_is_furniture(catalogue):
    text = "\n\n".join([TITLE, "14 مايو 2018", LEAD, "تابعوا آخر الأخبار عبر قناتنا على تلغرام", MIDDLE, LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
