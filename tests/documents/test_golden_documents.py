"""The text of every document of every sample case, and of the annual reports, is a reviewed golden file.

A change to any wording, fact or citation shows in review as a diff of tests/documents/test_golden_documents/.
After reviewing a deliberate change as the officer who signs the document: pytest --force-regen.
"""

from __future__ import annotations

import pytest

from document_samples import sample_calendar, sample_cases, sample_jobs, sample_logs, sample_profile, sample_templates
from ecoredress.documents.annual import annual_jobs
from ecoredress.regulation.document_kinds import SPECS

ANNUAL_YEARS = (2024, 2025)


def _jobs():
    jobs = list(sample_jobs())
    for year in ANNUAL_YEARS:
        jobs += annual_jobs(
            list(sample_cases()), sample_logs(), year, sample_profile(), sample_calendar(), sample_templates()
        )
    return jobs


JOBS = _jobs()


@pytest.mark.parametrize("job", JOBS, ids=[job.stem for job in JOBS])
def test_document_text(job, file_regression):
    file_regression.check(job.markdown, basename=job.stem.replace("/", "__"), extension=".md")


def test_every_kind_has_golden_documents():
    assert {spec.key for spec in SPECS} <= {job.key for job in JOBS}
