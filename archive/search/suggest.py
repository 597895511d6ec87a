"""Did you mean: the nearest spellings the archive holds, for a search that found little.

Split from ``archive.search.engine`` (which calls :func:`suggest` after a
search with fewer than three matches): a walk through the index's vocabulary
within its own small time budget, never holding the search up.
"""
import time as clock

from archive import arabic
from archive.edit_distance import damerau_levenshtein
from archive.search.budget import setting
from archive.search.filters import search_query
from archive.search.query import QueryBuilder, parse


# Did-you-mean is a nicety: it may not hold a search up for longer than this
# (``settings.SEARCH_SUGGEST_BUDGET`` overrides it: the test suite, which checks
# what is suggested rather than how fast, gives a loaded test machine more).
SUGGEST_BUDGET_SECONDS = 0.3
ALEFS = "اأإآ"


class _OutOfTime(Exception):
    pass


def suggest(view, parsed, params, limit=3, recognised=()):
    """Did you mean: the nearest spellings the archive does hold, as query
    texts, for a search that found little.

    For each word the user typed (not excluded, not in a phrase, not a prefix,
    not a stop word, not a gazetteer name, which expansion already covers):
    candidates are the archive's own words (the exact field's vocabulary, so
    a suggestion is spelled as the outlets spell it) within one edit, or two
    for words of five letters or more, of the word as typed or folded. They
    are compared *folded*: a candidate that only differs in hamza, ة/ه or ى/ي
    is no correction (broad mode already found it), and the distance counted
    is the folded one. A word the archive lacks takes any candidate; a word
    it has takes only one ten times as frequent. Candidates rank by distance,
    then by how many articles hold them. The first suggestion corrects every
    word; the others offer the next candidates for the first word. Each is
    checked to find articles with the same filters before it is offered.
    Never raises: a suggestion is a nicety, not worth a failed search.
    """
    import re as _re

    from archive.gazetteer import get_alias_index
    from archive.search.query import clean

    try:
        reader = view.vocabulary()
        broad = params.mode == "broad"
        if not reader.has_field("text_exact") or (broad and not reader.has_field("text")):
            return []
        alias_index = get_alias_index() if broad and params.expand else None

        def frequency(spelling):
            if broad:
                term = arabic.broad_term(spelling)
                return reader.doc_frequency("text", term) if term else 0
            return reader.doc_frequency("text_exact", arabic.exact_term(spelling))

        # A word's attached proclitic and/or article, longest first; what
        # is left must keep three letters.
        clitic_forms = ("وبال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
                        "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
        # The core is also looked up as the archive may write it: bare, with
        # the article, with و or ب or ل (خانقين is only ever وخانقين there).
        seed_clitics = ("", "ال", "و", "وال", "ب", "بال", "ل", "لل")

        deadline = clock.monotonic() + setting("SEARCH_SUGGEST_BUDGET", SUGGEST_BUDGET_SECONDS)

        def near(seed, maxdist, clitic=0):
            """The exact field's words within ``maxdist`` edits of ``seed``.

            Whoosh's terms_within on a multi-segment index scans every word
            sharing the first letter in Python: seconds per call on a large
            archive (17 s for one query at 10,000 articles). This scans the
            words sharing the first two letters, skips those whose length
            alone rules them out, and stops at the search's time budget.
            """
            # The clitic a seed starts with (ال, و, ب …) plus two letters of
            # the word: "ال" alone would be half the vocabulary.
            prefix = seed[:clitic + 2] if len(seed) >= clitic + 4 else seed[:clitic + 1]
            # Hamza seats vary most on a word's first letter (الارهاب / الإرهاب):
            # scan each alef form there.
            if len(prefix) > clitic and prefix[clitic] in ALEFS:
                prefixes = [prefix[:clitic] + alef + prefix[clitic + 1:] for alef in ALEFS]
            else:
                prefixes = [prefix]
            n = 0
            for start in prefixes:
                for term in reader.terms_with_prefix("text_exact", start):
                    n += 1
                    if n % 256 == 0 and clock.monotonic() > deadline:
                        raise _OutOfTime
                    if abs(len(term) - len(seed)) > maxdist:
                        continue
                    if damerau_levenshtein(arabic.fold(term), arabic.fold(seed), maxdist + 1) <= maxdist:
                        yield term

        def candidates(word):
            typed = arabic.exact_term(word)
            folded = arabic.fold(word)
            typed_broad = arabic.broad_term(word)
            if len(folded) < 3 or len(folded) != len(typed) or not typed_broad:
                return []
            if alias_index is not None and alias_index.entity_key_for_phrase(word):
                return []
            own = frequency(word)
            need = 1 if own == 0 else max(3, 10 * own)
            cut = next((len(f) for f in clitic_forms
                        if folded.startswith(f) and len(folded) - len(f) >= 3), 0)
            typed_clitic, core = typed[:cut], folded[cut:]
            # seed -> how many leading (folded) letters of a hit to replace by
            # the clitic the user typed.
            seeds = {typed: None, folded: None}
            for clitic in seed_clitics:
                seeds.setdefault(clitic + core, len(clitic))
            found = {}
            for maxdist in ((1, 2) if len(core) >= 5 else (1,)):
                for seed, drop in seeds.items():
                    if maxdist == 2 and drop:
                        continue  # two edits around every clitic: too loose and too slow
                    for hit in near(seed, maxdist, drop or cut):
                        if drop is None:
                            display = hit
                        elif arabic.fold(hit).startswith(seed[:drop]):
                            display = typed_clitic + hit[drop:]
                        else:
                            continue
                        if display in found:
                            continue
                        tokens = arabic.tokenize(display)
                        if len(tokens) != 1 or tokens[0].text != display:
                            continue
                        dfold = arabic.fold(display)
                        if dfold == folded or (broad and arabic.broad_term(display) == typed_broad):
                            continue
                        found[display] = damerau_levenshtein(dfold, folded)
                if found:
                    break
            ranked = {}
            for display, dist in found.items():
                freq = frequency(display)
                if freq < need or dist > 2:
                    continue
                # One suggestion per search term: the spelling most used.
                key = arabic.broad_term(display) if broad else display
                entry = (dist, -freq, -reader.doc_frequency("text_exact", display), display)
                if key not in ranked or entry < ranked[key]:
                    ranked[key] = entry
            return [entry[3] for entry in sorted(ranked.values())]

        text, _notices = clean(params.q)
        words = []
        for clause in parsed.clauses:
            if clause.negated:
                continue
            for atom in clause.alternatives:
                if atom.phrase or atom.prefix:
                    continue
                for token in arabic.tokenize(atom.text):
                    if token.text not in words and token.text not in recognised:
                        words.append(token.text)
        corrections = []
        for word in words[:6]:
            try:
                ranked = candidates(word)
            except _OutOfTime:
                break  # the time budget is spent: offer what was found so far
            if ranked:
                corrections.append((word, ranked))
        if not corrections:
            return []

        def replaced(query_text, pairs):
            for word, spelling in pairs:
                pattern = r"(?<!\w)" + _re.escape(word) + r"(?!\w)"
                query_text = _re.sub(pattern, lambda _m: spelling, query_text, count=1)
            return query_text

        proposals = [replaced(text, [(w, ranked[0]) for w, ranked in corrections])]
        first_word, first_ranked = corrections[0]
        for spelling in first_ranked[1:]:
            proposals.append(replaced(text, [(first_word, spelling)]))

        suggestions = []
        for proposal in dict.fromkeys(proposals):
            if proposal == text:
                continue
            builder = QueryBuilder(params.mode, params.expand, alias_index, reader)
            query = builder.build(parse(proposal))
            if query is None:
                continue
            query = search_query(query, params)
            if not view.exists(query):
                continue
            suggestions.append(proposal)
            if len(suggestions) >= limit:
                break
        return suggestions
    except Exception:  # noqa: BLE001 - see the docstring
        import logging

        logging.getLogger(__name__).exception("suggest() failed for %r", params.q)
        return []
