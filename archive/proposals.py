"""Speaker proposals: storing them with an article, and an archivist's verdict.

Tagging (archive.speakers) finds people an article quotes who are not in the
gazetteer. They are never made speakers silently: an import stores them as
pending :class:`~archive.models.SpeakerProposal` rows; the archivist accepts
one (a new Speaker with the spelling seen and its role), merges it into a
known speaker (the spelling becomes one of its aliases) or rejects it, in the
admin; or, in the upload preview, ticks it to accept it on saving.

A verdict applies to every pending proposal of the same name (folded), so
"رامي عبد الرحمن" proposed by forty articles is accepted once.
"""
from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from archive.arabic import fold
from archive.models import SpeakerProposal, Speaker


def store(article, proposals) -> list[SpeakerProposal]:
    """Record ``proposals`` (dicts with name, role and, from the upload
    preview, accept) for ``article``; accepted ones become speakers at once.
    Pending proposals of an earlier import of the article are replaced."""
    article.speaker_proposals.filter(status=SpeakerProposal.Status.PENDING).delete()
    decided = set(article.speaker_proposals.values_list("name", flat=True))
    made = []
    for item in proposals or ():
        name = (item.get("name") or "").strip()[:200]
        if not name or name in decided:
            continue
        decided.add(name)
        proposal = SpeakerProposal.objects.create(
            article=article, name=name, role=(item.get("role") or "").strip()[:300])
        if item.get("accept"):
            accept(proposal)
        made.append(proposal)
    return made


def _same_name(proposal):
    key = fold(proposal.name)
    pending = SpeakerProposal.objects.filter(status=SpeakerProposal.Status.PENDING).select_related("article")
    return [p for p in pending.filter(name__contains=proposal.name.split()[-1]) if fold(p.name) == key] or [proposal]


def _unique_slug(name: str) -> str:
    base = slugify(name, allow_unicode=False) or "speaker"
    slug, n = base, 1
    while Speaker.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def accept(proposal: SpeakerProposal) -> Speaker:
    """Make the proposal a speaker (or use the known one already spelled so),
    and tag every article that proposed the same name with it."""
    key = fold(proposal.name)
    speaker = next((s for s in Speaker.objects.all() if key in {fold(n) for n in s.all_names()}), None)
    if speaker is None:
        speaker = Speaker.objects.create(
            name=proposal.name, role=proposal.role, slug=_unique_slug(proposal.name))
    _decide(proposal, speaker, SpeakerProposal.Status.ACCEPTED)
    return speaker


@transaction.atomic
def merge(proposal: SpeakerProposal, speaker: Speaker) -> Speaker:
    """The proposal is a known speaker under another spelling: keep the
    spelling as an alias and tag the articles with the speaker."""
    if fold(proposal.name) not in {fold(n) for n in speaker.all_names()}:
        speaker.aliases = [*(speaker.aliases or []), proposal.name]
        speaker.save(update_fields=["aliases"])
    _decide(proposal, speaker, SpeakerProposal.Status.MERGED)
    return speaker


def reject(proposal: SpeakerProposal) -> None:
    for p in _same_name(proposal):
        p.status, p.speaker = SpeakerProposal.Status.REJECTED, None
        p.save(update_fields=["status", "speaker"])


def _decide(proposal, speaker, status):
    for p in {p.pk: p for p in [proposal, *_same_name(proposal)]}.values():
        p.status, p.speaker = status, speaker
        p.save(update_fields=["status", "speaker"])
        p.article.speakers.add(speaker)
