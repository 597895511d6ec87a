"""A country's adjective (nisba), by the rules of the language.

العراق → عراقي, السعودية → سعودي, ليبيا → ليبي, كندا → كندي, أفغانستان →
أفغاني (ستان may go), مالي → مالي (a name ending in ي is its own
adjective). Used by scripts/build_state_forces.py to count the phrases the
news writes for a state's forces, and by :mod:`archive.force_context` to read
"القوات الموالية للحكومة اليمنية" as Yemen's.
"""
from __future__ import annotations

from archive.arabic import fold

#: Country names that are no one adjective's base: a union, a compound name.
SKIP_WORDS = ("جمهورية", "مملكة", "المملكة", "الولايات", "جزر", "جزيرة", "دولة", "إمارة", "سلطنة", "اتحاد")


def nisbas(name: str) -> set[str]:
    """Candidate masculine adjectives of a one-word country name, without ال."""
    base = name[2:] if name.startswith("ال") else name
    out = set()
    if base.endswith("ية"):
        out.add(base[:-1])                      # السعودية → سعودي
    elif base.endswith("يا"):
        out.add(base[:-1])                      # ليبيا → ليبي
    elif base.endswith("ا"):
        out.add(base[:-1] + "ي")                # كندا → كندي
    elif base.endswith("ي"):
        out.add(base)                           # مالي → مالي, جيبوتي → جيبوتي
    else:
        out.add(base + "ي")                     # العراق → عراقي
    if base.endswith("ستان"):
        out.add(base[:-4] + "ي")                # أفغانستان → أفغاني
    return {n for n in out if len(n) >= 3}


def one_word_names(names) -> list[str]:
    """The names of a country an adjective can be made from."""
    return [n for n in names if " " not in n and not any(s in n for s in SKIP_WORDS)]


def adjectives(countries) -> dict[str, str]:
    """Folded "الXي" and "الXية" -> country slug, for ``countries`` given as
    (slug, names); a form two countries would give (the two Koreas) is left
    out."""
    table, shared = {}, set()
    for slug, names in countries:
        for name in one_word_names(names):
            for nisba in nisbas(name):
                for form in (fold("ال" + nisba), fold("ال" + nisba + "ة")):
                    if table.get(form, slug) != slug:
                        shared.add(form)
                    table[form] = slug
    for form in shared:
        del table[form]
    return table
