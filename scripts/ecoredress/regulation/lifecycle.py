"""The life of a case as a state machine: its current stage and its next legal step, derived from its facts.

Stages follow 第九条–第二十五条. ``derive_stage`` looks at the furthest step the facts record;
``next_step`` says what the regulation requires next and, when the step has a period, by when.
Facts that skip a required step (an agreement with no consultation, an evaluation with no
restoration work…) are errors of the article that sets the order, in ``rules/art*.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from ecoredress.model import Case
from ecoredress.model.enums import ConclusionDecision, ConsultationOutcome, EnforcementOutcome, RestorationMode
from ecoredress.regulation.deadlines import INSTALMENT_ARTICLE, case_terms
from ecoredress.regulation.obligations import payment_done

if TYPE_CHECKING:
    from ecoredress.regulation.calendar import Calendar
    from ecoredress.regulation.profile import Profile


class Stage(StrEnum):
    CLUE = "线索核查"
    NO_CLAIM = "不启动索赔"
    INVESTIGATION = "损害调查"
    ASSESSMENT = "鉴定评估"
    CONCLUSION = "调查结论"
    CONSULTATION = "索赔磋商"
    PERFORMANCE = "协议履行"
    CONFIRMATION = "司法确认"
    LITIGATION = "诉讼"
    JUDGMENT_PERFORMANCE = "判决履行"
    ENFORCEMENT = "强制执行"
    RESTORATION = "修复"
    EVALUATION = "效果评估"
    CLOSED = "结案"
    CLAIM_ENDED = "终止索赔"

    @property
    def finished(self) -> bool:
        return self in (Stage.CLOSED, Stage.CLAIM_ENDED, Stage.NO_CLAIM)


STAGE_ORDER = list(Stage)


@dataclass(frozen=True)
class NextStep:
    stage: Stage
    action: str  # what to do next, in Chinese
    article: str
    due: dt.date | None = None
    duty: str | None = None  # the deadlines term that dates it (its code, or the prefix of a family of terms)


# -- facts -------------------------------------------------------------------------------------------


def restoration_started(case: Case) -> bool:
    r = case.restoration
    return bool(r and (r.plan or r.implementation or r.evaluations or r.end))


def restoration_done(case: Case) -> bool:
    r = case.restoration
    if r is None or r.mode is RestorationMode.COMPENSATION_ONLY:
        return True
    if r.end and r.end.approved_on:
        return True
    return bool(r.evaluations and r.evaluations[-1].passed)


def _awaiting_evaluation(case: Case) -> bool:
    r = case.restoration
    assert r is not None
    if not (r.implementation and r.implementation.completed_on):
        return False
    if not r.evaluations:
        return True
    last = r.evaluations[-1]
    return bool(not last.passed and last.rectification and last.rectification.completed_on)


# -- stage -------------------------------------------------------------------------------------------


def derive_stage(case: Case) -> Stage:
    """The stage the case's facts put it in."""
    pc = case.preliminary_check
    if case.claim_end:
        return Stage.CLAIM_ENDED
    if pc and (not pc.damage_found or pc.no_claim_reason) and case.investigation is None:
        return Stage.NO_CLAIM
    lit = case.litigation
    if case.enforcement and (not case.enforcement[1].concluded_on or _enforcement_suspended(case)):
        return Stage.ENFORCEMENT
    if restoration_started(case):
        return _restoration_stage(case)
    if lit:
        if lit.judgment is None:
            return Stage.LITIGATION
        return Stage.CLOSED if payment_done(case) and restoration_done(case) else Stage.JUDGMENT_PERFORMANCE
    if case.agreement:
        jc = case.agreement.judicial_confirmation
        if jc and jc.ruled_on is None:
            return Stage.CONFIRMATION
        return Stage.CLOSED if payment_done(case) and restoration_done(case) else Stage.PERFORMANCE
    return _before_agreement(case)


def _enforcement_suspended(case: Case) -> bool:
    """终结本次执行 with money still owed: the case waits for property to be found (第十九条第三款)."""
    assert case.enforcement is not None
    return case.enforcement[1].outcome is EnforcementOutcome.SUSPENDED and not payment_done(case)


def _restoration_stage(case: Case) -> Stage:
    if restoration_done(case):
        if payment_done(case) or not (case.agreement or case.litigation):
            return Stage.CLOSED
        return Stage.JUDGMENT_PERFORMANCE if case.litigation and case.litigation.judgment else Stage.PERFORMANCE
    return Stage.EVALUATION if _awaiting_evaluation(case) else Stage.RESTORATION


def _before_agreement(case: Case) -> Stage:
    if case.consultation:
        return Stage.CONSULTATION
    if case.conclusion:
        return Stage.CONCLUSION
    a, inv = case.assessment, case.investigation
    if a and a.report_on is None:
        return Stage.ASSESSMENT
    if inv:
        return Stage.CONCLUSION if inv.ended_on else Stage.INVESTIGATION
    return Stage.CLUE


# -- next step ---------------------------------------------------------------------------------------


def next_step(case: Case, profile: Profile, calendar: Calendar) -> NextStep | None:
    """The next legal step and, when it has a period, its due date. None for a finished case."""
    stage = derive_stage(case)
    step = _step_for(case, stage)
    if step is None:
        return None
    action, article, duty = step
    due = None
    if duty:
        terms = case_terms(case, profile, calendar)
        open_terms = [
            t for t in terms if t.done_on is None and t.due and (t.duty == duty or t.duty.startswith(f"{duty}-"))
        ]
        if open_terms:
            first = min(open_terms, key=lambda t: t.due or dt.date.max)  # every open term here has a due date
            due, duty = first.due, first.duty
    return NextStep(stage, action, article, due, duty)


