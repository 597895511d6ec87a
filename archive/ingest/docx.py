"""A Word document (``.docx``) → a ``Draft``, through the same reader as text.

Someone who pastes a web page into Word brings the page's furniture along, so
the paragraphs are joined into text and read like a saved ``.txt``; a file that
looks like a flattened page (``docx_page``) also gets the learnt line model's word
and loses the other stories' teasers under its article, as a text save would.
Tables (some sites lay the article out in one, a clipping heads it with one)
are read cell by cell where they stand among the paragraphs. The document's
own properties (author, created) describe the file, not the article, and give
no date of their own (``created`` is the day the file was made); its title,
subject, category, keywords, comments, company and author are asked for as a
known outlet (a newsroom's template often names it), after every cue of the
text itself, and a date written in them is read when the text prints none. The page header is read above the text;
the page footer and the footnotes are the page's margin: they may name the outlet and date the article (a
template or a clipping's note prints them there), never its text. The body's XML is walked by
``docx_body`` (tracked insertions, text boxes, links, captions, logos' alt text, page breaks); a digest of
articles one a page is refused (``refuse_a_digest``).
Where the file names its outlet (margin, properties, logo, links, a name alone where
the site speaks) is read into cues by ``docx_outlet``.

A .docx is a zip: before python-docx unpacks it, its parts are held to the
same size and ratio limits as an uploaded zip's members
(``archives.check_zip_container``).
"""
import html
import io
import re

from .archives import check_zip_container
from .docx_body import body_lines, note_lines, part_lines
from .docx_outlet import (
    MARGIN_WHERE, PROPERTIES_WHERE, _margin_cues, _site_names, _site_voice_cues, file_cues, logo_file_names, picture_targets,
)
from .draft import IngestError
from .limits import Limits
from .text import NO_DATE_WARNING, draft_from_text


TITLE_STYLE_WHERE = "الفقرة الوحيدة بنمط العنوان (Heading 1) في ملف Word"


def docx_text(data: bytes, limits=None, name="") -> str:
    text, margins = _read(data, limits, name)[:2]
    return "\n".join([text, *margins])


def _read(data: bytes, limits=None, name=""):
    check_zip_container(name or "Word", data, limits or Limits.upload())
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, ValueError, BadZipFile, lxml errors...
        raise IngestError(
            "تعذّرت قراءة ملف Word: الملف تالف أو ليس بصيغة .docx.",
            f"Could not read the Word file: it is damaged or not a .docx ({error.__class__.__name__}).",
        )
    header, footer = _page_margins(document)
    core, app, custom = _property_parts(data)
    props = _core_properties(core)
    texts = _property_texts(props, app)
    site_names = _site_names(props, custom)
    lines, pictures, site, breaks, titles, link_texts = body_lines(document)
    # A logo LibreOffice could not embed keeps only its address: "aawsat-logo.png" names the site.
    pictures = [*pictures, *logo_file_names(picture_targets(document))]
    refuse_a_digest(name, lines, breaks)
    lines, cited = closing_citation(lines)
    # The footer and the notes (a clipping's source and date in a footnote, "الحياة، 3 آذار 2018")
    # are the page's margin: they may name the outlet and date the article, never its text.
    return ("\n".join([*header, *lines]), [*cited, *footer, *_notes(data)], texts,
            (pictures, site, site_names, titles, link_texts), (header, lines))


# A clipping's closing citation, in brackets or labelled: "(صحيفة الرياض، العدد الصادر يوم
# الجمعة 31 يوليو 2015)", "(صحيفة المدينة 26.7.2015)", "نقلاً عن فرانس 24، 2018".
_CITATION_LABEL = re.compile(r"^\s*(?:نقلا عن|نقلاً عن|المصدر\s*[:：]|source\s*:)", re.I)
CITATION_WORDS = 16
CITATION_WHERE = "سطر المصدر والتاريخ في آخر ملف Word"


def closing_citation(lines):
    """``(lines, [citation])``: the last paragraph, when it is short, bracketed or labelled as
    the source, and dates the article, is the clipper's note of where and when it appeared —
    a footnote written in the text. It is moved to the margin: it names the outlet and dates
    the article (before any date a sentence of the text mentions), and is no part of the body."""
    from . import dates

    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 3:
        return lines, []
    last = lines[filled[-1]].strip()
    if len(last.split()) <= CITATION_WORDS and closing_date(last):
        return lines[:filled[-1]] + lines[filled[-1] + 1:], [last]
    return lines, []


