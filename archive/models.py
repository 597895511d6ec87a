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
        from archive.place_ancestry import ancestor_chain

        return ancestor_chain(self, lambda place: place.parent, key=lambda place: place.pk)


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
    excluded_fields=["minhash", "indexed"], m2m_fields=["speakers", "places", "forces"],
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
    # Set only after the search index has committed this version of the
    # article (archive.search.indexing.index_articles); every save clears it.
    # A process killed between the database commit and the index commit leaves
    # it False, and import_articles indexes such articles when it starts.
    indexed = models.BooleanField(default=False, db_index=True, editable=False)
    # Provenance (archive.uploads): the batch an archivist uploaded it in, and
    # the SHA-256 of the original file's bytes as received.
    upload_batch = models.ForeignKey(
        "UploadBatch", verbose_name=_("دفعة الرفع"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="articles",
    )
    original_sha256 = models.CharField(_("بصمة SHA-256 للملف الأصلي"), max_length=64, blank=True, editable=False)

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

    def save(self, *args, **kwargs):
        # A changed article is not in the index until indexing says so; a save
        # naming its fields (indexing's own marker among them) leaves it alone.
        if kwargs.get("update_fields") is None:
            self.indexed = False
        super().save(*args, **kwargs)

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


class UploadBatch(models.Model):
    """One upload confirmed in the admin: who sent which files, and when.

    ``files`` lists each file as received (a zip counts as one): its name, size
    and the SHA-256 of its bytes, so a copy found later can be matched to it.
    Each article saved from the batch points here and carries the SHA-256 of
    its own original (a zip member's bytes).
    """

    user = models.ForeignKey(
        "auth.User", verbose_name=_("رفعه"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="upload_batches",
    )
    created = models.DateTimeField(_("وقت الرفع"), auto_now_add=True)
    confirmed = models.DateTimeField(_("وقت التأكيد"), null=True, blank=True)
    files = models.JSONField(_("الملفات"), default=list, blank=True)

    class Meta:
        verbose_name = _("دفعة رفع")
        verbose_name_plural = _("دفعات الرفع")
        ordering = ["-created"]

    def __str__(self):
        return f"#{self.pk}"


class Job(models.Model):
    """Long work done by the background worker (archive.jobs), as the archivist sees it.

    The queue itself is django-tasks' (``django_tasks_db``); this row is the
    archive's account of one job: what it is, who asked, how far it got
    (``done`` of ``total``) and what it found, kept after it ends.
    """

    class Kind(models.TextChoices):
        STAGE_UPLOAD = "stage_upload", _("قراءة دفعة مرفوعة")
        CONFIRM_UPLOAD = "confirm_upload", _("حفظ دفعة مرفوعة")
        RETAG = "retag", _("إعادة الوسم")
        REGROUP = "regroup", _("إعادة تجميع الأخبار المتشابهة")
        REBUILD_INDEX = "rebuild_index", _("إعادة بناء فهرس البحث")

    class State(models.TextChoices):
        QUEUED = "queued", _("في الانتظار")
        RUNNING = "running", _("قيد التنفيذ")
        DONE = "done", _("اكتمل")
        FAILED = "failed", _("فشل")

    kind = models.CharField(_("العمل"), max_length=20, choices=Kind.choices)
    state = models.CharField(_("الحالة"), max_length=10, choices=State.choices, default=State.QUEUED)
    user = models.ForeignKey(
        "auth.User", verbose_name=_("طلبه"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="archive_jobs",
    )
    params = models.JSONField(default=dict, blank=True, editable=False)
    done = models.PositiveIntegerField(_("أُنجز"), default=0)
    total = models.PositiveIntegerField(_("من أصل"), default=0)
    result = models.JSONField(_("النتيجة"), default=dict, blank=True)
    error = models.TextField(_("الخطأ"), blank=True)
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    created = models.DateTimeField(_("طُلب"), auto_now_add=True)
    started = models.DateTimeField(_("بدأ"), null=True, blank=True)
    finished = models.DateTimeField(_("انتهى"), null=True, blank=True)

    class Meta:
        verbose_name = _("عمل في الخلفية")
        verbose_name_plural = _("الأعمال في الخلفية")
        ordering = ["-created"]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def ended(self):
        return self.state in (self.State.DONE, self.State.FAILED)

    def percent(self):
        return int(100 * self.done / self.total) if self.total else (100 if self.ended else 0)

class SpeakerProposal(models.Model):
    """A person an article quotes whom the gazetteer does not know
    (archive.speakers). Never a speaker until an archivist says so: accepting
    makes a Speaker with the spelling seen and its role; merging adds the
    spelling to an existing Speaker; either way the article is tagged with it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("بانتظار المراجعة")
        ACCEPTED = "accepted", _("قُبل متحدثًا جديدًا")
        MERGED = "merged", _("دُمج في متحدث معروف")
        REJECTED = "rejected", _("رُفض")

    article = models.ForeignKey(
        Article, verbose_name=_("المقال"), on_delete=models.CASCADE, related_name="speaker_proposals",
    )
    name = models.CharField(_("الاسم كما ورد"), max_length=200)
    role = models.CharField(_("الصفة كما وردت"), max_length=300, blank=True)
    status = models.CharField(_("الحالة"), max_length=10, choices=Status.choices,
                              default=Status.PENDING, db_index=True)
    speaker = models.ForeignKey(
        Speaker, verbose_name=_("المتحدث"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="proposals",
        help_text=_("اختر متحدثًا معروفًا لدمج هذا الاسم فيه."),
    )
    created = models.DateTimeField(_("أضيف"), auto_now_add=True)

    class Meta:
        verbose_name = _("متحدث مقترح")
        verbose_name_plural = _("متحدثون مقترحون")
        ordering = ["status", "name"]
        constraints = [
            models.UniqueConstraint(fields=["article", "name"], name="speaker_proposal_once_per_article"),
        ]

    def __str__(self):
        return self.name
