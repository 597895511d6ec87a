"""``evaluate_extraction`` on a tiny made-up corpus (not the shared one)."""
import gzip
import json

from django.core.management import call_command

from tooling.evaluation import extraction as evaluation

from .conftest import GAZETTEER

RECORDS = [
    {"id": "t-1", "title": "افتتاح معرض الكتاب في المدينة القديمة",
     "body": "افتتح صباح اليوم معرض الكتاب السنوي في المدينة القديمة بمشاركة عشرات دور النشر.\n"
             "وقال المنظمون إن عدد الزوار تجاوز التوقعات في اليوم الأول.\n"
             "ويستمر المعرض حتى نهاية الأسبوع المقبل.",
     "source": "skynews", "published": "2019-04-12T10:15:00+04:00", "url": "https://www.skynewsarabia.com/x/1"},
    {"id": "t-2", "title": "ارتفاع أسعار القمح في الأسواق العالمية",
     "body": "سجلت أسعار القمح ارتفاعا ملحوظا خلال تعاملات الأسبوع الجاري.\n"
             "وعزا محللون الارتفاع إلى تراجع المحاصيل في عدة دول منتجة.",
     "source": "CNN", "published": "2020-02-07T08:00:00+00:00", "url": "https://arabic.cnn.com/x/2"},
    {"id": "t-3", "title": "فريق المدينة يفوز بالبطولة للمرة الثالثة",
     "body": "توج فريق المدينة بلقب البطولة بعد فوزه في المباراة النهائية بهدفين نظيفين.\n"
             "وأهدى المدرب الفوز إلى الجماهير التي ساندت الفريق طوال الموسم.",
     "source": "france24", "published": "2021-05-22T18:30:00+00:00", "url": "https://www.france24.com/ar/x/3"},
    {"id": "t-4", "title": None, "body": "سجل بلا عنوان فلا يدخل العينة.", "source": "BBC",
     "published": "2018-01-01T00:00:00+00:00", "url": ""},
]


def test_evaluate_extraction_command(db, tmp_path):
    call_command("loaddata", str(GAZETTEER), verbosity=0)
    corpus = tmp_path / "tiny.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as handle:
        for record in RECORDS:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    out = tmp_path / "figures.json"
    call_command("evaluate_extraction", corpus=str(corpus), records=10, seed=1, json=str(out),
                 stdout=open(tmp_path / "log", "w", encoding="utf-8"))
    report = json.loads(out.read_text(encoding="utf-8"))

    assert report["records"] == 3  # the untitled record is left out
    assert set(report["layouts"]) == set(evaluation.LAYOUTS)
    for layout, figures in report["layouts"].items():
        assert set(figures["ours"]) == set(evaluation.FIELDS)
        if layout in evaluation.HTML_LAYOUTS:
            assert set(figures["trafilatura"]) == set(evaluation.FIELDS)
        else:
            assert figures["trafilatura"] is None
    assert report["layouts"]["txt_dateline"]["ours"]["title"] is None
    assert set(report["overall"]["ours"]) == set(evaluation.FIELDS)
    # The page whose only date is Arabic text in the byline: found every time
    # (archive/ingest/html.py looks under the <h1> when trafilatura drops the byline).
    assert report["layouts"]["html_text_date"]["ours"]["date"] == 100.0


def test_arabic_date_forms():
    from datetime import date

    day = date(2020, 2, 7)
    assert evaluation.arabic_date(day, "weekday_levant") == "الجمعة، 07 شباط، 2020"
    assert evaluation.arabic_date(date(2021, 5, 22), "levant_indic") == "٢٢ أيار ٢٠٢١"
    assert evaluation.arabic_date(day, "numeric") == "07-02-2020"
