"""Firefox's "Save Page As… → Text Files", emulated: formatted plain text wrapped at 80 columns.

Firefox saves a page as text with its ``nsPlainTextSerializer`` and the flags
``OutputFormatted | OutputWrap | OutputAbsoluteLinks`` at wrap column 80
(``contentAreaUtils.js``'s ``kWrapColumn``). What this module copies from
``dom/serializers/nsPlainTextSerializer.cpp`` (``DoOpenContainer``,
``DoCloseContainer``, ``OpenContainerForOutputFormatted``,
``CloseContainerForOutputFormatted``, ``DoAddLeaf``, ``EnsureVerticalSpace``,
``PerformWrapAndOutputCompleteLines``):

- ``<p>``: one empty line before and after; ``<div>``: a line break after,
  no empty line; other block elements (section, article, nav, aside, header,
  footer, figure, table…): one empty line after;
- headings: two empty lines before, one after, indented 2 columns for
  ``<h1>`` and 2 more per level (header strategy 1, the default);
- ``<ul>``/``<ol>``: one empty line around (none when nested), indented 4;
  each ``<li>`` opens with ``* `` (``o``, ``+``, ``#`` when nested) or
  ``1. ``, placed inside the indentation; ``<li>`` ends its line;
- ``<a href>``: its text, then `` <absolute URL>``;
- ``<img>``: its ``alt`` as it is (``[title]`` when it has no alt);
- ``<td>``/``<th>``: a TAB between the cells of a row; ``<tr>`` ends its line;
- ``<br>``: a line break; ``<hr>``: a line of 80 dashes;
- ``<script>``, ``<style>``, ``<noscript>``, ``<iframe>``, ``<select>``'s
  options and hidden elements are not written; ``<head>`` is not written;
- white space collapses to one space; a line whose width passes 80 + 4
  columns is broken at the last space that keeps it within 80 (its
  indentation counted), and the rest keeps the indentation.
"""
import re
from urllib.parse import urljoin

import lxml.html

WRAP_COLUMN = 80
BONUS_WIDTH = 4  # "to avoid wrap lines that only would be a couple of letters too long"
INDENT_HEADERS, INDENT_HEADER_STEP, INDENT_LIST, INDENT_DD, TAB_SIZE = 2, 2, 4, 4, 4

BLOCK = {"address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt", "fieldset",
         "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
         "main", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "caption"}
SKIPPED = {"script", "style", "noscript", "iframe", "noframes", "select", "template", "svg", "head", "title", "meta",
           "link"}
VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "col", "embed", "param", "track"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


