"""Spec for the armed forces in fixtures/gazetteer.json: the state forces,
militias and armed groups a researcher of the war against ISIS meets in Arabic
news are each tagged in the spellings the news uses, a name inside a longer
name tags only the longer one, and ordinary words and vague phrases tag nothing.

The alias index is built straight from the fixture files (as `loaddata` would
store them, name, English name and aliases), with every place and speaker in
them, so a force competes with the place and person names it meets in a real
archive.
"""
import json
from pathlib import Path

import pytest

from archive.gazetteer import AliasIndex
from archive.tagging import tag

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "fixtures" / "gazetteer.json"
WORLD = ROOT / "fixtures" / "world_places.json"
KINDS = {"archive.outlet": "outlet", "archive.speaker": "speaker",
         "archive.place": "place", "archive.force": "force"}


def _records():
    yield from json.loads(GAZETTEER.read_text(encoding="utf-8"))
    if WORLD.exists():   # the world's places, numbered after the conflict's
        for n, place in enumerate(json.loads(WORLD.read_text(encoding="utf-8"))["places"]):
            yield {"model": "archive.place", "pk": 100_000 + n, "fields": place}


@pytest.fixture(scope="module")
def index():
    entries, slugs = [], {}
    for record in _records():
        kind = KINDS.get(record["model"])
        if kind is None:
            continue
        fields = record["fields"]
        names = [fields.get("name"), fields.get("name_en"), *(fields.get("aliases") or [])]
        entries.append((kind, record["pk"], [n for n in names if n]))
        if kind == "force":
            slugs[record["pk"]] = fields["slug"]
    built = AliasIndex(entries)
    built.force_slugs = slugs
    return built


def forces(index, text):
    """Slugs of the forces tagged in ``text`` (as a body), in order of mention."""
    return [index.force_slugs[pk] for pk in tag("", text, index).forces]


