"""Restoration documents say what the record shows and cite what governs it.

第二十五条: a decision to end restoration states the evaluation that agreed to it (its date and conclusion, in the
law's words), and is not issued without one. 第二十三条: effect-evaluation opinions and closing reports cite it only
where the obligor restores; where the rights-holder restores with the money they cite 第三十三条 / 第三十二条.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from document_samples import sample_calendar, sample_cases, sample_jobs, sample_profile, sample_templates
from ecoredress.documents.plan import case_jobs
from ecoredress.model import Case
from ecoredress.model.enums import RestorationEndGround, RestorationMode
from ecoredress.presentation.formatting import cn_date
from ecoredress.regulation.document_kinds import BY_KEY
from ecoredress.regulation.obligations import obligor_restores

CASES = {case.id: case for case in sample_cases()}
ENDED = CASES["YC-2024-001"]  # 2025-10-20 applied, 2025-12-05 approved
DECISION = BY_KEY["restoration-end-decision"]
UNITS = st.sampled_from(
    ["银川市生态环境局", "银川市生态环境局永宁分局", "宁夏虚构生态环境损害鉴定评估中心", "银川市人民政府"]
)


def _with_end_evaluation(case: Case, evaluation: dict[str, object] | None) -> Case:
    data = case.model_dump(mode="python")
    data["restoration"]["end"]["evaluation"] = evaluation
    return Case.model_validate(data)


def _issuer(text: str) -> str:
    return text.split("::: signature")[1].split()[0]


def _decisions(case: Case) -> list[str]:
    jobs = case_jobs(case, [DECISION], sample_profile(), sample_calendar(), sample_templates())
    return [job.markdown for job in jobs]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(days_before=st.integers(min_value=0, max_value=90), unit=UNITS, conclusion=st.sampled_from(RestorationEndGround))
def test_end_decision_quotes_the_recorded_evaluation(days_before, unit, conclusion):
    approved = ENDED.restoration.end.approved_on
    evaluated_on = approved - dt.timedelta(days=days_before)
    case = _with_end_evaluation(ENDED, {"evaluated_on": evaluated_on, "evaluator": unit, "conclusion": conclusion})
    [text] = _decisions(case)
    other = next(g for g in RestorationEndGround if g is not conclusion)
    who = "本机关" if unit == _issuer(text) else unit  # the department that signs the decision is 本机关 in it
    assert f"{cn_date(evaluated_on)}，{who}对你方的终止修复申请组织评估，评估结论为：{conclusion.statutory}。" in text
    assert other.statutory not in text and "经本机关组织评估" not in text


def test_the_law_words_the_acceptable_risk_conclusion():
    assert RestorationEndGround.ACCEPTABLE_RISK.statutory == "确实无法达到修复目标但已修复至生态环境风险可接受水平"
    assert RestorationEndGround.FORCE_MAJEURE.statutory == "因不可抗力导致修复中止并无法继续"


def test_no_end_decision_without_an_evaluation_on_or_before_the_approval():
    approved = ENDED.restoration.end.approved_on
    assert _decisions(_with_end_evaluation(ENDED, None)) == []
    late = {
        "evaluated_on": approved + dt.timedelta(days=1),
        "evaluator": "银川市生态环境局",
        "conclusion": "已修复至生态环境风险可接受水平",
    }
    assert _decisions(_with_end_evaluation(ENDED, late)) == []


def test_the_sample_decision_states_the_evaluation_of_its_case():
    [text] = _decisions(ENDED)
    assert _issuer(text) == "银川市生态环境局"  # who evaluated, and signs
    assert "2025年11月28日，本机关对你方的终止修复申请组织评估" in text


def test_evaluation_opinions_and_closing_reports_cite_article_23_only_where_the_obligor_restores():
    jobs = [job for job in sample_jobs() if job.key in ("effect-evaluation", "closing-report")]
    holder = [job for job in jobs if _restored_by_holder(CASES[job.case_id])]
    assert {job.case_id for job in holder} == {"SZS-2022-001", "WZ-2023-001", "WZ-2024-001", "ZW-2025-001"}
    for job in holder:
        expected = {"effect-evaluation": "第三十三条关于生态环境修复效果应当依法向社会公开的规定"}.get(
            job.key, "第三十二条、第三十五条的规定"
        )
        assert "第二十三条" not in job.markdown and expected in job.markdown, job.stem
    obligors = [job for job in jobs if job.key == "effect-evaluation" and obligor_restores(CASES[job.case_id])]
    assert obligors and all("第二十三条第三项的规定" in job.markdown for job in obligors)


def _restored_by_holder(case: Case) -> bool:
    return case.restoration is not None and case.restoration.mode is RestorationMode.FUNDED
