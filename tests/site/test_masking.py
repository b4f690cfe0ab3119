"""The masking layer and the published projection (domain §5, 第三十三条)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecoredress.model.enums import PublicItem
from ecoredress.publish.masking import REMOVED, Masker, surname
from ecoredress.publish.opendata import cases_csv, cases_json, feed
from ecoredress.publish.projection import PublishedCase, publish_case
from ecoredress.publish.site import DEFAULT_PUBLISHER
from portal_factory import PersonData, base_data, case_with_people, id_number, person_strategy
from portal_scan import private_values

ALICE = PersonData("张瑾瑜", id_number(1990, 1), "13912345678", "银川市金凤区琨珂凤凰路8号", "6222021234567890123", "宁A12B34")
BOB = PersonData("张璇琰", id_number(1988, 2), "15812345678", "银川市金凤区钰锴湖滨路9号", "6217001234567890", "宁B9C8D7")
CAROL = PersonData("欧阳琨珂", id_number(1975, 3), "18612345678", "银川市金凤区翊骁正源路10号", "6228481234567890", "宁C5E6F7")


def test_same_surname_becomes_jia_and_yi_consistently_and_compound_surnames_are_kept():
    case = case_with_people("YC-2023-101", [ALICE, BOB, CAROL], masked_company=False)
    published = publish_case(case)
    names = [o.name for o in published.obligors]
    # The company's legal representative (张琛瑜, private) is the first 张 met: 张某甲.
    assert names[1:] == ["张某乙", "张某丙", "欧阳某"]
    assert "张某乙" in published.summary and "张某丙" in published.summary and "欧阳某" in published.summary
    assert published.damage.description.endswith("张某乙供述了排放经过。")
    assert published.agreement.summary.startswith("张某乙与")
    assert surname("阿依古丽·买买提") == "阿"


def test_personal_data_is_removed_from_free_text():
    case = case_with_people("YC-2023-102", [ALICE], masked_company=False)
    summary = publish_case(case).summary
    for value in (ALICE.id_number, ALICE.phone, ALICE.address, ALICE.bank_account, ALICE.plate, "琨珂凤凰路8号"):
        assert value not in summary
    assert REMOVED in summary


def test_patterns_are_scrubbed_even_when_no_field_records_them():
    masker = Masker(case_with_people("YC-2023-103", [ALICE], masked_company=False))
    text = masker.text("另一人身份证 64010219900101123X，手机 139 0000 1111，座机 (0951)6012345，车牌 宁D·9K8M7，卡号 6222 0202 0000 1111 222")
    assert text.count(REMOVED) == 5, text
    assert masker.text("赔偿 1272400.00 元，2023 年 3 月，2.4 公里") == "赔偿 1272400.00 元，2023 年 3 月，2.4 公里"


def test_masked_company_naming_replaces_full_and_short_names_and_hides_the_credit_code():
    case = case_with_people("YC-2023-104", [ALICE], masked_company=True)
    published = publish_case(case)
    company = published.obligors[0]
    assert company.name == "某公司" and company.credit_code is None
    assert published.title.startswith("某公司向典农河")
    full = case.obligors[0].name  # 宁夏<two rare characters>化工有限公司
    dumped = published.model_dump_json()
    assert full not in dumped and full[2:6] not in dumped  # nor the short form 某某化工


def test_private_and_internal_fields_never_leave_and_are_not_in_the_schema():
    case = case_with_people("YC-2023-105", [ALICE], masked_company=False)
    dumped = publish_case(case).model_dump_json()
    for internal in ("义务人法务联系人", "YC2023-NT-00417", "银川市生态环境局法规科", "义务人对期间服务功能损失计算方法提出异议"):
        assert internal not in dumped
    schema = json.dumps(PublishedCase.model_json_schema())
    for withheld in ('"notes"', '"voucher_no"', '"minutes"', '"participants"', '"draft_amount"', '"id_number"', '"legal_representative"', '"withheld_reason"'):
        assert withheld not in schema


def test_case_without_publication_decision_is_not_published():
    data = base_data() | {"disclosure": {"publish": False}}
    from ecoredress.model import Case

    assert publish_case(Case.model_validate(data)) is None


def test_only_listed_items_are_shown():
    from ecoredress.model import Case

    data = {**base_data(), "disclosure": {**base_data()["disclosure"], "items": [PublicItem.AGREEMENT.value]}}
    published = publish_case(Case.model_validate(data))
    assert published.agreement is not None
    assert published.funds is None and published.assessment is None and published.investigation is None
    assert published.restoration is None
    assert all("资金" not in e.event and "修复效果评估" not in e.event for e in published.timeline)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people=st.lists(person_strategy(), min_size=1, max_size=4, unique_by=lambda p: p.name), masked=st.booleans())
def test_generated_cases_leak_nothing_into_any_open_data(people, masked):
    case = case_with_people("YC-2024-200", people, masked_company=masked)
    published = publish_case(case)
    artifacts = cases_json([published]) + cases_csv([published]) + feed([published], DEFAULT_PUBLISHER)
    compact = "".join(artifacts.split())
    leaked = [v for v in private_values(case) if v in compact]
    assert leaked == []


def test_loosely_typed_private_data_is_masked_too():
    from portal_factory import VARIANT_FORBIDDEN, variant_case

    published = publish_case(variant_case())
    dumped = published.model_dump_json()
    left = [v for v in VARIANT_FORBIDDEN if v in dumped]
    assert left == [], left
    assert published.title == "某公司与欧阳某倾倒废渣生态环境损害赔偿案"
    assert "欧阳某" in published.summary and "某公司" in published.summary
