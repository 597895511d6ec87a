"""Word files made in a test: a python-docx document as the bytes an upload or a folder holds."""
import io

import docx


def saved(document):
    """The bytes of ``document`` (a python-docx ``Document``) saved as a .docx file."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def word_file(*paragraphs):
    """A .docx file holding ``paragraphs``, one Word paragraph each, in order."""
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    return saved(document)
