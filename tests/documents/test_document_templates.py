"""Templates: strict fields, escaped case text, masked public variant (the golden text of every document is in
test_golden_documents.py)."""

from __future__ import annotations

import pytest

from ecoredress.documents.context import document_context
from ecoredress.documents.plan import case_jobs
from ecoredress.documents.templating import environment, render_markdown
from ecoredress.errors import UserError
from ecoredress.regulation.document_kinds import BY_KEY


def test_missing_field_names_template_and_case(tmp_path, cases_by_id, profile, calendar):
    (tmp_path / "broken.md.j2").write_text("# 标题\n\n{{ case.damage.no_such_field }}\n", encoding="utf-8")
    case = cases_by_id["YC-2023-002"]
    spec = BY_KEY["consultation-notice"]
    context = document_context(case, spec, spec.subjects(case)[0], profile, calendar, public=False)
    with pytest.raises(UserError) as raised:
        render_markdown(tmp_path, "broken.md.j2", context, case.id)
    message = str(raised.value)
    assert "broken.md.j2 第 3 行" in message and "YC-2023-002" in message and "no_such_field" in message


def test_empty_field_is_an_error_not_a_blank(tmp_path, cases_by_id, profile, calendar):
    (tmp_path / "blank.md.j2").write_text("延期：{{ case.assessment.extension }}\n", encoding="utf-8")
    case = cases_by_id["YC-2023-002"]  # no extension recorded
    spec = BY_KEY["consultation-notice"]
    context = document_context(case, spec, spec.subjects(case)[0], profile, calendar, public=False)
    with pytest.raises(UserError, match="blank.md.j2 第 1 行.*YC-2023-002.*为空"):
        render_markdown(tmp_path, "blank.md.j2", context, case.id)


def test_public_variant_has_no_private_fields(tmp_path, cases_by_id, profile, calendar):
    (tmp_path / "leak.md.j2").write_text("{{ case.obligors[0].address }}\n", encoding="utf-8")
    case = cases_by_id["YC-2023-002"]
    spec = BY_KEY["agreement"]
    context = document_context(case, spec, spec.subjects(case)[0], profile, calendar, public=True)
    with pytest.raises(UserError, match="不存在的字段"):
        render_markdown(tmp_path, "leak.md.j2", context, case.id)


def test_case_text_is_escaped(cases_by_id, profile, calendar, templates):
    case = cases_by_id["YC-2023-002"]
    hostile = case.damage.model_copy(update={"description": "废水*含油* # 标题 | 表格 <script> 1. 列表"})
    markdown = case_jobs(
        case.model_copy(update={"damage": hostile}), [BY_KEY["consultation-notice"]], profile, calendar, templates
    )[0].markdown
    assert r"废水\*含油\* \# 标题 \| 表格 \<script\> 1. 列表" in markdown


def test_environment_is_strict(templates):
    env = environment(templates)
    assert env.undefined.__name__ == "StrictUndefined"


def test_undated_narrative_fields_are_out_of_reach(tmp_path, cases_by_id, profile, calendar):
    # The summary is written once and tells of later steps: a template that reaches for it fails loudly.
    case = cases_by_id["NX-2023-001"]
    spec = BY_KEY["agreement"]
    context = document_context(case, spec, spec.subjects(case)[0], profile, calendar, public=False)
    for field in ("case.summary", "case.agreement.summary", "subject.summary"):
        (tmp_path / "narrate.md.j2").write_text(f"{{{{ {field} }}}}\n", encoding="utf-8")
        with pytest.raises(UserError, match="不存在的字段"):
            render_markdown(tmp_path, "narrate.md.j2", context, case.id)


def test_a_template_sees_the_case_as_of_the_document_date(cases_by_id, profile, calendar):
    case = cases_by_id["NX-2023-001"]
    spec = BY_KEY["agreement"]  # signed 2023-12-22; confirmed by the court 2024-02-26, evaluated 2026-06-18
    context = document_context(case, spec, spec.subjects(case)[0], profile, calendar, public=False)
    agreement = context["case"]["agreement"]
    assert agreement["judicial_confirmation"] is None and agreement["fully_performed_on"] is None
    assert context["case"]["restoration"]["evaluations"] == [] and context["case"]["funds"] is None
