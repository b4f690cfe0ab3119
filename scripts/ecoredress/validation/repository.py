"""The case files of a repository, read and checked for every command: one policy for a file that cannot be
used, and one way of spreading the files over the CPUs.

A case file that cannot be read, parsed or validated against the case model (a link, a file over a limit, an
alias, a control character, a syntax or schema error), or whose case number an earlier file already has
(two documents or pages would be written to one place), is skipped: each of its located findings goes to stderr
with its remedy, the command does its work with the other cases, and it exits with code 1, so that a script
or CI never takes the incomplete output for a complete one. Nothing is ever produced from a broken file.
`check` reports the same files as errors, and `build` stops on any error before producing anything.

Each file is parsed, validated and checked on its own, so a large repository is handled by one worker process
per CPU (``--jobs``, or ``jobs`` in [tool.ecoredress]); what spans files (a case number used twice) is decided
here, afterwards, in file order. Results come back in file order, so the output is the same byte for byte
however many processes made it. A small repository is handled in this process: starting workers would cost
more than it saves.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TextIO, TypeVar

from ecoredress.loading.discovery import discover_case_files
from ecoredress.loading.guarded import Limits, limits_from
from ecoredress.model import Case, name_tagger
from ecoredress.project import Project
from ecoredress.validation.checker import (
    CheckedFile,
    CheckRun,
    Report,
    check_file,
    check_run,
    check_screening_log,
    display_path,
    duplicate_id,
    load_case,
    place,
)
from ecoredress.validation.report import text_line

T = TypeVar("T")
# Below this many files per worker, starting the worker (a new process, its own imports) costs more than it saves.
FILES_PER_WORKER = 150


def worker_count(project: Project, requested: int | None = None) -> int:
    """Processes to spread the files over: ``requested`` (``--jobs``), else ``jobs`` in [tool.ecoredress]
    (checked with the other settings), else one per CPU."""
    jobs = requested if requested is not None else project.settings.jobs
    return jobs if jobs is not None else os.cpu_count() or 1


def in_order(
    work: Callable[[Path], T], paths: Sequence[Path], jobs: int, shared: Callable[[], object] | None = None
) -> list[T]:
    """``work`` done on each of ``paths``, the results in the order of ``paths``: over up to ``jobs`` worker
    processes when there are enough files to be worth it, else here. ``work`` must be picklable (a module-level
    function, or a ``partial`` of one with picklable arguments), and so must what it returns. ``shared`` loads, once
    here before the workers start, what each would otherwise load for itself (forked, they share it)."""
    workers = min(jobs, len(paths) // FILES_PER_WORKER)
    if workers <= 1:
        return [work(p) for p in paths]
    if shared is not None:
        shared()
    pool = ProcessPoolExecutor(workers, mp_context=_start_method(), initializer=_ignore_interrupt)
    try:
        return list(pool.map(work, paths, chunksize=max(1, len(paths) // (8 * workers))))
    except BrokenProcessPool:  # a worker was killed (out of memory, by hand): the same work, done here
        return [work(p) for p in paths]
    finally:
        pool.shutdown(cancel_futures=True)


def _start_method() -> multiprocessing.context.BaseContext:
    # A forked worker starts with this process's modules already imported; elsewhere a fresh interpreter.
    return multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")


def _ignore_interrupt() -> None:
    # Ctrl-C reaches every process of the terminal: the command says 已中断 once, the workers say nothing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def check_files(
    paths: list[Path],
    base: Path,
    as_of: dt.date | None = None,
    *,
    project: Project,
    screening: Sequence[Path] = (),
    jobs: int | None = None,
    keep_cases: bool = True,
) -> Report:
    """Validate the case files ``paths`` and the screening logs ``screening`` (shown relative to ``base``)
    under the rule profile, calendar and limits of ``project``, over ``jobs`` processes (default:
    ``worker_count``). Without ``keep_cases`` the report holds the findings and each case's number, not the
    cases: a worker then does not send them back (at 10,000 cases, a tenth of the time of ``check``).

    With ``as_of`` the rules see each case as it stood on that day (``case_as_of``): a step taken later was
    still open then. Without it, today and the whole file (a fact dated after today is an error)."""
    run = check_run(as_of, base, project, paths)
    work = partial(_check_file, run=run, keep_case=keep_cases)
    files = in_order(work, paths, worker_count(project, jobs), shared=name_tagger.load)
    seen: dict[str, str] = {}
    for checked in files:
        if checked.case_id is not None and checked.case_id in seen:
            # Said where `check` has always said it: after a wrong file name, before the rules' findings.
            after = 1 if checked.findings and checked.findings[0].code == "filename-mismatch" else 0
            checked.findings.insert(after, place(duplicate_id(checked.case_id, seen[checked.case_id]), checked))
        elif checked.case_id is not None:
            seen[checked.case_id] = checked.display
        checked.text = None
    return Report(files + [check_screening_log(p, display_path(p, base), run.limits) for p in screening])


def _check_file(path: Path, run: CheckRun, keep_case: bool) -> CheckedFile:
    checked = check_file(path, run)
    if not keep_case:
        checked.case = None
    return checked


@dataclass(frozen=True)
class LoadedCases:
    cases: list[Case]
    skipped: list[CheckedFile]

    @property
    def exit_code(self) -> int:
        return 1 if self.skipped else 0


def load_cases(
    project: Project, consequence: str, paths: list[Path] | None = None, jobs: int | None = None
) -> LoadedCases:
    """The valid cases among ``paths`` (default: the repository's cases folder), in file order; every file
    skipped is reported on stderr, ending with ``consequence`` (what the command did not do with it)."""
    cases, skipped = [], []
    seen: dict[str, str] = {}
    work = partial(_load_file, base=Path.cwd(), limits=limits_from(project))
    for checked in in_order(work, discover_case_files(paths or [project.cases_dir]), worker_count(project, jobs)):
        if checked.case is not None and checked.case.id in seen:
            checked.findings.append(place(duplicate_id(checked.case.id, seen[checked.case.id]), checked))
        elif checked.case is not None:
            seen[checked.case.id] = checked.display
            cases.append(checked.case)
            continue
        skipped.append(checked)
    report_skipped(skipped, consequence)
    return LoadedCases(cases, skipped)


def _load_file(path: Path, base: Path, limits: Limits) -> CheckedFile:
    checked = load_case(path, display_path(path, base), limits)
    checked.sources = None  # rebuilt from the text if a finding must still be placed
    return checked


def report_skipped(files: list[CheckedFile], consequence: str, stream: TextIO | None = None) -> None:
    """Each located finding of the skipped ``files``, then one line saying what happened to them."""
    if not files:
        return
    out = stream or sys.stderr
    for checked in files:
        out.writelines(text_line(f) + "\n" for f in checked.findings)
    out.write(
        f"已跳过以上 {len(files)} 个无法使用的案件文件，{consequence}；其余案件照常处理，退出码为 1。"
        "请按提示改正后重新运行（ecoredress check 列出全部问题）。\n"
    )
