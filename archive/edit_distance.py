"""The Damerau-Levenshtein distance: did-you-mean compares spellings with it,
and a transliteration the gazetteer lacks is read as the closest spelling
(:mod:`archive.name_variants`)."""


def damerau_levenshtein(seq1, seq2, limit=None):
    """Edits (insertions, deletions, substitutions, transpositions of two
    neighbours) from ``seq1`` to ``seq2``; past ``limit`` it stops counting and
    answers ``limit + 1``."""
    oneago = None
    # The leftmost column sits at the end of each row: index -1 reads it.
    thisrow = list(range(1, len(seq2) + 1)) + [0]
    for x in range(len(seq1)):
        twoago, oneago, thisrow = oneago, thisrow, [0] * len(seq2) + [x + 1]
        for y in range(len(seq2)):
            delcost = oneago[y] + 1
            addcost = thisrow[y - 1] + 1
            subcost = oneago[y - 1] + (seq1[x] != seq2[y])
            thisrow[y] = min(delcost, addcost, subcost)
            if x > 0 and y > 0 and seq1[x] == seq2[y - 1] and seq1[x - 1] == seq2[y] and seq1[x] != seq2[y]:
                thisrow[y] = min(thisrow[y], twoago[y - 2] + 1)
        if limit and x > limit and min(thisrow) > limit:
            return limit + 1
    return thisrow[len(seq2) - 1]
