"""Progress of a long run on stderr, drawn by rich.

On a terminal it is rich's live bar, redrawn in place: the label, the bar, done/total, time elapsed and
time remaining. Where stderr is not a terminal (a CI log such as GitLab's, a pipe, a file) rich's live
display would print nothing until the run ends, so there one line is printed per tenth of the run
(``生成文书：150/1500``) through a rich Console without colour; so does a terminal that cannot take escape
codes (``TERM=dumb``, ``TTY_COMPATIBLE=0``). Whether stderr is a terminal is first asked of the stream
itself, so ``FORCE_COLOR`` in a CI job does not turn its log into a live display.

Labels are printed as plain text, never read as rich markup: they may one day carry text from a case file.
Nothing goes to stdout, where commands print machine-readable output, and the live display leaves stdout
alone (no redirection). ``advance`` may be called from worker threads (the renderer's).

rich is imported only when progress is shown, so importing the renderer stays cheap.
"""

from __future__ import annotations

import sys
import threading
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress as LiveBar

MANY = 40  # runs at least this long report progress even when stderr is not a terminal


class Progress:
    """Use as a context manager around the run; call ``advance`` once per finished item."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.label = label
        self.done = 0
        self.tty = self.stream.isatty()
        self.enabled = total > 1 and (self.tty or total >= MANY)
        self._lock = threading.Lock()
        self._last_tenth = 0
        self._console: Console | None = None
        self._bar: LiveBar | None = None

    def __enter__(self) -> Progress:
        if not self.enabled:
            return self
        from rich.console import Console

        self._console = Console(file=self.stream)
        # rich may know better than isatty that a terminal takes no escape codes (TERM=dumb, TTY_COMPATIBLE=0).
        if self.tty and self._console.is_terminal and not self._console.is_dumb_terminal:
            self._bar = _live_bar(self._console, self.label, self.total)
            self._bar.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()  # draws the last state and leaves it on the screen

    def advance(self, count: int = 1) -> None:
        if not self.enabled:
            return
        assert self._console is not None, "Progress.advance outside its with block"
        from rich.text import Text

        with self._lock:
            self.done += count
            if self._bar is not None:
                self._bar.update(self._bar.task_ids[0], completed=self.done)
            elif (tenth := 10 * self.done // self.total) > self._last_tenth:
                self._last_tenth = tenth
                # A Text is printed as it is: no markup, emoji codes or highlighting in the label.
                self._console.print(Text(f"{self.label}：{self.done}/{self.total}"), soft_wrap=True)


def _live_bar(console: Console, label: str, total: int) -> LiveBar:
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.progress import Progress as LiveBar

    bar = LiveBar(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        redirect_stdout=False,  # stdout carries the commands' own output; it must not be drawn on stderr
    )
    bar.add_task(label, total=total)
    return bar
