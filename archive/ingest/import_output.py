"""What ``manage.py import_articles`` prints: a line per failure (with
``-v 2``), a dry run's line per article, and the summary at the end.

A mixin of the command (it writes through the command's ``stdout``, ``style``
and progress bar, and counts into its ``stats``), kept apart from the
command's reading, batching and indexing.
"""


class ImportOutput:
    """Output of the import command; expects ``stdout``, ``style``, ``bar``,
    ``verbosity``, ``dry_run``, ``stats``, ``failures`` and ``skipped``."""

    def _write(self, line, style=None):
        text = style(line) if style else line
        if self.bar.disable:
            self.stdout.write(text)
        else:
            self.bar.write(text, file=self.stdout._out)

    def _fail(self, failure):
        self.failures.append(failure)
        self.stats["failed"] += 1
        if self.verbosity >= 2:
            self._write(f"failed: {failure.source_name}: {failure.message}", self.style.ERROR)

    def _show(self, draft):
        """A dry run's line per article: what would be saved, and why to look twice."""
        if draft.duplicate_of and draft.duplicate_of != draft.update_of:
            action = f"duplicate of #{draft.duplicate_of}"
            self.stats["duplicate"] += 1
        elif draft.update_of:
            action = f"update #{draft.update_of}"
            self.stats["updated"] += 1
        else:
            action = "create"
            self.stats["created"] += 1
        if self.verbosity == 0:
            return
        outlet = draft.outlet_name or "—"
        if draft.outlet_is_new:
            outlet += " (new)"
        when = f"{draft.published.isoformat()} ({draft.date_precision})" if draft.published else "no date"
        dateline = draft.dateline_name or "—"
        if draft.dateline_name and not draft.dateline_id:
            dateline += " (not in the gazetteer)"
        self._write(f"[{action}] {draft.source_name}")
        self._write(f"    {draft.title}")
        self._write(f"    outlet: {outlet} | date: {when} | dateline: {dateline} | "
                    f"speakers {len(draft.speaker_ids)}, places {len(draft.place_ids)}, forces {len(draft.force_ids)}")
        for warning in draft.warnings:
            self._write(f"    ! {warning}", self.style.WARNING)

    def _summary(self, seconds):
        if self.verbosity == 0:
            return
        s = self.stats
        verb = "Would import" if self.dry_run else "Imported"
        rate = (s["created"] + s["updated"] + s["unchanged"] + s["duplicate"]) / seconds if seconds else 0
        self.stdout.write("")
        self.stdout.write(
            f"{verb} {s['created']}, updated {s['updated']}, unchanged or duplicates "
            f"{s['unchanged'] + s['duplicate']}, failed {s['failed']} "
            f"({seconds:.1f} s, {rate:.0f} records/s)."
            + (" Dry run: nothing was saved." if self.dry_run else "")
        )
        if self.skipped and self.verbosity >= 2:
            self.stdout.write("Duplicates skipped:")
            for name, pk in self.skipped:
                self.stdout.write(f"  {name}: same text as #{pk}")
        if self.failures:
            self.stdout.write(self.style.ERROR("Failed:"))
            for failure in self.failures:
                self.stdout.write(f"  {failure.source_name}: {failure.message}")
                if failure.message_en and failure.message_en != failure.message:
                    self.stdout.write(f"      {failure.message_en}")
