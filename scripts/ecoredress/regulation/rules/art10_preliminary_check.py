"""第十条 初步核查 within 30 days of the clue; damage found → start the claim at once.

第一款：“筛查发现涉及生态环境损害的线索，赔偿权利人及其指定的部门或机构应当在 30日内就是否造成生态环境损害进行初步核查；
经核查发现造成生态环境损害的，除国家规定的不启动索赔情形外，应当立即启动索赔程序。”
A damage investigation is the claim under way, so the check must come before it. The regulation gives 立即 no
number: the profile's ``claim_start.days`` is the department's reading of it, and a later start is a warning asking
for the reason to be recorded, not an error.
Fact dates: the 30-day check, its due date (``common.timing``); the claim not started or started late, the check
that found damage; an investigation without a check, its start.
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.regulation.findings import Finding, error, warning
from ecoredress.regulation.rules.common import timing_of
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def preliminary_check_in_time(ctx: CaseContext) -> Iterator[Finding]:
    yield from timing_of(
        ctx,
        "preliminary-check",
        "art10-preliminary-check",
        "请在案件中说明逾期原因，并在今后的筛查中及时核查。",
        "请尽快完成初步核查并填写 preliminary_check（核查完成日期、是否造成损害）。",
    )


@case_check
def claim_started(ctx: CaseContext) -> Iterator[Finding]:
    pc = ctx.case.preliminary_check
    if pc is None or not pc.damage_found or pc.no_claim_reason or pc.claim_started_on:
        return
    yield warning(
        "art10-claim-not-started",
        f"初步核查（{pc.completed_on}）发现造成生态环境损害，但没有启动索赔的记录，也未写明属于国家规定的不启动索赔情形。"
        "应当立即启动索赔程序：请填写 preliminary_check.claim_started_on，或在 no_claim_reason 中写明不启动的理由。",
        ("preliminary_check", "damage_found"),
        "第十条第一款",
        on=pc.completed_on,
    )


@case_check
def claim_started_at_once(ctx: CaseContext) -> Iterator[Finding]:
    pc = ctx.case.preliminary_check
    if pc is None or not pc.damage_found or pc.claim_started_on is None:
        return
    param = ctx.profile.param("claim_start.days")
    allowed, waited = param.at(pc.completed_on), (pc.claim_started_on - pc.completed_on).days
    if waited <= allowed:
        return
    yield warning(
        "art10-claim-start-late",
        f"初步核查（{pc.completed_on}）发现造成生态环境损害，索赔程序至 {pc.claim_started_on} 才启动，"
        f"相隔 {waited} 日，超过本部门对“立即启动”掌握的 {allowed} 日（规定未写天数）。"
        "经核查发现损害的，应当立即启动索赔程序：请在案件中记录延迟启动的原因，并核对两个日期。",
        ("preliminary_check", "claim_started_on"),
        param.article(pc.completed_on),
        on=pc.completed_on,
    )


@case_check
def investigation_after_check(ctx: CaseContext) -> Iterator[Finding]:
    inv = ctx.case.investigation
    if inv and ctx.case.preliminary_check is None:
        yield error(
            "art10-investigation-without-check",
            "开展了损害调查但没有初步核查记录。请补充 preliminary_check 一节（核查日期、是否造成损害）。",
            ("investigation",),
            "第十条第一款",
            on=inv.started_on,
        )
