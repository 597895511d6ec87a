"""What the archive stores: articles and the gazetteer they are tagged with.

The gazetteer is four kinds of named thing (outlets, speakers, places, forces).
Each has an Arabic name, an English name, a slug for URLs and filters, and the
other spellings it goes by (``aliases``) in any script: search expands a query
to them and tagging finds them in text, both through ``archive.arabic`` so a
spelling is folded the same way everywhere.
"""
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Entity(models.Model):
    name = models.CharField(_("Arabic name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    aliases = models.JSONField(
        _("other spellings"),
        default=list,
        blank=True,
        help_text=_("Every other spelling, in any script: one per line."),
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def all_names(self):
        """The name, the English name and every alias, without repeats, in that order."""
        seen, names = set(), []
        for value in [self.name, self.name_en, *(self.aliases or [])]:
            value = (value or "").strip()
            if value and value not in seen:
                seen.add(value)
                names.append(value)
        return names

    def as_api(self):
        return {"slug": self.slug, "name": self.name, "name_en": self.name_en}


class Outlet(Entity):
    domains = models.JSONField(
        _("web domains"), default=list, blank=True,
        help_text=_("Domains the outlet publishes on, e.g. rudaw.net: one per line."),
    )
    url = models.URLField(_("home page"), max_length=500, blank=True)

    class Meta(Entity.Meta):
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")

    filter_name = "source"


class Speaker(Entity):
    role = models.CharField(_("role"), max_length=300, blank=True)
    role_en = models.CharField(_("role in English"), max_length=300, blank=True)

    class Meta(Entity.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    filter_name = "speaker"


class Place(Entity):
    class Kind(models.TextChoices):
        COUNTRY = "country", _("country")
        REGION = "region", _("region")
        GOVERNORATE = "governorate", _("governorate")
        DISTRICT = "district", _("district")
        CITY = "city", _("city or town")
        SITE = "site", _("site")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CITY)
    parent = models.ForeignKey(
        "self", verbose_name=_("inside"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta(Entity.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")

    filter_name = "location"

    def ancestors(self):
        """Parents up to the country, nearest first. Guards against a cycle an admin made."""
        chain, seen, node = [], {self.pk}, self.parent
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain


class Force(Entity):
    class Meta(Entity.Meta):
        verbose_name = _("armed force")
        verbose_name_plural = _("armed forces")

    filter_name = "force"


class ArticleQuerySet(models.QuerySet):
    def with_relations(self):
        """Everything a page or an API answer shows, in a fixed number of queries."""
        return self.select_related("outlet", "dateline").prefetch_related(
            "speakers", "places", "forces"
        )


class Article(models.Model):
    class Precision(models.TextChoices):
        DAY = "day", _("day")
        MONTH = "month", _("month")
        YEAR = "year", _("year")

    title = models.CharField(_("title"), max_length=1000)
    body = models.TextField(_("body"))
    outlet = models.ForeignKey(
        Outlet, verbose_name=_("outlet"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="articles",
    )
    # The date is stored as its first day when only the month or year is known;
    # ``date_precision`` says how much of it to believe and to show.
    published = models.DateField(_("published"), null=True, blank=True, db_index=True)
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=Precision.choices, blank=True,
    )
    url = models.URLField(_("original URL"), max_length=2000, blank=True)
    external_id = models.CharField(
        _("external id"), max_length=255, null=True, blank=True, unique=True,
        help_text=_("The id the record had where it came from; importing it again updates this article."),
    )
    dateline = models.ForeignKey(
        Place, verbose_name=_("dateline place"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="datelined_articles",
    )
    speakers = models.ManyToManyField(Speaker, verbose_name=_("speakers quoted"), blank=True, related_name="articles")
    places = models.ManyToManyField(Place, verbose_name=_("places named"), blank=True, related_name="articles")
    forces = models.ManyToManyField(Force, verbose_name=_("forces named"), blank=True, related_name="articles")

    original_file = models.FileField(_("original file"), upload_to="%Y/%m/", blank=True, max_length=500)
    original_name = models.CharField(_("original file name"), max_length=500, blank=True)
    original_text = models.TextField(
        _("original as received"), blank=True,
        help_text=_("The record or text exactly as it arrived, when there is no file."),
    )
    # A hash of the folded text: the same article uploaded twice is refused.
    content_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    created = models.DateTimeField(_("added"), auto_now_add=True)
    updated = models.DateTimeField(_("changed"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(published__isnull=True, date_precision="")
                    | models.Q(published__isnull=False, date_precision__in=["day", "month", "year"])
                ),
                name="article_date_has_precision",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("archive:article", args=[self.pk])

    def paragraphs(self):
        return [p.strip() for p in self.body.splitlines() if p.strip()]

    def published_iso(self):
        return self.published.isoformat() if self.published else None
