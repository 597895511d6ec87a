"""A name standing alone where a Word file's site speaks for itself: the weakest outlet cue of a Word
file (``docx``), asked only when nothing else in the file named an outlet. (A text save's lines above
its headline are a menu's or a section's as often: not asked there, ``tests/test_ingest_general.py``.)
"""
import re


SITE_VOICE_WHERE = "اسم وحده في سطر يتكلم فيه الموقع (رأس الصفحة، أول الملف أو آخره، خصائصه) في ملف Word"
SITE_VOICE_WORDS = 4
_SITE_VOICE_ROLES = {"subject", "description", "company", "author"}
_SITE_VOICE_ABOVE = 3


def site_voice_cues(header, lines, title, texts, catalog):
    """Lines where a file's site speaks for itself, when a line is only a name: the page header's
    paragraphs, the (at most three) lines above the headline of a pasted page or a print view, the
    file's last line, and a property's whole value (a site's CMS fills the subject or the author with
    its name). There a name printed without its kind word ("الحياة" for "صحيفة الحياة") is the site
    when one outlet alone has it (``OutletIndex.find_site_name``) — in running text the same word is
    a word. A name that is also a gazetteer place ("الرياض") is no evidence on its own."""
    from .normalize import loose
    from .outlets import Cue, a_common_word

    above = []
    for line in lines:
        if title and loose(line.strip()) == loose(title.strip()):
            break
        above.append(line)
    # The category and the keywords are the article's section and subjects, the title its headline.
    values = [value for value, role in texts if role in _SITE_VOICE_ROLES]
    candidates = [*header, *[line for line in above if line.strip()][:_SITE_VOICE_ABOVE],
                  *[line for line in lines if line.strip()][-1:], *values]
    cues = []
    for line in candidates:
        line = (line or "").strip()
        if not line or re.search(r"[\d.!؟?:،,]", line) or not 1 <= len(line.split()) <= SITE_VOICE_WORDS:
            continue
        # A section prints a word ("الحدث", "الأخبار") where a site prints its name: a one-word name is
        # asked for only when the corpus seldom writes it as a word (``outlets.a_common_word``).
        if is_a_place(line, catalog) or (len(line.split()) == 1 and a_common_word(line)):
            continue
        cues.append(Cue(line, where=SITE_VOICE_WHERE, names_site=True))
    return cues


def is_a_place(name, catalog):
    """The gazetteer knows ``name`` as a place (nearly all of it): "الرياض" is the city as often as the paper."""
    try:
        found = catalog.aliases.find(name)
    except Exception:  # no gazetteer (a bare test database): nothing is known as a place
        return False
    return any(m.kind == "place" and (m.end - m.start) >= 0.8 * len(name) for m in found)
