"""The fixed query mix, chosen from what the benchmark imported.

The same rules on any archive, so runs at different sizes ask comparable
questions (the words themselves differ with the data):

==============  ==============================================================
rare_name       the gazetteer name (speaker, place or force) with the fewest
                articles, at least one: a needle
common_word     the content word whose broad form is in ~10 % of the articles
two_words       two content words (~2–15 % each) that meet in ~1 % of articles
phrase          the commonest two-word phrase of the titles, in quotes
filtered        the common word, a place filter (the most-named place) and a
                date range (the middle half of the archive's dates)
browse          no words: the most-named place, newest first (a click on the
                home page's place list)
facets          the most frequent content word: the largest result set, whose
                facet counts are also checked against Whoosh's own
deep_page       page 50 of that word (or its last page when it has fewer)
alias_name      a variant spelling of a much-named entity with many spellings:
                search expands it to all of them
==============  ==============================================================

"Content word": Arabic letters only, three or more, not a stop word, not a
gazetteer name (those expand). Each query is a list of API parameters.
"""
from collections import Counter
import heapq
import re

CLASSES = (
    "rare_name", "common_word", "two_words", "phrase", "filtered",
    "browse", "facets", "deep_page", "alias_name",
)
DEEP_PAGE = 50
PAGE_SIZE = 20
_ARABIC_WORD = re.compile(r"^[\u0621-\u064A]{3,}$")


