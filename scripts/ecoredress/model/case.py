"""The case: one YAML file, the whole life of a claim (第五条–第三十三条)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from ecoredress.model.outcome import (
    Agreement,
    Disclosure,
    Enforcement,
    Funds,
    IssuedDocument,
    Litigation,
    Penalties,
    Punitive,
    Referral,
    Restoration,
)
from ecoredress.model.parties import Jurisdiction, Obligor
from ecoredress.model.procedure import (
    Assessment,
    ClaimEnd,
    Clue,
    Conclusion,
    Consultation,
    Damage,
    Investigation,
    MajorCase,
    PreliminaryCheck,
)
from ecoredress.model.types import CaseId, Section, field


class Case(Section):
    """生态环境损害赔偿案件."""

    model_config = {
        **Section.model_config,
        "title": "生态环境损害赔偿案件",
        "json_schema_extra": {"$id": "case.schema.json"},
    }

    id: CaseId = field("案件编号", "权利人代码-年份-三位序号，如 YC-2024-001；文件名须与之一致")
    title: str = field("案件名称", "如“某公司向黄河支流排放超标废水生态环境损害赔偿案”", min_length=4)
    summary: str = field(
        "案情简介",
        "公开的基本案情；不写个人信息。可写到最新进展：法律文书不引用本字段，而按各环节的日期叙述",
        min_length=10,
        undated=True,
    )
    jurisdiction: Jurisdiction = field("管辖")
    clue: Clue = field("线索")
    preliminary_check: PreliminaryCheck | None = field("初步核查", default=None)
    major_case: MajorCase | None = field("重大案件", default=None)
    obligors: list[Obligor] = Field(
        default_factory=list,
        title="赔偿义务人",
        description="造成生态环境损害的单位或者个人（第六条）；线索阶段可暂缺，送达磋商告知书前必须明确",
    )
    damage: Damage = field("损害")
    investigation: Investigation | None = field("损害调查", default=None)
    assessment: Assessment | None = field("鉴定评估", default=None)
    conclusion: Conclusion | None = field("调查结论", default=None)
    claim_end: ClaimEnd | None = field("终止索赔", default=None)
    consultation: Consultation | None = field("索赔磋商", default=None)
    agreement: Agreement | None = field("赔偿协议", default=None)
    punitive: Punitive | None = field("惩罚性赔偿", default=None)
    litigation: Litigation | None = field("诉讼", default=None)
    penalties: Penalties | None = field(
        "罚款、罚金",
        "同一损害行为的行政责任、刑事责任（第二十一条第一款）；内部记录，不公开",
        default=None,
        internal=True,
    )
    restoration: Restoration | None = field("生态环境修复", default=None)
    funds: Funds | None = field("赔偿资金", default=None)
    referrals: list[Referral] = field("检察衔接", default_factory=list)
    closed_on: dt.date | None = field(
        "结案日期", "协议或判决履行完毕、修复效果评估通过（或终止修复）、检察衔接函告后决定结案的日期", default=None
    )
    disclosure: Disclosure = field("信息公开")
    documents: list[IssuedDocument] = field("已发文书", default_factory=list)
    notes: str | None = field("内部备注", "仅供内部，不公开", default=None, internal=True)

    @property
    def enforcement(self) -> tuple[tuple[str, ...], Enforcement] | None:
        """The enforcement on record and where it sits: of a judgment, or of a confirmed agreement (第十九条第三款)."""
        if self.litigation and self.litigation.enforcement:
            return ("litigation", "enforcement"), self.litigation.enforcement
        if self.agreement and self.agreement.enforcement:
            return ("agreement", "enforcement"), self.agreement.enforcement
        return None
