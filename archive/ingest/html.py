"""A saved web page (``.html``, ``.htm``) → a ``Draft``.

The article's text comes from trafilatura, which knows menus, sidebars and
footers from content. The metadata come from the page's own declarations,
most trustworthy first:

- date: ``<meta property="article:published_time">``, JSON-LD ``datePublished``,
  ``<time datetime>``, ``<meta itemprop/name="datePublished|pubdate|date">``,
  then the text's own header or lead (``archive.ingest.dates``). Never the
  footer's copyright year.
- title: ``og:title``, JSON-LD ``headline``, the first ``<h1>``, ``<title>``,
  each without a trailing " - Outlet" / " | Outlet".
- outlet: ``og:site_name``, JSON-LD ``publisher.name``, the domain of the
  canonical URL.
- url: ``<link rel="canonical">``, ``og:url``.

No HTML is kept: the body is plain text, so there is nothing to sanitise.
The page's declarations are read in ``html_meta``, what it shows (visible
lines, trafilatura's text, logo and copyright cues) in ``html_page``.
"""
from dataclasses import replace
import re

import lxml.html

from . import dates
from .draft import Draft, IngestError
from .html_meta import (  # noqa: F401  (these were this module's; their names still answer here)
    _loose_date, _metadata, _page_title, _printed_part, site_prefix, site_suffix, _without_site_suffix, url_date,
)
from .html_dates import page_date
from .html_structure import checked_text
from .html_page import (
    _byline_zone, _copyright_cues, _header_lines, _home_link_cues, _logo_cues, _main_text, _near_headline, _visible_lines,
)
from .lines import ends_sentence
from .normalize import clean_line, loose, word_count
from .file_name_outlets import file_name_cues
from .outlets import TITLE_TO, Cue, dateline_cues, hosts_in, resolve
from .text import DERIVED_TITLE_WARNING, LEAD_WORDS, NO_DATE_WARNING, derive_title, read_text


# Put where the page's title goes when ``read_text`` would not see that title as
# a headline: plain Arabic words that read as a headline and nothing else.
_HEADLINE_STAND_IN = "عنوان المقال كما تعلنه الصفحة"


