from django.contrib import admin
from django.urls import include, path

from archive import api, browse, exports, views
from archive.ratelimit import search_rate_limited

# The search-heavy endpoints are rate-limited per client address
# (archive/ratelimit.py, SEARCH_RATE_LIMIT); the article pages, the entity
# pages, static files and the admin are not.
archive_patterns = [
    path("", views.home, name="home"),
    path("search/", search_rate_limited(views.search_page), name="search"),
    path("search/export.csv", search_rate_limited(exports.export_csv), name="export-csv"),
    path("search/feed.atom", search_rate_limited(exports.feed), name="feed"),
    path("opensearch.xml", exports.opensearch, name="opensearch"),
    path("articles/<int:pk>/", views.article_page, name="article"),
    path("articles/<int:pk>/original/", views.original_file, name="original"),
    path("api/articles/", search_rate_limited(api.article_list, api=True), name="api-articles"),
    path("api/articles/<int:pk>/", api.article_detail, name="api-article"),
    path("places/<slug:slug>/", browse.place_page, name="place"),
    path("forces/<slug:slug>/", browse.force_page, name="force"),
    path("speakers/<slug:slug>/", browse.speaker_page, name="speaker"),
    path("sources/<slug:slug>/", browse.source_page, name="source"),
]

urlpatterns = [
    path("", include((archive_patterns, "archive"))),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
