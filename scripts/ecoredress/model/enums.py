"""Code lists. Members are English identifiers; values are the Chinese terms staff write in YAML."""

from __future__ import annotations

from enum import StrEnum


class RightsHolder(StrEnum):
    """赔偿权利人 (第五条)."""

    REGION = "宁夏回族自治区人民政府"
    YINCHUAN = "银川市人民政府"
    SHIZUISHAN = "石嘴山市人民政府"
    WUZHONG = "吴忠市人民政府"
    GUYUAN = "固原市人民政府"
    ZHONGWEI = "中卫市人民政府"


class City(StrEnum):
    """设区市."""

    YINCHUAN = "银川市"
    SHIZUISHAN = "石嘴山市"
    WUZHONG = "吴忠市"
    GUYUAN = "固原市"
    ZHONGWEI = "中卫市"


# Case-id prefix of each rights-holder; the city a city government holds rights for.
HOLDER_CODES: dict[RightsHolder, str] = {
    RightsHolder.REGION: "NX",
    RightsHolder.YINCHUAN: "YC",
    RightsHolder.SHIZUISHAN: "SZS",
    RightsHolder.WUZHONG: "WZ",
    RightsHolder.GUYUAN: "GY",
    RightsHolder.ZHONGWEI: "ZW",
}
HOLDER_CITY: dict[RightsHolder, City] = {
    RightsHolder.YINCHUAN: City.YINCHUAN,
    RightsHolder.SHIZUISHAN: City.SHIZUISHAN,
    RightsHolder.WUZHONG: City.WUZHONG,
    RightsHolder.GUYUAN: City.GUYUAN,
    RightsHolder.ZHONGWEI: City.ZHONGWEI,
}


class RegionalJurisdictionGround(StrEnum):
    """自治区政府管辖的情形 (第五条第一款)."""

    NATIONAL_IMPACT = "在全国有重大影响"
    CROSS_PROVINCE = "跨省域"
    CROSS_CITY = "跨设区市"
    NINGDONG_BASE = "宁东能源化工基地范围内"


class ClueSource(StrEnum):
    """线索来源 (第九条、第二十六条、第二十八条、第三十一条)."""

    INSPECTION = "生态环境保护督察交办"
    EMERGENCY = "突发环境事件"
    ADMIN_PENALTY = "行政处罚案件"
    CRIMINAL = "涉嫌犯罪案件"
    PROCURATORATE = "检察机关移送"
    REPORT = "群众举报"
    SUPERVISION = "日常监管与执法巡查"
    ASSIGNED = "国家和自治区交办"
    OTHER = "其他"


class MajorCaseCriterion(StrEnum):
    """重大案件情形 (第十一条第一款第一至六项)."""

    EMERGENCY_LARGE = "较大及以上突发环境事件"
    RED_LINE = "生态保护红线等区域内发生"
    INSPECTION_ASSIGNED = "督察发现并明确交办"
    MAJOR_MATTER = "国家和自治区交办的重大事项"
    MAJOR_IMPACT = "在全国、全区造成重大影响"
    SERIOUS_CONSEQUENCE = "经综合考虑确定造成严重后果"


class DamageType(StrEnum):
    WATER = "水污染"
    AIR = "大气污染"
    SOIL = "土壤污染"
    SOLID_WASTE = "固体废物污染"
    GROUNDWATER = "地下水污染"
    FOREST = "林地破坏"
    GRASSLAND = "草原破坏"
    WETLAND = "湿地破坏"
    DESERT = "荒漠生态破坏"
    WILDLIFE = "野生动植物资源破坏"
    MINERAL = "矿产资源破坏"
    OTHER = "其他"


class ObligorKind(StrEnum):
    ORGANISATION = "单位"
    PERSON = "个人"


