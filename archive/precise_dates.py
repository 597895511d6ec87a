"""A date written at the precision it is known, for every output that carries one.

An article dated only by its month is stored as the month's first day
(``Article.date_precision`` says so). Citations, exports, the API and OAI-PMH
must not turn that into "published on the 1st": they write "2020-02" (or
"2020" for a year) — ISO 8601's reduced precision, which CSL, Dublin Core and
schema.org all accept.
"""


def date_parts(published, precision):
    """[year], [year, month] or [year, month, day]; [] when there is no date."""
    if published is None:
        return []
    if precision == "year":
        return [published.year]
    if precision == "month":
        return [published.year, published.month]
    return [published.year, published.month, published.day]


def iso_at_precision(published, precision):
    """"2020-02-07", "2020-02" or "2020"; None when there is no date."""
    parts = date_parts(published, precision)
    if not parts:
        return None
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])
