"""One progress display for every long command, on a terminal and in a log.

On a terminal it is tqdm's bar. Anywhere else (cron, systemd, ``| tee``, CI)
a bar's carriage returns make a log unreadable, so it writes plain lines
instead: one when the work starts, one every ``interval`` seconds, and one
when it ends, each readable on its own::

    rebuild_index: 1,000 of 3,023 articles (33%), 412/s, about 5 s left

    with Progress(total, "rebuild_index") as progress:
        for batch in batches:
            ...
            progress.update(len(batch))
"""
import sys
import time

# Seconds between two plain lines; a log gets about six a minute, whatever the speed.
LOG_INTERVAL = 10.0


class Progress:
    def __init__(self, total, label, unit="articles", stream=None, enabled=True,
                 interval=LOG_INTERVAL, clock=time.monotonic, tty=None):
        self.total = max(0, int(total or 0))
        self.label = label
        self.unit = unit
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.interval = interval
        self.clock = clock
        self.done = 0
        self.bar = None
        self.closed = False
        if tty is None:
            tty = bool(getattr(self.stream, "isatty", lambda: False)())
        if not enabled:
            return
        if tty:
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, desc=label, unit=" " + unit, file=self.stream,
                            dynamic_ncols=True, mininterval=0.5)
        else:
            self.started = self.last = clock()
            self._line()

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        self.close(failed=kind is not None)

    def update(self, n=1):
        self.done += n
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(n)
            return
        now = self.clock()
        if now - self.last >= self.interval:
            self.last = now
            self._line()

    def close(self, failed=False):
        if self.closed:
            return
        self.closed = True
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.close()
            return
        self._line(end=" — stopped" if failed else " — done")

    def _line(self, end=""):
        elapsed = self.clock() - self.started
        parts = [f"{self.label}: {self.done:,} of {self.total:,} {self.unit}"]
        if self.total:
            parts[0] += f" ({100 * self.done // self.total}%)"
        if elapsed > 0 and self.done:
            rate = self.done / elapsed
            parts.append(f"{rate:,.0f}/s")
            if not end and self.done < self.total:
                parts.append(f"about {(self.total - self.done) / rate:,.0f} s left")
            elif end:
                parts.append(f"{elapsed:,.1f} s")
        self.stream.write(", ".join(parts) + end + "\n")
        self.stream.flush()


def for_command(total, label, verbosity, unit="articles"):
    """A Progress for a management command: on stderr (stdout keeps the
    results a script reads), off at ``--verbosity 0``."""
    return Progress(total, label, unit=unit, stream=sys.stderr, enabled=verbosity > 0)
