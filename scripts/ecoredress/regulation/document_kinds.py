"""Every document kind: its template, legal basis, issuer and receiver, and which facts of a case call for it.

A case calls for a document when the fact the document is issued for is recorded (a meeting notified,
an agreement signed…). Its date is the date recorded for it under ``documents`` (matched by 文号, or the
first of its kind on or after the fact and before the next such fact), else the date of the fact; its
文号 likewise. Kinds issued once per item (each meeting, each evaluation) list one subject per item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from ecoredress.model import Case
from ecoredress.model.enums import (
    AssessmentMode,
    ConsultationOutcome,
    ConsultationProcedure,
    DocumentKind,
    PublicItem,
    ReferralDirection,
)
from ecoredress.model.normalise import normalise_doc_number
from ecoredress.model.outcome import IssuedDocument
from ecoredress.regulation.grounds import CLAIM_END_ITEMS, CONSULTATION_END_ITEMS, GroundItem
from ecoredress.regulation.obligations import decided_in_money, decision, obligor_restores
from ecoredress.regulation.procuratorate import at_same_level

_Item = TypeVar("_Item")
HOLDER_DEPARTMENT = "指定部门或机构"
OBLIGOR = "赔偿义务人"
FILE = "案卷（内部）"


def issuing_department(case: Case) -> str:
    """The department that issues and signs: the lead department if named (第五条第三款), else the designated one."""
    return case.jurisdiction.lead_department or case.jurisdiction.designated_departments[0]


@dataclass(frozen=True)
class Subject:
    """One document to issue: the section it is issued for, its 文号 and date, and (for a document served on
    each obligor in turn) which obligor, counted from 1."""

    item: Any
    doc_no: str | None
    issued_on: dt.date
    party: int | None = None
    # Where the case writes this document's 文号 besides ``documents`` (consultation.notice.doc_no…), if anywhere.
    doc_no_at: tuple[str | int, ...] | None = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph a document cites only for a subject that ``fits`` its condition (``when``, in words for the
    catalogue); another subject cites ``otherwise``."""

    when: str
    otherwise: str
    fits: Callable[[Case, Any], bool]


@dataclass(frozen=True)
class Spec:
    key: str  # file names and --kind
    kind: DocumentKind
    title: str
    articles: str  # articles of the profile's regulation; each document cites what governed on its date
    issuer: str
    receiver: str
    subjects: Callable[[Case], list[Subject]]
    publishable: Callable[[Case], bool] = lambda case: False
    public_only: bool = False  # a notice to the public: no internal original
    form: bool = False  # a form to fill in and sign (送达回证, 磋商记录): it cites no legal basis
    # An outgoing 公文 (决定、通知、函) the department sends out under its own name: its 版头 carries a 发文字号
    # (GB/T 9704-2012 7.2.5). Not the agreements (signed by both sides), court filings, forms, internal papers or
    # what another body issues.
    outgoing: bool = False
    own: tuple[str, ...] = ()  # the narrative steps this document tells itself (its act, its ground): not as past
    # The articles cited instead when the obligor does not restore: 第二十三条 and 第二十四条 govern only restoration
    # by the obligor (“赔偿义务人开展生态环境损害修复的”), not the rights-holder's restoration with the money.
    articles_unless_obligor_restores: str | None = None
    # The listed ground (第十二条, 第十八条) the case records for the act: the document cites its item, not the bare
    # article, and quotes it.
    ground: Callable[[Case], GroundItem | None] = lambda case: None
    # The condition of the paragraph ``articles`` cites, when one subject may not meet it.
    paragraph: Paragraph | None = None
    # Filed with a court by the department, which it names as a party with its particulars: 名称、住所、主要负责人的
    # 姓名和职务、联系方式 (民事诉讼法第一百二十四条第一项 for a complaint; the applications alike).
    court_filing: bool = False

    def articles_for(self, case: Case, item: Any = None) -> str:
        """The articles this document cites for ``case`` (and the section ``item`` it is issued for)."""
        if self.paragraph and item is not None and not self.paragraph.fits(case, item):
            return self.paragraph.otherwise
        other = self.articles_unless_obligor_restores
        articles = self.articles if other is None or obligor_restores(case) else other
        item = self.ground(case)
        if item is None:
            return articles
        return "、".join(item.cited if part == item.article else part for part in articles.split("、"))

    @property
    def template(self) -> str:
        return f"{self.key}.md.j2"


