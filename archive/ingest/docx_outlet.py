"""Where a Word file names its outlet: the cues ``docx.draft_from_docx`` asks the catalogue about.

Split from :mod:`archive.ingest.docx`, which reads the document (paragraphs, page
header and footer, notes, properties, a closing citation, a digest refused) and
makes the draft; this module only turns what was read into outlet cues — the
footer's and notes' parts (``_margin_cues``), a logo's alternative text, a saved
page's site name kept in the title or a custom property (``_site_names``), the
descriptive properties, a link home above the article (``_link_cues``), and,
weakest, a name standing alone where the site speaks (``_site_voice_cues``). Apart
because each round adds a place where a Word file may name its site, while the
reader stays put. It never imports ``docx``: the reader passes the lines and
properties it read.
"""
import html
import re

from .site_voice import site_voice_cues as _site_voice_cues  # noqa: F401  (the Word reader's weakest cue)

PROPERTIES_WHERE = "خصائص ملف Word"
PICTURE_WHERE = "النص البديل لصورة (شعار) في ملف Word"
SITE_LINKS_WHERE = "أغلب روابط ملف Word تذهب إلى هذا الموقع"
MARGIN_WHERE = "تذييل الصفحة أو حاشية في ملف Word"
SITE_PROPERTY_WHERE = "اسم الموقع في خصائص ملف Word (عنوان الصفحة المحفوظة)"
_MARGIN_PARTS = re.compile(r"\s[|\-–—•/]\s|[|،,؛]")
# (After a bullet, "* المصدر: X"; with a slash, "المصدر/ X".)
_LABEL = re.compile(r"^[\s*•·\-–—]*(?:المصدر|مصدر|الصحيفة|الموقع|Source)\s*[:：/]\s*", re.I)


def file_cues(lead, pictures, site_names, margins, site, texts, link_texts, catalog):
    """Every cue of where the file names its outlet, in the order they are given, after the text's own:
    the lead's dateline ("الرياض: سكاي نيوز عربية - …", before the properties, which a template
    may fill wrongly), a logo's alt text, the site name of a saved page's properties, the
    footer's and notes' parts, the site most links go to, the descriptive properties, the links."""
    from .outlets import Cue, dateline_cues

    return [*dateline_cues(lead), *_picture_cues(pictures),
            *(Cue(n, where=SITE_PROPERTY_WHERE, names_site=True) for n in site_names),
            *_margin_cues(margins),
            *([Cue(site, where=SITE_LINKS_WHERE)] if site else []),
            *_property_cues(texts), *_link_cues(link_texts, catalog)]


def _property_cues(texts):
    from .outlets import Cue

    # The author is a person as often as a newsroom: a catalogue outlet's name only, never proposed.
    from .lines import date_line_rest

    # A value with a date in it ("سكاي نيوز عربية - 12 آذار 2018") is asked for without the date.
    # The company is the newsroom whose copy of Word made the file: it names the site as a
    # copyright line does (a name without its kind word, "الحياة", when one outlet alone has it).
    cues = []
    for value, role in texts:
        rest = date_line_rest(value)
        if not rest:
            continue
        labelled = _SOURCE_LABEL.match(rest)
        if labelled and role in ("description", "subject", "comments"):
            # "المصدر: X", "نقلاً عن X", "منقول من X" in the comments: a source line, read as one.
            cues.append(Cue(rest[labelled.end():], where=PROPERTIES_WHERE, names_site=True))
            continue
        cues.append(Cue(rest, where="مؤلف ملف Word في خصائصه" if role == "author" else PROPERTIES_WHERE,
                        names_site=role == "company"))
        if role == "keywords":
            # "الأناضول، داعش، كركوك": each keyword an exact name (the subjects are words and places).
            cues.extend(Cue(part.strip(), where=PROPERTIES_WHERE) for part in re.split(r"[،,;؛]", rest)
                        if part.strip() and part.strip() != rest.strip())
    return cues


# A label before a source's name in a property ("المصدر: X", "Source: X", "نقلاً عن X", "منقول من X").
_SOURCE_LABEL = re.compile(r"^\s*(?:المصدر|مصدر الخبر|source|نقلا عن|نقلاً عن|منقول من|منقول عن|نقل عن)\s*[:：]?\s*(?=\S)", re.I)


def _picture_cues(names):
    """A logo's alternative text above the article ("سكاي نيوز عربية"): it names the site, as an
    HTML page's logo does; a catalogue outlet only, never proposed."""
    from .outlets import Cue

    return [Cue(name, where=PICTURE_WHERE, names_site=True) for name in names]


