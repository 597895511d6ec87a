"""Text → entities: which outlets, speakers, places and forces an article names.

Tagging is nothing but the gazetteer matcher (:mod:`archive.gazetteer`) run
over the title and body, so it finds a name exactly when search would expand a
query to it, with the same folding. It never guesses beyond the gazetteer:
a name that is not in it is not tagged, and a name two entities share is not
tagged at all (see the matcher's rules). Improving tags means improving the
gazetteer, then re-tagging with :func:`retag_articles`.

Nine things go beyond plain matching, all in their own modules:
place names that are also ordinary words (بعقوبة = ب + عقوبة) count only with
supporting context (:mod:`archive.place_context`); a spelling two places
share (طرابلس) is the one in the article's country
(:mod:`archive.place_ambiguity`); a force named without
saying whose ("قوات الجيش", "طيران التحالف") is the force of the country the
article's places and named forces point to (:mod:`archive.force_context`); two forces under one
head noun ("ميليشيات الحوثي وصالح") are both named
(:mod:`archive.force_ellipsis`), and a force named by its leader with his
titles between ("قوات الرئيس السابق علي عبدالله صالح") is found
(:mod:`archive.force_leaders`); a numbered unit ("الفرقة 30") is the unit
of the state the force named after it or the article gives
(:mod:`archive.force_units`); a force's spelling that is an ordinary word
too ("القاعدة") counts where the word before it or a force beside it says
an armed group is meant (:mod:`archive.force_weak`), and a place named inside
a longer name is a place too where it is the state leading a coalition
("التحالف بقيادة السعودية") or the country of a region ("شمال سوريا")
(:mod:`archive.inner_places`); the people an article
quotes who are not in the gazetteer are returned as ``proposals``
(:mod:`archive.speakers`), never as speakers; and a known speaker counts
only where the text has them speaking (:func:`archive.speakers.speaking`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from archive.force_context import contextual_forces, police_at_war
from archive.force_ellipsis import shared_head_forces
from archive.force_leaders import leader_forces
from archive.force_units import with_unit_forces
from archive.force_weak import with_backed_weak_forces
from archive.gazetteer import AliasIndex, Match, get_alias_index
from archive.inner_places import region_parents, with_inner_places
from archive.models import Article
from archive.place_ambiguity import places_by_country
from archive.place_context import supported_places
from archive.speakers import Quoted, proposals_for, quoted_people, speaking

#: Between title and body in the text that is matched: a paragraph break, so
#: no name is ever read across the two.
SEPARATOR = "\n\n"

# Gazetteer kind -> Tags attribute -> Article relation.
_KIND_FIELD = {"speaker": "speakers", "place": "places", "force": "forces", "outlet": "outlets"}
#: The relations re-tagging replaces. The outlet is a single foreign key the
#: importer sets from where the article came from; a mention of another outlet
#: in the text ("قال لرووداو") does not change who published it.
RELATIONS = ("speakers", "places", "forces")
_CHUNK = 200


@dataclass
class Tags:
    """Entities named in an article, each list in order of first mention,
    without repeats. ``matches`` are all the mentions (a known speaker's
    too where the text does not have them speaking, so not in ``speakers``);
    their offsets index ``text``, which is ``title + SEPARATOR + body``."""

    speakers: list[int] = field(default_factory=list)
    places: list[int] = field(default_factory=list)
    forces: list[int] = field(default_factory=list)
    outlets: list[int] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    text: str = ""
    #: People quoted by name whom the gazetteer does not know: to be
    #: proposed to an archivist, never tagged as speakers on their own.
    proposals: list[Quoted] = field(default_factory=list)


def tag(title: str, body: str, index: AliasIndex | None = None) -> Tags:
    """Find the gazetteer's entities in an article's title and body."""
    if index is None:
        index = get_alias_index()
    text = f"{title or ''}{SEPARATOR}{body or ''}"
    tags = Tags(text=text)
    seen = set()
    words = index.words(text)
    matches = with_backed_weak_forces(text, words, index.find(text, words, keep_weak=True), index)
    parent_of = region_parents() if index.knows_slugs else None
    matches = supported_places(text, with_inner_places(text, words, matches, index, parent_of))
    matches = _with_places_by_country(text, words, matches, index)
    shared = shared_head_forces(text, matches, index) + leader_forces(text, words, matches, index)
    if shared:
        matches = sorted(matches + shared, key=lambda m: m.start)
    matches = _with_contextual_forces(text, words, matches, index)
    if index.knows_slugs:
        matches = police_at_war(matches, lambda pk: (index.filter_for("force", pk) or (None, None))[1])
    quoted = quoted_people(text, words, matches)
    tags.proposals = proposals_for(text, matches, words, quoted)
    # A known speaker is the article's speaker only where the text has them
    # speaking; a mere mention ("أمر العبادي بتشكيل لجنة") is not a quotation.
    speakers = speaking(text, matches, words, quoted)
    for match in matches:
        tags.matches.append(match)
        key = (match.kind, match.pk)
        if match.kind == "speaker" and match.pk not in speakers:
            continue          # a mention, kept in matches, not a speaker
        if key not in seen:
            seen.add(key)
            getattr(tags, _KIND_FIELD[match.kind]).append(match.pk)
    return tags


def _with_places_by_country(text, words, matches, index):
    """``matches`` and the places whose spelling two places share, read as
    the one in the article's country (:mod:`archive.place_ambiguity`)."""
    if not index.knows_slugs or not any(m.kind == "place" for m in matches):
        return matches
    from archive.entities import current_places

    extra = places_by_country(text, words, matches, index, current_places())
    if not extra:
        return matches
    return supported_places(text, sorted(matches + extra, key=lambda m: m.start))


