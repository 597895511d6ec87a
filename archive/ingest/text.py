"""A page saved with a browser's "save as text" → a ``Draft``.

Such a file is the article with the page around it: site banners and taglines
above the headline, "Accessibility links", font-size buttons ("A+ A-", "XS SM
MD LG"), keyword lines, share and "read also" lines, and at the end a source
line, an "about the source" block and comment prompts. A reader skips all that
without thinking; this module does it by line:

1. every line is classified (furniture, a stop line after which only the page's
   trailer follows, a header line such as a date or "رووداو – أربيل", text);
2. the headline is the first headline-like line (four words or more, mostly
   Arabic, not a paragraph) before the first paragraph. A file may have none
   (003 starts with "زاكروس عربية – أربيل" and then the lead): the title is then
   made from the lead sentence and a warning says so;
3. the body is the text lines after the header, up to the first stop line,
   without furniture;
4. the date comes from the header lines, the lead and the trailer (never from
   deep in the body), the outlet from the cues listed in ``outlets``, the
   dateline from the header or the start of the lead.
"""
from dataclasses import dataclass, field
import re

from . import dates
from .article_end import cut_tail_boxes, drop_trailing_headlines
from .boxes import box_inside, read_also_box
from .derived_title import TITLE_MAX_CHARS, TITLE_MIN_CHARS, derive_title  # noqa: F401  (once defined here)
from .draft import Draft, IngestError
from .file_name_outlets import file_name_cues
from .formatted_text import unformat
from .headline import _BYLINE, _pick_headline, trail_headline  # noqa: F401  (once defined here)
from .headline_end import caption_not_headline, headline_after_text, headline_of_the_text
from .text_lines import TIME_STAMP, is_slide_caption, is_teaser_summary, name_only, split_joined_tail
from .line_model import settle
from .lines import (  # noqa: F401  (the line classes were this module's; their names still answer here)
    _LEAD_DATELINE, CAPTION, DATE, FURNITURE, HEADER, HEADLINE_MIN_WORDS, PARAGRAPH_CHARS, PARAGRAPH_WORDS, SOURCE,
    STOP, TEXT, _FULL_STOP_END, classify, crumb_headline, date_line_rest, ends_sentence, is_box_heading, is_counter,
    is_credit_caption, is_date_line, is_headline, is_menu, is_paragraph, is_read_also, is_tweet_signature, is_tweet_text,
    is_url_line, source_name,
)
from .normalize import clean_lines, loose, word_count
from .outlets import Cue, resolve
from .text_cues import (  # noqa: F401
    _COPYRIGHT_LINE, collect_cues_and_dateline, date_provenance, date_zone, settle_dateline, whole_text_cues,
)
from .unwrap import unwrap  # noqa: F401


NO_DATE_WARNING = "لم يُعثر على تاريخ النشر"
DERIVED_TITLE_WARNING = "لا عنوان في الملف: العنوان مأخوذ من الجملة الأولى"

# Under the headline, a line this short that ends no sentence is a byline, an
# outlet's name or a dateline ("بي بي سي عربي", "لندن: «الشرق الأوسط»"), not the article.
HEADER_MAX_WORDS = 4
# A line this long is a lead, whatever it ends with (many sites print no full
# stop): a headline is shorter (16 of the corpus's 55,979 titles reach it).
LEAD_WORDS = 20
# The headline is looked for among the first lines only (a saved page may
# start with a long menu of one- and two-word lines).
HEADLINE_SEARCH_LINES = 40

_BREAKING_HEADLINE = re.compile(r"^(?:عاجل|خبر عاجل)\s*[:|\-–]\s*(?P<rest>.+)$")
_TITLE_LABEL = re.compile(r"^(?:العنوان|عنوان الخبر|عنوان المقال|title|headline)\s*[:：]\s*(?=\S)", re.I)


@dataclass
class Reading:
    """How a text was taken apart: what ``draft_from_text`` and the HTML reader use."""

    title: str = ""
    title_derived: bool = False
    title_in_crumb: bool = False
    name_lines: list = field(default_factory=list)
    body_lines: list = field(default_factory=list)
    header_lines: list = field(default_factory=list)
    trailer_lines: list = field(default_factory=list)
    cues: list = field(default_factory=list)
    dateline: str | None = None
    # "X – Y" header lines: one is the outlet, the other the dateline.
    pairs: list = field(default_factory=list)
    copyright_lines: list = field(default_factory=list)
    last_line: str = ""
    # How many of ``header_lines`` stand above the headline (a top bar's today's date is there).
    above_headline: int = 0
    # The page's lines, their classes and where the body began: what ``line_model`` and its training read.
    page: tuple = ()
    # Lines the rules read as the body and the learnt model took out: the import's
    # furniture learning (``boilerplate``) still sees them, as it sees every other page's.
    model_dropped: list = field(default_factory=list)


