"""Search parameters, as the page and the API receive them, checked once.

A bad value raises ``BadParameter`` with a message in the user's language;
the API answers it with 400 and the page shows it. Nothing here can raise
anything else, whatever the query string holds.
"""
import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import QueryDict
from django.utils.translation import gettext as _

from archive import entities
from archive.models import Force, Outlet, Place, Speaker

MODES = ("broad", "exact")
SORTS = ("relevance", "newest", "oldest")
FILTERS = {"location": Place, "force": Force, "speaker": Speaker, "source": Outlet}
MAX_FILTER_VALUES = 20
SLUG_MAX = 120  # the models' SlugField max_length


class BadParameter(ValueError):
    """A value the search cannot take.

    ``page_message`` says it in words, for a reader of the search page, who sees
    form controls, not parameter names; ``message`` adds the parameter's name in
    brackets, for a programmer reading the API's 400 answer.
    """

    def __init__(self, message, name=None):
        super().__init__(message)
        self.page_message = message
        self.message = f"{message} ({name})" if name else message


class ReversedDates(BadParameter):
    """``date_from`` after ``date_to``: the API refuses it, the search page swaps them."""

    def __init__(self, date_from, date_to):
        super().__init__(_("بداية المدة بعد نهايتها."), "date_from, date_to")
        self.date_from, self.date_to = date_from, date_to


def labels():
    """The search page's words for each parameter (looked up at call time, in the active language)."""
    return {
        "q": _("نص البحث"), "mode": _("طريقة البحث"), "sort": _("الترتيب"),
        "page": _("رقم الصفحة"), "page_size": _("عدد النتائج في الصفحة"),
        "date_from": _("بداية المدة"), "date_to": _("نهاية المدة"),
        "location": _("المكان"), "force": _("القوة"), "speaker": _("المتحدث"), "source": _("المصدر"),
        "expand": _("الأسماء الأخرى"),
    }


@dataclass
class SearchParams:
    q: str = ""
    mode: str = "broad"
    location: list = field(default_factory=list)
    force: list = field(default_factory=list)
    speaker: list = field(default_factory=list)
    source: list = field(default_factory=list)
    date_from: date = None
    date_to: date = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = settings.SEARCH_PAGE_SIZE
    expand: bool = True

    @classmethod
    def from_request(cls, request):
        """The parameters of ``request``'s query string (``from_querydict(request.GET)``)."""
        return cls.from_querydict(query_data(request))

    @classmethod
    def for_page(cls, data, parse=None):
        """The parameters as a reading page takes them: a reversed date range swapped.

        ``data`` is the query dict; ``parse`` the parser (``cls.from_querydict`` by
        default; an entity page passes its own). Returns ``(params, notices)``;
        any other bad value still raises ``BadParameter``.
        """
        parse = parse or cls.from_querydict
        try:
            return parse(data), []
        except ReversedDates as reversed_dates:
            from archive.templatetags.archive_tags import format_date

            start, end = reversed_dates.date_to, reversed_dates.date_from
            data = data.copy()
            data["date_from"], data["date_to"] = start.isoformat(), end.isoformat()
            notice = _("بداية المدة كانت بعد نهايتها، فبحثنا من %(start)s إلى %(end)s.") % {
                "start": format_date(start, "day"), "end": format_date(end, "day"),
            }
            return parse(data), [notice]

    @classmethod
    def from_querydict(cls, data):
        params = cls()
        params.q = _single(data, "q")
        params.mode = _choice(data, "mode", MODES, "broad")
        params.sort = _choice(data, "sort", SORTS, "relevance")
        for name, model in FILTERS.items():
            values = [v.strip() for v in data.getlist(name) if v and v.strip()]
            values = list(dict.fromkeys(values))
            if len(values) > MAX_FILTER_VALUES:
                raise BadParameter(_("قيم كثيرة جدًا لـ«%(label)s» (الحد %(n)s).") % {"label": labels()[name], "n": MAX_FILTER_VALUES}, name)
            if values:
                # A slug is short and plain: a longer value or one with NUL (which
                # PostgreSQL refuses in a query) is unknown without asking.
                candidates = [v for v in values if len(v) <= SLUG_MAX and "\x00" not in v]
                known = set(entities.current().named(name, candidates))
                if len(known) < len(candidates):
                    # Not in the gazetteer held in memory: the database has the last word
                    # (an entity saved without the signals that refresh it).
                    known |= set(model.objects.filter(slug__in=[v for v in candidates if v not in known])
                                 .values_list("slug", flat=True))
                unknown = [v for v in values if v not in known]
                if unknown:
                    raise BadParameter(_("لا نعرف «%(value)s» في «%(label)s»: ربما تغيّر اسمه أو حُذف.") % {"label": labels()[name], "value": unknown[0][:100]}, name)
            setattr(params, name, values)
        params.date_from = _date(data, "date_from")
        params.date_to = _date(data, "date_to")
        if params.date_from and params.date_to and params.date_from > params.date_to:
            raise ReversedDates(params.date_from, params.date_to)
        params.page = _int(data, "page", 1, 1, 100000)
        params.page_size = _int(data, "page_size", settings.SEARCH_PAGE_SIZE, 1, settings.SEARCH_MAX_PAGE_SIZE)
        params.expand = _single(data, "expand") not in ("0", "false", "off")
        return params

    @property
    def filters(self):
        return {name: getattr(self, name) for name in FILTERS if getattr(self, name)}

    def has_criteria(self):
        return bool(self.q.strip() or self.filters or self.date_from or self.date_to)

    def to_query(self, **changes):
        """The query string of these parameters with ``changes`` applied; defaults left out."""
        p = replace(self, **changes)
        pairs = []
        if p.q:
            pairs.append(("q", p.q))
        if p.mode != "broad":
            pairs.append(("mode", p.mode))
        for name in FILTERS:
            pairs.extend((name, v) for v in getattr(p, name))
        if p.date_from:
            pairs.append(("date_from", p.date_from.isoformat()))
        if p.date_to:
            pairs.append(("date_to", p.date_to.isoformat()))
        if p.sort != "relevance":
            pairs.append(("sort", p.sort))
        if p.page_size != settings.SEARCH_PAGE_SIZE:
            pairs.append(("page_size", str(p.page_size)))
        if not p.expand:
            pairs.append(("expand", "0"))
        if p.page != 1:
            pairs.append(("page", str(p.page)))
        return urlencode(pairs)

    def toggled(self, name, value):
        """Parameters with one filter value added, or removed if present; back to page 1."""
        values = list(getattr(self, name))
        values = [v for v in values if v != value] if value in values else values + [value]
        return replace(self, **{name: values, "page": 1})


