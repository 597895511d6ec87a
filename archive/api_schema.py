"""The API described in OpenAPI 3.0: ``/api/openapi.json``, and a page that reads it (``/api/docs/``).

The description is built here in Python, from the same constants the code
checks (``archive.search.params``, ``archive.api``), so a bound cannot say one
thing and do another. ``tests/test_api_schema.py`` loads it with
openapi-spec-validator and runs schemathesis against the live API: every
answer, errors included, must match what is written here.
"""
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from archive import api
from archive.search.params import FILTERS, MAX_FILTER_VALUES, MODES, SLUG_MAX, SORTS
from archive.search.query import MAX_QUERY_CHARS

DATE_AT_PRECISION = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema):
    return {**schema, "nullable": True}


def _object(properties, required=None):
    required = list(properties) if required is None else required
    schema = {"type": "object", "properties": properties}
    if required:  # OpenAPI 3.0 refuses an empty "required"
        schema["required"] = required
    return schema


_STRING = {"type": "string"}
_URL = {"type": "string", "format": "uri"}

NAMED = _object({"slug": _STRING, "name": _STRING, "name_en": _nullable(_STRING)})

ENTITY_BASE = {
    "slug": _STRING,
    "name": _STRING,
    "name_en": _nullable(_STRING),
    "aliases": {"type": "array", "items": _STRING, "description": "Other spellings, in any script."},
    "article_count": {"type": "integer", "minimum": 0},
    "url": _URL,
    "page_url": _URL,
    "articles_url": {**_URL, "description": "The API search of this entity's articles."},
}

SCHEMAS = {
    "Error": {
        **_object({
            "error": {"type": "string", "description": "What went wrong, in the reader's language."},
            "code": {"type": "string", "enum": ["bad_parameter", "not_found", "method_not_allowed", "rate_limited", "withdrawn"]},
            "retry_after": {"type": "integer", "minimum": 1, "description": "429 only: seconds to wait."},
        }, required=["error", "code"]),
    },
    "Named": NAMED,
    "ArticleSummary": _object({
        "id": {"type": "integer"},
        "external_id": _nullable(_STRING),
        "url": {**_URL, "description": "The article's permanent address in the archive."},
        "title": _STRING,
        "source": _nullable(_ref("Named")),
        "published": _nullable({"type": "string", "pattern": DATE_AT_PRECISION,
                                "description": "ISO 8601 at the date's precision: 2020-02-07, 2020-02 or 2020."}),
        "date_precision": _nullable({"type": "string", "enum": ["day", "month", "year"]}),
        "original_url": _nullable(_STRING),
        "speakers": {"type": "array", "items": _ref("Named")},
        "locations": {"type": "array", "items": _ref("Named")},
        "forces": {"type": "array", "items": _ref("Named")},
        "snippet": {"type": "string", "description": "HTML: the text escaped, the matched words in <mark>."},
    }, required=["id", "external_id", "url", "title", "source", "published", "date_precision",
                 "original_url", "speakers", "locations", "forces"]),
    "FacetEntity": _object({"slug": _STRING, "name": _STRING, "name_en": _nullable(_STRING),
                            "count": {"type": "integer", "minimum": 0}}),
    "FacetValue": _object({"value": _STRING, "count": {"type": "integer", "minimum": 0}}),
    "ArticleList": _object({
        "count": {"type": "integer", "minimum": 0},
        "page": {"type": "integer", "minimum": 1},
        "page_size": {"type": "integer", "minimum": 1, "maximum": settings.SEARCH_MAX_PAGE_SIZE},
        "next": _nullable(_URL),
        "previous": _nullable(_URL),
        "mode": {"type": "string", "enum": list(MODES)},
        "results": {"type": "array", "items": _ref("ArticleSummary")},
        "facets": _object({
            **{name: {"type": "array", "items": _ref("FacetEntity")} for name in FILTERS},
            "year": {"type": "array", "items": _ref("FacetValue"), "description": "Newest first."},
            "month": {"type": "array", "items": _ref("FacetValue"),
                      "description": "YYYY-MM, oldest first: the timeline."},
        }, required=[]),
        "expanded": {"type": "array", "items": _object({
            "typed": _STRING, "kind": _STRING, "name": _STRING, "names": {"type": "array", "items": _STRING},
            "excluded": {"type": "boolean", "description": "the name was typed after a minus: every spelling is kept out"}})},
        "suggestions": {"type": "array", "items": _STRING},
        "notices": {"type": "array", "items": _STRING},
    }),
    "Article": {"allOf": [_ref("ArticleSummary"), _object({"body": _STRING})]},
    "Place": _object({
        **ENTITY_BASE,
        "kind": {"type": "string", "enum": ["country", "region", "governorate", "district", "city", "site"]},
        "parent": _nullable(_ref("Named")),
        "latitude": _nullable({"type": "number", "minimum": -90, "maximum": 90}),
        "longitude": _nullable({"type": "number", "minimum": -180, "maximum": 180}),
    }),
    "Force": _object(ENTITY_BASE),
    "Speaker": _object({**ENTITY_BASE, "role": _nullable(_STRING), "role_en": _nullable(_STRING)}),
    "Source": _object({**ENTITY_BASE, "homepage": _nullable(_STRING),
                       "domains": {"type": "array", "items": _STRING}}),
}

