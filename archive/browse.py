"""The entity pages: a place, a force, a speaker or an outlet, with its articles.

Entity pages (``/places/<slug>/``, ``/forces/<slug>/``, ``/speakers/<slug>/``,
``/sources/<slug>/``) are the search page scoped to one place, force, speaker
or outlet: they build their page with ``archive.pages.context.search_page``,
the search page's builder, with the entity's filter added to the page's own
query-string filters, newest first by default, and show the same facets,
timeline and map. The URL carries only the page's own filters; the entity is
in the path.

A filter of the entity's own kind cannot be ANDed with the entity by the
engine (values of one filter match *any* of them), so on a place page a
``location`` value narrows only to a place inside that place (the place tree
and the map link to those); on the other pages a second value of the same kind
is left out, with a notice.

The place tree, the timeline and the map are ``archive.pages``' (``places``,
``timeline``, ``placemap``).
"""
from collections import Counter
from dataclasses import replace

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from archive.pages import context as pages
from archive.pages.context import bad_parameters_context
from archive.entities import current as current_gazetteer
from archive.pages.params import KINDS, EntityParams
from archive.search.params import BadParameter, query_data

ALONGSIDE_LIMIT = 8


def _scoped(params, kind, entity, places):
    """The parameters the engine runs, the page's own, and what was left out.

    The engine's get the entity's filter; the page's keep only the values of
    the entity's own kind that narrow it (places inside a place page's
    place). A place the page's place lies in is dropped silently (it changes
    nothing); any other value of that kind is dropped and reported.
    """
    _model, name = KINDS[kind]
    own = list(getattr(params, name))
    if kind == "place":
        inside = places.descendants(entity.slug)
        above = set(places.ancestors(entity.slug)) | {entity.slug}
        keep = [v for v in own if v in inside]
        dropped = [v for v in own if v not in inside and v not in above]
    else:
        keep = []
        dropped = [v for v in own if v != entity.slug]
    page_params = replace(params, **{name: keep})
    engine_params = replace(params.as_search_params(), **{name: keep or [entity.slug]})
    return engine_params, page_params, dropped


def _alongside(counts, exclude, kind, filter_name, limit=ALONGSIDE_LIMIT):
    """The entities most often named in these articles, with their counts and page links."""
    ranked = [(slug, n) for slug, n in (counts or Counter()).most_common() if slug not in exclude and n]
    ranked = ranked[: limit * 2]
    entities = current_gazetteer().named(filter_name, [s for s, _n in ranked])
    out = []
    for slug, n in ranked:
        entity = entities.get(slug)
        if entity is not None:
            out.append((entity, n, reverse(f"archive:{kind}", args=[slug])))
        if len(out) >= limit:
            break
    return out


def _quote_spec(entity):
    """What to mark in a speaker's articles: every spelling of the speaker's name."""
    from archive.gazetteer import get_alias_index
    from archive.search.query import QueryBuilder, parse

    names = " OR ".join(f'"{n}"' for n in entity.all_names()[:12] if '"' not in n)
    if not names:
        return None
    from archive.search.indexing import current_reader

    builder = QueryBuilder("broad", True, get_alias_index(), current_reader())
    builder.build(parse(names))
    return builder.highlight


@require_GET
def entity_page(request, slug, kind):
    if kind not in KINDS:
        raise Http404()
    model, name = KINDS[kind]
    entity = get_object_or_404(model, slug=slug)
    base = reverse(f"archive:{kind}", args=[slug])
    places = current_gazetteer().places
    context = {
        "kind": kind,
        "entity": entity,
        "base_url": base,
        "filter_name": name,
        "sort_choices": [("newest", _("الأحدث")), ("oldest", _("الأقدم")), ("relevance", _("الأنسب"))],
        "page_size_choices": [(n, str(n)) for n in (10, 20, 50, 100)],
        "ancestors": [places.by_slug[s] for s in reversed(places.ancestors(slug))] if kind == "place" else [],
    }
    try:
        params, page_notices = EntityParams.for_page(query_data(request), parse=EntityParams.from_request)
    except BadParameter as error:
        context.update(bad_parameters_context(EntityParams(q=request.GET.get("q", "")[:1000]), error))
        return render(request, "archive/entity.html", context, status=400)

    engine_params, params, dropped = _scoped(params, kind, entity, places)
    dropped_notices = []
    for value in dropped:
        other = model.objects.filter(slug=value).first()
        dropped_notices.append(_("لم يُطبَّق الفلتر «%(other)s»: هذه الصفحة لمقالات «%(entity)s» وحدها، وفلتر من النوع نفسه يوسّعها ولا يضيّقها. استعمل صفحة البحث للجمع بينهما.")
                       % {"other": other.name if other else value, "entity": entity.name})
    # Links on the page carry the page's own filters, never the entity's.
    page = pages.search_page(
        params, base, engine_params=engine_params, default_sort="newest", notices=page_notices,
        place_root=slug if kind == "place" else None,
        map_within=places.descendants(slug) if kind == "place" else None,
        snippet_spec=_quote_spec(entity) if kind == "speaker" and not params.q.strip() else None,
    )
    if page.redirect:
        return redirect(page.redirect)
    raw = page.outcome.facets

    location_counts = raw.get("location", Counter())
    exclude_places = {slug} | set(places.ancestors(slug)) | places.descendants(slug) if kind == "place" else set()
    alongside = [
        ("places", _("أماكن"), _alongside(location_counts, exclude_places, "place", "location")),
        ("forces", _("قوات"), _alongside(raw.get("force"), {slug} if kind == "force" else set(), "force", "force")),
        ("speakers", _("متحدثون"), _alongside(raw.get("speaker"), {slug} if kind == "speaker" else set(), "speaker", "speaker")),
    ]
    alongside = [group for group in alongside if group[2]]

    children = []
    if kind == "place":
        info = places.by_slug[slug]
        for child in sorted(places.children.get(info.pk, []), key=lambda p: (-location_counts.get(p.slug, 0), p.name)):
            children.append((child, location_counts.get(child.slug, 0), reverse("archive:place", args=[child.slug])))

    timeline = page.context["timeline_chart"]
    context.update(
        page.context,
        notices=page.context["notices"] + dropped_notices,
        alongside=alongside,
        # The places inside with articles first; the rest (hundreds of towns
        # for a country, since the world gazetteer) folded, so a phone
        # reaches the articles without scrolling past them.
        children=[c for c in children if c[1]],
        quiet_children=[c for c in children if not c[1]],
        search_link=reverse("archive:search") + "?" + engine_params.to_query(page=1),
        place_info=places.by_slug.get(slug) if kind == "place" else None,
        span=(timeline.first, timeline.last) if timeline else None,
    )
    return render(request, "archive/entity.html", context)


def place_page(request, slug):
    return entity_page(request, slug, "place")


def force_page(request, slug):
    return entity_page(request, slug, "force")


def speaker_page(request, slug):
    return entity_page(request, slug, "speaker")


def source_page(request, slug):
    return entity_page(request, slug, "source")
