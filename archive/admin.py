"""The archivists' admin: every model, searchable and filterable, in Arabic.

Aliases and domains are JSON lists in the database; here they are edited as a
textarea with one spelling per line, which is how archivists think of them.
"""
from django import forms
from django.contrib import admin
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from simple_history.admin import SimpleHistoryAdmin

from archive.models import Article, Force, Job, Outlet, Place, Speaker, SpeakerProposal, UploadBatch

admin.site.site_header = _("أرشيف الأخبار: الإدارة")
admin.site.site_title = _("أرشيف الأخبار")
admin.site.index_title = _("إدارة الأرشيف")


class LinesField(forms.CharField):
    """A JSON list edited as lines of text; blank lines and repeats dropped."""

    widget = forms.Textarea(attrs={"rows": 5, "dir": "auto"})

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            return list(value)
        lines = [line.strip() for line in (value or "").splitlines()]
        return list(dict.fromkeys(line for line in lines if line))


class EntityForm(forms.ModelForm):
    aliases = LinesField(label=_("تهجئات أخرى"), required=False,
                         help_text=_("كل تهجئة أخرى بأي خط: واحدة في كل سطر. ابدأ التهجئة بـ ~ إن كانت أيضًا كلمة عادية أو اسمًا آخر (مثل ~كينغز): عندها لا تُحتسب إلا في مقال يذكر الكيان بتهجئة أخرى."))


class EntityAdmin(admin.ModelAdmin):
    form = EntityForm
    list_display = ("name", "name_en", "slug")
    search_fields = ("name", "name_en", "slug", "aliases")
    prepopulated_fields = {}
    ordering = ("name",)


class OutletForm(EntityForm):
    domains = LinesField(label=_("نطاقات الموقع"), required=False)

    class Meta:
        model = Outlet
        fields = "__all__"


@admin.register(Outlet)
class OutletAdmin(EntityAdmin):
    form = OutletForm
    list_display = ("name", "name_en", "slug", "url")


@admin.register(Speaker)
class SpeakerAdmin(EntityAdmin):
    list_display = ("name", "name_en", "role", "slug")
    search_fields = EntityAdmin.search_fields + ("role", "role_en")


