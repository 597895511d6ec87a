"""The interface language: the reader's choice, else their browser's, else Arabic.

On a first visit the interface follows the browser's ``Accept-Language``: a
browser that prefers English gets English, one that prefers Arabic, says
nothing, or asks only for languages the archive does not speak gets Arabic,
the archive's own language. Once the reader picks a language with the switch in
the header (``set_language`` stores it in the language cookie) that choice wins
on every later visit. The URL does not carry a language, so a link someone
shares opens in its reader's language.
"""
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


def chosen_language(request):
    """The supported language in the language cookie, else the browser's, else the default."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if code:
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            pass
    return browser_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))


def browser_language(accept):
    """The first language of an Accept-Language header that the archive speaks.

    Walks the browser's preferences in order (Django's parser orders them by
    ``q`` and drops malformed ones); none spoken, or no header, gives
    ``settings.LANGUAGE_CODE``.
    """
    from django.utils.translation.trans_real import parse_accept_lang_header

    for code, _quality in parse_accept_lang_header(accept[:255]):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


class ChosenLanguageMiddleware(LocaleMiddleware):
    """LocaleMiddleware without language prefixes in URLs: cookie, browser, default."""

    def process_request(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        language = translation.get_language()
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", language)
        return response


class ArchiveNotFoundMiddleware:
    """A reader who follows a dead link gets the archive's own "not found" page.

    With ``DEBUG`` off Django already renders ``templates/404.html``. With it on
    (``make run``, a demo, a workshop) Django shows its technical page, in
    English, listing every URL pattern: not what a reader of the archive should
    see. Pages people read get the archive's page in their language either way;
    the API (its own JSON errors), the admin and static files keep theirs.
    """

    KEEP_OWN = ("/api/", "/admin/", "/static/", "/oai")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 404
            and settings.DEBUG
            and not request.path.startswith(self.KEEP_OWN)
            and response.get("Content-Type", "").startswith("text/html")
            and not getattr(response, "archive_page", False)
        ):
            from django.shortcuts import render

            response = render(request, "404.html", status=404)
            response.archive_page = True
        return response
