"""Which of the headline-like lines above an article is its headline, and which its deck."""
import re

from .lines import DATE, HEADER, SOURCE, STOP, TEXT, _FULL_STOP_END, is_headline, is_read_also
from .normalize import loose, word_count


# A breadcrumb trail printed with the headline as its last crumb: "الرئيسية | مصر | Headline".
_TRAIL_SPLIT = re.compile(r"\s[|•›»/>\-–—]\s")
TRAIL_CRUMB_WORDS = 3


def trail_headline(line):
    """The headline at the end of a breadcrumb trail (two crumbs or more of a few words each before it,
    whatever the separator), else ``line`` as it is."""
    parts = _TRAIL_SPLIT.split(line)
    if len(parts) >= 3 and all(0 < word_count(p) <= TRAIL_CRUMB_WORDS for p in parts[:-1]) and is_headline(parts[-1]):
        return parts[-1].strip()
    return line


# Lines under a headline that say it is one: a date, a byline, an outlet or
# source line ("بقلم: فلان" is furniture by shape, so it is recognised here).
_BYLINE = re.compile(r"^(?:بقلم|كتب|كتبت|اعداد|تحرير|متابعه|by)\b", re.I)


def _pick_headline(lines, kinds, candidates, lead_at, gaps=None):
    """Which headline-like line is the headline.

    A page's top holds other headline-like lines: a breaking-news bar's story,
    a tagline, a printed page's "Headline | Outlet" header, a related story.
    The headline is the one the article follows: of the groups of adjacent
    candidates (a headline and its deck are one group, headed by the first),
    the last one a date, byline or source line follows before the next text;
    else the last one before the lead. When a date or byline follows, the
    group's other lines are the deck (a summary under the headline), kept out
    of the body. A candidate that is another one plus
    " | Outlet" (a page title printed above the page) gives way to it. Without
    a lead among the first lines, the first candidate, as before.
    """
    if not candidates:
        return None, None
    plain = {i: loose(lines[i]) for i in candidates}

    def echoes(i, j):  # line i is line j plus " | Outlet"
        return (j != i and plain[i].startswith(plain[j]) and len(plain[i]) > len(plain[j])
                and re.match(r"\s*[|\-–—:•»]", plain[i][len(plain[j]):]))

    echoed = [j for j in candidates if any(echoes(i, j) for i in candidates)]
    candidates = [i for i in candidates if not any(echoes(i, j) for j in candidates)]
    if lead_at is None:
        return candidates[0], candidates[0]
    groups = []
    for i in candidates:
        if groups and groups[-1][-1] == i - 1 and not (gaps and gaps[i]):
            groups[-1].append(i)
        else:
            groups.append([i])
    end = lead_at
    followed = []
    for group in groups:
        after = group[-1] + 1
        nxt = next((j for j in range(after, end) if kinds[j] == TEXT and word_count(lines[j]) > 2), end)
        if any(kinds[j] in (DATE, SOURCE, HEADER) or _BYLINE.match(loose(lines[j])) for j in range(after, nxt)):
            followed.append(group)
    if echoed and echoed[-1] in candidates:
        # The page's title printed above it (a browser's tab title "Headline - Outlet"):
        # the line it repeats is the headline, whatever stands between.
        group = next(g for g in groups if echoed[-1] in g)
        if group not in followed:
            return echoed[-1], echoed[-1]
        group = group[group.index(echoed[-1]):]
    elif not followed:
        return groups[-1][0], groups[-1][0]
    else:
        group = followed[-1]
        if len(group) >= 3:  # three headline-like lines in a row are a list (most read, related): the last is the headline
            return group[-1], group[-1]
        at = groups.index(group)
        above = groups[at - 1] if at else None
        if (above and len(above) == 1 and len(group) == 1 and above[0] == group[0] - 1 and above not in followed
                and not (above[0] and (is_headline(lines[above[0] - 1]) or kinds[above[0] - 1] == STOP
                                       or is_read_also(lines[above[0] - 1])))):
            # "Headline", a blank line, "deck", a blank line, the date (a text save puts a
            # blank line between blocks): one headline-like line alone right above the
            # one the date follows is the headline, the other its deck. (A list of
            # related headlines has more than one line above, or a label: "اقرأ أيضاً".)
            return above[0], group[0]
    # A deck is a summary line: it ends with no full stop (a deck may ask or
    # exclaim, "..", "!" or "؟", between the headline and its date).
    end = group[0]
    while end + 1 in group and not _FULL_STOP_END.search(lines[end + 1]):
        end += 1
    return group[0], end
