"""Numbered units: "الفرقة 30", "اللواء الثاني عمالقة", "الفوج الثالث".

A report names a brigade or a division by its number, and a reader counts it
as a force of its own: the hand truth of the held-out sets lists "الفرقة 30"
(a rebel group in Aleppo) or "اللواء السادس حرس حدود" (a Yemeni army brigade)
beside the army and the militias. The number alone does not say whose unit it
is: Iraq, Syria and Yemen all have a "اللواء الأول". So a unit is one entity
per state (`scripts/build_unit_forces.py` makes those the corpus writes, slug
``<country>-<head>-<n>``: ``syria-division-30``), and a unit phrase in a text
is the unit of

1. the force named right after it ("اللواء 30 في الحشد الشعبي", "الفرقة 16
   التابعة للجيش العراقي"): that force's country (its theatre, or the state
   whose army it is), else
2. the article's country, by the votes :mod:`archive.force_context` counts
   (places, and the named forces whose theatre is plain): one country with
   two votes and 70% of them; where no country is that clear, the one state
   holding such a unit if the article has a vote for it.

Nothing when neither says, or when that country has no such unit in the
gazetteer: a unit is tagged only where the gazetteer holds it. The phrase is
a head noun with the article (الفرقة، اللواء، الفوج، الكتيبة، الفيلق, also with
و ب ف ل before it) and a number in digits or an ordinal word up to nineteen;
"اللواء" followed by a name is a rank, not a unit, and never matches.
"""
from __future__ import annotations

import re

from archive.alias_spelling import Match
from archive.force_context import STATE_FORCES, country_votes, COUNTRY_SHARE
from archive.force_theatres import theatres

#: Head noun -> the slug's word for it.
HEADS = {"فرقة": "division", "لواء": "brigade", "فوج": "regiment", "كتيبة": "battalion",
         "فيلق": "corps"}
#: The heads that take a feminine ordinal.
FEMININE = frozenset({"فرقة", "كتيبة"})

_UNITS = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
          "التاسع", "العاشر")
_UNITS_F = ("الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة",
            "الثامنة", "التاسعة", "العاشرة")


def _ordinals() -> dict[str, int]:
    """Ordinal word(s), as written with hamza or without -> number (1-19)."""
    out = {}
    for n, (m, f) in enumerate(zip(_UNITS, _UNITS_F), start=1):
        out[m], out[f] = n, n
    for n in range(1, 10):
        first_m = "الحادي" if n == 1 else _UNITS[n - 1]
        first_f = "الحادية" if n == 1 else _UNITS_F[n - 1]
        out[f"{first_m} عشر"], out[f"{first_f} عشرة"] = 10 + n, 10 + n
    for word, n in list(out.items()):
        out[word.replace("أ", "ا")] = n
    return out


ORDINALS = _ordinals()
_ORDINAL_RE = "|".join(sorted((re.escape(w) for w in ORDINALS), key=len, reverse=True))
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
#: A head with its article (and a clitic), then a number or an ordinal.
UNIT = re.compile(
    r"(?<![\w\u0640])(?:[وفب]?ال|[وف]?لل|[وف]?ل(?=لواء))"
    rf"(?P<head>{'|'.join(HEADS)})\s+(?:رقم\s+)?"
    rf"(?:(?:ال)?[-ـ]*\s?(?P<num>[0-9٠-٩۰-۹]{{1,3}})|(?P<ord>{_ORDINAL_RE}))(?![\w\u0640])")
_HINT = re.compile("|".join(HEADS))
#: Words that may stand between a unit and the force it belongs to.
_LINKS = frozenset({"في", "من", "ضمن", "التابع", "التابعة", "التابعين", "ب", "ل", "لـ", "بـ"})
_WORD = re.compile(r"[\w\u0640]+")
#: "ل" + a word right after the phrase: the unit is named by its task ("الفرقة
#: الثانية لمكافحة …", a religious police team), unless a force begins there.
_FOR_A_TASK = re.compile(r"\s+[وف]?ل[\w\u0640]+")


def unit_key(head: str, number: int) -> str:
    """The slug's tail for a unit: ``division-30``."""
    return f"{HEADS[head]}-{number}"


def unit_phrases(text: str):
    """``(start, end, key)`` for every unit phrase of ``text``; start and end
    cover the phrase without its clitic."""
    if not _HINT.search(text):
        return
    for m in UNIT.finditer(text):
        number = int(m.group("num").translate(_DIGITS)) if m.group("num") else ORDINALS[m.group("ord")]
        if number:
            start = m.start("head") - 2 if text[m.start("head") - 2:m.start("head")] == "ال" else m.start("head")
            yield start, m.end(), unit_key(m.group("head"), number)


def unit_names(head: str, number: int) -> list[str]:
    """The spellings of a unit, the one news writes most first: "الفرقة 30";
    "اللواء السادس" then "اللواء 6"; "اللواء 15" then "اللواء الخامس عشر"."""
    names = [f"ال{head} {number}"]
    if number < 20:
        feminine = head in FEMININE
        ones = _UNITS_F if feminine else _UNITS
        if number <= 10:
            word = ones[number - 1]
        else:
            first = ("الحادية" if feminine else "الحادي") if number == 11 else ones[number - 11]
            word = f"{first} {'عشرة' if feminine else 'عشر'}"
        names.insert(0 if number <= 10 else 1, f"ال{head} {word}")
    return names


