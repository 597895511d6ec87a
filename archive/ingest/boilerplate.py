"""Page furniture learnt across the files of one import.

A line that recurs in many saved pages of the same outlet ("تابعوا آخر
الأخبار عبر تطبيقنا", a newsletter prompt, a fixed tagline) is the site's, not
the article's: jusText and trafilatura reason the same way about a site's
boilerplate. No rule can list every site's furniture, but an import of a week
of one outlet's pages shows it by repetition.

Only short lines count (``FURNITURE_WORDS`` words at most and no sentence
end, or a few words whatever they end with): two versions of the same story
share whole sentences, and those are the article's. A line is dropped from a body once it has been seen in
``MIN_FILES`` different stories of the same outlet (two: an archivist's import often holds only a couple of
articles of a site, and two different stories seldom print the same short line of their own; on the older
held-out sets' text saves three missed a newsletter prompt two stories printed, and two lost no article line): the same article saved
twice (a page and its text save, a Word copy, the zip of a week) is one story,
known by its first long paragraph, so its own short lead or closing line is never
taken for the site's. A body is never emptied.
JSON-lines records are a dataset's own text and are left as they are.
"""
from collections import defaultdict

from .lines import ends_sentence
from .normalize import loose, word_count

MIN_FILES = 2
FURNITURE_WORDS = 15
FEW_WORDS = 6


def could_be_furniture(line):
    words = word_count(line)
    return 0 < words <= FEW_WORDS or (words <= FURNITURE_WORDS and not ends_sentence(line))


class Boilerplate:
    def __init__(self, min_files=MIN_FILES):
        self.min_files = min_files
        self.seen = defaultdict(set)  # (outlet, line) -> the stories it was seen in

    @staticmethod
    def _group(draft):
        return draft.outlet_id or loose(draft.outlet_name or "") or ""

    def _keys(self, draft):
        group = self._group(draft)
        lines = [*draft.body.split("\n"), *draft.furniture_seen]
        return {(group, loose(line)) for line in lines if could_be_furniture(line)}

    @staticmethod
    def _story(draft):
        """What the copies of one article share: its first paragraph of some length (two
        stories may share a paragraph of background, seldom their lead)."""
        lines = draft.body.split("\n")
        return loose(next((line for line in lines if word_count(line) > FURNITURE_WORDS), draft.title or ""))[:300]

    def learn(self, draft):
        if draft.format != "jsonl":
            story = self._story(draft)
            for key in self._keys(draft):
                self.seen[key].add(story)

    def strip(self, draft):
        """Drop the lines of ``draft``'s body seen in enough other files; returns how many."""
        if draft.format == "jsonl":
            return 0
        group = self._group(draft)
        lines = draft.body.split("\n")
        kept = [line for line in lines
                if not could_be_furniture(line) or len(self.seen.get((group, loose(line)), ())) < self.min_files]
        if not any(line.strip() for line in kept):
            return 0
        dropped = len(lines) - len(kept)
        if dropped:
            # Paragraphs are separated by blank lines: collapse the gaps left behind.
            text = "\n".join(kept)
            while "\n\n\n" in text:
                text = text.replace("\n\n\n", "\n\n")
            draft.body = text.strip()
        return dropped


def strip_shared_lines(drafts, min_files=MIN_FILES):
    """Both passes at once, for a batch read whole (the upload page)."""
    boilerplate = Boilerplate(min_files)
    for draft in drafts:
        boilerplate.learn(draft)
    # A line counts in the other files only: its own file is one of the count.
    for draft in drafts:
        boilerplate.strip(draft)
    return drafts
