"""Run a lawyer-readable YAML scenario: a base case, the facts that differ, the findings expected.

A scenario's ``facts`` are merged into the base case: mappings merge key by key, a list replaces the
list, ``null`` removes the key. The findings compared are the codes of every registered check; a scenario
may also name the article a finding cites (``articles: {code: 第N条…}``), its level (``severity: {code: 错误}``), the
article it applies by analogy to a fact before the regulation took effect (``analogy: {code: 第N条…}``, null: applied
directly),
and a rule profile from ``profiles/`` to check under (``profile: revised-2024-12``; default ningxia-2024).
A file may set aside codes its rule does not judge (``ignore: [doc-number-missing]``: the 发文字号 of the documents
its scenarios issue, a formality that ``doc_numbers.yaml`` checks); each such file says so in its first lines.
A scenario (or its file) may give the repository's ``departments`` settings, as ``[tool.ecoredress.departments]``
has them; without, every department of the case has its particulars set.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ecoredress.loading.discovery import SCREENING_DIR
from ecoredress.loading.guarded import DEFAULT_LIMITS
from ecoredress.loading.yamlio import load_data
from ecoredress.model import Case
from ecoredress.regulation.calendar import Calendar, load_calendar
from ecoredress.regulation.findings import Finding
from ecoredress.regulation.profile import Profile, load_profile
from ecoredress.regulation.rules.registry import CaseContext
from ecoredress.regulation.screening import known_screening_ids
from ecoredress.settings import DepartmentSettings, Settings
from ecoredress.validation.checker import run_checks

SCENARIOS = Path(__file__).parent / "scenarios"
PROFILES = Path(__file__).parent / "profiles"


def merge(base: Any, facts: Any) -> Any:
    if not isinstance(base, dict) or not isinstance(facts, dict):
        return facts
    out = dict(base)
    for key, value in facts.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge(out.get(key), value)
    return out


def load_file(path: Path) -> dict[str, Any]:
    return load_data(path.read_text(encoding="utf-8"))


def build_case(spec: dict[str, Any], scenario: dict[str, Any]) -> Case:
    """A scenario may name its own ``base``; then the file's ``common`` facts do not apply to it."""
    own_base = "base" in scenario
    base = load_file(SCENARIOS / (scenario["base"] if own_base else spec["base"]))
    common = {} if own_base else spec.get("common") or {}
    data = merge(merge(base, common), scenario.get("facts") or {})
    return Case.model_validate(data)


SET = DepartmentSettings(address="虚构路 1 号", head="某虚构", head_title="局长", phone="0951-5550000")


def every_department_set(case: Case) -> dict[str, DepartmentSettings]:
    """Settings in which each department of ``case`` has its particulars (what a scenario assumes unless it says)."""
    jurisdiction = case.jurisdiction
    return {name: SET for name in [*jurisdiction.designated_departments, jurisdiction.lead_department] if name}


def findings(
    case: Case,
    as_of: dt.date,
    profile: Profile | None = None,
    calendar: Calendar | None = None,
    departments: dict[str, DepartmentSettings] | None = None,
) -> list[Finding]:
    ctx = CaseContext(
        case,
        SCENARIOS / f"{case.id}.yaml",
        as_of,
        profile or load_profile("ningxia-2024"),
        calendar or load_calendar(None),
        known_screening_ids(SCENARIOS / SCREENING_DIR, DEFAULT_LIMITS),  # as `check` reads them beside the case
        every_department_set(case) if departments is None else departments,
    )
    return run_checks(ctx)


def finding_codes(
    case: Case, as_of: dt.date, profile: Profile | None = None, calendar: Calendar | None = None
) -> list[str]:
    return sorted(f.code for f in findings(case, as_of, profile, calendar))


def scenario_as_of(spec: dict[str, Any], scenario: dict[str, Any]) -> dt.date:
    return scenario.get("as_of") or spec["as_of"]


def scenario_profile(scenario: dict[str, Any]) -> Profile:
    name = scenario.get("profile")
    return load_profile(str(PROFILES / f"{name}.yaml")) if name else load_profile("ningxia-2024")


def scenario_departments(spec: dict[str, Any], scenario: dict[str, Any]) -> dict[str, DepartmentSettings] | None:
    """The scenario's (else its file's) ``departments``, read as pyproject.toml's are; None when neither says."""
    table = scenario.get("departments", spec.get("departments"))
    return None if table is None else Settings.model_validate({"departments": table}).departments


def run(spec: dict[str, Any], scenario: dict[str, Any]) -> list[Finding]:
    """The findings of one scenario of a scenario file, but those of the codes the file sets aside."""
    ignored = set(spec.get("ignore") or ())
    case, departments = build_case(spec, scenario), scenario_departments(spec, scenario)
    found = findings(case, scenario_as_of(spec, scenario), scenario_profile(scenario), departments=departments)
    return [f for f in found if f.code not in ignored]
