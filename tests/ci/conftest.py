"""The runs of the CI definitions (tests/ci/runs.py) as session fixtures."""

from __future__ import annotations

import pytest

from tests.ci import runs
from tests.ci.workflows import PipelineRun


@pytest.fixture(scope="session")
def review_run(tmp_path_factory) -> PipelineRun:
    """The pull-request workflow on a pull request that adds a public case and corrects an amount."""
    return runs.review_run(tmp_path_factory)


@pytest.fixture(scope="session")
def gitlab_run(tmp_path_factory) -> PipelineRun:
    """GitLab's merge-request pipeline on the same kind of merge request."""
    return runs.gitlab_run(tmp_path_factory)


@pytest.fixture(scope="session")
def gitlab_main_run(tmp_path_factory) -> PipelineRun:
    """GitLab's default-branch pipeline in a clean copy of the project."""
    return runs.gitlab_main_run(tmp_path_factory)


@pytest.fixture(scope="session")
def pages_run(tmp_path_factory) -> PipelineRun:
    """GitHub's deploy workflow in a clean copy of the project."""
    return runs.pages_run(tmp_path_factory)
