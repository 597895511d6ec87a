"""OAI-PMH 2.0 at /oai: the six verbs, oai_dc, sets per outlet, resumption tokens, from/until, errors.

Every answer is validated against the OAI-PMH response schema and, inside
its records, the oai_dc schema (tests/schemas/, offline), then read with
lxml: what a harvester would take in is what is asserted.
"""
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from lxml import etree
import pytest

from archive import oai as oai_module
from archive.models import Article, Outlet
from tests.conftest import seed

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parent / "schemas"
NS = {"oai": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/",
      "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/"}
REMOTE = {
    "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd": SCHEMAS / "OAI-PMH.xsd",
    "http://www.openarchives.org/OAI/2.0/oai_dc.xsd": SCHEMAS / "oai_dc.xsd",
    "http://dublincore.org/schemas/xmls/simpledc20021212.xsd": SCHEMAS / "simpledc20021212.xsd",
    "http://www.w3.org/2001/03/xml.xsd": SCHEMAS / "xml.xsd",
}


class LocalSchemas(etree.Resolver):
    def resolve(self, url, pubid, context):
        if url in REMOTE:
            return self.resolve_filename(str(REMOTE[url]), context)
        return None


@pytest.fixture(scope="module")
def oai_schema():
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalSchemas())
    driver = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:import namespace="{NS['oai']}" schemaLocation="http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"/>
      <xs:import namespace="{NS['oai_dc']}" schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc.xsd"/>
    </xs:schema>"""
    return etree.XMLSchema(etree.fromstring(driver.encode(), parser))


@pytest.fixture
def harvest(client, oai_schema):
    """GET /oai with these arguments: the answer's root, validated against the schemas."""
    def get(**arguments):
        response = client.get("/oai", arguments)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/xml")
        root = etree.fromstring(response.content)
        assert oai_schema.validate(root), oai_schema.error_log.filter_from_errors()
        return root
    return get


def error_code(root):
    return root.xpath("oai:error/@code", namespaces=NS)


def records_of(root):
    return root.xpath("//oai:record", namespaces=NS)


def dc(record, element):
    return record.xpath(f"oai:metadata/oai_dc:dc/dc:{element}/text()", namespaces=NS)


# ---------- the six verbs ----------

def test_identify_names_the_repository_and_its_granularity(harvest, seeded):
    root = harvest(verb="Identify")
    identify = root.find("oai:Identify", NS)
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://testserver/oai"
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "no"


def test_list_metadata_formats_offers_oai_dc(harvest, seeded):
    root = harvest(verb="ListMetadataFormats")
    assert root.xpath("//oai:metadataPrefix/text()", namespaces=NS) == ["oai_dc"]


def test_list_sets_has_one_set_per_outlet(harvest, seeded):
    root = harvest(verb="ListSets")
    specs = root.xpath("//oai:setSpec/text()", namespaces=NS)
    assert sorted(specs) == sorted(f"source:{slug}" for slug in Outlet.objects.values_list("slug", flat=True))


def test_get_record_carries_the_dublin_core_of_the_article(harvest, seeded):
    article = seed("004")
    Article.objects.filter(pk=article.pk).update(url="https://www.rudaw.net/arabic/1")
    identifier = f"oai:testserver:{article.pk}"
    [record] = records_of(harvest(verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier))
    assert record.findtext("oai:header/oai:identifier", namespaces=NS) == identifier
    assert dc(record, "title") == [article.title]
    assert dc(record, "creator") == dc(record, "publisher") == [article.outlet.name]
    assert dc(record, "date") == ["2020-02-07"]
    assert dc(record, "language") == ["ar"]
    assert dc(record, "identifier") == [f"http://testserver/articles/{article.pk}/", "https://www.rudaw.net/arabic/1"]
    subjects = set(dc(record, "subject"))
    assert {p.name for p in article.places.all()} | {f.name for f in article.forces.all()} == subjects
    assert dc(record, "description") == [article.paragraphs()[0]]
    assert record.xpath("oai:header/oai:setSpec/text()", namespaces=NS) == [f"source:{article.outlet.slug}"]


def test_a_month_precise_date_stays_a_month(harvest, seeded):
    article = seed("000")
    [record] = records_of(harvest(verb="GetRecord", metadataPrefix="oai_dc", identifier=f"oai:testserver:{article.pk}"))
    assert dc(record, "date") == ["2020-07"]


def test_list_identifiers_lists_every_header(harvest, seeded):
    root = harvest(verb="ListIdentifiers", metadataPrefix="oai_dc")
    identifiers = root.xpath("//oai:header/oai:identifier/text()", namespaces=NS)
    assert sorted(identifiers) == sorted(f"oai:testserver:{pk}" for pk in Article.objects.values_list("pk", flat=True))