def units_in(text: str, matches) -> list[tuple[int, int, str]]:
    """The unit phrases of ``text`` that name an armed unit: the article names
    an armed force (a "فرقة" of a ministry, a troupe, a team is no army's), and
    the phrase is not followed by its task ("… لمكافحة", "… للنقل") unless
    that is a force ("… للجيش السوري")."""
    forces = [m for m in matches if m.kind == "force"]
    if not forces:
        return []
    starts = {m.start for m in forces} | {m.start - 1 for m in forces}
    out = []
    for start, end, key in unit_phrases(text):
        task = _FOR_A_TASK.match(text, end)
        if task and not any(task.start() < s <= task.start() + 3 for s in starts):
            continue
        out.append((start, end, key))
    return out


def _state_of_forces() -> dict[str, str]:
    """A state force's slug -> its country (the roles that are a state's own)."""
    out = {}
    for country, table in STATE_FORCES.items():
        for role in ("army", "national", "air", "guard", "security"):
            if table.get(role):
                out.setdefault(table[role], country)
    return out


def force_country(slug: str | None) -> str | None:
    """The country a force belongs to or fights in, or None."""
    if not slug:
        return None
    for suffix in ("-armed-forces", "-police"):
        if slug.endswith(suffix):
            return slug[: -len(suffix)]
    return theatres().get(slug) or _state_of_forces().get(slug)


def named_after(text: str, end: int, matches, slug_of) -> str | None:
    """The country of a force named right after a unit that ends at ``end``
    ("… في الحشد الشعبي", "… التابعة لقوات النظام"), or None."""
    for m in matches:
        if m.kind != "force" or m.start < end:
            continue
        if m.start - end > 40:
            return None
        gap = _WORD.findall(text[end:m.start])
        if all(w in _LINKS for w in gap) and not any(ch in ".،,;؛:\n" for ch in text[end:m.start]):
            return force_country(slug_of(m.pk))
        return None
    return None


_TABLES: dict = {}


def unit_table(index) -> dict[str, dict[str, int]]:
    """unit key -> {country: force pk} for every unit the index holds, once per index."""
    cached = _TABLES.get("index")
    if cached is None or cached[0] is not index:
        table: dict[str, dict[str, int]] = {}
        for (kind, pk), _names in index.entities():
            if kind != "force":
                continue
            slug = (index.filter_for(kind, pk) or (None, ""))[1] or ""
            m = re.fullmatch(rf"(.+)-((?:{'|'.join(HEADS.values())})-\d+)", slug)
            if m:
                table.setdefault(m.group(2), {})[m.group(1)] = pk
        cached = (index, table)
        _TABLES["index"] = cached
    return cached[1]


def with_unit_forces(text, matches, places, index) -> list[Match]:
    """``matches`` with the numbered units of ``text`` the gazetteer holds for
    the country the context gives (see the module's rules), in order of
    position. A unit's spellings are weak, and the plain matcher's reading of
    them (a cue word before: "قوات اللواء الأول") is dropped: only these
    rules say whose unit it is. ``places()``: the place tree
    (:func:`archive.entities.current_places`), asked only when needed."""
    if not _HINT.search(text):
        return matches
    table = unit_table(index)
    if not table:
        return matches
    units = {pk for owners in table.values() for pk in owners.values()}
    matches = [m for m in matches if not (m.kind == "force" and m.pk in units)]
    slug_of = lambda pk: (index.filter_for("force", pk) or (None, None))[1]  # noqa: E731
    found, votes = [], None
    taken = [(m.start, m.end) for m in matches if m.kind == "force"]
    for start, end, key in units_in(text, matches):
        owners = table.get(key)
        if not owners or any(a <= start < b for a, b in taken):
            continue
        country = named_after(text, end, matches, slug_of)
        if country is None:
            if votes is None:
                votes = country_votes(matches, places(), text, slug_of)
            country = _clear_country(votes)
            # No one country, but the only state holding such a unit is
            # one the article is about ("النصرة تخطف مقاتلي الفرقة 30" in a
            # report naming Turkish soldiers too).
            if country is None and len(owners) == 1 and votes[next(iter(owners))]:
                country = next(iter(owners))
        pk = owners.get(country) if country else None
        if pk is not None:
            found.append(Match("force", pk, start, end, text[start:end]))
    return sorted(matches + found, key=lambda m: m.start) if found else matches


def article_country_of(matches, places, text, slug_of) -> str | None:
    """The one country the votes of :func:`archive.force_context.country_votes` give, or None."""
    return _clear_country(country_votes(matches, places, text, slug_of))


def _clear_country(votes) -> str | None:
    """The country with two votes or more and COUNTRY_SHARE of them all, or None."""
    if not votes:
        return None
    (best, n), total = votes.most_common(1)[0], sum(votes.values())
    return best if n >= 2 and n >= COUNTRY_SHARE * total else None