def _with_contextual_forces(text, words, matches, index):
    """``matches`` and the forces the text names only through its country
    (:mod:`archive.force_context`), in order of position: the places and
    the named forces say which country, or a country's adjective after the
    phrase; and the numbered units ("الفرقة 30") of the country the force
    named after them or the article gives (:mod:`archive.force_units`).
    Needs the place tree, so only for an index read from the database."""
    if not index.knows_slugs:
        return matches
    from archive.entities import current_places

    extra = contextual_forces(text, words, matches, current_places(),
                              lambda slug: index.pk_for("force", slug),
                              lambda pk: (index.filter_for("force", pk) or (None, None))[1])
    matches = sorted(matches + extra, key=lambda m: m.start) if extra else matches
    return with_unit_forces(text, matches, current_places, index)


@dataclass
class Change:
    """What re-tagging did to one article: per relation ("speakers",
    "places", "forces"), the pks added and removed."""

    article_id: int
    added: dict[str, list[int]] = field(default_factory=dict)
    removed: dict[str, list[int]] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(self.added.values()) or any(self.removed.values())


def retag_articles(queryset, index: AliasIndex | None = None, user=None) -> list[Change]:
    """Tag existing articles again with the current gazetteer.

    For each article, in its own transaction, speakers, places and forces are
    replaced by what :func:`tag` finds; a relation is only written when it
    differs, so unchanged articles cost no writes and trigger no re-indexing.
    Returns one :class:`Change` per article, in queryset order (``changed`` is
    False for those left as they were). A changed article gets a version in
    its history, by ``user`` (archive.history).
    """
    if index is None:
        index = get_alias_index()
    # The pks first, then the articles in chunks: no cursor stays open while
    # we write, and whatever select_related/prefetch the caller's queryset
    # carries (an admin changelist's, say) cannot clash with only().
    ids = list(dict.fromkeys(queryset.values_list("pk", flat=True)))   # joins may repeat
    changes = []
    for offset in range(0, len(ids), _CHUNK):
        chunk = ids[offset:offset + _CHUNK]
        articles = Article.objects.only("pk", "title", "body").in_bulk(chunk)
        for pk in chunk:
            article = articles.get(pk)
            if article is not None:      # deleted meanwhile
                changes.append(_retag(article, index, user))
    return changes


def _retag(article, index: AliasIndex, user=None) -> Change:
    tags = tag(article.title, article.body, index)
    from archive import history

    change = Change(article_id=article.pk)
    kept = False
    with transaction.atomic():
        for relation in RELATIONS:
            wanted = getattr(tags, relation)
            manager = getattr(article, relation)
            current = set(manager.values_list("pk", flat=True))
            added = [pk for pk in wanted if pk not in current]
            removed = sorted(current - set(wanted))
            change.added[relation] = added
            change.removed[relation] = removed
            if added or removed:
                if not kept:
                    history.keep_first_version(article.pk)
                    kept = True
                manager.set(wanted)
        # People quoted whom the gazetteer does not know become proposals, as
        # on import; written only when there is one the article lacks.
        known = set(article.speaker_proposals.values_list("name", flat=True))
        if any(q.name not in known for q in tags.proposals):
            from archive.proposals import store

            store(article, [{"name": q.name, "role": q.role} for q in tags.proposals])
        if change.changed:
            # The whole article, not the three fields loaded for tagging.
            history.record(Article.objects.get(pk=article.pk), history.RETAG, user)
    return change
