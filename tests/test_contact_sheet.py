"""docs/contact_sheet.py draws the README's page images; nothing else runs it, so its planning is run here."""

from __future__ import annotations

import importlib.util

from ecoredress.project import find_project
from ecoredress.regulation.document_kinds import SPECS
from tests.conftest import ROOT


def test_the_contact_sheet_plans_one_document_of_every_kind():
    spec = importlib.util.spec_from_file_location("contact_sheet", ROOT / "docs" / "contact_sheet.py")
    assert spec is not None and spec.loader is not None
    sheet = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sheet)
    jobs, _ = sheet._one_of_each_kind(find_project(ROOT))
    keys = [job.key for job in jobs]
    assert sorted(keys) == sorted({spec.key for spec in SPECS} | {"annual-report"})