def draft_from_html(html: str, source_name: str = "", catalog=None) -> Draft:
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError) as error:
        raise IngestError("تعذّرت قراءة صفحة HTML: الملف تالف.", f"Could not parse the HTML page ({error}).")
    if re.search(r"<(?:rss|feed|rdf:RDF)[\s>]", html[:3000]):
        raise IngestError(
            "هذا ملف أخبار (RSS أو Atom): قائمة عناوين وروابط وليس مقالاً، فلم يُستورد.",
            "This is a news feed (RSS or Atom): a list of headlines and links, not an article.",
        )
    meta = _metadata(tree)
    # A login form saved instead of the page: a password field and little else.
    from .verdict import is_login_page, login_page

    if tree.xpath("//input[@type='password']") and is_login_page(meta.get("title") or "", "\n".join(_visible_lines(tree))):
        raise login_page()
    # Checked against the page's structure: where its prose lives, its link boxes, a declared articleBody.
    text = checked_text(_main_text(html, tree), tree, _article_body(tree))
    if not text.strip():
        raise IngestError(
            "لم يُعثر على نص المقال في صفحة HTML.",
            "No article text was found in the HTML page.",
        )
    site_name = meta.get("site_name") or ""
    meta["title"], meta["title_from"] = _page_title(meta, site_name or meta.get("publisher") or "",
                                                    catalog.outlets if catalog is not None else None)
    title = _without_site_suffix(meta.get("title") or "", site_name or meta.get("publisher") or "",
                                 catalog.outlets if catalog is not None else None)
    title, title_rest = _printed_part(title, tree)
    text = _with_dropped_lead(text, tree, title)

    if title:
        # The page's own <h1> repeats the headline at the top of the text,
        # perhaps behind a kicker ("حصري", "فيديو") of a word or two.
        lines = text.split("\n")
        key = loose(title)
        head = [line for line in lines[:5] if not (loose(clean_line(line)) == key or (
            loose(clean_line(line)).endswith(key) and len(loose(clean_line(line))[:-len(key)].split()) <= 2))]
        text = "\n".join([*head, *lines[5:]])
        try:
            reading = read_text("\n".join([title, "", text]))
        except IngestError:  # the only paragraph was taken for the headline
            reading = None
        if reading is None or reading.title_derived or (
                loose(clean_line(reading.title)) != loose(title) and not _same_headline(reading.title, title)):
            # The reader did not take the page's title for a headline (under
            # four words, mostly Latin letters, read as a date line…) and took
            # the next headline-like line instead: the lead (one that ends with
            # no full stop), which the page's title then replaced. A stand-in
            # headline on the first line keeps the lead in the body. (A line
            # that is the title in other words, the page's <h1> beside its
            # og:title, is the headline's and stays out.)
            reading = read_text("\n".join([_HEADLINE_STAND_IN, "", text]), headline_first=True)
            reading.cues.extend(Cue(m["name"]) for m in TITLE_TO.finditer(title))
    else:
        reading = read_text(text)
    body_lines = reading.body_lines
    if not body_lines:
        raise IngestError("لم يُعثر على نص المقال في صفحة HTML.", "No article text was found in the HTML page.")
    draft = Draft(title="", body="\n\n".join(body_lines), source_name=source_name, format="html")
    from .verdict import error_page, index_page, is_error_page, is_link_page

    if is_link_page(tree, draft.body):
        raise error_page() if is_error_page(meta.get("title") or "", draft.body) else index_page()
    from .verdict import is_cut_by_paywall, is_paywall_page, is_redirect_stub, paywall_page, redirect_page

    if is_redirect_stub(tree, draft.body):
        raise redirect_page()

    # A paywall's box ("لمتابعة قراءة المقال اشترك") may be furniture to trafilatura: the page's own lines say it.
    shown_lines = _visible_lines(tree)
    if is_paywall_page(meta.get("title") or "", "\n".join(shown_lines)) or is_cut_by_paywall(draft.body, shown_lines):
        raise paywall_page()
    if title:
        draft.title = title
        draft.provenance["title"] = meta.get("title_from") or ""
    elif not reading.title_derived:
        draft.title = reading.title
        draft.provenance["title"] = "أول سطر بشكل عنوان قبل الفقرات"
    else:
        draft.title = derive_title(body_lines[0])
        draft.warn(DERIVED_TITLE_WARNING)
        draft.provenance["title"] = "مأخوذ من الجملة الأولى (لا عنوان في الصفحة)"

    found = None
    for value, where in meta.get("dates", []):
        found = dates.parse_exact(value) or _loose_date(value)
        if found:
            draft.provenance["date"] = f"«{value[:40]}» — {where}"
            break
    if found:
        draft.published, draft.date_precision = found[0], found[1]
    else:
        zone = "\n".join([*reading.header_lines, body_lines[0]])
        # trafilatura drops bylines; then look just under the headline on the
        # page itself (footer, navigation and scripts removed, so a footer's
        # copyright year is never taken).
        in_text = dates.find_date(zone)
        where = "رأس المقال"
        if not in_text:
            in_text, where = dates.find_date(_byline_zone(tree)), "النص تحت العنوان"
        if not in_text:  # the page's structure: the date element nearest the headline, not a teaser's or the header's
            found_in_page = page_date(tree, draft.title)
            if found_in_page:
                in_text, where = found_in_page[:3], found_in_page[3]
        if not in_text and meta.get("url"):
            in_text, where = url_date(meta["url"]), "مسار الرابط الأصلي"
        if not in_text:
            in_text, where = dates.find_date(_near_headline(tree, draft.title)), "قرب العنوان في الصفحة"
        if in_text:
            draft.published, draft.date_precision = in_text[0], in_text[1]
            draft.provenance["date"] = f"«{in_text[2]}» — {where}"
        else:
            draft.warn(NO_DATE_WARNING)

    draft.url = meta.get("url") or ""
    draft.dateline_name = reading.dateline
    if catalog is not None:
        cues = [Cue(site_name, may_propose=True, where="وسم og:site_name", names_site=True)] if site_name else []
        if meta.get("publisher"):
            cues.append(Cue(meta["publisher"], may_propose=True, where="JSON-LD publisher", names_site=True))
        if draft.url:
            cues.append(Cue(draft.url, where="نطاق الرابط الأصلي (canonical/og:url)"))
            host = next(hosts_in(draft.url), ("", ""))[0]
            if host and not cues[:-1]:
                # No name declared anywhere: the site's domain stands for it.
                cues.append(Cue(host.removeprefix("www."), may_propose=True, where="نطاق الرابط الأصلي"))
        declared = bool(site_name or meta.get("publisher"))
        suffix = site_suffix(meta.get("raw_title") or "")
        if suffix and not declared:
            cues.append(Cue(suffix, where="ذيل عنوان الصفحة", names_site=True))
        prefix = site_prefix(meta.get("raw_title") or "")
        if prefix and not declared:
            cues.append(Cue(prefix, where="صدر عنوان الصفحة", names_site=True))
        if title_rest and not declared:
            cues.extend(Cue(part, where="عنوان الصفحة بجانب العنوان", names_site=True) for part in title_rest)
        cues.extend(reading.cues)
        if not declared:
            cues.extend(_header_cues(tree, draft.title, body_lines[0]))
            cues.extend(dateline_cues(body_lines[0]))
            # Weaker than a name the page declares: asked for only without one.
            if meta.get("copyright"):
                cues.append(Cue(meta["copyright"], where="وسم copyright", names_site=True))
            if meta.get("author"):  # <meta name="author"> often names the site, not a person
                cues.append(Cue(meta["author"], where="وسم author", names_site=True))
            if meta.get("twitter_site"):
                cues.append(Cue(meta["twitter_site"], where="وسم twitter:site"))
                pk = catalog.outlets.find_handle(meta["twitter_site"])
                if pk:
                    cues.append(Cue(catalog.outlets.names[pk], where=f"وسم twitter:site (@{meta['twitter_site']})"))
            cues.extend(_logo_cues(tree))
            cues.extend(_home_link_cues(tree))
            cues.extend(_copyright_cues(tree))
            cues.extend(file_name_cues(source_name))
        resolve(cues, catalog.outlets).apply(draft)
    else:
        draft.outlet_name = site_name or meta.get("publisher") or None
    return draft


