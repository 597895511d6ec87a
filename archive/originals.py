"""Who may download an article's original file, and what they receive.

An original is the file as an archivist uploaded it: a Word file carries its
author, who last saved it and reviewers' comments; an HTML page would run in
the archive's origin if a browser rendered it; and the uploader's file name
may end in ``.hta`` or ``.bat``. So:

- Staff download originals as received. Others may only when the deployment
  publishes them (``PUBLISH_ORIGINALS=1``), and then receive a copy with the
  personal metadata of a Word file removed (``strip_docx``).
- What is served is decided by what the bytes are (``archive.ingest.sniff``),
  never by the name they came with: text, HTML, Word or JSON lines, each with
  its own extension and a Content-Type no browser renders as a page; anything
  else is not served.
- Always as an attachment, with ``nosniff`` and a sandboxing CSP.
"""
import io
import os
import re
import zipfile
from dataclasses import dataclass

from django.conf import settings
from lxml import etree

from archive.ingest import sniff as kinds


@dataclass(frozen=True)
class Kind:
    extension: str
    content_type: str


# HTML is served as plain text: a browser that opens it anyway shows the markup.
SERVED = {
    kinds.TEXT: Kind(".txt", "text/plain; charset=utf-8"),
    kinds.HTML: Kind(".html", "text/plain; charset=utf-8"),
    kinds.DOCX: Kind(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    kinds.JSONL: Kind(".jsonl", "application/json"),
}
# Extensions an uploader may have used for these kinds and that we keep.
KEPT_EXTENSIONS = {
    kinds.TEXT: {".txt"},
    kinds.HTML: {".html", ".htm"},
    kinds.DOCX: {".docx"},
    kinds.JSONL: {".jsonl", ".json"},
}


def may_download(user):
    """Staff always; anyone else only where the deployment publishes originals."""
    if user is not None and user.is_active and user.is_staff:
        return True
    return bool(getattr(settings, "PUBLISH_ORIGINALS", False))


def kind_of(data: bytes):
    """The kind of these bytes when it is one that is served, else None."""
    try:
        kind = kinds.sniff("", data)
    except Exception:  # IngestError: a kind the archive does not read
        return None
    return kind if kind in SERVED else None


def download_name(name: str, kind: str) -> str:
    """``name`` with the served kind's extension: "report.hta" holding HTML → "report.html"."""
    base = re.split(r"[\\/]", name or "")[-1] or "original"
    stem, ext = os.path.splitext(base)
    if ext.lower() in KEPT_EXTENSIONS[kind]:
        return base
    return (stem or "original") + SERVED[kind].extension


# ---------------------------------------------------------------------------
# Word: personal metadata
# ---------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CORE_PERSONAL = {
    "{http://purl.org/dc/elements/1.1/}creator",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy",
    "{http://purl.org/dc/elements/1.1/}description",  # Word's "Comments" property
}
APP_PERSONAL = {"Company", "Manager"}
# Reviewers' comments and the people who wrote them: emptied, not removed, so
# the package's relationships still point to parts that exist.
COMMENT_PARTS = re.compile(r"^word/(comments\w*|people)\.xml$")
COMMENT_MARKS = {f"{{{W}}}commentRangeStart", f"{{{W}}}commentRangeEnd", f"{{{W}}}commentReference"}
PERSON_ATTRIBUTES = {f"{{{W}}}author", f"{{{W}}}initials"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def strip_docx(data: bytes) -> bytes:
    """A copy of a .docx without its author, last editor, comments and reviewers' names.

    Core properties creator/lastModifiedBy/description and app.xml's
    Company/Manager are emptied; comments parts keep only their root element;
    comment marks leave the document; tracked changes keep their text but lose
    their author. Other parts are copied byte for byte.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            name = info.filename
            if name == "docProps/core.xml":
                content = _edit(content, _empty_core)
            elif name == "docProps/app.xml":
                content = _edit(content, _empty_app)
            elif COMMENT_PARTS.match(name):
                content = _edit(content, _drop_children)
            elif name.startswith("word/") and name.endswith(".xml"):
                content = _edit(content, _anonymise_document)
            target.writestr(info, content)
    return out.getvalue()


def _edit(content, change):
    root = etree.fromstring(content, _PARSER)
    change(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _empty_core(root):
    for element in root:
        if element.tag in CORE_PERSONAL:
            element.text = ""


def _empty_app(root):
    for element in root:
        if etree.QName(element).localname in APP_PERSONAL:
            element.text = ""


def _drop_children(root):
    for child in list(root):
        root.remove(child)


def _anonymise_document(root):
    for element in list(root.iter()):
        if element.tag in COMMENT_MARKS:
            element.getparent().remove(element)
            continue
        for attribute in PERSON_ATTRIBUTES & set(element.attrib):
            element.attrib[attribute] = ""


def published_copy(data: bytes, kind: str) -> bytes:
    """What a reader who is not staff receives: a Word file without personal metadata."""
    if kind == kinds.DOCX:
        return strip_docx(data)
    return data
