"""What an import looks things up in: outlets, gazetteer aliases, stored articles.

An upload in the admin reads a handful of files: a query per lookup is fine and
always current (``Catalog()``). ``import_articles`` reads tens of thousands of
records: ``Catalog(preload=True)`` reads every outlet, alias, content hash and
external id once, and ``save`` keeps the dictionaries current as it writes, so
each record costs dictionary lookups instead of queries.
"""
from django.db.models import Q


class Catalog:
    def __init__(self, preload=False):
        self.preload = preload
        self._outlets = None
        self._aliases = None
        self._hashes = None  # content hash -> article pk
        self._external = None  # external id -> (article pk, content hash)
        self._known = {}  # model -> pks, when preloading
        # Files stored by ``save`` since the caller last committed: removed
        # again if the caller's own transaction rolls back.
        self.new_files = []
        if preload:
            self._load_articles()

    # Outlets and gazetteer -------------------------------------------------

    @property
    def outlets(self):
        """Every outlet's names and domains, read once per catalog."""
        from .outlets import OutletIndex

        if self._outlets is None:
            self._outlets = OutletIndex.load()
        return self._outlets

    def current_outlets(self):
        """The outlets as they are now: what ``save`` checks before creating one."""
        if not self.preload:
            self._outlets = None
        return self.outlets

    @property
    def aliases(self):
        """``archive.gazetteer.get_alias_index()``, once per catalog."""
        if self._aliases is None:
            from archive.gazetteer import get_alias_index

            self._aliases = get_alias_index()
        return self._aliases

    def existing(self, model, ids):
        """``ids`` without those no longer in the gazetteer, in their order.

        The alias index is cached (per process, per run): a speaker, place or
        force deleted meanwhile must not become a dangling relation.
        """
        if not ids:
            return []
        if self.preload:
            known = self._known.get(model)
            if known is None:
                known = self._known[model] = set(model.objects.values_list("pk", flat=True))
        else:
            known = set(model.objects.filter(pk__in=ids).values_list("pk", flat=True))
        return [pk for pk in ids if pk in known]

    def outlet_added(self, outlet):
        if self._outlets is not None:
            self._outlets.add(outlet)

    # Stored articles -------------------------------------------------------

    def _load_articles(self):
        from archive.models import Article

        self._hashes, self._external = {}, {}
        rows = Article.objects.order_by("pk").values_list("pk", "content_hash", "external_id")
        for pk, content_hash, external_id in rows.iterator(chunk_size=5000):
            if content_hash:
                self._hashes.setdefault(content_hash, pk)
            if external_id:
                self._external[external_id] = (pk, content_hash)

    def article_with_hash(self, content_hash, exclude=None):
        """The pk of an article holding this text (not ``exclude``), or None."""
        if not content_hash:
            return None
        if self.preload:
            pk = self._hashes.get(content_hash)
            if pk is not None and pk != exclude:
                return pk
            if pk is None:
                return None
        from archive.models import Article

        rows = Article.objects.filter(content_hash=content_hash)
        if exclude is not None:
            rows = rows.exclude(pk=exclude)
        return rows.order_by("pk").values_list("pk", flat=True).first()

    def article_with_external_id(self, external_id):
        """``(pk, content_hash)`` of the article with this external id, or None."""
        if not external_id:
            return None
        if self.preload:
            return self._external.get(external_id)
        from archive.models import Article

        row = Article.objects.filter(external_id=external_id).values_list("pk", "content_hash").first()
        return tuple(row) if row else None

    def article_saved(self, pk, content_hash, external_id, old_hash=None):
        if not self.preload:
            return
        if old_hash and old_hash != content_hash and self._hashes.get(old_hash) == pk:
            del self._hashes[old_hash]
        if content_hash:
            self._hashes.setdefault(content_hash, pk)
        if external_id:
            self._external[external_id] = (pk, content_hash)

    def outlet_by_slug_or_name(self, value):
        """An operator's ``--source``: a slug, a name or an alias. None when unknown."""
        from archive.models import Outlet

        outlet = Outlet.objects.filter(Q(slug=value) | Q(name=value) | Q(name_en=value)).first()
        if outlet:
            return outlet
        pk = self.outlets.find_name(value)
        return Outlet.objects.filter(pk=pk).first() if pk else None