def _step_for(case: Case, stage: Stage) -> tuple[str, str, str | None] | None:
    finder = _STEPS.get(stage)
    return finder(case) if finder else None


def _clue_step(case: Case) -> tuple[str, str, str | None]:
    pc = case.preliminary_check
    if pc is None:
        return "完成初步核查", "第十条第一款", "preliminary-check"
    return "启动索赔程序并开展损害调查", "第十条第一款", None


def _investigation_step(case: Case) -> tuple[str, str, str | None]:
    if case.assessment is None:
        return "委托鉴定评估或适用简易评估认定程序", "第十四条、第十五条", None
    return "完成损害调查（义务人情况、因果关系、影响范围和损害程度）", "第十三条", None


def _conclusion_step(case: Case) -> tuple[str, str, str | None]:
    c = case.conclusion
    if c is None:
        return "形成调查结论，提出启动磋商或终止索赔的意见", "第十六条第一款", "conclusion"
    if c.decision is ConclusionDecision.END_CLAIM:
        if case.damage.in_red_line:  # 第十二条 forbids ending the claim inside the red line
            return "依法启动索赔磋商，送达磋商告知书（红线内不得终止索赔）", "第十二条、第十六条", None
        return "作出终止索赔决定", "第十二条", None
    return "制作并送达索赔磋商告知书", "第十六条第一款", None


def _consultation_step(case: Case) -> tuple[str, str, str | None]:
    cons = case.consultation
    assert cons is not None
    if cons.outcome is ConsultationOutcome.TERMINATED:
        return "向有管辖权的法院提起诉讼", "第十九条第二款", None
    if cons.outcome is ConsultationOutcome.AGREED:
        return "签订生态环境损害赔偿协议", "第十九条第一款", None
    return "磋商达成协议或依法终止磋商", "第十八条", "consultation"


def _performance_step(case: Case) -> tuple[str, str, str | None]:
    agreement = case.agreement
    if agreement and agreement.non_performance:
        confirmed = bool(agreement.judicial_confirmation and agreement.judicial_confirmation.confirmed)
        if confirmed:
            return "向法院申请强制执行", "第十九条第三款", None
        return "向法院提起诉讼", "第十九条第二款", None
    if agreement and agreement.instalments:
        return "督促义务人按分期计划缴纳赔偿资金", INSTALMENT_ARTICLE, "instalment"
    if not restoration_done(case) and case.restoration:
        return "编制修复方案并经专家论证后备案", "第二十三条第一项", None
    return "督促义务人履行赔偿协议并缴入国库", "第十九条、第三十二条", None


def _restoration_step(case: Case) -> tuple[str, str, str | None]:
    r = case.restoration
    assert r is not None
    if r.evaluations and not r.evaluations[-1].passed:
        if r.evaluations[-1].rectification is None:
            return "要求赔偿义务人限期整改", "第二十四条", None
        return "督促完成限期整改", "第二十四条", "rectification"
    if r.plan is None or not r.plan.review_passed:
        return "编制修复方案并组织专家论证", "第二十三条第一项", None
    if r.plan.filed_on is None:
        return "修复方案报赔偿权利人备案", "第二十三条第一项", None
    if r.implementation is None:
        return "按备案的修复方案开展修复", "第二十三条第二项", None
    return "完成修复实施并跟踪监管", "第二十三条第二项、第二十四条", None


def _closed_step(case: Case) -> tuple[str, str, str | None] | None:
    if any(ref.closed_on and ref.reply_on is None for ref in case.referrals):
        return "函告处理情况（检察衔接）", "第二十六条", "referral"
    return None


_STEPS: dict[Stage, Callable[[Case], tuple[str, str, str | None] | None]] = {
    Stage.CLUE: _clue_step,
    Stage.INVESTIGATION: _investigation_step,
    Stage.ASSESSMENT: lambda c: ("取得鉴定意见或鉴定评估报告", "第十四条第二款", "assessment"),
    Stage.CONCLUSION: _conclusion_step,
    Stage.CONSULTATION: _consultation_step,
    Stage.CONFIRMATION: lambda c: ("跟进法院司法确认（公告期满后裁定）", "第十九条第一款", None),
    Stage.PERFORMANCE: _performance_step,
    Stage.LITIGATION: lambda c: ("跟进诉讼，取得生效判决", "第十九条第二款", None),
    Stage.JUDGMENT_PERFORMANCE: lambda c: ("督促义务人履行生效判决；不履行的申请强制执行", "第十九条第三款", None),
    Stage.ENFORCEMENT: lambda c: (
        (
            "查找义务人可供执行的财产，发现后申请恢复执行"
            if c.enforcement and c.enforcement[1].concluded_on
            else "跟进强制执行，申请将义务人列入失信被执行人名单"
        ),
        "第十九条第三款",
        None,
    ),
    Stage.RESTORATION: _restoration_step,
    Stage.EVALUATION: lambda c: ("组织修复效果评估", "第二十三条第三项", None),
    Stage.CLOSED: _closed_step,
    Stage.CLAIM_ENDED: _closed_step,
    Stage.NO_CLAIM: _closed_step,
}
