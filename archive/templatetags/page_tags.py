"""The place tree's nodes and the map's markers, written out in Python.

A search for a common word has a place tree of several hundred places and as
many markers on the map, each also a line of the list beside it: through the
templates' loops and a recursive ``{% include %}`` (``_place_nodes.html``,
which this replaced) they were half the page's time. The markup is what the
templates wrote, byte for byte; each value is rendered as ``{{ value }}``
renders it (``render_value_in_context``: escaped, localized; inside the SVG
unlocalized, as ``{% localize off %}`` had it).
"""
from django import template
from django.conf import settings
from django.template.base import render_value_in_context
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from archive.templatetags.archive_tags import localized

register = template.Library()


def _renderer(context):
    """``{{ value }}`` for this context, with shortcuts for the two kinds that fill a
    tree or a map: plain text (escaped, as ``render_value_in_context`` would) and,
    unlocalized, numbers (``str``: what Django's number format gives then)."""
    plain_numbers = not context.use_l10n and settings.DECIMAL_SEPARATOR == "."

    def value(v):
        kind = type(v)
        if kind is str:
            return escape(v) if context.autoescape else v
        if plain_numbers and (kind is int or (kind is float and "e" not in repr(v))):
            return str(v)
        return render_value_in_context(v, context)

    return value


@register.simple_tag(takes_context=True)
def place_nodes(context, nodes):
    """``<ul>`` of ``nodes`` (``archive.pages.places.TreeNode``), their children nested."""
    out = []
    _write(nodes, context, out)
    return mark_safe("".join(out))


def _write(nodes, context, out):
    value = _renderer(context)
    selected_note = value(gettext("مُختار؛ اضغط للإزالة"))
    out.append('<ul class="facet__list tree">\n  ')
    for node in nodes:
        name = value(localized(node))
        out.append(f'<li class="tree__node{" tree__node--branch" if node.children else ""}" '
                   f'data-place="{value(node.slug)}">\n    ')
        out.append(f'<a class="facet__link{" is-selected" if node.selected else ""}" href="{value(node.toggle_url)}" '
                   f'rel="nofollow"{" aria-current=" + chr(34) + "true" + chr(34) if node.selected else ""}>'
                   f'<span class="facet__check" aria-hidden="true"></span><span class="facet__label"><bdi>{name}</bdi></span> '
                   f'<span class="facet__count">{value(node.count)}</span>')
        if node.selected:
            out.append(f'<span class="visually-hidden"> ({selected_note})</span>')
        out.append("</a>\n    ")
        if node.children:
            label = gettext("الأماكن ضمن %(name)s (%(n)s)") % {"name": name, "n": value(len(node.children))}
            out.append(f'<details class="tree__children"{" open" if node.open else ""}>\n      '
                       f'<summary class="tree__toggle"><span class="visually-hidden">{label}</span></summary>\n      ')
            _write(node.children, context, out)
            out.append("\n    </details>")
        out.append("\n  </li>\n  ")
    out.append("\n</ul>\n")


@register.simple_tag(takes_context=True)
def map_markers(context, markers):
    """The SVG links of ``markers`` (``archive.pages.placemap.Marker``), drawing order kept."""
    use_l10n = context.use_l10n
    context.use_l10n = False  # SVG coordinates: "12.5", never "12,5"
    try:
        value = _renderer(context)
        out = []
        for m in markers:
            out.append(
                f'<a href="{value(m.url)}" tabindex="-1" rel="nofollow" class="map__marker map__marker--{value(m.kind)}'
                f'{" is-selected" if m.selected else ""}" data-place="{value(m.slug)}">'
                f'<title>{value(localized(m))}: {value(m.count)}</title>'
                f'<circle class="map__hit" cx="{value(m.cx)}" cy="{value(m.cy)}" r="{value(m.hit_r)}"></circle>'
                f'<circle class="map__dot" cx="{value(m.cx)}" cy="{value(m.cy)}" r="{value(m.r)}"></circle></a>\n    '
            )
        return mark_safe("".join(out))
    finally:
        context.use_l10n = use_l10n


@register.simple_tag(takes_context=True)
def map_list(context, markers):
    """The list beside the map: each place with its count and the same link as its marker."""
    value = _renderer(context)
    out = []
    for m in markers:
        out.append(
            f'<li><a href="{value(m.url)}" rel="nofollow"{" aria-current=" + chr(34) + "true" + chr(34) if m.selected else ""}>'
            f'<span class="count-list__name"><bdi>{value(localized(m))}</bdi></span> '
            f'<span class="count-list__n">{value(m.count)}</span></a></li>\n      '
        )
    return mark_safe("".join(out))
