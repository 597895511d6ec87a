from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from archive import api, api_schema, browse, citation_views, exports, oai, sitemaps, views
from archive.ratelimit import search_rate_limited

# The search-heavy endpoints are rate-limited per client address
# (archive/ratelimit.py, SEARCH_RATE_LIMIT); the article pages, the entity
# pages, static files and the admin are not.
archive_patterns = [
    path("", views.home, name="home"),
    path("search/", search_rate_limited(views.search_page), name="search"),
    path("search/export.csv", search_rate_limited(exports.export_csv), name="export-csv"),
    path("search/feed.atom", search_rate_limited(exports.feed), name="feed"),
    path("search/export.jsonl", search_rate_limited(exports.export_jsonl), name="export-jsonl"),
    re_path(r"^search/cite\.(?P<fmt>ris|bib)$", search_rate_limited(citation_views.search_citations),
            name="search-cite"),
    re_path(r"^articles/(?P<pk>[0-9]+)/cite\.(?P<fmt>ris|bib|json)$", citation_views.article_citation, name="cite"),
    path("opensearch.xml", exports.opensearch, name="opensearch"),
    path("articles/<int:pk>/", views.article_page, name="article"),
    path("articles/<int:pk>/original/", views.original_file, name="original"),
    path("api/articles/", search_rate_limited(api.article_list, api=True), name="api-articles"),
    path("api/articles/<int:pk>/", api.article_detail, name="api-article"),
    path("api/openapi.json", api_schema.openapi_json, name="api-openapi"),
    path("api/docs/", api_schema.api_docs, name="api-docs"),
    *[
        route
        for kind in api.ENTITY_KINDS
        for route in (
            path(f"api/{kind}/", api.entity_list, {"kind": kind}, name=f"api-{kind}"),
            path(f"api/{kind}/<str:slug>/", api.entity_detail, {"kind": kind}, name=f"api-{kind}-detail"),
        )
    ],
    # Anything else under /api/ is the API's JSON 404, not the HTML page.
    re_path(r"^api/(?P<rest>(?s:.*))$", api.unknown_endpoint, name="api-unknown"),  # (?s): line breaks too
    path("places/<slug:slug>/", browse.place_page, name="place"),
    path("forces/<slug:slug>/", browse.force_page, name="force"),
    path("speakers/<slug:slug>/", browse.speaker_page, name="speaker"),
    path("sources/<slug:slug>/", browse.source_page, name="source"),
]

urlpatterns = [
    path("", include((archive_patterns, "archive"))),
    # The harvesting and crawling addresses other software expects at the root.
    path("oai", oai.oai, name="oai"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": sitemaps.SITEMAPS, "sitemap_url_name": "sitemap-section"},
         name="sitemap"),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": sitemaps.SITEMAPS}, name="sitemap-section"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
