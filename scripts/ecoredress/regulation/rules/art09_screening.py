"""第九条 线索筛查: a case's clue.screening_ref names a record in ``cases/screening/``.

第九条：“赔偿权利人及其指定的部门或机构应当通过国家规定的渠道，定期组织生态环境损害线索的全面筛查，每季度不少于 1次。”
(The quarterly count itself is ``regulation.screening``.) Fact date: the clue the screening found (clue.found_on).
"""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.loading.discovery import SCREENING_DIR
from ecoredress.regulation.findings import Finding, warning
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def screening_ref_known(ctx: CaseContext) -> Iterator[Finding]:
    ref = ctx.case.clue.screening_ref
    if ref is None or ctx.screening_ids is None:
        return
    if ref not in ctx.screening_ids:
        yield warning(
            "art9-screening-ref-unknown",
            f"线索引用的筛查记录 {ref} 在 {SCREENING_DIR}/ 中不存在。请核对编号，或在季度筛查记录中补充该次筛查。",
            ("clue", "screening_ref"),
            "第九条",
            on=ctx.case.clue.found_on,
        )