# A clipper's short date with a two-digit year: "(بي بي سي عربي - 17/08/18)".
_SHORT_NUMERIC = re.compile(r"(?<![\d/.-])(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{2})(?![\d/.-])")


def closing_date(line):
    """The date of a closing citation (``closing_citation``), or None for another margin line."""
    from . import dates

    from datetime import date

    inner = re.sub(r"^[(\[](.*)[)\]]$", r"\1", line.strip())
    if inner == line.strip() and not _CITATION_LABEL.match(line):
        return None
    found = dates.date_in_line(inner)
    m = None if found else _SHORT_NUMERIC.search(inner.translate(dates._DIGITS))
    if m:
        try:
            day = date(2000 + int(m["year"]), int(m["month"]), int(m["day"]))
        except ValueError:
            return None
        if dates.EARLIEST <= day <= date.today():
            found = (day, dates.DAY, m.group())
    return found


# A part of a digest holds a paragraph this long at least (a lead).
DIGEST_LEAD_WORDS = 25


def refuse_a_digest(name, lines, breaks):
    """Several articles in one file, one a page (a press review, a week's clippings): each
    part between Word's page or section breaks has its own headline, its own date and a
    lead. Refused, with the reason: one article each file, or the parts as separate files
    (read as one, the second article's headline and date would be taken for the body's).
    A long article over several pages has no headline and date of its own on the next page."""
    if not breaks:
        return
    from . import dates
    from .text import read_text

    articles = 0
    for start, end in zip([0, *breaks], [*breaks, len(lines)]):
        part = [line for line in lines[start:end] if line.strip()]
        if not any(len(line.split()) >= DIGEST_LEAD_WORDS for line in part):
            continue
        reading = read_text("\n".join(part))
        head = part[: part.index(next(line for line in part if len(line.split()) >= DIGEST_LEAD_WORDS))]
        articles += not reading.title_derived and bool(head) and bool(dates.find_date("\n".join(head)))
    if articles >= 2:
        raise IngestError(
            f"ملف Word «{name}» يحوي {articles} مقالات، كلٌّ في صفحة بعنوانها وتاريخها: احفظ كل مقال في ملف وحده ثم استورده.",
            f"The Word file “{name}” holds {articles} articles, each on its own page with its headline and date: "
            "save each article in a file of its own and import those.",
        )


def _page_margins(document):
    """The page headers' and footers' lines: a newsroom's template prints the
    outlet and the date there ("بي بي سي عربي | 28 شباط 2018"). The headers
    are read above the text and the footers under it. Word keeps up to three
    of each in every section (the first page's, when it differs, then the
    default and the even pages'): a clipping's first page often carries its
    own, so every one is read, the first page's first, each line once."""
    headers, footers = [], []
    try:
        for section in document.sections:
            first = section.different_first_page_header_footer
            even = document.settings.odd_and_even_pages_header_footer
            for kind, out in (("header", headers), ("footer", footers)):
                parts = [*([getattr(section, f"first_page_{kind}")] if first else []), getattr(section, kind),
                         *([getattr(section, f"even_page_{kind}")] if even else [])]
                for part in parts:
                    if part.is_linked_to_previous:
                        continue
                    out.extend(line for line in part_lines(part) if line not in out)
    except Exception:  # a bonus, like the properties: a damaged part is no failed import
        return headers, footers
    return headers, footers


def _notes(data):
    try:
        return note_lines(data)
    except Exception:  # a bonus: a damaged notes part is no failed import
        return []


# The package's property parts: the core (title, author…), the application's (company) and the custom ones.
PROPERTY_PARTS = ("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml")