# A logo's file as a saved page names it: "aawsat-logo.png", "logo_alarabiya.svg", "images/sabq_logo@2x.png".
_LOGO_FILE = re.compile(r"(?:^|[-_.\s])logo(?:$|[-_.\s@])", re.I)


def logo_file_names(targets):
    """The site's name in the file name of a picture the Word file links to, when the name says it is a logo:
    LibreOffice keeps the address of a saved page's pictures it could not embed, and drops their alternative
    text; "aawsat-logo.png" names the site as its domain's label does. The name without "logo", its size
    and its ending ("aawsat", "al arabiya"); asked for as a logo's alternative text is (a catalogue outlet only)."""
    names = []
    for target in targets:
        stem = re.sub(r"[?#].*$", "", target or "").rstrip("/").rsplit("/", 1)[-1]
        stem = re.sub(r"\.(?:png|jpe?g|gif|svg|webp)$", "", stem, flags=re.I)
        if not _LOGO_FILE.search(stem):
            continue
        words = [w for w in re.split(r"[-_.\s@]+", re.sub(r"logo", " ", stem, flags=re.I)) if w and not w.isdigit()
                 and not re.fullmatch(r"\d*x|\d+x\d+|white|dark|light|main|header|footer|new|ar|en|small|big|mobile|default|site", w, re.I)]
        if words:
            names.append(" ".join(words))
    return names


def picture_targets(document):
    """The addresses of the pictures a Word file links to rather than holds (LibreOffice's "linked" images)."""
    try:
        return [rel.target_ref for rel in document.part.rels.values() if rel.is_external and rel.reltype.endswith("/image")]
    except Exception:  # a bonus: a damaged relationship part is no failed import
        return []


# A custom property (LibreOffice keeps a saved page's <meta name=…> so) whose name says it names the site.
_SITE_PROPERTY = re.compile(r"site|application|publisher|source|copyright|brand|outlet", re.I)


def _site_names(props, custom):
    """Where a Word file made from a saved page names the site: the end or the
    start of its title property ("الخبر | الشرق الأوسط": LibreOffice keeps the
    page's <title>), and its custom properties named for the site
    (``application-name``, ``og:site_name``, ``copyright``). Asked for as
    the page's own site name is; a catalogue outlet only."""
    from .html_meta import site_prefix, site_suffix
    from .outlets import name_in_value

    title = props.get("title", "")
    names = [part for part in (site_suffix(title), site_prefix(title)) if part]
    for name, value in re.findall(r'<(?:\w+:)?property\b[^>]*\bname="([^"]{1,80})"[^>]*>\s*<(?:\w+:)?lpwstr>([^<]{2,200})</', custom):
        if _SITE_PROPERTY.search(name):
            names.append(name_in_value(html.unescape(value)))
    return [name for name in names if name.strip()]


# A link to the site's home: "/", "../../", "index.html", the site's root address.
_HOME_LINK = re.compile(r"^(?:/|\./|(?:\.\./)+|(?:\.\./)*index\.html?|https?://[^/\s]+/?(?:ar/?|arabic/?)?)$", re.I)
HOME_LINK_WHERE = "رابط إلى الصفحة الرئيسية فوق الخبر في ملف Word (شعار الموقع)"


def _link_cues(link_texts, catalog):
    """A converted page's lines that are only a link (read as furniture, not text): the text of a
    link home above the article is the site's text logo; a linked app prompt or follow line names
    the site (``text_cues.call_to_action_cues``). Menu items are asked nothing: "العربية" there is a section."""
    from .outlets import Cue
    from .text_cues import call_to_action_cues

    cues = [Cue(text, where=HOME_LINK_WHERE, names_site=True) for text, target, above in link_texts
            if above and _HOME_LINK.match(target or "") and 1 <= len(text.split()) <= 6]
    index = catalog.outlets if catalog is not None else None
    return cues + call_to_action_cues("\n".join(text for text, _target, _above in link_texts), index)


def _margin_cues(lines):
    """The footer's and the notes' parts ("بي بي سي عربي | صفحة 2", "المصدر: الحياة، 3 آذار 2018"):
    the file names its outlet there, as a page's own site name does."""
    from .lines import date_line_rest
    from .outlets import Cue, name_in_value, named_parts

    # "© 2018 المونيتور": a copyright line's name, without its sign, year and "جميع الحقوق محفوظة".
    lines = [name_in_value(line) or line for line in lines]
    parts = [part.strip() for line in lines for part in _MARGIN_PARTS.split(date_line_rest(line) or line)]
    exact = [Cue(part, where=MARGIN_WHERE) for line in lines for part in named_parts(line)]
    return exact + [Cue(_LABEL.sub("", part), where=MARGIN_WHERE, names_site=True) for part in parts if re.search(r"\w\w", part)]
