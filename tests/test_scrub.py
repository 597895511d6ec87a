"""What no stored text may hold is taken out of every field an import reads
(``pipeline.scrub``): a vertical tab or form feed becomes a line break, other
C0 controls go, a lone surrogate becomes U+FFFD; anything else is kept as it
is (the common case, checked first so a clean body costs next to nothing)."""
import pytest

from archive.ingest.pipeline import scrub


@pytest.mark.parametrize("raw, clean", [
    ("سطر\x0bسطر\x0cسطر", "سطر\nسطر\nسطر"),
    ("نص\x00\x01\x1f فيه\tتبويب\r\nوسطر", "نص فيه\tتبويب\r\nوسطر"),
    ("نص \ud800 مكسور", "نص \ufffd مكسور"),
    ("\x0bمعًا\x00\udfff", "\nمعًا\ufffd"),
])
def test_controls_and_surrogates_are_taken_out(raw, clean):
    assert scrub(raw) == clean


def test_clean_text_is_kept_as_it_is():
    text = "قالت وزارة الدفاع العراقية، الخميس، إن القوات حررت 3 قرى.\n\nThe end."
    assert scrub(text) == text
    assert scrub(None) is None and scrub(7) == 7
