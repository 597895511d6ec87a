"""What a file's name says about its outlet: "skynews_2018-05-14_syria.txt", "aawsat.com-12345.html",
"Headline - Outlet.docx", "Bahrain_News_Agency_headline.docx", "صحيفة-الاقتصادية-2018-05-03.docx".
Every cue here is asked for as a known outlet, never proposed: a file's name is the archivist's or the
browser's, and a title's words are as often a place or a word as a name."""
import itertools
import re

from .outlets import Cue, hosts_in


# Short aliases that are also words a file name holds ("what_was_said.txt").
_NOT_NAMES_IN_FILE_NAMES = {"was", "map", "tap", "spa", "ain", "ina", "nna", "the", "and", "news", "article",
                            "report", "page", "saved", "copy", "final", "text", "word"}


NAME_WORDS_IN_FILE_NAME = 5
_TITLE_PARTS_IN_FILE_NAME = re.compile(r"\s+[-_|–—]+\s+|_{2,}")


def file_name_cues(source_name: str):
    """"skynews_2018-05-14_syria.txt", "aawsat.com-12345.html": the words and
    domains of a file's name, each asked for as a known outlet (never proposed)."""
    stem = re.sub(r"\.(?:txt|text|html?|docx|jsonl|zip|gz)$", "", (source_name or "").replace("\\", "/").rsplit("/", 1)[-1], flags=re.I)
    cues = [Cue(host, where="اسم الملف") for host, _path in hosts_in(stem)]
    # A browser names a saved page after its <title>, "Headline - Outlet" / "Outlet | Headline",
    # with "|" and ":" written "_": the first and the last part stand where a page names itself.
    parts = [part.strip() for part in _TITLE_PARTS_IN_FILE_NAME.split(stem) if part.strip()]
    if len(parts) > 1:
        cues += [Cue(part, where="اسم الملف", names_site=site) for part, site in ((parts[-1], True), (parts[0], False))
                 if len(part) <= 40 and not part.isdigit()]
    words = [part for part in re.split(r"[\s_\-.()\[\]]+", stem) if part]
    # "Bahrain_News_Agency_headline.docx", "صحيفة-الاقتصادية-2018-05-03.docx", "SkyNewsArabia_…": the
    # words a name may run over, at the start of the name or at its end (before a date), asked for
    # whole, longest first ("صحيفة الوطن العمانية" before "صحيفة الوطن").
    run = [w for w in re.split(r"(?<=[a-z])(?=[A-Z][a-z])", " ".join(words)) if w]
    run = " ".join(run).split()
    # (A year or a long number ends the run; a name's own short number stays in it: "عرب 48".)
    lead = list(itertools.takewhile(lambda w: not (w.isdigit() and len(w) > 2), run))
    tail = list(itertools.takewhile(lambda w: not (w.isdigit() and len(w) > 2), reversed(run)))[::-1]
    cues += [Cue(" ".join(ws), where="اسم الملف") for n in range(NAME_WORDS_IN_FILE_NAME, 1, -1)
             for ws in (lead[:n], tail[-n:]) if len(ws) == n]
    # One word: a Latin one anywhere ("okaz_20180514"); an Arabic one only first or last, since a
    # headline's words in between are as often a name's word ("الإمارات العربية" holds "العربية").
    named = [part for part in words if not part.isdigit()]
    edges = {named[0], named[-1]} if named else set()
    cues += [Cue(part, where="اسم الملف") for part in words
             if len(part) >= 3 and not part.isdigit() and (part.isascii() or part in edges)
             and (part.lower() not in _NOT_NAMES_IN_FILE_NAMES or part.isupper())]
    return cues