def _recorded(
    case: Case, kind: DocumentKind, start: dt.date, end: dt.date | None, doc_no: str | None
) -> IssuedDocument | None:
    same = [d for d in case.documents if d.kind is kind]
    if doc_no:
        wanted = normalise_doc_number(doc_no)
        return next((d for d in same if normalise_doc_number(d.doc_no) == wanted), None)
    inside = [d for d in same if d.issued_on >= start and (end is None or d.issued_on < end)]
    return min(inside, key=lambda d: d.issued_on, default=None)


def _subject(
    case: Case,
    kind: DocumentKind,
    item: Any,
    day: dt.date,
    doc_no: str | None = None,
    until: dt.date | None = None,
    party: int | None = None,
    doc_no_at: tuple[str | int, ...] | None = None,
) -> Subject:
    record = _recorded(case, kind, day, until, doc_no)
    number = doc_no or (record.doc_no if record else None)
    return Subject(item, number, record.issued_on if record else day, party, doc_no_at)


def _once(
    case: Case,
    kind: DocumentKind,
    item: _Item | None,
    day: Callable[[_Item], dt.date | None],
) -> list[Subject]:
    """One subject for ``item`` once it and the ``day`` of its fact are recorded, else none."""
    on = day(item) if item is not None else None
    return [] if item is None or on is None else [_subject(case, kind, item, on)]


def _series(case: Case, kind: DocumentKind, items: list[tuple[Any, dt.date]]) -> list[Subject]:
    """One subject per item, each matched to the record issued on or after its date and before the next one's."""
    dates = [day for _, day in items]
    return [
        _subject(case, kind, item, day, until=next((d for d in dates[i + 1 :] if d > day), None))
        for i, (item, day) in enumerate(items)
    ]


def _disclosed(item: PublicItem) -> Callable[[Case], bool]:
    # 第三十三条: a document is published once the case's disclosure decision names its item.
    return lambda case: case.disclosure.publish and item in case.disclosure.items


# -- subjects per kind --------------------------------------------------------------------------------


def _claim_start(case: Case) -> list[Subject]:
    pc = case.preliminary_check
    if pc is None or not pc.damage_found or pc.claim_started_on is None:
        return []
    return [_subject(case, DocumentKind.CLAIM_START_APPROVAL, pc, pc.claim_started_on)]


def _investigation_report(case: Case) -> list[Subject]:
    inv = case.investigation
    return _once(case, DocumentKind.INVESTIGATION_REPORT, inv, lambda inv: inv.ended_on)


def _commission(case: Case) -> list[Subject]:
    a = case.assessment
    if a is None or a.mode.simplified or a.commissioned_on is None or a.institution is None:
        return []
    return [_subject(case, DocumentKind.ASSESSMENT_COMMISSION, a, a.commissioned_on)]


def _extension(case: Case) -> list[Subject]:
    a = case.assessment
    if a is None or a.extension is None or a.commissioned_on is None or a.institution is None:
        return []
    return [_subject(case, DocumentKind.ASSESSMENT_EXTENSION_NOTICE, a, a.extension.notified_on)]


def _reminder(case: Case) -> list[Subject]:
    a = case.assessment
    if a is None or a.simplified_reminder_on is None:
        return []
    return [_subject(case, DocumentKind.SIMPLIFIED_ASSESSMENT_REMINDER, a, a.simplified_reminder_on)]


def _simplified(mode: AssessmentMode, kind: DocumentKind) -> Callable[[Case], list[Subject]]:
    def subjects(case: Case) -> list[Subject]:
        a = case.assessment
        if a is None or a.mode is not mode or a.report_on is None:
            return []
        return [_subject(case, kind, a, a.report_on, doc_no=a.report_no)]

    return subjects


def _claim_end(case: Case) -> list[Subject]:
    end = case.claim_end
    return _once(case, DocumentKind.CLAIM_END_DECISION, end, lambda end: end.decided_on)


def _claim_end_ground(case: Case) -> GroundItem | None:
    return CLAIM_END_ITEMS[case.claim_end.ground] if case.claim_end else None


_NOTICE_NO = ("consultation", "notice", "doc_no")


