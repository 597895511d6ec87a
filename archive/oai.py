"""OAI-PMH 2.0 at ``/oai``: libraries and other archives harvest the articles' Dublin Core.

The protocol (the six verbs, the envelope, argument checks, error codes and
resumption tokens) is the ``oaipmh`` library's server (``BatchingServer``);
this module is the repository behind it (``ArchiveRepository``) and the view.

- Records: one per article, identifier ``oai:<repository id>:<article id>``
  (``settings.OAI_REPOSITORY_ID`` or the env variable of that name; by
  default the host the harvester asked),
  datestamp = the article's last change (``Article.updated``, UTC, to the
  second), so ``from``/``until`` select what changed since a harvest.
- ``oai_dc``: title; creator and publisher = the outlet; date at its
  precision; language ``ar``; identifier = the archive's permanent address
  and the original URL; subject = the places and forces named; description =
  the first paragraph; type ``Text``.
- Sets: one per outlet, ``source:<slug>``.
- Lists come ``OAI_BATCH`` records at a time with a resumption token; records
  are in id order, so articles added during a harvest come at its end.
  ``deletedRecord`` is ``no``: a deleted article leaves no record.

Before the library sees a request, ``oai`` refuses what it would not catch:
a repeated argument, the library's unofficial ``GetMetadata`` verb, text XML
cannot carry, and a resumption token that does not decode.
"""
from datetime import datetime, timedelta, timezone as dt_timezone
import os

from django.conf import settings
from django.db.models import Min
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from oaipmh import common, error
from oaipmh.metadata import MetadataRegistry
from oaipmh.server import NS_XSI, BatchingServer, decodeResumptionToken, oai_dc_writer

from archive.exports import _XML_UNSAFE, xml_text
from archive.models import Article, Outlet
from archive.precise_dates import iso_at_precision

OAI_BATCH = 100
METADATA_FORMATS = [(
    "oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "http://www.openarchives.org/OAI/2.0/oai_dc/",
)]
SET_PREFIX = "source:"
VERBS = ("Identify", "ListMetadataFormats", "ListSets", "ListIdentifiers", "ListRecords", "GetRecord")

_registry = MetadataRegistry()
_registry.registerWriter("oai_dc", oai_dc_writer)


def _utc_naive(value):
    """An aware datetime as the naive UTC datetime the library writes as a datestamp."""
    return value.astimezone(dt_timezone.utc).replace(tzinfo=None, microsecond=0)


def _aware(value):
    return value.replace(tzinfo=dt_timezone.utc)


class ArchiveRepository:
    """The archive as the library's IBatchingOAI repository, for one request."""

    def __init__(self, request):
        self.request = request
        self.repository_id = (getattr(settings, "OAI_REPOSITORY_ID", "") or os.environ.get("OAI_REPOSITORY_ID")
                              or request.get_host().split(":")[0])
        self.prefix = f"oai:{self.repository_id}:"
        marker = 999999999
        before, after = request.build_absolute_uri(reverse("archive:article", args=[marker])).split(str(marker), 1)
        self.permalink = lambda pk: f"{before}{pk}{after}"

    # ---- the verbs ----

    def identify(self):
        earliest = Article.objects.aggregate(first=Min("updated"))["first"]
        return common.Identify(
            repositoryName="أرشيف أخبار الحرب على داعش — Arabic news archive of the war against ISIS",
            baseURL=self.request.build_absolute_uri(reverse("oai")),
            protocolVersion="2.0",
            adminEmails=[getattr(settings, "OAI_ADMIN_EMAIL", "") or os.environ.get("OAI_ADMIN_EMAIL")
                         or "archive@example.org"],
            earliestDatestamp=_utc_naive(earliest) if earliest else datetime(2000, 1, 1),
            deletedRecord="no",
            granularity="YYYY-MM-DDThh:mm:ssZ",
            compression=["identity"],
            toolkit_description=False,  # its schema is not one a validating harvester has
        )

    def listMetadataFormats(self, identifier=None):
        if identifier is not None:
            self._article(identifier)  # idDoesNotExist for an unknown one
        return METADATA_FORMATS

    def listSets(self, cursor=0, batch_size=OAI_BATCH):
        outlets = Outlet.objects.order_by("slug")
        if not outlets.exists():
            raise error.NoSetHierarchyError("This repository has no outlets, so no sets.")
        return [
            (SET_PREFIX + o.slug, xml_text(f"{o.name} / {o.name_en}" if o.name_en else o.name), None)
            for o in outlets[cursor:cursor + batch_size]
        ]

    def getRecord(self, metadataPrefix, identifier):
        self._check_prefix(metadataPrefix)
        article = self._article(identifier, relations=True)
        return self._header(article), self._metadata(article), None

    def listIdentifiers(self, metadataPrefix=None, set=None, from_=None, until=None, cursor=0,
                        batch_size=OAI_BATCH, **unexpected):
        return [self._header(a) for a in self._articles(metadataPrefix, set, from_, until, cursor,
                                                         batch_size, unexpected, relations=False)]

    def listRecords(self, metadataPrefix=None, set=None, from_=None, until=None, cursor=0,
                    batch_size=OAI_BATCH, **unexpected):
        return [(self._header(a), self._metadata(a), None)
                for a in self._articles(metadataPrefix, set, from_, until, cursor, batch_size, unexpected)]

    # ---- helpers ----

    def _check_prefix(self, prefix):
        if prefix != "oai_dc":
            raise error.CannotDisseminateFormatError(f"Only oai_dc is offered, not {prefix!r}.")

    def _article(self, identifier, relations=False):
        pk = identifier[len(self.prefix):] if identifier.startswith(self.prefix) else ""
        queryset = Article.objects.select_related("outlet")
        if relations:
            queryset = queryset.prefetch_related("places", "forces")
        article = queryset.filter(pk=int(pk)).first() if pk.isascii() and pk.isdigit() and len(pk) < 12 else None
        if article is None:
            raise error.IdDoesNotExistError(f"No record {identifier!r} in this repository.")
        return article

    def _articles(self, prefix, set_spec, from_, until, cursor, batch_size, unexpected, relations=True):
        if prefix is None or unexpected:
            # Only a resumption token of our own carries the arguments this far.
            raise error.BadResumptionTokenError("The resumption token is not one this repository issued.")
        self._check_prefix(prefix)
        try:
            cursor, batch_size = int(cursor), int(batch_size)
        except (TypeError, ValueError):
            raise error.BadResumptionTokenError("The resumption token is not one this repository issued.")
        if cursor < 0 or not 0 < batch_size <= OAI_BATCH + 1:
            raise error.BadResumptionTokenError("The resumption token is not one this repository issued.")
        if from_ is not None and until is not None and from_ > until:
            raise error.BadArgumentError("'from' is later than 'until'.")
        queryset = Article.objects.select_related("outlet").order_by("pk")
        if relations:
            queryset = queryset.prefetch_related("places", "forces")
        if set_spec is not None:
            if not set_spec.startswith(SET_PREFIX):
                raise error.NoRecordsMatchError(f"No set {set_spec!r}: sets are source:<outlet slug>.")
            queryset = queryset.filter(outlet__slug=set_spec[len(SET_PREFIX):])
        if from_ is not None:
            queryset = queryset.filter(updated__gte=_aware(from_))
        if until is not None:
            # A datestamp is to the second: "until 10:00:00Z" takes in 10:00:00.9.
            queryset = queryset.filter(updated__lt=_aware(until) + timedelta(seconds=1))
        return list(queryset[cursor:cursor + batch_size])

    def _header(self, article):
        sets = [SET_PREFIX + article.outlet.slug] if article.outlet else []
        return common.Header(None, f"{self.prefix}{article.pk}", _utc_naive(article.updated), sets, False)

    def _metadata(self, article):
        outlet = [xml_text(article.outlet.name)] if article.outlet else []
        paragraphs = article.paragraphs()
        date = iso_at_precision(article.published, article.date_precision)
        fields = {
            "title": [xml_text(article.title)],
            "creator": outlet,
            "publisher": outlet,
            "date": [date] if date else [],
            "language": ["ar"],
            "type": ["Text"],
            "identifier": [self.permalink(article.pk)] + ([xml_text(article.url)] if article.url else []),
            "subject": [xml_text(e.name) for related in (article.places, article.forces) for e in related.all()],
            "description": [xml_text(paragraphs[0])] if paragraphs else [],
        }
        return common.Metadata(None, fields)


