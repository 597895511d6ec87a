"""Import articles from files and folders on the server.

    python manage.py import_articles PATH [PATH ...] [--source OUTLET] [--date 2020-02-07]
                                     [--dry-run] [--batch-size 500] [--workers N]

Reads ``.txt``, ``.html``/``.htm``, ``.docx``, ``.jsonl``, ``.jsonl.gz`` and
``.zip`` files (folders recursively) through the same pipeline as the admin
upload (``archive.ingest.pipeline``). A file's external id is its name without
extension; a JSON-lines record's is its ``id``. Importing the same id again
updates the article; the same text under another id is skipped as a duplicate.

Bulk work is batched: each batch of ``--batch-size`` articles is one
transaction (its new articles inserted in bulk, ``pipeline.save_many``; each
still all of it or nothing), its near duplicates are grouped together, and the
search index gets one commit per batch (the per-article indexing signal is
paused). With ``--workers N`` (the default for big imports) tagging, hashing
and signing run in N worker processes and indexing in one more, while this
process reads and writes the database (``archive.ingest.import_workers``). A file,
member or record that cannot be imported is reported at the end with its
reason, the others are imported, and the command exits with status 1.

Killed halfway (even by SIGKILL), the command is simply run again: committed
batches are found "unchanged", and articles whose batch was committed to the
database but not yet to the index (``Article.indexed`` still False) are
indexed first.
"""
from collections import Counter, deque
from concurrent.futures.process import BrokenProcessPool
import logging
import multiprocessing
import os
import re
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.ingest import dates
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft, Failure, IngestError
from archive.ingest.import_files import SUFFIXES, collect_files, count_items  # noqa: F401  (SUFFIXES: once here)
from archive.ingest.import_output import ImportOutput
from archive.ingest.import_workers import analyse_in_worker, index_in_process, start_pool
from archive.ingest.limits import Limits
from archive.ingest.outlets import OutletMatch
from archive.ingest.pipeline import DUPLICATE_WARNING, iter_read, prepare, remove_files, save_many, tidy
from archive.ingest.text import NO_DATE_WARNING
from archive.near_duplicates import group_many

log = logging.getLogger(__name__)

#: Items read ahead of the one being finished, so that furniture learnt from
#: an outlet's later pages is stripped from its first ones too.
LOOKAHEAD = 200
# Worker processes: drafts per task, and when the default is to start them.
WORK_CHUNK = 100
AUTO_WORKERS_FROM = 1000
AUTO_WORKERS_MAX = 4


