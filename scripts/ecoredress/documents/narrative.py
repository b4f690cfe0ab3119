"""How the case went, told from its dated facts: each step a past-tense sentence dated as the case records it.

A document tells only the steps of the case as it stood on the document's date (``case_as_of``), so it
cannot narrate its own future; the free-text summary, written once and updated later, is never used.
Sentences are grouped in families (``clue``, ``assessment``…) so a template picks the steps it recounts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ecoredress.model import Case
from ecoredress.model.enums import (
    AssessmentMode,
    ClueSource,
    ConclusionDecision,
    ConsultationOutcome,
    ReferralDirection,
)
from ecoredress.presentation.formatting import cn_date, cn_number, money

FAMILIES = (
    "clue",
    "check",
    "major",
    "investigation",
    "assessment",
    "conclusion",
    "claim_end",
    "consultation",
    "meeting_notice",
    "agreement",
    "confirmation",
    "litigation",
    "enforcement",
    "restoration",
    "evaluation",
    "funds",
    "referral",
)


# Steps that follow from the others of their day and are told after them: an agreement is performed once the
# last evaluation passes or the last payment arrives.
_OUTCOMES = frozenset({"agreement.performed"})


@dataclass(frozen=True)
class Step:
    day: dt.date
    key: str  # family.what: a document leaves out the step that is its own act ("agreement.signed")
    text: str  # one sentence, ending in 。, without the date

    @property
    def family(self) -> str:
        """The part of the case the step belongs to (FAMILIES), so a template picks the steps it recounts."""
        return self.key.split(".", 1)[0]


_CLUE_SOURCES = {
    ClueSource.INSPECTION: "收到生态环境保护督察交办的线索",
    ClueSource.EMERGENCY: "在突发环境事件处置中发现线索",
    ClueSource.ADMIN_PENALTY: "在办理行政处罚案件中发现线索",
    ClueSource.CRIMINAL: "获悉涉嫌犯罪案件中的线索",
    ClueSource.PROCURATORATE: "收到检察机关移送的线索",
    ClueSource.REPORT: "接到群众举报",
    ClueSource.SUPERVISION: "在日常监管与执法巡查中发现线索",
    ClueSource.ASSIGNED: "收到国家和自治区交办的线索",
    ClueSource.OTHER: "发现线索",
}


_LOOSE_ENDS = "，；、：,;:. \t\n\u3000"  # punctuation and spaces a sentence of case text may start or end with


def sentence(text: str) -> str:
    """Case text used as a whole sentence: ends with one full stop."""
    text = text.strip(_LOOSE_ENDS).lstrip("。" + _LOOSE_ENDS)
    return text if text.endswith(("。", "！", "？", "）", "”")) else text + "。"


def clause(text: str) -> str:
    """Case text used inside a sentence: no closing punctuation of its own (no "。，")."""
    return text.strip("。" + _LOOSE_ENDS)


YOU = "贵院"  # a procuratorate named in a letter to it (函 to 检察院)
_BRANCH = "[\u4e00-\u9fff]{0,10}分院"  # 宁夏回族自治区人民检察院银川铁路运输分院 is not the 自治区人民检察院
# A clause of the addressee's own text that opens on a bare 检察院/检察机关 speaks of the addressee itself.
# (Not one of a list, 检察机关、公安机关: that speaks of both.)
_BARE = re.compile(r"(?:^|(?<=[，。；：！？（“]))(?:检察院|检察机关)(?![、和与及])")


def addressed(text: str, procuratorate: str | None, theirs: bool = False) -> str:
    """``text`` as a letter to ``procuratorate`` says it: the addressee, named in full or as 某某检察院, is 贵院
    (a 分院 under its name is not). ``theirs``: the text is the addressee's own (the clue it referred), so a
    clause opening on a bare 检察院/检察机关 speaks of it too."""
    if not procuratorate:
        return text
    names = sorted({procuratorate, procuratorate.replace("人民检察院", "检察院")}, key=len, reverse=True)
    pattern = "|".join(re.escape(name) for name in names)
    text = re.sub(rf"(?:{pattern})(?!{_BRANCH})", YOU, text)
    return _BARE.sub(YOU, text) if theirs else text


def _amounts(damage: Decimal | None, costs: Decimal | None) -> str:
    text = f"生态环境损害金额为{money(damage)}" if damage is not None else ""
    if costs:
        text += f"，调查、鉴定评估等费用为{money(costs)}"
    return text


def steps(case: Case, we: str, they: str = "赔偿义务人", you: str | None = None) -> list[Step]:
    """Every dated step of ``case`` (already cut to the document's date), in date order, told by ``we`` (本机关,
    甲方, 原告…) of ``they`` (赔偿义务人, 乙方, 被告…), in a letter to the procuratorate ``you`` if given (贵院)."""
    found = [*_clue(case, we, you), *(s for make in _MAKERS for s in make(case, we, they))]
    if you:
        found = [Step(s.day, s.key, addressed(s.text, you)) for s in found]
    return sorted(found, key=lambda s: (s.day, s.key in _OUTCOMES, FAMILIES.index(s.family)))


def recount(
    steps_: list[Step], families: tuple[str, ...] | list[str], until: dt.date, own: tuple[str, ...] | None = ()
) -> str:
    """The chosen steps up to ``until`` as one paragraph, without those the document tells itself (``own`` keys:
    its own act, and what it states as its ground); steps of that very day count (None: no step of that day).
    A step on the day of the one before it begins 同日."""
    chosen = [
        s
        for s in steps_
        if s.family in families and (s.day < until or (s.day == until and own is not None)) and s.key not in (own or ())
    ]
    return "".join(
        f"{'同日' if i and chosen[i - 1].day == s.day else cn_date(s.day)}，{s.text}" for i, s in enumerate(chosen)
    )


def _clue(case: Case, we: str, you: str | None) -> Iterator[Step]:
    c = case.clue
    if c.source is ClueSource.PROCURATORATE and you and _referred_by(case, you):
        # The addressee referred the clue: told to it, the clue and its own account of it are 贵院's.
        yield Step(
            c.found_on, "clue", f"{we}收到{YOU}移送的线索：{sentence(addressed(c.description, you, theirs=True))}"
        )
    else:
        yield Step(c.found_on, "clue", f"{we}{_CLUE_SOURCES[c.source]}：{sentence(c.description)}")
    pc = case.preliminary_check
    if pc is None:
        return
    found = "确认造成生态环境损害" if pc.damage_found else "未发现造成生态环境损害"
    if pc.claim_started_on == pc.completed_on:
        yield Step(pc.completed_on, "check.started", f"经初步核查，{found}，当日启动索赔程序。")
        return
    yield Step(pc.completed_on, "check", f"经初步核查，{found}。")
    if pc.claim_started_on:
        yield Step(pc.claim_started_on, "check.started", f"{we}启动索赔程序。")


def _referred_by(case: Case, procuratorate: str) -> bool:
    return any(
        r.direction is ReferralDirection.FROM_PROCURATORATE and r.procuratorate == procuratorate for r in case.referrals
    )


def _major(case: Case, we: str, they: str) -> Iterator[Step]:
    if m := case.major_case:
        yield Step(m.decided_on, "major", f"本案纳入重大案件管理（{'、'.join(m.criteria)}）。")


def _investigation(case: Case, we: str, they: str) -> Iterator[Step]:
    if inv := case.investigation:
        yield Step(inv.started_on, "investigation.started", f"{we}开始损害调查。")
        if inv.ended_on:
            yield Step(inv.ended_on, "investigation.ended", "损害调查结束。")


def _assessment(case: Case, we: str, they: str) -> Iterator[Step]:
    a = case.assessment
    if a is None:
        return
    if a.simplified_reminder_on:
        agreed = f"，{they}同意" if a.obligor_agreed_simplified else ""
        yield Step(a.simplified_reminder_on, "assessment.reminder", f"{we}提醒{they}适用简易评估认定程序{agreed}。")
    if a.commissioned_on and not a.mode.simplified and a.institution:
        jointly = f"与{they}共同" if a.mode is AssessmentMode.JOINT_COMMISSION else ""
        yield Step(a.commissioned_on, "assessment.commissioned", f"{we}{jointly}委托{a.institution}开展鉴定评估。")
    if a.extension:
        yield Step(
            a.extension.notified_on,
            "assessment.extended",
            f"鉴定评估机构告知鉴定评估期限延长至{a.extension.term_workdays}个工作日。",
        )
    if a.report_on:
        number = f"（{a.report_no}）" if a.report_no else ""
        amounts = _amounts(a.damage_amount, a.costs)
        found = f"，认定{amounts}" if amounts else ""
        if a.mode is AssessmentMode.EXPERT_OPINION:
            text = (
                f"{cn_number(len(a.experts))}名专家出具专家意见{number}{found}。"
                if a.experts
                else f"专家出具专家意见{number}{found}。"
            )
        elif a.mode is AssessmentMode.COMPREHENSIVE:
            text = f"{we}作出综合认定意见{number}{found}。"
        else:
            text = f"{a.institution or '鉴定评估机构'}出具鉴定评估报告{number}{found}。"
        yield Step(a.report_on, "assessment.report", text)


def _conclusion(case: Case, we: str, they: str) -> Iterator[Step]:
    if c := case.conclusion:
        opinion = "启动索赔磋商" if c.decision is ConclusionDecision.START_CONSULTATION else "终止索赔"
        yield Step(c.concluded_on, "conclusion", f"{we}形成调查结论，提出{opinion}的意见。")
    if end := case.claim_end:
        yield Step(end.decided_on, "claim_end", f"{we}决定终止索赔。")


def _consultation(case: Case, we: str, they: str) -> Iterator[Step]:
    cons = case.consultation
    if cons is None:
        return
    number = f"（{cons.notice.doc_no}）" if cons.notice.doc_no else ""
    yield Step(cons.notice.served_on, "consultation.notice", f"{we}向{they}送达生态环境损害索赔磋商告知书{number}。")
    if r := cons.reply:
        yield Step(r.replied_on, "consultation.reply", f"{they}书面答复{'同意' if r.agreed else '不同意'}磋商。")
    for m in cons.meetings:
        if m.notified_on:
            yield Step(
                m.notified_on, f"meeting_notice.{m.round}", f"{we}书面通知{they}参加第{cn_number(m.round)}次磋商会议。"
            )
        invited = f"，邀请{m.procuratorate}参加" if m.procuratorate_invited and m.procuratorate else ""
        absent = f"，{they}未到会" if not m.obligor_attended else f"，{they}中途退出" if m.obligor_withdrew else ""
        yield Step(
            m.held_on, f"consultation.meeting.{m.round}", f"召开第{cn_number(m.round)}次磋商会议{invited}{absent}。"
        )
    if cons.ended_on and cons.outcome is ConsultationOutcome.AGREED:
        yield Step(cons.ended_on, "consultation.agreed", "双方经磋商达成一致意见。")
    elif cons.ended_on and cons.outcome is ConsultationOutcome.TERMINATED:
        yield Step(cons.ended_on, "consultation.ended", f"{we}终止磋商。")


def _agreement(case: Case, we: str, they: str) -> Iterator[Step]:
    a = case.agreement
    if a is None:
        return
    number = f"（{a.doc_no}）" if a.doc_no else ""
    yield Step(a.signed_on, "agreement.signed", f"双方签订生态环境损害赔偿协议{number}，约定赔偿总额{money(a.total)}。")
    if jc := a.judicial_confirmation:
        yield Step(jc.applied_on, "confirmation.applied", f"双方向{jc.court}申请司法确认赔偿协议。")
        if jc.ruled_on:
            result = "确认赔偿协议有效" if jc.confirmed else "裁定不予确认"
            yield _court(jc.ruled_on, "confirmation.ruled", jc.court, f"{jc.ruling_no or ''}民事裁定", result)
    if a.fully_performed_on:
        yield Step(a.fully_performed_on, "agreement.performed", "赔偿协议履行完毕。")


def _court(day: dt.date, key: str, court: str, instrument: str, result: str) -> Step:
    """A court's ruling or judgment (``instrument``: its number and form) and what it decided."""
    return Step(day, key, f"{court}作出{instrument}，{result}。")


