"""第十八条 磋商: in principle no longer than 90 days; ended only on a listed ground the facts support.

第十八条：“磋商期限原则上不超过 90日。符合下列情形之一的，可以终止磋商：（一）赔偿义务人明确答复不同意磋商或不再磋商的，
或逾期未答复的；（二）赔偿义务人无故不参加磋商会议或退出磋商会议的；（三）经三次磋商或超过磋商期限，双方未达成赔偿协议的；
（四）其他终止磋商的情形。” “原则上” makes a late end a warning; ending without a ground the facts support is an error.
Fact dates: the term, its due date (``common.timing``); the rounds, the consultation's start; the termination, its end
(its start when no end date is recorded).
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.model import Case
from ecoredress.model.enums import ConsultationEndGround as Ground
from ecoredress.model.enums import ConsultationOutcome
from ecoredress.model.procedure import Consultation
from ecoredress.regulation.deadlines import consultation_start
from ecoredress.regulation.findings import Finding, error, info, warning
from ecoredress.regulation.grounds import CONSULTATION_END_ITEMS
from ecoredress.regulation.rules.common import term_of, timing
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def consultation_in_time(ctx: CaseContext) -> Iterator[Finding]:
    for term in term_of(ctx, "consultation"):
        days = ctx.profile.get("consultation.days", term.due)
        yield from timing(
            term,
            ctx,
            "art18-consultation",
            f"磋商期限原则上不超过 {days} 日，请在案件中说明延长磋商的原因。",
            "磋商已超过期限仍未达成协议，可以依第十八条第三项终止磋商并依第十九条提起诉讼；继续磋商的请记录理由。",
        )


def rounds_held(consultation: Consultation) -> int:
    """三次磋商 counts rounds, not sittings: two meetings of one round are one 磋商."""
    return len({m.round for m in consultation.meetings})


@case_check
def rounds(ctx: CaseContext) -> Iterator[Finding]:
    cons = ctx.case.consultation
    if cons is None:
        return
    numbers = sorted({m.round for m in cons.meetings})
    if numbers != list(range(1, len(numbers) + 1)):
        yield warning(
            "art18-round-numbering",
            f"磋商会议的轮次为 {'、'.join(map(str, numbers))}，应从 1 起连续编号。请核对各次会议的 round。",
            ("consultation", "meetings"),
            "第十八条",
            on=consultation_start(ctx.case),
        )
    if cons.outcome is not ConsultationOutcome.ONGOING:
        return
    param = ctx.profile.param("consultation.rounds")
    limit = param.at(cons.notice.served_on)
    if rounds_held(cons) >= limit:
        yield info(
            "art18-rounds-reached",
            f"已进行 {rounds_held(cons)} 轮磋商仍未达成协议。经 {limit} 次磋商未达成协议的，"
            "可以终止磋商并依法提起诉讼。",
            ("consultation", "meetings"),
            param.article(cons.notice.served_on),
            on=consultation_start(ctx.case),
        )


def ground_supported(case: Case, ground: Ground, limit_rounds: int, term_passed: bool) -> str | None:
    """None when the facts support the termination ground, else what is missing."""
    cons = case.consultation
    assert cons is not None
    if ground is Ground.REFUSED_OR_NO_REPLY:
        refused = cons.reply is not None and not cons.reply.agreed
        no_reply = (
            cons.reply is None
            and cons.notice.reply_due_on is not None
            and cons.ended_on is not None
            and cons.ended_on > cons.notice.reply_due_on
        )
        return None if refused or no_reply else "义务人答复同意磋商，或答复期限尚未届满"
    if ground is Ground.ABSENT_OR_WITHDREW:
        # The meeting record must show it: an explanation in end_reason alone is no record of a meeting missed.
        absent = any(not m.obligor_attended or m.obligor_withdrew for m in cons.meetings)
        return (
            None
            if absent
            else "没有义务人缺席或退出磋商会议的记录（meetings[].obligor_attended: false 或 obligor_withdrew: true）"
        )
    if ground is Ground.ROUNDS_OR_TERM_EXHAUSTED:
        return (
            None
            if rounds_held(cons) >= limit_rounds or term_passed
            else f"只进行了 {rounds_held(cons)} 轮磋商，且未超过磋商期限"
        )
    return None if cons.end_reason else "“其他情形”须在 end_reason 中写明具体原因"


@case_check
def termination_ground(ctx: CaseContext) -> Iterator[Finding]:
    cons = ctx.case.consultation
    if cons is None or cons.outcome is not ConsultationOutcome.TERMINATED:
        return
    article, ended = "第十八条", cons.ended_on or consultation_start(ctx.case)
    if cons.end_ground is None:
        yield error(
            "art18-termination-ground-missing",
            "磋商已终止，但没有写明终止磋商的情形。请在 consultation.end_ground 中选择第十八条所列情形之一。",
            ("consultation", "outcome"),
            article,
            on=ended,
        )
        return
    limit = ctx.profile.get("consultation.rounds", cons.notice.served_on)
    terms = term_of(ctx, "consultation")
    term_passed = bool(terms and terms[0].due and cons.ended_on and cons.ended_on > terms[0].due)
    missing = ground_supported(ctx.case, cons.end_ground, limit, term_passed)
    if missing:
        yield error(
            "art18-termination-ground-unsupported",
            f"终止磋商的情形为“{cons.end_ground}”，但案件事实不支持：{missing}。请核对终止情形或补充事实。",
            ("consultation", "end_ground"),
            CONSULTATION_END_ITEMS[cons.end_ground].cited,
            on=ended,
        )


@case_check
def end_date_recorded(ctx: CaseContext) -> Iterator[Finding]:
    cons = ctx.case.consultation
    if cons is not None and cons.outcome is not ConsultationOutcome.ONGOING and cons.ended_on is None:
        yield error(
            "art18-end-date-missing",
            f"磋商结果为“{cons.outcome}”，但没有磋商结束日期，"
            f"{ctx.profile.get('consultation.days', cons.started_on)} 日"
            "磋商期限无法了结。请填写 consultation.ended_on。",
            ("consultation", "outcome"),
            "第十八条",
            on=consultation_start(ctx.case),
        )
