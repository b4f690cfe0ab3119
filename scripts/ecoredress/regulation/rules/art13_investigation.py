"""第十三条 损害调查 must cover the obligor, causation and the extent of the damage.

第十三条：“赔偿权利人及其指定的部门或机构开展损害调查时，应当包括如下内容：（一）生态环境损害赔偿义务人的登记信息、经营状况，
环境保护措施，以及环境违法情况等；（二）……行为与生态环境损害事实关联关系，发生的时间、地点、起因、经过等；（三）生态环境
损害行为造成的影响范围和损害程度估算；（四）其他涉及生态环境损害的内容。” (四) is open-ended and not required.
Fact date: the end of the investigation whose contents are judged.
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.regulation.findings import Finding, error
from ecoredress.regulation.rules.registry import CaseContext, case_check

_CONTENTS = (
    ("obligor_profile", "（一）义务人的登记信息、经营状况、环境保护措施及环境违法情况"),
    ("causation", "（二）行为与损害的关联及发生的时间、地点、起因、经过"),
    ("extent", "（三）影响范围和损害程度估算"),
)


@case_check
def investigation_contents(ctx: CaseContext) -> Iterator[Finding]:
    inv = ctx.case.investigation
    if inv is None or inv.ended_on is None:
        return
    missing = [label for name, label in _CONTENTS if not getattr(inv, name)]
    if missing:
        yield error(
            "art13-investigation-incomplete",
            f"损害调查已于 {inv.ended_on} 结束，但缺少法定调查内容：{'；'.join(missing)}。"
            "请补充 investigation 中对应的 obligor_profile、causation、extent。",
            ("investigation", "ended_on"),
            "第十三条",
            on=inv.ended_on,
        )