# Each sentence is written as Arabic news writes it; the force it names must
# be tagged, and nothing else that is a force.
FOUND = [
    ("قصف الطيران الروسي بلدات في ريف إدلب", "russian-forces"),
    ("وانتشرت الشرطة العسكرية الروسية في منبج", "russian-forces"),
    ("وقصفت المقاتلات التركية مواقع في جبال قنديل", "turkish-forces"),
    ("وشن طيران النظام غارات على خان شيخون", "syrian-army"),
    ("وتقدمت قوات الأسد في الغوطة الشرقية", "syrian-army"),
    ("وألقت مروحيات النظام براميل متفجرة", "syrian-army"),
    ("وقال الجيش الإسرائيلي إنه استهدف مواقع إيرانية", "israeli-army"),
    ("واستهدف جيش الاحتلال الاسرائيلي مواقع قرب دمشق", "israeli-army"),
    ("وأغارت الطائرات الإسرائيلية على مطار التيفور", "israeli-army"),
    ("وأطلق الحوثيون صاروخا باليستيا", "houthis"),
    ("واتهم التقرير ميليشيا الحوثي بعرقلة المساعدات", "houthis"),
    ("وقالت جماعة أنصار الله إنها أسقطت طائرة", "houthis"),
    ("وأعلنت مليشيات الحوثي مقتل قائد ميداني", "houthis"),
    ("وينتمي المسلحون إلى تنظيم القاعدة في جزيرة العرب", "al-qaeda"),
    ("سيطرت حركة طالبان على مدينة قندوز", "taliban"),
    ("وأعلنت كتائب عز الدين القسام مسؤوليتها", "qassam-brigades"),
    ("وانتشر الجيش اللبناني في جرود عرسال", "lebanese-army"),
    ("وأعلنت القوات المسلحة الأردنية إسقاط طائرة مسيرة", "jordanian-army"),
    ("وقتلت القوات المسلحة المصرية مسلحين في سيناء", "egyptian-army"),
    ("وتقدمت قوات حفتر نحو طرابلس", "libyan-national-army"),
    ("وأعلن الجيش الوطني الليبي سيطرته على درنة", "libyan-national-army"),
    ("وحررت قوات الجيش اليمني مديرية في صعدة", "yemeni-army"),
    ("وشارك الجيش السعودي في المناورات", "saudi-forces"),
    ("وقالت القوات المسلحة الإماراتية إن جنودا قتلوا", "uae-forces"),
    ("وأكد الجيش الإيراني جاهزيته", "iranian-forces"),
    ("وانتشرت الميليشيات الموالية لإيران في البوكمال", "iran-backed-militias"),
    ("وقصفت المليشيات الإيرانية مواقع المعارضة في ريف حلب", "iran-backed-militias"),
    ("ودخلت سرايا السلام إلى سامراء", "saraya-al-salam"),
    ("وهدد الأمين العام لحركة النجباء القوات الأمريكية", "nujaba"),
    ("وقاتلت كتائب سيد الشهداء قرب البوكمال", "kataib-sayyid-al-shuhada"),
    ("وشارك الحشد العشائري في تحرير القائم", "tribal-mobilization"),
    ("وقُتل ثلاثة من عناصر الصحوات في هجوم", "sahwa"),
    ("واعتقلت قوات الأسايش عددا من المطلوبين في القامشلي", "asayish"),
    ("وقاتلت وحدات حماية المرأة في كوباني", "ypj"),
    ("وهاجمت ميليشيا الدفاع الوطني قرية في ريف حماة", "national-defence-forces"),
    ("وتقدمت قوات النمر في ريف حماة الشمالي", "tiger-forces"),
    ("وقتل عناصر من مجموعة فاغنر في دير الزور", "wagner"),
    ("وشارك لواء فاطميون الأفغاني في المعارك", "fatemiyoun"),
    ("وقاتل لواء زينبيون الباكستاني في حلب", "zainabiyoun"),
    ("وشارك لواء القدس في معارك حلب", "liwa-al-quds"),
    ("وتقدمت فصائل المعارضة السورية في ريف حماة", "syrian-armed-opposition"),
    ("آخر معاقل المعارضة المسلحة في الغوطة", "syrian-armed-opposition"),
    ("وقصف جيش الإسلام أحياء دمشق", "jaysh-al-islam"),
    ("وانسحبت حركة أحرار الشام من المواقع", "ahrar-al-sham"),
    ("وتوصل فيلق الرحمن إلى اتفاق", "faylaq-al-rahman"),
    ("وانضم فيلق الشام إلى الجبهة الوطنية للتحرير", "faylaq-al-sham"),
    ("واشتبكت حركة نور الدين الزنكي مع الهيئة", "nour-al-din-al-zenki"),
    ("وقالت فرقة الحمزة إن عناصرها", "hamza-division"),
    ("وقصف الجيش التركي مواقع جيش العزة", "jaysh-al-izza"),
    ("واستهدفت غارة قياديين في تنظيم حراس الدين", "hurras-al-din"),
    ("وقاتل الحزب الإسلامي التركستاني في جسر الشغور", "turkistan-islamic-party"),
    ("وأعدم جيش خالد بن الوليد مدنيين في حوض اليرموك", "jaysh-khalid-ibn-al-walid"),
    ("وشاركت فرقة الرد السريع في معارك الموصل", "iraqi-emergency-response-division"),
    ("وأعلنت القوات البريطانية أن طائراتها قصفت مواقع", "british-forces"),
    ("ودربت القوات الألمانية مقاتلين في أربيل", "german-forces"),
    ("قصفت طائرات حربية عراقية مقرا لداعش داخل سوريا", "iraqi-air-force"),
    ("بدعم من الطيران العراقي", "iraqi-air-force"),
    ("وقالت القيادة المركزية الأميركية في بيان", "us-forces"),
    ("بدعم من طيران التحالف الدولي", "international-coalition"),
    ("بحسب قيادة العمليات المشتركة", "iraqi-security-forces"),
    ("وانتشرت فصائل درع الفرات في عفرين", "syrian-national-army"),
    ("وهاجمت هيئة تحرير الشام مواقع النظام", "hayat-tahrir-al-sham"),
    ("وكانت تحرير الشام تسيطر على المعبر", "hayat-tahrir-al-sham"),
]