class Command(ImportOutput, BaseCommand):
    help = (
        "Import articles from .txt, .html, .htm, .docx, .jsonl, .jsonl.gz and .zip files "
        "(folders are read recursively). The same external id updates its article; "
        "the same text under another id is skipped. Exits with status 1 if anything failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Files or folders to import.")
        parser.add_argument("--source", metavar="SLUG_OR_NAME",
                            help="Give every article this outlet (an existing outlet's slug, name or alias).")
        parser.add_argument("--date", metavar="YYYY-MM-DD|YYYY-MM|YYYY",
                            help="Give every article this publication date (its precision is what is given).")
        parser.add_argument("--dry-run", action="store_true",
                            help="Show what would be imported, with warnings; save nothing.")
        parser.add_argument("--batch-size", type=int, default=500,
                            help="Articles per transaction and per search-index commit (default 500).")
        parser.add_argument("--workers", type=int, metavar="N",
                            help="Processes that tag, hash and sign the articles while this one saves and "
                                 f"indexes them (default: one per CPU core beyond the first, at most "
                                 f"{AUTO_WORKERS_MAX}, for {AUTO_WORKERS_FROM} records or more; 0: all in this process).")
        # The upload page's limits hold here too; the operator may raise them.
        parser.add_argument("--max-file-mb", type=float, metavar="MB",
                            help="Raise the size limit of one text, HTML or Word file or zip member "
                                 "(default: the upload limit, UPLOAD_MAX_FILE_BYTES).")
        parser.add_argument("--max-zip-mb", type=float, metavar="MB",
                            help="Raise what a zip may unpack to (default: UPLOAD_MAX_ZIP_TOTAL_BYTES).")
        parser.add_argument("--max-text-chars", type=int, metavar="N",
                            help="Raise the length limit of one article's text (default: ARTICLE_MAX_TEXT_CHARS).")

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.dry_run = options["dry_run"]
        self.batch_size = max(1, options["batch_size"])
        files = collect_files(options["paths"])
        if not files:
            raise CommandError("No importable files found (.txt .html .htm .docx .jsonl .jsonl.gz .zip).")
        self.catalog = Catalog(preload=True)
        self.outlet = self._outlet_option(options["source"])
        self.date = self._date_option(options["date"])
        mib = 1024 * 1024
        self.limits = Limits.command(
            max_file_bytes=int(options["max_file_mb"] * mib) if options.get("max_file_mb") else None,
            max_total_bytes=int(options["max_zip_mb"] * mib) if options.get("max_zip_mb") else None,
            max_text_chars=options.get("max_text_chars"),
        )

        self.stats = Counter()
        from archive.ingest.boilerplate import Boilerplate

        self.boilerplate = Boilerplate()
        self.failures = []
        self.skipped = []
        self.pending = []  # pks saved but not yet indexed
        self.batch = []  # prepared drafts waiting to be saved together
        self.batch_hashes, self.batch_ids = set(), set()
        started = time.monotonic()
        total = sum(count_items(path, self.limits) for path, _name in files)
        from tqdm import tqdm

        self.bar = tqdm(
            total=total, unit=" rec", file=sys.stderr, dynamic_ncols=True, mininterval=0.5,
            disable=self.verbosity == 0 or not sys.stderr.isatty(),
        )
        from archive.search.signals import paused

        self.workers = self._workers_option(options["workers"], total)
        self.pool = self.indexer = None
        self.indexing = deque()  # (pks, job) handed to the indexer process, oldest first
        try:
            if self.workers:
                # Forked before this process opens the search index: the
                # indexer opens its own, and only it writes to it.
                self.pool = start_pool(self.workers, self.catalog)
                if not self.dry_run:
                    self.indexer = start_pool(1, self.catalog)
            if not self.dry_run:
                self._index_unfinished()
            with paused():
                self._import_items(files)
                self._end_batch()
            self._indexed(wait_for=0)
        finally:
            for pool in (self.pool, self.indexer):
                if pool is not None:
                    pool.shutdown(wait=True, cancel_futures=True)
            self.bar.close()
        self._summary(time.monotonic() - started)
        failed = len(self.failures)
        if failed:
            raise CommandError(f"{failed} item(s) could not be imported (see the list above).")

    # -- options -------------------------------------------------------------

    def _outlet_option(self, value):
        if not value:
            return None
        outlet = self.catalog.outlet_by_slug_or_name(value)
        if outlet is None:
            raise CommandError(f"Unknown outlet {value!r}: give the slug, name or alias of an existing outlet.")
        return outlet

    def _workers_option(self, value, total):
        if value is not None:
            if value < 0:
                raise CommandError("--workers: give 0 or more processes.")
            return value if "fork" in multiprocessing.get_all_start_methods() else 0
        cores = os.cpu_count() or 1
        if total < AUTO_WORKERS_FROM or cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return 0
        return min(cores - 1, AUTO_WORKERS_MAX)

    def _date_option(self, value):
        if not value:
            return None
        found = dates.parse_exact(value) if re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value) else None
        if not found:
            raise CommandError(f"--date {value!r}: use YYYY-MM-DD, YYYY-MM or YYYY (1990 to today).")
        return found

    # -- reading and saving ----------------------------------------------------

    def _items(self, files):
        """Every item of every file, in order: failures as read, drafts tidied.

        Furniture is learnt across the files (``archive.ingest.boilerplate``):
        each draft is learnt from as it is read, but stripped only when
        ``LOOKAHEAD`` more items have been read after it (or the files are
        done), so the first pages of an outlet lose the lines its later pages
        show to be the site's as well; a small import is read whole first.
        """
        waiting = deque()
        for item in self._read_items(files):
            if isinstance(item, Draft):
                self._apply_options(item)
                self.boilerplate.learn(item)
            waiting.append(item)
            if len(waiting) > LOOKAHEAD:
                yield from self._finished(waiting.popleft())
        while waiting:
            yield from self._finished(waiting.popleft())

    def _read_items(self, files):
        for path, name in files:
            try:
                data = path.read_bytes()
            except OSError as error:
                yield Failure(name, f"تعذّرت قراءة الملف: {error.strerror}", f"could not read the file: {error}")
                continue
            yield from iter_read(name, data, catalog=self.catalog, limits=self.limits)

    def _finished(self, item):
        """A read item with the import's furniture stripped and tidied (a failure as it is)."""
        if isinstance(item, Failure):
            yield item
            return
        self.boilerplate.strip(item)
        try:
            tidy(item)
        except IngestError as error:
            yield Failure.from_error(item.source_name, error)
            return
        yield item

    def _analysed(self, items):
        """``(item, analysis)``: the tags, hash and signature of each draft,
        computed by the worker processes while this one saves and indexes
        (None without workers, or for a failure: ``prepare`` computes it)."""
        if not self.workers:
            for item in items:
                yield item, None
            return
        ahead = deque()
        chunk = []
        for item in items:
            chunk.append(item)
            if len(chunk) == WORK_CHUNK:
                ahead.append(self._submit(chunk))
                chunk = []
                # Keep the workers a few chunks ahead of the writer.
                while len(ahead) > 2 * self.workers:
                    yield from self._collect(ahead.popleft())
        if chunk:
            ahead.append(self._submit(chunk))
        while ahead:
            yield from self._collect(ahead.popleft())

    def _submit(self, chunk):
        work = [(item.title, item.body) if isinstance(item, Draft) else None for item in chunk]
        return chunk, self.pool.submit(analyse_in_worker, work) if self.pool is not None else None

    def _collect(self, submitted):
        chunk, job = submitted
        try:
            return zip(chunk, job.result())
        except (BrokenProcessPool, AttributeError):  # a worker died (or none is left): analysed here instead
            if self.pool is not None:
                log.warning("An import worker process died; the rest is analysed in this process")
                self.pool.shutdown(wait=False, cancel_futures=True)
                self.pool = None
            return ((item, None) for item in chunk)

    def _import_items(self, files):
        for item, analysis in self._analysed(self._items(files)):
            self.bar.update(1)
            if isinstance(item, Failure):
                self._fail(item)
                continue
            try:
                prepare(item, self.catalog, analysis)
            except IngestError as error:
                self._fail(Failure.from_error(item.source_name, error))
                continue
            if self.dry_run:
                self._show(item)
                continue
            if item.duplicate_of and item.duplicate_of != item.update_of:
                self.stats["duplicate"] += 1
                self.skipped.append((item.source_name, item.duplicate_of))
                continue
            self._save(item)

    def _apply_options(self, draft: Draft):
        if self.outlet is not None:
            OutletMatch(self.outlet.pk, self.outlet.name, False).apply(draft)
        if self.date is not None:
            draft.published, draft.date_precision = self.date
            draft.drop_warnings(NO_DATE_WARNING)

    def _save(self, draft):
        """Keep the draft for its batch; the batch is saved when full (``_end_batch``)."""
        if draft.content_hash in self.batch_hashes or (draft.external_id and draft.external_id in self.batch_ids):
            # The same text or id twice in one batch: the first is saved before
            # the second is looked at, so the second is a duplicate or an update.
            self._end_batch()
        self.batch.append(draft)
        self.batch_hashes.add(draft.content_hash)
        if draft.external_id:
            self.batch_ids.add(draft.external_id)
        if len(self.batch) >= self.batch_size:
            self._end_batch()

    def _save_batch(self):
        """Save the batch's drafts (each all of it or nothing) and group near duplicates."""
        drafts, self.batch = self.batch, []
        self.batch_hashes, self.batch_ids = set(), set()
        if not drafts:
            return
        changed, signatures = [], {}
        for draft, article, error in save_many(drafts, catalog=self.catalog):
            if error is not None:
                if error.message.startswith(DUPLICATE_WARNING):
                    self.stats["duplicate"] += 1
                    self.skipped.append((draft.source_name, draft.duplicate_of))
                else:
                    self._fail(Failure.from_error(draft.source_name, error))
                continue
            outcome = draft.outcome or "created"
            self.stats[outcome] += 1
            if outcome == "unchanged" and not article.indexed:
                # Stored by a run that was killed before its index commit.
                self.pending.append(article.pk)
            if outcome != "unchanged":
                self.pending.append(article.pk)
                changed.append(article)
                if draft.minhash is not None:
                    signatures[article.pk] = draft.minhash
            if self.verbosity >= 2:
                self._write(f"{outcome}: #{article.pk} {draft.source_name} — {draft.title[:80]}")
                if self.verbosity >= 3:
                    for warning in draft.warnings:
                        self._write(f"    ! {warning}")
        if changed:
            try:
                with transaction.atomic():
                    group_many(changed, signatures)
            except Exception:  # the articles are saved; grouping is redone by regroup_all()
                log.exception("Near-duplicate grouping failed for articles #%s–#%s",
                              min(a.pk for a in changed), max(a.pk for a in changed))

    def _index_unfinished(self):
        """Index what an earlier run committed to the database but not to the index.

        A run killed (SIGKILL, power cut) between a batch's database commit and
        its index commit leaves those articles unmarked (``Article.indexed``);
        this run finishes that work first, so its "unchanged" is true of the
        search as well as of the database.
        """
        from archive.search.indexing import index_articles, unindexed_pks

        pks = unindexed_pks()
        if not pks:
            return
        if self.verbosity:
            self.stdout.write(f"Indexing {len(pks)} article(s) an earlier run saved but did not index.")
        if self.indexer is None:
            index_articles(pks)
            return
        self._index(pks)
        self._indexed(wait_for=0, fail=False)

    def _end_batch(self):
        """Save the open batch in one transaction, then index what it saved (one index commit)."""
        if self.batch and not self.dry_run:
            try:
                with transaction.atomic():
                    self._save_batch()
            except BaseException:
                remove_files(self.catalog.new_files)
                self.catalog.new_files.clear()
                raise
        self.catalog.new_files.clear()
        if self.pending and not self.dry_run:
            pks, self.pending = self.pending, []
            self._index(pks)

    def _index(self, pks):
        """Index the saved articles: here, or in the indexer process while
        this one goes on with the next batch (at most two batches behind)."""
        if self.indexer is not None:
            self.indexing.append((pks, self.indexer.submit(index_in_process, pks)))
            self._indexed(wait_for=2)
            return
        try:
            from archive.search.indexing import index_articles

            index_articles(pks)
        except Exception as error:  # the articles are saved; the index can be rebuilt
            self._index_failed(pks, error)

    def _indexed(self, wait_for, fail=True):
        """Record what the indexer has committed, waiting until at most
        ``wait_for`` batches are still being indexed. Articles are marked
        indexed here, by the one process that writes to the database."""
        from archive.search.indexing import mark_indexed

        while self.indexing and (len(self.indexing) > wait_for or self.indexing[0][1].done()):
            pks, job = self.indexing.popleft()
            try:
                marks, error = job.result()
            except BrokenProcessPool:  # the indexer died: this process indexes from now on
                log.warning("The indexer process died; indexing in this process")
                self.indexer = None
                self._index(pks)
                continue
            for found, read_at in marks:
                mark_indexed(found, read_at)
            if error is not None:
                if not fail:
                    raise CommandError(f"Could not index the articles an earlier run saved: {error}")
                self._index_failed(pks, error)

    def _index_failed(self, pks, error):
        self._fail(Failure(
            f"search index ({len(pks)} articles, #{min(pks)}–#{max(pks)})",
            "حُفظت المقالات لكن تعذّرت فهرستها للبحث: أعد بناء الفهرس (manage.py rebuild_index).",
            f"The articles were saved but could not be indexed: {error}. Run manage.py rebuild_index.",
        ))
