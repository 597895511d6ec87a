"""The upload preview's rows and the archivist's corrections to them.

What the admin's upload pages (``archive.admin_upload``) show of each draft
(its fields, where each value came from, the entities found with their names)
and how what the archivist typed is checked and applied: a title, an outlet,
a date with its precision (in words beside it), the entities kept, and the
values set once for a whole batch. A correction that cannot be applied keeps
what was typed and says what is allowed.
"""
from datetime import date
import re

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext as _

from archive.ingest import pipeline
from archive.ingest.dates import in_words
from archive.ingest.draft import Draft
from archive.ingest.outlets import NEW_OUTLET_WARNING
from archive.ingest.text import NO_DATE_WARNING
from archive.uploads import is_duplicate as _is_duplicate

BODY_PREVIEW = 400
PRECISIONS = ("day", "month", "year")
RELATIONS = (("speakers", "speaker_ids"), ("places", "place_ids"), ("forces", "force_ids"))


def apply_corrections(draft: Draft, i: int, post, may_add_outlets=True) -> list[str]:
    """The archivist's corrections of draft ``i``; returns what could not be applied."""
    problems = []
    prefix = f"d{i}-"
    title = re.sub(r"\s+", " ", post.get(prefix + "title", draft.title)).strip()
    if not title:
        problems.append(_("العنوان لا يكون فارغًا."))
    elif len(title) > pipeline.TITLE_MAX:
        problems.append(_("العنوان أطول مما يتسع له الأرشيف."))
    else:
        draft.title = title

    outlet = post.get(prefix + "outlet", None)
    if outlet is not None:
        from archive.models import Outlet

        if outlet == "new" and draft.outlet_name and may_add_outlets:
            draft.outlet_id, draft.outlet_is_new = None, True
        elif outlet == "new" and draft.outlet_name:
            problems.append(_("لا تملك صلاحية إضافة مصادر جديدة: اختر مصدرًا موجودًا أو اتركه فارغًا."))
        elif outlet == "":
            draft.outlet_id, draft.outlet_is_new = None, False
            draft.drop_warnings(NEW_OUTLET_WARNING)
        elif outlet.isdigit() and Outlet.objects.filter(pk=int(outlet)).exists():
            known = Outlet.objects.get(pk=int(outlet))
            draft.outlet_id, draft.outlet_name, draft.outlet_is_new = known.pk, known.name, False
            draft.drop_warnings(NEW_OUTLET_WARNING)
        else:
            problems.append(_("وسيلة الإعلام المختارة غير موجودة."))

    raw_date = post.get(prefix + "published", None)
    precision = post.get(prefix + "precision", draft.date_precision or "")
    draft.provenance.pop(TYPED_DATE, None)
    if raw_date is not None:
        problem = set_typed_date(draft, raw_date, precision)
        if problem:
            problems.append(problem)
            # Shown again as typed, with what is allowed: never silently replaced.
            draft.provenance[TYPED_DATE] = raw_date.strip()[:40]

    for relation, attribute in RELATIONS:
        if prefix + "tags" in post:  # the form was shown: unchecked boxes remove
            chosen = {int(v) for v in post.getlist(prefix + relation) if v.isdigit()}
            setattr(draft, attribute, [pk for pk in getattr(draft, attribute) if pk in chosen])
    if prefix + "tags" in post:
        # A ticked proposed speaker becomes a speaker when the draft is saved.
        accepted = set(post.getlist(prefix + "accept_speaker"))
        for n, proposal in enumerate(draft.speaker_proposals):
            proposal["accept"] = str(n) in accepted
    if draft.dateline_id and draft.dateline_id not in draft.place_ids:
        draft.dateline_id = None
    draft.content_hash = pipeline.content_hash(draft.title, draft.body)
    return problems


# The date an archivist typed that could not be taken, kept to show it again.
TYPED_DATE = "typed_date"


def set_typed_date(draft, raw, precision):
    """Give ``draft`` the date typed; returns what is wrong with it, or None."""
    from archive.ingest import dates

    raw = (raw or "").strip()
    if not raw:
        draft.published, draft.date_precision = None, ""
        draft.provenance.pop("date", None)
        return None
    found = dates.parse_typed(raw)
    if found is None:
        return _("التاريخ «%(typed)s» غير مفهوم: اكتبه سنة-شهر-يوم (2018-02-28)، أو سنة-شهر (2018-02) لشهر، أو سنة (2018) لسنة.") % {"typed": raw[:40]}
    when, implied = found
    if precision not in PRECISIONS:
        precision = implied
    elif implied != "day" and precision == "day":
        precision = implied  # "2018" with "day" chosen: the year is all that was given
    if precision == "month":
        when = when.replace(day=1)
    elif precision == "year":
        when = when.replace(month=1, day=1)
    if when > date.today() or when.year < 1900:
        return _("التاريخ «%(typed)s» خارج المدى المعقول: بين 1900 واليوم.") % {"typed": raw[:40]}
    if (when, precision) != (draft.published, draft.date_precision):
        draft.provenance["date"] = _("صحّحه المؤرشف")
    draft.published, draft.date_precision = when, precision
    draft.drop_warnings(NO_DATE_WARNING)
    return None


