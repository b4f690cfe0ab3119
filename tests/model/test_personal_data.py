"""Personal data in free text, found however it is typed; legitimate case content left alone (issue 9, finding 2)."""

from __future__ import annotations

import pytest

from ecoredress.model.personal_data import personal_spans, scrub

MARK = "▇"
# (sentence, the personal data in it): each must be removed whole, and the rest of the sentence kept.
POSITIVES = [
    ("举报人邮箱 li.xiuying@example.com。", "li.xiuying@example.com"),
    ("邮箱 wang_1990 ＠ mail.example.cn 已核实", "wang_1990 ＠ mail.example.cn"),
    ("身份证号 640102 19900307 123X，", "640102 19900307 123X"),
    ("身份证号6401021990-0307-123X。", "6401021990-0307-123X"),
    ("身份证号 64010219900307123x。", "64010219900307123x"),
    ("证件 ６４０１０２１９９００３０７１２３Ｘ。", "６４０１０２１９９００３０７１２３Ｘ"),
    ("证件 640102.19900307.1234。", "640102.19900307.1234"),
    ("旧身份证 640102900307123。", "640102900307123"),
    ("手机 1381 234 5678。", "1381 234 5678"),
    ("手机138-1234-5678，", "138-1234-5678"),
    ("手机 139．0000．4417。", "139．0000．4417"),
    ("手机一三八一二三四五六七八。", "一三八一二三四五六七八"),
    ("手机幺三八〇〇〇〇四四一七。", "幺三八〇〇〇〇四四一七"),
    ("手机 +86 138 1234 5678。", "+86 138 1234 5678"),
    ("手机一三八零零零零四四一七。", "一三八零零零零四四一七"),  # 零 and ○ read as 0, 幺 as 1
    ("手机一三八○○○○四四一七。", "一三八○○○○四四一七"),
    ("电话 六幺二三四五六。", "六幺二三四五六"),
    ("电话 六零一二三四五。", "六零一二三四五"),
    ("电话 六○一二三四五。", "六○一二三四五"),
    ("手机 １３９００００４４１７。", "１３９００００４４１７"),
    ("座机 (0951)6012345。", "(0951)6012345"),
    ("座机 0951-601-2345。", "0951-601-2345"),
    ("座机 0951—5554302。", "0951—5554302"),
    ("座机 010-6012345。", "010-6012345"),  # ten digits with the area code
    ("电话 60123456。", "60123456"),  # a local number of eight digits
    ("身份证号 64 0102 19900307 1234。", "64 0102 19900307 1234"),  # the province code apart
    ("账号 622202123456。", "622202123456"),  # twelve digits
    ("电话 八一二三四五六。", "八一二三四五六"),
    ("电话 601 23 45。", "601 23 45"),  # dictated in pairs: not a date for having three groups
    ("旧身份证 64 0102 900307 123。", "64 0102 900307 123"),
    ("电话 6012345。", "6012345"),
    ("联系电话：601-2345。", "601-2345"),
    ("卡号 6222 0202 0000 1111 222。", "6222 0202 0000 1111 222"),
    ("卡号 6222-0202-0000-1111。", "6222-0202-0000-1111"),
    ("卡号 6222.0202.0000.1111。", "6222.0202.0000.1111"),
    ("卡号 ６２２２ ０２０２ ００００ １１１１。", "６２２２ ０２０２ ００００ １１１１"),
    ("账号 622202123456789012。", "622202123456789012"),
    ("车牌宁Ａ１２３４５。", "宁Ａ１２３４５"),
    ("车牌宁 A12345，", "宁 A12345"),
    ("车牌宁A·12345，", "宁A·12345"),
    ("新能源车宁AD12345，", "宁AD12345"),
    ("挂车宁A1234挂，", "宁A1234挂"),
    ("警车宁A1234警，", "宁A1234警"),
    ("车牌宁d·q9e01，", "宁d·q9e01"),
    ("车牌宁·C56QSC，", "宁·C56QSC"),
    ("家住琨珂村三组，", "琨珂村三组"),
    ("家住琨珂村三组5号，", "琨珂村三组5号"),  # the house number after the group goes too
    ("住银川市金凤区凤凰北路8号3号楼2单元501室。", "凤凰北路8号3号楼2单元501室"),
    ("住在丽景小区，", "丽景小区"),
    ("住胜利街3号4层。", "胜利街3号4层"),  # the floor after the house number goes too
    ("住凤凰北路 8 号 5层。", "凤凰北路 8 号 5层"),
    ("住 3栋2单元501室。", "3栋2单元501室"),
    ("地址：宝湖花园12号楼。", "宝湖花园12号楼"),
    ("住文化路 12号。", "文化路 12号"),  # a blank between the road and its number
    ("家住文化路12号院3组，", "文化路12号院3组"),  # the courtyard at the house number and its group go too
    ("家住文化路 12 号院 3组，", "文化路 12 号院 3组"),
    # An ID of 15 characters ending in X: the old 15-digit card has no X, but a mistyped or partly recorded ID
    # is still someone's ID, so it is removed (privacy first).
    ("身份证号 64010290030712X。", "64010290030712X"),
    ("账号 622 202 123 456。", "622 202 123 456"),  # twelve digits in groups of three
    ("座机 0757-81 23 45 67。", "0757-81 23 45 67"),  # area code and eight digits dictated in pairs
]
# Legitimate case content that looks like numbers or addresses: none of it may be touched.
NEGATIVES = [
    "赔偿金额 ¥21,560,000.00，即人民币21560000元，另 1272400.00 元。",
    "2024年4月3日，2024-04-03，2024.04.03，2023.03.01-2023.04.01，二〇二四年四月三日。",
    "依据宁环规发〔2024〕4号，(2023)宁01民特12号，（2024）宁0104民初1234号，石环赔〔2026〕4号。",
    "东经106.2345°，北纬38.4567°；坐标 106.234567,38.456789。",
    "面积 12345.67 平方米，体积 23456.789立方米，长 2.4 公里。",
    "依照《规定》第二十三条、第十一条第一款第（三）项。",
    "执行 GB 3838-2002、HJ 25.1-2019 标准，2019-2021年监测。",
    "浓度分别为 13.5 12.3 14.6 15.2 mg/L。",
    "距离居民小区约500米，某村耕地受损，宁东基地3号渣场和1号排污口。",
    "统一社会信用代码 91640205MA75KQ8X6Q。",
    "存栏约 6 万羽，死亡 1200 尾，12 时 30 分。",
    "死亡鱼类 86 尾，样品 0086 号。",  # 86 alone is no country code
    "联系电话138XXXX5678，",  # masked by the author already: kept as written
    "设备型号 XB3200 型挖掘机。",  # X is no province: not a plate
    # After a word that announces a phone, a date, an amount or a series of readings is still not a number to hide;
    # three readings with two decimals each have the 15 digits of an old ID number.
    "经电话联系，2024-04-03 到场核实。",
    "经联系，义务人缴纳 23456.78 元。",
    "监测值 130.52 140.63 150.74 mg/L。",
    "经电话联系，确认赔偿 215600000 元。",  # nine digits: neither a local number nor an account
    "产品批号 202304031234X。",  # ends in X without the length of an ID number
    "监测期间 2023/10/1-2023/10/15。",  # two dates one after another have the 15 digits of an old ID number
    "监测期间 2023/9/1—2024/3/31。",
]


@pytest.mark.parametrize(("sentence", "value"), POSITIVES, ids=[v for _, v in POSITIVES])
def test_personal_data_is_found_whole(sentence, value):
    assert scrub(sentence, MARK) == sentence.replace(value, MARK)


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_legitimate_content_is_left_alone(sentence):
    assert personal_spans(sentence) == []


def test_a_local_number_needs_a_word_that_announces_a_phone():
    assert scrub("电话 6012345", MARK) == f"电话 {MARK}"
    assert scrub("共 6012345 株", MARK) == "共 6012345 株"


def test_overlapping_finds_are_removed_once():
    # The plate inside an address tail and an e-mail beside a number: each span is replaced once, in order.
    text = "住凤凰北路8号，电话 13812345678 或 13912345678，a@b.cn"
    assert scrub(text, MARK) == f"住{MARK}，电话 {MARK} 或 {MARK}，{MARK}"
    assert personal_spans("1381234567813912345678") == [(0, 22)]


def test_pieces_that_touch_are_removed_as_one():
    assert scrub("住胜利街3号宁A12345停放", MARK) == f"住{MARK}停放"