def test_a_set_selects_one_outlets_records(harvest, seeded):
    article = seed("004")
    root = harvest(verb="ListRecords", metadataPrefix="oai_dc", set=f"source:{article.outlet.slug}")
    assert {r.findtext("oai:header/oai:identifier", namespaces=NS) for r in records_of(root)} == {
        f"oai:testserver:{pk}" for pk in Article.objects.filter(outlet=article.outlet).values_list("pk", flat=True)}


# ---------- resumption tokens ----------

def test_list_records_through_its_resumption_tokens_returns_every_article_once(harvest, seeded, monkeypatch):
    monkeypatch.setattr(oai_module, "OAI_BATCH", 2)
    for n in range(7):
        Article.objects.create(title=f"مقالة {n}", body=f"نص المقالة رقم {n} عن داعش")
    seen, pages = [], 0
    root = harvest(verb="ListRecords", metadataPrefix="oai_dc")
    while True:
        pages += 1
        seen += [r.findtext("oai:header/oai:identifier", namespaces=NS) for r in records_of(root)]
        token = root.findtext("oai:ListRecords/oai:resumptionToken", namespaces=NS)
        if not token:
            break
        root = harvest(verb="ListRecords", resumptionToken=token)
    assert pages == 6  # 12 articles, 2 a page
    assert sorted(seen) == sorted(f"oai:testserver:{pk}" for pk in Article.objects.values_list("pk", flat=True))
    assert len(seen) == len(set(seen)) == 12


def test_a_forged_resumption_token_is_bad_resumption_token(harvest, seeded):
    for token in ("garbage", "cursor%3D-5%26metadataPrefix%3Doai_dc", "cursor%3D0",
                  "cursor%3D0%26metadataPrefix%3Doai_dc%26from_%3Dnot-a-date", "cursor%3D0%26metadataPrefix%3Doai_dc%26evil%3D1"):
        assert error_code(harvest(verb="ListRecords", resumptionToken=token)) == ["badResumptionToken"], token


# ---------- from / until: the last change ----------

def test_from_and_until_select_by_last_change(harvest, seeded):
    old, new = seed("001"), seed("002")
    long_ago = timezone.now() - timedelta(days=400)
    Article.objects.exclude(pk=new.pk).update(updated=long_ago)
    Article.objects.filter(pk=new.pk).update(updated=timezone.now())
    since = (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    root = harvest(verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": since})
    assert root.xpath("//oai:identifier/text()", namespaces=NS) == [f"oai:testserver:{new.pk}"]
    before = (timezone.now() - timedelta(days=2)).strftime("%Y-%m-%d")
    root = harvest(verb="ListIdentifiers", metadataPrefix="oai_dc", until=before)
    identifiers = root.xpath("//oai:identifier/text()", namespaces=NS)
    assert f"oai:testserver:{old.pk}" in identifiers and f"oai:testserver:{new.pk}" not in identifiers


def test_nothing_changed_since_is_no_records_match(harvest, seeded):
    assert error_code(harvest(verb="ListRecords", metadataPrefix="oai_dc", **{"from": "2999-01-01"})) == ["noRecordsMatch"]


# ---------- the protocol's errors ----------

@pytest.mark.parametrize("arguments, code", [
    ({}, "badVerb"),
    ({"verb": "Explode"}, "badVerb"),
    ({"verb": "GetMetadata", "metadataPrefix": "oai_dc", "identifier": "oai:testserver:1"}, "badVerb"),
    ({"verb": "ListRecords"}, "badArgument"),
    ({"verb": "Identify", "extra": "1"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-01-01", "until": "2020-01-01T00:00:00Z"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2021-01-01", "until": "2020-01-01"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
    ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:testserver:999999"}, "idDoesNotExist"),
    ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "not-ours"}, "idDoesNotExist"),
    ({"verb": "ListMetadataFormats", "identifier": "oai:testserver:999999"}, "idDoesNotExist"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "source:no-such-outlet"}, "noRecordsMatch"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "\x01"}, "badArgument"),
])
def test_bad_requests_get_the_protocols_error_code(harvest, seeded, arguments, code):
    assert error_code(harvest(**arguments)) == [code]


def test_a_repeated_argument_is_bad_argument(client, seeded, oai_schema):
    response = client.get("/oai?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc")
    root = etree.fromstring(response.content)
    assert oai_schema.validate(root), oai_schema.error_log
    assert error_code(root) == ["badArgument"]


def test_post_is_answered_like_get(client, seeded, oai_schema):
    response = client.post("/oai", {"verb": "Identify"})
    root = etree.fromstring(response.content)
    assert oai_schema.validate(root) and root.find("oai:Identify", NS) is not None


def test_text_xml_cannot_carry_is_left_out_not_a_crash(harvest, seeded):
    article = seed("003")
    Article.objects.filter(pk=article.pk).update(title="عنوان\x0b فيه محرف تحكم")
    [record] = records_of(harvest(verb="GetRecord", metadataPrefix="oai_dc", identifier=f"oai:testserver:{article.pk}"))
    assert dc(record, "title") == ["عنوان فيه محرف تحكم"]
