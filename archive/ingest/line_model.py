"""A small learnt model that says which of a text save's lines are the article's.

The rules in ``text`` find the headline and the body's span from what they are
sure of (page metadata, explicit markers, stop lines); inside and around that
span a page keeps furniture no rule names: a follow prompt between two
paragraphs, a related-headlines block with no heading the rules know, a
byline after the last paragraph. A logistic regression over
``line_features.FEATURES`` (shape, position, vocabulary shared with the rest of
the body, the neighbours' shape) gives each line the chance that it is the
article's; a body line whose chance is under ``DROP_BELOW`` leaves the body
(to the header when it stood above every kept line, to the trailer when under,
where the date and outlet readers still see it).

The weights (``line_model.json``) were trained by
``tooling/evaluation/train_line_model.py`` on randomly composed pages
(``tooling/evaluation/readers_devset_random.py``); docs/importing.md says how
to retrain. ``MODE`` is for measuring: "both" (the rules, then the model),
"rules" (the rules alone), "model" (the model alone over every line under the
header, with weights trained without the rules' classes).
"""
import functools
import json
import math
import os
import re

from .line_features import FEATURES, page_features
from .lines import CLAUSE_OPENING, FURNITURE, STOP, ends_sentence, is_paragraph
from .normalize import arabic_share, word_count
from .title_model import TITLE_FEATURES, settle_title

MODE = os.environ.get("ARCHIVE_LINE_MODEL", "both")
WEIGHTS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "line_model.json")
# A body line is dropped when the model gives it less than this chance of being the article's.
DROP_BELOW = 0.5
# Between the article's first and last long sentence (``_core``) the rules' reading weighs more:
# a line there leaves only when the model is this sure (a crosshead, a one-line lead stay).
DROP_INSIDE = float(os.environ.get("ARCHIVE_LINE_MODEL_INSIDE", "0.25"))
CORE_SENTENCE_WORDS = 15
CROSSHEAD_WORDS = 4
# The article's closing run that the rules keep whatever the model says: this many short lines at most.
CLOSING_LINES = 3
CLOSING_WORDS = 6
# ... unless the line has no Arabic letter and the model is this sure it is furniture: a label in Latin letters
# under an Arabic article ("Newsletter", "Paid content", "Back to top") has the close's shape but not its script.
# (An Arabic signature, "أحمد علي" / "كاتب عراقي", gets as low a chance as an Arabic label: those stay.)
CLOSING_FLOOR = float(os.environ.get("ARCHIVE_LINE_MODEL_CLOSING", "0.05"))
# "Not its script": most of its letters are not Arabic ("Join us on ماسنجر", "Follow X بالعربية on Pinterest":
# a prompt in another script that names a platform or the site in Arabic is no Arabic close).
CLOSE_ARABIC_SHARE = 0.5
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_NOT_IN_A_CLOSE = "#|•›»"

_weights = {}


def weights(name="both"):
    """The weights of one model: "both", "model" (over ``FEATURES``) or "title" (over ``TITLE_FEATURES``).
    A weights file written for other features is not used."""
    if not _weights and os.path.exists(WEIGHTS_FILE):
        with open(WEIGHTS_FILE, encoding="utf-8") as f:
            data = json.load(f)
        if data.get("features") == list(FEATURES):
            _weights.update({k: v for k, v in data["models"].items() if k != "title"})
        if "title" in data["models"] and data.get("title_features") == list(TITLE_FEATURES):
            _weights["title"] = data["models"]["title"]
        _weights.setdefault("loaded", True)
    return _weights.get(name)


def chances(vectors, model):
    """The model's chance that each line is the article's."""
    mean, scale, coef = model["mean"], model["scale"], model["coef"]
    out = []
    for v in vectors:
        z = sum(c * (x - m) / s for c, x, m, s in zip(coef, v, mean, scale))
        out.append(1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0))))
    return out


def body_indices(lines, body_lines, start):
    """Where each of ``body_lines`` stands in ``lines`` (they were taken in order from ``start`` on)."""
    out, at = [], start
    for line in body_lines:
        j = next((k for k in range(at, len(lines)) if lines[k] == line), None)
        if j is None:
            return None
        out.append(j)
        at = j + 1
    return out


def settle(reading, lines, kinds, body_at, gaps=None):
    """The model's word on the body's lines, then on the headline."""
    settle_body(reading, lines, kinds, body_at, gaps)
    if MODE != "rules":
        settle_title(reading, weights("title"), chances)


