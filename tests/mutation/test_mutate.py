"""The mutation script makes the mutants it says it makes, and leaves alone what has no behaviour."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import mutate  # noqa: E402

SOURCE = '''"""Module docstring."""

LIMIT: int = 30


@decorated(times=2)
def late(done: "dt.date | None", due: int = 3) -> bool:
    """Docstring."""
    if done is None or done > due + LIMIT:
        return not False
    return "无"
'''


def _namespace(mutant=None):
    code = mutate.mutated_code(mutant, SOURCE, "<toy>") if mutant else compile(SOURCE, "<toy>", "exec")
    ns = {"decorated": lambda **_: lambda f: f}
    exec(code, ns)  # noqa: S102
    return ns


def test_mutants_cover_operators_constants_and_returns_but_not_docstrings_annotations_or_decorators():
    mutants = mutate.mutants_of("toy", SOURCE)
    described = {(m.line, m.description) for m in mutants}
    assert (9, "is → is not") in described and (9, "or → and") in described and (9, "> → >=") in described
    assert (9, "+ → -") in described and (10, "drop not") in described and (10, "False → True") in described
    assert (
        (3, "30 → 31") in described
        and (11, "'无' → 'XX…XX'") in described
        and (11, "return … → return None") in described
    )
    assert all(m.line not in (1, 6, 8) for m in mutants)  # docstrings and the decorator's 2
    assert not any("dt.date" in m.description for m in mutants)  # the annotation
    assert {m.module_level for m in mutants if m.line == 3} == {True}
    assert {m.module_level for m in mutants if m.line == 9} == {False}
    assert len({(m.index, m.variant) for m in mutants}) == len(mutants)


def test_each_mutant_changes_the_code_it_names():
    base = _namespace()["late"]
    assert base(None) is True and base(40) is True and base(10) == "无"
    by_description = {m.description: m for m in mutate.mutants_of("toy", SOURCE)}
    assert _namespace(by_description["or → and"])["late"](40) == "无"
    assert _namespace(by_description["+ → -"])["late"](10) is True
    assert _namespace(by_description["30 → 31"])["LIMIT"] == 31
    assert _namespace(by_description["'无' → 'XX…XX'"])["late"](10) == "XX无XX"
    assert _namespace(by_description["drop not"])["late"](None) is False


# -- running mutants: a hang the mutant's own alarm cannot end, a mutant that eats memory, an interrupted run --


def _toy_module(tmp_path):
    path = tmp_path / "toy.py"
    path.write_text(SOURCE, encoding="utf-8")
    return mutate.ModuleSource("toy", str(path), SOURCE, False)


def _hang_in_c(pid_file):
    """A mutant whose tests defeat its own SIGALRM: a handler of their own, a subprocess, then a regular expression
    that backtracks in C for hours (a Python handler only runs between bytecodes)."""
    import re
    import signal
    import subprocess

    def task():
        signal.signal(signal.SIGALRM, lambda *_: None)
        child = subprocess.Popen(["sleep", "600"])
        pid_file.write_text(str(child.pid))
        re.match(r"(a+)+$", "a" * 60 + "b")
        return 0

    return task


def test_a_mutant_that_defeats_its_own_alarm_is_killed_with_what_it_started_and_the_others_still_run(tmp_path):
    toy = _toy_module(tmp_path)
    hang, passes, fails = mutate.mutants_of("toy", SOURCE)[:3]
    pid_file = tmp_path / "sleep.pid"
    tasks = {hang: _hang_in_c(pid_file), passes: lambda: 0, fails: lambda: 1}
    seen = []
    outcomes = mutate._batch(
        [(hang, []), (passes, []), (fails, [])],
        {"toy": toy},
        mutate.Limits(timeout=1, jobs=2, grace=1, poll=0.05),
        report=lambda m, outcome, seconds: seen.append((m, outcome)),
        make_task=lambda mutant, module, tests: tasks[mutant],
    )
    assert outcomes == {hang: "timeout", passes: "survived", fails: "killed"}
    assert sorted(seen, key=str) == sorted(outcomes.items(), key=str)  # each reported as it ended
    sleeper = int(pid_file.read_text())

    def wait_for_the_sleeper() -> None:
        for _ in range(100):
            os.kill(sleeper, 0)
            time.sleep(0.05)

    with pytest.raises(ProcessLookupError):  # the group was killed: no orphan keeps a core busy
        wait_for_the_sleeper()


def test_a_mutant_that_allocates_without_end_fails_instead_of_exhausting_memory(tmp_path):
    toy = _toy_module(tmp_path)
    mutant = mutate.mutants_of("toy", SOURCE)[0]

    def grab():
        blocks = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GB
        return 0 if blocks else 0

    outcomes = mutate._batch(
        [(mutant, [])], {"toy": toy}, mutate.Limits(timeout=60, memory_mb=512, poll=0.05), make_task=lambda *_: grab
    )
    assert outcomes == {mutant: "killed"}


def test_outcomes_are_journaled_as_they_end_and_a_resumed_run_reuses_the_kills_of_unchanged_modules(tmp_path):
    toy = _toy_module(tmp_path)
    first, second, third = mutate.mutants_of("toy", SOURCE)[:3]
    log = tmp_path / "log.jsonl"
    journal = mutate.Journal(log, {"toy": toy}, resume=False)
    journal.write(first, "killed", 1.0)
    journal.write(second, "timeout", 9.0)
    journal.write(third, "survived", 1.0)  # tests added since may kill it: it runs again
    log.write_text(log.read_text(encoding="utf-8") + '{"truncated by a kill', encoding="utf-8")

    assert mutate.Journal(log, {"toy": toy}, resume=True).done == {first: "killed", second: "timeout"}
    changed = mutate.ModuleSource("toy", toy.origin, SOURCE.replace("30", "31"), False)
    assert mutate.Journal(log, {"toy": changed}, resume=True).done == {}  # another source: nothing reused
    mutate.Journal(log, {"toy": toy}, resume=False)
    assert not log.exists()  # a fresh run starts a fresh journal


def test_a_mutant_does_not_outlive_the_run_that_started_it(tmp_path):
    """Each mutant leads its own process group, so killing the run's group misses it: it must die with the run."""
    pid_file = tmp_path / "mutant.pid"
    run = os.fork()
    if run == 0:  # the run: starts a mutant that would sleep for ten minutes, records its pid, is killed
        try:
            mutant = mutate._start(lambda: time.sleep(600) or 0, 600, 0)
            pid_file.write_text(str(mutant))
            time.sleep(600)
        finally:
            os._exit(0)
    for _ in range(200):
        if pid_file.exists() and pid_file.read_text():
            break
        time.sleep(0.05)
    os.kill(run, 9)
    os.waitpid(run, 0)
    mutant = int(pid_file.read_text())
    for _ in range(100):
        try:
            os.kill(mutant, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(mutant, 9)  # leave no orphan behind, then fail
    pytest.fail("the mutant outlived the run that started it")


def test_every_listed_equivalent_mutant_loads_with_a_reason():
    entries = mutate.load_equivalents(mutate.HERE / "equivalent.yaml")
    assert entries and all(isinstance(reason, str) and len(reason) > 20 for reason in entries.values())
