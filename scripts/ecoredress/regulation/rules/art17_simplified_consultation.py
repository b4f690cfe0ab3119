"""第十七条 简易磋商: only for assessed damage of 50万元 or less; the agreement is signed without a meeting."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ecoredress.model.enums import ConsultationProcedure
from ecoredress.model.types import yuan
from ecoredress.validation.checker import CaseContext, case_check
from ecoredress.validation.findings import Finding, error, warning


@case_check
def simplified_consultation_allowed(ctx: CaseContext) -> Iterator[Finding]:
    cons = ctx.case.consultation
    if cons is None or cons.procedure is not ConsultationProcedure.SIMPLIFIED:
        return
    on = cons.notice.served_on
    param = ctx.profile.param("simplified_consultation.ceiling")
    ceiling = Decimal(param.at(on))
    a = ctx.case.assessment
    amount = a.damage_amount if a else None
    if amount is None:
        yield warning("art17-amount-missing",
                      f"适用简易磋商，但没有经评估认定的损害金额，无法判断是否在 {yuan(ceiling)} 以下。请填写 assessment.damage_amount。",
                      ("consultation", "procedure"), param.article(on))
    elif amount > ceiling:
        yield error("art17-simplified-over-ceiling",
                    f"经评估认定的损害金额 {yuan(amount)} 超过简易磋商上限 {yuan(ceiling)}，不得适用简易磋商。请改为一般磋商。",
                    ("consultation", "procedure"), param.article(on))
    if cons.meetings:
        yield warning("art17-meetings-in-simplified",
                      f"简易磋商不召开磋商会议、直接签署协议，但记录了 {len(cons.meetings)} 次磋商会议。请将磋商程序改为一般磋商，或核对会议记录。",
                      ("consultation", "meetings"), param.article(on))