def read_text(text: str, outlet_names=(), headline_first=False, learnt=False) -> Reading:
    """Take a saved page apart into headline, header, body and trailer.

    ``learnt``: the learnt line model (``line_model``) has its word on the body's
    lines (a browser's text save; the HTML and Word readers score without it).

    ``headline_first``: the text's first line is the headline (an HTML page's
    title, known from its metadata, set above trafilatura's text), so a
    headline-like line under it (a lead that ends with no full stop) is the
    article's."""
    # A TAB parts a table's cells (both browsers write a row on one line): each cell is a line of its own,
    # as a menu row's items, a forum's member box beside the post, a side column beside the article.
    text = unwrap(unformat(text)).replace("\t", "\n")
    # A labelled clipping ("العنوان: …", "النص:"): the label is no part of the headline.
    # Only above the article: in it, "العنوان:" is as often an address.
    all_lines, in_article = [], False
    for line in clean_lines(text):
        if not in_article and _TITLE_LABEL.match(line):
            line = _TITLE_LABEL.sub("", line, count=1)
        in_article = in_article or is_paragraph(line) or (word_count(line) >= 8 and bool(_FULL_STOP_END.search(line)))
        # A widget the flattening joined to a paragraph's end is a line of its own (``split_joined_tail``).
        all_lines.extend(split_joined_tail(line) if in_article else [line])
    lines = [line for line in all_lines if line]
    # Which lines a blank line separates from the one before: a sidebar's list
    # and the headline under it are two blocks, not a headline and its deck.
    gaps, blank = [], False
    for line in all_lines:
        if line:
            gaps.append(blank)
        blank = not line
    # A short line with a date in it that ends no sentence is a byline with its date
    # ("بي بي سي عربي – دمشق 24/04/2018", "Outlet / desk - place 3 May 2018"), however many names it holds.
    kinds = [DATE if kind == TEXT and _dated_byline(line) else CAPTION if kind == TEXT and is_slide_caption(line)
             else HEADER if kind == TEXT and TIME_STAMP.match(line.strip()) else kind
             for line, kind in zip(lines, map(classify, lines))]
    known = {loose(n) for n in outlet_names}
    reading = Reading()

    # 1. The headline (``_pick_headline``): among the headline-like lines before
    # the first paragraph, the one a byline or date line follows.
    lead_at, candidates = None, []
    for i in range(min(len(lines), HEADLINE_SEARCH_LINES)):
        line, kind = lines[i], kinds[i]
        if kind == TEXT:
            # A paragraph, a dateline lead, or a whole sentence (a full stop after
            # eight words or more): the article has begun, headline or not.
            # (A dateline lead ends its sentence: "قطار الرياض- الدمام: …" with none is a headline.)
            if is_paragraph(line) or _LEAD_DATELINE.match(line) and word_count(line) > 12 and ends_sentence(line) or (
                    word_count(line) >= 8 and _FULL_STOP_END.search(line)) or (
                    word_count(line) >= LEAD_WORDS):
                if not is_paragraph(line) and DATE not in kinds[:i] and _headline_below(lines, kinds, i):
                    continue  # a box's sentence above the article (a cookie notice, a tagline)
                if not is_paragraph(line) and is_teaser_summary(lines, kinds, i):
                    continue  # a side column's item: its summary, its date, the next item's headline
                lead_at = i
                break
            if is_headline(line) and name_only(line) not in known and not caption_not_headline(lines, kinds, i, DATE):
                candidates.append(i)
    if headline_first and lines:
        headline_at = group_end = 0
    else:
        headline_at, group_end = _pick_headline(lines, kinds, candidates, lead_at, gaps)
    # Anything above the headline (or the lead) is the page's: banners,
    # taglines, menus, breaking-news bars, size buttons, a comment counter.
    top = headline_at if headline_at is not None else lead_at if lead_at is not None else 0
    reading.header_lines.extend(lines[:top])
    reading.above_headline = top if headline_at is not None else 0
    if headline_at is None:
        # "عاجل: Headline" above the date: the headline with its breaking label
        # (a bar elsewhere, but here the date follows it).
        for j in range(lead_at if lead_at is not None else 0):
            m = _BREAKING_HEADLINE.match(lines[j])
            if m and is_headline(m["rest"]) and any(kinds[k] == DATE for k in range(j + 1, min(j + 3, len(lines)))):
                reading.header_lines = lines[:j]
                lines[j] = m["rest"]
                headline_at = group_end = j
                break
    if headline_at is not None:
        reading.title = trail_headline(lines[headline_at])
        # A name on a line of its own right under the headline: where a
        # clipping prints its paper ("الشرق الأوسط"). (Above it, the same words
        # are as often a section's label or a menu's last item.)
        for j in (group_end + 1,):
            short = [k for k in (j - 1, j, j + 1) if 0 <= k < len(lines) and kinds[k] == TEXT
                     and word_count(lines[k]) <= HEADER_MAX_WORDS and k not in range(headline_at, group_end + 1)]
            if 0 <= j < len(lines) and short == [j] and not ends_sentence(lines[j]):
                reading.name_lines.append(lines[j])
        reading.header_lines.extend(lines[headline_at + 1:group_end + 1])  # the deck
        i = group_end + 1
        # 2. Header lines under the headline: dates, outlet names, datelines,
        # captions, furniture, and one- or two-word lines ("رووداو").
        while i < len(lines):
            line, kind = lines[i], kinds[i]
            if kind in (FURNITURE, DATE, HEADER, CAPTION, SOURCE) or (
                kind == TEXT and word_count(line) <= HEADER_MAX_WORDS and not ends_sentence(line)
            ) or (kind == STOP and is_counter(line)) or (  # "5 تعليقات" under the headline
                kind == STOP and _in_share_bar(lines, kinds, i, group_end)):
                if kind == SOURCE:  # "المصدر: …" under the headline names the outlet too
                    reading.cues.insert(0, Cue(source_name(line), may_propose=True, where="سطر «المصدر»", names_site=True))
                reading.header_lines.append(line)
                i += 1
                continue
            break
        body_at = i
    elif lead_at is not None:
        body_at = lead_at
    else:
        # No paragraph among the first lines either: the first text line opens the body.
        body_at = next((j for j, k in enumerate(kinds) if k == TEXT), len(lines))
        reading.header_lines = [line for line in lines[:body_at]]

    # 3. The body, up to the first stop line; the trailer after it.
    boxed = set()
    for j in range(body_at, len(lines)):
        line, kind = lines[j], kinds[j]
        begun = any(is_paragraph(b) or ends_sentence(b) for b in reading.body_lines)
        if kind == STOP and is_counter(line) and not begun:
            continue  # a comment counter above the article is no start of the comments
        if kind == STOP:
            reading.trailer_lines = lines[j:]
            break
        if j in boxed:
            continue
        if is_read_also(line):
            boxed.update(read_also_box(lines, kinds, j, gaps if any(gaps) else None))
            continue
        if begun and is_box_heading(line) and (box := box_inside(lines, kinds, j)):
            boxed.update(box)  # "topics that may interest you" between two paragraphs
            continue
        if kind == SOURCE:
            reading.cues.insert(0, Cue(source_name(line), may_propose=True, where="سطر «المصدر»", names_site=True))
            reading.trailer_lines.append(line)
            continue
        if kind == FURNITURE and is_url_line(line) and reading.body_lines and reading.body_lines[-1].rstrip().endswith(":"):
            reading.body_lines.append(line)  # a link the article announces ("رابط المقال: …")
            continue
        if kind == FURNITURE and is_url_line(line):
            # The page's address: its domain may name the outlet ("المصدر: https://…" as strongly as a source line).
            url = line.split()[-1]
            if ":" in line.split("http")[0]:
                reading.cues.insert(0, Cue(url, where="رابط المصدر في الملف"))
            else:
                reading.cues.append(Cue(url, where="رابط في الملف"))
            continue
        if is_tweet_signature(line):
            # An embedded tweet: its text above its signature, unless that is a whole sentence of the article's.
            if reading.body_lines and (is_tweet_text(reading.body_lines[-1]) or not ends_sentence(reading.body_lines[-1])):
                reading.body_lines.pop()
            continue
        if kind in (FURNITURE, CAPTION) or is_credit_caption(line) or is_tweet_text(line):
            continue
        if (not headline_first and not reading.body_lines and kind == TEXT and word_count(line) < CAPTION_WORDS
                and not ends_sentence(line) and _article_follows(lines, kinds, j)):
            # A short line before the article's first sentence: a picture's caption,
            # a video's label and length ("شاهد: …", "01:26"), not the lead.
            reading.header_lines.append(line)
            continue
        if kind == DATE and not begun:
            # A date line before the article's first sentence is the header's
            # ("headline, deck, Outlet، العدد 1234، 30 مايو 2018, lead").
            reading.header_lines.append(line)
            continue
        reading.body_lines.append(line)
    # A date line after the article's last sentence ("نشر بتاريخ: 22/02/2018") is the trailer's.
    while len(reading.body_lines) > 1 and is_date_line(reading.body_lines[-1]):
        reading.trailer_lines.insert(0, reading.body_lines.pop())
    reading.copyright_lines = [line for line, kind in zip(lines, kinds)
                               if kind == FURNITURE and _COPYRIGHT_LINE.search(loose(line))][:3]
    # A short last line may sign the page off with the outlet's name.
    reading.last_line = lines[-1] if lines and word_count(lines[-1]) <= 5 and kinds[-1] == TEXT else ""
    # The site's name alone after the article's last sentence (a footer's logo): the page's sign-off.
    if len(reading.body_lines) > 1 and name_only(reading.body_lines[-1]) in known:
        reading.trailer_lines.insert(0, reading.body_lines.pop())
    cut_tail_boxes(reading, lines, kinds, body_at)
    drop_trailing_headlines(reading, lines, kinds, body_at)
    if not reading.body_lines or not any(is_paragraph(line) or ends_sentence(line) for line in reading.body_lines):
        from .verdict import error_page, is_error_page

        # Short of an article: say what the page is when it says so itself.
        if is_error_page("\n".join(lines[:12]), "\n".join(reading.body_lines)):
            raise error_page()
        from .verdict import consent_page, is_consent_page, is_login_page, login_page

        page_text = "\n".join(lines)
        if is_login_page("", page_text):
            raise login_page()
        if is_consent_page("", page_text):
            raise consent_page()
    if not reading.body_lines:
        from .verdict import index_page, is_index_page

        if is_index_page("\n".join(line for line, kind in zip(lines, kinds) if kind == TEXT)):
            raise index_page()
        raise IngestError(
            "لم يُعثر على نص المقال في الملف: لا فقرات فيه بعد العنوان.",
            "No article text was found in the file: there are no paragraphs after the headline.",
        )
    if reading.title and not headline_first and any(  # an article's lead, not a list of headlines
            is_paragraph(line) or word_count(line) >= 8 and _FULL_STOP_END.search(line) for line in reading.body_lines):
        # The line taken shares no word with the lead, another headline-like line above does: that one.
        better = headline_of_the_text(reading.title, [lines[i] for i in candidates], reading.body_lines)
        if better:
            reading.title = better
            at = next((k for k, line in enumerate(reading.body_lines[:HEADLINE_DATE_LINES]) if line == better), None)
            if at is not None:  # it opened the body (it stood under the line taken): the header's
                reading.header_lines.extend(reading.body_lines[:at + 1])
                del reading.body_lines[:at + 1]
    if not reading.title:
        # The headline in the page's last lines, its date under it (a head placed by CSS after the text).
        reading.title = headline_after_text(reading)
    if not reading.title:
        # A breadcrumb that ends with the page's headline, wherever it stands
        # (some pages print it only under the article); else the lead's first clause.
        reading.title = next((c for c in map(crumb_headline, lines) if c), "")
        reading.title_in_crumb = bool(reading.title)
        if not reading.title:
            reading.title = derive_title(reading.body_lines[0])
            reading.title_derived = True
    reading.page = (lines, kinds, body_at, gaps)
    if learnt:
        settle(reading, lines, kinds, body_at, gaps)  # the learnt model's word on the body's lines and the headline

    collect_cues_and_dateline(reading)
    return reading