@pytest.mark.parametrize("sentence,slug", FOUND, ids=[s for _, s in FOUND])
def test_each_force_is_tagged_in_the_spelling_the_news_uses(index, sentence, slug):
    assert slug in forces(index, sentence)


def test_every_force_named_in_the_spec_exists_in_the_gazetteer(index):
    """A misspelt slug in the table above would otherwise fail unhelpfully."""
    known = set(index.force_slugs.values())
    assert {slug for _, slug in FOUND} <= known
    assert len(known) >= 70


# A name inside a longer name: only the longer one is tagged.
NESTED = [
    ("وقصفت كتائب حزب الله قاعدة عين الأسد", ["kataib-hezbollah"]),
    ("وقال الأمين العام لحركة حزب الله النجباء", ["nujaba"]),
    ("وقاتل حزب الله اللبناني في القصير", ["hezbollah"]),
    ("وقصف جيش الاحتلال التركي قرى في ريف الحسكة", ["turkish-forces"]),
    ("وانتشرت قوات الاحتلال الأمريكي قرب حقول النفط", ["us-forces"]),
    ("وقاتلت الفصائل الموالية لتركيا وحدات حماية الشعب", ["syrian-national-army", "ypg"]),
    ("وهاجمت الفصائل الموالية لإيران القاعدة", ["iran-backed-militias"]),
    ("وتقدمت قوات سوريا الديمقراطية في الرقة", ["syrian-democratic-forces"]),
]


@pytest.mark.parametrize("sentence,expected", NESTED, ids=[e[0] for _, e in NESTED])
def test_a_name_inside_a_longer_name_tags_only_the_longer_one(index, sentence, expected):
    assert forces(index, sentence) == expected


def test_hezbollah_and_kataib_hezbollah_in_one_article_are_two_forces(index):
    text = "وقصفت كتائب حزب الله قاعدة أمريكية، فيما نفى حزب الله اللبناني أي علاقة."
    assert forces(index, text) == ["kataib-hezbollah", "hezbollah"]


# Ordinary words and phrases that only look like force names tag nothing.
NOT_FORCES = [
    "استقبل الوزير الوفد بحماس كبير",                 # حماس: enthusiasm
    "أقامت القاعدة الأمريكية احتفالا",               # القاعدة: the (military) base
    "وهذه القاعدة القانونية معروفة",                # القاعدة: the rule
    "فاز حزب العمال البريطاني في الانتخابات",         # Labour, not the PKK
    "أعلن الجيش بدء المناورات",                       # which army? too vague
    "وانتشرت قوات الأمن في الشوارع",                  # which country's?
    "وقال الجيش الوطني إن قواته تقدمت",              # Syrian, Libyan or Yemeni national army
    "تحدث السلطان مراد الثاني عن الفتوحات",          # the Ottoman sultan
    "وقال أبناء العراق إنهم يريدون الخدمات",          # the people of Iraq
    "وتراجعت الطائرات المدنية",
    "طالب المتظاهرون بالنصرة لأهل غزة",               # النصرة: support
    "وطالب النجباء من أبناء المدينة بالإصلاح",        # النجباء: the worthy
]


@pytest.mark.parametrize("sentence", NOT_FORCES)
def test_ordinary_words_tag_no_force(index, sentence):
    assert forces(index, sentence) == []


def test_a_weak_spelling_counts_beside_a_strong_one(index):
    """حماس alone is an ordinary word; beside كتائب القسام it is the group."""
    assert forces(index, "وقالت كتائب القسام إن حماس مستعدة") == ["qassam-brigades"]
    assert forces(index, "قال تنظيم القاعدة في العراق إن القاعدة لن تتراجع") == ["al-qaeda"]
