"""Measure the import pipeline's extraction against trafilatura on rendered pages.

Corpus records (with a title and a publication date) are rendered into saved
pages and text files of several layouts; each file is read back with
``pipeline.read`` (and, for HTML, with ``trafilatura.bare_extraction``) and the
result is compared with the record:

    title       equals the record's title (whitespace normalised)
    outlet      the gazetteer Outlet whose alias is the record's ``source``
    date        the record's ``published`` day (the date as written, its own offset)
    first line  the extracted body starts with the record body's first non-empty line
    last line   the extracted body ends with the record body's last non-empty line

Nothing is saved: only the gazetteer's outlets are read from the database.
Layouts:

    html_full       news-site page: <title>, og:*, article:published_time, JSON-LD,
                    menus, related links, <article><p>, "© 2023 Outlet" footer
    html_time       <h1> and a <time datetime> only, no meta
    html_text_date  the date only as Arabic text in the byline (and a footer year
                    that must not be taken)
    txt_saved       a browser's "save as text": banner, "Accessibility links", title,
                    a date line, "المصدر: …" or "Outlet – date", body, comment furniture
    txt_dateline    outlet and date header first, no title line (title not measured)
"""
from dataclasses import dataclass
from datetime import date
import gzip
import html
import json
import random
import re
import unicodedata

FIELDS = ("title", "outlet", "date", "first_line", "last_line")
LAYOUTS = ("html_full", "html_time", "html_text_date", "txt_saved", "txt_dateline")
HTML_LAYOUTS = {"html_full", "html_time", "html_text_date"}
# Layouts where a field is not measured, and why.
SKIPPED = {("txt_dateline", "title"): "no title line in this layout"}

LEVANT_MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                 "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
GREGORIAN_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
                    "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DATE_FORMS = ("weekday_levant", "levant", "levant_indic", "numeric", "gregorian", "both_months")


def arabic_date(day: date, form: str) -> str:
    """``day`` written the ways Arabic pages write it."""
    lev, greg = LEVANT_MONTHS[day.month - 1], GREGORIAN_MONTHS[day.month - 1]
    if form == "weekday_levant":  # الجمعة، 07 شباط، 2020
        return f"{WEEKDAYS[day.weekday()]}، {day.day:02d} {lev}، {day.year}"
    if form == "levant":  # 22 أيار 2021
        return f"{day.day} {lev} {day.year}"
    if form == "levant_indic":  # ٢٢ أيار ٢٠٢١
        return f"{day.day} {lev} {day.year}".translate(ARABIC_INDIC)
    if form == "numeric":  # 07-02-2020
        return f"{day.day:02d}-{day.month:02d}-{day.year}"
    if form == "gregorian":  # 22 مايو 2021
        return f"{day.day} {greg} {day.year}"
    if form == "both_months":  # الأحد 11 مارس/آذار 2018
        return f"{WEEKDAYS[day.weekday()]} {day.day} {greg}/{lev} {day.year}"
    raise ValueError(form)


# ---------------------------------------------------------------------------
# Corpus and outlets
# ---------------------------------------------------------------------------

def sample_records(path, n, seed):
    """``n`` records with a title and a publication date, chosen with ``seed``."""
    opener = gzip.open if str(path).endswith(".gz") else open
    eligible = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line:
                continue
            record = json.loads(line)
            if not (record.get("published") and (record.get("title") or "").strip()
                    and body_lines(record.get("body") or "")):
                continue
            eligible.append({key: record.get(key) for key in ("id", "title", "body", "source", "published", "url")})
    rng = random.Random(seed)
    return rng.sample(eligible, min(n, len(eligible)))


@dataclass
class OutletInfo:
    pk: int
    name: str
    names: set  # normalised name, English name, aliases and domains
    name_en: str = ""


