"""The timeline chart: one bar per month (or per day of one month), drawn as SVG on the server.

One bar per month from the first to the last month with matches, each a link
that sets ``date_from``/``date_to`` to that month, with a table as its text
alternative. Geometry is given as attributes (the Content-Security-Policy
forbids inline style); colours come from classes in browse.css.
"""
import calendar
import math
from dataclasses import dataclass
from datetime import date

from django.utils.translation import get_language_bidi

from archive.search.engine import calendar_month
from archive.templatetags.archive_tags import format_date


@dataclass
class Bar:
    month: str          # YYYY-MM (YYYY-MM-DD on a month's days)
    label: str          # "تموز 2020" ("7 تموز 2020")
    count: int
    url: str
    selected: bool
    x: float            # percent of the chart's width
    width: float        # percent
    y: float            # px from the top
    height: float       # px
    hit_x: float = 0.0      # the whole month's slot: the link's target
    hit_width: float = 0.0
    hit_y: float = 0.0
    hit_height: float = 0.0


@dataclass
class Timeline:
    bars: list
    rows: list          # bars with a count, for the table
    years: list         # (x percent, "2020", text-anchor)
    total: int          # articles in the bars
    undated: int        # matches with no month-precise date
    peak: object        # the Bar with the most articles
    peak_unique: bool   # no other month has as many
    first: str
    last: str
    height: int
    baseline: float
    clear_url: str      # the same search without its date range ("" if none)
    year_y: float = 0.0
    touch_width: int = 0  # px: every bar TOUCH_TARGET wide, the chart scrolls on a phone
    peak_x: float = 0.0
    peak_y: float = 0.0
    peak_anchor: str = "middle"
    unit: str = "month"     # "day": a month's days
    month_label: str = ""   # the month whose days these are
    month_url: str = ""     # the same search over that whole month ("" when it is that already)


CHART_HEIGHT = 142
CHART_TOP = 18
CHART_BASELINE = 116
#: The least width, in CSS pixels, a finger can hit (WCAG 2.5.8's target size): on a
#: phone a month's bar is never narrower, and a long timeline scrolls sideways.
TOUCH_TARGET = 24


def _months(first, last):
    y, m = int(first[:4]), int(first[5:7])
    ly, lm = int(last[:4]), int(last[5:7])
    while (y, m) <= (ly, lm):
        yield f"{y:04d}-{m:02d}"
        m += 1
        if m == 13:
            y, m = y + 1, 1


def month_range(month):
    y, m = int(month[:4]), int(month[5:7])
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def timeline_chart(months, params, base_url, total=None, rtl=None, days=None):
    """Bars for ``months`` ([(YYYY-MM, count)], as ``Outcome.timeline``); None if empty.

    Every month from the first to the last with matches gets a bar (empty
    months too, so time runs evenly). Positions are percentages of the width
    and pixels of the height: the chart stretches to any width while its
    lettering keeps its size. Right to left on a right-to-left page, as the
    page reads. A bar's link narrows the search to its month; on the month
    already chosen, it clears the range.

    A search within one month (a month picked from the timeline) and its
    ``days`` ([(YYYY-MM-DD, count)] over that whole month, ``Outcome.days``)
    get the month's days instead: a day's link narrows to that day, the chosen
    day's link goes back to the month, and ``clear_url`` back to every month.
    """
    rtl = get_language_bidi() if rtl is None else rtl
    month = calendar_month(params)
    if month and days is not None:
        chart = _day_chart(month, days, params, base_url, total, rtl)
        if chart is not None:
            return chart
        # No match of that month is dated to the day: the months, the chosen one marked.
    counts = {m: n for m, n in months if n}
    if not counts:
        return None
    keys = sorted(counts)
    slots = []
    for key in _months(keys[0], keys[-1]):
        start, end = month_range(key)
        selected = params.date_from == start and params.date_to == end
        target = (None, None) if selected else (start, end)
        slots.append((key, format_date(start, "month"), counts.get(key, 0), selected, target,
                      key[:4] if key.endswith("-01") else None))
    chart = _chart(slots, params, base_url, total, rtl)
    # Year labels: the first month's year too, unless it is squeezed against the next.
    first_centre = chart.bars[0].hit_x + chart.bars[0].hit_width / 2
    years = [(round(first_centre, 3), keys[0][:4], _anchor(first_centre))] + chart.years
    if len(years) > 1 and (years[1][1] == years[0][1] or abs(years[0][0] - years[1][0]) < 7):
        years = years[1:]
    # At most about ten, so they never run into each other.
    step = max(1, math.ceil(len(years) / 10))
    chart.years = years[::step]
    chart.first = format_date(month_range(keys[0])[0], "month")
    chart.last = format_date(month_range(keys[-1])[0], "month")
    return chart


