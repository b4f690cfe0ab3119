"""What the case yields: agreement, litigation, restoration, funds, referrals, disclosure, documents
(第十九条–第三十三条)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ecoredress.model.enums import (
    ClaimCategory,
    CompanyNaming,
    DocumentKind,
    EnforcementBasis,
    EnforcementOutcome,
    FineKind,
    LawsuitGround,
    Liability,
    PaymentMode,
    PublicItem,
    ReferralDirection,
    RestorationEndGround,
    RestorationMode,
    WithholdingGround,
)
from ecoredress.model.types import DocNo, Money, Section, field


class ClaimItem(Section):
    category: ClaimCategory = field("赔偿项目", "民法典第一千二百三十五条所列项目或惩罚性赔偿")
    amount: Money = field("金额（元）")
    note: str | None = field("说明", default=None)


class Punitive(Section):
    """惩罚性赔偿请求 (第二十二条)."""

    base: Money = field("计算基数（元）", "期间服务功能损失与永久性损害损失之和（第二十二条第二款）")
    amount: Money = field("请求金额（元）")
    grounds: str = field("请求理由", "故意污染环境、破坏生态造成严重后果的事实")


class Instalment(Section):
    due_on: dt.date = field("应付日期")
    amount: Money = field("金额（元）")


class JudicialConfirmation(Section):
    """司法确认 (第十九条第一款)."""

    applied_on: dt.date = field("申请日期")
    court: str = field("法院")
    announced_on: dt.date | None = field("法院公告日期", "公告期不少于 30 日（最高法若干规定第二十条）", default=None)
    ruled_on: dt.date | None = field("裁定日期", default=None)
    ruling_no: str | None = field("裁定书案号", default=None)
    confirmed: bool | None = field("是否确认有效", default=None)


class Enforcement(Section):
    """强制执行 (第十九条第三款)."""

    basis: EnforcementBasis = field("执行依据")
    applied_on: dt.date = field("申请日期")
    case_no: str | None = field("执行案号", default=None)
    dishonest_listed: bool = field("是否列入失信被执行人名单", default=False)
    concluded_on: dt.date | None = field("执行终结日期", default=None)
    outcome: EnforcementOutcome | None = field(
        "执行结果类别", "执行完毕，或终结本次执行（暂无可供执行财产，债权仍在，发现财产后可申请恢复执行）", default=None
    )
    result: str | None = field("执行结果", default=None)


class Share(Section):
    """按份责任时一名义务人承担的份额."""

    obligor: int = field("义务人序号", "obligors 列表中的序号，从 1 开始", ge=1)
    amount: Money = field("承担金额（元）")


class Agreement(Section):
    """赔偿协议 (第十七条、第十九条)."""

    signed_on: dt.date = field("签署日期")
    doc_no: DocNo | None = field("协议编号", default=None)
    items: list[ClaimItem] = field("赔偿项目", min_length=1)
    total: Money = field("赔偿总额（元）", "应等于各赔偿项目之和")
    payment_modes: list[PaymentMode] = field("履行方式", min_length=1)
    due_on: dt.date | None = field(
        "缴款期限", "一次性支付时缴入国库的最后期限（第三十二条）；分期支付的写在 instalments", default=None
    )
    liability: Liability | None = field(
        "义务人之间的责任形式", "两名以上义务人时写明连带责任或按份责任；按份的在 shares 中写明各自份额", default=None
    )
    shares: list[Share] = field("按份责任份额", default_factory=list)
    instalments: list[Instalment] = field("分期计划", "分期或延期赔偿（第二十一条第二款）", default_factory=list)
    fine_set_off: Money | None = field(
        "以罚款、罚金抵扣的赔偿金额（元）",
        "协议以义务人已缴纳的罚款、罚金抵减赔偿的，如实记录抵扣金额；不得以罚代赔（第二十一条）",
        default=None,
    )
    restoration_terms: str | None = field("修复方案、启动时间及期限", "（第十六条第二款）", default=None)
    judicial_confirmation: JudicialConfirmation | None = field("司法确认", default=None)
    fully_performed_on: dt.date | None = field("履行完毕日期", default=None)
    non_performance: bool = field("是否存在不履行或不完全履行", default=False)
    enforcement: Enforcement | None = field(
        "强制执行",
        "经司法确认的协议不履行时申请强制执行（第十九条第三款）；判决的执行记在 litigation.enforcement",
        default=None,
    )
    summary: str | None = field(
        "协议主要内容", "公开的协议摘要（第三十三条）；可写到履行情况，法律文书不引用本字段", default=None, undated=True
    )


class Judgment(Section):
    ruled_on: dt.date = field("判决日期")
    case_no: str = field("案号")
    effective_on: dt.date | None = field("生效日期", default=None)
    due_on: dt.date | None = field(
        "履行期限",
        "判决确定的给付期限的末日（如“判决生效后 30 日内”的最后一日）；未填写的，按生效日期计（第十九条第三款）",
        default=None,
    )
    items: list[ClaimItem] = field("判决赔偿项目", default_factory=list)
    total: Money = field("判决赔偿总额（元）")
    summary: str | None = field("判决主要内容", default=None)


class Litigation(Section):
    """诉讼 (第十九条第二款)."""

    ground: LawsuitGround = field("起诉情形")
    filed_on: dt.date = field("起诉日期")
    court: str = field("受理法院")
    case_no: str | None = field("案号", default=None)
    claim_amount: Money = field("诉讼请求金额（元）")
    claims: list[ClaimItem] = field(
        "诉讼请求项目", "民事起诉状逐项列明的诉讼请求，合计应等于诉讼请求金额", default_factory=list
    )
    judgment: Judgment | None = field("判决", default=None)
    enforcement: Enforcement | None = field("强制执行", default=None)


class PlanReview(Section):
    """修复方案：编制、专家论证、备案 (第二十三条第一项)."""

    drafted_on: dt.date = field("方案编制完成日期")
    reviewed_on: dt.date | None = field("专家论证日期", default=None)
    review_passed: bool | None = field("论证是否通过", default=None)
    filed_on: dt.date | None = field("备案日期", default=None)
    filing_no: str | None = field("备案编号", default=None)
    summary: str | None = field("方案摘要", "公开的重大事项（第三十三条）", default=None)


class Implementation(Section):
    """修复实施 (第二十三条第二项)."""

    started_on: dt.date = field("开工日期")
    completed_on: dt.date | None = field("完工日期", default=None)
    executor: str | None = field("实施单位", default=None)
    progress: str | None = field(
        "进展情况", "公开的修复进展；随时更新，法律文书不引用本字段", default=None, undated=True
    )


class PlanChange(Section):
    """重大变更 (第二十四条)."""

    applied_on: dt.date = field("申请日期")
    description: str = field("变更内容")
    major: bool = field("是否重大变更", "重大变更应当重新组织论证")
    re_reviewed_on: dt.date | None = field("重新论证日期", default=None)
    decided_on: dt.date | None = field("变更决定日期", "重新论证后作出是否同意变更决定的日期", default=None)
    approved: bool | None = field("是否同意变更", default=None)


class Rectification(Section):
    """限期整改 (第二十四条)."""

    notified_on: dt.date = field("通知日期")
    due_on: dt.date = field("整改期限")
    completed_on: dt.date | None = field("整改完成日期", default=None)


class Evaluation(Section):
    """修复效果评估 (第二十三条第三项)."""

    evaluated_on: dt.date = field("评估日期")
    passed: bool = field("是否通过")
    summary: str | None = field("评估结论", "公开的修复效果（第三十三条）", default=None)
    rectification: Rectification | None = field("限期整改", "评估未通过时要求限期整改", default=None)


class EndEvaluation(Section):
    """终止修复前的评估 (第二十五条“经赔偿权利人或其指定的部门、机构评估同意后终止修复”).

    Not an effect evaluation (``Evaluation``, done once the works are complete): it judges the obligor's application,
    also when force majeure halted the works before completion, and it has no pass mark or rectification."""

    evaluated_on: dt.date = field("评估日期", "应当在同意终止修复之日或之前")
    evaluator: str = field(
        "评估单位", "组织评估的赔偿权利人或其指定的部门、机构，如“银川市生态环境局组织专家评估”", min_length=2
    )
    conclusion: RestorationEndGround = field(
        "评估结论",
        "评估认定的第二十五条情形：确实无法达到修复目标但已修复至生态环境风险可接受水平，"
        "或因不可抗力导致修复中止并无法继续",
    )


class RestorationEnd(Section):
    """终止修复 (第二十五条)."""

    applied_on: dt.date = field("申请日期")
    approved_on: dt.date | None = field("同意日期", "经评估同意后终止修复（第二十五条）", default=None)
    ground: RestorationEndGround = field("终止情形")
    evaluation: EndEvaluation | None = field(
        "评估", "赔偿权利人或其指定的部门、机构对终止修复申请的评估；同意终止修复前应当记录", default=None
    )
    payment: Money | None = field(
        "终止修复后应缴纳的赔偿资金（元）",
        "经评估同意终止修复的，赔偿义务人依法缴纳赔偿资金（第二十五条）",
        default=None,
    )
    due_on: dt.date | None = field("缴纳期限", default=None)

    @property
    def approved_after_evaluation(self) -> bool:
        """Approved, and evaluated on or before the approval (第二十五条 “经……评估同意后终止修复”)."""
        return bool(self.approved_on and self.evaluation and self.evaluation.evaluated_on <= self.approved_on)


class Restoration(Section):
    """生态环境修复 (第二十条、第二十三条–第二十五条)."""

    mode: RestorationMode = field("修复方式")
    alternative_site: str | None = field("替代修复地点", "替代修复时填写（第二十条）", default=None)
    plan: PlanReview | None = field("修复方案", default=None)
    implementation: Implementation | None = field("修复实施", default=None)
    changes: list[PlanChange] = field("方案变更", default_factory=list)
    evaluations: list[Evaluation] = field("效果评估", "按时间顺序记录每次评估", default_factory=list)
    end: RestorationEnd | None = field("终止修复", default=None)


class Receipt(Section):
    received_on: dt.date = field("入库日期")
    amount: Money = field("金额（元）")
    treasury: str = field("缴入国库", "赔偿权利人指定部门本级国库（第三十二条）")
    voucher_no: str | None = field("缴款凭证号", default=None, internal=True)


class Expenditure(Section):
    spent_on: dt.date = field("支出日期")
    amount: Money = field("金额（元）")
    purpose: str = field("用途")
    payee: str | None = field("收款单位", default=None)


class Funds(Section):
    """赔偿资金 (第三十二条)."""

    receipts: list[Receipt] = field("资金入库", default_factory=list)
    expenditures: list[Expenditure] = field("资金使用", default_factory=list)

    @property
    def received(self) -> Decimal:
        return sum((r.amount for r in self.receipts), Decimal("0"))

    @property
    def spent(self) -> Decimal:
        return sum((e.amount for e in self.expenditures), Decimal("0"))


class Fine(Section):
    """同一损害行为的罚款或罚金 (第二十一条第一款)."""

    kind: FineKind = field("类别", "行政罚款或刑事罚金")
    authority: str = field("作出机关", "作出行政处罚决定的行政机关或作出判决的人民法院")
    decided_on: dt.date = field("决定或判决日期")
    doc_no: str | None = field("处罚决定书文号或判决书案号", default=None)
    amount: Money = field("金额（元）")
    paid_amount: Money | None = field("已缴纳金额（元）", default=None)
    paid_on: dt.date | None = field("缴纳日期", "已缴纳部分的最近缴纳日期", default=None)


class Penalties(Section):
    """行政责任、刑事责任与赔偿责任 (第二十一条第一款)."""

    fines: list[Fine] = field(
        "罚款、罚金",
        "同一损害行为的行政处罚和刑事罚金；承担行政责任或刑事责任不影响依法承担赔偿责任",
        default_factory=list,
    )
    assets_insufficient: bool = field(
        "义务人财产是否不足以同时承担赔偿责任和缴纳罚款、罚金",
        "不足时，义务人的财产优先用于承担生态环境损害赔偿责任（第二十一条第一款）",
        default=False,
    )


class Referral(Section):
    """与检察机关的线索移送和函告 (第二十六条)."""

    direction: ReferralDirection = field("移送方向")
    procuratorate: str = field("检察机关")
    referred_on: dt.date = field("移送日期")
    description: str | None = field(
        "移送的线索", "所移送线索的主要事实：涉及的单位或个人、行为、地点和可能损害的公共利益", default=None
    )
    letter_no: str | None = field("移送函文号", default=None)
    closed_on: dt.date | None = field(
        "办结日期", "处理情况应在办结后的期限内函告", default=None, parameter="referral.reply_days"
    )
    reply_on: dt.date | None = field("函告日期", default=None)
    reply_no: str | None = field("函告文号", default=None)


class Withholding(Section):
    """依法不予公开的一项公开事项 (第三十三条)."""

    item: PublicItem = field("不公开的事项")
    ground: WithholdingGround = field("法定理由", "国家秘密、商业秘密、个人隐私或法律、行政法规禁止公开")
    reason: str = field("具体说明", min_length=4)
    decided_on: dt.date | None = field("决定日期", default=None)


class Disclosure(Section):
    """信息公开 (第三十三条)."""

    publish: bool = field("是否公开", "未作出公开决定的案件不会发布")
    decided_on: dt.date | None = field("公开决定日期", default=None)
    company_naming: CompanyNaming = field("单位名称写法", "全称或“某公司”", default=CompanyNaming.FULL)
    items: list[PublicItem] = field("公开事项", default_factory=list)
    withheld_reason: str | None = field("不公开理由", default=None, internal=True)
    withheld: list[Withholding] = field(
        "依法不予公开的事项",
        "赔偿协议、裁判文书、资金使用情况和修复效果应当依法公开（第三十三条）；确因国家秘密、商业秘密、个人隐私等法定理由不公开的逐项记录",
        default_factory=list,
        internal=True,
    )
    person_names: list[str] = field(
        "公开内容中需隐去的人名",
        "案件文字中出现、但未作为当事人等记录的自然人姓名（如举报人、证人、村民）：公开时只保留姓氏，写作“李某”。"
        "ecoredress check 提示疑似人名时，是人名的列在此处",
        default_factory=list,
        private=True,
    )
    not_person_names: list[str] = field(
        "不是人名的词语",
        "ecoredress check 提示为疑似人名、但实为地名、单位名、河湖山名等的词语：列在此处后不再提示，公开时照常显示",
        default_factory=list,
        internal=True,
    )


class IssuedDocument(Section):
    kind: DocumentKind = field("文书种类")
    doc_no: DocNo = field("发文字号", "如 宁环赔〔2024〕3号")
    issued_on: dt.date = field("发文日期")
    title: str | None = field("标题", default=None)
    public: bool = field("是否公开", default=False)
