"""Template helpers for the archive's pages.

``arabic_date`` shows an article's date as precisely as it is known, in the
active language: "7 شباط 2020", "تموز 2020", "2020" in Arabic, "7 February 2020",
"July 2020", "2020" in English. The months are the names used in Iraq and the
Levant (كانون الثاني ... كانون الأول), where the archive's news comes from.
Numerals stay Western (0-9) everywhere, in both languages.

``date_machine`` gives the same date for a ``<time datetime>`` attribute at the
same precision ("2020-02-07", "2020-07", "2020").

``localized`` picks an entity's (or facet value's) English name on an English
page when it has one, and its Arabic name otherwise.

``url_display`` shows a web address left to right with any Arabic in it
readable: percent-encoding decoded, each part between slashes isolated so an
Arabic part cannot pull its neighbours into right-to-left order, and line
breaks offered after the slashes of the path instead of inside words.

``query_url`` builds a URL with a query string: ``{% query_url 'archive:search'
location=place.slug %}``. Empty values are left out; lists repeat the key.
"""
import re
from urllib.parse import unquote, urlencode

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.urls import reverse
from django.utils.translation import get_language

register = template.Library()

MONTHS_AR = (
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
    "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
)
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
UNKNOWN = {"ar": "تاريخ غير معروف", "en": "Date unknown"}


def _language():
    """'en' for any English variant, 'ar' for everything else (Arabic is the default)."""
    code = (get_language() or "ar").lower()
    return "en" if code.startswith("en") else "ar"


def format_date(value, precision, language=None):
    """A date at a precision ('day', 'month', 'year') as words in one language."""
    language = language or _language()
    if value is None:
        return UNKNOWN[language]
    months = MONTHS_EN if language == "en" else MONTHS_AR
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{months[value.month - 1]} {value.year}"
    return f"{value.day} {months[value.month - 1]} {value.year}"


@register.filter
def arabic_date(article, language=None):
    """The article's publication date in words, as precise as it is known.

    Takes an Article (or anything with ``published`` and ``date_precision``).
    An optional argument forces the language: ``article|arabic_date:"en"``.
    """
    published = getattr(article, "published", None)
    precision = getattr(article, "date_precision", "") or "day"
    return format_date(published, precision, language)


@register.filter
def date_machine(article):
    """The date for a ``datetime`` attribute, at the precision it is known; '' if none."""
    published = getattr(article, "published", None)
    if published is None:
        return ""
    precision = getattr(article, "date_precision", "") or "day"
    if precision == "year":
        return f"{published.year:04d}"
    if precision == "month":
        return f"{published.year:04d}-{published.month:02d}"
    return published.isoformat()


@register.filter
def localized(obj):
    """An entity's or facet value's name in the page's language.

    Entities have ``name``/``name_en``; facet values ``label``/``label_en``.
    The Arabic name is the fallback when there is no English one.
    """
    if obj is None:
        return ""
    arabic = getattr(obj, "name", None)
    english = getattr(obj, "name_en", None)
    if arabic is None and english is None:
        arabic = getattr(obj, "label", None)
        english = getattr(obj, "label_en", None)
    if _language() == "en" and english:
        return english
    return arabic if arabic not in (None, "") else (english or str(obj))


@register.simple_tag
def query_url(viewname, *args, **params):
    """reverse(viewname, args) followed by ?key=value for every non-empty value.

    The result is a plain string: the template escapes it (``&`` becomes ``&amp;``
    inside an attribute, as it should).
    """
    base = reverse(viewname, args=args or None)
    pairs = []
    for key, value in params.items():
        if value is None or value == "":
            continue
        if isinstance(value, (list, tuple)):
            pairs.extend((key, item) for item in value if item not in (None, ""))
        else:
            pairs.append((key, value))
    return f"{base}?{urlencode(pairs)}" if pairs else base


@register.filter
def choice_values(choices):
    """The values of a list of (value, label) pairs, as strings: to test membership
    in a template, ``{% if x|stringformat:"s" not in choices|choice_values %}``."""
    return [str(value) for value, _label in (choices or [])]


CARD_TAG_LIMITS = (("speaker", "speakers", 2), ("force", "forces", 3), ("place", "places", 4))


@register.simple_tag
def card_tags(article, limit_speakers=2, limit_forces=3, limit_places=4):
    """The few speakers, forces and places a list entry shows, and how many it leaves out.

    An article that names forty places would otherwise bury the list under tags;
    the article page shows them all. Returns ``{"items": [(kind, entity), ...],
    "more": n}`` with kind one of "speaker", "force", "place" (the filter names
    are speaker, force, location). Uses the prefetched relations.
    """
    limits = {"speaker": limit_speakers, "force": limit_forces, "place": limit_places}
    items, more = [], 0
    for kind, attribute, _default in CARD_TAG_LIMITS:
        related = getattr(article, attribute, None)
        entities = list(related.all()) if related is not None else []
        items.extend((kind, entity) for entity in entities[: limits[kind]])
        more += max(0, len(entities) - limits[kind])
    return {"items": items, "more": more}


#: Characters that reorder text (bidi embeddings, overrides, isolates, marks):
#: a hostile address could use them to show one thing and link to another.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
URL_SEPARATORS = re.compile(r"([/?#&=])")


@register.filter
def url_display(url):
    """An address as HTML for reading: decoded, its parts isolated, breakable at slashes.

    The href keeps the address as stored; this is only what is shown (and copied
    from a citation, which browsers accept as typed). ``https://`` stays whole:
    a break is offered after the slashes of the path, not of the scheme.
    """
    text = str(url or "")
    try:
        text = unquote(text, errors="strict")
    except UnicodeDecodeError:
        pass  # not UTF-8 underneath: show it as it is
    text = BIDI_CONTROLS.sub("", text)
    scheme_end = text.find("://")
    start = scheme_end + 3 if scheme_end != -1 else 0
    parts = [escape(text[:start])] if start else []
    for piece in URL_SEPARATORS.split(text[start:]):
        if not piece:
            continue
        if URL_SEPARATORS.fullmatch(piece):
            parts.append(escape(piece) + ("<wbr>" if piece in "/?&" else ""))
        else:
            parts.append(f"<bdi>{escape(piece)}</bdi>")
    return mark_safe("".join(parts))