def apply_batch(drafts, post):
    """"batch-outlet", "batch-published", "batch-precision": one outlet and one
    date for every file of the upload. Returns the values and any error."""
    from archive.models import Outlet

    result = {"outlet": (post.get("batch-outlet") or "").strip(),
              "published": (post.get("batch-published") or "").strip(),
              "precision": (post.get("batch-precision") or "").strip(), "errors": []}
    outlet = result["outlet"]
    if outlet:
        known = Outlet.objects.filter(pk=int(outlet)).first() if outlet.isdigit() else None
        if known is None:
            result["errors"].append(_("وسيلة الإعلام المختارة للدفعة غير موجودة."))
        else:
            for draft in drafts:
                draft.outlet_id, draft.outlet_name, draft.outlet_is_new = known.pk, known.name, False
                draft.drop_warnings(NEW_OUTLET_WARNING)
                draft.provenance["outlet"] = _("اختاره المؤرشف للدفعة كلها")
    if result["published"]:
        for draft in drafts:
            problem = set_typed_date(draft, result["published"], result["precision"])
            if problem:
                result["errors"].append(problem)
                break
            draft.provenance["date"] = _("اختاره المؤرشف للدفعة كلها")
    return result


def batch_form(drafts, batch):
    from archive.models import Outlet

    return {"show": len(drafts) > 1, "outlets": list(Outlet.objects.order_by("name").values_list("pk", "name")),
            "outlet": batch.get("outlet", ""), "published": batch.get("published", ""),
            "precision": batch.get("precision", ""), "errors": batch.get("errors", []),
            "precisions": [("day", _("يوم")), ("month", _("شهر")), ("year", _("سنة"))]}


def preview_rows(drafts, errors=None, included=None, start=0):
    from archive.models import Article, Force, Outlet, Place, Speaker

    errors = errors or {}
    outlets = list(Outlet.objects.order_by("name").values_list("pk", "name"))
    wanted = {model: set() for model in (Speaker, Place, Force)}
    for draft in drafts:
        wanted[Speaker].update(draft.speaker_ids)
        wanted[Place].update(draft.place_ids)
        wanted[Force].update(draft.force_ids)
    names = {model: model.objects.in_bulk(pks) for model, pks in wanted.items()}
    others = set()
    for draft in drafts:
        others.update(pk for pk in (draft.duplicate_of, draft.update_of) if pk)
    known_articles = Article.objects.in_bulk(others)
    rows = []
    for i, draft in enumerate(drafts, start):
        duplicate = _is_duplicate(draft)
        entities = []
        for (relation, attribute), model, label in zip(
            RELATIONS, (Speaker, Place, Force), (_("المتحدثون"), _("الأماكن"), _("القوات")),
        ):
            # What was found: checked when the draft keeps it.
            found = [names[model][pk] for pk in getattr(draft, attribute) if pk in names[model]]
            entities.append({"relation": relation, "label": label, "items": found,
                             "proposals": draft.speaker_proposals if relation == "speakers" else []})
        warnings = [w for w in draft.warnings
                    if not w.startswith((pipeline.DUPLICATE_WARNING, pipeline.UPDATE_WARNING))]
        body = re.sub(r"\n\s*\n+", "\n", draft.body[:BODY_PREVIEW])
        rows.append({
            "i": i,
            "prefix": f"d{i}-",
            "draft": draft,
            "include": (not duplicate) and (included is None or i in included),
            "duplicate": duplicate,
            "duplicate_article": known_articles.get(draft.duplicate_of) if duplicate else None,
            "duplicate_of": draft.duplicate_of if duplicate else None,
            "update_of": draft.update_of,
            "update_article": known_articles.get(draft.update_of),
            "outlets": outlets,
            "new_outlet": draft.outlet_name if draft.outlet_is_new else "",
            "outlet_value": "new" if draft.outlet_is_new else (str(draft.outlet_id) if draft.outlet_id else ""),
            "published": draft.provenance.get(TYPED_DATE) or (draft.published.isoformat() if draft.published else ""),
            "date_words": _date_in_words(draft.published, draft.date_precision or "day"),
            "provenance": {k: v for k, v in draft.provenance.items() if k != TYPED_DATE},
            "no_date": draft.published is None,
            "precision": draft.date_precision or "",
            "precisions": [("day", _("يوم")), ("month", _("شهر")), ("year", _("سنة"))],
            "entities": entities,
            "body_start": body,
            "body_more": len(draft.body) > BODY_PREVIEW,
            "warnings": warnings,
            "errors": errors.get(i, []),
        })
    return rows


def _date_in_words(value, precision):
    """The date beside its field, in the archivist's language: both Arabic month systems in Arabic
    ("الأربعاء 28 شباط/فبراير 2018"), the English calendar's words in English ("Wednesday 28
    February 2018"), at the date's precision."""
    if value is None:
        return ""
    if (get_language() or "ar").startswith("ar"):
        return in_words(value, precision)
    return date_format(value, {"year": "Y", "month": "F Y"}.get(precision, "l j F Y"))


# ---------------------------------------------------------------------------
# re-tagging
# ---------------------------------------------------------------------------

def describe_changes(changes):
    """Each changed article with the names added and removed, per relation."""
    from archive.models import Article, Force, Place, Speaker

    models = {"speakers": Speaker, "places": Place, "forces": Force}
    labels = {"speakers": _("المتحدثون"), "places": _("الأماكن"), "forces": _("القوات")}
    changed = [c for c in changes if c.changed]
    wanted = {relation: set() for relation in models}
    for change in changed:
        for relation in models:
            wanted[relation].update(change.added.get(relation, []))
            wanted[relation].update(change.removed.get(relation, []))
    names = {relation: models[relation].objects.in_bulk(pks) for relation, pks in wanted.items()}
    articles = Article.objects.in_bulk([c.article_id for c in changed])
    rows = []
    for change in changed:
        parts = []
        for relation in models:
            added = [names[relation][pk] for pk in change.added.get(relation, []) if pk in names[relation]]
            removed = [names[relation][pk] for pk in change.removed.get(relation, []) if pk in names[relation]]
            if added or removed:
                parts.append({"label": labels[relation], "added": added, "removed": removed})
        rows.append({"article": articles.get(change.article_id), "article_id": change.article_id, "parts": parts})
    return rows