def _dated_byline(line):
    if ends_sentence(line):
        return False
    # "نشر في: … آخر تحديث: …": two labelled dates on one line, each a date line.
    parts = [part for part in dates._LABELLED.split(line) if part.strip()]
    if len(parts) > 1 and all(_dated_byline(part) for part in parts):
        return True
    return word_count(line) <= dates.SHORT_LINE_WORDS and dates.date_in_line(line) is not None


# A caption or a video's label above the lead is shorter than this.
CAPTION_WORDS = 12


def _in_share_bar(lines, kinds, at, headline_end):
    """A comments link among a share bar's items under the byline ("شارك هذا المقال / تعليقات / نسخ
    الرابط"): short lines that end no sentence on both sides, the headline not right above it (a page of
    comments only opens with their heading under the headline), and the article's first paragraph
    right after the bar."""
    def bar_item(k):
        return 0 <= k < len(lines) and kinds[k] in (TEXT, FURNITURE) and word_count(lines[k]) <= HEADER_MAX_WORDS \
            and not ends_sentence(lines[k])
    if not (at > headline_end + 1 and bar_item(at - 1) and bar_item(at + 1)):
        return False
    after = next((k for k in range(at + 1, len(lines)) if not bar_item(k)), None)
    return after is not None and kinds[after] == TEXT and _opens_article(lines[after])