def _consultation_notice(case: Case) -> list[Subject]:
    # 第十六条: the notice is made on an assessment report or expert opinion; with none issued by its date there is
    # no lawful notice to draft (check reports art16-notice-without-assessment).
    if case.consultation is None:
        return []
    notice = case.consultation.notice
    subject = _subject(
        case, DocumentKind.CONSULTATION_NOTICE, notice, notice.served_on, notice.doc_no, doc_no_at=_NOTICE_NO
    )
    report_on = case.assessment.report_on if case.assessment else None
    return [subject] if report_on is not None and report_on <= subject.issued_on else []


def _service_receipts(case: Case) -> list[Subject]:
    # One 送达回证 per obligor served with the consultation notice (第十六条第一款: 送达赔偿义务人).
    if case.consultation is None:
        return []
    notice = case.consultation.notice
    return [Subject(notice, None, notice.served_on, n) for n in range(1, len(case.obligors) + 1)]


def _meetings(case: Case) -> list[Any]:
    return case.consultation.meetings if case.consultation else []


def _meeting_notices(case: Case) -> list[Subject]:
    notified = [(m, m.notified_on) for m in _meetings(case) if m.notified_on]
    return _series(case, DocumentKind.MEETING_NOTICE, notified)


def _invitations(case: Case) -> list[Subject]:
    invited = [
        (m, m.notified_on) for m in _meetings(case) if m.procuratorate_invited and m.procuratorate and m.notified_on
    ]
    return _series(case, DocumentKind.PROCURATORATE_INVITATION, invited)


def _meeting_records(case: Case) -> list[Subject]:
    return _series(case, DocumentKind.MEETING_RECORD, [(m, m.held_on) for m in _meetings(case)])


def _consultation_end(case: Case) -> list[Subject]:
    c = case.consultation
    if c is None or c.outcome is not ConsultationOutcome.TERMINATED or c.ended_on is None:
        return []
    return [_subject(case, DocumentKind.CONSULTATION_END_NOTICE, c, c.ended_on)]


def _consultation_end_ground(case: Case) -> GroundItem | None:
    ground = case.consultation.end_ground if case.consultation else None
    return CONSULTATION_END_ITEMS[ground] if ground else None


def _agreement(simplified: bool) -> Callable[[Case], list[Subject]]:
    kind = DocumentKind.SIMPLIFIED_AGREEMENT if simplified else DocumentKind.AGREEMENT

    def subjects(case: Case) -> list[Subject]:
        procedure = case.consultation.procedure if case.consultation else ConsultationProcedure.NORMAL
        if case.agreement is None or (procedure is ConsultationProcedure.SIMPLIFIED) != simplified:
            return []
        return [_subject(case, kind, case.agreement, case.agreement.signed_on, doc_no=case.agreement.doc_no)]

    return subjects


def _payment_notices(case: Case) -> list[Subject]:
    """A notice to pay into the treasury (第三十二条) what the deciding agreement or judgment leaves owed in money
    (obligations.decision), from the day it binds."""
    found = decision(case)
    if found is None or not decided_in_money(case):
        return []
    return [_subject(case, DocumentKind.PAYMENT_NOTICE, found.record, found.binding_from)]


def _judicial_confirmation(case: Case) -> list[Subject]:
    jc = case.agreement.judicial_confirmation if case.agreement else None
    return _once(case, DocumentKind.JUDICIAL_CONFIRMATION_APPLICATION, jc, lambda jc: jc.applied_on)


def _complaint(case: Case) -> list[Subject]:
    lit = case.litigation
    return _once(case, DocumentKind.COMPLAINT, lit, lambda lit: lit.filed_on)


def _enforcement(case: Case) -> list[Subject]:
    enforcement = case.enforcement[1] if case.enforcement else None
    return _once(case, DocumentKind.ENFORCEMENT_APPLICATION, enforcement, lambda enforcement: enforcement.applied_on)


def _plan_filing(case: Case) -> list[Subject]:
    plan = case.restoration.plan if case.restoration else None
    if plan is None or plan.filed_on is None or not obligor_restores(case):
        return []
    return [_subject(case, DocumentKind.PLAN_FILING_RECEIPT, plan, plan.filed_on, doc_no=plan.filing_no)]


def _plan_changes(case: Case) -> list[Subject]:
    changes = case.restoration.changes if case.restoration else []
    decided = [(c, c.decided_on) for c in changes if c.major and c.decided_on and c.approved is not None]
    return _series(case, DocumentKind.PLAN_CHANGE_DECISION, decided)


def _evaluations(case: Case) -> list[Subject]:
    evaluations = case.restoration.evaluations if case.restoration else []
    return _series(case, DocumentKind.EFFECT_EVALUATION_OPINION, [(e, e.evaluated_on) for e in evaluations])