SCHEMA_OF_KIND = {"places": "Place", "forces": "Force", "speakers": "Speaker", "sources": "Source"}

ERRORS = {
    "400": ("A parameter is malformed or out of bounds.", "bad_parameter"),
    "404": ("Nothing at this address.", "not_found"),
    "405": ("Only GET and HEAD are accepted.", "method_not_allowed"),
    "410": ("The article was withdrawn: the answer carries its citation and the reason.", "withdrawn"),
    "429": ("Too many searches from this address: wait Retry-After seconds.", "rate_limited"),
}


def _errors(*codes):
    return {code: {"description": ERRORS[code][0],
                   "content": {"application/json": {"schema": _ref("Error")}}} for code in codes}


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _query(name, schema, description, explode=False):
    parameter = {"name": name, "in": "query", "required": False, "schema": schema, "description": description}
    if explode:
        parameter.update(style="form", explode=True)
    return parameter


SEARCH_PARAMETERS = [
    _query("q", {"type": "string", "maxLength": MAX_QUERY_CHARS},
           'The words, as typed on the search page: "quoted phrase", -excluded, prefix*, OR.'),
    _query("mode", {"type": "string", "enum": list(MODES), "default": "broad"},
           "broad: Arabic variants, clitics and other spellings match; exact: the words as written."),
    *[_query(name, {"type": "array", "maxItems": MAX_FILTER_VALUES,
                    "items": {"type": "string", "maxLength": SLUG_MAX}},
             f"Slug of a {model._meta.model_name} (see /api/{kind}/); repeat for any of several. "
             "An unknown slug is a 400.", explode=True)
      for (name, model), kind in zip(FILTERS.items(), ("places", "forces", "speakers", "sources"))],
    _query("date_from", {"type": "string", "format": "date"}, "First day, YYYY-MM-DD (inclusive); a year (2020) or a month (2020-07) also works and means its first day."),
    _query("date_to", {"type": "string", "format": "date"}, "Last day, YYYY-MM-DD (inclusive); not before date_from. A year (2020) or a month (2020-07) means its last day."),
    _query("sort", {"type": "string", "enum": list(SORTS), "default": "relevance"},
           "relevance (newest first when there are no words), newest or oldest."),
    _query("page", {"type": "integer", "minimum": 1, "maximum": 100000, "default": 1}, "Page number."),
    _query("page_size", {"type": "integer", "minimum": 1, "maximum": settings.SEARCH_MAX_PAGE_SIZE,
                         "default": settings.SEARCH_PAGE_SIZE}, "Results per page."),
    _query("expand", {"type": "string", "enum": ["1", "0"], "default": "1"},
           "0: do not widen a name to its other spellings in the gazetteer."),
]
EXPORT_PARAMETERS = [p for p in SEARCH_PARAMETERS if p["name"] not in ("page", "page_size")]
PAGE_PARAMETERS = [
    _query("page", {"type": "integer", "minimum": 1, "maximum": 100000, "default": 1}, "Page number."),
    _query("page_size", {"type": "integer", "minimum": 1, "maximum": api.ENTITY_MAX_PAGE_SIZE,
                         "default": api.ENTITY_PAGE_SIZE}, "Entities per page."),
]
ARTICLE_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
SLUG = {"name": "slug", "in": "path", "required": True,
        "schema": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "maxLength": SLUG_MAX}}


def _file(content_type, description):
    return {"description": description, "content": {content_type: {"schema": {"type": "string"}}}}


def _csl_json(content_type, description):
    """CSL-JSON is JSON (``+json``): a list of citation items, each an object
    with at least its id, type and title (the CSL-JSON schema has the rest)."""
    item = {"type": "object", "required": ["id", "type", "title"],
            "properties": {"id": {"type": "string"}, "type": {"type": "string"}, "title": {"type": "string"}}}
    return {"description": description,
            "content": {content_type: {"schema": {"type": "array", "items": item, "minItems": 1, "maxItems": 1}}}}


