"""The most expensive searches we know how to build, as the search page's parameters.

Sent by ``tests/test_search_budget.py`` (each must answer within about a
second) and by the load test's ``hostile`` class (four clients sending them
must not take the site down). Issue 14 found the first ones: ``ال*`` took 6 s
on Whoosh at 3,000 articles, and every letter + ``ال*`` joined by OR ran past
gunicorn's 30 s timeout. The others try every other way a query could make
the index work: many prefixes, many common words, phrases of common words,
exclusions only, a page past the end, every filter at its limit.
"""
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
# The commonest words of news prose (tooling.bench.corpus.WORDS and the seeds).
COMMON = ("قال الحكومة العراقية القوات الأمنية مصدر اليوم وزارة الدفاع أمس الرئيس المدينة "
          "مسؤول بيان الجيش المنطقة عملية العسكرية التحالف الدولي مجلس الوزراء الشرطة مقتل "
          "عناصر التنظيم هجوم اشتباكات مناطق شمال جنوب شرق غرب الحدود السياسية الانتخابات "
          "البرلمان النواب الاقتصاد النفط").split()


def _or(items):
    return " OR ".join(items)


def hostile_searches(slugs=None):
    """(name, params) pairs. ``slugs``: {filter name: [slug, ...]} to fill the filters with."""
    searches = [
        ("article prefix", {"q": "ال*"}),
        ("article prefix, exact mode", {"q": "ال*", "mode": "exact"}),
        ("article forms as prefixes", {"q": _or(["ال*", "وال*", "بال*", "لل*", "فال*", "كال*", "و*"])}),
        ("every letter after the article", {"q": _or("ال" + ch + "*" for ch in LETTERS)}),
        ("every letter after the article, exact", {"q": _or("ال" + ch + "*" for ch in LETTERS), "mode": "exact"}),
        ("forty two-letter prefixes", {"q": _or(a + b + "*" for a in "امت" for b in LETTERS)[:999]}),
        ("two-letter prefixes ANDed", {"q": " ".join(a + "ا*" for a in LETTERS)}),
        ("prefixes, page size 100, newest", {"q": _or("ال" + ch + "*" for ch in LETTERS),
                                             "page_size": "100", "sort": "newest"}),
        ("forty common words", {"q": " ".join(COMMON[:40])}),
        ("forty common words ORed", {"q": _or(COMMON[:40])}),
        ("phrases of common words ORed", {"q": _or(f'"{a} {b}"' for a, b in zip(COMMON[::2], COMMON[1::2]))}),
        ("exclusions only", {"q": " ".join("-" + w for w in COMMON[:40])}),
        ("prefixes excluded", {"q": "قال " + " ".join("-ال" + ch + "*" for ch in LETTERS)}),
        ("parentheses and negations", {"q": "((((((((" + " ".join(f"-({w})" for w in COMMON[:30]) + "))))))))"}),
        ("two letters after the article, every third letter", {"q": _or("الم" + ch + "*" for ch in LETTERS)}),
        ("prefixes and common words", {"q": " ".join("الم" + ch + "*" for ch in LETTERS[:8]) + " " + _or(COMMON[:20])}),
        ("a thousand characters", {"q": ("الحكومة* القوات* " * 60)[:1000]}),
        ("a page past the end", {"q": "الحكومة", "page": "100000", "page_size": "100"}),
        ("the last pages of everything", {"q": "", "page": "30", "page_size": "100", "sort": "oldest"}),
    ]
    if slugs:
        filters = {name: values[:20] for name, values in slugs.items() if values}
        searches.append(("every filter at its limit", dict(filters, q=_or(COMMON[:20]))))
        searches.append(("every filter and the prefixes", dict(filters, q=_or("ال" + ch + "*" for ch in LETTERS))))
    return searches
