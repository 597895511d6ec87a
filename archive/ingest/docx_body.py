"""The lines of a Word document as an archivist's file holds them.

python-docx's ``Paragraph.text`` misses what archivists' files are made of:
the text of tracked insertions (``w:ins``: a file with changes left in loses
the words an editor added), text boxes (``w:txbxContent``: a headline set in a
box), content controls (``w:sdt``), footnotes and endnotes (a clipping's
source and date in a note). This module walks the XML itself, in the order
the page shows it, and also reads the structure a paste or a converted page
brings along:

- a paragraph that is only links (a menu item, a share button, a related
  headline, the next article's title) is the page's furniture, marked
  ``LINK_PLACE`` as a Firefox save's link lines are — the article's text is no
  link; a link to a site's home page (a logo, a breadcrumb's first item) stays
  as its address, which names the outlet. A heading (a heading style, or all
  bold) stays: a headline may link to its own page;
- the text beside a picture in its paragraph, and a paragraph in a caption
  style, is the picture's caption;
- a picture's alternative text (``descr``/``title``) above the article's first
  long paragraph is a logo's, and may name the outlet.

Deleted text (``w:del``) and comments are never read: they are not the
article. A text box's ``mc:Fallback`` copy is skipped (Word writes each box
twice).
"""
import re

from .formatted_text import LINK_PLACE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"
VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"
O_TITLE = "{urn:schemas-microsoft-com:office:office}title"
_SITE_ROOT = re.compile(r"^https?://[^/\s]+/?(?:ar/?|arabic/?)?$", re.I)
# A paragraph of this many words or more is the article's text (``docx.LEAD_MIN_WORDS``).
LEAD_MIN_WORDS = 15


def _skipped(el, stop):
    """Inside a deletion, a text box's fallback copy, or a text box (read on its own)."""
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in (f"{W}del", MC_FALLBACK, f"{W}txbxContent", f"{W}moveFrom"):
            return True
        parent = parent.getparent()
    return False


_MARK_TEXT = {f"{W}br": "\n", f"{W}cr": "\n", f"{W}tab": " ", f"{W}noBreakHyphen": "-"}  # a page break too: a new line


# A field that shows the file's own day (the day it is opened, printed, saved or made), never the article's:
# its cached text is the archivist's day ("DATE \\@ dd/MM/yyyy" in a template's header).
_FILE_DATE_FIELD = re.compile(r"^\s*(?:DATE|TIME|PRINTDATE|SAVEDATE|CREATEDATE|EDITTIME)\b", re.I)


def _texts(p):
    """(text, in_link) pieces of a paragraph in order; soft returns as newlines. The shown
    value of a field giving the file's day is left out (``_FILE_DATE_FIELD``)."""
    out = []
    fields = []  # complex fields open here: [instruction, showing its result]
    for el in p.iter(f"{W}t", f"{W}br", f"{W}cr", f"{W}tab", f"{W}noBreakHyphen", f"{W}fldChar", f"{W}instrText"):
        if _skipped(el, p):
            continue
        if el.tag == f"{W}fldChar":
            kind = el.get(f"{W}fldCharType")
            if kind == "begin":
                fields.append(["", False])
            elif kind == "separate" and fields:
                fields[-1][1] = True
            elif kind == "end" and fields:
                fields.pop()
            continue
        if el.tag == f"{W}instrText":
            if fields:
                fields[-1][0] += el.text or ""
            continue
        if any(shown and _FILE_DATE_FIELD.match(instr) for instr, shown in fields) or any(
                _FILE_DATE_FIELD.match(a.get(f"{W}instr") or "") for a in el.iterancestors(f"{W}fldSimple")):
            continue
        text = (el.text or "") if el.tag == f"{W}t" else _MARK_TEXT[el.tag]
        link = next((a for a in el.iterancestors(f"{W}hyperlink") if a is not p), None)
        field_link = _in_field_link(el)
        out.append((text, link if link is not None else field_link))
    return out


def _in_field_link(el):
    """A run inside a simple ``HYPERLINK`` field (``w:fldSimple``). A complex field's runs
    (between ``w:fldChar`` marks) are read as text: Word and LibreOffice write ``w:hyperlink``."""
    for a in el.iterancestors(f"{W}fldSimple"):
        if "HYPERLINK" in (a.get(f"{W}instr") or ""):
            return a
    return None


def _is_picture(el):
    """A drawing that shows a picture (a shape or a text box has a ``docPr`` too)."""
    return el.tag == VML_IMAGE or next(el.getparent().iter(PICTURE), None) is not None