def paths():
    described = {
        "/api/articles/": {"get": {
            "operationId": "searchArticles",
            "summary": "Search the articles",
            "description": "The search of the search page, a page at a time, with the facet counts "
                           "of the whole result set.",
            "parameters": SEARCH_PARAMETERS,
            "responses": {"200": _json(_ref("ArticleList"), "A page of matches."), **_errors("400", "405", "429")},
        }},
        "/api/articles/{id}/": {"get": {
            "operationId": "getArticle",
            "summary": "One article with its full text",
            "parameters": [ARTICLE_ID],
            "responses": {"200": _json(_ref("Article"), "The article."), **_errors("404", "405", "410")},
        }},
    }
    for kind, schema in SCHEMA_OF_KIND.items():
        described[f"/api/{kind}/"] = {"get": {
            "operationId": f"list{schema}s",
            "summary": f"Every {schema.lower()} in the gazetteer, by name",
            "parameters": PAGE_PARAMETERS,
            "responses": {
                "200": _json(_object({
                    "count": {"type": "integer", "minimum": 0},
                    "page": {"type": "integer", "minimum": 1},
                    "page_size": {"type": "integer", "minimum": 1},
                    "next": _nullable(_URL),
                    "previous": _nullable(_URL),
                    "results": {"type": "array", "items": _ref(schema)},
                }), f"A page of {kind}."),
                **_errors("400", "405"),
            },
        }}
        described[f"/api/{kind}/{{slug}}/"] = {"get": {
            "operationId": f"get{schema}",
            "summary": f"One {schema.lower()}",
            "parameters": [SLUG],
            "responses": {"200": _json(_ref(schema), f"The {schema.lower()}."), **_errors("404", "405")},
        }}
    text_errors = {"400": _file("text/plain", "A parameter is malformed: the message as text."),
                   "429": _file("text/html", "Too many searches from this address: wait Retry-After seconds.")}
    for path, content_type, what in (
        ("/search/export.jsonl", "application/x-ndjson", "Every match with its full text, one JSON object a line."),
        ("/search/export.csv", "text/csv", "Every match's metadata as CSV (UTF-8 with a byte-order mark)."),
        ("/search/cite.ris", "application/x-research-info-systems", "Every match as RIS citations."),
        ("/search/cite.bib", "application/x-bibtex", "Every match as BibLaTeX entries."),
    ):
        described[path] = {"get": {
            "operationId": "export" + path.rsplit(".", 1)[1].upper(),
            "summary": what,
            "parameters": EXPORT_PARAMETERS,
            "responses": {"200": _file(content_type, what), **text_errors},
        }}
    for fmt, content_type, what in (
        ("ris", "application/x-research-info-systems", "RIS"),
        ("bib", "application/x-bibtex", "BibLaTeX"),
        ("json", "application/vnd.citationstyles.csl+json", "CSL-JSON (a list of one item)"),
    ):
        described[f"/articles/{{id}}/cite.{fmt}"] = {"get": {
            "operationId": f"cite{fmt.upper()}",
            "summary": f"One article's citation as {what}",
            "parameters": [ARTICLE_ID],
            "responses": {"200": _csl_json(content_type, what) if fmt == "json" else _file(content_type, what),
                          "404": {"description": "No article with this id.", "content": {"text/html": {"schema": {"type": "string"}}}}},
        }}
    return described


def description(request):
    """The OpenAPI document (a dict) for this request's host."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Arabic news archive of the war against ISIS",
            "version": "1",
            "description": (
                "Read-only. The same search as the pages. Errors are JSON {error, code}; the message is "
                "in the reader's language (Arabic, or English when the language cookie says so). "
                "Searches are rate-limited per address (429 with Retry-After). "
                "Dates are ISO 8601 at the precision they are known (day, month or year). "
                "Other outputs: OAI-PMH 2.0 at /oai, the sitemap at /sitemap.xml."
            ),
            "license": {"name": "Articles: © their outlets; metadata as published by this archive"},
        },
        "servers": [{"url": request.build_absolute_uri("/").rstrip("/")}],
        "paths": paths(),
        "components": {"schemas": SCHEMAS},
    }


@require_safe
def openapi_json(request):
    return JsonResponse(description(request), json_dumps_params={"ensure_ascii": False, "indent": 1})


@require_safe
def api_docs(request):
    """The description as a page to read: every path, its parameters and its answers."""
    document = description(request)
    operations = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            operations.append({
                "method": method.upper(),
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": [
                    {
                        "name": p["name"],
                        "where": p["in"],
                        "schema": _schema_words(p["schema"]),
                        "description": p.get("description", ""),
                    }
                    for p in operation.get("parameters", [])
                ],
                "responses": [(code, r["description"]) for code, r in operation["responses"].items()],
                "example": path if "{" not in path else None,
            })
    return render(request, "archive/api_docs.html", {
        "operations": operations,
        "openapi_url": reverse("archive:api-openapi"),
        "info": document["info"],
    })


def _schema_words(schema):
    """A parameter's schema in a few words: "integer 1–100, default 20"."""
    words = [schema.get("type", "")]
    if schema.get("type") == "array":
        words = [f"list of {schema['items'].get('type', '')}"]
        if "maxItems" in schema:
            words.append(f"at most {schema['maxItems']}")
    if "enum" in schema:
        words.append("one of " + ", ".join(map(str, schema["enum"])))
    if "minimum" in schema and "maximum" in schema:
        words.append(f"{schema['minimum']}–{schema['maximum']}")
    if "maxLength" in schema:
        words.append(f"at most {schema['maxLength']} characters")
    if "format" in schema:
        words.append(schema["format"])
    if "default" in schema:
        words.append(f"default {schema['default']}")
    return ", ".join(w for w in words if w)