def outlet_table():
    """alias (case-folded) -> OutletInfo, from the gazetteer in the database."""
    from archive.models import Outlet

    table = {}
    for outlet in Outlet.objects.all():
        names = {_norm_name(v) for v in [outlet.name, outlet.name_en, *(outlet.aliases or []),
                                         *(outlet.domains or [])] if v}
        info = OutletInfo(outlet.pk, outlet.name, names, outlet.name_en or "")
        for alias in [outlet.name, *(outlet.aliases or [])]:
            table.setdefault(alias.casefold(), info)
    return table


def _norm_name(value):
    value = unicodedata.normalize("NFKC", value).casefold().strip()
    value = re.sub(r"^(https?://)?(www\.)?", "", value).rstrip("/")
    return re.sub(r"\s+", " ", value)


def _norm_text(value):
    value = unicodedata.normalize("NFC", value or "")
    value = re.sub("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]", "", value)
    return re.sub(r"\s+", " ", value).strip()


def body_lines(body):
    return [line for line in (_norm_text(x) for x in body.splitlines()) if line]


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

@dataclass
class Case:
    record: dict
    layout: str
    name: str
    data: bytes
    date_form: str = ""


NAV = ["الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة", "تكنولوجيا", "فيديو"]


def _header(outlet_name):
    items = "".join(f'<li><a href="/{i}">{html.escape(x)}</a></li>' for i, x in enumerate(NAV))
    return (f'<header><div class="logo"><a href="/">{html.escape(outlet_name)}</a></div>'
            f'<nav class="menu"><ul>{items}</ul></nav>'
            '<div class="search"><a href="/search">بحث</a> | <a href="/login">تسجيل الدخول</a></div></header>')


def _related(titles):
    links = "".join(f'<li><a href="/news/{i}">{html.escape(t)}</a></li>' for i, t in enumerate(titles))
    return f'<aside class="related"><h3>اقرأ أيضا</h3><ul>{links}</ul></aside>'


def _footer(outlet_name):
    return (f'<footer><ul><li><a href="/about">من نحن</a></li><li><a href="/contact">اتصل بنا</a></li>'
            f'<li><a href="/privacy">سياسة الخصوصية</a></li></ul>'
            f'<p>© 2023 {html.escape(outlet_name)}. جميع الحقوق محفوظة.</p></footer>')


def _paragraphs(record):
    return "\n".join(f"<p>{html.escape(line)}</p>" for line in body_lines(record["body"]))


def _page(head, body):
    return ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f'{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n')