def _style(p):
    style = p.find(f"{W}pPr/{W}pStyle")
    return (style.get(f"{W}val") or "") if style is not None else ""


def _all_bold(p):
    runs = [r for r in p.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
    return bool(runs) and all(r.find(f"{W}rPr/{W}b") is not None and r.find(f"{W}rPr/{W}b").get(f"{W}val") not in ("0", "false")
                              for r in runs)


def _link_target(link, rels):
    rid = link.get(REL)
    if rid and rid in rels:
        return rels[rid]
    m = re.search(r'HYPERLINK\s+"([^"]+)"', link.get(f"{W}instr") or "")
    return m[1] if m else ""


class Reader:
    def __init__(self, part):
        self.rels = {rid: rel.target_ref for rid, rel in part.rels.items() if rel.is_external}
        self.lines, self.picture_names, self.headings, self.hosts = [], [], set(), []
        self.titles = []  # the paragraphs in Word's own title styles ("Heading 1", "Title")
        self.links = set()  # the lines that are only links (LINK_PLACE, or a home page's address)
        # Those lines' own text, where each links to and whether it stands above the lead: a link home
        # above the article is the site's text logo, a linked "حمّل تطبيق X" its app prompt (``docx_outlet.py``).
        self.link_texts = []
        self.breaks = []  # where a page or section break stands: the number of lines above it
        self._lead_seen = False

    def block(self, el):
        for child in el.iterchildren():
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child)
            elif tag == f"{W}tbl":
                for row in child.iterchildren(f"{W}tr"):
                    seen = set()
                    for cell in row.iterchildren(f"{W}tc"):
                        if id(cell) not in seen:
                            seen.add(id(cell))
                            self.block(cell)
            elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}smartTag"):
                self.block(child.find(f"{W}sdtContent") if tag == f"{W}sdt" and child.find(f"{W}sdtContent") is not None else child)

    def paragraph(self, p):
        for box in p.iter(f"{W}txbxContent"):  # a box's text before its anchor paragraph's
            if not _skipped(box, p):
                self.block(box)
        pictures = [el for el in p.iter(DOC_PR, VML_IMAGE) if not _skipped(el, p) and _is_picture(el)]
        if not self._lead_seen:
            for el in pictures:
                for name in (el.get("descr"), el.get("title"), el.get(O_TITLE)):
                    if name and name.strip() and len(name) <= 80:
                        self.picture_names.append(name.strip())
        pieces = _texts(p)
        text = "".join(t for t, _ in pieces)
        self._breaks(p, before=True)
        try:
            self._paragraph(p, pictures, pieces, text)
        finally:
            self._breaks(p, before=False)

    def _breaks(self, p, before):
        """Word's own separation of pages: a page break, a paragraph set to open a page, a section's end."""
        ppr = p.find(f"{W}pPr")
        page_break = any(br.get(f"{W}type") == "page" for br in p.iter(f"{W}br"))
        opens = ppr is not None and ppr.find(f"{W}pageBreakBefore") is not None
        ends = ppr is not None and ppr.find(f"{W}sectPr") is not None
        if (before and (opens or page_break and not "".join(t.text or "" for t in p.iter(f"{W}t")).strip())
                or not before and (ends or page_break)):
            if not self.breaks or self.breaks[-1] != len(self.lines):
                self.breaks.append(len(self.lines))

    def _paragraph(self, p, pictures, pieces, text):
        if not text.strip():
            return
        if pictures or "caption" in _style(p).lower() or _style(p) in ("Beschriftung", "Légende"):
            dated = _date_before_picture(p, pictures[0]) if pictures else ""
            if dated:
                self.lines.append(dated)  # "27 أبريل 2018 [picture] أرشيف - أ ف ب": a byline's date, then the caption
            self.lines.append(LINK_PLACE)  # a picture's caption
            return
        heading = _style(p).lower().startswith(("heading", "title")) or _all_bold(p)
        if _style(p).lower() in TITLE_STYLES:
            self.titles.append(" ".join("".join(t for t, _ in pieces).split()))
        line = []
        for text, link in [*pieces, ("\n", None)]:
            # Each line on its own (a <br> between related headlines, a label and its links in one paragraph).
            parts = text.split("\n")
            for k, part in enumerate(parts):
                if k:
                    self._line(line, heading)
                    line = []
                if part:
                    line.append((part, link))

    def _line(self, pieces, heading):
        text = "".join(t for t, _ in pieces)
        if not text.strip():
            return
        links = [link for t, link in pieces if link is not None and t.strip()]
        self.hosts.extend(_host(_link_target(link, self.rels)) for link in links)
        if links and not any(t.strip() for t, link in pieces if link is None) and not heading:
            root = next((t for t in map(lambda link: _link_target(link, self.rels), links) if _SITE_ROOT.match(t or "")), None)
            self.link_texts.append((" ".join(text.split()), _link_target(links[0], self.rels), not self._lead_seen))
            self.links.add(len(self.lines))
            self.lines.append(root or LINK_PLACE)
            return
        if heading:
            self.headings.add(len(self.lines))
        self.lines.append(text)
        if len(text.split()) >= LEAD_MIN_WORDS:
            self._lead_seen = True


