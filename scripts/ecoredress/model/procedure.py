"""From clue to conclusion: screening, check, investigation, assessment, conclusion, consultation (第九条–第十八条)."""

from __future__ import annotations

import datetime as dt

from ecoredress.model.enums import (
    AssessmentMode,
    City,
    ClaimEndGround,
    ClueSource,
    ConclusionDecision,
    ConsultationEndGround,
    ConsultationOutcome,
    ConsultationProcedure,
    DamageType,
    MajorCaseCriterion,
)
from ecoredress.model.types import DocNo, Money, Section, field


class Clue(Section):
    """线索 (第九条)."""

    source: ClueSource = field("线索来源")
    found_on: dt.date = field(
        "发现日期",
        "筛查发现或收到线索的日期；初步核查的期限自此起算",
        parameter="preliminary_check.days",
    )
    description: str = field("线索概述", min_length=4)
    screening_ref: str | None = field("筛查记录编号", "对应 cases/screening/ 中的季度筛查记录", default=None)
    evidence_preserved_on: dt.date | None = field(
        "固定保全证据日期",
        "日常监管、执法巡查、专项行动或办理行政处罚案件中发现的，应同步开展赔偿责任调查、及时固定保全证据（第二十八条）",
        default=None,
    )


class PreliminaryCheck(Section):
    """初步核查 (第十条)."""

    completed_on: dt.date = field("核查完成日期")
    damage_found: bool = field("是否造成生态环境损害")
    no_claim_reason: str | None = field("不启动索赔的理由", "属于国家规定的不启动索赔情形时填写", default=None)
    claim_started_on: dt.date | None = field(
        "启动索赔日期",
        "发现损害后应当立即启动索赔程序（第十条第一款）；自核查完成日期起算",
        default=None,
        parameter="claim_start.days",
    )
    procuratorate_suggestion_on: dt.date | None = field(
        "检察工作建议日期", "未按规定启动索赔时检察机关提出工作建议的日期（第十条第二款）", default=None
    )


class MajorCase(Section):
    """重大案件管理 (第十一条)."""

    criteria: list[MajorCaseCriterion] = field("重大案件情形", "第十一条第一款所列情形，可多选", min_length=1)
    decided_on: dt.date = field("纳入重大案件管理日期")
    ledger_entered_on: dt.date | None = field("列入台账日期", "自治区重大案件督办台账", default=None)
    basis: str | None = field("认定依据", "第六项情形须说明综合考虑的因素", default=None)


class Damage(Section):
    """损害事实."""

    types: list[DamageType] = field("损害类型", min_length=1)
    cities: list[City] = field("所在设区市", "跨设区市的案件列出全部设区市", min_length=1)
    counties: list[str] = field("所在县（市、区）", default_factory=list)
    site: str = field("损害地点", "到乡镇或地理标志即可，不写个人住址", min_length=2)
    in_ningdong_base: bool = field("是否在宁东能源化工基地范围内", default=False)
    cross_province: bool = field("是否跨省域", default=False)
    in_red_line: bool = field(
        "是否在生态保护红线等严格保护区域内", "决定能否终止索赔（第十二条）和是否属于重大案件（第十一条）"
    )
    began_on: dt.date | None = field("损害行为开始日期", default=None)
    ended_on: dt.date | None = field("损害行为结束日期", default=None)
    description: str = field("损害情况", "污染或破坏的方式、范围和程度", min_length=4)
    estimated_amount: Money | None = field(
        "预估损害金额（元）", "不包括调查、鉴定评估等费用；用于判断能否适用简易评估认定程序（第十五条）", default=None
    )
    intentional: bool = field("是否故意", "故意违法造成严重后果的，可以请求惩罚性赔偿（第二十二条）", default=False)


class Investigation(Section):
    """损害调查 (第十三条)."""

    started_on: dt.date = field("调查开始日期")
    ended_on: dt.date | None = field(
        "调查结束日期", "形成调查结论的期限自此起算", default=None, parameter="conclusion.days"
    )
    obligor_profile: str | None = field(
        "义务人情况", "登记信息、经营状况、环境保护措施及环境违法情况（第十三条第一项）", default=None
    )
    causation: str | None = field(
        "因果关系", "行为与损害的关联，发生的时间、地点、起因、经过（第十三条第二项）", default=None
    )
    extent: str | None = field("影响范围和损害程度估算", "（第十三条第三项）", default=None)
    other: str | None = field("其他内容", "（第十三条第四项）", default=None)
    police_evidence_used: bool = field("是否采用公安机关委托的鉴定意见", "（第十四条第三款）", default=False)


class Expert(Section):
    name: str = field("专家姓名", private=True)
    pool: str = field("所属专家库", "设区市以上政府及其部门、法院、检察机关的专家库或专家委员会（第十五条第三款）")
    specialty: str | None = field("专业领域", default=None)


class Extension(Section):
    """鉴定评估延期 (第十四条第二款)."""

    notified_on: dt.date = field("告知委托人日期")
    reason: str = field("延期理由")
    term_workdays: int = field("延长后的期限（工作日）", ge=1)