def _litigation(case: Case, we: str, they: str) -> Iterator[Step]:
    lit = case.litigation
    if lit is None:
        return
    yield Step(
        lit.filed_on,
        "litigation.filed",
        f"{we}向{lit.court}提起生态环境损害赔偿诉讼，请求赔偿{money(lit.claim_amount)}。",
    )
    if j := lit.judgment:
        yield _court(j.ruled_on, "litigation.judged", lit.court, f"{j.case_no}民事判决", f"判决赔偿{money(j.total)}")
        if j.effective_on:
            yield Step(j.effective_on, "litigation.effective", "判决发生法律效力。")


def _enforcement(case: Case, we: str, they: str) -> Iterator[Step]:
    if case.enforcement is None:
        return
    e = case.enforcement[1]
    number = f"，执行案号为{e.case_no}" if e.case_no else ""
    yield Step(e.applied_on, "enforcement.applied", f"{we}向人民法院申请强制执行{number}。")
    if e.concluded_on:
        result = f"，{e.outcome}" if e.outcome else ""
        yield Step(e.concluded_on, "enforcement.concluded", f"执行程序终结{result}。")


def _restoration(case: Case, we: str, they: str) -> Iterator[Step]:
    r = case.restoration
    if r is None:
        return
    if p := r.plan:
        yield Step(p.drafted_on, "restoration.plan.drafted", "生态环境修复方案编制完成。")
        if p.reviewed_on:
            passed = "" if p.review_passed is None else "通过" if p.review_passed else "未通过"
            yield Step(p.reviewed_on, "restoration.plan.reviewed", f"修复方案经专家论证{passed}。")
        if p.filed_on:
            number = f"（{p.filing_no}）" if p.filing_no else ""
            yield Step(p.filed_on, "restoration.plan.filed", f"修复方案备案{number}。")
    if i := r.implementation:
        yield Step(i.started_on, "restoration.works.started", "修复工程开工。")
        if i.completed_on:
            yield Step(i.completed_on, "restoration.works.completed", "修复工程完工。")
    for n, change in enumerate(r.changes, start=1):
        kind = "重大变更" if change.major else "变更"
        yield Step(
            change.applied_on,
            f"restoration.change.{n}",
            f"{they}申请对修复方案作{kind}：{sentence(change.description)}",
        )
        if change.re_reviewed_on:
            yield Step(change.re_reviewed_on, f"restoration.change.{n}.reviewed", "变更后的修复方案经重新组织论证。")
        if change.decided_on and change.approved is not None:
            yield Step(
                change.decided_on,
                f"restoration.change.{n}.decided",
                f"{we}决定{'同意' if change.approved else '不同意'}变更。",
            )
    if end := r.end:
        yield Step(end.applied_on, "restoration.end.applied", f"{they}以“{end.ground}”为由申请终止修复。")
        if ev := end.evaluation:
            yield Step(
                ev.evaluated_on,
                "restoration.end.evaluated",
                f"{clause(ev.evaluator)}对终止修复申请组织评估，评估结论为：{ev.conclusion.statutory}。",
            )
        if end.approved_on:
            yield Step(end.approved_on, "restoration.end.approved", f"{we}经评估同意终止修复。")


