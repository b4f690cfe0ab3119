"""Every document kind: its template, legal basis, and what in a case calls for it.

A case calls for a document when the section the document is issued from is filled: the case file
records that the step happened (or is being prepared), so the document for that step can be issued.
Some kinds are issued once per item (each evaluation, each referral); ``subjects`` lists the items.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ecoredress.model import Case
from ecoredress.model.enums import (
    AssessmentMode,
    ConsultationOutcome,
    ConsultationProcedure,
    DocumentKind,
    PublicItem,
    ReferralDirection,
)


@dataclass(frozen=True)
class Subject:
    """One document to issue: the section it is issued from, its 文号 and its date."""

    item: Any
    doc_no: str | None
    issued_on: Any  # datetime.date


@dataclass(frozen=True)
class Spec:
    key: str  # file names and --kind
    kind: DocumentKind
    title: str
    articles: str
    subjects: Callable[[Case], list[Subject]]
    publishable: Callable[[Case], bool] = lambda case: False

    @property
    def template(self) -> str:
        return f"{self.key}.md.j2"


def _issued_no(case: Case, kind: DocumentKind, index: int = 0) -> str | None:
    """The 文号 recorded for this kind under ``documents`` (the index-th one for kinds issued per item)."""
    numbers = [d.doc_no for d in case.documents if d.kind is kind]
    return numbers[index] if index < len(numbers) else None


def _one(item: Any, doc_no: str | None, issued_on: Any) -> list[Subject]:
    return [Subject(item, doc_no, issued_on)] if item is not None else []


def _consultation_notice(case: Case) -> list[Subject]:
    if case.consultation is None:
        return []
    notice = case.consultation.notice
    return _one(notice, notice.doc_no or _issued_no(case, DocumentKind.CONSULTATION_NOTICE), notice.served_on)


def _agreement(simplified: bool) -> Callable[[Case], list[Subject]]:
    kind = DocumentKind.SIMPLIFIED_AGREEMENT if simplified else DocumentKind.AGREEMENT

    def subjects(case: Case) -> list[Subject]:
        procedure = case.consultation.procedure if case.consultation else ConsultationProcedure.NORMAL
        if case.agreement is None or (procedure is ConsultationProcedure.SIMPLIFIED) != simplified:
            return []
        return _one(case.agreement, case.agreement.doc_no or _issued_no(case, kind), case.agreement.signed_on)

    return subjects


def _agreement_published(case: Case) -> bool:
    # 第三十三条: the agreement is published once the case's disclosure decision says so.
    return case.disclosure.publish and PublicItem.AGREEMENT in case.disclosure.items


def _claim_end(case: Case) -> list[Subject]:
    end = case.claim_end
    return _one(end, _issued_no(case, DocumentKind.CLAIM_END_DECISION), end.decided_on if end else None)


def _consultation_end(case: Case) -> list[Subject]:
    c = case.consultation
    if c is None or c.outcome is not ConsultationOutcome.TERMINATED or c.ended_on is None:
        return []
    return _one(c, _issued_no(case, DocumentKind.CONSULTATION_END_NOTICE), c.ended_on)


def _commission(case: Case) -> list[Subject]:
    a = case.assessment
    if a is None or a.mode.simplified or a.commissioned_on is None or a.institution is None:
        return []
    return _one(a, _issued_no(case, DocumentKind.ASSESSMENT_COMMISSION), a.commissioned_on)


def _extension(case: Case) -> list[Subject]:
    a = case.assessment
    if a is None or a.extension is None:
        return []
    return _one(a, _issued_no(case, DocumentKind.ASSESSMENT_EXTENSION_NOTICE), a.extension.notified_on)


def _reminder(case: Case) -> list[Subject]:
    a = case.assessment
    if a is None or a.simplified_reminder_on is None:
        return []
    return _one(a, _issued_no(case, DocumentKind.SIMPLIFIED_ASSESSMENT_REMINDER), a.simplified_reminder_on)


def _expert_opinion(case: Case) -> list[Subject]:
    a = case.assessment
    if a is None or a.mode is not AssessmentMode.EXPERT_OPINION or a.report_on is None:
        return []
    return _one(a, a.report_no, a.report_on)


def _judicial_confirmation(case: Case) -> list[Subject]:
    if case.agreement is None or case.agreement.judicial_confirmation is None:
        return []
    confirmation = case.agreement.judicial_confirmation
    return _one(
        confirmation, _issued_no(case, DocumentKind.JUDICIAL_CONFIRMATION_APPLICATION), confirmation.applied_on
    )


def _plan_filing(case: Case) -> list[Subject]:
    plan = case.restoration.plan if case.restoration else None
    if plan is None or plan.filed_on is None:
        return []
    return _one(plan, plan.filing_no or _issued_no(case, DocumentKind.PLAN_FILING_RECEIPT), plan.filed_on)


def _evaluations(case: Case) -> list[Subject]:
    evaluations = case.restoration.evaluations if case.restoration else []
    return [
        Subject(e, _issued_no(case, DocumentKind.EFFECT_EVALUATION_OPINION, i), e.evaluated_on)
        for i, e in enumerate(evaluations)
    ]


def _rectifications(case: Case) -> list[Subject]:
    evaluations = case.restoration.evaluations if case.restoration else []
    failed = [e for e in evaluations if e.rectification is not None]
    return [
        Subject(e, _issued_no(case, DocumentKind.RECTIFICATION_NOTICE, i), e.rectification.notified_on)
        for i, e in enumerate(failed)
    ]


def _referral_letters(case: Case) -> list[Subject]:
    # 第二十六条第二款: the department refers a public-interest-litigation clue to the procuratorate.
    outgoing = [r for r in case.referrals if r.direction is ReferralDirection.TO_PROCURATORATE]
    return [
        Subject(r, r.letter_no or _issued_no(case, DocumentKind.REFERRAL_LETTER, i), r.referred_on)
        for i, r in enumerate(outgoing)
    ]


def _handling_letters(case: Case) -> list[Subject]:
    # 第二十六条第一款: a clue the procuratorate referred is answered by letter once the case is finished.
    answered = [
        r for r in case.referrals if r.direction is ReferralDirection.FROM_PROCURATORATE and r.reply_on is not None
    ]
    return [
        Subject(r, r.reply_no or _issued_no(case, DocumentKind.HANDLING_LETTER, i), r.reply_on)
        for i, r in enumerate(answered)
    ]


SPECS: tuple[Spec, ...] = (
    Spec("assessment-commission", DocumentKind.ASSESSMENT_COMMISSION, "生态环境损害鉴定评估委托书", "第十四条", _commission),
    Spec("assessment-extension", DocumentKind.ASSESSMENT_EXTENSION_NOTICE, "生态环境损害鉴定评估延期告知书", "第十四条", _extension),
    Spec("simplified-reminder", DocumentKind.SIMPLIFIED_ASSESSMENT_REMINDER, "适用简易评估认定程序提醒函", "第十五条", _reminder),
    Spec("expert-opinion", DocumentKind.EXPERT_OPINION_FORM, "生态环境损害简易评估专家意见表", "第十五条", _expert_opinion),
    Spec("claim-end", DocumentKind.CLAIM_END_DECISION, "终止生态环境损害索赔决定书", "第十二条、第十六条", _claim_end),
    Spec("consultation-notice", DocumentKind.CONSULTATION_NOTICE, "生态环境损害索赔磋商告知书", "第十六条", _consultation_notice),
    Spec("consultation-end", DocumentKind.CONSULTATION_END_NOTICE, "终止生态环境损害赔偿磋商通知书", "第十八条", _consultation_end),
    Spec("agreement", DocumentKind.AGREEMENT, "生态环境损害赔偿协议", "第十六条、第十九条", _agreement(False), _agreement_published),
    Spec(
        "simplified-agreement",
        DocumentKind.SIMPLIFIED_AGREEMENT,
        "生态环境损害赔偿协议（简易磋商）",
        "第十七条、第十九条",
        _agreement(True),
        _agreement_published,
    ),
    Spec("judicial-confirmation", DocumentKind.JUDICIAL_CONFIRMATION_APPLICATION, "生态环境损害赔偿协议司法确认申请书", "第十九条", _judicial_confirmation),
    Spec("plan-filing-receipt", DocumentKind.PLAN_FILING_RECEIPT, "生态环境损害修复方案备案回执", "第二十三条", _plan_filing),
    Spec("effect-evaluation", DocumentKind.EFFECT_EVALUATION_OPINION, "生态环境损害修复效果评估意见", "第二十三条", _evaluations),
    Spec("rectification-notice", DocumentKind.RECTIFICATION_NOTICE, "生态环境损害修复限期整改通知书", "第二十四条", _rectifications),
    Spec("referral-letter", DocumentKind.REFERRAL_LETTER, "生态环境损害案件线索移送函", "第二十六条", _referral_letters),
    Spec("handling-letter", DocumentKind.HANDLING_LETTER, "生态环境损害赔偿案件处理情况函", "第二十六条", _handling_letters),
)
BY_KEY = {spec.key: spec for spec in SPECS}
BY_NAME = {spec.kind.value: spec for spec in SPECS}
