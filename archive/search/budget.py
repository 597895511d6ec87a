"""What one search may cost, and the account of what it has spent.

Issue 14: a prefix search took the site down. ``ال*`` expanded to 5,000 words
per field and took 6 s on Whoosh at 3,000 articles; every letter + ``ال*``
joined by OR ran past gunicorn's 30 s timeout, and four such searches a
minute kept every page, article pages included, unreachable. So every search
gets a budget, on both engines:

- a prefix that is one folded letter, or only an article form (ال, وال, بال,
  لل ...), is refused with a notice: it stands for half the vocabulary;
- a prefix expands to at most ``SEARCH_PREFIX_TERMS`` words (the ones most
  articles use), and all the prefixes of one query to at most
  ``SEARCH_QUERY_PREFIX_TERMS`` together; a query holds at most
  ``SEARCH_QUERY_PREFIXES`` prefixes, and stops expanding them when half its
  time is spent;
- a query holds at most ``SEARCH_QUERY_TERMS`` index terms after every
  expansion (a word's attached forms, a name's spellings, a prefix's words):
  the parts past it are left out, with a notice;
- the search stops walking the matches when ``SEARCH_TIME_BUDGET`` seconds
  have passed since it began, and answers with the matches found so far and
  a notice saying the count and the results are partial;
- the snippets of the page's hits are marked only while time is left
  (``archive.search.highlight`` bounds the text each one looks at).

The limits are settings (with these defaults) so an archive on a faster
machine, or one that wants exhaustive answers from its command line, can
raise them.
"""
import time

from django.conf import settings
from django.utils.translation import gettext as _

#: Seconds a search may spend finding its matches before answering with what it
#: has; the page's own work (its articles, titles, snippets) follows, so a
#: search answers in about a second.
TIME_BUDGET = 0.8
#: Words one prefix expands to (per field), the most used first.
PREFIX_TERMS = 200
#: Words all the prefixes of one query expand to, together.
QUERY_PREFIX_TERMS = 600
#: Index terms one query may hold after every expansion.
QUERY_TERMS = 1200
#: Prefixes one query may hold: each is a walk through the vocabulary.
QUERY_PREFIXES = 8
#: The share of the time budget that expanding the query (prefixes, a
#: word's forms) may take; the rest is for walking the matches.
EXPANSION_SHARE = 0.5
#: How many words of the vocabulary Whoosh walks per beginning to pick a
#: prefix's most used words (Tantivy asks its term dictionary for the top
#: ones directly).
PREFIX_SCAN_FACTOR = 8
#: The folded letters a prefix must keep once an article form is removed.
MIN_PREFIX_LETTERS = 2


def setting(name, default):
    return getattr(settings, name, default)


class Budget:
    """One search's allowance: its deadline and the terms it may still expand to.

    Made when the search starts (``Budget.start()``) and handed to the query
    builder and the index view. Notices are collected once each.
    """

    def __init__(self, seconds=None, prefix_terms=None, query_prefix_terms=None, query_terms=None, clock=time.monotonic):
        self.clock = clock
        self.seconds = setting("SEARCH_TIME_BUDGET", TIME_BUDGET) if seconds is None else seconds
        self.prefix_terms = setting("SEARCH_PREFIX_TERMS", PREFIX_TERMS) if prefix_terms is None else prefix_terms
        self.query_prefix_terms = (setting("SEARCH_QUERY_PREFIX_TERMS", QUERY_PREFIX_TERMS)
                                   if query_prefix_terms is None else query_prefix_terms)
        self.query_terms = setting("SEARCH_QUERY_TERMS", QUERY_TERMS) if query_terms is None else query_terms
        self.query_prefixes = setting("SEARCH_QUERY_PREFIXES", QUERY_PREFIXES)
        self.started = clock()
        self.steps = 0  # steps through postings (archive.search.stores.whoosh.view.DeadlineMatcher)
        self.prefixes_taken = 0
        self.prefix_spent = 0
        self.terms_spent = 0
        self.partial = False
        self.notices = []

    start = classmethod(lambda cls, **kwargs: cls(**kwargs))

    # Time ------------------------------------------------------------------

    def elapsed(self):
        return self.clock() - self.started

    def out_of_time(self):
        return self.seconds is not None and self.seconds > 0 and self.elapsed() > self.seconds

    def expansion_out_of_time(self):
        """Expanding the query has used its share of the time."""
        return self.seconds is not None and self.seconds > 0 and self.elapsed() > self.seconds * EXPANSION_SHARE

    def stopped_early(self):
        """The walk through the matches stopped at the deadline: say so once."""
        if not self.partial:
            self.partial = True
            self.notice(_("البحث واسع جدًا فتوقّف بعد %(s)s ثانية: العدد والنتائج جزئية. "
                          "ضيّق البحث بكلمة أخرى أو بمرشّح.") % {"s": _seconds(self.seconds)})

    # Terms -----------------------------------------------------------------

    def prefix_allowance(self):
        """How many words the next prefix may expand to (per field)."""
        return max(0, min(self.prefix_terms, self.query_prefix_terms - self.prefix_spent))

    def take_prefix(self):
        """Count one more prefix; False when the query holds its limit already."""
        if self.prefixes_taken >= self.query_prefixes:
            return False
        self.prefixes_taken += 1
        return True

    def spend_prefix(self, n):
        self.prefix_spent += n

    def terms_left(self):
        return max(0, self.query_terms - self.terms_spent)

    def spend_terms(self, n):
        """Count ``n`` more index terms; False when the query has no room for them."""
        if self.terms_spent + n > self.query_terms:
            return False
        self.terms_spent += n
        return True

    def notice(self, text):
        if text not in self.notices:
            self.notices.append(text)


def _seconds(value):
    return ("%g" % value) if value is not None else ""


def unlimited():
    """A budget that never runs out (the evaluation, exports of a whole search)."""
    budget = Budget(seconds=0, prefix_terms=10**9, query_prefix_terms=10**9, query_terms=10**9)
    budget.query_prefixes = 10**9
    return budget
