"""Runs of the CI definitions in throw-away copies of this project, each made once per test run (built_once:
under pytest-xdist the workers share it) and only read by the tests: they build real documents and sites.

Each definition runs in its own fresh copy, as on a runner. tests/ci/conftest.py makes them fixtures; the README's
commands run in a copy of the deploy run's repository (tests/test_readme_examples.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ci.gitrepo import CaseRepo, pull_request
from tests.ci.workflows import (
    GITHUB_WORKFLOWS,
    PipelineRun,
    ecoredress_commands,
    github_steps,
    gitlab_pipeline,
    run_step,
)
from tests.conftest import built_once

GITHUB_CONTEXT = {
    "github.base_ref": "main",
    "github.event.pull_request.number": "1",
    "runner.os": "Linux",
    "steps.check.outcome": "success",
    "steps.render.outcome": "success",
    "steps.site.outcome": "success",
    "steps.deployment.outputs.page_url": "https://example.invalid/",
}


def workflow(name: str) -> Path:
    (path,) = [p for p in GITHUB_WORKFLOWS if p.name == name]
    return path


def run_ecoredress_steps(run: PipelineRun, steps, extra_env: dict[str, str] | None = None) -> PipelineRun:
    """Run, in order, every step that invokes ecoredress; install steps are .ci/install's job."""
    for step in steps:
        if ecoredress_commands(step.script):
            run.ran.append(run_step(step, run.repo.root, extra_env))
    return run


def _review_run(root: Path) -> PipelineRun:
    run = PipelineRun(CaseRepo.from_project(root / "repo"), summary=root / "step-summary.md")
    pull_request(run.repo)
    return run_ecoredress_steps(
        run, github_steps(workflow("review.yml"), GITHUB_CONTEXT), {"GITHUB_STEP_SUMMARY": str(run.summary)}
    )


def _gitlab_run(root: Path) -> PipelineRun:
    """The merge-request pipeline (the jobs its rules select) on a merge request."""
    run = PipelineRun(CaseRepo.from_project(root / "repo"))
    base = pull_request(run.repo)
    variables = {
        "CI_PROJECT_DIR": str(run.repo.root),
        "CI_PIPELINE_SOURCE": "merge_request_event",
        "CI_DEFAULT_BRANCH": "main",
        "CI_MERGE_REQUEST_DIFF_BASE_SHA": base,
    }
    return run_ecoredress_steps(run, gitlab_pipeline(variables))


def _gitlab_main_run(root: Path) -> PipelineRun:
    """The default-branch pipeline (check, then Pages and the internal site) in a clean copy, in another time
    zone than the GitHub deploy below: the two deploy builds are compared (test_reproducible.py)."""
    run = PipelineRun(CaseRepo.from_project(root / "repo"))
    variables = {
        "CI_PROJECT_DIR": str(run.repo.root),
        "CI_PIPELINE_SOURCE": "push",
        "CI_COMMIT_BRANCH": "main",
        "CI_DEFAULT_BRANCH": "main",
    }
    return run_ecoredress_steps(run, gitlab_pipeline(variables), {"TZ": "Asia/Shanghai"})


def _pages_run(root: Path) -> PipelineRun:
    """The whole deploy workflow in a clean copy, in UTC."""
    run = PipelineRun(CaseRepo.from_project(root / "repo"))
    return run_ecoredress_steps(run, github_steps(workflow("pages.yml"), GITHUB_CONTEXT), {"TZ": "UTC"})


def review_run(tmp_path_factory: pytest.TempPathFactory) -> PipelineRun:
    return built_once(tmp_path_factory, "github-review", _review_run)[1]


def gitlab_run(tmp_path_factory: pytest.TempPathFactory) -> PipelineRun:
    return built_once(tmp_path_factory, "gitlab", _gitlab_run)[1]


def gitlab_main_run(tmp_path_factory: pytest.TempPathFactory) -> PipelineRun:
    return built_once(tmp_path_factory, "gitlab-main", _gitlab_main_run)[1]


def pages_run(tmp_path_factory: pytest.TempPathFactory) -> PipelineRun:
    return built_once(tmp_path_factory, "pages", _pages_run)[1]