def _rectifications(case: Case) -> list[Subject]:
    evaluations = case.restoration.evaluations if case.restoration and obligor_restores(case) else []
    failed = [(e, e.rectification.notified_on) for e in evaluations if e.rectification is not None]
    return _series(case, DocumentKind.RECTIFICATION_NOTICE, failed)


def _restoration_end(case: Case) -> list[Subject]:
    # 第二十五条: the decision states the evaluation that agreed to end restoration; without one it is not issued
    # (check reports art25-approval-without-evaluation).
    end = case.restoration.end if case.restoration else None
    if end is None or end.approved_on is None or not end.approved_after_evaluation:
        return []
    return [_subject(case, DocumentKind.RESTORATION_END_DECISION, end, end.approved_on)]


def _referral_letters(case: Case) -> list[Subject]:
    # 第二十六条第二款: the department refers a public-interest-litigation clue to the procuratorate.
    return [
        _subject(
            case, DocumentKind.REFERRAL_LETTER, r, r.referred_on, r.letter_no, doc_no_at=("referrals", i, "letter_no")
        )
        for i, r in enumerate(case.referrals)
        if r.direction is ReferralDirection.TO_PROCURATORATE
    ]


# 第二十六条第二款 directs the clue to the 同级检察机关: a letter to a procuratorate of another level does not claim
# that paragraph, it cites the article (check warns: art26-referral-not-same-level).
_SAME_LEVEL = Paragraph(
    "移送同级检察机关的",
    "第二十六条",
    lambda case, referral: at_same_level(referral.procuratorate, case.jurisdiction.rights_holder),
)


def _handling_letters(case: Case) -> list[Subject]:
    # 第二十六条第一款: a clue the procuratorate referred is answered by letter once the case is finished.
    return [
        _subject(case, DocumentKind.HANDLING_LETTER, r, on, r.reply_no, doc_no_at=("referrals", i, "reply_no"))
        for i, r in enumerate(case.referrals)
        if r.direction is ReferralDirection.FROM_PROCURATORATE and (on := r.reply_on)
    ]


def _fund_use(case: Case) -> list[Subject]:
    spent = case.funds.expenditures if case.funds else []
    if not spent:
        return []
    last = max(e.spent_on for e in spent)
    return [_subject(case, DocumentKind.FUND_USE_DISCLOSURE, case.funds, last)]


def _closing(case: Case) -> list[Subject]:
    return _once(case, DocumentKind.CLOSING_REPORT, case, lambda case: case.closed_on)


_AGREEMENT_ITEM = _disclosed(PublicItem.AGREEMENT)
_EFFECT_ITEM = _disclosed(PublicItem.RESTORATION_EFFECT)
_FUND_ITEM = _disclosed(PublicItem.FUND_USE)