def _day_chart(month, days, params, base_url, total, rtl):
    first, last = month
    counts = {d: n for d, n in days if n}
    whole_month = params.date_from == first and params.date_to == last
    slots = []
    for number in range(1, last.day + 1):
        day = first.replace(day=number)
        key = day.isoformat()
        selected = params.date_from == day and params.date_to == day
        # The chosen day's bar goes back to the whole month.
        target = (first, last) if selected else (day, day)
        label = str(number) if number == 1 or number % 5 == 0 else None
        slots.append((key, format_date(day, "day"), counts.get(key, 0), selected, target, label))
    chart = _chart(slots, params, base_url, total, rtl)
    if chart is None:
        return None
    chart.unit = "day"
    chart.month_label = format_date(first, "month")
    chart.month_url = "" if whole_month else base_url + "?" + params.to_query(date_from=first, date_to=last, page=1)
    chart.first, chart.last = format_date(first, "day"), format_date(last, "day")
    return chart


def _chart(slots, params, base_url, total, rtl):
    """The bars of ``slots`` — (key, label, count, selected, (date_from, date_to) of its
    link, axis label or None) in time order — right to left on a right-to-left page."""
    n = len(slots)
    top = max([count for _k, _l, count, _s, _t, _a in slots] + [1])
    slot = 100.0 / n
    gap = min(slot * 0.18, 0.6) if n > 1 else slot * 0.3
    # A bar is never wider than 1/30 of the chart: a few bars must not look like a wall.
    width = min(slot - gap, 100.0 / 30)
    bars, axis = [], []
    for i, (key, label, count, selected, (date_from, date_to), axis_label) in enumerate(slots):
        query = params.to_query(date_from=date_from, date_to=date_to, page=1)
        height = 0.0 if not count else max(2.0, (CHART_BASELINE - CHART_TOP) * count / top)
        x = (n - 1 - i) * slot if rtl else i * slot
        bars.append(Bar(
            month=key, label=label, count=count, url=base_url + "?" + query, selected=selected,
            x=round(x + (slot - width) / 2, 3), width=round(width, 3),
            y=round(CHART_BASELINE - height, 1), height=round(height, 1),
            hit_x=round(x, 3), hit_width=round(slot, 3),
            hit_y=CHART_TOP, hit_height=CHART_BASELINE - CHART_TOP,
        ))
        if axis_label:
            centre = x + slot / 2
            axis.append((round(centre, 3), axis_label, _anchor(centre)))
    shown = sum(b.count for b in bars)
    if not shown:
        return None
    peak = max(bars, key=lambda b: b.count)
    peak_centre = peak.x + peak.width / 2
    clear_url = ""
    if params.date_from or params.date_to:
        clear_url = base_url + "?" + params.to_query(date_from=None, date_to=None, page=1)
    return Timeline(
        bars=bars, rows=[b for b in bars if b.count], years=axis, total=shown,
        undated=max(0, (total or 0) - shown), peak=peak,
        peak_unique=sum(1 for b in bars if b.count == peak.count) == 1,
        first="", last="",
        height=CHART_HEIGHT, baseline=CHART_BASELINE, clear_url=clear_url,
        year_y=CHART_HEIGHT - 6, touch_width=n * TOUCH_TARGET, peak_x=round(peak_centre, 3),
        peak_y=round(peak.y - 5, 1), peak_anchor=_anchor(peak_centre),
    )


def _anchor(x_percent):
    """Text anchored so a label near an edge of the chart stays inside it."""
    if x_percent < 3:
        return "start"
    if x_percent > 97:
        return "end"
    return "middle"