def _evaluation(case: Case, we: str, they: str) -> Iterator[Step]:
    for n, e in enumerate(case.restoration.evaluations if case.restoration else [], start=1):
        yield Step(e.evaluated_on, f"evaluation.{n}", f"{we}组织修复效果评估，评估{'通过' if e.passed else '未通过'}。")
        if rect := e.rectification:
            yield Step(
                rect.notified_on, f"evaluation.{n}.rectification", f"{we}通知{they}于{cn_date(rect.due_on)}前完成整改。"
            )
            if rect.completed_on:
                yield Step(rect.completed_on, f"evaluation.{n}.rectified", f"{they}完成整改。")


def _funds(case: Case, we: str, they: str) -> Iterator[Step]:
    for r in case.funds.receipts if case.funds else []:
        yield Step(r.received_on, "funds.received", f"赔偿资金{money(r.amount)}缴入{r.treasury}。")


def _referrals(case: Case, we: str, they: str) -> Iterator[Step]:
    for n, ref in enumerate(case.referrals, start=1):
        theirs = ref.direction is ReferralDirection.FROM_PROCURATORATE
        text = f"{ref.procuratorate}向{we}移送本案线索。" if theirs else f"{we}向{ref.procuratorate}移送公益诉讼线索。"
        yield Step(ref.referred_on, f"referral.{n}", text)
        if ref.reply_on:
            reply = f"{we}向{ref.procuratorate}函告处理情况。" if theirs else f"{ref.procuratorate}函告处理情况。"
            yield Step(ref.reply_on, f"referral.{n}.reply", reply)


_MAKERS = (  # and _clue, which knows the addressee
    _major,
    _investigation,
    _assessment,
    _conclusion,
    _consultation,
    _agreement,
    _litigation,
    _enforcement,
    _restoration,
    _evaluation,
    _funds,
    _referrals,
)