def _header_cues(tree, title, lead):
    """Outlet cues of the lines the page prints between its headline and its
    first paragraph, read as a text save's header is (a name alone under the
    headline, a byline's outlet, a "source:" line, the name beside the date)."""
    header = _header_lines(tree, title, lead)
    if not header:
        return []
    try:
        shown = read_text("\n".join([title, *header, "", lead]))
    except IngestError:
        return []
    lead_cues = {"مطلع الخبر", "العنوان"}  # read from trafilatura's text already
    # Looked up, never proposed: "أحمد علي | الرياض" is a person and a place.
    cues = [replace(cue, may_propose=False) for cue in shown.cues if cue.where not in lead_cues]
    # A byline's parts ("بقلم: أحمد علي - Sky News Arabia", "Ahmad Ali | Okaz"):
    # a part that is a catalogue outlet's exact name; a person's or a place's is nothing.
    for line in header[:HEADER_BYLINES]:
        if len(line.split()) <= 12:
            cues.extend(Cue(part.strip(), where="سطر الكاتب تحت العنوان") for part in _BYLINE_PARTS.split(line)
                        if len(part.strip()) >= 2)
    return cues


# Between a byline's parts: a bar, a spaced dash, a comma, a label's colon.
_BYLINE_PARTS = re.compile(r"\s*[|•،,:]\s*|\s[-–—]\s")
HEADER_BYLINES = 3


def _with_dropped_lead(text, tree, title):
    """trafilatura's text with the lead it left out put back.

    Favouring precision, trafilatura drops a lead printed in a ``<div>``
    rather than a ``<p>`` ("lead", "intro", plain text under the headline).
    The page's visible lines between its headline and the first paragraph
    trafilatura kept are read back: those that are a whole sentence or
    twenty words long (not a date, a byline or a deck) are the lead."""
    if not title or tree is None:
        return text
    lines = text.split("\n")
    head = loose(title)
    at = next((i for i, line in enumerate(lines) if word_count(line) >= 8 and loose(clean_line(line)) != head), None)
    if at is None:
        return text
    try:
        shown = _visible_lines(tree)
    except Exception:  # a malformed tree: trafilatura's text as it is
        return text
    keys = [loose(line) for line in shown]
    first = loose(clean_line(lines[at]))
    if head not in keys or first not in keys:
        return text
    start, end = keys.index(head), keys.index(first)
    kept = {loose(clean_line(line)) for line in lines}
    lead = [shown[i] for i in range(start + 1, end) if keys[i] not in kept and (
        word_count(shown[i]) >= LEAD_WORDS or (word_count(shown[i]) >= 8 and ends_sentence(shown[i])))]
    return "\n".join([*lines[:at], *lead, *lines[at:]]) if lead else text


def _article_body(tree):
    """The JSON-LD ``articleBody`` of the page's article, if it declares one."""
    from .html_meta import _json_ld

    try:
        return next((item["articleBody"] for item in _json_ld(tree) if isinstance(item.get("articleBody"), str)), "")
    except Exception:  # a malformed tree: no declared body
        return ""


def _same_headline(line, title):
    """Most of the shorter one's words are the other's: the <h1> beside an og:title worded a little apart."""
    a, b = set(loose(clean_line(line)).split()), set(loose(title).split())
    return bool(a and b) and len(a & b) >= 0.6 * min(len(a), len(b))
