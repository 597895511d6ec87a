"""The interface language: Arabic unless the reader chose English.

Django's ``LocaleMiddleware`` would also follow the browser's Accept-Language,
so an English-speaking browser would get the English interface on its first
visit. The archive is Arabic first: the language is the one the reader picked
with the switch in the header (``set_language`` stores it in the language
cookie) and ``settings.LANGUAGE_CODE`` (Arabic) otherwise. The URL does not
carry a language, so a link someone shares opens in its reader's language.
"""
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


def chosen_language(request):
    """The supported language in the language cookie, or the default."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if code:
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


class ChosenLanguageMiddleware(LocaleMiddleware):
    """LocaleMiddleware, with the cookie and the default only (no Accept-Language)."""

    def process_request(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        language = translation.get_language()
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