def _article_follows(lines, kinds, at):
    """Whether the next text under ``at`` (past furniture, a share widget, a
    video's length) is the article's first paragraph or sentence."""
    for k in range(at + 1, len(lines)):
        if kinds[k] == TEXT and word_count(lines[k]) > 1:
            return _opens_article(lines[k])
    return False


def _opens_article(line):
    """The article's first paragraph, or a whole sentence of eight words or more."""
    return is_paragraph(line) or ends_sentence(line) and word_count(line) >= 8


# A headline's date or byline stands this close under it.
HEADLINE_DATE_LINES = 3
# A box above the article is followed this soon by the headline (a menu between),
# and holds a few sentences (a cookie notice, a tagline, a strip of teasers that are sentences).
BOX_ABOVE_LINES = 25
BOX_SENTENCES = 3


def _headline_below(lines, kinds, at):
    """Whether a headline with its date or byline under it comes soon after
    line ``at``, before any paragraph: then the sentence at ``at`` (with no
    date above it) is a box's above the article (a cookie notice, a site's
    tagline), not the article's lead."""
    sentences = 1
    for j in range(at + 1, min(len(lines), at + BOX_ABOVE_LINES)):
        if is_paragraph(lines[j]):
            return False
        if kinds[j] == TEXT and is_headline(lines[j]):
            under = range(j + 1, min(len(lines), j + 1 + HEADLINE_DATE_LINES))
            if any(kinds[k] == DATE or _BYLINE.match(loose(lines[k])) for k in under):
                return True
        sentences += kinds[j] == TEXT and word_count(lines[j]) >= 8 and bool(_FULL_STOP_END.search(lines[j]))
        if sentences > BOX_SENTENCES:
            return False  # a run of sentences is the article (its head printed after it), not a box
    return False