def render(record, layout, outlet, rng, related_titles):
    """One ``Case``: the record as a file of ``layout``."""
    title, day = record["title"].strip(), published_day(record)
    display = outlet.name if outlet else record["source"]
    form = rng.choice(DATE_FORMS)
    written = arabic_date(day, form)
    esc = html.escape
    if layout == "html_full":
        site = rng.choice([display, (outlet.name_en if outlet else "") or display])
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
              "datePublished": record["published"],
              "publisher": {"@type": "Organization", "name": site}}
        head = (f"<title>{esc(title)} - {esc(site)}</title>\n"
                f'<meta property="og:title" content="{esc(title)}">\n'
                f'<meta property="og:site_name" content="{esc(site)}">\n'
                f'<meta property="og:url" content="{esc(record.get("url") or "")}">\n'
                f'<meta property="article:published_time" content="{esc(record["published"])}">\n'
                f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
        body = (f"{_header(display)}\n<main>\n<article>\n<h1>{esc(title)}</h1>\n"
                f'<div class="byline">{esc(display)}</div>\n{_paragraphs(record)}\n</article>\n'
                f"{_related(related_titles)}\n</main>\n{_footer(display)}")
        return Case(record, layout, f"{record['id']}.html", _page(head, body).encode("utf-8"))
    if layout == "html_time":
        body = (f"{_header(display)}\n<main>\n<article>\n<h1>{esc(title)}</h1>\n"
                f'<time datetime="{esc(record["published"])}">{esc(written)}</time>\n'
                f"{_paragraphs(record)}\n</article>\n{_related(related_titles)}\n</main>\n{_footer(display)}")
        return Case(record, layout, f"{record['id']}.html", _page("", body).encode("utf-8"), form)
    if layout == "html_text_date":
        body = (f"{_header(display)}\n<main>\n<article>\n<h1>{esc(title)}</h1>\n"
                f'<div class="byline"><span>{esc(display)}</span> | <span>{esc(written)}</span></div>\n'
                f"{_paragraphs(record)}\n</article>\n{_related(related_titles)}\n</main>\n{_footer(display)}")
        return Case(record, layout, f"{record['id']}.html", _page("", body).encode("utf-8"), form)
    paragraphs = "\n\n".join(body_lines(record["body"]))
    if layout == "txt_saved":
        source_line = (f"المصدر: {display}\n{written}" if rng.random() < 0.5 else f"{display} – {written}")
        text = (f"تخطى إلى المحتوى الرئيسي\nAccessibility links\n{' | '.join(NAV[:5])}\n\n"
                f"{title}\n{source_line}\n\n{paragraphs}\n\n"
                f"أضف تعليقاً\nالتعليقات (0)\nاقرأ أيضا: {related_titles[0] if related_titles else 'أخبار'}\n")
        return Case(record, layout, f"{record['id']}.txt", text.encode("utf-8"), form)
    if layout == "txt_dateline":
        text = f"{display} - {written}\n\n{paragraphs}\n"
        return Case(record, layout, f"{record['id']}.txt", text.encode("utf-8"), form)
    raise ValueError(layout)


def published_day(record):
    return date.fromisoformat(record["published"][:10])


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------

def _body_checks(expected_body, got_text):
    lines = body_lines(expected_body)
    got = _norm_text(got_text)
    return got.startswith(lines[0]), got.endswith(lines[-1])


def score_ours(case, outlet, catalog):
    from archive.ingest import pipeline
    from archive.ingest.draft import Draft

    items = pipeline.read(case.name, case.data, catalog=catalog)
    draft = next((item for item in items if isinstance(item, Draft)), None)
    if draft is None:
        return {field: False for field in FIELDS}, {"failure": str(items[0]) if items else "nothing read"}
    first, last = _body_checks(case.record["body"], draft.body)
    result = {
        "title": _norm_text(draft.title) == _norm_text(case.record["title"]),
        "outlet": outlet is not None and draft.outlet_id == outlet.pk,
        "date": draft.published == published_day(case.record) and draft.date_precision == "day",
        "first_line": first,
        "last_line": last,
    }
    got = {"title": draft.title, "outlet": draft.outlet_name, "date": str(draft.published or ""),
           "body_start": draft.body[:80], "body_end": draft.body[-80:]}
    return result, got


def score_trafilatura(case, outlet):
    import trafilatura

    doc = trafilatura.bare_extraction(case.data.decode("utf-8"), with_metadata=True)
    if doc is None:
        return {field: False for field in FIELDS}, {"failure": "nothing extracted"}
    get = doc.get if isinstance(doc, dict) else (lambda key: getattr(doc, key, None))
    title, site, when, text = get("title") or "", get("sitename") or "", get("date") or "", get("text") or ""
    first, last = _body_checks(case.record["body"], text)
    result = {
        "title": _norm_text(title) == _norm_text(case.record["title"]),
        "outlet": bool(outlet and site and _norm_name(site) in outlet.names),
        "date": str(when)[:10] == published_day(case.record).isoformat(),
        "first_line": first,
        "last_line": last,
    }
    return result, {"title": title, "outlet": site, "date": str(when),
                    "body_start": text[:80], "body_end": text[-80:]}


# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------

def run(corpus, n=300, seed=2024, layouts=LAYOUTS, log=lambda message: None, examples=3):
    """Render, read back and score; the figures as a JSON-ready dict."""
    from archive.ingest.catalog import Catalog

    records = sample_records(corpus, n, seed)
    outlets = outlet_table()
    catalog = Catalog()
    rng = random.Random(seed + 1)
    tools = ("ours", "trafilatura")
    counts = {layout: {tool: {f: [0, 0] for f in FIELDS} for tool in tools} for layout in layouts}
    misses = {layout: {f: [] for f in FIELDS} for layout in layouts}
    unknown_sources = set()
    log(f"{len(records)} records sampled; rendering {len(layouts)} layouts each")
    for i, record in enumerate(records, 1):
        outlet = outlets.get((record.get("source") or "").casefold())
        if outlet is None:
            unknown_sources.add(record.get("source"))
        related = [r["title"].strip() for r in rng.sample(records, min(4, len(records))) if r is not record][:3]
        for layout in layouts:
            case = render(record, layout, outlet, rng, related)
            scored = {"ours": score_ours(case, outlet, catalog)}
            if layout in HTML_LAYOUTS:
                scored["trafilatura"] = score_trafilatura(case, outlet)
            for tool, (result, got) in scored.items():
                for field in FIELDS:
                    if (layout, field) in SKIPPED:
                        continue
                    counts[layout][tool][field][1] += 1
                    counts[layout][tool][field][0] += bool(result[field])
                    if tool == "ours" and not result[field] and len(misses[layout][field]) < examples:
                        misses[layout][field].append({"id": record["id"], "date_form": case.date_form,
                                                      "got": got})
        if i % 50 == 0:
            log(f"  {i}/{len(records)} records")

    def pct(right_total):
        right, total = right_total
        return round(100.0 * right / total, 1) if total else None

    report = {"corpus": str(corpus), "records": len(records), "seed": seed, "fields": list(FIELDS),
              "layouts": {}, "overall": {}, "skipped": {f"{l}.{f}": why for (l, f), why in SKIPPED.items()},
              "unknown_sources": sorted(s for s in unknown_sources if s),
              "misses_ours": misses}
    for layout in layouts:
        report["layouts"][layout] = {
            tool: ({f: pct(counts[layout][tool][f]) for f in FIELDS}
                   if tool == "ours" or layout in HTML_LAYOUTS else None)
            for tool in tools}
        report["layouts"][layout]["cases"] = len(records)
    for tool in tools:
        totals = {}
        for field in FIELDS:
            right = sum(counts[l][tool][field][0] for l in layouts)
            total = sum(counts[l][tool][field][1] for l in layouts)
            totals[field] = pct((right, total))
        report["overall"][tool] = totals
    # Like for like: ours on the HTML layouts only, where trafilatura applies.
    html = [l for l in layouts if l in HTML_LAYOUTS]
    report["overall"]["ours_html_only"] = {
        f: pct((sum(counts[l]["ours"][f][0] for l in html), sum(counts[l]["ours"][f][1] for l in html)))
        for f in FIELDS}
    return report


def format_report(report):
    def cell(value):
        return "  n/a" if value is None else f"{value:5.1f}"

    header = f"{'layout':<16} {'tool':<12} " + " ".join(f"{f:>10}" for f in FIELDS)
    lines = [f"Extraction check: {report['records']} records, seed {report['seed']} "
             f"(% right; n/a = not measured)", header, "-" * len(header)]
    rows = [(layout, data) for layout, data in report["layouts"].items()]
    rows.append(("overall", report["overall"]))
    for layout, data in rows:
        tools = ["ours", "ours_html_only", "trafilatura"] if layout == "overall" else ["ours", "trafilatura"]
        for tool in tools:
            values = data.get(tool)
            cells = " ".join(f"{cell(values.get(f) if values else None):>10}" for f in FIELDS)
            lines.append(f"{layout:<16} {tool:<12} {cells}")
    for key, why in report["skipped"].items():
        lines.append(f"not measured: {key} ({why}); trafilatura: HTML layouts only")
    if report["unknown_sources"]:
        lines.append("sources with no gazetteer outlet (outlet counted wrong): "
                     + ", ".join(report["unknown_sources"]))
    return "\n".join(lines)
