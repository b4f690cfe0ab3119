"""Mutation testing: does the test selection notice when a module's code is changed?

    python3 tests/mutation/mutate.py MODULE... [--jobs N] [--json FILE] [-- PYTEST-ARGS...]

MODULE is a dotted name or a pattern (``ecoredress.regulation.rules.*``). Each mutant changes one thing in
one module (an operator, a constant, a string, a returned or assigned value, see ``variants``). The tests are
the pytest arguments after ``--`` (default ``tests/regulation``); one traced run of them all tells which tests run
each line, so a mutant first runs (with ``-x``) only the tests that reach it, and a survivor is run against all of
them before it counts: *killed* if a test fails or the run times out, *survived* if every test passes. Mutants listed in
``equivalent.yaml`` beside this script (same module, line and description, with a reason) change no behaviour and
are left out of the score.

Why not mutmut: it rewrites the package into a ``mutants/`` copy and needs the package where its layout
expects it; ours lives under ``scripts/``. Here each mutant runs in a process forked from one that has the
third-party libraries loaded, and the mutated module is served by an import hook, so nothing on disk changes
and a mutant costs about the time of its tests. Exit code 1 when a module scores below ``--min-score``.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import ctypes
import fnmatch
import hashlib
import importlib
import importlib.abc
import importlib.util
import json
import os
import pkgutil
import resource
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import CodeType, FrameType, ModuleType

from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PACKAGE = "ecoredress"


@dataclass(frozen=True)
class Mutant:
    module: str
    index: int  # position of the mutated node in ``ast.walk`` order
    variant: int
    line: int
    description: str
    span: tuple[int, int] = (0, 0)  # lines whose execution reaches the node: its statement's first line to its last
    module_level: bool = False  # outside any function: runs at import and affects every test

    @property
    def key(self) -> tuple[str, int, str]:
        return self.module, self.line, self.description


# -- mutators: for a node, the variants it can be turned into ------------------------------------------

_COMPARE = {
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_BINARY = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv,
    ast.BitOr: ast.BitAnd,
    ast.BitAnd: ast.BitOr,
}
_SYMBOL = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.BitOr: "|",
    ast.BitAnd: "&",
    ast.And: "and",
    ast.Or: "or",
}


def variants(node: ast.AST) -> list[str]:
    """Descriptions of the mutations of ``node`` (their order is the variant number)."""
    if isinstance(node, ast.Compare):
        return [f"{_SYMBOL[type(op)]} → {_SYMBOL[_COMPARE[type(op)]]}" for op in node.ops if type(op) in _COMPARE]
    if isinstance(node, ast.BoolOp):
        return [f"{_SYMBOL[type(node.op)]} → {'or' if isinstance(node.op, ast.And) else 'and'}"]
    if isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in _BINARY:
        return [f"{_SYMBOL[type(node.op)]} → {_SYMBOL[_BINARY[type(node.op)]]}"]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
        return ["drop " + ("not" if isinstance(node.op, ast.Not) else "-")]
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool):
            return [f"{node.value} → {not node.value}"]
        if isinstance(node.value, int):
            return [f"{node.value} → {node.value + 1}"]
        if isinstance(node.value, str):
            return [f"{_short(node.value)!r} → 'XX…XX'"]
    if isinstance(node, ast.Return) and node.value is not None and not _is_none(node.value):
        return ["return … → return None"]
    if isinstance(node, ast.Assign) and not _is_none(node.value):
        return [f"{ast.unparse(node.targets[0])} = … → None"]
    if isinstance(node, ast.Lambda) and not _is_none(node.body):
        return ["lambda body → None"]
    if isinstance(node, (ast.Break, ast.Continue)):
        return ["break → continue" if isinstance(node, ast.Break) else "continue → break"]
    return []


def apply(node: ast.AST, variant: int) -> ast.AST:
    """The mutated node (``node`` is a copy the caller owns)."""
    if isinstance(node, ast.Compare):
        positions = [i for i, op in enumerate(node.ops) if type(op) in _COMPARE]
        i = positions[variant]
        node.ops[i] = _COMPARE[type(node.ops[i])]()
    elif isinstance(node, ast.BoolOp):
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif isinstance(node, (ast.BinOp, ast.AugAssign)):
        node.op = _BINARY[type(node.op)]()
    elif isinstance(node, ast.UnaryOp):
        return node.operand
    elif isinstance(node, ast.Constant):
        if isinstance(node.value, bool):
            node.value = not node.value
        elif isinstance(node.value, int):
            node.value += 1
        else:
            node.value = f"XX{node.value}XX"
    elif isinstance(node, (ast.Return, ast.Assign)):
        node.value = ast.Constant(None)
    elif isinstance(node, ast.Lambda):
        node.body = ast.Constant(None)
    elif isinstance(node, ast.Break):
        return ast.Continue()
    elif isinstance(node, ast.Continue):
        return ast.Break()
    return node


def _is_none(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _short(text: str) -> str:
    return text if len(text) <= 24 else text[:21] + "…"


def _skipped(tree: ast.Module) -> set[int]:
    """Nodes never mutated: docstrings, annotations, decorators and ``__future__`` imports (no behaviour)."""
    skip: set[int] = set()

    def mark(node: ast.AST | None) -> None:
        if node is not None:
            skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body:
            first = body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                mark(first)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            mark(node.returns)
            for dec in node.decorator_list:
                mark(dec)
            for arg in (
                *node.args.posonlyargs,
                *node.args.args,
                *node.args.kwonlyargs,
                node.args.vararg,
                node.args.kwarg,
            ):
                if arg is not None:
                    mark(arg.annotation)
        if isinstance(node, ast.ClassDef):
            for dec in node.decorator_list:
                mark(dec)
        if isinstance(node, ast.AnnAssign):
            mark(node.annotation)
    return skip


def mutants_of(module: str, source: str) -> list[Mutant]:
    tree = ast.parse(source)
    skip = _skipped(tree)
    statement: dict[int, ast.stmt] = {}
    in_function: set[int] = set()
    for stmt in ast.walk(tree):  # parents come first: the innermost statement wins
        if isinstance(stmt, ast.stmt):
            for node in ast.walk(stmt):
                statement[id(node)] = stmt
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            in_function.update(id(n) for n in ast.walk(stmt) if n is not stmt)
    keyword = {id(k.value): k.arg for k in ast.walk(tree) if isinstance(k, ast.keyword) and k.arg}
    found = []
    for index, node in enumerate(ast.walk(tree)):
        if id(node) in skip:
            continue
        for variant, description in enumerate(variants(node)):
            start = statement[id(node)].lineno if id(node) in statement else node.lineno
            span = (start, node.end_lineno or node.lineno)
            if id(node) in keyword:  # name the argument: two on one line are told apart
                description = f"{keyword[id(node)]}={description}"
            found.append(Mutant(module, index, variant, node.lineno, description, span, id(node) not in in_function))
    return found


class _Replace(ast.NodeTransformer):
    def __init__(self, target: ast.AST, variant: int) -> None:
        self.target, self.variant = target, variant

    def visit(self, node: ast.AST) -> ast.AST:
        if node is self.target:
            return apply(node, self.variant)
        return self.generic_visit(node)


def mutated_code(mutant: Mutant, source: str, filename: str) -> CodeType:
    tree = ast.parse(source)
    target = next(n for i, n in enumerate(ast.walk(tree)) if i == mutant.index)
    return compile(ast.fix_missing_locations(_Replace(target, mutant.variant).visit(tree)), filename, "exec")


# -- running a mutant ----------------------------------------------------------------------------------


class _Loader(importlib.abc.Loader):
    def __init__(self, code: CodeType) -> None:
        self.code = code

    def create_module(self, spec: ModuleSpec) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        exec(self.code, module.__dict__)  # noqa: S102 - the mutated module's own code


class _Finder(importlib.abc.MetaPathFinder):
    """Serves one module from a code object; every other import goes the usual way."""

    def __init__(self, module: ModuleSource, code: CodeType) -> None:
        self.module, self.code = module, code

    def find_spec(self, name: str, path: object, target: object = None) -> ModuleSpec | None:
        if name != self.module.name:
            return None
        locations = [str(Path(self.module.origin).parent)] if self.module.package else None
        return importlib.util.spec_from_file_location(
            name, self.module.origin, loader=_Loader(self.code), submodule_search_locations=locations
        )


def _forget_project_modules() -> None:
    """Drop every module loaded from this repository (the package and the tests), keep the libraries and this script."""
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file and Path(file).resolve().is_relative_to(ROOT) and not Path(file).resolve().is_relative_to(HERE):
            del sys.modules[name]


def _run_tests(test_args: list[str], plugins: list[object] = ()) -> int:
    import pytest

    # plain asserts: a mutant only needs pass or fail, and rewriting every test module costs more than the tests
    return int(pytest.main([*test_args, "-x", "-q", "-p", "no:cacheprovider", "--assert=plain"], plugins=list(plugins)))


IMPORT_TIME = ""  # the "test" a line runs under when it runs while modules are imported or tests collected


class Coverage:
    """Which tests run each line of the mutated modules (one traced run of the whole selection), so that a
    mutant runs only the tests that can see it; a line run at import time affects every test."""

    def __init__(self, files: set[str]) -> None:
        self.files = files
        self.current = IMPORT_TIME
        self.lines: dict[tuple[str, int], set[str]] = {}

    def _global(self, frame: FrameType, event: str, arg: object) -> Callable | None:
        return self._local if frame.f_code.co_filename in self.files else None

    def _local(self, frame: FrameType, event: str, arg: object) -> Callable:
        if event == "line":
            self.lines.setdefault((frame.f_code.co_filename, frame.f_lineno), set()).add(self.current)
        return self._local

    def pytest_runtest_protocol(self, item: object, nextitem: object) -> None:
        self.current = item.nodeid  # type: ignore[attr-defined]

    def pytest_runtest_logfinish(self, nodeid: str, location: object) -> None:
        self.current = IMPORT_TIME

    def run(self, tests: list[str]) -> int:
        sys.settrace(self._global)
        try:
            return _run_tests(tests, [self])
        finally:
            sys.settrace(None)

    def tests_for(self, file: str, first: int, last: int) -> set[str] | None:
        """The tests that ran a line in ``first``..``last``; None when one ran at import time (all tests)."""
        seen = set().union(*(self.lines.get((file, n), set()) for n in range(first, last + 1)))
        return None if IMPORT_TIME in seen else seen


def _start(task: Callable[[], int], timeout: float, memory_mb: int) -> int:
    """Fork a child that runs ``task()`` silently and exits with its result. The child leads its own process group
    (so that ``_stop`` ends whatever it started too) and may use ``memory_mb`` of data (heap; address space
    merely reserved, as a browser's, is not counted): a mutant that allocates without end fails with MemoryError
    instead of exhausting a shared machine. Its own SIGALRM after
    ``timeout`` is only a first line: tests or libraries may set their own handler or alarm, and a handler never
    runs while a regular expression backtracks in C, so the parent enforces the deadline (``_batch``)."""
    pid = os.fork()
    if pid:
        return pid
    code = 3
    try:
        os.setpgid(0, 0)
        # Its own group is out of reach of a kill of the run's group: die with the run (PR_SET_PDEATHSIG).
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        if memory_mb:
            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
        signal.alarm(max(1, round(timeout)))
        code = task()
    except BaseException:  # noqa: BLE001 - a mutant may break anything: that counts as a failing run
        code = 4
    finally:
        os._exit(code)


def _stop(pid: int) -> None:
    """Kill a mutant's process group: the mutant and any process its tests started."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _outcome(status: int) -> str:
    if os.WIFEXITED(status):
        return "survived" if os.WEXITSTATUS(status) == 0 else "killed"
    return "timeout"


def _mutant_task(mutant: Mutant, module: ModuleSource, test_args: list[str]) -> Callable[[], int]:
    def task() -> int:
        _forget_project_modules()
        sys.meta_path.insert(0, _Finder(module, mutated_code(mutant, module.source, module.origin)))
        return _run_tests(test_args)

    return task


@dataclass
class Limits:
    timeout: float  # seconds a mutant's tests may take before it counts as killed by a timeout
    jobs: int = 1  # mutants run at once
    memory_mb: int = 0  # data (heap) a mutant's process may use; 0: no limit
    grace: float = 5.0  # seconds past the timeout before the parent kills a mutant its own alarm did not end
    poll: float = 0.2  # how often the parent looks at its children


def run_all(
    todo: list[Mutant],
    modules: dict[str, ModuleSource],
    tests: list[str],
    coverage: Coverage,
    limits: Limits,
    log: Journal | None = None,
) -> dict[Mutant, str]:
    """Each mutant against the tests that ran its lines, then each survivor against all the tests: code that runs
    once and is remembered (a module imported lazily, a cached result) is traced to the first test only."""
    first = {}
    for mutant in todo:
        reaching = None if mutant.module_level else coverage.tests_for(modules[mutant.module].origin, *mutant.span)
        first[mutant] = tests if not reaching else sorted(reaching)
    done = log.done if log else {}
    outcomes = {m: done[m] for m in todo if m in done}  # decided by an earlier, interrupted run
    work = [(m, first[m]) for m in todo if m not in outcomes]
    outcomes.update(_batch(work, modules, limits, log and log.write))
    again = [m for m in todo if outcomes[m] == "survived" and first[m] is not tests]
    outcomes.update(_batch([(m, tests) for m in again], modules, limits, log and log.write))
    return outcomes


def _batch(
    work: list[tuple[Mutant, list[str]]],
    modules: dict[str, ModuleSource],
    limits: Limits,
    report: Callable[[Mutant, str, float], None] | None = None,
    make_task: Callable[[Mutant, ModuleSource, list[str]], Callable[[], int]] | None = None,
) -> dict[Mutant, str]:
    """Run ``(mutant, tests)`` pairs ``limits.jobs`` at a time, each in its own forked process, and kill a process
    group still running ``limits.grace`` seconds after its timeout."""
    make_task = make_task or _mutant_task
    pending, outcomes = list(reversed(work)), {}
    running: dict[int, tuple[Mutant, float]] = {}  # pid → mutant and when it started
    while pending or running:
        while pending and len(running) < limits.jobs:
            mutant, selection = pending.pop()
            pid = _start(make_task(mutant, modules[mutant.module], selection), limits.timeout, limits.memory_mb)
            running[pid] = (mutant, time.monotonic())
        finished = []
        now = time.monotonic()
        for pid, (_, started) in running.items():  # only our own children: others are their owners' to reap
            ended, status = os.waitpid(pid, os.WNOHANG)
            if ended:
                finished.append((pid, _outcome(status)))
            elif now - started > limits.timeout + limits.grace:
                _stop(pid)
                os.waitpid(pid, 0)
                finished.append((pid, "timeout"))
        for pid, outcome in finished:
            mutant, started = running.pop(pid)
            outcomes[mutant] = outcome
            if report:
                report(mutant, outcome, now - started)
            if outcome == "timeout":
                print(
                    f"  timeout after {now - started:.0f} s: {mutant.module} line {mutant.line}: {mutant.description}",
                    file=sys.stderr,
                    flush=True,
                )
            if len(outcomes) % 25 == 0 or len(outcomes) == len(work):
                print(f"  {len(outcomes)}/{len(work)}", file=sys.stderr, flush=True)
        if not finished:
            time.sleep(limits.poll)
    return outcomes


class Journal:
    """Every outcome as one JSON line, written as soon as the mutant ends: an interrupted run loses nothing, and
    ``--resume`` reuses the kills of mutants whose module source has not changed since. Survivors run again: tests
    added meanwhile may kill them (tests changed or removed meanwhile call for a fresh run instead)."""

    def __init__(self, path: Path, modules: dict[str, ModuleSource], resume: bool) -> None:
        self.path = path
        self.digest = {name: hashlib.sha256(m.source.encode()).hexdigest()[:16] for name, m in modules.items()}
        self.done: dict[Mutant, str] = {}  # killed or timed out in an earlier run
        mutants = {
            (m.module, m.index, m.variant): m for name, mod in modules.items() for m in mutants_of(name, mod.source)
        }
        if resume and path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                with contextlib.suppress(ValueError, KeyError):
                    entry = json.loads(line)
                    mutant = mutants.get((entry["module"], entry["index"], entry["variant"]))
                    if mutant and entry["source"] == self.digest[mutant.module] and entry["outcome"] != "survived":
                        self.done[mutant] = entry["outcome"]
        elif path.exists():
            path.unlink()

    def write(self, mutant: Mutant, outcome: str, seconds: float) -> None:
        entry = {
            **asdict(mutant),
            "outcome": outcome,
            "seconds": round(seconds, 1),
            "source": self.digest[mutant.module],
        }
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")


# -- modules, equivalents, report ---------------------------------------------------------------------


@dataclass(frozen=True)
class ModuleSource:
    name: str
    origin: str
    source: str
    package: bool


def resolve(patterns: list[str]) -> list[ModuleSource]:
    import ecoredress

    names = [PACKAGE] + [m.name for m in pkgutil.walk_packages(ecoredress.__path__, PACKAGE + ".")]
    out = []
    for name in names:
        if any(fnmatch.fnmatchcase(name, p) for p in patterns):
            spec = importlib.util.find_spec(name)
            assert spec and spec.origin
            out.append(
                ModuleSource(
                    name,
                    spec.origin,
                    Path(spec.origin).read_text(encoding="utf-8"),
                    spec.submodule_search_locations is not None,
                )
            )
    missing = [p for p in patterns if not any(fnmatch.fnmatchcase(m.name, p) for m in out)]
    if missing:
        raise SystemExit(f"no module matches {missing}")
    return out


def load_equivalents(path: Path) -> dict[tuple[str, int, str], str]:
    if not path.is_file():
        return {}
    entries = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or []
    return {(e["module"], int(e["line"]), e["mutation"]): e["reason"] for e in entries}


def _warm_up() -> None:
    """Import pytest and every module of the package once (loading the libraries they use), then forget the
    package: each mutant's process imports it afresh, with the mutated module in it."""
    import hypothesis  # noqa: F401 - its pytest plugin imports it at the end of every run
    import pytest  # noqa: F401

    import ecoredress

    for info in pkgutil.walk_packages(ecoredress.__path__, PACKAGE + "."):
        if not info.name.endswith(".__main__"):  # that one runs the command line
            with contextlib.suppress(Exception):
                importlib.import_module(info.name)
    _forget_project_modules()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="+", help="dotted module names or patterns (ecoredress.regulation.rules.*)")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once (default 1)")
    parser.add_argument(
        "--equivalent",
        type=Path,
        default=HERE / "equivalent.yaml",
        help="mutants judged equivalent (default: equivalent.yaml here)",
    )
    parser.add_argument(
        "--min-score", type=float, default=95.0, help="per-module score below which the exit code is 1 (default 95)"
    )
    parser.add_argument("--json", type=Path, help="write every mutant and its outcome here")
    parser.add_argument("--log", type=Path, help="append each outcome here (JSON lines) as soon as its mutant ends")
    parser.add_argument(
        "--resume", action="store_true", help="reuse the kills in --log of unchanged modules; survivors run again"
    )
    parser.add_argument("--timeout", type=float, help="seconds per mutant (default: 3 × the traced run, at least 20)")
    parser.add_argument(
        "--memory-mb", type=int, default=2048, help="data (heap) per mutant in MB, 0 for none (default 2048)"
    )
    argv = sys.argv[1:] if argv is None else argv
    cut = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:cut])
    args.tests = argv[cut + 1 :] or ["tests/regulation"]

    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))  # as under ``python3 -m pytest``: the tests import ``tests.conftest``
    modules = resolve(args.modules)
    equivalents = load_equivalents(args.equivalent)
    _warm_up()

    started = time.monotonic()
    coverage = Coverage({m.origin for m in modules})
    if coverage.run(args.tests) != 0:
        print("the tests fail without any mutation; fix them first", file=sys.stderr)
        return 2
    _forget_project_modules()
    limits = Limits(args.timeout or max(20.0, 3 * (time.monotonic() - started)), args.jobs, args.memory_mb)

    by_module = {m.name: m for m in modules}
    todo = [mut for m in modules for mut in mutants_of(m.name, m.source)]
    if args.resume and not args.log:
        parser.error("--resume needs --log")
    journal = Journal(args.log, by_module, args.resume) if args.log else None
    outcomes = run_all(todo, by_module, args.tests, coverage, limits, journal)

    failed = False
    records = []
    for m in modules:
        mine = [mu for mu in todo if mu.module == m.name]
        equivalent = [mu for mu in mine if mu.key in equivalents]
        counted = [mu for mu in mine if mu.key not in equivalents]
        killed = [mu for mu in counted if outcomes[mu] in ("killed", "timeout")]
        score = 100.0 * len(killed) / len(counted) if counted else 100.0
        failed |= score < args.min_score
        timeouts = sum(1 for mu in killed if outcomes[mu] == "timeout")
        print(
            f"{m.name}: {len(killed)}/{len(counted)} killed = {score:.1f}%  "
            f"({timeouts} by timeout, {len(equivalent)} equivalent, {len(mine)} mutants)"
        )
        lines = m.source.splitlines()
        for mu in counted:
            if outcomes[mu] not in ("killed", "timeout"):
                print(f"  {outcomes[mu]}  line {mu.line}: {mu.description}    | {lines[mu.line - 1].strip()[:100]}")
        for mu in equivalent:
            if outcomes[mu] in ("killed", "timeout"):
                print(f"  listed as equivalent but killed: line {mu.line}: {mu.description}")
        records += [{**asdict(mu), "outcome": outcomes[mu], "equivalent": equivalents.get(mu.key)} for mu in mine]
    keys = {mu.key for mu in todo}
    stale = sorted(k for k in equivalents if k[0] in by_module and k not in keys)
    for key in stale:
        print(f"equivalent.yaml names a mutant that no longer exists: {key}")
    if args.json:
        args.json.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
