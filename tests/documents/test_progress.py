"""The render's progress on stderr: a live rich bar on a terminal, a line per tenth in a log, never on stdout."""

from __future__ import annotations

import io
import re
import sys
import threading

import pytest

from ecoredress.documents.progress import Progress

ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as stderr does in an interactive shell."""

    def isatty(self) -> bool:
        return True


def run(progress: Progress, steps: int) -> None:
    with progress:
        for _ in range(steps):
            progress.advance()


def advance_from_threads(progress: Progress, threads: int, each: int) -> None:
    """As the renderer's workers do: each thread reports the documents it finished."""

    def work() -> None:
        for _ in range(each):
            progress.advance()

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def last_frame(drawn: str) -> str:
    """What a terminal shows at the end: the last redraw of the line, without colour codes."""
    return ESCAPE.sub("", drawn.split("\r")[-1]).strip()


@pytest.fixture
def threads_switch_often():
    """Threads interleave at nearly every bytecode, so that an unguarded count loses steps within a few rounds."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def test_a_log_gets_one_line_per_tenth_even_from_many_threads(threads_switch_often):
    for _ in range(30):  # without the lock about half the rounds print a tenth twice or out of order
        log = io.StringIO()
        with Progress(1600, "生成文书", log) as progress:
            advance_from_threads(progress, threads=8, each=200)
        assert log.getvalue().splitlines() == [f"生成文书：{n}/1600" for n in range(160, 1601, 160)]


def test_a_log_is_told_each_tenth_once_when_steps_skip_over_tenths():
    log = io.StringIO()
    with Progress(50, "生成文书", log) as progress:
        for count in (3, 3, 20, 24):
            progress.advance(count)
    assert log.getvalue().splitlines() == ["生成文书：6/50", "生成文书：26/50", "生成文书：50/50"]


@pytest.mark.parametrize(
    ("total", "stream", "shown"),
    [
        (1, Terminal, False),  # one document is done before a bar would mean anything
        (2, Terminal, True),
        (39, io.StringIO, False),  # a short run in a log: ten lines would be noise
        (40, io.StringIO, True),
    ],
)
def test_progress_is_shown_on_a_terminal_from_two_items_and_in_a_log_from_forty(total, stream, shown):
    out = stream()
    run(Progress(total, "生成文书", out), total)
    assert bool(out.getvalue()) is shown


def test_a_terminal_gets_a_live_bar_redrawn_in_place_that_ends_at_total():
    screen = Terminal()
    with Progress(5, "生成文书", screen) as progress:
        for _ in range(5):
            progress.advance()
            progress._bar.refresh()  # as rich's refresh thread does ten times a second
    drawn = screen.getvalue()
    assert drawn.count("\n") == 1 and drawn.endswith("\n\x1b[?25h"), "one line, redrawn, then the cursor back"
    assert drawn.count("\r\x1b[2K") >= 5  # each redraw returns to the start of the line and clears it
    assert re.fullmatch(r"生成文书 ━+ 5/5 \d:\d\d:\d\d \d:\d\d:\d\d", last_frame(drawn))


@pytest.mark.parametrize(("variable", "value"), [("TERM", "dumb"), ("TTY_COMPATIBLE", "0")])
def test_a_terminal_without_escape_codes_gets_the_lines_of_a_log(monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    screen = Terminal()
    run(Progress(4, "生成文书", screen), 4)
    assert screen.getvalue() == "生成文书：1/4\n生成文书：2/4\n生成文书：3/4\n生成文书：4/4\n"


@pytest.mark.parametrize("variable", ["FORCE_COLOR", "TTY_COMPATIBLE"])
def test_a_log_stays_plain_text_when_the_ci_job_asks_rich_for_colour(monkeypatch, variable):
    monkeypatch.setenv(variable, "1")
    log = io.StringIO()
    run(Progress(40, "生成文书", log), 40)
    assert log.getvalue().splitlines() == [f"生成文书：{n}/40" for n in range(4, 41, 4)]


def test_a_bar_stopped_by_an_error_gives_the_cursor_back():
    screen = Terminal()

    def fail_halfway() -> None:
        with Progress(5, "生成文书", screen) as progress:
            progress.advance()
            raise RuntimeError

    with pytest.raises(RuntimeError):
        fail_halfway()
    assert screen.getvalue().endswith("\n\x1b[?25h") and last_frame(screen.getvalue()).startswith("生成文书 ")


def test_a_log_on_stderr_leaves_stdout_alone(capsys):
    run(Progress(40, "生成文书"), 40)  # the default stream
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.splitlines()[-1] == "生成文书：40/40"


def test_a_bar_on_stderr_leaves_stdout_alone(capsys, monkeypatch):
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with Progress(3, "生成文书") as progress:  # the default stream
        progress.advance()
        print("machine-readable")  # a command's own output while the bar is drawn
        progress.advance(2)
    assert capsys.readouterr().out == "machine-readable\n"
    assert "machine-readable" not in screen.getvalue() and last_frame(screen.getvalue()).startswith("生成文书 ")


LABEL = "[bold]案件[/bold] :smile: [link=https://example.org]x[/link]"


def test_a_label_with_markup_is_printed_as_written_in_a_log():
    log = io.StringIO()
    run(Progress(40, LABEL, log), 40)
    assert log.getvalue().splitlines()[-1] == f"{LABEL}：40/40"


def test_a_label_with_markup_is_drawn_as_written_on_a_terminal():
    screen = Terminal()
    run(Progress(2, LABEL, screen), 2)
    assert last_frame(screen.getvalue()).startswith(f"{LABEL} ━")
    assert "\x1b[1m" not in screen.getvalue() and "\x1b]8;" not in screen.getvalue()  # no bold, no hyperlink
