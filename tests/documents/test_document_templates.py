"""Templates: golden Markdown per kind, strict fields, escaped case text, masked public variant."""

from __future__ import annotations

import pytest

from ecoredress.documents.annual import annual_jobs
from ecoredress.documents.context import document_context
from ecoredress.documents.kinds import BY_KEY, SPECS
from ecoredress.documents.plan import case_jobs
from ecoredress.documents.templating import environment, render_markdown
from ecoredress.errors import UserError

# One sample case per template: the golden Markdown changes only when that case or template changes.
GOLDEN_CASES = {
    "assessment-commission": "YC-2023-002",
    "assessment-extension": "NX-2023-001",
    "simplified-reminder": "GY-2025-001",
    "expert-opinion": "WZ-2024-001",
    "claim-end": "ZW-2024-001",
    "consultation-notice": "YC-2023-002",
    "consultation-end": "SZS-2022-001",
    "agreement": "YC-2023-002",
    "simplified-agreement": "WZ-2024-001",
    "judicial-confirmation": "NX-2023-001",
    "plan-filing-receipt": "YC-2023-002",
    "effect-evaluation": "GY-2024-001",
    "rectification-notice": "GY-2024-001",
    "referral-letter": "ZW-2025-001",
    "handling-letter": "GY-2024-001",
}


def test_every_kind_has_a_golden_case():
    assert set(GOLDEN_CASES) == {spec.key for spec in SPECS}


@pytest.mark.parametrize("key", sorted(GOLDEN_CASES))
def test_golden_markdown(key, cases_by_id, profile, templates, file_regression):
    jobs = case_jobs(cases_by_id[GOLDEN_CASES[key]], [BY_KEY[key]], profile, templates)
    assert jobs, f"{GOLDEN_CASES[key]} no longer calls for {key}"
    file_regression.check(jobs[0].markdown, basename=key, extension=".md")


def test_golden_public_agreement(cases_by_id, profile, templates, file_regression):
    case = cases_by_id["GY-2024-001"]  # two natural persons with one surname
    public = [j for j in case_jobs(case, [BY_KEY["agreement"]], profile, templates) if j.public]
    assert len(public) == 1
    text = public[0].markdown
    assert "张某甲" in text and "张某乙" in text
    for person in case.obligors:
        assert person.name not in text and person.id_number not in text
    file_regression.check(text, basename="agreement-public", extension=".md")


def test_golden_annual_report(sample_cases, profile, templates, file_regression):
    jobs = {j.case_id: j for j in annual_jobs(sample_cases, 2024, profile, templates)}
    assert "2024年度生态环境损害赔偿工作情况报告" in jobs["YC"].markdown
    file_regression.check(jobs["YC"].markdown, basename="annual-report", extension=".md")


def test_every_template_states_its_legal_basis(cases_by_id, profile, templates):
    for key, case_id in GOLDEN_CASES.items():
        markdown = case_jobs(cases_by_id[case_id], [BY_KEY[key]], profile, templates)[0].markdown
        assert f"依据：《{profile.title}》（{profile.reference}）{BY_KEY[key].articles}" in markdown
        assert "\\:\\:\\:" not in markdown and "\\-\\-\\-" not in markdown  # macro output is never escaped twice


def test_missing_field_names_template_and_case(tmp_path, cases_by_id, profile):
    (tmp_path / "broken.md.j2").write_text("# 标题\n\n{{ case.damage.no_such_field }}\n", encoding="utf-8")
    case = cases_by_id["YC-2023-002"]
    spec = BY_KEY["consultation-notice"]
    context = document_context(case, spec, spec.subjects(case)[0], profile, public=False)
    with pytest.raises(UserError) as raised:
        render_markdown(tmp_path, "broken.md.j2", context, case.id)
    message = str(raised.value)
    assert "broken.md.j2 第 3 行" in message and "YC-2023-002" in message and "no_such_field" in message


def test_empty_field_is_an_error_not_a_blank(tmp_path, cases_by_id, profile):
    (tmp_path / "blank.md.j2").write_text("延期：{{ case.assessment.extension }}\n", encoding="utf-8")
    case = cases_by_id["YC-2023-002"]  # no extension recorded
    spec = BY_KEY["consultation-notice"]
    context = document_context(case, spec, spec.subjects(case)[0], profile, public=False)
    with pytest.raises(UserError, match="blank.md.j2 第 1 行.*YC-2023-002.*为空"):
        render_markdown(tmp_path, "blank.md.j2", context, case.id)


def test_public_variant_has_no_private_fields(tmp_path, cases_by_id, profile):
    (tmp_path / "leak.md.j2").write_text("{{ case.obligors[0].address }}\n", encoding="utf-8")
    case = cases_by_id["YC-2023-002"]
    spec = BY_KEY["agreement"]
    context = document_context(case, spec, spec.subjects(case)[0], profile, public=True)
    with pytest.raises(UserError, match="不存在的字段"):
        render_markdown(tmp_path, "leak.md.j2", context, case.id)


def test_case_text_is_escaped(cases_by_id, profile, templates):
    case = cases_by_id["YC-2023-002"]
    hostile = case.damage.model_copy(update={"description": "废水*含油* # 标题 | 表格 <script> 1. 列表"})
    markdown = case_jobs(case.model_copy(update={"damage": hostile}), [BY_KEY["consultation-notice"]], profile, templates)[0].markdown
    assert r"废水\*含油\* \# 标题 \| 表格 \<script\> 1. 列表" in markdown


def test_environment_is_strict(templates):
    env = environment(templates)
    assert env.undefined.__name__ == "StrictUndefined"
