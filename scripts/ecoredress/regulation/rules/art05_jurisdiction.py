"""第五条 管辖: who holds the claim follows from where the damage is.

第一款：“自治区政府负责管辖在全国有重大影响、跨省域、跨设区市，以及宁东能源化工基地范围内的生态环境损害赔偿案件……”
第二款：“设区市政府负责管辖本行政区域内生态环境损害赔偿案件……” 第三款：“涉及两个及以上指定部门或机构的生态环境损害赔偿
案件的办理，由赔偿权利人指定主办部门或机构。”
Fact date: jurisdiction is settled when the holder takes the case up, i.e. when its clue is found (clue.found_on).
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.model.enums import HOLDER_CITY, RightsHolder
from ecoredress.model.enums import RegionalJurisdictionGround as Ground
from ecoredress.regulation.findings import Finding, error, warning
from ecoredress.regulation.rules.registry import CaseContext, case_check


def regional_grounds_from_facts(ctx: CaseContext) -> list[Ground]:
    """第五条第一款 grounds the damage facts establish (national impact is a judgement, not a fact here)."""
    d = ctx.case.damage
    grounds = []
    if d.cross_province:
        grounds.append(Ground.CROSS_PROVINCE)
    if len(set(d.cities)) > 1:
        grounds.append(Ground.CROSS_CITY)
    if d.in_ningdong_base:
        grounds.append(Ground.NINGDONG_BASE)
    return grounds


@case_check
def rights_holder(ctx: CaseContext) -> Iterator[Finding]:
    j, d = ctx.case.jurisdiction, ctx.case.damage
    implied = regional_grounds_from_facts(ctx)
    if j.rights_holder is RightsHolder.REGION:
        if not j.regional_grounds:
            yield error(
                "art5-regional-ground-missing",
                "赔偿权利人为自治区人民政府，但未写明自治区管辖的情形。请在 jurisdiction.regional_grounds 中写明"
                "在全国有重大影响、跨省域、跨设区市或宁东能源化工基地范围内之一。",
                ("jurisdiction", "rights_holder"),
                "第五条第一款",
                on=ctx.case.clue.found_on,
            )
        facts = {
            Ground.CROSS_PROVINCE: d.cross_province,
            Ground.CROSS_CITY: len(set(d.cities)) > 1,
            Ground.NINGDONG_BASE: d.in_ningdong_base,
        }
        for i, ground in enumerate(j.regional_grounds):
            if facts.get(ground) is False:
                yield warning(
                    "art5-regional-ground-unsupported",
                    f"管辖情形写的是“{ground}”，但损害事实不符（设区市：{'、'.join(d.cities)}；跨省域："
                    f"{'是' if d.cross_province else '否'}；"
                    f"宁东基地：{'是' if d.in_ningdong_base else '否'}）。请核对管辖情形或损害事实。",
                    ("jurisdiction", "regional_grounds", i),
                    "第五条第一款",
                    on=ctx.case.clue.found_on,
                )
        return
    if implied:
        yield error(
            "art5-should-be-regional",
            f"损害属于{'、'.join(implied)}，应由自治区人民政府管辖，而案件的赔偿权利人为{j.rights_holder}。"
            "请改由自治区人民政府作为赔偿权利人，或核对损害所在设区市等事实。",
            ("jurisdiction", "rights_holder"),
            "第五条第一款",
            on=ctx.case.clue.found_on,
        )
        return
    city = HOLDER_CITY[j.rights_holder]
    if city not in d.cities:  # one city here: damage in two or more is the region's (above)
        yield error(
            "art5-city-mismatch",
            f"赔偿权利人为{j.rights_holder}，但损害发生在{d.cities[0]}。设区市政府只管辖本行政区域内的案件，"
            "请核对赔偿权利人或损害所在设区市。",
            ("jurisdiction", "rights_holder"),
            "第五条第二款",
            on=ctx.case.clue.found_on,
        )


@case_check
def lead_department(ctx: CaseContext) -> Iterator[Finding]:
    j, j_found = ctx.case.jurisdiction, ctx.case.clue.found_on
    if len(j.designated_departments) >= 2 and not j.lead_department:
        yield error(
            "art5-lead-department-missing",
            f"本案涉及 {len(j.designated_departments)} 个指定部门或机构（{'、'.join(j.designated_departments)}），"
            "应由赔偿权利人指定主办部门。请填写 jurisdiction.lead_department。",
            ("jurisdiction", "designated_departments"),
            "第五条第三款",
            on=j_found,
        )
    elif j.lead_department and j.lead_department not in j.designated_departments:
        yield warning(
            "art5-lead-department-unknown",
            f"主办部门“{j.lead_department}”不在指定部门或机构名单中。请将其列入 designated_departments 或改正名称。",
            ("jurisdiction", "lead_department"),
            "第五条第三款",
            on=j_found,
        )