def draft_from_text(text: str, source_name: str = "", catalog=None, fmt="text", extra_cues=(), extra_dates=((), "")) -> Draft:
    """``extra_dates``: lines from outside the text (a Word file's properties)
    and where they stand, read for a date when the text gives none."""
    outlet_index = catalog.outlets if catalog is not None else None
    reading = read_text(text, outlet_names=(outlet_index.names.values() if outlet_index else ()), learnt=fmt == "text")
    draft = Draft(title=reading.title, body="\n\n".join(reading.body_lines), source_name=source_name, format=fmt)
    from .verdict import is_cut_by_paywall, paywall_page

    if is_cut_by_paywall(draft.body, text.split("\n")):
        raise paywall_page()
    draft.furniture_seen = list(reading.model_dropped)
    if reading.title_derived:
        draft.warn(DERIVED_TITLE_WARNING)
        draft.provenance["title"] = "مأخوذ من الجملة الأولى (لا عنوان في الملف)"
    elif reading.title_in_crumb:
        draft.provenance["title"] = "آخر عنصر في مسار التنقل (الرئيسية › … › العنوان)"
    else:
        draft.provenance["title"] = "أول سطر بشكل عنوان قبل الفقرات"
    found = dates.find_date(date_zone(reading))
    if found:
        draft.published, draft.date_precision = found[0], found[1]
        draft.provenance["date"] = date_provenance(found[2], reading)
    elif extra_dates[0] and (found := dates.find_date("\n".join(extra_dates[0]))):
        draft.published, draft.date_precision = found[0], found[1]
        draft.provenance["date"] = f"«{found[2]}» — {extra_dates[1]}"
    else:
        draft.warn(NO_DATE_WARNING)
    draft.dateline_name = reading.dateline
    if outlet_index is not None:
        if not reading.title_derived:
            # "Headline | Outlet" (a tab title) when the page prints no other headline: the outlet's part goes.
            m = _TITLE_SITE_SUFFIX.match(draft.title)
            if m and is_headline(m["headline"]) and outlet_index.find_site_name(m["site"]):
                reading.cues.insert(0, Cue(m["site"], where="ذيل عنوان الصفحة", names_site=True))
                draft.title = m["headline"]
        resolve([*reading.cues, *whole_text_cues(text, outlet_index), *extra_cues, *file_name_cues(source_name)],
                outlet_index).apply(draft)
        settle_dateline(draft, reading, outlet_index)
    return draft


_TITLE_SITE_SUFFIX = re.compile(r"^(?P<headline>.+?)\s+[|\-–—•]\s+(?P<site>[^|\-–—•]{2,40})$")
