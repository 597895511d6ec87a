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
from simple_history.models import HistoricalRecords


class Entity(models.Model):
    name = models.CharField(_("الاسم بالعربية"), max_length=200)
    name_en = models.CharField(_("الاسم بالإنجليزية"), max_length=200, blank=True)
    slug = models.SlugField(_("المعرّف في الروابط"), max_length=120, unique=True, allow_unicode=False)
    aliases = models.JSONField(
        _("تهجئات أخرى"),
        default=list,
        blank=True,
        help_text=_("كل تهجئة أخرى بأي خط: واحدة في كل سطر. ابدأ التهجئة بـ ~ إن كانت أيضًا كلمة عادية أو اسمًا آخر (مثل ~كينغز): عندها لا تُحتسب إلا في مقال يذكر الكيان بتهجئة أخرى."),
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def all_names(self, raw=False):
        """The name, the English name and every alias, without repeats, in that order.

        An alias marked weak in the gazetteer ("~كينغز") is returned without its
        mark unless ``raw``; the alias index reads the marks (archive.gazetteer).
        """
        seen, names = set(), []
        for value in [self.name, self.name_en, *(self.aliases or [])]:
            value = (value or "").strip()
            if not raw:
                value = value.lstrip("~").strip()
            if value and value not in seen:
                seen.add(value)
                names.append(value)
        return names

    def as_api(self):
        return {"slug": self.slug, "name": self.name, "name_en": self.name_en}


class Outlet(Entity):
    domains = models.JSONField(
        _("نطاقات الموقع"), default=list, blank=True,
        help_text=_("النطاقات التي تنشر عليها الوسيلة، مثل rudaw.net: واحد في كل سطر."),
    )
    url = models.URLField(_("الصفحة الرئيسية"), max_length=500, blank=True)

    class Meta(Entity.Meta):
        verbose_name = _("المصدر")
        verbose_name_plural = _("المصادر")

    filter_name = "source"


class Speaker(Entity):
    role = models.CharField(_("الصفة"), max_length=300, blank=True)
    role_en = models.CharField(_("الصفة بالإنجليزية"), max_length=300, blank=True)

    class Meta(Entity.Meta):
        verbose_name = _("المتحدث")
        verbose_name_plural = _("المتحدثون")

    filter_name = "speaker"


class Place(Entity):
    class Kind(models.TextChoices):
        COUNTRY = "country", _("دولة")
        REGION = "region", _("إقليم")
        GOVERNORATE = "governorate", _("محافظة")
        DISTRICT = "district", _("قضاء")
        CITY = "city", _("مدينة أو بلدة")
        SITE = "site", _("موقع")

    kind = models.CharField(_("النوع"), max_length=20, choices=Kind.choices, default=Kind.CITY)
    parent = models.ForeignKey(
        "self", verbose_name=_("يقع ضمن"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    latitude = models.FloatField(_("خط العرض"), null=True, blank=True)
    longitude = models.FloatField(_("خط الطول"), null=True, blank=True)

    class Meta(Entity.Meta):
        verbose_name = _("المكان")
        verbose_name_plural = _("الأماكن")

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
        verbose_name = _("القوة")
        verbose_name_plural = _("القوات")

    filter_name = "force"


class ArticleHistory(HistoricalRecords):
    """django-simple-history, one version per change.

    Its own handler records a version at every change of speakers, places or
    forces, so one admin save or re-import would leave up to seven versions,
    and loading a fixture or a backup would invent some. The archive records a
    version itself once an article and its relations are saved
    (``archive.history.record``); ``post_save`` still records the rest.
    """

    def m2m_changed(self, *args, **kwargs):
        return

    def create_historical_record_m2ms(self, history_instance, instance):
        # The library's version loads every related object and the article
        # again for each relation (a third of an import's time); the ids are
        # all a version needs.
        for field in history_instance._history_m2m_fields:
            copy = self.m2m_models[field]
            column = field.m2m_reverse_field_name()
            rows = field.remote_field.through.objects.filter(article_id=instance.pk).values_list("id", f"{column}_id")
            copies = [copy(id=row_id, history=history_instance, article_id=instance.pk, **{f"{column}_id": other})
                      for row_id, other in rows]
            if copies:
                copy.objects.bulk_create(copies)


ARTICLE_HISTORY = ArticleHistory(
    excluded_fields=["minhash"], m2m_fields=["speakers", "places", "forces"],
    verbose_name=_("نسخة سابقة من مقال"), verbose_name_plural=_("النسخ السابقة من المقالات"),
)


class ArticleQuerySet(models.QuerySet):
    def with_relations(self):
        """Everything a page or an API answer shows, in a fixed number of queries."""
        return self.select_related("outlet", "dateline").prefetch_related(
            "speakers", "places", "forces"
        )

    def listed(self):
        """What the public sees in search, lists, exports and feeds: not withdrawn."""
        return self.filter(withdrawn=False)


class Article(models.Model):
    class Precision(models.TextChoices):
        DAY = "day", _("يوم")
        MONTH = "month", _("شهر")
        YEAR = "year", _("سنة")

    title = models.CharField(_("العنوان"), max_length=1000)
    body = models.TextField(_("النص"))
    outlet = models.ForeignKey(
        Outlet, verbose_name=_("المصدر"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="articles",
    )
    # The date is stored as its first day when only the month or year is known;
    # ``date_precision`` says how much of it to believe and to show.
    published = models.DateField(_("تاريخ النشر"), null=True, blank=True, db_index=True)
    date_precision = models.CharField(
        _("دقة التاريخ"), max_length=5, choices=Precision.choices, blank=True,
    )
    url = models.URLField(_("الرابط الأصلي"), max_length=2000, blank=True)
    external_id = models.CharField(
        _("المعرّف الخارجي"), max_length=255, null=True, blank=True, unique=True,
        help_text=_("معرّف السجل في مصدره؛ استيراده مرة أخرى يحدّث هذا المقال."),
    )
    dateline = models.ForeignKey(
        Place, verbose_name=_("مكان الخبر"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="datelined_articles",
    )
    speakers = models.ManyToManyField(Speaker, verbose_name=_("المتحدثون المقتبسون"), blank=True, related_name="articles")
    places = models.ManyToManyField(Place, verbose_name=_("الأماكن المذكورة"), blank=True, related_name="articles")
    forces = models.ManyToManyField(Force, verbose_name=_("القوات المذكورة"), blank=True, related_name="articles")

    original_file = models.FileField(_("الملف الأصلي"), upload_to="%Y/%m/", blank=True, max_length=500)
    original_name = models.CharField(_("اسم الملف الأصلي"), max_length=500, blank=True)
    original_text = models.TextField(
        _("الأصل كما ورد"), blank=True,
        help_text=_("السجل أو النص كما ورد تمامًا، حين لا يوجد ملف."),
    )
    # A hash of the folded text: the same article uploaded twice is refused.
    content_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    # Near duplicates (archive.near_duplicates): the MinHash signature of the
    # folded body, and the group of articles reporting the same statement
    # (the smallest pk in it; null when the article stands alone).
    minhash = models.JSONField(null=True, blank=True, editable=False)
    story = models.PositiveIntegerField(null=True, blank=True, db_index=True, editable=False)

    created = models.DateTimeField(_("أضيف"), auto_now_add=True)
    updated = models.DateTimeField(_("عُدّل"), auto_now=True)

    # A withdrawn article leaves search, lists, exports and feeds; its page
    # answers 410 with its citation and the reason, so cited links still explain.
    withdrawn = models.BooleanField(_("مسحوب"), default=False, db_index=True)
    withdrawn_reason = models.TextField(
        _("سبب السحب"), blank=True, help_text=_("يظهر للقراء في صفحة المقال المسحوب."),
    )

    objects = ArticleQuerySet.as_manager()
    # Every version of an article, with who and when (archive.history): the
    # MinHash and band keys are derived from the body and not kept.
    history = ARTICLE_HISTORY

    class Meta:
        verbose_name = _("المقال")
        verbose_name_plural = _("المقالات")
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

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.withdrawn and not self.withdrawn_reason.strip():
            raise ValidationError({"withdrawn_reason": _("اذكر سبب سحب المقال: يراه من يتبع رابطًا إليه.")})

    def get_absolute_url(self):
        return reverse("archive:article", args=[self.pk])

    def paragraphs(self):
        return [p.strip() for p in self.body.splitlines() if p.strip()]

    def published_iso(self):
        return self.published.isoformat() if self.published else None


class MinHashBand(models.Model):
    """One LSH band key of an article's MinHash: articles sharing a key are
    compared as possible near duplicates (archive.near_duplicates)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="minhash_bands")
    key = models.CharField(max_length=40, db_index=True)

    class Meta:
        verbose_name = _("مفتاح تشابه")
        verbose_name_plural = _("مفاتيح التشابه")
