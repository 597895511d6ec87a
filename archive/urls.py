from django.contrib import admin
from django.urls import include, path

from archive import api, views

archive_patterns = [
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("articles/<int:pk>/", views.article_page, name="article"),
    path("articles/<int:pk>/original/", views.original_file, name="original"),
    path("api/articles/", api.article_list, name="api-articles"),
    path("api/articles/<int:pk>/", api.article_detail, name="api-article"),
]

urlpatterns = [
    path("", include((archive_patterns, "archive"))),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