SPECS: tuple[Spec, ...] = (
    Spec(
        "claim-start",
        DocumentKind.CLAIM_START_APPROVAL,
        "生态环境损害赔偿启动索赔审批表",
        "第十条第一款",
        HOLDER_DEPARTMENT,
        FILE,
        _claim_start,
        own=("check.started",),
    ),
    Spec(
        "investigation-report",
        DocumentKind.INVESTIGATION_REPORT,
        "生态环境损害调查报告",
        "第十三条",
        HOLDER_DEPARTMENT,
        f"{FILE}，作为形成调查结论的依据",
        _investigation_report,
        own=("investigation.ended",),
    ),
    Spec(
        "assessment-commission",
        DocumentKind.ASSESSMENT_COMMISSION,
        "生态环境损害鉴定评估委托书",
        "第十四条第一款、第二款",
        f"{HOLDER_DEPARTMENT}（共同委托时与赔偿义务人共同）",
        "鉴定评估机构",
        _commission,
        own=("assessment.commissioned",),
    ),
    Spec(
        "assessment-extension",
        DocumentKind.ASSESSMENT_EXTENSION_NOTICE,
        "生态环境损害鉴定评估延期告知书",
        "第十四条第二款",
        "鉴定评估机构",
        f"委托人（{HOLDER_DEPARTMENT}；共同委托时含赔偿义务人）",
        _extension,
        own=("assessment.extended",),
    ),
    Spec(
        "simplified-reminder",
        DocumentKind.SIMPLIFIED_ASSESSMENT_REMINDER,
        "适用简易评估认定程序提醒函",
        "第十五条第四款",
        HOLDER_DEPARTMENT,
        OBLIGOR,
        _reminder,
        own=("assessment.reminder",),
        outgoing=True,
    ),
    Spec(
        "expert-opinion",
        DocumentKind.EXPERT_OPINION_FORM,
        "生态环境损害简易评估专家意见",
        "第十五条第二款第一项、第三款",
        "专家（不少于三名）",
        HOLDER_DEPARTMENT,
        _simplified(AssessmentMode.EXPERT_OPINION, DocumentKind.EXPERT_OPINION_FORM),
        own=("assessment.report",),
    ),
    Spec(
        "comprehensive-assessment",
        DocumentKind.COMPREHENSIVE_ASSESSMENT,
        "生态环境损害综合认定意见",
        "第十五条第二款第二项",
        HOLDER_DEPARTMENT,
        f"{FILE}，送达赔偿义务人",
        _simplified(AssessmentMode.COMPREHENSIVE, DocumentKind.COMPREHENSIVE_ASSESSMENT),
        own=("assessment.report",),
    ),
    Spec(
        "claim-end",
        DocumentKind.CLAIM_END_DECISION,
        "终止生态环境损害索赔决定书",
        "第十二条、第十六条第一款",
        HOLDER_DEPARTMENT,
        OBLIGOR,
        _claim_end,
        own=("claim_end",),
        ground=_claim_end_ground,
        outgoing=True,
    ),
    Spec(
        "consultation-notice",
        DocumentKind.CONSULTATION_NOTICE,
        "生态环境损害索赔磋商告知书",
        "第十六条",
        HOLDER_DEPARTMENT,
        OBLIGOR,
        _consultation_notice,
        own=("consultation.notice",),
        outgoing=True,
    ),
    Spec(
        "service-receipt",
        DocumentKind.SERVICE_RECEIPT,
        "送达回证",
        "第十六条第一款",
        f"{HOLDER_DEPARTMENT}（送达人）",
        f"{OBLIGOR}（受送达人签收）",
        _service_receipts,
        own=("consultation.notice",),
        form=True,
    ),
    Spec(
        "meeting-notice",
        DocumentKind.MEETING_NOTICE,
        "生态环境损害赔偿磋商会议通知",
        "第十六条第二款、第十八条",
        HOLDER_DEPARTMENT,
        OBLIGOR,
        _meeting_notices,
        outgoing=True,
    ),
    Spec(
        "procuratorate-invitation",
        DocumentKind.PROCURATORATE_INVITATION,
        "关于邀请参与生态环境损害赔偿磋商的函",
        "第二十七条第一款",
        HOLDER_DEPARTMENT,
        "检察机关",
        _invitations,
        outgoing=True,
    ),
    Spec(
        "meeting-record",
        DocumentKind.MEETING_RECORD,
        "生态环境损害赔偿磋商记录",
        "第十六条第二款、第十八条",
        f"{HOLDER_DEPARTMENT}（记录人；参会各方签字）",
        FILE,
        _meeting_records,
        form=True,
    ),
    Spec(
        "consultation-end",
        DocumentKind.CONSULTATION_END_NOTICE,
        "终止生态环境损害赔偿磋商通知书",
        "第十八条",
        HOLDER_DEPARTMENT,
        OBLIGOR,
        _consultation_end,
        own=("consultation.ended",),
        ground=_consultation_end_ground,
        outgoing=True,
    ),
    Spec(
        "agreement",
        DocumentKind.AGREEMENT,
        "生态环境损害赔偿协议",
        "第十六条第二款、第十九条第一款",
        f"{HOLDER_DEPARTMENT}与{OBLIGOR}",
        "双方各执",
        _agreement(False),
        _AGREEMENT_ITEM,
        own=("agreement.signed",),
    ),
    Spec(
        "simplified-agreement",
        DocumentKind.SIMPLIFIED_AGREEMENT,
        "生态环境损害赔偿协议（简易磋商）",
        "第十七条、第十九条第一款",
        f"{HOLDER_DEPARTMENT}与{OBLIGOR}",
        "双方各执",
        _agreement(True),
        _AGREEMENT_ITEM,
        own=("agreement.signed", "consultation.agreed"),
    ),
    Spec(
        "payment-notice",
        DocumentKind.PAYMENT_NOTICE,
        "生态环境损害赔偿资金缴款通知书",
        "第三十二条",
        HOLDER_DEPARTMENT,
        OBLIGOR,
        _payment_notices,
        outgoing=True,
    ),
    Spec(
        "judicial-confirmation",
        DocumentKind.JUDICIAL_CONFIRMATION_APPLICATION,
        "生态环境损害赔偿协议司法确认申请书",
        "第十九条第一款",
        f"{HOLDER_DEPARTMENT}与{OBLIGOR}（共同申请人）",
        "人民法院",
        _judicial_confirmation,
        own=("confirmation.applied",),
        court_filing=True,
    ),
    Spec(
        "complaint",
        DocumentKind.COMPLAINT,
        "民事起诉状",
        "第十九条第二款",
        f"{HOLDER_DEPARTMENT}（原告）",
        "人民法院",
        _complaint,
        own=("litigation.filed",),
        court_filing=True,
    ),
    Spec(
        "enforcement-application",
        DocumentKind.ENFORCEMENT_APPLICATION,
        "强制执行申请书",
        "第十九条第三款",
        f"{HOLDER_DEPARTMENT}（申请执行人）",
        "人民法院",
        _enforcement,
        own=("enforcement.applied",),
        court_filing=True,
    ),
    Spec(
        "plan-filing-receipt",
        DocumentKind.PLAN_FILING_RECEIPT,
        "生态环境损害修复方案备案回执",
        "第二十三条第一项",
        HOLDER_DEPARTMENT,
        OBLIGOR,
        _plan_filing,
        own=("restoration.plan.filed",),
    ),
    Spec(
        "plan-change-decision",
        DocumentKind.PLAN_CHANGE_DECISION,
        "生态环境损害修复方案重大变更决定书",
        "第二十四条",
        HOLDER_DEPARTMENT,
        OBLIGOR,
        _plan_changes,
        outgoing=True,
    ),
    Spec(
        "effect-evaluation",
        DocumentKind.EFFECT_EVALUATION_OPINION,
        "生态环境损害修复效果评估意见",
        "第二十三条第三项",
        HOLDER_DEPARTMENT,
        f"{OBLIGOR}（赔偿义务人修复的）或{FILE}；公开版向社会公开（第三十三条）",
        _evaluations,
        _EFFECT_ITEM,
        articles_unless_obligor_restores="第三十三条",
    ),
    Spec(
        "rectification-notice",
        DocumentKind.RECTIFICATION_NOTICE,
        "生态环境损害修复限期整改通知书",
        "第二十四条",
        HOLDER_DEPARTMENT,
        OBLIGOR,
        _rectifications,
        outgoing=True,
    ),
    Spec(
        "restoration-end-decision",
        DocumentKind.RESTORATION_END_DECISION,
        "终止生态环境损害修复决定书",
        "第二十五条",
        HOLDER_DEPARTMENT,
        OBLIGOR,
        _restoration_end,
        own=("restoration.end.evaluated", "restoration.end.approved"),
        outgoing=True,
    ),
    Spec(
        "referral-letter",
        DocumentKind.REFERRAL_LETTER,
        "生态环境损害案件线索移送函",
        "第二十六条第二款",
        HOLDER_DEPARTMENT,
        "同级检察机关",
        _referral_letters,
        outgoing=True,
        paragraph=_SAME_LEVEL,
    ),
    Spec(
        "handling-letter",
        DocumentKind.HANDLING_LETTER,
        "生态环境损害赔偿案件处理情况函",
        "第二十六条第一款",
        HOLDER_DEPARTMENT,
        "移送线索的检察机关",
        _handling_letters,
        outgoing=True,
    ),
    Spec(
        "fund-use-disclosure",
        DocumentKind.FUND_USE_DISCLOSURE,
        "生态环境损害赔偿资金使用情况公开",
        "第三十三条",
        HOLDER_DEPARTMENT,
        "社会公众",
        _fund_use,
        _FUND_ITEM,
        public_only=True,
    ),
    Spec(
        "closing-report",
        DocumentKind.CLOSING_REPORT,
        "生态环境损害赔偿案件结案报告",
        "第二十三条第三项、第三十二条、第三十五条",
        HOLDER_DEPARTMENT,
        f"{FILE}，报赔偿权利人",
        _closing,
        articles_unless_obligor_restores="第三十二条、第三十五条",
    ),
)
BY_KEY = {spec.key: spec for spec in SPECS}
BY_NAME = {spec.kind.value: spec for spec in SPECS}
