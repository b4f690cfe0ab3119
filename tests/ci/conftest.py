"""Runs of the CI definitions in throw-away copies of this project, shared by the tests that inspect them.

Each definition runs in its own fresh copy (as on a runner), once per test run: they build real
documents and sites, so sharing the runs keeps tests/ci fast.
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


# Each run is made once per test run (built_once: under pytest-xdist the workers share it); the tests only read it.
@pytest.fixture(scope="session")
def review_run(tmp_path_factory) -> PipelineRun:
    """The pull-request workflow on a pull request that adds a public case and corrects an amount."""
    return built_once(tmp_path_factory, "github-review", _review_run)[1]


@pytest.fixture(scope="session")
def gitlab_run(tmp_path_factory) -> PipelineRun:
    """GitLab's merge-request pipeline on the same kind of merge request."""
    return built_once(tmp_path_factory, "gitlab", _gitlab_run)[1]


@pytest.fixture(scope="session")
def gitlab_main_run(tmp_path_factory) -> PipelineRun:
    """GitLab's default-branch pipeline in a clean copy of the project."""
    return built_once(tmp_path_factory, "gitlab-main", _gitlab_main_run)[1]


@pytest.fixture(scope="session")
def pages_run(tmp_path_factory) -> PipelineRun:
    """GitHub's deploy workflow in a clean copy of the project."""
    return built_once(tmp_path_factory, "pages", _pages_run)[1]
