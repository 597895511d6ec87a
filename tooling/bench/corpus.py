"""The articles a benchmark imports, written as JSON-lines files.

Three sources, in the corpus's own record format (``/work/shared/corpus/README.md``)
so that ``import_articles`` reads them through the real pipeline:

* **Corpus files** given with ``--corpus``: when they hold at least N records,
  N of them evenly spaced through the files (the corpus is grouped by dataset
  and outlet: the first N lines would be one outlet); when they hold fewer,
  every record, then *replicas* until N: each replica gets a new id
  (``<id>~r<k>``) and URL fragment, two neighbouring body words swapped at a
  fixed random place and its date moved back by ``k`` × 397 days, so the
  pipeline sees a new article (a different content hash) that reads like the
  original. Records whose text repeats an earlier one (the corpus has about
  1,300 such copies) are varied the same way, or the pipeline would skip them
  and import fewer than N.
* **Generated text** when no file is given: titles and bodies drawn from a
  built-in list of news words (Zipf-distributed, so there are common and rare
  words) and the gazetteer's own names (so tagging and the facets have work).

Nothing of the corpus is kept in the repository: the files are read where they
are and the output goes to the benchmark's throw-away directory.
"""
from datetime import date, datetime, timedelta
import gzip
import hashlib
import json
from pathlib import Path
import random

PART_SIZE = 20_000  # records per written file: import_articles reads a file whole
REPLICA_SHIFT_DAYS = 397
EARLIEST = date(1991, 1, 1)  # the pipeline refuses dates before 1990

# Common words of news prose, as a reader types them (written for this module;
# nothing here is from the corpus). Order matters: earlier words are drawn more
# often (Zipf), so the first ones become the "common words" of a generated archive.
WORDS = """
قال الحكومة العراقية القوات الأمنية مصدر اليوم وزارة الدفاع أمس الرئيس المدينة
مسؤول بيان الجيش المنطقة عملية العسكرية التحالف الدولي مجلس الوزراء الشرطة مقتل
عناصر التنظيم هجوم اشتباكات مناطق شمال جنوب شرق غرب الحدود السياسية الانتخابات
البرلمان النواب الاقتصاد النفط أسعار السوق الشركات المشروع الخدمات الكهرباء المياه
المستشفى الصحة التعليم المدارس الطلاب الجامعة المواطنين السكان النازحين المخيمات
العائلات الإغاثة المساعدات الإنسانية المنظمة الأمم المتحدة المبعوث المفاوضات الاتفاق
وقف إطلاق النار الهدنة الطائرات غارات جوية المدفعية الصواريخ العبوات الناسفة سيارة
مفخخة انفجار ضحايا جرحى قتلى المعتقلين السجن المحكمة القضاء التحقيق اللجنة تقرير
الصحفيين الإعلام القناة الوكالة المتحدث الرسمي مؤتمر صحفي زيارة الوفد لقاء اجتماع
المحافظ المحافظة مجلس القائد العمليات اللواء العقيد الكتيبة الفرقة الحشد التحرير
استعادة السيطرة تطهير القرى الطريق الجسر النهر الجبل الصحراء الحقول المطار الميناء
الحدودي المعبر اللاجئين العودة الإعمار التمويل الميزانية الرواتب الموظفين الفساد
الإصلاح الاحتجاجات المتظاهرين الساحة العاصمة الأحياء السوق الشعبي المسجد الكنيسة
الأقليات الإيزيديين المسيحيين التركمان العشائر الشيوخ الوجهاء المصالحة الحوار
الدستور القانون التصويت الجلسة الأغلبية الكتلة الائتلاف الحزب المعارضة التيار
الأسبوع الماضي الشهر المقبل العام الجاري صباح مساء ساعات أيام سنوات مرحلة جديدة
""".split()

SENTENCE_JOINERS = ["و", "في", "من", "على", "إلى", "بعد", "خلال", "مع", "عن", "أن"]


