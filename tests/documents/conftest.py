"""Fixtures for the document tests: sample cases by id, the project, and one full render of every case."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecoredress.documents.plan import plan_jobs
from ecoredress.documents.renderer import render_documents
from ecoredress.documents.settings import document_settings
from ecoredress.project import find_project
from ecoredress.regulation.profile import load_profile

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def project():
    return find_project(ROOT)


@pytest.fixture(scope="session")
def templates(project):
    return project.templates_dir / "documents"


@pytest.fixture(scope="session")
def profile(project):
    return load_profile(project_root=project.root)


@pytest.fixture(scope="session")
def cases_by_id(sample_cases):
    return {case.id: case for case in sample_cases}


@pytest.fixture(scope="session")
def rendered(sample_cases, project, templates, profile, tmp_path_factory):
    """Every document every sample case calls for, in docx and pdf (rendered once for the session)."""
    out = tmp_path_factory.mktemp("documents")
    jobs = plan_jobs(sample_cases, profile, templates, None)
    result = render_documents(jobs, document_settings(project), templates, out, workers=2)
    return out, jobs, result