class AssessmentMode(StrEnum):
    """鉴定评估方式 (第十四条、第十五条)."""

    SOLE_COMMISSION = "单独委托"
    JOINT_COMMISSION = "共同委托"
    EXPERT_OPINION = "专家意见"  # simplified, 第十五条第二款第一项
    COMPREHENSIVE = "综合认定"  # simplified, 第十五条第二款第二项

    @property
    def simplified(self) -> bool:
        return self in (AssessmentMode.EXPERT_OPINION, AssessmentMode.COMPREHENSIVE)


class ConclusionDecision(StrEnum):
    """调查结论 (第十六条)."""

    START_CONSULTATION = "启动索赔磋商"
    END_CLAIM = "终止索赔"


class ClaimEndGround(StrEnum):
    """终止索赔情形 (第十二条第一至三项)."""

    MINOR_AND_REMEDIED = "持续时间短、显著轻微且已整改修复"
    UNPROTECTED_SPECIES = "非重点保护物种且损害显著轻微"
    MINOR_CORRECTED = "显著轻微并及时纠正、未造成损害后果"


class ConsultationProcedure(StrEnum):
    NORMAL = "一般磋商"
    SIMPLIFIED = "简易磋商"  # 第十七条


class ConsultationOutcome(StrEnum):
    ONGOING = "进行中"
    AGREED = "达成协议"
    TERMINATED = "终止磋商"


class ConsultationEndGround(StrEnum):
    """终止磋商情形 (第十八条第一至四项)."""

    REFUSED_OR_NO_REPLY = "不同意磋商或逾期未答复"
    ABSENT_OR_WITHDREW = "无故不参加或退出磋商会议"
    ROUNDS_OR_TERM_EXHAUSTED = "经三次磋商或超过期限未达成协议"
    OTHER = "其他情形"


class ClaimCategory(StrEnum):
    """赔偿范围 (民法典第一千二百三十五条；domain §3)."""

    INTERIM_LOSS = "期间服务功能损失"
    PERMANENT_LOSS = "永久性损害损失"
    INVESTIGATION_COSTS = "调查、鉴定评估等费用"
    RESTORATION_COSTS = "清除污染、修复费用"
    PREVENTION_COSTS = "防止损害发生和扩大的合理费用"
    OTHER_COSTS = "其他合理费用"
    PUNITIVE = "惩罚性赔偿"  # 第二十二条


class PaymentMode(StrEnum):
    LUMP_SUM = "一次性支付"
    INSTALMENTS = "分期支付"
    DEFERRED = "延期支付"
    ESCROW = "公证提存"
    PHASED = "分段实施"
    ALTERNATIVE_RESTORATION = "替代修复"
    CARBON_SINK = "认购碳汇"


class Liability(StrEnum):
    """两名以上赔偿义务人之间的责任形式 (民法典第一百七十七条、第一百七十八条、第一千一百六十八条)."""

    JOINT = "连带责任"
    SEVERAL = "按份责任"


class EnforcementOutcome(StrEnum):
    """强制执行的结果."""

    COMPLETED = "执行完毕"
    SUSPENDED = "终结本次执行"  # no property found: the debt stands, enforcement resumes when property is found
    OTHER = "其他终结"


class LawsuitGround(StrEnum):
    """提起诉讼的情形 (第十九条第二款)."""

    REFUSED_CONSULTATION = "不同意磋商"
    CONSULTATION_TERMINATED = "磋商终止"
    AGREEMENT_NOT_PERFORMED = "不履行未经司法确认的赔偿协议"


class EnforcementBasis(StrEnum):
    """申请强制执行的依据 (第十九条第三款)."""

    JUDGMENT = "生效判决"
    CONFIRMED_AGREEMENT = "经司法确认的赔偿协议"


class RestorationMode(StrEnum):
    """修复方式 (第二十条)."""

    SELF = "自行修复"
    COMMISSIONED = "委托修复"
    ALTERNATIVE = "替代修复"
    FUNDED = "权利人以赔偿资金组织修复"  # obligor pays; the department commissions the work
    COMPENSATION_ONLY = "无法修复，赔偿损失"


