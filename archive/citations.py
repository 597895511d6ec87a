"""Citations a reference manager takes in: RIS, BibTeX and CSL-JSON, and the page's meta tags.

One article becomes one ``Citation`` (``citation_of``): outlet, title, the
date at the precision it is known (a month-precise date is never cited as the
1st of that month), the original URL, the archive's permanent address and the
date accessed. Each format is written from that one record:

- ``ris(c)`` — RIS (``TY  - NEWS``), what Zotero, EndNote and Mendeley import;
- ``bibtex(c)`` — a BibLaTeX ``@article`` (``journaltitle`` = the outlet,
  ``date`` at its precision, ``urldate``) that BibTeX also reads;
- ``csl_json(c)`` — CSL-JSON (``article-newspaper``), what citeproc and
  Pandoc read; ``issued.date-parts`` has as many parts as the date is precise;
- ``meta_tags(c)`` — the ``citation_*`` (Highwire) and ``DC.*`` tags Zotero's
  and Google Scholar's page readers look for; ``news_article_ld(c, article)``
  — schema.org ``NewsArticle`` JSON-LD.

The views (``archive.citation_views``) serve one article's citation, or a
whole search's, streamed.
"""
from dataclasses import dataclass, field
from datetime import date
import json
import re

from django.utils.html import _json_script_escapes

from archive.precise_dates import date_parts, iso_at_precision

ARCHIVE_NAME = "أرشيف أخبار الحرب على داعش"
LANGUAGE = "ar"


@dataclass
class Citation:
    id: int
    title: str
    outlet: str = ""
    outlet_en: str = ""
    published: date = None
    precision: str = ""  # "day", "month", "year" or "" (no date)
    original_url: str = ""
    permalink: str = ""
    accessed: date = None
    external_id: str = ""
    keywords: list = field(default_factory=list)

    @property
    def date_parts(self):
        """[year], [year, month] or [year, month, day]: as much as is known; [] if nothing."""
        return date_parts(self.published, self.precision)

    @property
    def date_iso(self):
        """"2020", "2020-02" or "2020-02-07" (ISO 8601 at the date's precision); "" if none."""
        return iso_at_precision(self.published, self.precision) or ""

    @property
    def key(self):
        """A BibTeX key: plain ASCII, unique in the archive (the article's id)."""
        year = self.date_parts[0] if self.date_parts else "nd"
        return f"archive{self.id}-{year}"


def citation_of(article, permalink, accessed):
    """The Citation of an Article (outlet and the three entity lists read, so prefetch them)."""
    outlet = article.outlet
    keywords = [e.name for related in (article.places, article.forces) for e in related.all()]
    return Citation(
        id=article.pk,
        title=article.title,
        outlet=outlet.name if outlet else "",
        outlet_en=(outlet.name_en if outlet else "") or "",
        published=article.published,
        precision=article.date_precision or ("day" if article.published else ""),
        original_url=article.url or "",
        permalink=permalink,
        accessed=accessed,
        external_id=article.external_id or "",
        keywords=keywords,
    )


# ---------- RIS ----------

def _ris_value(value):
    # A RIS line ends at the line break: a value must stay on one line.
    return re.sub(r"\s+", " ", str(value)).strip()


def ris(c):
    """One RIS record (``TY`` … ``ER``), CRLF line ends as the format's readers expect."""
    lines = [("TY", "NEWS"), ("TI", c.title)]
    if c.outlet:
        lines.append(("T2", c.outlet))  # the newspaper's name
    parts = c.date_parts
    if parts:
        lines.append(("PY", f"{parts[0]:04d}"))
        # DA is YYYY/MM/DD/ with the unknown parts left empty.
        lines.append(("DA", "/".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])]
                                     + [""] * (3 - len(parts)) + [""])))
    if c.original_url:
        lines.append(("UR", c.original_url))
    lines.append(("UR", c.permalink))
    lines.append(("DB", ARCHIVE_NAME))
    lines.append(("AN", str(c.id)))
    lines.append(("LA", LANGUAGE))
    if c.accessed:
        lines.append(("Y2", c.accessed.strftime("%Y/%m/%d")))
    lines.extend(("KW", k) for k in c.keywords)
    lines.append(("N1", f"{ARCHIVE_NAME}: {c.permalink}"))
    text = "".join(f"{tag}  - {_ris_value(value)}\r\n" for tag, value in lines if _ris_value(value))
    return text + "ER  - \r\n\r\n"


# ---------- BibTeX ----------

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&",
    "#": r"\#", "$": r"\$", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_BIBTEX_ESCAPE = re.compile("|".join(re.escape(k) for k in _BIBTEX_SPECIAL))


def _bib_text(value):
    """A field's text with LaTeX's special characters escaped, on one line."""
    value = re.sub(r"\s+", " ", str(value)).strip()
    return _BIBTEX_ESCAPE.sub(lambda m: _BIBTEX_SPECIAL[m.group(0)], value)


