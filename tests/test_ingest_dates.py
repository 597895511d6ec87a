"""The date table: every way an Arabic news page prints its date.

``find_date`` reads the top of an article (header lines and the lead). It gives
the date, how much of it is known (day, month or year) and the text it read.
It never gives today's date for "اليوم", a date in the future, a date before
1990, a copyright year, or a date a sentence deep in a paragraph talks about.
"""
from datetime import date

import pytest

from archive.ingest.dates import find_date, parse_exact

TODAY = date(2024, 6, 1)


@pytest.mark.parametrize("text, expected, precision", [
    # Numeric, day first.
    ("07-02-2020", date(2020, 2, 7), "day"),
    ("07/02/2020", date(2020, 2, 7), "day"),
    ("7.2.2020", date(2020, 2, 7), "day"),
    # Levantine / Iraqi month names.
    ("الجمعة، 07 شباط، 2020", date(2020, 2, 7), "day"),
    ("اليوم السبت (22 أيار 2021)", date(2021, 5, 22), "day"),
    ("22 أيار 2021", date(2021, 5, 22), "day"),
    ("22 ايار 2021", date(2021, 5, 22), "day"),
    ("9 كانون الأول 2017", date(2017, 12, 9), "day"),
    ("9 كانون الأول/ديسمبر 2017", date(2017, 12, 9), "day"),
    ("3 تشرين الثاني 2019", date(2019, 11, 3), "day"),
    ("1 آب 2020", date(2020, 8, 1), "day"),
    ("15 نيسان 2019", date(2019, 4, 15), "day"),
    # Egyptian and Gulf month names, with and without hamza.
    ("11 فبراير 2015", date(2015, 2, 11), "day"),
    ("5 مايو 2015", date(2015, 5, 5), "day"),
    ("11 أغسطس 2015", date(2015, 8, 11), "day"),
    ("11 اغسطس 2015", date(2015, 8, 11), "day"),
    ("3 أكتوبر 2018", date(2018, 10, 3), "day"),
    ("3 ابريل 2018", date(2018, 4, 3), "day"),
    # Arabic-Indic digits.
    ("٢٢ أيار ٢٠٢١", date(2021, 5, 22), "day"),
    ("٠٧-٠٢-٢٠٢٠", date(2020, 2, 7), "day"),
    # Hijri first, Gregorian after "الموافق": the Gregorian one.
    ("الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس", date(2015, 8, 11), "day"),
    # Hijri alone: converted on the Umm al-Qura calendar (hijridate).
    ("26 شوال 1436 هـ", date(2015, 8, 11), "day"),
    # ISO.
    ("2015-08-11", date(2015, 8, 11), "day"),
    ("2018-02-18T21:35:43+04:00", date(2018, 2, 18), "day"),
    # Month only, year only.
    ("أيار 2021", date(2021, 5, 1), "month"),
    ("شهر مايو 2019", date(2019, 5, 1), "month"),
    ("2021", date(2021, 1, 1), "year"),
])
def test_each_printed_form_gives_its_date_and_precision(text, expected, precision):
    found = find_date(text, today=TODAY)
    assert found is not None, text
    assert found[:2] == (expected, precision)
    assert found[2] in text


@pytest.mark.parametrize("text", [
    "© 2023",                          # a footer's copyright year
    "جميع الحقوق محفوظة 2023",
    "2031",                            # the future
    "7 شباط 2031",
    "12 أيار 1985",                    # before the archive's range
    "31 شباط 2020",                    # no such day
    "عام 2014",                        # a year in a sentence is not a publication date
    "اليوم",                           # "today" is never a date
    "اليوم السبت",
    "في التاسع من كانون الأول",        # no year
    "31 شوال 1436 هـ",                 # a Hijri day the Umm al-Qura calendar has not (Shawwal has 29 or 30)
    "",
])
def test_what_is_not_a_publication_date(text):
    assert find_date(text, today=TODAY) is None


def test_a_date_deep_in_a_paragraph_is_an_event_not_the_publication_date():
    sentence = ("كما اكد انهم ملتزمون بالقضاء على العدو المشترك داعش الذي كان قبل سنوات يشكل تهديداً، "
                "لكنه فقد ماكان يمتلكه بعد 23\\3\\2019 ولم يبق له مكان")
    assert find_date(sentence, today=TODAY) is None


def test_a_date_deep_in_a_paragraph_counts_when_introduced_as_today():
    sentence = ("ناقشت رئاسة إقليم كوردستان مع وفد عسكري ضمن التحالف الدولي في العراق وسوريا، "
                "اليوم السبت (22 أيار 2021)، القضاء على بقايا تنظيم داعش")
    assert find_date(sentence, today=TODAY)[:2] == (date(2021, 5, 22), "day")


def test_a_month_in_a_long_sentence_is_not_taken():
    assert find_date("وفي أيار 2021 شن التنظيم هجمات عدة على مواقع البيشمركة في كركوك وخانقين وديالى ومخمور",
                     today=TODAY) is None


def test_the_first_line_with_a_date_wins():
    text = "رووداو\n07-02-2020\nأكد المتحدث، اليوم الجمعة، 08 شباط، 2020 أن"
    assert find_date(text, today=TODAY)[0] == date(2020, 2, 7)


@pytest.mark.parametrize("value, expected", [
    ("2020-02-07", (date(2020, 2, 7), "day")),
    ("2020-02", (date(2020, 2, 1), "month")),
    ("2020", (date(2020, 1, 1), "year")),
    ("2018-02-18T21:35:43+04:00", (date(2018, 2, 18), "day")),
    ("2020-13-01", None),
    ("1989", None),
    ("tomorrow", None),
])
def test_exact_dates_from_operators_and_metadata(value, expected):
    assert parse_exact(value, today=TODAY) == expected
