"""An id read from a file's name names the file, not the article.

A file's id is its name ("index.html" → "index"): re-importing a corrected
save of the same page updates the article instead of adding a second. But
archivists save many pages under the same name ("index.html", "article.html",
"صفحة.htm" from two sites, two folders), and a site's comments or error page
can share a name with its article. Taking the name alone as "the same
article" would overwrite one article with another. So a name-only id updates
the stored article only when the new text is recognisably that article (the
same headline, or a good share of the same runs of words — the shingles
near-duplicate grouping reads: an edited or extended version); otherwise the file is a new article and its id gets a
short digest of its text, stable, so importing that file again finds it.

A record's own id (JSON lines) is the source's word and is not second-guessed.
"""
CLASH_WARNING = "يحمل الملف اسم ملف مقال محفوظ"
# Share of the shorter text's shingles (runs of folded words,
# ``near_duplicates.shingles``) that the longer one holds: an
# update (a corrected figure, an added paragraph) keeps most of them; two
# articles on the same story from one outlet share a few percent.
SAME_TEXT_SHARE = 0.3


def settle(draft, catalog, existing):
    """``existing`` (``(pk, content_hash)`` of the article with the draft's id)
    when the draft may update it; else the draft's id is made its own and what
    holds that id is returned (None, or the same file imported before)."""
    if not existing or not draft.id_from_name or existing[1] == draft.content_hash:
        return existing
    from archive.models import Article

    stored = Article.objects.filter(pk=existing[0]).values_list("title", "body").first()
    if stored is None or same_article(stored[0], stored[1], draft.title, draft.body):
        return existing
    name_id = draft.external_id
    draft.external_id = own_id(name_id, draft.content_hash)
    # The ids are Latin or mixed runs inside an Arabic sentence: each is
    # isolated (FSI … PDI) so the sentence around it keeps its order.
    draft.warn(f"{CLASH_WARNING} (\u2068{name_id}\u2069) لكن نصه مقال آخر غير المقال #{existing[0]}، "
               f"فيُحفظ مقالاً جديداً بالمعرّف \u2068{draft.external_id}\u2069 ولا يُستبدل به المقال المحفوظ.")
    return catalog.article_with_external_id(draft.external_id)


def own_id(name_id, content_hash):
    from .reading import EXTERNAL_ID_MAX

    suffix = f"~{content_hash[:10]}"
    return name_id[: EXTERNAL_ID_MAX - len(suffix)] + suffix


def same_article(title_a, body_a, title_b, body_b):
    from archive.near_duplicates import shingles

    headline = shingles(title_a)
    if headline and headline == shingles(title_b):
        return True
    runs_a, runs_b = shingles(body_a), shingles(body_b)
    if not runs_a or not runs_b:
        return False
    return len(runs_a & runs_b) / min(len(runs_a), len(runs_b)) >= SAME_TEXT_SHARE
