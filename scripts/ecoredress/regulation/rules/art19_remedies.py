"""第十九条 after consultation: agreement → judicial confirmation; refusal, failed consultation or
non-performance of an unconfirmed agreement → lawsuit; non-performance of a judgment or confirmed agreement →
enforcement.

第二款：“赔偿义务人不同意磋商或终止磋商、不履行或不完全履行未经司法确认的赔偿协议的，赔偿权利人及其指定的部门或机构应及时
向法院提起诉讼。” 第三款：“对生效判决和经司法确认的赔偿协议，赔偿义务人不履行或不完全履行的，
赔偿权利人及其指定的部门或机构
应当向法院申请强制执行，依法列入失信被执行人名单。” 第一款：“经磋商达成一致意见的，签订生态环境损害赔偿协议……”: an
agreement needs a consultation that reached it; the rest of the paragraph (“可及时……申请司法确认”) is a 可以 and not
checked.
Fact dates: an agreement without a consultation that reached it, its signing; a lawsuit, its filing; a lawsuit due,
the refusal or the end of consultation (its start when no end date is recorded), or the agreement not performed;
enforcement, its application; enforcement due, the agreement's signing when its non-performance is recorded,
else the payment term that passed with money outstanding (``obligations.payment_term``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.model import Case
from ecoredress.model.enums import ConsultationOutcome, EnforcementBasis, LawsuitGround
from ecoredress.model.outcome import Judgment
from ecoredress.model.types import yuan
from ecoredress.regulation.deadlines import consultation_start
from ecoredress.regulation.findings import Finding, error, info, warning
from ecoredress.regulation.obligations import Instrument, decision, overdue, payment_term
from ecoredress.regulation.rules.registry import CaseContext, case_check


def _confirmed(case: Case) -> bool:
    jc = case.agreement.judicial_confirmation if case.agreement else None
    return bool(jc and jc.confirmed)


def _refused(case: Case) -> bool:
    cons = case.consultation
    return bool(cons and cons.reply and not cons.reply.agreed)


def lawsuit_ground_problem(case: Case, ground: LawsuitGround) -> str | None:
    cons, agreement = case.consultation, case.agreement
    if ground is LawsuitGround.REFUSED_CONSULTATION:
        return None if _refused(case) else "没有义务人答复不同意磋商的记录（consultation.reply.agreed: false）"
    if ground is LawsuitGround.CONSULTATION_TERMINATED:
        return None if cons and cons.outcome is ConsultationOutcome.TERMINATED else "磋商结果不是“终止磋商”"
    if agreement is None or not agreement.non_performance:
        return "没有赔偿协议不履行或不完全履行的记录（agreement.non_performance: true）"
    if _confirmed(case):
        return "该协议已经司法确认，义务人不履行的应申请强制执行，而不是起诉"
    return None


@case_check
def agreement_after_consultation(ctx: CaseContext) -> Iterator[Finding]:
    agreement, cons = ctx.case.agreement, ctx.case.consultation
    if agreement is None or (cons and cons.outcome is ConsultationOutcome.AGREED):
        return
    loc: tuple[str, ...]
    if cons is None:
        loc = ("agreement",)
        problem = "有赔偿协议但没有磋商记录。赔偿协议须经磋商（或第十七条简易磋商）达成，请补充 consultation 一节。"
    else:
        loc = ("consultation", "outcome")
        problem = f"有赔偿协议，但磋商结果记为“{cons.outcome}”。请将磋商结果改为“达成协议”，或核对协议是否已签订。"
    yield error("art19-agreement-without-consultation", problem, loc, "第十九条第一款", on=agreement.signed_on)


@case_check
def lawsuit_grounded(ctx: CaseContext) -> Iterator[Finding]:
    lit = ctx.case.litigation
    if lit is None:
        return
    problem = lawsuit_ground_problem(ctx.case, lit.ground)
    if problem:
        yield error(
            "art19-lawsuit-ground-unsupported",
            f"起诉情形为“{lit.ground}”，但{problem}。请核对起诉情形或补充磋商、协议履行情况。",
            ("litigation", "ground"),
            "第十九条第二款",
            on=lit.filed_on,
        )


@case_check
def lawsuit_due(ctx: CaseContext) -> Iterator[Finding]:
    case = ctx.case
    if case.litigation is not None:
        return
    cons, agreement = case.consultation, case.agreement
    if cons and agreement is None and (cons.outcome is ConsultationOutcome.TERMINATED or _refused(case)):
        why = "义务人不同意磋商" if _refused(case) else f"磋商已于 {cons.ended_on or '（未填日期）'} 终止"
        on = cons.reply.replied_on if cons.reply and _refused(case) else cons.ended_on or consultation_start(case)
        yield warning(
            "art19-lawsuit-due",
            f"{why}，但没有提起诉讼的记录。赔偿权利人应及时向法院提起诉讼，请记录 litigation。",
            ("consultation", "outcome"),
            "第十九条第二款",
            on=on,
        )
    elif agreement and agreement.non_performance and not _confirmed(case):
        yield warning(
            "art19-lawsuit-due",
            "赔偿协议未经司法确认且义务人不履行或不完全履行，但没有提起诉讼的记录。应及时向法院提起诉讼，请记录 "
            "litigation。",
            ("agreement", "non_performance"),
            "第十九条第二款",
            on=agreement.signed_on,
        )


def _enforcement_due(ctx: CaseContext) -> Finding | None:
    """A judgment in force or a confirmed agreement not performed, and no enforcement applied for (第三款). Not
    performed: money still outstanding after the payment term (``obligations.overdue``), or, for an agreement,
    non-performance recorded (it may concern the restoration, which no sum shows)."""
    case = ctx.case
    found = decision(case)
    if found is None or found.instrument is Instrument.AGREEMENT:
        return None  # nothing enforceable: an unconfirmed agreement not performed is sued on (第二款)
    unpaid, term, record = overdue(case, ctx.as_of), payment_term(case), found.record
    if isinstance(record, Judgment):
        if unpaid is None or term is None:
            return None
        return warning(
            "art19-enforcement-due",
            f"生效判决{record.case_no}的履行期限 {term} "
            f"已过，应以资金缴纳的赔偿尚有 {yuan(unpaid)}未缴入国库，但没有申请强制执行的记录。"
            "赔偿权利人应当向法院申请强制执行，请记录 litigation.enforcement"
            "（判决未写明履行期限的，按生效日期计；已缴纳的请补充入库记录）。",
            ("litigation", "judgment"),
            "第十九条第三款",
            on=term,
        )
    agreement = case.agreement
    assert agreement is not None  # a confirmed agreement decides
    loc: tuple[str, ...]
    if agreement.non_performance:
        why, loc, on = "未被履行", ("agreement", "non_performance"), agreement.signed_on
    elif unpaid is not None and term is not None:
        why, loc, on = f"的缴款期限 {term} 已过，尚有 {yuan(unpaid)}未缴入国库", ("agreement",), term
    else:
        return None
    return warning(
        "art19-enforcement-due",
        f"经司法确认的赔偿协议{why}，但没有申请强制执行的记录。应向法院申请强制执行，请记录 agreement.enforcement。",
        loc,
        "第十九条第三款",
        on=on,
    )


@case_check
def enforcement(ctx: CaseContext) -> Iterator[Finding]:
    case = ctx.case
    lit = case.litigation
    if case.enforcement is None:
        due = _enforcement_due(ctx)
        if due is not None:
            yield due
        return
    where, enf = case.enforcement
    if enf.basis is EnforcementBasis.JUDGMENT and not (lit and lit.judgment):
        yield error(
            "art19-enforcement-basis-mismatch",
            "强制执行的依据为“生效判决”，但没有判决记录。请补充 litigation.judgment 或改正执行依据。",
            (*where, "basis"),
            "第十九条第三款",
            on=enf.applied_on,
        )
    if enf.basis is EnforcementBasis.CONFIRMED_AGREEMENT and not _confirmed(case):
        yield error(
            "art19-enforcement-basis-mismatch",
            "强制执行的依据为“经司法确认的赔偿协议”，但协议没有经司法确认有效的记录。请核对执行依据。",
            (*where, "basis"),
            "第十九条第三款",
            on=enf.applied_on,
        )
    if not enf.dishonest_listed:
        yield info(
            "art19-dishonest-list",
            "已申请强制执行，但没有将义务人列入失信被执行人名单的记录。请跟进法院依法列入，并填写 dishonest_listed。",
            (*where, "dishonest_listed"),
            "第十九条第三款",
            on=enf.applied_on,
        )
