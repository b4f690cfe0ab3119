"""Who holds the claim (第五条) and who owes it (第六条)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from ecoredress.model.enums import ObligorKind, RegionalJurisdictionGround, RightsHolder
from ecoredress.model.identifiers import credit_code_problem, id_number_problem
from ecoredress.model.types import Section, field


def _valid_credit_code(code: str) -> str:
    if problem := credit_code_problem(code):
        raise ValueError(problem)
    return code


def _valid_id_number(number: str) -> str:
    if problem := id_number_problem(number):
        raise ValueError(problem)
    return number


CreditCode = Annotated[str, AfterValidator(_valid_credit_code)]
IdNumber = Annotated[str, AfterValidator(_valid_id_number)]


class Jurisdiction(Section):
    """管辖 (第五条)."""

    rights_holder: RightsHolder = field("赔偿权利人", "自治区人民政府或设区市人民政府（第五条）")
    regional_grounds: list[RegionalJurisdictionGround] = field(
        "自治区管辖情形",
        "赔偿权利人为自治区人民政府时，写明第五条第一款所列的管辖情形",
        default_factory=list,
    )
    designated_departments: list[str] = field(
        "指定部门或机构", "赔偿权利人指定负责具体工作的部门或机构（第五条）", min_length=1
    )
    lead_department: str | None = field(
        "主办部门或机构", "涉及两个及以上指定部门或机构时，由赔偿权利人指定的主办部门（第五条第三款）", default=None
    )


class Organisation(Section):
    """单位赔偿义务人."""

    kind: Literal[ObligorKind.ORGANISATION] = field("类型", "单位")
    name: str = field("单位名称", "与营业执照一致的全称；公开时按案件公开策略处理", min_length=2)
    credit_code: CreditCode = field("统一社会信用代码", "18 位，含校验位（GB 32100-2015）")
    legal_representative: str | None = field("法定代表人", "个人信息，不公开", default=None, private=True)
    address: str | None = field("住所", "住所地址，不公开", default=None, private=True)
    phone: str | None = field("联系电话", "不公开", default=None, private=True)


class Person(Section):
    """自然人赔偿义务人：姓名公开时只保留姓氏，其余信息一律不公开."""

    kind: Literal[ObligorKind.PERSON] = field("类型", "个人")
    name: str = field("姓名", "公开时写作“张某”（法释〔2016〕19号）", min_length=2, private=True)
    id_number: IdNumber = field("身份证号码", "18 位，含校验位（GB 11643-1999），不公开", private=True)
    address: str | None = field("住址", "不公开", default=None, private=True)
    phone: str | None = field("联系电话", "不公开", default=None, private=True)
    bank_account: str | None = field("银行账号", "不公开", default=None, private=True)
    plate_number: str | None = field("车牌号", "不公开", default=None, private=True)


Obligor = Annotated[Organisation | Person, Field(discriminator="kind")]