def query_data(request):
    """``request.GET``; ``BadParameter`` when Django refuses to read it (too many fields).

    The refused query string is then replaced by an empty one, so the view can
    still read ``request.GET`` to answer with the message.
    """
    try:
        return request.GET
    except TooManyFieldsSent:
        request.GET = QueryDict()
        raise BadParameter(_("في الرابط قيم أكثر مما يُقبل (الحد %(n)s).") % {"n": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS})


def _single(data, name):
    value = data.get(name, "")
    return value if isinstance(value, str) else ""


def _choice(data, name, choices, default):
    value = _single(data, name).strip() or default
    if value not in choices:
        raise BadParameter(_("قيمة غير صالحة لـ«%(label)s»: اختر واحدة من %(choices)s.") % {"label": labels()[name], "choices": _("، ").join(choices)}, name)
    return value


def _int(data, name, default, low, high):
    raw = _single(data, name).strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(_("«%(label)s» يجب أن يكون عددًا صحيحًا.") % {"label": labels()[name]}, name)
    if not low <= value <= high:
        raise BadParameter(_("«%(label)s» يجب أن يكون بين %(low)s و%(high)s.") % {"label": labels()[name], "low": low, "high": high}, name)
    return value


_YEAR_OR_MONTH = re.compile(r"(\d{4})(?:-(\d{1,2}))?")


def _date(data, name):
    """A day; a year (2020) or a month (2020-07) is its first day in ``date_from``
    and its last in ``date_to``, as a researcher who types one means."""
    raw = _single(data, name).strip()
    if not raw:
        return None
    partial = _YEAR_OR_MONTH.fullmatch(raw)
    try:
        if partial:
            year, month = int(partial[1]), int(partial[2] or 0)
            if name != "date_to":
                return date(year, month or 1, 1)
            month = month or 12
            return date(year, month, calendar.monthrange(year, month)[1])
        return date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(_("«%(label)s» ليست تاريخًا صحيحًا: اكتبها سنة-شهرًا-يومًا، مثل 2020-12-31.") % {"label": labels()[name]}, name)