# ---------------------------------------------------------------------------
# Reading corpus files
# ---------------------------------------------------------------------------

def _open_lines(path):
    path = Path(path)
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def count_records(paths):
    total = 0
    for path in paths:
        with _open_lines(path) as lines:
            total += sum(1 for line in lines if line.strip())
    return total


def iter_records(paths):
    """Every record of the files, in order, as dicts (bad lines are skipped:
    the benchmark is not where the reader's error handling is tested)."""
    for path in paths:
        with _open_lines(path) as lines:
            for line in lines:
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(record, dict) and isinstance(record.get("body"), str) and record["body"].strip():
                    yield record


def evenly(total, n):
    """Which of ``total`` indices to keep so that ``n`` are spread evenly."""
    if n >= total:
        return None  # all
    return {(i * total) // n for i in range(n)}


# ---------------------------------------------------------------------------
# Variations
# ---------------------------------------------------------------------------

def text_key(record):
    text = f"{record.get('title') or ''}\n{record.get('body') or ''}"
    digest = hashlib.blake2b(" ".join(text.split()).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def vary(record, k):
    """Replica ``k`` (>= 1) of a record: a new id, two words swapped, an earlier date."""
    out = dict(record)
    rid = str(record.get("id") or "rec")
    out["id"] = f"{rid}~r{k}"
    if record.get("url"):
        out["url"] = f"{record['url']}#r{k}"
    rng = random.Random(f"{rid}/{k}")
    words = record["body"].split(" ")
    swappable = [i for i in range(len(words) - 1) if words[i].strip() and words[i + 1].strip()
                 and words[i] != words[i + 1] and "\n" not in words[i] + words[i + 1]]
    if swappable:
        i = rng.choice(swappable)
        words[i], words[i + 1] = words[i + 1], words[i]
        out["body"] = " ".join(words)
    else:
        out["body"] = record["body"] + " " + rng.choice(WORDS)
    published = record.get("published")
    if isinstance(published, str) and published:
        try:
            moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
            if (moment.date() - EARLIEST).days >= REPLICA_SHIFT_DAYS * k:
                out["published"] = (moment - timedelta(days=REPLICA_SHIFT_DAYS * k)).isoformat()
        except ValueError:
            pass
    return out


# ---------------------------------------------------------------------------
# Generated text
# ---------------------------------------------------------------------------

class Generator:
    """Arabic-looking news articles from the word list and the gazetteer's names."""

    def __init__(self, gazetteer_path=None, seed=1):
        self.rng = random.Random(seed)
        self.names, self.outlets = [], []
        if gazetteer_path and Path(gazetteer_path).exists():
            for row in json.loads(Path(gazetteer_path).read_text(encoding="utf-8")):
                fields = row.get("fields", {})
                model = row.get("model", "")
                if model == "archive.outlet":
                    self.outlets.append(fields.get("name"))
                elif model in ("archive.place", "archive.speaker", "archive.force"):
                    arabic = [n for n in [fields.get("name"), *(fields.get("aliases") or [])]
                              if n and not n.isascii()]
                    if arabic:
                        self.names.append(arabic)
        self.outlets = [o for o in self.outlets if o] or ["وكالة الأنباء"]
        # Zipf weights: word i drawn with weight 1/(i+1).
        self.weights = [1.0 / (i + 1) for i in range(len(WORDS))]
        # Names too, so a few are common and most rare.
        self.name_weights = [1.0 / (i + 1) ** 1.2 for i in range(len(self.names))]

    def _words(self, n):
        return self.rng.choices(WORDS, weights=self.weights, k=n)

    def _name(self):
        spellings = self.rng.choices(self.names, weights=self.name_weights, k=1)[0]
        return self.rng.choice(spellings)

    def _sentence(self):
        words = self._words(self.rng.randint(6, 14))
        for _ in range(self.rng.randint(0, 2)):
            if self.names:
                words.insert(self.rng.randrange(len(words) + 1), self._name())
        words.insert(self.rng.randrange(1, len(words)), self.rng.choice(SENTENCE_JOINERS))
        return " ".join(words) + self.rng.choice([".", ".", ".", "،", "؟"])

    def record(self, i):
        title_words = self._words(self.rng.randint(5, 9))
        if self.names and self.rng.random() < 0.6:
            title_words.insert(self.rng.randrange(len(title_words) + 1), self._name())
        paragraphs = []
        for _ in range(self.rng.randint(2, 6)):
            paragraphs.append(" ".join(self._sentence() for _ in range(self.rng.randint(2, 5))))
        day = date(2014, 1, 1) + timedelta(days=self.rng.randrange(7 * 365))
        return {
            "id": f"gen-{i:08d}",
            "title": " ".join(title_words),
            "body": "\n".join(paragraphs),
            "source": self.rng.choice(self.outlets),
            "published": f"{day.isoformat()}T12:00:00+03:00",
            "url": f"https://example.org/bench/{i:08d}",
            "category": None,
            "dataset": "generated",
            "license": "generated by tooling.bench.corpus",
            "meta": {},
        }


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

class PartWriter:
    """JSON-lines .gz files of at most ``part_size`` records each."""

    def __init__(self, directory, part_size=PART_SIZE):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.part_size = part_size
        self.paths, self.count, self.raw_text_bytes = [], 0, 0
        self._file = None

    def write(self, record):
        if self._file is None or self.count % self.part_size == 0:
            self.close()
            path = self.directory / f"part-{len(self.paths) + 1:04d}.jsonl.gz"
            self.paths.append(path)
            self._file = gzip.open(path, "wt", encoding="utf-8", compresslevel=1)
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.count += 1
        self.raw_text_bytes += len((record.get("title") or "").encode()) + len(record["body"].encode())

    def close(self):
        if self._file is not None:
            self._file.close()
            self._file = None


def build(directory, n, corpus_paths=(), gazetteer_path=None, seed=1, part_size=PART_SIZE, progress=None):
    """Write ``n`` records into ``directory``; returns (paths, summary dict)."""
    writer = PartWriter(directory, part_size)
    summary = {"source": "corpus" if corpus_paths else "generated", "records": 0,
               "from_corpus": 0, "replicas": 0, "varied_repeats": 0}
    try:
        if corpus_paths:
            total = count_records(corpus_paths)
            if total == 0:
                raise ValueError("The corpus files hold no records.")
            seen = set()
            k = 0
            while writer.count < n:
                keep = evenly(total, n - writer.count)
                for i, record in enumerate(iter_records(corpus_paths)):
                    if keep is not None and i not in keep:
                        continue
                    out = vary(record, k) if k else record
                    key = text_key(out)
                    bump = k
                    while key in seen:  # a repeat of an earlier text: vary it further
                        bump += 1000
                        out = vary(record, bump)
                        # A body with one pair of words to swap has one
                        # variant only: words added, more at each try, make
                        # every try a new text (else this loop never ends).
                        extra = random.Random(f"{record.get('id')}/{bump}")
                        out["body"] += "".join(" " + extra.choice(WORDS) for _ in range(bump // 1000))
                        key = text_key(out)
                        summary["varied_repeats"] += 1
                    seen.add(key)
                    writer.write(out)
                    summary["replicas" if k else "from_corpus"] += 1
                    if progress:
                        progress(1)
                    if writer.count >= n:
                        break
                k += 1
        else:
            generator = Generator(gazetteer_path, seed)
            for i in range(n):
                writer.write(generator.record(i))
                if progress:
                    progress(1)
    finally:
        writer.close()
    summary["records"] = writer.count
    summary["raw_text_bytes_written"] = writer.raw_text_bytes
    return writer.paths, summary
