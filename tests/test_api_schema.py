"""The API's OpenAPI description is valid, and the live API keeps to it.

openapi-spec-validator checks the document against the OpenAPI 3.0 schema.
schemathesis then generates requests from the description (valid ones and,
for the API, invalid ones) and sends them to the archive's WSGI application
over the five seed articles: no answer may be a server error, and every
answer — status, content type, body — must be one the description allows.
``MAX_EXAMPLES`` keeps the run to about a minute on the CI machine.
"""
import json

from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings as hypothesis_settings
from openapi_spec_validator import validate
import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = 12
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def test_the_description_is_valid_openapi(client, seeded):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert document["openapi"].startswith("3.")
    for path in ("/api/articles/", "/api/articles/{id}/", "/api/places/", "/api/places/{slug}/",
                 "/api/forces/", "/api/speakers/", "/api/sources/{slug}/", "/search/export.jsonl"):
        assert path in document["paths"]


def test_every_search_parameter_is_described_with_its_bounds(client, seeded):
    document = client.get("/api/openapi.json").json()
    parameters = {p["name"]: p["schema"] for p in document["paths"]["/api/articles/"]["get"]["parameters"]}
    assert set(parameters) == {"q", "mode", "location", "force", "speaker", "source", "date_from",
                               "date_to", "sort", "page", "page_size", "expand"}
    assert parameters["page_size"]["maximum"] == 100 and parameters["page_size"]["minimum"] == 1
    assert parameters["sort"]["enum"] == ["relevance", "newest", "oldest"]
    assert parameters["location"]["maxItems"] == 20


def test_the_docs_page_lists_every_operation(client, seeded):
    page = client.get("/api/docs/").content.decode("utf-8")
    assert "/api/openapi.json" in page
    for path in ("/api/articles/", "/api/places/{slug}/", "/search/export.jsonl"):
        assert path in page


def test_the_footer_links_the_api_description(client, seeded):
    assert 'href="/api/docs/"' in client.get("/").content.decode("utf-8")


@pytest.fixture
def live_schema(seeded):
    # The WSGI handler closes the database connection when a request ends; inside a
    # test's transaction that loses the connection (PostgreSQL raises, SQLite's
    # in-memory database shrugs). Django's own test client unhooks the same
    # signal for its requests: so do we, for schemathesis's.
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _run(operation, mode):
    @given(case=operation.as_strategy(generation_mode=mode))
    @hypothesis_settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
                         suppress_health_check=list(HealthCheck))
    def run(case):
        case.call_and_validate(checks=CHECKS)

    run()


def test_generated_requests_get_no_server_error_and_conforming_answers(live_schema):
    operations = [result.ok() for result in live_schema.get_all_operations()]
    assert len(operations) >= 14
    for operation in operations:
        modes = [schemathesis.GenerationMode.POSITIVE]
        if operation.path.startswith("/api/"):
            modes.append(schemathesis.GenerationMode.NEGATIVE)
        for mode in modes:
            _run(operation, mode)


def test_an_articles_csl_json_citation_conforms_to_its_description(client, seeded):
    # CSL-JSON is JSON ("+json"): checkers read it as such, so the description
    # must say it is a list of citation items, not a string.
    import jsonschema

    from archive.models import Article

    document = client.get("/api/openapi.json").json()
    schema = document["paths"]["/articles/{id}/cite.json"]["get"]["responses"]["200"]["content"]
    [(content_type, media)] = schema.items()
    article = Article.objects.order_by("pk").first()
    response = client.get(f"/articles/{article.pk}/cite.json")
    assert response.status_code == 200 and response["Content-Type"].startswith(content_type)
    jsonschema.validate(json.loads(response.content), media["schema"])
