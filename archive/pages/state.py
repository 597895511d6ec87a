"""What a reading page carries from one request to the next: page links, filter
chips, the query string that marks an article's words, whether the options start
open. Used by the page context (``archive.pages.context``) of the search page
and the entity pages.
"""
from django.conf import settings
from django.utils.translation import gettext as _

from archive.entities import current
from archive.search.params import FILTERS
from archive.templatetags.archive_tags import format_date, localized


def page_links(params, num_pages, base):
    """Page numbers around the current one, with None for a gap."""
    current = params.page
    wanted = {1, num_pages} | set(range(max(1, current - 2), min(num_pages, current + 2) + 1))
    links, previous = [], 0
    for number in sorted(wanted):
        if number - previous > 1:
            links.append((None, None, False))
        links.append((number, base + "?" + params.to_query(page=number), number == current))
        previous = number
    return links


def chips(params, base):
    chips = []
    for name, model in FILTERS.items():
        values = getattr(params, name)
        if values:
            entities = current().named(name, values)
            for value in values:
                label = f"{model._meta.verbose_name}: {localized(entities.get(value)) or value}"
                chips.append((label, base + "?" + params.toggled(name, value).to_query()))
    # Dates in words: "2020-12-31" inside right-to-left text reads 31-12-2020.
    if params.date_from:
        chips.append((_("من %(date)s") % {"date": format_date(params.date_from, "day")},
                      base + "?" + params.to_query(date_from=None, page=1)))
    if params.date_to:
        chips.append((_("إلى %(date)s") % {"date": format_date(params.date_to, "day")},
                      base + "?" + params.to_query(date_to=None, page=1)))
    return chips


def options_open(params, default_sort):
    """The search options start open when one of them is not the default: the reader sees why."""
    return bool(params.mode == "exact" or params.date_from or params.date_to or params.sort != default_sort
                or params.page_size != settings.SEARCH_PAGE_SIZE)


def highlight_qs(params):
    from urllib.parse import urlencode

    pairs = [("q", params.q)] if params.q else []
    if params.mode != "broad":
        pairs.append(("mode", params.mode))
    if not params.expand:
        pairs.append(("expand", "0"))
    return urlencode(pairs)