class _Serializer:
    def __init__(self, base_url):
        self.base_url = base_url
        self.out = []
        self.content = ""
        self.indent = 0
        self.header = ""  # a list item's bullet or number
        self.empty_lines = 1  # -1: inside a line; 0: at a line's start; n: n empty lines above
        self.floating = -1
        self.break_due = False
        self.in_space = True
        self.ul_count = 0
        self.ol_stack = []
        self.list_stack = []  # "ul" / "ol", innermost last
        self.row_cells = []

    # -- output ---------------------------------------------------------------------------------------------------
    def _emit(self, content):
        if self.header:
            prefix = " " * max(self.indent - len(self.header), 0) + self.header
        else:
            prefix = " " * self.indent if content else ""
        self.out.append((prefix + content).rstrip())
        self.header = ""

    def end_line(self):
        self._wrap()
        was_empty = not self.content and not self.header
        self._emit(self.content)
        self.content = ""
        self.empty_lines = self.empty_lines + 1 if was_empty else 0
        self.in_space = True

    def ensure_space(self, rows):
        if rows >= 0 and self.header:
            self.end_line()
        while self.empty_lines < rows:
            self.end_line()
        self.break_due = False
        self.floating = -1

    def _wrap(self):
        while True:
            prefix = self.indent
            if len(self.content) + prefix <= WRAP_COLUMN + BONUS_WIDTH:
                return
            room = WRAP_COLUMN - prefix
            at = self.content.rfind(" ", 0, room + 1)
            if at <= 0:
                at = self.content.find(" ", room)
                if at <= 0:
                    return
            line, rest = self.content[:at].rstrip(), self.content[at + 1:]
            self._emit(line)
            self.empty_lines = -1
            self.content = rest

    def write(self, text):
        text = text.replace("\u00a0", " ")
        text = re.sub(r"[ \t\r\n\f]+", " ", text)
        if self.in_space and text.startswith(" "):
            text = text[1:]
        if not text:
            return
        if self.break_due:
            self.ensure_space(self.floating)
        self.content += text
        self.in_space = text.endswith(" ")
        self.empty_lines = -1
        self._wrap()

    # -- elements -------------------------------------------------------------------------------------------------
    def open(self, el, tag):
        if self.break_due:
            self.ensure_space(self.floating)
        if tag == "p":
            self.ensure_space(1)
        elif tag == "pre":
            self.ensure_space(1)
        elif tag == "tr":
            self.row_cells.append(False)
        elif tag in ("td", "th"):
            if not self.row_cells:
                self.row_cells.append(True)
            elif self.row_cells[-1]:
                self.content += "\t"
                self.in_space = True
            else:
                self.row_cells[-1] = True
        elif tag in ("ul", "ol"):
            self.ensure_space(0 if self.list_stack else 1)
            self.indent += INDENT_LIST
            self.list_stack.append(tag)
            if tag == "ul":
                self.ul_count += 1
            else:
                self.ol_stack.append(int(el.get("start", "1") or 1))
        elif tag == "li":
            if self.list_stack and self.list_stack[-1] == "ol":
                self.header = f"{self.ol_stack[-1]}. "
                self.ol_stack[-1] += 1
            else:
                self.header = "*o+#"[(self.ul_count - 1) % 4 if self.ul_count else 3] + " "
        elif tag == "dl":
            self.ensure_space(1)
        elif tag == "dt":
            self.ensure_space(0)
        elif tag == "dd":
            self.ensure_space(0)
            self.indent += INDENT_DD
        elif tag == "blockquote":
            self.ensure_space(1)
            self.indent += TAB_SIZE
        elif tag == "q":
            self.write('"')
        elif tag in BLOCK:
            self.ensure_space(0)
        if tag in HEADINGS:
            self.ensure_space(2)
            self.indent += INDENT_HEADERS + INDENT_HEADER_STEP * (HEADINGS[tag] - 1)
        self.in_space = True

    def close(self, el, tag):
        if tag == "tr":
            self.row_cells.pop()
            self.floating = max(self.floating, 0)
            self.break_due = True
        elif tag in ("li", "dt"):
            self.floating = max(self.floating, 0)
            self.break_due = True
        elif tag == "pre":
            self.floating, self.break_due = 1, True
        elif tag in ("ul", "ol"):
            if self.content or self.header:
                self.end_line()
            self.indent -= INDENT_LIST
            self.list_stack.pop()
            if tag == "ul":
                self.ul_count -= 1
            else:
                self.ol_stack.pop()
            if not self.list_stack:
                self.floating, self.break_due = 1, True
        elif tag == "dl":
            self.floating, self.break_due = 1, True
        elif tag == "dd":
            if self.content:
                self.end_line()
            self.indent -= INDENT_DD
        elif tag == "div":
            self.floating = max(self.floating, 0)
            self.break_due = True
        elif tag == "blockquote":
            if self.content:
                self.end_line()
            self.indent -= TAB_SIZE
            self.floating, self.break_due = 1, True
        elif tag == "q":
            self.write('"')
        elif tag in BLOCK:
            self.ensure_space(1)
        if tag in HEADINGS:
            self.indent -= INDENT_HEADERS + INDENT_HEADER_STEP * (HEADINGS[tag] - 1)
            self.ensure_space(1)
        elif tag == "a" and el.get("href"):
            self.write(f" <{urljoin(self.base_url, el.get('href'))}>")

    def leaf(self, el, tag):
        if tag == "br":
            if self.break_due:
                self.ensure_space(self.floating)
            self.ensure_space(max(self.empty_lines, 0) + 1 if self.empty_lines >= 0 else 0)
        elif tag == "hr":
            self.ensure_space(0)
            self.content = "-" * WRAP_COLUMN
            self.empty_lines = -1
            self.ensure_space(0)
        elif tag == "img":
            if el.get("alt") is not None:
                self.write(el.get("alt"))
            elif el.get("title"):
                self.write(f" [{el.get('title')}] ")

    def walk(self, el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in SKIPPED or el.get("hidden") is not None or re.search(r"display\s*:\s*none", el.get("style") or ""):
            self._tail(el)
            return
        if tag in VOID:
            self.leaf(el, tag)
        elif tag:
            self.open(el, tag)
            if el.text:
                self.write(el.text)
            for child in el:
                self.walk(child)
            self.close(el, tag)
        self._tail(el)

    def _tail(self, el):
        if el.tail:
            self.write(el.tail)


def save_as_text(page: str, url: str) -> str:
    """The text Firefox writes for ``page`` (loaded from ``url``) with "Save Page As… Text Files"."""
    doc = lxml.html.document_fromstring(page)
    body = doc.find("body")
    s = _Serializer(url)
    if body is not None:
        if body.text:
            s.write(body.text)
        for child in body:
            s.walk(child)
    s.ensure_space(0)
    lines = s.out
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
