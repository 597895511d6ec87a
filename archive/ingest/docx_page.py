"""A web page flattened into Word, and the other stories its end keeps.

Archivists make Word files from pages two ways that bring the whole page along: LibreOffice
converts a saved page, or a browser selection is pasted. Such a file is the same flattened
page a browser's text save is, and is read by the same decisions (``text.read_text`` with
the learnt line model); an archivist's typed article is read as it was.
"""
from functools import lru_cache
import re

from .normalize import loose

# A typed article holds a few short lines that end no sentence (its headline, byline, date, a crosshead or
# two: at most 4 in any Word file of sets 1–5 typed so); a page flattened into Word holds its menus, share
# buttons, tags and link lines too (12 and more in every converted or pasted page measured).
PAGE_SHORT_LINES = 8
PAGE_SHORT_WORDS = 3


def looks_like_a_page(text):
    """Whether a Word file's text is a web page flattened into it (a LibreOffice conversion of a saved
    page, a browser selection pasted): many short lines that end no sentence — menu items, share
    buttons, tags, the lines ``docx_body`` marked as only links."""
    from .formatted_text import unformat
    from .lines import ends_sentence
    from .normalize import word_count

    short = 0
    for line in unformat(text).split("\n"):
        line = line.strip()
        short += bool(line) and word_count(line) <= PAGE_SHORT_WORDS and not ends_sentence(line)
        if short >= PAGE_SHORT_LINES:
            return True
    return False


def styled_title(titles, taken):
    """The headline a flattened page set in Word's title style ("Heading 1": LibreOffice gives a
    saved page's <h1> that style), when it set one paragraph so and it reads as a headline: over
    the line the text reading took (a breadcrumb, a ticker, a date line above the headline)."""
    from .lines import is_headline

    if len(titles) == 1 and titles[0] != taken and is_headline(titles[0]):
        return titles[0]
    return None


# A word's first letters, once a clitic is shed, stand for it (a light stem: "العسكرية", "عسكري" and
# "وعسكريون" meet); shorter words are seldom a story's own.
_CLITIC = re.compile(r"^(?:وال|فال|بال|كال|لل|ال|و|ف|ب|ل)(?=\w{3})")
_WORD = re.compile(r"\w+")
CONTENT_LETTERS = 3
STEM_LETTERS = 5


def content_words(text):
    """The words of ``text`` that carry its subject: folded as the search index folds them, its
    function words out (``archive.arabic``), a clitic shed, first letters kept, no numbers."""
    from archive.arabic.normalise import fold

    return {stem for stem in map(_stem, _WORD.findall(fold(text))) if stem}


@lru_cache(maxsize=50_000)
def _stem(word):
    from archive.arabic.stopwords import is_stopword

    if word.isdigit() or is_stopword(word):
        return ""
    word = _CLITIC.sub("", word)
    return word[:STEM_LETTERS] if len(word) >= CONTENT_LETTERS else ""


def cohesion(line, context):
    """The share of ``line``'s content words ``context`` (a set of content words) also uses."""
    words = content_words(line)
    return len(words & context) / len(words) if words else 1.0


# Counted over 3,000 corpus articles (``/work/devdata/readers7w/cohesion_counts.py``; docs/importing.md),
# each line against all above it: an article's last two paragraphs both share under 0.15 of their content
# words in 3.2% of articles; two other stories' leads put under an article do so in 73% of pages (0.10:
# 1.7% and 49%). A page also parts its article from the teasers under it (a heading, their headlines, a
# share bar): the run is cut only where the page had a line between it and the article that the reading
# left out, or a heading opens it, which a real article's last paragraphs seldom have.
OTHER_STORY_BELOW = 0.15
OTHER_STORIES_AT_LEAST = 2
# A line the reading left out counts as another story's when it carries this many content words at least.
OTHER_STORY_WORDS = 3


def cut_other_stories(title, body_lines, page_lines):
    """``(kept, cut)``: the run of lines ending the body of which each shares under
    ``OTHER_STORY_BELOW`` of its content words with the headline and all the lines above it —
    the related teasers' summaries and headlines a page prints under its article (each another
    story). Cut only where in ``page_lines`` (the file's lines) a line the body does not hold
    stood between the article and the run, or the run opens with a heading, and when the run, with the other stories' lines the
    reading already left out there, holds ``OTHER_STORIES_AT_LEAST`` lines."""
    filled = [i for i, line in enumerate(body_lines) if line.strip()]
    words = [content_words(body_lines[i]) for i in filled]
    # What the headline and the lines above each line say: ``above[k]`` for ``filled[k]``.
    above, seen = [], content_words(title)
    for line_words in words:
        above.append(seen)
        seen = seen | line_words
    run, bare = [], []
    for k in range(len(filled) - 1, 0, -1):
        if not words[k]:
            bare.append(filled[k])  # "App Store", a date, a button: no words to weigh, no part of the article
            continue
        if len(words[k] & above[k]) >= OTHER_STORY_BELOW * len(words[k]):
            break
        run.append(filled[k])
    if not run:
        return body_lines, []
    at = min(run)
    if any(i < at for i in bare):
        at = max(i for i in filled if i < at and i not in bare) + 1
    last_kept = body_lines[max(i for i in filled if i < at)]
    between = _between(page_lines, last_kept, body_lines[at])
    if not between and not _heading(body_lines[at]):
        return body_lines, []
    # The teasers the reading already left out between the article and the run count as the run's.
    article = content_words(" ".join([title, *body_lines[:at]]))
    others = [line for line in between if len(content_words(line)) >= OTHER_STORY_WORDS
              and cohesion(line, article) < OTHER_STORY_BELOW]
    if len(run) + len(others) < OTHER_STORIES_AT_LEAST:
        return body_lines, []
    return body_lines[:at], [line for line in body_lines[at:] if line.strip()]


# A box's heading over the teasers ("ذات صلة", "Related", "اقرأ أيضا"): a few words, no sentence.
HEADING_WORDS = 4


def _heading(line):
    from .lines import ends_sentence
    from .normalize import word_count

    return word_count(line) <= HEADING_WORDS and not ends_sentence(line)


def _key(line):
    return loose(line)[:40]


def _between(page_lines, above, below):
    """The filled lines that stood between ``above`` and the next ``below`` in the page."""
    filled = [line.strip() for line in page_lines if line.strip()]
    keys = [_key(line) for line in filled]
    if _key(above) not in keys:
        return []
    start = keys.index(_key(above))
    below_at = next((j for j in range(start + 1, len(keys)) if keys[j] == _key(below)), None)
    return filled[start + 1:below_at] if below_at is not None else []
