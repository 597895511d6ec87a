"""The learnt model's word on a text save's headline.

The rules take the headline from the lines above the article (``headline``);
on a design they were not written against they take a breaking-news bar's
story, a ticker label's line or a related headline. Every line of a few words
above the body is a candidate; a logistic regression over general features
(its shape, how far above the body it stands, how many of its words the lead
and the body use, whether a date or a short byline follows it, whether it
opens with a label and a colon, whether the rules chose it) gives each one a
chance of being the headline. The candidate with the highest chance replaces
the rules' choice when its chance is at least ``TAKE_FROM`` and the rules'
line's is under it (the rules were right on the designs they were written for). Candidates are also the last crumb of a breadcrumb and the
body's first short lines (the rules took a bar's line and left the headline
in the body). Trained with the line model (``tooling/evaluation/train_line_model.py``).
"""
import collections
import math
import re

from . import dates
from .lines import DATE, FURNITURE, HEADER, SOURCE, ends_sentence, is_headline
from .line_features import _DIGIT, _LATIN, _vocabulary, loose
from .normalize import has_letters

TITLE_FEATURES = (
    "bias", "log_words", "ends_sentence", "full_stop", "label_colon", "separator_end", "latin_share", "digit_share",
    "log_distance", "rank_from_body", "lead_share", "body_share", "rule_pick", "dated_below", "short_below",
    "furniture_above", "blank_before", "blank_after", "headline_like", "repeated", "credit_end", "from_crumb", "in_body",
    "date_like", "kind_header",
)
# The headline is looked for this many lines above the body at most.
SEARCH_LINES = 40
MIN_WORDS = 3
TAKE_FROM = 0.5
_LABEL = re.compile(r"^[^:：]{2,25}[:：]\s*\S")
_SEPARATOR_END = re.compile(r"\s[|\-–—•»]\s[^|\-–—•»]{2,40}$")
_CREDIT_END = re.compile(r"\([^()]{2,30}\)\s*$")
_CRUMB_SPLIT = re.compile(r"\s[|•›»/\-–—>]\s")
# A body line this short may be the headline the rules passed over (they took a bar's line above it).
BODY_HEAD_WORDS = 25
BODY_HEAD_LINES = 2
CRUMB_WORDS = 3


def candidates(lines, first_body, body_lines=()):
    """The lines that could be the headline, as (index, text, from a breadcrumb, in the body): those of
    a few words above the body, the last crumb of a breadcrumb ("الرئيسية | العراق | Headline"),
    and the body's first short lines that end no sentence."""
    out = []
    for i in range(max(0, first_body - SEARCH_LINES), first_body):
        line = lines[i]
        if len(line.split()) < MIN_WORDS or not has_letters(line):
            continue
        out.append((i, line, False, False))
        parts = _CRUMB_SPLIT.split(line)
        if len(parts) >= 3 and all(len(part.split()) <= CRUMB_WORDS for part in parts[:-1]) and (
                len(parts[-1].split()) >= MIN_WORDS):
            out.append((i, parts[-1].strip(), True, False))
    for k, line in enumerate(body_lines[:BODY_HEAD_LINES]):
        if MIN_WORDS <= len(line.split()) <= BODY_HEAD_WORDS and not ends_sentence(line) and len(body_lines) > k + 1:
            out.append((first_body + k, line, False, True))
    return out


def title_features(lines, kinds, gaps, at, first_body, body_lines, rule_title, only=None):
    """One (index, text, feature vector) per candidate of ``at`` (``candidates``' answer);
    ``only``: the texts of the candidates wanted (all when None)."""
    lead = set().union(*(_vocabulary(line) for line in body_lines[:2])) if body_lines else set()
    body = set().union(*(_vocabulary(line) for line in body_lines)) if body_lines else set()
    counts = collections.Counter(lines)
    rule = loose(rule_title or "")
    n = len(lines)
    out = []
    for rank, (i, line, crumb, in_body) in enumerate(reversed(at)):
        if only is not None and loose(line) not in only:
            continue
        words = len(line.split())
        own = _vocabulary(line)
        letters = max(sum(c.isalpha() for c in line), 1)
        below = [j for j in range(i + 1, min(n, i + 4))]
        out.append((i, line, [
            1.0,
            math.log1p(words),
            float(ends_sentence(line)),
            float(line.rstrip().endswith(".")),
            float(bool(_LABEL.match(line))),
            float(bool(_SEPARATOR_END.search(line))),
            len(_LATIN.findall(line)) / letters,
            len(_DIGIT.findall(line)) / max(len(line), 1),
            math.log1p(abs(first_body - i)),
            math.log1p(rank),
            len(own & lead) / len(own) if own else 0.0,
            len(own & body) / len(own) if own else 0.0,
            float(loose(line) == rule),
            float(any(kinds[j] in (DATE, HEADER, SOURCE) for j in below)),
            float(any(0 < len(lines[j].split()) <= 4 for j in below[:1])),
            float(i > 0 and kinds[i - 1] == FURNITURE),
            float(gaps[i]) if gaps and len(gaps) == n else 1.0,
            float(gaps[i + 1]) if gaps and len(gaps) == n and i + 1 < n else 1.0,
            float(is_headline(line)),
            float(counts[line] > 1),
            float(bool(_CREDIT_END.search(line))),
            float(crumb),
            float(in_body),
            float(bool(_DIGIT.search(line)) and dates.date_in_line(line) is not None),  # a date has digits
            float(kinds[i] in (DATE, HEADER, SOURCE, FURNITURE)),
        ]))
    return out[::-1]


def settle_title(reading, model, chances):
    """Put the model's headline in ``reading.title`` when it is surer of another line than of the rules'."""
    if model is None or reading.title_derived or reading.title_in_crumb or not reading.body_lines:
        return
    lines, kinds, body_at, gaps = reading.page
    first_body = next((j for j in range(body_at, len(lines)) if lines[j] == reading.body_lines[0]), None)
    if first_body is None:
        return
    at = candidates(lines, first_body, reading.body_lines)
    if not at:
        return
    # The rules' line stays unless the model doubts it (the others are weighed only then: the import's pace).
    ruled = title_features(lines, kinds, gaps, at, first_body, reading.body_lines, reading.title, {loose(reading.title)})
    if max(chances([v for _, _, v in ruled], model), default=0.0) >= TAKE_FROM:
        return
    rows = title_features(lines, kinds, gaps, at, first_body, reading.body_lines, reading.title)
    p = chances([v for _, _, v in rows], model)
    best = max(range(len(rows)), key=p.__getitem__)
    if p[best] >= TAKE_FROM:
        i, text, v = rows[best]
        reading.title = text
        if v[TITLE_FEATURES.index("in_body")]:  # the headline opened the body: it and what stood above it are the header's
            k = reading.body_lines.index(text)
            reading.header_lines.extend(reading.body_lines[:k + 1])
            del reading.body_lines[:k + 1]