def _bib_url(value):
    # URLs are read verbatim (\url); only braces and the line must be safe.
    return re.sub(r"\s+", "", str(value)).replace("{", "%7B").replace("}", "%7D")


def bibtex(c):
    """One BibLaTeX ``@article`` entry; plain BibTeX reads ``journal``/``year``/``month`` too."""
    fields = [("title", _bib_text(c.title))]
    if c.outlet:
        fields += [("journaltitle", _bib_text(c.outlet)), ("journal", _bib_text(c.outlet))]
    parts = c.date_parts
    if parts:
        fields.append(("date", c.date_iso))
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", str(parts[1])))
    url = c.original_url or c.permalink
    fields.append(("url", _bib_url(url)))
    if c.accessed:
        fields.append(("urldate", c.accessed.isoformat()))
    fields.append(("langid", "arabic"))
    fields.append(("language", "Arabic"))
    if c.keywords:
        fields.append(("keywords", _bib_text(", ".join(c.keywords))))
    fields.append(("note", _bib_text(ARCHIVE_NAME) + r": \url{" + _bib_url(c.permalink) + "}"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@article{{{c.key},\n{body}\n}}\n\n"


# ---------- CSL-JSON ----------

def csl_json(c):
    """One CSL-JSON item (a dict): ``article-newspaper``, issued at its precision."""
    item = {
        "id": c.key,
        "type": "article-newspaper",
        "title": c.title,
        "language": LANGUAGE,
        "URL": c.original_url or c.permalink,
        "archive": ARCHIVE_NAME,
        "archive_location": c.permalink,
    }
    if c.outlet:
        item["container-title"] = c.outlet
        item["publisher"] = c.outlet
    if c.date_parts:
        item["issued"] = {"date-parts": [c.date_parts]}
    if c.accessed:
        item["accessed"] = {"date-parts": [[c.accessed.year, c.accessed.month, c.accessed.day]]}
    if c.keywords:
        item["keyword"] = ", ".join(c.keywords)
    return item


# ---------- The article page's head ----------

def meta_tags(c):
    """(name, content) pairs for ``<meta>``: Highwire ``citation_*`` and Dublin Core ``DC.*``."""
    tags = [("citation_title", c.title)]
    if c.outlet:
        tags.append(("citation_journal_title", c.outlet))
        tags.append(("citation_publisher", c.outlet))
    if c.date_parts:
        # Highwire's form is YYYY/MM/DD; at month or year precision only the known parts.
        tags.append(("citation_publication_date", "/".join(
            [f"{c.date_parts[0]:04d}", *(f"{p:02d}" for p in c.date_parts[1:])])))
    tags.append(("citation_language", LANGUAGE))
    tags.append(("citation_public_url", c.permalink))
    if c.original_url:
        tags.append(("citation_fulltext_html_url", c.original_url))
    tags.append(("DC.title", c.title))
    if c.outlet:
        tags.append(("DC.publisher", c.outlet))
        tags.append(("DC.creator", c.outlet))
    if c.date_iso:
        tags.append(("DC.date", c.date_iso))
    tags.append(("DC.language", LANGUAGE))
    tags.append(("DC.type", "Text"))
    tags.append(("DC.identifier", c.permalink))
    if c.original_url:
        tags.append(("DC.source", c.original_url))
    tags.extend(("DC.subject", k) for k in c.keywords)
    return tags


def news_article_ld(c, article, entity_url):
    """schema.org NewsArticle for the page (a dict). ``entity_url(entity)`` → its page's absolute URL."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": c.permalink,
        "url": c.permalink,
        "headline": c.title[:110] if len(c.title) > 110 else c.title,
        "name": c.title,
        "inLanguage": LANGUAGE,
        "isAccessibleForFree": True,
    }
    if c.date_iso:
        data["datePublished"] = c.date_iso
    if article.outlet:
        data["publisher"] = {"@type": "NewsMediaOrganization", "name": c.outlet,
                             "alternateName": c.outlet_en or None, "url": entity_url(article.outlet)}
        data["publisher"] = {k: v for k, v in data["publisher"].items() if v}
    if c.original_url:
        data["isBasedOn"] = c.original_url
    mentions = []
    for place in article.places.all():
        entry = {"@type": "Place", "name": place.name, "url": entity_url(place)}
        if place.latitude is not None and place.longitude is not None:
            entry["geo"] = {"@type": "GeoCoordinates", "latitude": place.latitude, "longitude": place.longitude}
        mentions.append(entry)
    for force in article.forces.all():
        mentions.append({"@type": "Organization", "name": force.name, "url": entity_url(force)})
    for speaker in article.speakers.all():
        mentions.append({"@type": "Person", "name": speaker.name, "url": entity_url(speaker)})
    if mentions:
        data["mentions"] = mentions
    return data


def script_json(data):
    """JSON safe inside ``<script>``: ``<``, ``>`` and ``&`` as escapes (as ``json_script`` does)."""
    return json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