@admin.register(Place)
class PlaceAdmin(EntityAdmin):
    list_display = ("name", "name_en", "kind", "parent", "latitude", "longitude", "slug")
    list_filter = ("kind", ("parent", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)


@admin.register(Force)
class ForceAdmin(EntityAdmin):
    pass


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Reverting to an earlier version (django-simple-history's form): show
        # that version's speakers, places and forces, not today's.
        version = getattr(self.instance, "_history", None)
        if version is not None and not self.is_bound:
            from archive.history import historical_relations

            self.initial.update(historical_relations(version))


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    form = ArticleForm
    list_display = ("title", "outlet", "published", "date_precision", "withdrawn", "external_id", "updated")
    list_filter = ("withdrawn", "date_precision", ("outlet", admin.RelatedOnlyFieldListFilter), "published",
                   ("upload_batch", admin.RelatedOnlyFieldListFilter))
    search_fields = ("title", "external_id", "url")
    date_hierarchy = "published"
    list_select_related = ("outlet",)
    autocomplete_fields = ("outlet", "dateline", "speakers", "places", "forces")
    readonly_fields = ("original_name", "original_link", "original_sha256", "upload_batch", "content_hash",
                       "created", "updated")
    fieldsets = (
        (None, {"fields": ("title", "body", "outlet", ("published", "date_precision"), "dateline", "url", "external_id")}),
        (_("الوسوم"), {"fields": ("speakers", "places", "forces")}),
        (_("السحب"), {"classes": ("collapse",), "fields": ("withdrawn", "withdrawn_reason")}),
        (_("كما ورد"), {"classes": ("collapse",), "fields": ("original_name", "original_link", "original_sha256", "upload_batch", "original_text", "content_hash", "created", "updated")}),
    )
    actions = ("retag_selected",)

    @admin.display(description=_("الملف الأصلي"))
    def original_link(self, article):
        # The file field's own link points under MEDIA_URL, which is never
        # served: originals go through archive.views.original_file.
        if not article.original_file:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("archive:original", args=[article.pk]),
                           article.original_name or article.original_file.name)

    history_list_display = ("history_change_reason",)

    def save_model(self, request, obj, form, change):
        # One version per save, once the relations are saved too
        # (archive.history): both the change form (save_related) and
        # django-simple-history's revert call form.save_m2m() after this.
        from archive import history

        if change:
            history.keep_first_version(obj.pk)
        with history.without_version(obj):
            super().save_model(request, obj, form, change)
        reason = history.RESTORED if getattr(request, "_reverting", False) else history.ADMIN
        save_m2m = form.save_m2m

        def save_m2m_then_record():
            save_m2m()
            history.record(obj, reason, request.user, "~" if change else "+")

        form.save_m2m = save_m2m_then_record

    def history_form_view(self, request, *args, **kwargs):
        request._reverting = True
        with transaction.atomic():
            return super().history_form_view(request, *args, **kwargs)

    def get_urls(self):
        # The upload with review before save, and re-tagging all (archive.admin_upload).
        from archive import admin_jobs, admin_upload

        return admin_upload.urls(self) + admin_jobs.urls(self) + super().get_urls()

    @admin.action(description=_("إعادة وسم المقالات المختارة بالمعجم الحالي"), permissions=("change",))
    def retag_selected(self, request, queryset):
        from archive import admin_upload

        return admin_upload.retag_response(self, request, queryset)


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record written by the archive itself: looked at, never edited here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(UploadBatch)
class UploadBatchAdmin(ReadOnlyAdmin):
    """Who uploaded which files, when, with each file's SHA-256 (archive.uploads)."""

    list_display = ("__str__", "user", "created", "file_count", "article_count")
    list_filter = (("user", admin.RelatedOnlyFieldListFilter), "created")
    list_select_related = ("user",)
    readonly_fields = ("user", "created", "confirmed", "file_table", "article_links")
    fields = readonly_fields

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(n_articles=Count("articles"))

    @admin.display(description=_("عدد الملفات"))
    def file_count(self, batch):
        return len(batch.files or [])

    @admin.display(description=_("عدد المقالات"), ordering="n_articles")
    def article_count(self, batch):
        return batch.n_articles

    @admin.display(description=_("الملفات"))
    def file_table(self, batch):
        from django.utils.html import format_html, format_html_join

        rows = format_html_join("", "<tr><td><bdi>{}</bdi></td><td>{}</td><td><code>{}</code></td></tr>",
                                ((f.get("name", ""), f.get("size", ""), f.get("sha256", "")) for f in batch.files or []))
        return format_html("<table><thead><tr><th>{}</th><th>{}</th><th>SHA-256</th></tr></thead><tbody>{}</tbody></table>",
                           _("الملف"), _("الحجم بالبايت"), rows)

    @admin.display(description=_("المقالات"))
    def article_links(self, batch):
        from django.urls import reverse
        from django.utils.html import format_html

        url = reverse("admin:archive_article_changelist") + f"?upload_batch__id__exact={batch.pk}"
        return format_html('<a href="{}">{}</a>', url, _("المقالات المحفوظة من هذه الدفعة"))


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    """Every background job (archive.jobs); the archivist's own page is admin:archive_job."""

    list_display = ("__str__", "state", "done", "total", "user", "created", "finished")
    list_filter = ("kind", "state")
    list_select_related = ("user",)
    readonly_fields = ("kind", "state", "user", "done", "total", "created", "started", "finished", "error", "result")
    fields = readonly_fields

@admin.register(SpeakerProposal)
class SpeakerProposalAdmin(admin.ModelAdmin):
    """People articles quote whom the gazetteer does not know: the archivist
    accepts them (a new speaker), merges them into a known speaker (choose it
    in the form and save) or rejects them. See archive/proposals.py."""

    list_display = ("name", "role", "status", "speaker", "article")
    list_filter = ("status",)
    search_fields = ("name", "role")
    list_select_related = ("article", "speaker")
    autocomplete_fields = ("speaker",)
    readonly_fields = ("article", "name", "role", "status", "created")
    fields = ("name", "role", "article", "status", "speaker", "created")
    actions = ("accept_selected", "reject_selected")

    def has_add_permission(self, request):
        return False    # proposals come from tagging, not from a form

    def save_model(self, request, obj, form, change):
        from archive import proposals

        if obj.speaker_id and obj.status == SpeakerProposal.Status.PENDING:
            proposals.merge(obj, obj.speaker)
        else:
            super().save_model(request, obj, form, change)

    @admin.action(description=_("قبول المقترحين متحدثين جددًا"), permissions=["change"])
    def accept_selected(self, request, queryset):
        from archive import proposals

        done = 0
        for proposal in queryset.filter(status=SpeakerProposal.Status.PENDING):
            proposal.refresh_from_db()
            if proposal.status == SpeakerProposal.Status.PENDING:
                proposals.accept(proposal)
                done += 1
        self.message_user(request, _("قُبل %(n)d من المتحدثين المقترحين.") % {"n": done})

    @admin.action(description=_("رفض المقترحين"), permissions=["change"])
    def reject_selected(self, request, queryset):
        from archive import proposals

        for proposal in queryset.filter(status=SpeakerProposal.Status.PENDING):
            proposals.reject(proposal)
        self.message_user(request, _("رُفض المقترحون المختارون."))