def _property_parts(data):
    """The property parts of the Word package as text, read once ("" for a part it lacks)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            return [archive.read(name).decode("utf-8", "replace") if name in names else "" for name in PROPERTY_PARTS]
    except Exception:  # properties are a bonus: a damaged part is no failed import
        return ["" for _name in PROPERTY_PARTS]


def _core_properties(core):
    """``docProps/core.xml``'s title, subject, category, keywords, description
    and creator, read from the package itself: python-docx finds the part by
    its relationship type, and LibreOffice writes that type otherwise, so
    python-docx shows a LibreOffice file's properties as its own defaults
    ("Word Document", by "python-docx")."""
    found = {}
    for tag in ("title", "subject", "category", "keywords", "description", "creator"):
        m = re.search(rf"<(?:\w+:)?{tag}\b[^>]*>([^<]{{1,400}})</(?:\w+:)?{tag}>", core)
        if m and m[1].strip():
            found[tag] = html.unescape(m[1]).strip()
    return found


def _property_texts(props, app):
    """The file's descriptive properties, as ``(value, role)``: title,
    subject, category, keywords, comments, the company (``docProps/app.xml``)
    and the author (each its role: "title", "subject", "category", "keywords", "description",
    "company", "author")."""
    texts = []
    for tag in ("title", "subject", "category", "keywords", "description"):
        value = props.get(tag)
        if value and len(value) <= 200:
            texts.append((value, tag))
    company = re.search(r"<(?:\w+:)?Company>([^<]{2,120})</", app)
    if company:
        texts.append((html.unescape(company[1]), "company"))
    author = props.get("creator")
    if author and len(author) <= 60:
        texts.append((author, "author"))
    return texts


# The first paragraph this long is the lead (a headline, a byline or a date line is shorter).
LEAD_MIN_WORDS = 15


def draft_from_docx(data: bytes, source_name: str = "", catalog=None, limits=None):
    name = source_name.replace("\\", "/").rsplit("/", 1)[-1]
    text, margins, texts, (pictures, site, site_names, titles, link_texts), (header, lines) = _read(data, limits, name)
    # A date in the properties ("سكاي نيوز عربية - 12 آذار 2018" as the subject) only when the text gives none.
    # The lead's dateline ("الرياض: سكاي نيوز عربية - …") before the properties, which a template may fill wrongly.
    lead = next((line for line in text.split("\n") if len(line.split()) >= LEAD_MIN_WORDS), "")
    # A flattened page (a saved page LibreOffice converted, a page pasted from the browser) goes through
    # the text saves' decisions, the learnt line model included (``draft_from_text`` gives it to "text");
    # an archivist's typed article is read as it was.
    from .docx_page import looks_like_a_page

    page = looks_like_a_page(text)
    draft = draft_from_text(text, source_name, catalog, fmt="text" if page else "docx",
                            extra_cues=file_cues(lead, pictures, site_names, margins, site, texts, link_texts, catalog),
                           extra_dates=_extra_dates(margins, [value for value, role in texts if role != "author"]))
    draft.format = "docx"
    if page:
        from .docx_page import cut_other_stories, styled_title

        styled = styled_title(titles, draft.title)
        if styled:
            draft.title = styled
            draft.provenance["title"] = TITLE_STYLE_WHERE

        from .formatted_text import unformat

        kept, cut = cut_other_stories(draft.title, draft.body.split("\n"), unformat(text).split("\n"))
        if cut:
            draft.body = "\n".join(kept).strip()
    cited = closing_date(margins[0]) if margins else None
    if cited:
        # The clipper's own note of where and when: before a date a sentence mentions, and before
        # the agency a lead credits ("واس- نجران:" in a paper's story).
        draft.published, draft.date_precision = cited[0], cited[1]
        draft.provenance["date"] = f"«{cited[2]}» — {CITATION_WHERE}"
        draft.drop_warnings(NO_DATE_WARNING)
        if catalog is not None:
            from .outlets import resolve

            match = resolve(_margin_cues(margins[:1]), catalog.outlets)
            if match.outlet_id:
                match.apply(draft)
    if catalog is not None and draft.outlet_id is None and not draft.outlet_is_new:
        from .outlets import resolve

        # Weakest, and only when nothing else named an outlet: a name standing alone where the site speaks.
        match = resolve(_site_voice_cues(header, lines, draft.title, texts, catalog), catalog.outlets)
        if match.outlet_id:
            match.apply(draft)
    return draft


def _extra_dates(margins, properties):
    """Dates from outside the text, read when the text prints none: the footer's and notes' first."""
    from . import dates

    if margins and dates.find_date("\n".join(margins)):
        return margins, MARGIN_WHERE
    return properties, PROPERTIES_WHERE