def settle_body(reading, lines, kinds, body_at, gaps=None):
    """Drop from ``reading.body_lines`` the lines the model takes for furniture (``MODE`` "both"),
    or let the model choose every line from ``body_at`` on ("model"). Never empties the body."""
    mode = MODE
    if mode == "rules" or not reading.body_lines:
        return
    model = weights("model" if mode == "model" else "both")
    at = body_indices(lines, reading.body_lines, body_at)
    if model is None or at is None:
        return
    core = _core(lines, at) if mode != "model" else range(0)
    # A paragraph inside the core bounds it: it stays whatever the model says, so it is not weighed. So does
    # a long sentence that announces what follows with its colon ("…، وهذه الأسئلة هي:"): furniture that
    # ends with a colon is a label of a few words ("اقرأ أيضاً:"), the model's reading of a colon.
    sure = {i for i in at if i in core and (is_paragraph(lines[i]) or _announces(lines[i]))}
    candidates = list(range(body_at, len(lines))) if mode == "model" else [i for i in at if i not in sure]
    p = chances(page_features(lines, kinds, at, reading.title, candidates, gaps), model) if candidates else []
    closing = _closing_run(lines, kinds, at) | _quoted_close(lines, at, core) if mode != "model" else set()
    chance = dict(zip(candidates, p))
    kept = [i for i in (candidates if mode == "model" else at) if i in sure or i in closing and (chance[i] >= CLOSING_FLOOR or arabic_share(lines[i]) >= CLOSE_ARABIC_SHARE) or (
        chance[i] >= (DROP_INSIDE if i in core else DROP_BELOW)) or i in core and _crosshead(lines, i) and (
        chance[i] >= CROSSHEAD_FLOOR or _shares_a_word(lines, at, i))]
    if mode != "model":
        kept = _without_orphan_headings(lines, at, kept)
        kept = _without_stray_tail(lines, at, kept)
    if not kept or _too_little_left(lines, at, kept):
        return
    if mode == "model":
        reading.body_lines = [lines[i] for i in kept]
        return
    left = set(kept)
    reading.model_dropped = [lines[i] for i in at if i not in left]
    dropped_above = [lines[i] for i in at if i < kept[0]]
    dropped_under = [lines[i] for i in at if i > kept[-1]]
    reading.header_lines.extend(dropped_above)
    reading.trailer_lines[:0] = dropped_under
    reading.body_lines = [lines[i] for i in kept]



# The model weighs lines one by one; a short article (a lead of one sentence and a
# closing line) has no long line to anchor its core, and the model alone would
# leave too little of it: then the rules' body stands.
KEEP_AT_LEAST_WORDS = 20
KEEP_AT_LEAST_SHARE = 0.5


def _too_little_left(lines, at, kept):
    """Would the model leave fewer than ``KEEP_AT_LEAST_WORDS`` words, or less than half of the
    rules' body? Furniture the rules missed is seldom most of what they kept."""
    before = sum(word_count(lines[i]) for i in at)
    after = sum(word_count(lines[i]) for i in kept)
    return after < min(KEEP_AT_LEAST_WORDS, before) or after < KEEP_AT_LEAST_SHARE * before


def _closing_run(lines, kinds, at):
    """The short lines right under the article's last sentence and right above the page's furniture
    ("والتحقيقات مستمرة", an author's name and title): the article's close, as the rules read it
    (``article_end``). The model, trained on pages whose articles end with a sentence, would drop them."""
    last = max((k for k, i in enumerate(at) if ends_sentence(lines[i])), default=None)
    if last is None:
        return set()
    run = at[last + 1:]
    if not run or len(run) > CLOSING_LINES or run != list(range(at[last] + 1, at[last] + 1 + len(run))):
        return set()
    # A close is plain words (a name, "كتبه: فلان", "والتحقيقات مستمرة"): a label's dots ("اقرأ أيضاً.. Headline"),
    # a separator or a digit say furniture.
    if any(word_count(lines[i]) > CLOSING_WORDS or ends_sentence(lines[i])
           or any(c.isdigit() or c in _NOT_IN_A_CLOSE for c in lines[i]) or ".." in lines[i] for i in run):
        return set()
    after = run[-1] + 1
    return set(run) if after >= len(lines) or kinds[after] in (FURNITURE, STOP) else set()


# A whole quotation ("«…»", "\"…\"", perhaps with its full stop) right under the article's core is the article's
# close: a last paragraph that quotes a speaker. A related headline or a prompt is seldom wholly a quotation,
# and one stands under a heading, not at once under the article's last paragraph.
_WHOLE_QUOTATION = re.compile(r'^\s*[«"“][^«»"“”]+[»"”][.!؟?]?\s*$')
QUOTED_CLOSE_WORDS = 30