def choose(reader, alias_index, articles, places_by_slug=None):
    """``{class: {"params": [[name, value], ...], "why": str}}``.

    ``reader``: the vocabulary of the archive's index (``archive.search.stores.base.Vocabulary``); ``alias_index``: the
    gazetteer's (``archive.gazetteer.AliasIndex``); ``articles``: a queryset
    of the archive's articles (titles and dates are read from it).
    """
    from archive import arabic

    n = max(1, reader.doc_count())
    queries = {}

    # -- content words, by how many articles their broad form is in ----------
    def content(word):
        broad = arabic.broad_term(word)
        # وبعد stems to بعد: a stop word with a clitic is no content word either.
        return (_ARABIC_WORD.match(word) and broad and broad not in arabic.STOPWORDS
                and alias_index.entity_key_for_phrase(word) is None)

    exact = []
    if reader.has_field("text_exact"):
        exact = heapq.nlargest(5000, ((df, term) for term, df in reader.field_terms("text_exact")))
    words, seen_broad = [], set()
    for _df, word in exact:
        if len(words) >= 400:
            break
        if not content(word):
            continue
        broad = arabic.broad_term(word)
        if broad in seen_broad:
            continue
        seen_broad.add(broad)
        words.append((reader.doc_frequency("text", broad), word))
    words.sort(reverse=True)
    if not words:
        words = [(0, "العراق")]

    top_word = words[0][1]
    common = min(words, key=lambda dw: (abs(dw[0] - 0.10 * n), dw[1] == top_word))[1]
    queries["common_word"] = {"params": [["q", common]],
                              "why": "content word in ~10% of the articles"}
    queries["facets"] = {"params": [["q", top_word]],
                         "why": "the most frequent content word: the largest result set"}
    by_df = reader.doc_frequency("text", arabic.broad_term(top_word))
    last_page = max(1, (by_df + PAGE_SIZE - 1) // PAGE_SIZE)
    queries["deep_page"] = {"params": [["q", top_word], ["page", str(min(DEEP_PAGE, last_page))]],
                            "why": f"page {DEEP_PAGE} of the most frequent word (or its last page)"}

    # -- two words that meet ----------------------------------------------------
    def docs_of(word):
        broad = arabic.broad_term(word)
        return reader.doc_ids("text", broad)

    mid = [w for df, w in words if 0.02 * n <= df <= 0.15 * n and w not in (common, top_word)][:25]
    if len(mid) < 2:
        mid = [w for _df, w in words[1:27]] or [top_word]
    pair, best = (mid[0], mid[1] if len(mid) > 1 else mid[0]), None
    postings = {w: docs_of(w) for w in mid}
    for i, a in enumerate(mid):
        for b in mid[i + 1:]:
            both = len(postings[a] & postings[b])
            if both == 0:
                continue
            score = abs(both - 0.01 * n)
            if best is None or score < best:
                best, pair = score, (a, b)
    queries["two_words"] = {"params": [["q", f"{pair[0]} {pair[1]}"]],
                            "why": "two content words meeting in ~1% of the articles"}

    # -- the commonest phrase of the titles ------------------------------------
    bigrams = Counter()
    for title in articles.order_by("pk").values_list("title", flat=True)[:5000]:
        tokens = [t.text for t in arabic.tokenize(title)]
        for a, b in zip(tokens, tokens[1:]):
            if a != b and content(a) and content(b) and alias_index.entity_key_for_phrase(f"{a} {b}") is None:
                bigrams[(a, b)] += 1
    phrase = bigrams.most_common(1)[0][0] if bigrams else (top_word, common)
    queries["phrase"] = {"params": [["q", f'"{phrase[0]} {phrase[1]}"']],
                         "why": "the commonest two-word phrase of the titles"}

    # -- places, dates ----------------------------------------------------------
    place = _most_frequent(reader, "location")
    dates = articles.filter(published__isnull=False).order_by("published").values_list("published", flat=True)
    dated = dates.count()
    date_range = []
    if dated:
        date_range = [["date_from", dates[dated // 4].isoformat()],
                      ["date_to", dates[min(dated - 1, (3 * dated) // 4)].isoformat()]]
    filtered = [["q", common]] + ([["location", place]] if place else []) + date_range
    queries["filtered"] = {"params": filtered,
                           "why": "the common word, the most-named place, the middle half of the dates"}
    queries["browse"] = {"params": [["location", place]] if place else [["sort", "newest"]],
                         "why": "no words: the most-named place, newest first"}

    # -- names ----------------------------------------------------------------------
    counts = _entity_counts(reader, alias_index)
    named = [(c, key) for key, c in counts.items() if c > 0]
    if named:
        rare_key = min(named, key=lambda ck: (ck[0], ck[1]))[1]
        rare = alias_index.names(*rare_key)[0]
    else:
        rare = "كاكينز"
    queries["rare_name"] = {"params": [["q", rare]],
                            "why": "the gazetteer name with the fewest articles (at least one)"}
    queries["alias_name"] = {"params": [["q", _alias_spelling(counts, alias_index, n)]],
                             "why": "a variant spelling of a much-named entity with many spellings"}
    return {name: queries[name] for name in CLASSES}


def _most_frequent(reader, fieldname):
    if not reader.has_field(fieldname):
        return None
    best = max(((df, term) for term, df in reader.field_terms(fieldname)), default=None)
    return best[1] if best else None


def _entity_counts(reader, alias_index):
    """(kind, pk) -> articles in the index tagged with it, for speakers, places, forces."""
    from archive.models import Force, Place, Speaker

    counts = {}
    for model, kind, field in ((Speaker, "speaker", "speaker"), (Place, "place", "location"),
                               (Force, "force", "force")):
        if not reader.has_field(field):
            continue
        for pk, slug in model.objects.values_list("pk", "slug"):
            if alias_index.names(kind, pk):
                counts[(kind, pk)] = reader.doc_frequency(field, slug)
    return counts


def _alias_spelling(counts, alias_index, n):
    """A spelling that folds differently from the entity's name, of the entity
    with the most such spellings among those named in >= 0.5% of the articles."""
    from archive import arabic

    def variants(key):
        names = alias_index.names(*key)
        main = arabic.fold(names[0])
        return [s for s in names[1:] if not s.isascii() and arabic.fold(s) != main
                and alias_index.entity_key_for_phrase(s) == key]

    floor = max(1, int(0.005 * n))
    ranked = sorted(((len(variants(k)), c, k) for k, c in counts.items() if c >= floor),
                    key=lambda t: (t[0], t[1]), reverse=True)
    for _nv, _c, key in ranked:
        spellings = variants(key)
        if spellings:
            return spellings[0]
    return "كاگينز"