def _protocol_error(code, message, base_url):
    """An OAI-PMH error answer for what is refused before the library sees the request."""
    from oaipmh.server import XMLTreeServer
    from lxml import etree

    class _Refused(error.ErrorBase):
        def oainame(self):
            return code

    tree = XMLTreeServer(_IdentityOnly(base_url), _registry, {"xsi": NS_XSI}).handleException(_Refused(message))
    return etree.tostring(tree.getroot(), encoding="UTF-8", xml_declaration=True, pretty_print=True)


class _IdentityOnly:
    """What the envelope of an early error needs: the base URL (the request element's text)."""

    def __init__(self, base_url):
        self.base_url = base_url

    def identify(self):
        url = self.base_url

        class _Identify:
            def baseURL(self):
                return url

        return _Identify()


def _refusal(request):
    """(code, message) when the request must be refused before the library reads it, else None."""
    data = request.POST if request.method == "POST" else request.GET
    for key, values in data.lists():
        if len(values) > 1:
            return "badArgument", f"The argument {key[:40]!r} is repeated."
        if _XML_UNSAFE.search(key) or any(_XML_UNSAFE.search(v) for v in values):
            return "badArgument", "An argument holds characters XML cannot carry."
    verb = data.get("verb")
    if verb is not None and verb not in VERBS:
        return "badVerb", f"Illegal verb: {verb[:40]!r}."
    token = data.get("resumptionToken")
    if token is not None:
        try:
            kw, cursor = decodeResumptionToken(token)
        except Exception:  # noqa: BLE001 - the library raises several kinds for a bad token
            return "badResumptionToken", "The resumption token does not decode."
        if cursor < 0 or kw.get("metadataPrefix") is None and verb != "ListSets":
            return "badResumptionToken", "The resumption token is not one this repository issued."
    return None


@csrf_exempt
def oai(request):
    """The OAI-PMH endpoint: GET or POST (form-encoded), as the protocol allows."""
    if request.method not in ("GET", "POST", "HEAD"):
        response = HttpResponse(status=405)
        response["Allow"] = "GET, POST, HEAD"
        return response
    refused = _refusal(request)
    if refused:
        body = _protocol_error(*refused, request.build_absolute_uri(reverse("oai")))
    else:
        data = request.POST if request.method == "POST" else request.GET
        server = BatchingServer(ArchiveRepository(request), metadata_registry=_registry,
                                nsmap={"xsi": NS_XSI}, resumption_batch_size=OAI_BATCH)
        body = server.handleRequest({key: value for key, value in data.items()})
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
