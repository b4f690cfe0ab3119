"""第十四条 鉴定评估: 30 working days from the commission, up to 60 for complex matters with a notified
extension, or the term agreed in the commission agreement.

第二款：“鉴定评估期限原则上不超过 30个工作日（自委托书生效之日起计算），鉴定评估事项涉及复杂、疑难、
特殊技术问题或者鉴定过程
需要较长时间的，一般不得超过 60个工作日。鉴定评估时限延长的，应当及时告知委托人。对期限另有约定的，
从其约定并在委托协议中载明。”
Fact dates: the term, its due date (``common.timing``); the extension's length and grounds, the commission whose term it
extends; a late notice, the notice. A missing commission date has none (``validation.analogy.UNDATED``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.regulation.calendar import CalendarError
from ecoredress.regulation.findings import Finding, warning
from ecoredress.regulation.rules.common import timing_of
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def assessment_in_time(ctx: CaseContext) -> Iterator[Finding]:
    assessment = ctx.case.assessment
    if assessment is None:
        return  # no assessment, no assessment term (deadlines.assessment)
    ceiling = ctx.profile.get("assessment.complex_workdays", assessment.commissioned_on)
    yield from timing_of(
        ctx,
        "assessment",
        "art14-assessment",
        "请核对委托书生效日期和报告日期；确需延期的，应及时书面告知委托人并记录 assessment.extension。",
        f"请督促鉴定评估机构尽快出具报告；属复杂疑难的，应告知延期（一般不超过 {ceiling} 个工作日）并记录 "
        "assessment.extension。",
    )


@case_check
def commission_recorded(ctx: CaseContext) -> Iterator[Finding]:
    a = ctx.case.assessment
    if a and not a.mode.simplified and a.commissioned_on is None:
        yield warning(
            "art14-commission-date-missing",
            f"评估方式为“{a.mode}”，但没有委托书生效日期，无法计算鉴定评估期限。请填写 assessment.commissioned_on。",
            ("assessment", "mode"),
            "第十四条第二款",
        )


@case_check
def extension_valid(ctx: CaseContext) -> Iterator[Finding]:
    a = ctx.case.assessment
    if a is None or a.extension is None or a.commissioned_on is None or a.agreed_term_workdays:
        return
    cap_param = ctx.profile.param("assessment.complex_workdays")
    cap = cap_param.at(a.commissioned_on)
    ext = a.extension
    if ext.term_workdays > cap:
        yield warning(
            "art14-extension-over-limit",
            f"延期后的鉴定评估期限为 {ext.term_workdays} 个工作日，超过复杂疑难案件一般不得超过的 {cap} 个工作日。"
            "请核对延期期限；确有特殊情况的，应在委托协议中约定期限并填写 agreed_term_workdays。",
            ("assessment", "extension", "term_workdays"),
            cap_param.article(a.commissioned_on),
            on=a.commissioned_on,
        )
    if not a.complex:
        yield warning(
            "art14-extension-not-complex",
            "鉴定评估延期，但案件未标记为复杂疑难。只有涉及复杂、疑难、特殊技术问题或需要较长时间的才可延长，"
            "请核对并填写 assessment.complex。",
            ("assessment", "extension"),
            cap_param.article(a.commissioned_on),
            on=a.commissioned_on,
        )
    base = ctx.profile.get("assessment.workdays", a.commissioned_on)
    try:
        original_due = ctx.calendar.add_workdays(a.commissioned_on, base)
    except CalendarError:
        return  # the term itself reports the missing calendar year
    if ext.notified_on > original_due:
        yield warning(
            "art14-extension-notice-late",
            f"延期告知日期 {ext.notified_on} 晚于原定期限 {original_due}"
            f"（委托书生效日期 {a.commissioned_on} 起 {base} 个工作日）。"
            "延期应当在期限届满前及时告知委托人。",
            ("assessment", "extension", "notified_on"),
            "第十四条第二款",
            on=ext.notified_on,
        )
