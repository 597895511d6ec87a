"""A JSON record's values as the archive keeps them.

An exporter writes the article's text as HTML blocks (WordPress, every
feed), as Markdown (a crawler's ``markdown`` field), or inside MongoDB's
extended JSON (``{"$date": …}``); ``records`` reads each here into plain text
and plain values. Which value is which is ``record_fields``'.
"""
import html
import re

from .record_fields import key_words


# -- values as the archive keeps them --------------------------------------------------------

_BLOCK_END = re.compile(r"</(?:p|div|h[1-6]|li|blockquote|section|article|tr)\s*>|<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]{0,2000}>")
# A body is HTML when its paragraphs are laid out in HTML blocks, as every
# exporter's is; a stray tag inside plain text ("<script>" quoted in an
# article about an attack) is text and stays as written.
_BLOCKS = re.compile(r"</(?:p|div|li|h[1-6]|blockquote)\s*>|<br\s*/?>", re.I)


def plain_text(value: str) -> str:
    """An HTML body as paragraphs of text: its blocks become lines, its tags
    go and its entities are read. A JSON value that is not HTML is text and
    stays as written ("&lt;", a quoted "<svg>", bidi marks and all)."""
    if not is_html(value):
        return value.strip()
    value = _BLOCK_END.sub("\n", value)
    value = html.unescape(_TAG.sub(" ", value))
    lines = []
    for line in value.split("\n"):
        line = re.sub(r"[ \t\u00a0]+", " ", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def is_html(value: str) -> bool:
    return bool(_BLOCKS.search(value))


def plain_title(value: str, html_escaped: bool = False) -> str:
    """Spaces collapsed; a title from an HTML field (WordPress's "rendered",
    or a record whose body is HTML) has its entities read ("&nbsp;",
    "&#8211;"). Anything else, tags and "&lt;" included, is the title as written."""
    if html_escaped:
        value = html.unescape(value)
    return re.sub(r"\s+", " ", value).strip()


# -- MongoDB's extended JSON (mongoexport) -------------------------------------------------

_NUMBERS = {"$numberLong": int, "$numberInt": int, "$numberDouble": float, "$numberDecimal": float}


def plain_json(value):
    """MongoDB's extended JSON as the plain values it stands for:
    ``{"$date": "2018-05-14T07:15:00Z"}`` → the date as written,
    ``{"$date": {"$numberLong": "1526282100000"}}`` → milliseconds,
    ``{"$oid": "5af9…"}`` → its text, ``{"$numberInt": "12"}`` → 12."""
    if isinstance(value, list):
        return [plain_json(v) for v in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        ((key, inner),) = value.items()
        if key == "$date":
            return plain_json(inner)
        if key in ("$oid", "$uuid", "$symbol") and isinstance(inner, str):
            return inner
        if key in _NUMBERS and isinstance(inner, str):
            try:
                return _NUMBERS[key](inner)
            except ValueError:
                return inner
    return {k: plain_json(v) for k, v in value.items()}


# -- Markdown bodies -----------------------------------------------------------------------

# (A list item keeps its "- " or "1. ": text saves print them too.)
_MD_LINE_START = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:https?://|/)[^)]*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")


def is_markdown_field(path) -> bool:
    """A field its tool names as Markdown (``markdown``, ``body_md``, ``content_markdown``)."""
    return bool(path) and bool({"markdown", "md"} & set(key_words(path.split(".")[-1])))


def plain_markdown(value: str) -> str:
    """A Markdown body as paragraphs of text: heading and quotation marks,
    emphasis, links (their words kept), images and rules go; blank lines
    between paragraphs close up."""
    lines = []
    for line in value.split("\n"):
        if _MD_RULE.match(line):
            continue
        line = _MD_LINE_START.sub("", line)
        line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
        line = _MD_EMPHASIS.sub(r"\1", _MD_STRONG.sub(r"\2", line))
        line = re.sub(r"`([^`\n]+)`", r"\1", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)
