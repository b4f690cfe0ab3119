"""Case files spread over worker processes (issue 14, part 3): `check` and every command that reads the cases say
the same thing, byte for byte and in the same order, whether one process or several read the files; a worker
that dies costs time, not findings; a small repository starts no worker at all.

The workers start only above ``FILES_PER_WORKER`` files each: the tests lower it to one so that a handful of
files is spread over two processes."""

from __future__ import annotations

import io
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecoredress.errors import UserError
from ecoredress.loading.discovery import discover_case_files
from ecoredress.model import name_tagger
from ecoredress.project import find_project
from ecoredress.validation import repository
from ecoredress.validation.checker import CheckedFile, CheckRun, check_file
from ecoredress.validation.report import FORMATS
from tests.conftest import CASES, case_repository, run_cli

SAMPLES = sorted(CASES.glob("*.yaml"))
PARENT = os.getpid()


@pytest.fixture
def spread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file is worth a worker."""
    monkeypatch.setattr(repository, "FILES_PER_WORKER", 1)


def hostile_repository(root: Path) -> Path:
    """The samples, and beside them what a repository may hold: a case number used twice (once in a misnamed
    file), a syntax error, an alias, a control character, deep nesting, a foreign tag, a file that is not UTF-8,
    a list instead of a mapping, a schema error and a link."""
    case_repository(root)
    cases = root / "cases"
    first = SAMPLES[0].read_text(encoding="utf-8")
    first_id = SAMPLES[0].stem
    broken = {
        "YC-2099-001.yaml": first,  # the first sample's number again, in a file named otherwise
        "YC-2099-002.yaml": "id: YC-2099-002\ntitle: [未闭合\n",
        "YC-2099-003.yaml": "id: YC-2099-003\na: &x [1]\nb: *x\n",
        "YC-2099-004.yaml": "id: YC-2099-004\ntitle: 某\x07案\n",
        "YC-2099-005.yaml": "id: YC-2099-005\ntitle: " + "[" * 200 + "]" * 200 + "\n",
        "YC-2099-006.yaml": "id: YC-2099-006\ntitle: !!python/object 案\n",
        "YC-2099-008.yaml": "- 一\n- 二\n",
        "YC-2099-009.yaml": first.replace(f"id: {first_id}", "id: YC-2099-009", 1).replace("2023-", "2023-13-", 1),
    }
    for name, text in broken.items():
        (cases / name).write_text(text, encoding="utf-8")
    (cases / "YC-2099-007.yaml").write_bytes("id: YC-2099-007\ntitle: 案件\n".encode("gb18030"))
    (cases / "YC-2099-010.yaml").symlink_to(SAMPLES[1])
    shutil.copyfile(SAMPLES[2], cases / f"{SAMPLES[2].stem}-copy.yaml")  # the same number, later in file order
    return root


def every_format(paths: list[Path], base: Path, jobs: int) -> dict[str, str]:
    project = find_project(base)
    report = repository.check_files(paths, base=base, as_of=None, project=project, jobs=jobs)
    return {name: render(report) for name, render in FORMATS.items()}


def test_check_says_the_same_over_two_processes_as_in_one(spread, tmp_path, monkeypatch):
    root = hostile_repository(tmp_path / "repo")
    monkeypatch.chdir(root)
    paths = discover_case_files([root / "cases"])
    serial, parallel = every_format(paths, root, jobs=1), every_format(paths, root, jobs=2)
    assert serial == parallel
    text = serial["text"]
    for code in ("duplicate-id", "yaml-syntax", "filename-mismatch", "not-a-regular-file", "encoding", "not-a-case"):
        assert f" {code} " in text, code
    # The later file with a used number is told so after its wrong name and before the rules' findings.
    lines = [line for line in text.splitlines() if line.startswith("cases/YC-2099-001.yaml:")]
    assert [line.split()[2] for line in lines[:2]] == ["filename-mismatch", "duplicate-id"], lines


def test_check_without_the_cases_says_the_same_and_sends_no_case_back(spread, tmp_path, monkeypatch):
    # `check` needs the findings and the case numbers only: its workers do not pickle 10,000 cases back (issue 14).
    root = hostile_repository(tmp_path / "repo")
    monkeypatch.chdir(root)
    paths, project = discover_case_files([root / "cases"]), find_project(root)
    kept = repository.check_files(paths, base=root, project=project, jobs=2)
    bare = repository.check_files(paths, base=root, project=project, jobs=2, keep_cases=False)
    assert {name: render(bare) for name, render in FORMATS.items()} == every_format(paths, root, jobs=1)
    assert all(f.case is None for f in bare.files) and bare.case_count == kept.case_count == len(kept.cases) > 0


def test_the_check_command_prints_the_same_with_jobs_one_and_two(spread, tmp_path, monkeypatch):
    root = hostile_repository(tmp_path / "repo")
    monkeypatch.chdir(root)
    one = run_cli("check", "--as-of", "2026-11-29", "--jobs", "1")
    two = run_cli("check", "--as-of", "2026-11-29", "--jobs", "2")
    assert (one.code, one.out, one.err) == (two.code, two.out, two.err)
    assert one.code == 1 and "Traceback" not in one.err


def test_every_reader_skips_the_same_files_with_the_same_messages(spread, tmp_path, monkeypatch):
    root = hostile_repository(tmp_path / "repo")
    monkeypatch.chdir(root)
    project = find_project(root)
    said = []
    for jobs in (1, 2):
        err = io.StringIO()
        monkeypatch.setattr("sys.stderr", err)
        loaded = repository.load_cases(project, "未处理", jobs=jobs)
        said.append(([c.model_dump_json() for c in loaded.cases], err.getvalue(), loaded.exit_code))
    assert said[0] == said[1]
    cases, err, code = said[0]
    assert code == 1 and len(cases) == len(SAMPLES) and "已跳过以上 11 个" in err


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(
        st.tuples(
            st.integers(0, len(SAMPLES) - 1),
            st.integers(0, 4000),
            st.integers(0, 40),
            st.text(st.sampled_from("：:- \n\t'\"[]{}&*!#|>张王欧阳明华某河2024-0613"), max_size=12),
        ),
        min_size=3,
        max_size=6,
    )
)
def test_edited_cases_are_reported_alike_by_one_process_and_two(spread, tmp_path_factory, edits):
    """Samples with a random slice replaced by random YAML-ish text: whatever breaks, one process and two say it
    alike."""
    root = tmp_path_factory.mktemp("edits")
    for n, (sample, start, length, text) in enumerate(edits):
        original = SAMPLES[sample].read_text(encoding="utf-8")
        start = min(start, len(original))
        (root / f"{SAMPLES[sample].stem}-{n}.yaml").write_text(
            original[:start] + text + original[start + length :], encoding="utf-8"
        )
    paths = sorted(root.glob("*.yaml"))
    project = find_project(CASES.parent)
    serial = repository.check_files(paths, base=root, project=project, jobs=1)
    parallel = repository.check_files(paths, base=root, project=project, jobs=2)
    assert FORMATS["json"](serial) == FORMATS["json"](parallel)


def test_a_repository_below_the_threshold_starts_no_worker(tmp_path, monkeypatch):
    monkeypatch.setattr(repository, "ProcessPoolExecutor", None)  # any use would fail
    report = repository.check_files(SAMPLES, base=CASES.parent, project=find_project(CASES.parent), jobs=8)
    assert len(report.files) == len(SAMPLES) and report.valid


def process_of(path: Path) -> tuple[str, int]:
    time.sleep(0.05 if path.name.startswith("a") else 0)  # the first files take longest
    return path.name, os.getpid()


def test_files_go_to_workers_and_come_back_in_order(spread):
    paths = [Path(f"{letter}{n}") for letter in "ab" for n in range(20)]
    done = repository.in_order(process_of, paths, jobs=2)
    assert [name for name, _ in done] == [p.name for p in paths]
    assert len({pid for _, pid in done} - {PARENT}) == 2


def test_jiebas_dictionary_is_loaded_once_before_the_workers_start(spread):
    # Forked workers share what this process loaded; loaded in each worker instead, it costs each a second of CPU.
    name_tagger._model.cache_clear()
    repository.check_files(SAMPLES, base=CASES.parent, project=find_project(CASES.parent), jobs=2)
    assert name_tagger._model.cache_info().currsize == 1  # here, where no file was checked


def die_in_a_worker(path: Path, run: CheckRun) -> CheckedFile:
    if os.getpid() != PARENT:
        (run.base / "died").touch()
        os._exit(9)  # as if the out-of-memory killer had struck
    return check_file(path, run)


def test_a_worker_that_dies_costs_time_not_findings(spread, tmp_path, monkeypatch):
    root = hostile_repository(tmp_path / "repo")
    paths = discover_case_files([root / "cases"])
    project = find_project(root)
    expected = FORMATS["text"](repository.check_files(paths, base=root, project=project, jobs=1))
    monkeypatch.setattr(repository, "check_file", die_in_a_worker)
    assert FORMATS["text"](repository.check_files(paths, base=root, project=project, jobs=2)) == expected
    assert (root / "died").exists()


@pytest.mark.parametrize("value", ["0", "-1", '"2"', "true", "1.5"])
def test_a_wrong_jobs_setting_is_said_in_chinese(tmp_path, monkeypatch, value):
    root = case_repository(tmp_path / "repo", [SAMPLES[0].stem])
    pyproject = root / "pyproject.toml"
    pyproject.write_text(
        re.sub(r"^\[tool\.ecoredress\]$", f"[tool.ecoredress]\njobs = {value}", pyproject.read_text(), flags=re.M),
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    result = run_cli("check")
    assert result.code == 2 and "jobs" in result.err and "Traceback" not in result.err
    assert re.search(r"[\u4e00-\u9fff]", result.err)
    with pytest.raises(UserError):
        find_project(root)


def test_jobs_default_to_the_setting_then_the_cpus(tmp_path):
    root = case_repository(tmp_path / "repo", [SAMPLES[0].stem])
    assert repository.worker_count(find_project(root)) == (os.cpu_count() or 1)
    assert repository.worker_count(find_project(root), 3) == 3
    pyproject = root / "pyproject.toml"
    pyproject.write_text(
        re.sub(r"^\[tool\.ecoredress\]$", "[tool.ecoredress]\njobs = 5", pyproject.read_text(), flags=re.M),
        encoding="utf-8",
    )
    assert repository.worker_count(find_project(root)) == 5
