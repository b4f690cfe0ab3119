"""A progress bar on stderr for long runs: redrawn in place on a terminal, a line per tenth otherwise."""

from __future__ import annotations

import sys
import threading
from typing import TextIO

MANY = 40  # runs at least this long report progress even when stderr is not a terminal


class Progress:
    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.label = label
        self.done = 0
        self.tty = self.stream.isatty()
        self.enabled = total > 1 and (self.tty or total >= MANY)
        self._lock = threading.Lock()
        self._last_tenth = 0

    def advance(self, count: int = 1) -> None:
        if not self.enabled:
            return
        with self._lock:
            self.done += count
            if self.tty:
                filled = 30 * self.done // self.total
                self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}")
                if self.done == self.total:
                    self.stream.write("\n")
            elif (tenth := 10 * self.done // self.total) > self._last_tenth:
                self._last_tenth = tenth
                self.stream.write(f"{self.label}：{self.done}/{self.total}\n")
            self.stream.flush()
