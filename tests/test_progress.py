"""Every long command shows its progress, and in a log file (no terminal) as
plain lines that read well on their own: no carriage returns, no bar."""
import io

import pytest
from django.core.management import call_command

from archive.progress import Progress


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_without_a_terminal_progress_is_a_few_plain_lines():
    stream, clock = io.StringIO(), Clock()
    with Progress(3000, "rebuild_index", stream=stream, interval=10, clock=clock) as progress:
        for _ in range(30):
            clock.now += 1
            progress.update(100)
    lines = stream.getvalue().splitlines()
    assert "\r" not in stream.getvalue()
    assert lines[0] == "rebuild_index: 0 of 3,000 articles (0%)"
    assert lines[1] == "rebuild_index: 1,000 of 3,000 articles (33%), 100/s, about 20 s left"
    assert len(lines) == 5  # start, every ten seconds, end
    assert lines[-1] == "rebuild_index: 3,000 of 3,000 articles (100%), 100/s, 30.0 s — done"


def test_a_failure_says_where_it_stopped():
    stream = io.StringIO()
    with pytest.raises(RuntimeError):
        with Progress(10, "backup_archive", unit="files", stream=stream, clock=Clock()) as progress:
            progress.update(4)
            raise RuntimeError
    assert stream.getvalue().splitlines()[-1] == "backup_archive: 4 of 10 files (40%) — stopped"


def test_on_a_terminal_it_is_a_bar():
    stream = io.StringIO()
    with Progress(10, "update_index", stream=stream, tty=True) as progress:
        progress.update(10)
    assert "\r" in stream.getvalue() and "10/10" in stream.getvalue()


def test_verbosity_0_shows_nothing():
    stream = io.StringIO()
    with Progress(10, "x", stream=stream, enabled=False) as progress:
        progress.update(10)
    assert stream.getvalue() == ""


@pytest.mark.parametrize("command, args, label", [
    ("rebuild_index", ["--noinput"], "update_index: 5 of 5 articles (100%)"),
    ("update_index", [], "update_index: 5 of 5 articles (100%)"),
])
def test_the_index_commands_show_progress(seeded, capsys, command, args, label):
    call_command(command, *args)
    err = capsys.readouterr().err
    assert label in err and "\r" not in err


def test_check_index_repair_shows_progress(seeded, capsys):
    from archive.search import indexing

    indexing.clear()
    with pytest.raises(Exception):
        call_command("check_index")
    capsys.readouterr()
    call_command("check_index", "--repair")
    err = capsys.readouterr().err
    assert "check_index --repair: 5 of 5 articles (100%)" in err and "\r" not in err
