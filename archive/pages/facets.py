"""Facet counts as the panels and the API list them: named, ranked, and on a page linked.

The names come from the gazetteer held in memory (``archive.pages.gazetteer``),
not from a database query per facet.
"""
from dataclasses import replace
from datetime import date

from archive.entities import MODELS, current
from archive.search.engine import FacetValue

FACET_LIMIT = 50


def labelled_facets(outcome, limit=FACET_LIMIT):
    """{facet: [FacetValue]} with names, most frequent first, without links (the API's).

    Selected values are always kept, even past ``limit``, so a chosen filter
    never disappears from its panel. Years are listed newest first. A slug
    renamed or deleted since indexing is left out.
    """
    params = outcome.params
    gazetteer = current()
    labelled = {}
    for name, counter in outcome.facets.items():
        if name in ("month", "day"):
            continue  # the timeline, not a panel: see Outcome.timeline and Outcome.days
        selected = set(getattr(params, name, []) or [])
        if name == "year":
            items = sorted(counter.items(), key=lambda kv: kv[0], reverse=True)
        else:
            items = counter.most_common()
        keep = items[:limit] + [kv for kv in items[limit:] if kv[0] in selected]
        values = []
        if name in MODELS:
            names = gazetteer.named(name, [k for k, _v in keep])
            for value, count in keep:
                entity = names.get(value)
                if entity is not None:
                    values.append(FacetValue(
                        value=value, label=entity.name, label_en=entity.name_en or entity.name,
                        count=count, selected=value in selected, entity=entity,
                    ))
        else:
            values = [FacetValue(value=value, label=value, label_en=value, count=count, selected=value in selected)
                      for value, count in keep]
        labelled[name] = values
    return labelled


def linked_facets(labelled, params, base_url):
    """The same values, each with the link that puts it on or takes it off the page's search."""
    linked = {}
    for name, values in labelled.items():
        if name in MODELS:
            linked[name] = [replace(v, toggle_url=base_url + "?" + params.toggled(name, v.value).to_query())
                            for v in values]
        else:
            linked[name] = [replace(v, toggle_url=base_url + "?" + year_range_query(params, v.value))
                            for v in values]
    return linked


def year_range_query(params, year):
    """The query string of ``params`` limited to ``year``, or unlimited if it is that already."""
    y = int(year)
    if params.date_from == date(y, 1, 1) and params.date_to == date(y, 12, 31):
        return replace(params, date_from=None, date_to=None, page=1).to_query()
    return replace(params, date_from=date(y, 1, 1), date_to=date(y, 12, 31), page=1).to_query()
