"""How much of a text reads as an article's prose, and in what language.

A refusal judged on one condition (lines of headline length, a page that is
mostly links, a word like "اشترك") catches the articles that happen to meet
it: a two-paragraph brief under a site's long menu, an article that is mostly
a list, a photo story told in captions. So ``verdict`` weighs the evidence
for an article against the evidence for a list: the words in lines that read
as prose (a sentence: a line that ends a clause with its punctuation, or is
longer than any headline) against all the words of the text.

What counts holds for any site: a headline, a menu item, a teaser cut short
with "…" or a date is short and ends no clause; an article's paragraph is a
sentence, and a sentence of the text ends with "." or "،" (a lead broken
over lines), or runs past the length of a headline.
"""
import re

from .normalize import word_count

# Longer than a headline, a paragraph whatever its end: counted on 20,000 corpus articles, one
# headline in 200 has 16 words or more, and 85% of the paragraphs have.
PARAGRAPH_WORDS = 16
# A sentence that ends with its punctuation is prose from this length (a "!" or "?" ends a short headline too).
SENTENCE_WORDS = 8
QUESTION_WORDS = 12
_CLAUSE_END = re.compile(r"[.:؛;،,][\"»”’)\]]*\s*$")
# Two sentences on one line: a word's full stop with words after it ("… من داعش. وأكثر"); not a
# list's number ("2. "), an ellipsis ("شاهد.. نيران") or a table of contents' dots.
_INNER_STOP = re.compile(r"[^\W\d_][.؛;](?![.])[\"»”’)\]]*\s+\S")
_QUESTION_END = re.compile(r"[!؟?][\"»”’)\]]*\s*$")
# A teaser cut short ("…", "...") ends no sentence: a search result's or a tag page's list holds them.
TEASER_END = re.compile(r"(?:\.\.\.?|…)[\"»”)\]]*\s*$")
# An article has this many words of prose at least (a lead: ``docx.LEAD_MIN_WORDS``), and they are
# this share of its words at least (an article that is mostly a list keeps its lead; a tag page
# with a line of description does not).
ARTICLE_PROSE_WORDS = 15
ARTICLE_PROSE_SHARE = 0.25

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06D5\u06FA-\u06FF]")
_LETTER = re.compile(r"[^\W\d_]")
# Below this share of Arabic among its letters a text is in another language
# (an Arabic article quotes English names and acronyms; a third is far past that).
ARABIC_SHARE = 0.5
# Too few letters to judge the language of.
LANGUAGE_MIN_LETTERS = 40


# A list's entry ends with its date or time ("headline - 1/5/2018", "headline 10:32"); a sentence does not.
_ENDS_WITH_DATE = re.compile(r"(?:\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}|\d{1,2}:\d{2})\s*[)\]]?\s*$")


def is_prose(line):
    words = word_count(line)
    if not words or TEASER_END.search(line) or _ENDS_WITH_DATE.search(line):
        return False
    if words >= PARAGRAPH_WORDS:
        return True
    if _QUESTION_END.search(line):
        return words >= QUESTION_WORDS
    return words >= SENTENCE_WORDS and bool(_CLAUSE_END.search(line) or _INNER_STOP.search(line))


# An item of a list the text marks as one ("- ", "• ", "3) "): the article's own list, not a
# page's list of headlines (which a save prints as the headlines, unmarked).
_LIST_ITEM = re.compile(r"^\s*(?:[-–•▪●*]|\d{1,2}\s*[-.)]|[٠-٩]{1,2}\s*[-.)])\s+")


def prose_words(text):
    """(words in prose lines, words of the text): an item of a marked list counts for neither."""
    prose = total = 0
    for line in (text or "").split("\n"):
        words = word_count(line)
        if not words or _LIST_ITEM.match(line) and not is_prose(line):
            continue
        total += words
        if is_prose(line):
            prose += words
    return prose, total


def reads_as_article(text):
    """Enough prose, and enough of the text: the evidence for an article over a list."""
    prose, total = prose_words(text)
    return prose >= ARTICLE_PROSE_WORDS and prose >= ARTICLE_PROSE_SHARE * total


def arabic_share(text):
    """The share of Arabic letters among the letters of ``text``, or None when there are too few to judge."""
    letters = len(_LETTER.findall(text or ""))
    if letters < LANGUAGE_MIN_LETTERS:
        return None
    return len(_ARABIC_LETTER.findall(text)) / letters


# A headline has fewer letters than a text: judged from this many.
TITLE_MIN_LETTERS = 8


def is_other_language(title, body):
    """The text is not Arabic, and neither is its title nor its first sentence. (A page's
    stylesheet or script left in an Arabic article's text is Latin letters by the hundred; the
    article's headline and lead are still Arabic.)"""
    share = arabic_share(body)
    if share is None or share >= ARABIC_SHARE:
        return False
    letters = len(_LETTER.findall(title or ""))
    if letters >= TITLE_MIN_LETTERS and len(_ARABIC_LETTER.findall(title)) / letters >= ARABIC_SHARE:
        return False
    lead = next((line for line in (body or "").split("\n") if is_prose(line)), "")
    return not (arabic_share(lead) or 0) >= ARABIC_SHARE