class RestorationEndGround(StrEnum):
    """终止修复情形 (第二十五条)."""

    ACCEPTABLE_RISK = "已修复至生态环境风险可接受水平"
    FORCE_MAJEURE = "不可抗力导致修复中止且无法继续"

    @property
    def statutory(self) -> str:
        """The situation in 第二十五条's own words, as a decision that ends restoration states it."""
        if self is RestorationEndGround.ACCEPTABLE_RISK:
            return "确实无法达到修复目标但已修复至生态环境风险可接受水平"
        return "因不可抗力导致修复中止并无法继续"


class ReferralDirection(StrEnum):
    """检察衔接的方向 (第二十六条)."""

    FROM_PROCURATORATE = "检察机关移送线索"
    TO_PROCURATORATE = "移送检察机关"


class FineKind(StrEnum):
    """同一损害行为的罚款、罚金 (第二十一条第一款)."""

    ADMINISTRATIVE = "行政罚款"
    CRIMINAL = "刑事罚金"


class CompanyNaming(StrEnum):
    """公开时单位名称的写法 (domain §5)."""

    FULL = "全称"
    MASKED = "某公司"


class PublicItem(StrEnum):
    """应当公开的信息 (第三十三条)."""

    MAJOR_MATTERS = "调查评估及修复方案中的重大事项"
    AGREEMENT = "赔偿协议"
    JUDGMENT = "裁判文书"
    FUND_USE = "资金使用情况"
    RESTORATION_EFFECT = "修复效果"


class WithholdingGround(StrEnum):
    """依法不予公开的理由 (第三十三条“依法”公开；《政府信息公开条例》第十四条、第十五条)."""

    STATE_SECRET = "国家秘密"
    BUSINESS_SECRET = "商业秘密"
    PERSONAL_PRIVACY = "个人隐私"
    PROHIBITED_BY_LAW = "法律、行政法规禁止公开"


class DocumentKind(StrEnum):
    """文书种类; the article each kind is issued under is in ``regulation.document_kinds``."""

    CLAIM_START_APPROVAL = "启动索赔审批表"
    INVESTIGATION_REPORT = "损害调查报告"
    COMPREHENSIVE_ASSESSMENT = "综合认定意见"
    SERVICE_RECEIPT = "送达回证"
    MEETING_NOTICE = "磋商会议通知"
    PROCURATORATE_INVITATION = "邀请检察机关参与磋商函"
    MEETING_RECORD = "磋商记录"
    PAYMENT_NOTICE = "缴款通知书"
    COMPLAINT = "民事起诉状"
    ENFORCEMENT_APPLICATION = "强制执行申请书"
    PLAN_CHANGE_DECISION = "修复方案重大变更决定"
    RESTORATION_END_DECISION = "终止修复决定"
    FUND_USE_DISCLOSURE = "资金使用情况公开"
    CLOSING_REPORT = "结案报告"
    CONSULTATION_NOTICE = "索赔磋商告知书"
    AGREEMENT = "赔偿协议"
    SIMPLIFIED_AGREEMENT = "赔偿协议（简易）"
    CLAIM_END_DECISION = "终止索赔决定"
    CONSULTATION_END_NOTICE = "终止磋商通知书"
    ASSESSMENT_COMMISSION = "鉴定评估委托书"
    ASSESSMENT_EXTENSION_NOTICE = "鉴定评估延期告知书"
    SIMPLIFIED_ASSESSMENT_REMINDER = "适用简易评估认定程序提醒函"
    EXPERT_OPINION_FORM = "专家意见表"
    JUDICIAL_CONFIRMATION_APPLICATION = "司法确认申请书"
    PLAN_FILING_RECEIPT = "修复方案备案回执"
    EFFECT_EVALUATION_OPINION = "修复效果评估意见"
    RECTIFICATION_NOTICE = "限期整改通知书"
    REFERRAL_LETTER = "线索移送函"
    HANDLING_LETTER = "处理情况函"
    OTHER = "其他"