def _date_before_picture(p, picture):
    """The text before a picture in its paragraph when it is a date alone (a converted
    page's byline set beside its photo): the article's date, not the picture's caption."""
    from . import dates

    before = []
    for el in p.iter(f"{W}t", DOC_PR, VML_IMAGE):
        if el is picture:
            break
        if el.tag == f"{W}t" and not _skipped(el, p):
            before.append(el.text or "")
    text = " ".join("".join(before).split())
    found = dates.date_in_line(text) if 0 < len(text.split()) <= 8 else None
    return text if found and len(text.replace(found[2], " ").split()) <= 3 else ""


# Word's own style ids for a document's title (LibreOffice gives a saved page's <h1> the first).
TITLE_STYLES = ("heading1", "heading 1", "title")


def body_lines(document):
    """The body's lines, the names of the pictures above its first long paragraph, the site's
    host, where the page breaks stand, the paragraphs in a title style and the lines that
    are only links (``Reader.link_texts``)."""
    reader = Reader(document.part)
    reader.block(document.element.body)
    lines = _box_headings(reader.lines, reader.links)
    lines = _after_link_box(lines, reader.links, reader.headings)
    return lines, reader.picture_names, _site_host(reader.hosts), reader.breaks, reader.titles, reader.link_texts


def _host(url):
    m = re.match(r"^https?://(?:www\.)?([^/\s:]+)", url or "", re.I)
    return m[1].lower() if m else ""


# The site's own links: a page converted or pasted links to its own sections and articles.
SITE_LINKS = 3


def _site_host(hosts):
    """The host most of the file's links go to, if at least ``SITE_LINKS`` do (the site's own)."""
    counts = {}
    for host in filter(None, hosts):
        counts[host] = counts.get(host, 0) + 1
    best = max(counts, key=counts.get, default="")
    return f"https://{best}/" if best and counts[best] >= SITE_LINKS else ""


def _after_link_box(lines, links, headings):
    """Under the article's last paragraph, after a box of links, a headline set as a heading
    (bold, or a heading style) is the next article's, not this one's."""
    last = max((i for i, line in enumerate(lines) if len(line.split()) >= LEAD_MIN_WORDS), default=None)
    if last is None:
        return lines
    out, seen = list(lines), 0
    for i in range(last + 1, len(lines)):
        seen += i in links
        if seen >= 2 and i in headings:
            out[i] = LINK_PLACE
    return out


# A box's heading ("Read more:", "اقرأ أيضاً", "مواضيع ذات صلة") is this short, or a label ending with a colon.
BOX_HEADING_WORDS = 3
BOX_LABEL_WORDS = 5


def _box_headings(lines, links):
    """A short line over two link lines or more is the heading of a box of links,
    furniture as they are (a headline is longer: four words or more)."""
    out = list(lines)
    for i, line in enumerate(lines[:-2]):
        words = len(line.split())
        if i not in links and i + 1 in links and i + 2 in links and (
                words <= BOX_HEADING_WORDS or words <= BOX_LABEL_WORDS and line.rstrip().endswith((":", "："))):
            out[i] = LINK_PLACE
            links.add(i)
    return out


def part_lines(part):
    """A header's or footer's lines (its text boxes and fields too)."""
    reader = Reader(part.part if hasattr(part, "part") else part)
    reader.block(part._element)
    return [line for line in reader.lines if line.strip() and line != LINK_PLACE]


def note_lines(data):
    """The footnotes' and endnotes' text, one line a note (the separators left out)."""
    import io
    import zipfile

    from lxml import etree

    lines = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in ("word/footnotes.xml", "word/endnotes.xml"):
            if name not in archive.namelist():
                continue
            root = etree.fromstring(archive.read(name), etree.XMLParser(resolve_entities=False, no_network=True))
            for note in root:
                if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                for p in note.iter(f"{W}p"):
                    text = "".join(t for t, _ in _texts(p)).strip()
                    if text:
                        lines.extend(line.strip() for line in text.split("\n") if line.strip())
    return lines
