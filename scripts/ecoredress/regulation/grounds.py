"""The listed grounds for ending a claim (第十二条) or a consultation (第十八条): the item each ground is and the
item's text word for word, so that the checks cite and the documents quote one source."""

from __future__ import annotations

from dataclasses import dataclass

from ecoredress.model.enums import ClaimEndGround, ConsultationEndGround


@dataclass(frozen=True)
class GroundItem:
    article: str  # the article that lists the grounds, e.g. 第十二条
    item: str  # e.g. 第二项
    text: str  # the item's words, without its number and closing punctuation

    @property
    def cited(self) -> str:
        return f"{self.article}{self.item}"


CLAIM_END_ITEMS = {
    ClaimEndGround.MINOR_AND_REMEDIED: GroundItem(
        "第十二条",
        "第一项",
        "违法行为持续时间短、污染环境或破坏生态程度显著轻微，实施违法行为后立即整改且已完成污染清除或生态修复的",
    ),
    ClaimEndGround.UNPROTECTED_SPECIES: GroundItem(
        "第十二条",
        "第二项",
        "涉及物种不在国家、自治区重点保护野生动植物名录或中国生物多样性红色名录中，"
        "对生态环境损害显著轻微的野生动植物资源破坏案件",
    ),
    ClaimEndGround.MINOR_CORRECTED: GroundItem(
        "第十二条",
        "第三项",
        "其他污染环境或破坏生态行为对生态环境损害显著轻微并及时纠正、没有造成损害后果的",
    ),
}

CONSULTATION_END_ITEMS = {
    ConsultationEndGround.REFUSED_OR_NO_REPLY: GroundItem(
        "第十八条", "第一项", "赔偿义务人明确答复不同意磋商或不再磋商的，或逾期未答复的"
    ),
    ConsultationEndGround.ABSENT_OR_WITHDREW: GroundItem(
        "第十八条", "第二项", "赔偿义务人无故不参加磋商会议或退出磋商会议的"
    ),
    ConsultationEndGround.ROUNDS_OR_TERM_EXHAUSTED: GroundItem(
        "第十八条", "第三项", "经三次磋商或超过磋商期限，双方未达成赔偿协议的"
    ),
    ConsultationEndGround.OTHER: GroundItem("第十八条", "第四项", "其他终止磋商的情形"),
}