class Assessment(Section):
    """鉴定评估 (第十四条) 或简易评估认定 (第十五条)."""

    mode: AssessmentMode = field("评估方式", "单独委托、共同委托、专家意见（简易）、综合认定（简易）")
    institution: str | None = field("鉴定评估机构", "委托鉴定时填写", default=None)
    commissioned_on: dt.date | None = field("委托书生效日期", "鉴定评估期限自此起算（第十四条第二款）", default=None)
    complex: bool = field(
        "是否复杂疑难",
        "涉及复杂、疑难、特殊技术问题的，鉴定评估期限一般不得超过的上限",
        default=False,
        parameter="assessment.complex_workdays",
    )
    agreed_term_workdays: int | None = field(
        "约定期限（工作日）", "对期限另有约定并在委托协议中载明时填写", default=None, ge=1
    )
    extension: Extension | None = field("延期", default=None)
    simplified_reminder_on: dt.date | None = field(
        "提醒适用简易程序日期", "鉴定评估费用明显高于损害金额时应提醒义务人（第十五条第四款）", default=None
    )
    obligor_agreed_simplified: bool | None = field("义务人是否同意简易程序", default=None)
    experts: list[Expert] = field(
        "参与专家",
        "专家意见方式的最少专家人数",
        default_factory=list,
        parameter="simplified_assessment.min_experts",
    )
    estimated_commission_costs: Money | None = field(
        "预估委托鉴定评估费用（元）",
        "初步调查时估算的委托鉴定评估费用；明显高于预估损害金额时应提醒适用简易程序（第十五条第四款）",
        default=None,
    )
    report_on: dt.date | None = field("报告或意见出具日期", default=None)
    report_no: str | None = field("报告编号", default=None)
    damage_amount: Money | None = field("评估损害金额（元）", "不包括调查、鉴定评估等费用", default=None)
    costs: Money | None = field("调查、鉴定评估费用（元）", default=None)
    summary: str | None = field("评估结论摘要", "公开的重大事项（第三十三条）", default=None)


class Conclusion(Section):
    """调查结论 (第十六条)."""

    concluded_on: dt.date = field("形成调查结论日期", "调查结束后形成调查结论的期限", parameter="conclusion.days")
    decision: ConclusionDecision = field("处理意见")
    summary: str | None = field("结论摘要", default=None)


class ClaimEnd(Section):
    """终止索赔 (第十二条)."""

    decided_on: dt.date = field("决定日期")
    ground: ClaimEndGround = field("终止情形", "第十二条所列情形之一；仅适用于生态保护红线外")
    reason: str = field("理由", min_length=4)
    remediated_on: dt.date | None = field(
        "整改或纠正完成日期",
        "第一项：违法行为后立即整改并已完成污染清除或生态修复的日期；第三项：及时纠正的日期（第十二条）",
        default=None,
    )


class ConsultationNotice(Section):
    served_on: dt.date = field("送达日期")
    doc_no: DocNo | None = field("文号", default=None)
    reply_due_on: dt.date | None = field("答复期限", default=None)


class ConsultationReply(Section):
    replied_on: dt.date = field("答复日期")
    agreed: bool = field("是否同意磋商")


class Meeting(Section):
    round: int = field("轮次", ge=1)
    notified_on: dt.date | None = field(
        "会议通知日期", "书面通知义务人参会的日期；义务人无故不参会可以终止磋商（第十八条第二项）", default=None
    )
    held_on: dt.date = field("会议日期")
    venue: str | None = field("会议地点", "写入磋商会议通知", default=None)
    procuratorate_invited: bool = field("是否邀请检察机关参与", "（第二十七条）", default=False)
    procuratorate: str | None = field(
        "受邀检察机关", "邀请检察机关参与磋商时写明检察院名称（第二十七条）", default=None
    )
    participants: list[str] = field("参会人员", "内部记录，不公开", default_factory=list, internal=True)
    minutes: str | None = field("会议纪要", "内部记录，不公开", default=None, internal=True)
    obligor_attended: bool = field("义务人是否参会", default=True)
    obligor_withdrew: bool = field("义务人是否中途退出", "义务人到会后退出磋商会议的（第十八条第二项）", default=False)


class Consultation(Section):
    """索赔磋商 (第十六条–第十八条)."""

    procedure: ConsultationProcedure = field(
        "磋商程序",
        "简易磋商仅适用于评估损害金额不超过上限的案件",
        parameter="simplified_consultation.ceiling",
    )
    obligor_agreed_simplified: bool | None = field(
        "义务人是否同意简易磋商", "简易磋商须经与赔偿义务人协商一致（第十七条）；一般磋商不填", default=None
    )
    notice: ConsultationNotice = field("磋商告知书")
    reply: ConsultationReply | None = field("义务人答复", default=None)
    started_on: dt.date | None = field(
        "磋商开始日期", "磋商期限原则上不超过的日数", default=None, parameter="consultation.days"
    )
    procuratorate_invited_on: dt.date | None = field(
        "邀请检察机关参与磋商日期",
        "可以邀请检察机关参与磋商，商请其在调查取证、法律咨询、修复监督等方面提供协助（第二十七条第一款）；"
        "各次会议检察机关是否参加记在 meetings[].procuratorate_invited",
        default=None,
    )
    meetings: list[Meeting] = field("磋商会议", default_factory=list)
    outcome: ConsultationOutcome = field("磋商结果", default=ConsultationOutcome.ONGOING)
    ended_on: dt.date | None = field("磋商结束日期", default=None)
    end_ground: ConsultationEndGround | None = field("终止磋商情形", "（第十八条）", default=None)
    end_reason: str | None = field("终止磋商说明", default=None)
    draft_amount: Money | None = field("磋商中的拟定金额（元）", "内部记录，不公开", default=None, internal=True)
