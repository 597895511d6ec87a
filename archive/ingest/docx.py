"""A Word document (``.docx``) → a ``Draft``, through the same reader as text.

Someone who pastes a web page into Word brings the page's furniture along, so
the paragraphs are joined into text and read exactly like a saved ``.txt``.
Tables (some sites lay the article out in one) are read cell by cell after the
paragraphs. The document's own properties (author, created) describe the file,
not the article, and are not used.
"""
import io

from .draft import IngestError
from .text import draft_from_text


def docx_text(data: bytes) -> str:
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, ValueError, BadZipFile, lxml errors...
        raise IngestError(
            "تعذّرت قراءة ملف Word: الملف تالف أو ليس بصيغة .docx.",
            f"Could not read the Word file: it is damaged or not a .docx ({error.__class__.__name__}).",
        )
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return "\n".join(lines)


def draft_from_docx(data: bytes, source_name: str = "", catalog=None):
    return draft_from_text(docx_text(data), source_name, catalog, fmt="docx")