def _quoted_close(lines, at, core):
    """The whole quotations among the (at most ``CLOSING_LINES``) lines right under the article's last sentence
    (the last line of the rules' body from the core on that is a paragraph or a sentence and no quotation)."""
    if not core:
        return set()
    quoted = lambda i: bool(_WHOLE_QUOTATION.match(lines[i]) and word_count(lines[i]) <= QUOTED_CLOSE_WORDS
                            and _ARABIC_LETTER.search(lines[i]))
    last = max((i for i in at if i >= core[-1] and not quoted(i) and (is_paragraph(lines[i]) or ends_sentence(lines[i]))),
               default=None)
    if last is None:
        return set()
    out, want = set(), last + 1
    for i in at:
        if i < want:
            continue
        if i != want or len(out) >= CLOSING_LINES or not quoted(i):
            break
        out.add(i)
        want = i + 1
    return out


def _without_orphan_headings(lines, at, kept):
    """Drop a heading the model kept whose whole block under it the model dropped: a heading heads the
    lines under it ("ذات صلة" over related headlines, "الأكثر قراءة" over a list), so when every line
    up to the next kept line is furniture, so is the heading. A crosshead of the article heads a
    paragraph, which stays."""
    left = set(kept)
    out = []
    for k, i in enumerate(at):
        if i not in left:
            continue
        under = []
        for j in at[k + 1:]:
            if j in left:
                break
            under.append(j)
        # One dropped line that ends the body may be the article's own short close the model doubted.
        heads_a_block = under and under[0] == i + 1 and (len(under) >= 2 or under[-1] != at[-1])
        if heads_a_block and 0 < word_count(lines[i]) <= CROSSHEAD_WORDS and not ends_sentence(lines[i]):
            continue
        out.append(i)
    return out


def _without_stray_tail(lines, at, kept):
    """Drop the short lines the model kept under the article's last sentence when a line it dropped
    stands between: the article's close follows its last sentence at once (``_closing_run``); a
    headline kept past a dropped one is the tail of a list under the article."""
    last = max((k for k, i in enumerate(kept) if ends_sentence(lines[i]) or is_paragraph(lines[i])), default=None)
    if last is None or last == len(kept) - 1:
        return kept
    tail = kept[last + 1:]
    gap = [i for i in at if kept[last] < i < tail[0]]
    # A tail that opens with the conjunction و or ف goes on with the article's text (a wrapped sentence).
    if gap and not CLAUSE_OPENING.match(lines[tail[0]].strip()) and all(
            not is_paragraph(lines[i]) and not ends_sentence(lines[i]) for i in tail):
        return kept[:last + 1]
    return kept


def _core(lines, at):
    """The indices from the body's first long sentence or paragraph to its last: the article's core,
    where a related headline or a prompt is seldom as long."""
    long = [i for i in at if is_paragraph(lines[i]) or ends_sentence(lines[i]) and word_count(lines[i]) >= CORE_SENTENCE_WORDS]
    return range(long[0], long[-1] + 1) if long else range(0)


# A crosshead the model doubts this much stays only when it shares a word's stem with the rest of the
# article: a crosshead heads the article's own matter (775 of the 848 short lines between two paragraphs
# of 10,341 odd-md5 corpus articles do, 91%: /work/devdata/bodies9/crosshead_counts.py), a photo's credit or caption left between two paragraphs
# ("الصورة لرويترز", "صورة أرشيفية") has its shape and seldom the article's words. A line with no word
# (a rule of dashes) is left as the rules read it.
CROSSHEAD_FLOOR = float(os.environ.get("ARCHIVE_LINE_MODEL_CROSSHEAD", "0.05"))
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=8192)
def stems(line):
    """The stems of ``line``'s content words: folded as the search index folds them, function words out,
    Lucene's light stemmer (``archive.arabic.lucene_stem``), no numbers."""
    from archive.arabic.lucene_stem import stem
    from archive.arabic.normalise import fold
    from archive.arabic.stopwords import is_stopword

    words = (w for w in _WORD.findall(fold(line)) if not w.isdigit() and not is_stopword(w))
    return frozenset(s for s in map(stem, words) if len(s) >= 3)


def _shares_a_word(lines, at, i):
    own = stems(lines[i])
    return not own or any(own & stems(lines[j]) for j in at if j != i)


def _announces(line):
    return line.rstrip().endswith(":") and word_count(line) >= CORE_SENTENCE_WORDS


def _crosshead(lines, i):
    """A few words with no digit and no punctuation between two sentences of the article: a crosshead,
    the rules' reading (a follow prompt or a related headline is longer)."""
    line = lines[i]
    return (0 < word_count(line) <= CROSSHEAD_WORDS and not any(c.isdigit() or c in ".:،,!؟?|#" for c in line)
            and 0 < i < len(lines) - 1 and ends_sentence(lines[i - 1]) and word_count(lines[i + 1]) >= CORE_SENTENCE_WORDS)
